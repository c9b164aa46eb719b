"""Search use case: the query language over the library."""

from __future__ import annotations

from dataclasses import dataclass

from bulletin_app.domain.query import SearchHit, parse_query
from bulletin_app.storage import search_repo
from bulletin_app.storage.database import Database


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    warnings: list[str]


class SearchService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, raw_query: str, limit: int = 50, offset: int = 0, snippets: bool = True) -> SearchResult:
        """Search the library; ``snippets=False`` skips cutting snippets (id lists for views)."""
        query = parse_query(raw_query)
        with self._db.read() as s:
            hits = search_repo.run_search(s, query, limit, offset, snippets)
        return SearchResult(hits, query.warnings)
