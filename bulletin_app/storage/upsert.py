"""``INSERT … ON CONFLICT`` in the library's dialect (SQLite and PostgreSQL spell it alike, but
SQLAlchemy builds it from each dialect's own ``insert``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def insert(s: Session, model: Any) -> Any:
    """An INSERT into ``model`` that can take ``on_conflict_do_nothing/update``."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(model)
