"""The search's SQL runs on a SQLAlchemy session or connection — or on the standard library's
``sqlite3`` connection of :mod:`bulletin_app.storage.sqlite_reader`, so ``bulletin search`` on a
current SQLite library never imports SQLAlchemy (most of a cold start).

The statements are plain SQL with ``:name`` parameters, which both understand; a datetime
parameter is handed to ``sqlite3`` in the text form SQLAlchemy stores on SQLite.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

Params = Mapping[str, Any] | Sequence[Mapping[str, Any]] | None
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's DateTime on SQLite


def _stdlib(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.strftime(SQLITE_DATETIME) if isinstance(v, dt.datetime) else v for k, v in params.items()}


def execute(conn: Any, sql: str, params: Params = None) -> Any:
    """Run ``sql``; a sequence of parameter sets runs it once per set."""
    if isinstance(conn, sqlite3.Connection):
        if params is not None and not isinstance(params, Mapping):
            return conn.executemany(sql, [_stdlib(p) for p in params])
        return conn.execute(sql, _stdlib(params or {}))
    from sqlalchemy import text

    return conn.execute(text(sql), params if params is not None else {})


def rows(conn: Any, sql: str, params: Params = None) -> list[Sequence[Any]]:
    """Every row of ``sql`` as a tuple-like row."""
    result = execute(conn, sql, params)
    return result.fetchall() if isinstance(conn, sqlite3.Connection) else result.all()


def scalar(conn: Any, sql: str, params: Params = None) -> Any:
    """The first column of the first row, or None."""
    row = execute(conn, sql, params).fetchone()
    return None if row is None else row[0]


def dialect(conn: Any) -> str:
    """The engine's name: "sqlite", "postgresql"…"""
    if isinstance(conn, sqlite3.Connection):
        return "sqlite"
    from sqlalchemy.orm import Session

    return (conn.get_bind() if isinstance(conn, Session) else conn).dialect.name


def to_datetime(value: Any) -> dt.datetime | None:
    """A datetime column's value as read by either driver."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
