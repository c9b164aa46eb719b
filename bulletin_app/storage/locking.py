"""Row locks for read-modify-write on a server.

On SQLite a writing unit holds the database's write lock from its first statement (BEGIN
IMMEDIATE, see ``engine``), so nothing it read can change before it writes. PostgreSQL runs
writers side by side (READ COMMITTED): a unit about to change a row it decides on — an
article's tags extended, an issue's entries moved — first takes that row's lock, and reads it
again once it holds it. Two such units then follow each other, and both changes land.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session

T = TypeVar("T")


def locked(s: Session, model: type[T], row_id: int) -> T | None:
    """The row, read after taking its write lock (None when there is no such row)."""
    if s.get_bind().dialect.name == "postgresql":
        key: Any = model.id  # type: ignore[attr-defined]
        if s.execute(select(key).where(key == row_id).with_for_update()).first() is None:
            return None
        return s.get(model, row_id, populate_existing=True)
    return s.get(model, row_id)


def claim(s: Session, digest: str) -> None:
    """Hold, until the unit ends, a claim on a value (a content hash): another unit claiming the
    same value waits for this one to commit. A transaction-scoped advisory lock on a server; a
    SQLite writing unit holds the database's lock already."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": int(digest[:15], 16)})
