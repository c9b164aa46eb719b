"""``python -m bulletin_app``: the desktop app; with arguments, the ``bulletin`` CLI."""

import sys


def _main() -> int:
    if len(sys.argv) > 1:
        from bulletin_app.cli import process_main

        return process_main()
    from bulletin_app.gui.window.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(_main())
