"""Every saved change written to ``change_log`` in its own transaction, and read back by the
other open libraries: a window learns of another editor's work within a second.

Writing: an ORM ``after_flush`` hook notes the articles, issues, columns and publication a
flush touched, with the session's origin (one per open library) and author, so no use case
has to remember to. On PostgreSQL it also sends ``NOTIFY bulletin_changes`` (delivered at
commit). Reading (:class:`ChangeWatcher`): on SQLite ``PRAGMA data_version`` — one integer,
changed when another connection committed — tells whether the log needs reading at all; on
PostgreSQL a listening connection is told. Either way, the entries of other origins since the
last one seen are the answer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, delete, event, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bulletin_app.domain.changes import Seen
from bulletin_app.domain.errors import StorageError
from bulletin_app.storage.engine import WRITE
from bulletin_app.storage.models import ArticleRow, ChangeLogRow, ColumnRow, IssueRow, PublicationRow, utcnow

CHANNEL = "bulletin_changes"
KEEP = dt.timedelta(days=2)


def _entries(session: Session) -> list[tuple[str, int | None, str]]:
    found: dict[tuple[str, int | None], str] = {}
    for obj in session.new:
        if isinstance(obj, ArticleRow):
            found[("article", obj.id)] = "added"
        elif isinstance(obj, IssueRow):
            found[("issue", obj.id)] = "added"
    for obj in session.dirty:
        if not session.is_modified(obj, include_collections=False):
            continue
        if isinstance(obj, ArticleRow):
            trash = inspect(obj).attrs.deleted_at.history
            action = "changed"
            if trash.has_changes():  # into the trash: gone from the lists; out of it: back
                action = "removed" if obj.deleted_at is not None else "added"
            found.setdefault(("article", obj.id), action)
        elif isinstance(obj, IssueRow):
            found.setdefault(("issue", obj.id), "changed")
        elif isinstance(obj, ColumnRow):
            found[("columns", None)] = "changed"
        elif isinstance(obj, PublicationRow):
            found[("publication", None)] = "changed"
    for obj in session.new:
        if isinstance(obj, ColumnRow):
            found[("columns", None)] = "changed"
        elif isinstance(obj, PublicationRow):
            found[("publication", None)] = "changed"
    for obj in session.deleted:
        if isinstance(obj, ArticleRow):
            found[("article", obj.id)] = "removed"
        elif isinstance(obj, IssueRow):
            found[("issue", obj.id)] = "removed"
    return [(kind, ref, action) for (kind, ref), action in found.items()]


def record(session: Session, entries: list[tuple[str, int | None, str]]) -> None:
    """Write entries to the log in the session's transaction (origin and author from its info)."""
    if not entries:
        return
    origin = session.info.get("origin", "")
    author = session.info.get("author", "")
    now = utcnow()
    conn = session.connection()
    conn.execute(
        ChangeLogRow.__table__.insert(),
        [{"at": now, "origin": origin, "author": author, "kind": k, "ref_id": r, "action": a} for k, r, a in entries],
    )
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"NOTIFY {CHANNEL}"))


def install(sessions: sessionmaker[Session]) -> None:
    """Log what every flush of these sessions saves."""

    @event.listens_for(sessions, "after_flush")
    def _after_flush(session: Session, _context: Any) -> None:
        record(session, _entries(session))


def prune(engine: Engine) -> None:
    """Forget entries older than ``KEEP``. Looked at first with a read: opening a library (even
    for a search) must not wait for another process's write lock when there is nothing to do."""
    cutoff = utcnow() - KEEP
    with engine.connect() as conn:
        stale = conn.execute(select(ChangeLogRow.id).where(ChangeLogRow.at < cutoff).limit(1)).first()
    if stale is not None:
        with engine.execution_options(**WRITE).begin() as conn:
            conn.execute(delete(ChangeLogRow).where(ChangeLogRow.at < cutoff))


class ChangeWatcher:
    """Follows the log for one open library, on a connection of its own."""

    def __init__(self, engine: Engine, origin: str, display: str) -> None:
        self._engine = engine
        self._display = display
        self._origin = origin
        self._conn: Connection | None = None
        self._data_version: int | None = None
        self._polls = 0
        # Where "new" starts: now, when the window opens (not at its first look, a second later);
        # on a server the listening starts now too.
        self._last = self._latest(self._connect())

    def _connect(self) -> Connection:
        if self._conn is None:
            conn = self._engine.connect()
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.exec_driver_sql(f"LISTEN {CHANNEL}")
            self._conn = conn
        return self._conn

    def _latest(self, conn: Connection) -> int:
        latest = conn.execute(select(func.max(ChangeLogRow.id))).scalar() or 0
        self._end(conn)
        return latest

    @staticmethod
    def _end(conn: Connection) -> None:
        # A SQLite read left open would pin its snapshot: the next look would see nothing new.
        # (A server connection listens in autocommit.)
        if conn.in_transaction():
            conn.rollback()

    def _something_new(self, conn: Connection) -> bool:
        self._polls += 1
        if conn.dialect.name == "sqlite":
            version = conn.exec_driver_sql("PRAGMA data_version").scalar()
            self._end(conn)
            changed = version != self._data_version
            self._data_version = version
            return changed
        raw = conn.connection.driver_connection
        told = any(True for _ in raw.notifies(timeout=0, stop_after=1))  # type: ignore[union-attr]
        # A look after (re)connecting and now and then, in case a notice was missed.
        return told or self._polls % 10 == 1

    def poll(self) -> Seen:
        """Changes saved by other origins since the last poll (cheap when there are none).

        Raises StorageError when the database cannot be reached; the next poll reconnects."""
        seen = Seen()
        try:
            conn = self._connect()
            if not self._something_new(conn):
                return seen
            rows = conn.execute(
                select(
                    ChangeLogRow.id,
                    ChangeLogRow.origin,
                    ChangeLogRow.author,
                    ChangeLogRow.kind,
                    ChangeLogRow.ref_id,
                    ChangeLogRow.action,
                )
                .where(ChangeLogRow.id > self._last)
                .order_by(ChangeLogRow.id)
            ).all()
            self._end(conn)
        except (SQLAlchemyError, self._engine.dialect.loaded_dbapi.Error) as exc:
            # (The listening connection's own calls raise the driver's errors, not SQLAlchemy's.)
            self.close()
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StorageError(f"Mất kết nối tới thư viện {self._display}: {detail}. Đang thử kết nối lại…") from exc
        for row_id, origin, author, kind, ref, action in rows:
            self._last = max(self._last, row_id)
            if origin == self._origin:
                continue
            seen.authors.add(author)
            if kind == "article" and ref is not None:
                {"added": seen.articles_added, "removed": seen.articles_removed}.get(action, seen.articles_changed).add(
                    ref
                )
            elif kind == "issue" and ref is not None:
                seen.issues.add(ref)
            elif kind == "columns":
                seen.columns = True
            elif kind == "publication":
                seen.publication = True
            elif kind == "library":
                seen.replaced = True
        return seen

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                self._conn.close()
            self._conn = None
            self._polls = 0
