"""A current SQLite library read through the standard library's ``sqlite3`` alone.

``bulletin search``, ``export`` and ``check`` only read the library: importing SQLAlchemy and
mapping the models costs most of their cold start (0.3–0.4 s). When the library is a SQLite file
already at this version's schema, their plain SQL (``search.sql``, ``records_read``) runs on a
connection that only reads instead. Every other case — a server, a new file, an older one to
upgrade, a newer one, not a library — is left to :class:`bulletin_app.storage.database.Database`,
which knows what to say and do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from bulletin_app.domain.errors import StorageError
from bulletin_app.storage.location import DB_ENV, SQLITE_MAGIC, Location, resolve_location
from bulletin_app.storage.schema_version import head_revision

BUSY_TIMEOUT_S = 30.0  # as the full way: a writer's commit is waited for, not failed on


class SqliteReader:
    def __init__(self, conn: sqlite3.Connection, location: Location) -> None:
        self._conn = conn
        self.location = location

    @classmethod
    def open(cls, spec: str | None) -> SqliteReader | None:
        """The library at ``spec`` opened for reading only, or None when it must be opened the full way."""
        import os

        if "://" in (spec or os.environ.get(DB_ENV) or ""):
            return None  # a URL: a server, or SQLite spelled as SQLAlchemy does
        location = resolve_location(spec)
        path = location.path
        if path is None or not path.is_file():
            return None
        try:
            with path.open("rb") as fh:
                if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    return None
            # Read-write but never creating, and no writes (query_only): a read-only connection
            # could not remove the WAL's -wal and -shm files on closing, as the last one must.
            # (Closing last, it also folds a crashed writer's WAL into the file, as any opening
            # of the library does: the same records, the journal emptied.)
            conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error):
            return None
        try:
            conn.isolation_level = None  # transactions as we say: one snapshot per read
            conn.execute("PRAGMA query_only = ON")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            row = None
        if row is None or row[0] != head_revision():
            conn.close()
            return None
        return cls(conn, location)

    @classmethod
    @contextmanager
    def reading(cls, spec: str | None) -> Iterator[SqliteReader | None]:
        """:meth:`open` for the length of a ``with``, closed after; None as there."""
        reader = cls.open(spec)
        try:
            yield reader
        finally:
            if reader is not None:
                reader.close()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one read transaction (every query sees the same snapshot)."""
        try:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise StorageError(f"Không đọc được thư viện {self.location.display}: {exc}") from exc

    def close(self) -> None:
        self._conn.close()
