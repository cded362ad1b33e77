"""The actions room: the action specs bound to QActions and menus, the keymap and its dialog, the palette."""
