"""Entry point of the frozen app (PyInstaller runs this file as __main__; the package itself is `reader`)."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
