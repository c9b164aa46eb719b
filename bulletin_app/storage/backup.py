"""Consistent copies of a SQLite library (online backup API, atomic rename)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from bulletin_app.domain.errors import StorageError


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy the live database to ``dest`` through a temporary file, then rename.

    SQLite's backup API gives a consistent snapshot even while the app writes
    (WAL content included); a failure leaves nothing at ``dest``.
    """
    if engine.dialect.name != "sqlite":
        raise StorageError("Sao lưu trực tiếp chỉ hỗ trợ thư viện SQLite; hãy dùng công cụ của máy chủ CSDL.")
    dest = dest.resolve()
    if not dest.parent.is_dir():
        raise StorageError(f"Thư mục {dest.parent} không tồn tại.")
    tmp = dest.with_name(f".{dest.name}.part")
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Không sao lưu được vào {dest}: {exc}") from exc
    finally:
        raw.close()
    return dest
