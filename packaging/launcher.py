"""Entry point of the frozen program (PyInstaller): the same as ``python -m lampang_planner``."""

import sys

from lampang_planner.cli import main

if __name__ == "__main__":
    sys.exit(main())
