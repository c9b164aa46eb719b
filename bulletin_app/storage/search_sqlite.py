"""Full-text search on SQLite FTS5 — the only place with SQLite-specific search SQL.

``article_search`` holds, per article, the folded text of title, sapo, body,
byline and tags (what ``article_fts`` indexes, ranked by bm25) and the plain
original text (what ``article_fts_exact`` indexes with accents kept, and what
snippets are cut from). FTS5's own ``remove_diacritics`` does not fold đ, so
folding happens in Python with :func:`bulletin_app.text.fold` on both sides.
Every user term is quoted: no input can be a MATCH syntax error.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from bulletin_app.domain.article import TranslationState
from bulletin_app.domain.body import body_to_plain
from bulletin_app.domain.query import SearchQuery, Term
from bulletin_app.storage.translations_repo import state_sql
from bulletin_app.text import ToneStyle, fold, fold_with_map, has_marks, nfc, normalize_tone_style

SCHEMA_SQL: tuple[str, ...] = (
    """CREATE TABLE article_search (
        id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '', sapo TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '', byline TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '', plain TEXT NOT NULL DEFAULT '')""",
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        title, sapo, body, byline, tags,
        content='article_search', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE article_fts_exact USING fts5(
        plain, content='article_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN
        INSERT INTO article_fts(rowid, title, sapo, body, byline, tags)
            VALUES (new.id, new.title, new.sapo, new.body, new.byline, new.tags);
        INSERT INTO article_fts_exact(rowid, plain) VALUES (new.id, new.plain);
    END""",
    """CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, sapo, body, byline, tags)
            VALUES ('delete', old.id, old.title, old.sapo, old.body, old.byline, old.tags);
        INSERT INTO article_fts_exact(article_fts_exact, rowid, plain)
            VALUES ('delete', old.id, old.plain);
    END""",
    """CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, sapo, body, byline, tags)
            VALUES ('delete', old.id, old.title, old.sapo, old.body, old.byline, old.tags);
        INSERT INTO article_fts_exact(article_fts_exact, rowid, plain)
            VALUES ('delete', old.id, old.plain);
        INSERT INTO article_fts(rowid, title, sapo, body, byline, tags)
            VALUES (new.id, new.title, new.sapo, new.body, new.byline, new.tags);
        INSERT INTO article_fts_exact(rowid, plain) VALUES (new.id, new.plain);
    END""",
)

# bm25 column weights: a hit in the title counts most, then sapo, tags, byline, body.
_BM25 = "bm25(article_fts, 10.0, 4.0, 1.0, 2.0, 3.0)"
_TOKEN = re.compile(r"[^\W_]+")
_MAX_VARIANTS = 8
RANK_WINDOW = 2000


@dataclass(frozen=True)
class IndexFields:
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


_UPSERT = text(
    """INSERT INTO article_search (id, title, sapo, body, byline, tags, plain)
       VALUES (:id, :title, :sapo, :body, :byline, :tags, :plain)
       ON CONFLICT(id) DO UPDATE SET title=excluded.title, sapo=excluded.sapo,
           body=excluded.body, byline=excluded.byline, tags=excluded.tags, plain=excluded.plain"""
)


def index_article(conn: Connection | Session, article_id: int, fields: IndexFields) -> None:
    conn.execute(_UPSERT, {"id": article_id, **fields.__dict__})


def index_many(conn: Connection | Session, rows: Iterable[tuple[int, IndexFields]]) -> None:
    params = [{"id": i, **f.__dict__} for i, f in rows]
    if params:
        conn.execute(_UPSERT, params)


def remove_article(conn: Connection | Session, article_id: int) -> None:
    conn.execute(text("DELETE FROM article_search WHERE id = :id"), {"id": article_id})


def rebuild_index(conn: Connection) -> int:
    """(Re)index every article from its stored fields; returns the count."""
    conn.execute(text("DELETE FROM article_search"))
    tags_by_article: dict[int, list[str]] = {}
    for article_id, name in conn.execute(
        text(
            "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "ORDER BY at.article_id, at.position"
        )
    ):
        tags_by_article.setdefault(article_id, []).append(name)
    rows = conn.execute(text("SELECT id, title, sapo, body, byline FROM articles")).all()
    index_many(
        conn, ((r.id, index_fields(r.title, r.sapo, r.body, r.byline, tags_by_article.get(r.id, []))) for r in rows)
    )
    return len(rows)


def optimize(conn: Connection) -> None:
    """Merge FTS5 b-tree segments into one (faster queries after bulk inserts)."""
    conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('optimize')"))
    conn.execute(text("INSERT INTO article_fts_exact(article_fts_exact) VALUES ('optimize')"))


# ---------------------------------------------------------------- queries


def _tokens(term: Term, folded: bool) -> list[str]:
    source = fold(term.text) if folded else nfc(term.text).lower()
    return _TOKEN.findall(source)


def _match_expr(tokens: list[str], prefix: bool) -> str:
    # Tokens are word characters only, so they can never break out of the quotes.
    expr = '"' + " ".join(tokens) + '"'
    return expr + "*" if prefix else expr


def folded_match(terms: Iterable[Term]) -> str:
    parts = [_match_expr(toks, t.prefix) for t in terms if (toks := _tokens(t, folded=True))]
    return " ".join(parts)


def exact_match(terms: Iterable[Term]) -> str:
    """MATCH for the accent-exact index: only the terms the user typed with accents.

    Old and new tone styles ("hòa"/"hoà") both count as exact.
    """
    parts: list[str] = []
    for term in terms:
        if not has_marks(term.text):
            continue
        tokens = _tokens(term, folded=False)
        if not tokens:
            continue
        styles = [sorted({normalize_tone_style(tok, s) for s in ToneStyle}) for tok in tokens]
        variants = list(itertools.islice(itertools.product(*styles), _MAX_VARIANTS))
        alts = [_match_expr(list(v), term.prefix) for v in variants]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def _adjacent_match(terms: Sequence[Term]) -> str:
    if len(terms) < 2 or any(t.prefix for t in terms[:-1]):
        return ""
    tokens = [tok for t in terms for tok in _tokens(t, folded=True)]
    return _match_expr(tokens, terms[-1].prefix) if len(tokens) > 1 else ""


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


def _filter_sql(f: Filters, params: dict[str, object]) -> str:
    clauses: list[str] = []
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
    for n, term in enumerate(f.case_terms):  # instr() compares exactly: "uBND" is not "UBND"
        clauses.append(f"instr(a.title || char(10) || a.sapo || char(10) || a.body, :case{n}) > 0")
        params[f"case{n}"] = term
    if f.date_from:
        clauses.append("a.published_at >= :date_from")
        params["date_from"] = dt.datetime.combine(f.date_from, dt.time())
    if f.date_to:
        clauses.append("a.published_at < :date_to")
        params["date_to"] = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
    return "".join(f" AND {c}" for c in clauses)


@dataclass(frozen=True)
class RawHit:
    id: int
    score: float
    exact: bool


def search(session: Session, query: SearchQuery, filters: Filters, limit: int, offset: int = 0) -> list[RawHit]:
    params: dict[str, object] = {"limit": limit, "offset": offset}
    where = _filter_sql(filters, params)
    positive = folded_match(query.terms)
    negative = folded_match(query.excluded)
    if negative:
        params["neg"] = negative
        where += " AND a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :neg)"
    if not positive:
        if query.terms:  # terms made only of punctuation: nothing to find
            return []
        sql = (
            f"SELECT a.id, 0.0 AS score, 0 AS exact FROM articles a WHERE 1=1{where} "
            "ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC "
            "LIMIT :limit OFFSET :offset"
        )
    else:
        return _ranked(session, query, positive, where, params, limit)
    rows = session.execute(text(sql), params).all()
    return [RawHit(r[0], float(r[1]), bool(r[2])) for r in rows]


def _words_match(terms: Iterable[Term]) -> str:
    """The terms as separate words (phrases taken apart), for ranking only."""
    parts: list[str] = []
    for term in terms:
        tokens = _tokens(term, folded=True)
        parts += [_match_expr([tok], term.prefix and i == len(tokens) - 1) for i, tok in enumerate(tokens)]
    return " ".join(parts)


def _ranked(
    session: Session, query: SearchQuery, positive: str, where: str, params: dict[str, object], limit: int
) -> list[RawHit]:
    """FTS matches ordered: accents as typed first, then words side by side, then bm25.

    A query matching most of a large library ranks within the newest ``RANK_WINDOW``
    matches (bm25 costs a few µs per matching row; 100k rows would take a quarter of a
    second). The window's edge is found by walking the doclist backwards, and the
    window widens until it holds a full page after the filters.

    bm25 of a phrase first counts the phrase in every row of the index (its IDF), which
    costs ~60 ms at 100k articles; so phrases only filter, and bm25 ranks their words.
    """
    params["q"] = positive
    words = _words_match(query.terms)
    params["qr"] = words
    phrase_filter = ""
    if words != positive:
        phrase_filter = " AND a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :q AND rowid > :edge)"
    exact = exact_match(query.terms)
    if exact:
        params["qx"] = exact
    # Several words typed side by side rank the articles where they stand side by side
    # first ("thuy dien" → "Thụy Điển" before "thủy … điện").
    adjacent = _adjacent_match(query.terms)
    if adjacent:
        params["qa"] = adjacent
    exact_col = (
        "(a.id IN (SELECT rowid FROM article_fts_exact WHERE article_fts_exact MATCH :qx AND rowid > :edge))"
        if exact
        else "0"
    )
    adjacent_col = (
        "(a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :qa AND rowid > :edge))" if adjacent else "0"
    )
    sql = (
        f"SELECT a.id, {_BM25} AS score, {exact_col} AS exact, {adjacent_col} AS adjacent "
        f"FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
        f"WHERE article_fts MATCH :qr AND article_fts.rowid > :edge{phrase_filter}{where} "
        "ORDER BY exact DESC, adjacent DESC, score, a.id DESC LIMIT :limit OFFSET :offset"
    )
    edge_sql = text("SELECT rowid FROM article_fts WHERE article_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :size")
    size = RANK_WINDOW
    while True:
        # The window is counted in rows holding the words: a phrase filters inside it.
        edge = session.execute(edge_sql, {"q": words, "size": size}).scalar()
        params["edge"] = edge if edge is not None else 0
        rows = session.execute(text(sql), params).all()
        if edge is None or len(rows) >= limit:
            return [RawHit(r[0], float(r[1]), bool(r[2])) for r in rows]
        size *= 4


def like_search(session: Session, query: SearchQuery) -> list[int]:
    """Every article holding the positive terms, by a LIKE scan over the folded text.

    The benchmark baseline: without an index, ranking (or just counting) the matches
    means reading every row's text.
    """
    clauses: list[str] = []
    params: dict[str, object] = {}
    for i, term in enumerate(query.terms):
        tokens = _tokens(term, folded=True)
        if not tokens:
            continue
        params[f"p{i}"] = "%" + "%".join(tokens) + "%"
        clauses.append(
            f"(s.title LIKE :p{i} OR s.sapo LIKE :p{i} OR s.body LIKE :p{i} "
            f"OR s.byline LIKE :p{i} OR s.tags LIKE :p{i})"
        )
    where = " AND ".join(clauses) or "1=1"
    sql = (
        f"SELECT s.id FROM article_search s JOIN articles a ON a.id = s.id "
        f"WHERE {where}{_filter_sql(Filters(), params)}"
    )
    return [r[0] for r in session.execute(text(sql), params)]


def plain_texts(session: Session, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    id_list = ",".join(str(int(i)) for i in ids)
    rows = session.execute(text(f"SELECT id, plain FROM article_search WHERE id IN ({id_list})"))
    return {r[0]: r[1] for r in rows}


# ---------------------------------------------------------------- snippets


@lru_cache(maxsize=1)
def _letter_variants() -> dict[str, str]:
    """For each folded letter, every Latin letter (any case, any mark) that folds to it."""
    groups: dict[str, set[str]] = {}
    for start, stop in ((0x20, 0x250), (0x1E00, 0x1F00)):
        for cp in range(start, stop):
            ch = chr(cp)
            if ch.isalpha():
                groups.setdefault(fold(ch), set()).update({ch, ch.upper(), ch.lower()})
    return {k: "".join(sorted(v)) for k, v in groups.items()}


def _pattern(tokens: list[str], prefix: bool, on_original: bool) -> re.Pattern[str]:
    """Regex for the tokens side by side; ``on_original`` matches the unfolded text
    directly (each letter a class of its accented and cased forms: d = [dDđĐ])."""
    variants = _letter_variants() if on_original else {}

    def token_regex(token: str) -> str:
        return "".join(f"[{re.escape(variants[c])}]" if c in variants else re.escape(c) for c in token)

    body = r"[\W_]+".join(token_regex(t) for t in tokens)
    tail = r"\w*" if prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + tail)


def _snippet_patterns(terms: Sequence[Term], on_original: bool) -> list[re.Pattern[str]]:
    patterns = [_pattern(toks, t.prefix, on_original) for t in terms if (toks := _tokens(t, folded=True))]
    all_tokens = [tok for t in terms for tok in _tokens(t, folded=True)]
    if len(terms) > 1 and all_tokens:
        # The words side by side are one highlight ("«Đà Nẵng»", not "«Đà» «Nẵng»").
        patterns.insert(0, _pattern(all_tokens, terms[-1].prefix, on_original))
    return patterns


def _anchor(
    plain: str,
    haystack: str,
    index: Sequence[int],
    terms: Sequence[Term],
    patterns: list[re.Pattern[str]],
    body_start: int,
) -> int | None:
    """Where the snippet centres: the first hit after the title (else in it), preferring
    the words side by side (``patterns[0]`` when there are several terms) and, when the
    user typed accents, a hit whose accents match."""
    wanted = {normalize_tone_style(nfc(t.text).lower()) for t in terms if has_marks(t.text)}
    for pattern in patterns:
        first = None
        for region_start in (body_start, 0):
            for n, m in enumerate(pattern.finditer(haystack, region_start)):
                start = index[m.start()]
                if first is None:
                    first = start
                original = plain[start : index[m.end() - 1] + 1].lower()
                if not wanted or normalize_tone_style(original) in wanted or n >= 50:
                    return start if wanted else first
            if first is not None:
                return first
    return None


def make_snippet(
    plain: str, terms: Sequence[Term], width: int = 180, exact: Sequence[str] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """A window of the original text around the best hit, and the hits' offsets in it.

    Hits are matched accent-insensitively on the original text ("da nang" highlights
    "Đà Nẵng"); the rare letters that fold to more than one (ß → ss) fall back to
    searching a folded copy mapped back to the original. ``exact`` words (the query's
    ``case:``) are matched exactly as typed, and only they are marked: "uBND", not "UBND".
    """
    haystack, index = plain, range(len(plain))
    title_end = plain.find("\n")
    if exact:
        patterns = [re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)") for word in exact if word]
        hits = [m.start() for p in patterns for region in (title_end + 1, 0) for m in p.finditer(plain, region)]
        anchor = hits[0] if hits else 0
    else:
        patterns = _snippet_patterns(terms, on_original=True)
        anchor = _anchor(plain, haystack, index, terms, patterns, title_end + 1)
    if anchor is None:
        haystack, folded_index = fold_with_map(plain)
        index = folded_index  # type: ignore[assignment]
        patterns = _snippet_patterns(terms, on_original=False)
        anchor = _anchor(plain, haystack, index, terms, patterns, title_end + 1) or 0
    start = 0 if anchor < width // 3 else plain.rfind(" ", 0, anchor - width // 3) + 1
    if 0 <= title_end < anchor and start <= title_end:
        start = title_end + 1
    end = min(len(plain), start + width)
    if end < len(plain):
        space = plain.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    h_start, h_end = _bounds(index, start, end)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(haystack, h_start, h_end):
            span = (index[m.start()], index[m.end() - 1] + 1)
            if m.end() > m.start() and not any(s <= span[0] and span[1] <= e for s, e in spans):
                spans.append(span)
    spans.sort()
    window = plain[start:end].replace("\n", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(plain) else ""
    offset = len(prefix) - start
    return prefix + window + suffix, [(s + offset, e + offset) for s, e in spans]


def _bounds(index: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The haystack range covering original positions [start, end)."""
    if isinstance(index, range):
        return start, end
    return bisect.bisect_left(index, start), bisect.bisect_left(index, end)


# ---------------------------------------------------------------- near duplicates

_SHINGLE = 5


def shingles(folded_text: str) -> set[int]:
    """Hashes of the text's 5-word windows."""
    words = _TOKEN.findall(folded_text)
    if len(words) < _SHINGLE:
        return {hash(tuple(words))} if words else set()
    return set(map(hash, zip(*(words[i:] for i in range(_SHINGLE)), strict=False)))


def near_duplicates(
    session: Session, title: str, body_plain: str, threshold: float = 0.8, candidates: int = 20
) -> list[tuple[int, float]]:
    """Articles sharing ≥ ``threshold`` of their 5-word shingles with the given text.

    Candidates come from the index (the text's longest words, OR-ed, ranked by bm25),
    so the check costs one FTS query and a few set intersections, not a library scan.
    Overlap = shared shingles ÷ shingles of the shorter text (one outlet's story inside
    another's longer one still counts)."""
    folded = fold(f"{title}\n{body_plain}")
    mine = shingles(folded)
    words = sorted(set(_TOKEN.findall(folded)), key=lambda w: (-len(w), w))[:12]
    if len(mine) < 3 or not words:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    ids = [
        r[0]
        for r in session.execute(
            text("SELECT rowid FROM article_fts WHERE article_fts MATCH :q ORDER BY bm25(article_fts) LIMIT :n"),
            {"q": match, "n": candidates},
        )
    ]
    found: list[tuple[int, float]] = []
    if not ids:
        return found
    id_list = ",".join(str(int(i)) for i in ids)
    # The index's shadow table already holds the folded text: no folding per candidate.
    rows = session.execute(
        text(f"SELECT id, title || ' ' || sapo || ' ' || body FROM article_search WHERE id IN ({id_list})")
    )
    for article_id, folded_theirs in rows:
        theirs = shingles(folded_theirs)
        overlap = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
        if overlap >= threshold:
            found.append((article_id, overlap))
    return sorted(found, key=lambda p: -p[1])
