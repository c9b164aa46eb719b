"""The search query language, parsed into a pure structure.

    words  "a phrase"  prefix*  -exclude  -"excluded phrase"
    column:NAME  status:S  tag:T  lang:vi  from:YYYY-MM-DD  to:YYYY-MM-DD
    translated:no|partial|yes|outdated  (a Vietnamese article's English translation)
    case:uBND  (a word exactly so, capitals and accents as typed: finds the flipped spellings)

Filter values may be quoted (column:"Ngoại giao kinh tế"). Nothing a user
types is an error: unknown filters and stray punctuation are searched as
text, bad dates are reported in ``warnings`` and ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bulletin_app.text import clean_line

FILTER_KEYS = frozenset({"column", "status", "tag", "lang", "from", "to", "translated", "case"})
_TOKEN = re.compile(r'(?P<neg>-)?(?:(?P<key>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s"]+))')


@dataclass(frozen=True)
class Term:
    text: str  # cleaned original text (may carry accents)
    phrase: bool = False
    prefix: bool = False


@dataclass
class SearchQuery:
    terms: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    column: str | None = None
    status: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    translation: str | None = None  # a TranslationState word ("no", "yes", "cần dịch"…), as typed
    case_terms: list[str] = field(default_factory=list)  # must stand in the text exactly as typed
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.terms)


def _parse_date(value: str, key: str, warnings: list[str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        warnings.append(f"{key}: ngày không hợp lệ “{value}” (cần dạng YYYY-MM-DD), bỏ qua")
        return None


def parse_query(raw: str) -> SearchQuery:
    query = SearchQuery()
    text = clean_line(raw)
    for m in _TOKEN.finditer(text):
        negative = bool(m.group("neg"))
        key = (m.group("key") or "").lower()
        quoted = m.group("quoted")
        value = quoted if quoted is not None else (m.group("bare") or "")
        if key and key not in FILTER_KEYS:
            # "http://x" or "10:24" are text, not filters.
            value = f"{m.group('key')}:{value}"
            key = ""
        if key:
            value = value.strip()
            if not value:
                continue
            if key == "column":
                query.column = value
            elif key == "status":
                query.status = value.lower()
            elif key == "tag":
                query.tags.append(value)
            elif key == "lang":
                query.language = value.lower()
            elif key == "translated":
                query.translation = value
            elif key == "case":
                query.case_terms.append(value)
                query.terms.append(Term(text=value, phrase=quoted is not None))  # the index finds candidates
            elif key == "from":
                query.date_from = _parse_date(value, key, query.warnings)
            elif key == "to":
                query.date_to = _parse_date(value, key, query.warnings)
            continue
        prefix = quoted is None and value.endswith("*")
        value = value.rstrip("*").strip() if quoted is None else value.strip()
        if not value:
            continue
        term = Term(text=value, phrase=quoted is not None, prefix=prefix)
        (query.excluded if negative else query.terms).append(term)
    return query


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    snippet: str  # window of the original text
    highlights: tuple[tuple[int, int], ...]  # hit offsets within ``snippet``
    score: float  # bm25 (lower is better), 0 for filter-only queries
    exact: bool  # the accents typed matched exactly
    column: str | None
    status: str
    published: dt.datetime | None


def mark_spans(
    snippet: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], left: str = "«", right: str = "»"
) -> str:
    """The snippet with each hit wrapped in markers (for text output)."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        out.append(snippet[pos:s] + left + snippet[s:e] + right)
        pos = e
    return "".join(out) + snippet[pos:]
