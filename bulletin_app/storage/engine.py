"""Opening a library: resolve the location, check the file, tune SQLite, migrate.

``--db`` and ``BULLETIN_DB`` take a file path or any SQLAlchemy URL. For a
SQLite file we look at it *before* SQLAlchemy does, so a wrong file is reported
and never touched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bulletin_app.domain.errors import StorageError
from bulletin_app.paths import default_db_path

DB_ENV = "BULLETIN_DB"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Location:
    url: str
    path: Path | None  # the SQLite file, when the library is one

    @property
    def display(self) -> str:
        """Where the library is, fit to show: a server URL without its password."""
        if self.path:
            return str(self.path)
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError:
            return self.url


def resolve_location(spec: str | None) -> Location:
    """Turn a ``--db`` value (path or URL; None = env or default) into a location."""
    spec = spec or os.environ.get(DB_ENV) or ""
    if not spec:
        path = default_db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Không tạo được thư mục dữ liệu {path.parent}: {exc.strerror}") from exc
        return Location(f"sqlite:///{path}", path)
    if "://" in spec:
        try:
            url = make_url(spec)
        except ArgumentError as exc:
            raise StorageError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {spec}") from exc
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Location(spec, Path(url.database).resolve())
        return Location(spec, None)
    path = Path(spec).expanduser().resolve()
    return Location(f"sqlite:///{path}", path)


def check_sqlite_file(path: Path) -> None:
    """Refuse, with a clear message, anything that is not a usable SQLite library file."""
    parent = path.parent
    if not parent.exists():
        raise StorageError(f"Thư mục {parent} không tồn tại — hãy tạo thư mục hoặc chọn nơi khác.")
    if not parent.is_dir():
        raise StorageError(f"{parent} không phải là thư mục.")
    if path.is_dir():
        raise StorageError(f"{path} là một thư mục, không phải tệp thư viện.")
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StorageError(f"Không đọc được tệp {path}: {exc.strerror}") from exc
        if head and head != SQLITE_MAGIC:
            raise StorageError(
                f"Tệp {path} không phải là thư viện bản tin (không phải cơ sở dữ liệu SQLite "
                "hoặc đã hỏng). Tệp được giữ nguyên."
            )
        if not os.access(path, os.W_OK):
            raise StorageError(f"Tệp {path} chỉ đọc — không thể lưu thay đổi.")
    elif not os.access(parent, os.W_OK):
        raise StorageError(f"Không có quyền ghi vào thư mục {parent}.")


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
