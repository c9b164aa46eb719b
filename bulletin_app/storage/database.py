"""The open library: an engine plus units of work that translate DB errors.

Services run every use case inside ``with db.unit() as s:`` — one session, one
transaction, committed at the end or rolled back on any error. SQLAlchemy's
exceptions never leave this package: they become the domain's errors with a
message an editor can act on.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bulletin_app.domain.errors import BulletinError, ConflictError, StorageError
from bulletin_app.storage.backup import backup_sqlite
from bulletin_app.storage.engine import WRITE, create_library_engine
from bulletin_app.storage.location import Location, check_sqlite_file, resolve_location
from bulletin_app.storage.migrate import ensure_schema
from bulletin_app.storage.schema_version import check_compatible, inspect_sqlite_file
from bulletin_app.storage.search import search_backend
from bulletin_app.storage.team import change_feed

if TYPE_CHECKING:
    from bulletin_app.storage.archive import ArchiveSummary
    from bulletin_app.storage.team.change_feed import ChangeWatcher

SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def describe_db_error(exc: SQLAlchemyError, display: str) -> BulletinError:
    if isinstance(exc, StaleDataError):
        return ConflictError("Bản ghi vừa được người khác sửa; hãy tải lại rồi sửa tiếp.")
    orig = getattr(exc, "orig", None)
    detail = str(orig or exc).lower()
    if "disk is full" in detail or "database or disk is full" in detail:
        return StorageError(f"Ổ đĩa đầy khi ghi vào {display}: thay đổi đã được hủy, thư viện vẫn nguyên vẹn.")
    if isinstance(exc, OperationalError) and any(
        word in detail for word in ("could not connect", "connection refused", "timeout expired", "connection failed")
    ):
        lines = [line.strip() for line in str(orig or exc).splitlines() if line.strip()]
        reason = (lines[0] if lines else "")[:200]
        return StorageError(f"Không kết nối được máy chủ thư viện {display} ({reason}). Hãy kiểm tra mạng rồi thử lại.")
    if isinstance(exc, OperationalError) and any(
        word in detail for word in ("server closed", "terminat", "connection", "ssl syscall")
    ):
        return StorageError(
            f"Mất kết nối tới máy chủ thư viện {display}: thay đổi vừa rồi chưa được lưu. "
            "Hãy thử lại khi có mạng; bài đang soạn vẫn được tự lưu trên máy này."
        )
    if "locked" in detail or "busy" in detail:
        return StorageError(f"Thư viện {display} đang bị khóa bởi chương trình khác; hãy thử lại.")
    if "readonly" in detail or "read-only" in detail:
        return StorageError(f"Không ghi được vào {display}: tệp hoặc thư mục chỉ đọc.")
    if "not a database" in detail or "malformed" in detail:
        return StorageError(f"Thư viện {display} bị hỏng hoặc không phải cơ sở dữ liệu.")
    if isinstance(exc, IntegrityError):
        return StorageError(f"Dữ liệu vi phạm ràng buộc của thư viện: {orig}")
    if isinstance(exc, (OperationalError, DatabaseError)):
        return StorageError(f"Lỗi cơ sở dữ liệu {display}: {orig}")
    return StorageError(f"Lỗi cơ sở dữ liệu {display}: {exc}")


class Database:
    def __init__(self, engine: Engine, location: Location, upgraded_backup: Path | None = None) -> None:
        self.engine = engine
        self.location = location
        self.upgraded_backup = upgraded_backup
        self.origin = uuid.uuid4().hex  # this open library, in the change log
        self.author = ""  # who saves (set by the services)
        self._sessions = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        change_feed.install(self._sessions)

    @classmethod
    def open(cls, spec: str | None = None) -> Database:
        location = resolve_location(spec)
        engine = create_library_engine(location)
        if location.path is not None:
            inspect_sqlite_file(location.path)
        try:
            backup = ensure_schema(engine, location.path, location.display)
            change_feed.prune(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise describe_db_error(exc, location.display) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, location, backup)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One unit of work that may write: commit on success, roll back on any error.

        On SQLite it holds the write lock from its first statement (BEGIN IMMEDIATE): units of
        several processes run one after the other, never on a stale read."""
        with self._run(self._sessions) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A unit that only reads: it never waits for another process's write."""
        with self._run(self._read_sessions) as session:
            yield session

    @contextmanager
    def _run(self, sessions: sessionmaker[Session]) -> Iterator[Session]:
        session = sessions()
        session.info.update(origin=self.origin, author=self.author)
        try:
            with session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise describe_db_error(exc, self.location.display) from exc
        finally:
            session.close()

    def optimize(self) -> None:
        with self.engine.begin() as conn:
            search_backend(conn).optimize(conn)
            if self.is_sqlite:
                conn.exec_driver_sql("PRAGMA optimize")

    def backup_to(self, dest: Path) -> Path:
        """A backup at ``dest``: a portable archive (.zip), or for a SQLite library a copy of
        its file (.db)."""
        if dest.suffix.lower() in SQLITE_SUFFIXES:
            if not self.is_sqlite:
                raise StorageError("Thư viện trên máy chủ sao lưu thành tệp .zip (khôi phục được vào SQLite).")
            return backup_sqlite(self.engine, dest)
        from bulletin_app.storage.archive import write_archive

        return write_archive(self.engine, dest).path

    def content(self) -> dict[str, int]:
        """How many articles, issues and pictures the library holds (a restore would replace them)."""
        from bulletin_app.storage.archive import library_content

        with self.engine.connect() as conn:
            return library_content(conn)

    def restore_from(self, archive: Path, force: bool = False) -> ArchiveSummary:
        """Replace the library's content with the archive's (refused over content unless ``force``)."""
        from bulletin_app.storage.archive import restore_archive

        try:
            restored = restore_archive(self.engine, archive, force)
        except SQLAlchemyError as exc:
            raise describe_db_error(exc, self.location.display) from exc
        with self.unit() as s:  # every open window reloads everything
            change_feed.record(s, [("library", None, "replaced")])
        return restored

    def watcher(self) -> ChangeWatcher:
        """A follower of what other windows and processes save (see ``change_feed``)."""
        return change_feed.ChangeWatcher(self.engine, self.origin, self.location.display)

    def close(self) -> None:
        self.engine.dispose()


@dataclass(frozen=True)
class Probe:
    server: str  # "SQLite 3.40.1", "PostgreSQL 15.18"
    schema: str | None  # None: an empty database (a new library is made there)
    articles: int | None


def probe(spec: str, password: str = "") -> Probe:
    """Connect to a library location without opening it (the preferences' "test connection"):
    what is there, or a StorageError saying why not. Nothing is written."""
    location = resolve_location(spec)
    if password:
        from sqlalchemy.engine import make_url

        location = Location(make_url(location.url).set(password=password).render_as_string(False), location.path)
    if location.path is not None:
        check_sqlite_file(location.path)
        if not location.path.exists():
            return Probe(f"SQLite {sqlite3.sqlite_version}", None, None)
        inspect_sqlite_file(location.path)
    engine = create_library_engine(location)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                server = f"SQLite {sqlite3.sqlite_version}"
            else:
                server = " ".join(str(conn.exec_driver_sql("SELECT version()").scalar()).split()[:2])
            tables = set(inspect(conn).get_table_names())
            schema = (
                conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                if "alembic_version" in tables
                else None
            )
            check_compatible(schema, tables, location.display)
            articles = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() if "articles" in tables else None
        return Probe(server, schema, articles)
    except SQLAlchemyError as exc:
        raise describe_db_error(exc, location.display) from exc
    finally:
        engine.dispose()
