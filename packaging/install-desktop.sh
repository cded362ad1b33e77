#!/bin/sh
# Add Qarin to the desktop's application menu for the current user (run from the unpacked qarin/ folder).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/qarin.png" "$icons/qarin.png"
# The menu entry runs this folder's executable by its absolute path.
sed -e "s|^Exec=qarin|Exec=\"$here/qarin\"|" -e "s|^TryExec=qarin|TryExec=$here/qarin|" \
    "$here/qarin.desktop" > "$apps/qarin.desktop"
echo "installed $apps/qarin.desktop"
