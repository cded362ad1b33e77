"""Entry point of the frozen app (PyInstaller runs this file as __main__; the package itself is `reader`)."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    # The window compares large texts in a spawned child process (reader.view.compare_process). A frozen
    # child is this same executable: freeze_support() turns it into the worker instead of a new app.
    multiprocessing.freeze_support()
    sys.exit(main())
