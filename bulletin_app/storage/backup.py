"""Consistent copies of a SQLite library (online backup API, atomic rename)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from bulletin_app.atomic_file import write_atomically
from bulletin_app.domain.errors import StorageError


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy the live database to ``dest`` through a temporary file, then rename.

    SQLite's backup API gives a consistent snapshot even while the app writes
    (WAL content included); a failure leaves nothing at ``dest``.
    """
    if engine.dialect.name != "sqlite":
        raise StorageError("Sao lưu trực tiếp chỉ hỗ trợ thư viện SQLite; hãy dùng công cụ của máy chủ CSDL.")
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)

        def copy(tmp: Path) -> None:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
            finally:
                target.close()

        try:
            return_path = dest.resolve()
            write_atomically(return_path, copy)
        except sqlite3.Error as exc:
            raise StorageError(f"Không sao lưu được vào {dest}: {exc}") from exc
    finally:
        raw.close()
    return return_path
