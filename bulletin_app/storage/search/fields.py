"""What every search engine shares: the indexed fields, the query's terms as tokens, the
filters as SQL, hits, and the 5-word shingles of the near-duplicate check.

Both engines index the same tokens — :func:`bulletin_app.text.fold` applied in Python, then
runs of letters and digits — so a query finds the same articles on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bulletin_app.domain.article import TranslationState
from bulletin_app.domain.body import body_to_plain
from bulletin_app.domain.query import SearchQuery, Term
from bulletin_app.storage.search import sql as db
from bulletin_app.text import ToneStyle, fold, has_marks, nfc, normalize_tone_style

TOKEN = re.compile(r"[^\W_]+")
MAX_VARIANTS = 8


@dataclass(frozen=True)
class IndexFields:
    """An article as the index stores it: folded fields, and the original text (``plain``)."""

    title: str
    sapo: str
    body: str
    byline: str
    tags: str
    plain: str


def index_fields(
    title: str, sapo: str, body: str, byline: str, tags: Sequence[str], body_plain: str | None = None
) -> IndexFields:
    """What the index stores for an article (``body_plain`` when the caller already has it)."""
    if body_plain is None:
        body_plain = body_to_plain(body)
    tags_text = " ; ".join(tags)
    plain = "\n".join(p for p in (title, sapo, body_plain, byline, tags_text) if p)
    return IndexFields(fold(title), fold(sapo), fold(body_plain), fold(byline), fold(tags_text), plain)


def stored_fields(conn: Any, ids: Iterable[int] | None = None) -> list[tuple[int, IndexFields]]:
    """Live articles' index fields (all, or those of ``ids``), from the articles themselves."""
    only = "" if ids is None else "(" + ",".join(str(int(i)) for i in ids) + ")"
    if only == "()":
        return []
    tags_by_article: dict[int, list[str]] = {}
    for article_id, name in db.rows(
        conn,
        "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        + (f"WHERE at.article_id IN {only} " if only else "")
        + "ORDER BY at.article_id, at.position",
    ):
        tags_by_article.setdefault(article_id, []).append(name)
    # The trash is not indexed (a library older than the trash, migrating, has none).
    clauses = [f"id IN {only}"] if only else []
    from sqlalchemy import inspect

    if "deleted_at" in {c["name"] for c in inspect(conn).get_columns("articles")}:
        clauses.append("deleted_at IS NULL")
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = db.rows(conn, f"SELECT id, title, sapo, body, byline FROM articles{where}")
    return [(r[0], index_fields(r[1], r[2], r[3], r[4], tags_by_article.get(r[0], []))) for r in rows]


# ---------------------------------------------------------------- terms


def tokens(term: Term, folded: bool) -> list[str]:
    source = fold(term.text) if folded else nfc(term.text).lower()
    return TOKEN.findall(source)


def exact_variants(term: Term) -> list[list[str]]:
    """The accent-exact forms of a term typed with accents: old and new tone styles
    ("hòa"/"hoà") both count as exact. Empty for a term typed without accents."""
    if not has_marks(term.text):
        return []
    toks = tokens(term, folded=False)
    if not toks:
        return []
    styles = [sorted({normalize_tone_style(tok, s) for s in ToneStyle}) for tok in toks]
    return [list(v) for v in itertools.islice(itertools.product(*styles), MAX_VARIANTS)]


def adjacent_tokens(terms: Sequence[Term]) -> list[str]:
    """Several words typed side by side, as one phrase ("thuy dien" → "Thụy Điển" first)."""
    if len(terms) < 2 or any(t.prefix for t in terms[:-1]):
        return []
    toks = [tok for t in terms for tok in tokens(t, folded=True)]
    return toks if len(toks) > 1 else []


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    column_ids: list[int] | None = None
    status: str | None = None
    tag_ids: list[int] | None = None
    language: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    translation: TranslationState | None = None
    case_terms: tuple[str, ...] = ()  # stand in title, sapo or body exactly as typed


def state_sql(state: TranslationState, alias: str = "a") -> str:
    """A Vietnamese article's translation state as raw SQL on the articles table as ``alias``
    (the ORM form is ``translations_repo.state_clause``)."""
    finished = "p.status IN ('approved', 'archived')"
    current = f"(p.source_hash = '' OR p.source_hash = {alias}.content_hash)"
    if state == TranslationState.NONE:
        return f"({alias}.language = 'vi' AND {alias}.translation_id IS NULL)"
    condition = {
        TranslationState.IN_PROGRESS: f"NOT {finished}",
        TranslationState.DONE: f"{finished} AND {current}",
        TranslationState.OUTDATED: f"{finished} AND NOT {current}",
    }[state]
    return (
        f"({alias}.language = 'vi' AND EXISTS (SELECT 1 FROM articles p "
        f"WHERE p.id = {alias}.translation_id AND {condition}))"
    )


def filter_sql(f: Filters, params: dict[str, object], contains: Callable[[str, str], str]) -> str:
    """The filters as `` AND …`` clauses on ``articles a``; ``contains(haystack, param)`` is the
    engine's exact, case-sensitive substring test (instr / strpos)."""
    clauses: list[str] = ["a.deleted_at IS NULL"]  # the trash is never searched
    if f.column_ids is not None:
        ids = ",".join(str(int(i)) for i in f.column_ids) or "NULL"
        clauses.append(f"a.column_id IN ({ids})")
    if f.status:
        clauses.append("a.status = :status")
        params["status"] = f.status
    if f.tag_ids is not None:
        ids = ",".join(str(int(i)) for i in f.tag_ids) or "NULL"
        clauses.append(f"a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN ({ids}))")
    if f.language:
        clauses.append("a.language = :language")
        params["language"] = f.language
    if f.translation is not None:
        clauses.append(state_sql(f.translation))
    for n, term in enumerate(f.case_terms):  # compared exactly: "uBND" is not "UBND"
        clauses.append(contains("a.title || '\n' || a.sapo || '\n' || a.body", f":case{n}"))
        params[f"case{n}"] = term
    if f.date_from:
        clauses.append("a.published_at >= :date_from")
        params["date_from"] = dt.datetime.combine(f.date_from, dt.time())
    if f.date_to:
        clauses.append("a.published_at < :date_to")
        params["date_to"] = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
    return "".join(f" AND {c}" for c in clauses)


def unranked_sql(where: str) -> str:
    """Filters only, no words: the newest first."""
    return (
        f"SELECT a.id FROM articles a WHERE 1=1{where} "
        "ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset"
    )


# How both engines order the matches, so the same query puts the same article first on SQLite
# and on PostgreSQL: the accents as typed, then the words side by side, then the words in the
# title, then in the sapo, then the newest. Among the matches of a query that matches much of
# a large library, the order is decided within the newest RANK_WINDOW (the window widens until
# a full page survives the filters).
RANK_ORDER = "ORDER BY exact DESC, adjacent DESC, in_title DESC, in_sapo DESC, a.id DESC"
RANK_WINDOW = 2000


def ranked_hits(rows: Iterable[Any]) -> list[RawHit]:
    """Rows of (id, exact, adjacent, in_title, in_sapo) as hits; the score is the tier (0–15)."""
    return [
        RawHit(r[0], float(8 * bool(r[1]) + 4 * bool(r[2]) + 2 * bool(r[3]) + bool(r[4])), bool(r[1])) for r in rows
    ]


def windowed(run: Callable[[int], list[Any]], edge: Callable[[int], int | None], limit: int) -> list[RawHit]:
    """``run(edge_id)`` over the newest matches above ``edge(size)``, widened until the page is full."""
    size = RANK_WINDOW
    while True:
        found = edge(size)
        rows = run(found if found is not None else 0)
        if found is None or len(rows) >= limit:
            return ranked_hits(rows)
        size *= 4


@dataclass(frozen=True)
class RawHit:
    id: int
    score: float
    exact: bool


def plain_texts(session: Any, ids: Sequence[int]) -> dict[int, str]:
    """The original text of the given articles, as indexed (snippets are cut from it)."""
    if not ids:
        return {}
    id_list = ",".join(str(int(i)) for i in ids)
    return {r[0]: r[1] for r in db.rows(session, f"SELECT id, plain FROM article_search WHERE id IN ({id_list})")}


# ---------------------------------------------------------------- near duplicates

SHINGLE = 5


def shingles(folded_text: str) -> set[int]:
    """Hashes of the text's 5-word windows."""
    words = TOKEN.findall(folded_text)
    if len(words) < SHINGLE:
        return {hash(tuple(words))} if words else set()
    return set(map(hash, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))


def duplicate_probe(title: str, body_plain: str) -> tuple[set[int], list[str]]:
    """A text's shingles and its longest words (the candidates' query); nothing to probe
    when the text is too short to judge."""
    folded = fold(f"{title}\n{body_plain}")
    mine = shingles(folded)
    words = sorted(set(TOKEN.findall(folded)), key=lambda w: (-len(w), w))[:12]
    return (mine, words) if len(mine) >= 3 and words else (set(), [])


def overlapping(mine: set[int], candidates: Iterable[tuple[int, str]], threshold: float) -> list[tuple[int, float]]:
    """Candidates (id, folded text) sharing ≥ ``threshold`` of the shorter text's shingles (one
    outlet's story inside another's longer one still counts), most overlapping first."""
    found: list[tuple[int, float]] = []
    for article_id, folded_theirs in candidates:
        theirs = shingles(folded_theirs)
        overlap = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
        if overlap >= threshold:
            found.append((article_id, overlap))
    return sorted(found, key=lambda p: -p[1])


class IndexTable:
    """What both engines share: the ``article_search`` upkeep (rows written through the engine's
    ``UPSERT`` from its ``row()`` of an article's fields) and the shape of a search — filters,
    exclusions, then the engine's ranked matches, or the newest when there are no words. An
    engine supplies ``contains`` (exact substring SQL), ``any_of`` / ``all_of`` (the terms as its
    match expression), ``EXCLUDE`` (SQL ruling out ``:neg`` matches) and ``ranked``."""

    UPSERT = ""  # the engine's statement writing one row of ``article_search``
    EXCLUDE = ""

    def contains(self, haystack: str, param: str) -> str:
        raise NotImplementedError

    def all_of(self, terms: Iterable[Term]) -> str:
        raise NotImplementedError

    def any_of(self, terms: Iterable[Term]) -> str:
        raise NotImplementedError

    def ranked(
        self, session: Any, query: SearchQuery, positive: str, where: str, params: dict[str, object], limit: int
    ) -> list[RawHit]:
        raise NotImplementedError

    def search(self, session: Any, query: SearchQuery, filters: Filters, limit: int, offset: int = 0) -> list[RawHit]:
        params: dict[str, object] = {"limit": limit, "offset": offset}
        where = filter_sql(filters, params, self.contains)
        positive = self.all_of(query.terms)
        negative = self.any_of(query.excluded)
        if negative:  # any excluded word or phrase rules an article out
            params["neg"] = negative
            where += self.EXCLUDE
        if positive:
            return self.ranked(session, query, positive, where, params, limit)
        if query.terms:  # terms made only of punctuation: nothing to find
            return []
        return [RawHit(r[0], 0.0, False) for r in db.rows(session, unranked_sql(where), params)]

    def row(self, article_id: int, fields: IndexFields) -> dict[str, object]:
        return {"id": article_id, **fields.__dict__}

    def index(self, conn: Any, article_id: int, fields: IndexFields) -> None:
        db.execute(conn, self.UPSERT, self.row(article_id, fields))

    def index_many(self, conn: Any, rows: Iterable[tuple[int, IndexFields]]) -> None:
        params = [self.row(i, f) for i, f in rows]
        if params:
            db.execute(conn, self.UPSERT, params)

    def remove(self, conn: Any, article_id: int) -> None:
        db.execute(conn, "DELETE FROM article_search WHERE id = :id", {"id": article_id})

    def rebuild(self, conn: Any) -> int:
        db.execute(conn, "DELETE FROM article_search")
        rows = stored_fields(conn)
        self.index_many(conn, rows)
        return len(rows)

    def plain_texts(self, session: Any, ids: Sequence[int]) -> dict[int, str]:
        return plain_texts(session, ids)
