"""Search use: resolve filters against the library, run the backend, cut snippets."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletin_app.domain.article import TRANSLATION_WORDS, ArticleStatus
from bulletin_app.domain.query import SearchHit, SearchQuery
from bulletin_app.storage.columns_repo import matching_column_ids, matching_tag_ids
from bulletin_app.storage.models import ArticleRow, ColumnRow
from bulletin_app.storage.search import search_backend
from bulletin_app.storage.search.fields import Filters
from bulletin_app.storage.search.snippets import make_snippet
from bulletin_app.text import clean_line, fold

_STATUS_WORDS = {fold(s.value): s.value for s in ArticleStatus}
_STATUS_WORDS.update({fold(s.label_vi): s.value for s in ArticleStatus})


def _filters(s: Session, query: SearchQuery) -> Filters | None:
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


def run_search(
    s: Session, query: SearchQuery, limit: int = 50, offset: int = 0, snippets: bool = True
) -> list[SearchHit]:
    engine = search_backend(s)
    filters = _filters(s, query)
    if filters is None:
        return []
    raw = engine.search(s, query, filters, limit, offset)
    ids = [h.id for h in raw]
    plains = engine.plain_texts(s, ids) if query.terms and snippets else {}
    rows = {
        r.id: r
        for r in s.execute(
            select(
                ArticleRow.id,
                ArticleRow.title,
                ArticleRow.sapo,
                ArticleRow.status,
                ArticleRow.published_at,
                ColumnRow.name.label("column"),
            )
            .outerjoin(ColumnRow, ColumnRow.id == ArticleRow.column_id)
            .where(ArticleRow.id.in_(ids))
        )
    }
    hits: list[SearchHit] = []
    for h in raw:
        row = rows[h.id]
        if plains:
            snippet, spans = make_snippet(plains.get(h.id, ""), query.terms, exact=query.case_terms)
        else:
            snippet, spans = (row.sapo or row.title)[:180], []
        hits.append(
            SearchHit(
                h.id, row.title, snippet, tuple(spans), h.score, h.exact, row.column, row.status, row.published_at
            )
        )
    return hits
