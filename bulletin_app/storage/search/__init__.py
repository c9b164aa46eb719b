"""Full-text search behind one interface, one module per database engine.

The engine is chosen once by the database's dialect (:func:`search_backend`): FTS5 on SQLite
(``fts5``), ``tsvector`` + GIN on PostgreSQL (``postgres``). What they share — the indexed
fields, tokens, filters, snippets, shingles — lives in ``fields`` and ``snippets``; an engine
module holds only its own SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from bulletin_app.domain.errors import StorageError
from bulletin_app.domain.query import SearchQuery
from bulletin_app.storage.search import sql
from bulletin_app.storage.search.fields import Filters, IndexFields, RawHit

# A SQLAlchemy Session or Connection, or (reading only, on SQLite) a stdlib sqlite3 connection.
Conn = Any


class SearchBackend(Protocol):
    name: str

    def index(self, conn: Conn, article_id: int, fields: IndexFields) -> None:
        """Add or replace one article's entry (in the caller's transaction)."""

    def index_many(self, conn: Conn, rows: Iterable[tuple[int, IndexFields]]) -> None: ...

    def remove(self, conn: Conn, article_id: int) -> None: ...

    def search(self, session: Conn, query: SearchQuery, filters: Filters, limit: int, offset: int = 0) -> list[RawHit]:
        """Matching live articles: accents as typed first, then words side by side, then rank."""

    def near_duplicates(
        self, session: Conn, title: str, body_plain: str, threshold: float = 0.8, candidates: int = 20
    ) -> list[tuple[int, float]]:
        """(id, overlap) of indexed articles sharing ≥ ``threshold`` of the text's shingles."""

    def rebuild(self, conn: Conn) -> int:
        """Index every live article anew; returns the count."""

    def optimize(self, conn: Conn) -> None: ...

    def plain_texts(self, session: Conn, ids: Sequence[int]) -> dict[int, str]: ...


_ENGINES: dict[str, SearchBackend] = {}


def search_backend(conn: Conn) -> SearchBackend:
    """The search engine of the database ``conn`` talks to."""
    dialect = sql.dialect(conn)
    engine = _ENGINES.get(dialect)
    if engine is None:
        if dialect == "sqlite":
            from bulletin_app.storage.search.fts5 import Fts5Search

            engine = Fts5Search()
        elif dialect == "postgresql":
            from bulletin_app.storage.search.postgres import PostgresSearch

            engine = PostgresSearch()
        else:
            raise StorageError(f"Tìm kiếm chưa hỗ trợ cơ sở dữ liệu {dialect} (chỉ SQLite và PostgreSQL).")
        _ENGINES[dialect] = engine
    return engine
