"""Per-user locations: the data folder holding the library, backups and logs."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "BanTinDoiNgoai"
APP_AUTHOR = "SoNgoaiVuThaiNguyen"


def data_dir() -> Path:
    """``BULLETIN_DATA_DIR`` or the platform's user data folder (not created here)."""
    override = os.environ.get("BULLETIN_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / "library.db"


def log_path() -> Path:
    return data_dir() / "logs" / "bulletin.log"
