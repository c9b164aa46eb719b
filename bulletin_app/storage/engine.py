"""Opening a library's engine: check the file, tune SQLite.

``--db`` and ``BULLETIN_DB`` take a file path or any SQLAlchemy URL (``location``). For a
SQLite file we look at it *before* SQLAlchemy does, so a wrong file is reported
and never touched.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bulletin_app.domain.errors import StorageError
from bulletin_app.storage.location import Location, check_sqlite_file


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # The driver would open transactions lazily, before the first write only, so a unit's reads
    # ran outside its transaction; we issue BEGIN ourselves (``_sqlite_begin``).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_library_engine(location: Location) -> Engine:
    if location.path is not None:
        check_sqlite_file(location.path)
    try:
        url = make_url(location.url)
        options: dict = {}
        if url.get_backend_name() == "postgresql":
            from bulletin_app.storage.credentials import with_saved_password

            url = with_saved_password(url)
            # A server over the office network: a dead connection is replaced before use, and
            # an unreachable server is a message after 5 s, not a frozen window.
            options = {"pool_pre_ping": True, "connect_args": {"connect_timeout": 5}}
        engine = create_engine(url, **options)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"Không mở được cơ sở dữ liệu {location.display}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


WRITE = {"sqlite_begin": "IMMEDIATE"}


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    """BEGIN IMMEDIATE for a unit that writes (``WRITE`` execution options): it takes the write
    lock up front, so what it reads cannot change before it writes — a duplicate check and the
    insert it guards, tags read and extended — and a second writer waits (busy_timeout) instead
    of failing on a stale snapshot. Reads begin DEFERRED and never wait for a writer (WAL)."""
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")
