"""The export dialog: preflight, options, progress and cancel."""
