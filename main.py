"""Run the desktop application: ``python main.py [--db PATH]``."""

import sys

from bulletin_app.gui.window.app import main

if __name__ == "__main__":
    sys.exit(main())
