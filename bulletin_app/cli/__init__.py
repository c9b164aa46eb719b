"""The ``bulletin`` command line: a second face on the same services as the GUI."""

from bulletin_app.cli.main import main, process_main

__all__ = ["main", "process_main"]
