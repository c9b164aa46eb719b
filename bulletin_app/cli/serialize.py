"""Domain records → JSON-ready dicts (the shapes documented in docs/cli.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bulletin_app.domain.article import Article, ArticleSummary
from bulletin_app.domain.issue import Issue, IssueSummary
from bulletin_app.domain.query import SearchHit, mark_spans


def _when(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value else None


def summary_json(a: ArticleSummary) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "column": a.column,
        "status": a.status.value,
        "language": a.language.value,
        "published": _when(a.published),
        "word_count": a.word_count,
        "updated": _when(a.updated),
        "translation_id": a.partner_id,
        "translation_state": a.translation.value if a.translation else None,
    }


def article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "sapo": a.sapo,
        "body": a.body,
        "byline": a.byline,
        "source_name": a.source_name,
        "source_url": a.source_url,
        "published": _when(a.published) if a.published_has_time or not a.published else a.published.date().isoformat(),
        "column": a.column,
        "tags": list(a.tags),
        "status": a.status.value,
        "language": a.language.value,
        "translation_id": a.translation_id,
        "word_count": a.word_count,
        "created": _when(a.created),
        "updated": _when(a.updated),
        "version": a.version,
        "findings": [f.as_dict() for f in a.findings],
    }


def hit_json(h: SearchHit) -> dict[str, Any]:
    return {
        "id": h.id,
        "title": h.title,
        "snippet": mark_spans(h.snippet, h.highlights),
        "snippet_text": h.snippet,
        "highlights": [list(s) for s in h.highlights],
        "score": round(h.score, 4),
        "exact": h.exact,
        "column": h.column,
        "status": h.status,
        "published": _when(h.published),
    }


def issue_summary_json(i: IssueSummary) -> dict[str, Any]:
    return {
        "id": i.id,
        "number": i.number,
        "date": i.date.isoformat(),
        "title": i.title,
        "status": i.status.value,
        "article_count": i.article_count,
    }


def issue_json(i: Issue) -> dict[str, Any]:
    return {
        "id": i.id,
        "number": i.number,
        "date": i.date.isoformat(),
        "title": i.title,
        "period_label": i.period_label,
        "status": i.status.value,
        "version": i.version,
        "edition": i.edition,
        "arrangement": i.arrangement,
        "sections": [
            {
                "id": s.id,
                "name": s.name,
                "name_en": s.name_en,
                "position": s.position,
                "articles": [{"id": e.article_id, "title": e.title, "position": e.position} for e in s.entries],
            }
            for s in i.sections
        ],
    }
