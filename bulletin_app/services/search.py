"""Search use case: the query language over the library."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bulletin_app.domain.query import SearchHit, parse_query
from bulletin_app.storage import search_repo

if TYPE_CHECKING:  # neither is imported to search: see ``read_only``
    from bulletin_app.storage.database import Database
    from bulletin_app.storage.sqlite_reader import SqliteReader


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    warnings: list[str]


class SearchService:
    def __init__(self, db: Database | SqliteReader) -> None:
        self._db = db

    @staticmethod
    @contextmanager
    def read_only(spec: str | None) -> Iterator[SearchService | None]:
        """A search over the library at ``spec`` read through the standard library's sqlite3
        alone (a cold ``bulletin search`` without SQLAlchemy's import); None when the library
        must be opened the full way (a server, a new, older or newer file)."""
        from bulletin_app.storage.sqlite_reader import SqliteReader

        with SqliteReader.reading(spec) as reader:
            yield None if reader is None else SearchService(reader)

    def ids(self, raw_query: str, limit: int = 2000) -> list[int]:
        """The matching articles' ids in rank order: a list's rows, without reading their titles
        or cutting snippets (up to 2,000 hits while the editor types)."""
        query = parse_query(raw_query)
        with self._db.read() as s:
            return search_repo.matching_ids(s, query, limit)

    def search(self, raw_query: str, limit: int = 50, offset: int = 0) -> SearchResult:
        """Search the library: hits with their titles and snippets (``ids`` for a list's rows)."""
        query = parse_query(raw_query)
        with self._db.read() as s:
            hits = search_repo.run_search(s, query, limit, offset)
        return SearchResult(hits, query.warnings)
