"""Search use: resolve filters against the library, run the backend, cut snippets.

Plain SQL throughout (``search.sql``): the same code reads a library opened the full way and,
for ``bulletin search``, a current SQLite file through the standard library alone.
"""

from __future__ import annotations

from bulletin_app.domain.article import TRANSLATION_WORDS, ArticleStatus
from bulletin_app.domain.query import SearchHit, SearchQuery
from bulletin_app.storage.search import Conn, search_backend
from bulletin_app.storage.search import sql as db
from bulletin_app.storage.search.fields import Filters, RawHit
from bulletin_app.storage.search.snippets import make_snippet
from bulletin_app.text import clean_line, fold
from bulletin_app.text.fold import name_key

_STATUS_WORDS = {fold(s.value): s.value for s in ArticleStatus}
_STATUS_WORDS.update({fold(s.label_vi): s.value for s in ArticleStatus})


def matching_column_ids(s: Conn, name: str) -> list[int]:
    """Columns whose folded name equals or starts with the folded filter value."""
    wanted = fold(clean_line(name))
    return [r[0] for r in db.rows(s, "SELECT id, name FROM columns") if fold(r[1]).startswith(wanted)]


def matching_tag_ids(s: Conn, name: str) -> list[int]:
    return [r[0] for r in db.rows(s, "SELECT id FROM tags WHERE name_key = :key", {"key": name_key(name)})]


def _filters(s: Conn, query: SearchQuery) -> Filters | None:
    """Filters as ids; None when a filter can match nothing (the answer is empty)."""
    column_ids = matching_column_ids(s, query.column) if query.column else None
    tag_ids: list[int] | None = None
    for tag in query.tags:
        ids = matching_tag_ids(s, tag)
        tag_ids = ids if tag_ids is None else [i for i in tag_ids if i in ids]
    status = None
    if query.status:
        status = _STATUS_WORDS.get(fold(query.status))
        if status is None:
            query.warnings.append(f"status: không có trạng thái “{query.status}”")
            return None
    translation = None
    if query.translation:
        translation = TRANSLATION_WORDS.get(fold(query.translation))
        if translation is None:
            query.warnings.append(f"translated: không hiểu “{query.translation}” (no, partial, yes, outdated)")
            return None
    if column_ids == [] or tag_ids == []:
        return None
    return Filters(
        column_ids,
        status,
        tag_ids,
        query.language,
        query.date_from,
        query.date_to,
        translation,
        tuple(clean_line(t) for t in query.case_terms),
    )


def _ranked(s: Conn, query: SearchQuery, limit: int, offset: int) -> list[RawHit]:
    filters = _filters(s, query)
    return [] if filters is None else search_backend(s).search(s, query, filters, limit, offset)


def matching_ids(s: Conn, query: SearchQuery, limit: int = 50, offset: int = 0) -> list[int]:
    """The ids of the hits in rank order, and nothing else (a list view's rows)."""
    return [h.id for h in _ranked(s, query, limit, offset)]


def run_search(s: Conn, query: SearchQuery, limit: int = 50, offset: int = 0) -> list[SearchHit]:
    raw = _ranked(s, query, limit, offset)
    if not raw:
        return []
    ids = [h.id for h in raw]
    plains = search_backend(s).plain_texts(s, ids) if query.terms else {}
    id_list = ",".join(str(int(i)) for i in ids) or "NULL"
    rows = {
        r[0]: r
        for r in db.rows(
            s,
            "SELECT a.id, a.title, a.sapo, a.status, a.published_at, c.name FROM articles a "
            f"LEFT OUTER JOIN columns c ON c.id = a.column_id WHERE a.id IN ({id_list})",
        )
    }
    hits: list[SearchHit] = []
    for h in raw:
        _, title, sapo, status, published, column = rows[h.id]
        if plains:
            snippet, spans = make_snippet(plains.get(h.id, ""), query.terms, exact=query.case_terms)
        else:
            snippet, spans = (sapo or title)[:180], []
        hits.append(
            SearchHit(h.id, title, snippet, tuple(spans), h.score, h.exact, column, status, db.to_datetime(published))
        )
    return hits
