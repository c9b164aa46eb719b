"""Unexpected errors go to a log file in the data folder, never as a traceback on screen."""

from __future__ import annotations

import traceback
from pathlib import Path

from bulletin_app.paths import log_path


def log_unexpected(exc: BaseException) -> Path | None:
    """Append the traceback to the log; returns the log's path (None if it cannot be written)."""
    import logging  # when there is something to log: not part of every command's start
    from logging.handlers import RotatingFileHandler

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        logger = logging.getLogger("bulletin_app.crash")
        if not logger.handlers:
            handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            logger.addHandler(handler)
            logger.propagate = False
        logger.error("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None
