"""Full-text search on PostgreSQL: ``tsvector`` columns with GIN indexes.

The vectors are built here, not by ``to_tsvector``: PostgreSQL's parser cuts words its own way
("2021-2025", "covid19", hyphenated names) and its ``unaccent`` does not fold đ. Writing the
same tokens as the SQLite index (folded in Python, runs of letters and digits) as a
``tsvector`` literal gives both engines one notion of a word, so one query finds the same
articles on both. ``words`` holds the folded tokens with weights (title A, sapo B, tags and
byline C, body D) and positions (phrases, words side by side); ``exact`` the tokens with their
accents, for "exact accents first"; ``folded`` the folded title, sapo and body for the
near-duplicate check; ``plain`` the original text snippets are cut from.

Limits PostgreSQL sets, handled: a lexeme longer than 2 KB is skipped (no one searches a
2,000-letter word), positions stop at 16,383 and at 256 per word, and a vector that would
pass ~0.5 MB keeps its words without positions (phrases then match as words).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from bulletin_app.domain.query import SearchQuery, Term
from bulletin_app.storage.search.fields import (
    RANK_ORDER,
    TOKEN,
    IndexFields,
    IndexTable,
    RawHit,
    adjacent_tokens,
    duplicate_probe,
    exact_variants,
    overlapping,
    tokens,
    windowed,
)
from bulletin_app.text import nfc

SCHEMA_SQL: tuple[str, ...] = (
    """CREATE TABLE article_search (
        id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        words TSVECTOR NOT NULL DEFAULT '', exact TSVECTOR NOT NULL DEFAULT '',
        folded TEXT NOT NULL DEFAULT '', plain TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX ix_article_search_words ON article_search USING GIN (words)",
    "CREATE INDEX ix_article_search_exact ON article_search USING GIN (exact)",
)

_MAX_POSITION = 16383
_MAX_POSITIONS = 256
_MAX_LEXEME_BYTES = 2046
_MAX_VECTOR = 500_000
_FIELD_GAP = 8  # positions between fields: a phrase never spans title and sapo

_UPSERT = """INSERT INTO article_search (id, words, exact, folded, plain)
       VALUES (:id, CAST(:words AS tsvector), CAST(:exact AS tsvector), :folded, :plain)
       ON CONFLICT (id) DO UPDATE SET words = excluded.words, exact = excluded.exact,
           folded = excluded.folded, plain = excluded.plain"""


def vector_literal(fields: Iterable[tuple[str, str]]) -> str:
    """A ``tsvector`` literal of the fields' tokens: (text, weight letter) in order."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for value, weight in fields:
        for tok in TOKEN.findall(value):
            pos += 1
            if len(tok) * 4 > _MAX_LEXEME_BYTES and len(tok.encode()) > _MAX_LEXEME_BYTES:
                continue
            found = positions.setdefault(tok, [])
            if pos <= _MAX_POSITION and len(found) < _MAX_POSITIONS:
                found.append(f"{pos}{weight}")
            elif not found:
                found.append(f"{_MAX_POSITION}{weight}")
        pos += _FIELD_GAP
    literal = " ".join(f"'{tok}':{','.join(p)}" for tok, p in positions.items())
    if len(literal) > _MAX_VECTOR:
        literal = " ".join(f"'{tok}'" for tok in positions)
    return literal


def _row(article_id: int, f: IndexFields) -> dict[str, object]:
    words = vector_literal(((f.title, "A"), (f.sapo, "B"), (f.tags, "C"), (f.byline, "C"), (f.body, "D")))
    return {
        "id": article_id,
        "words": words,
        "exact": vector_literal(((nfc(f.plain).lower(), ""),)),
        "folded": f"{f.title} {f.sapo} {f.body}",
        "plain": f.plain,
    }


def _lexeme(tok: str, prefix: bool, weight: str = "") -> str:
    # Tokens are letters and digits only: nothing can break out of the quotes.
    label = ("*" if prefix else "") + weight
    return f"'{tok}':{label}" if label else f"'{tok}'"


def _phrase(toks: Sequence[str], prefix: bool, weight: str = "") -> str:
    parts = [_lexeme(t, prefix and i == len(toks) - 1, weight) for i, t in enumerate(toks)]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def folded_query(terms: Iterable[Term], joiner: str = " & ", weight: str = "") -> str:
    """The terms (phrases kept) as a tsquery; ``weight`` "A" = in the title, "B" = in the sapo."""
    return joiner.join(_phrase(toks, t.prefix, weight) for t in terms if (toks := tokens(t, folded=True)))


def words_query(terms: Iterable[Term]) -> str:
    """The terms as separate words (phrases taken apart), for ranking."""
    parts: list[str] = []
    for term in terms:
        toks = tokens(term, folded=True)
        parts += [_lexeme(tok, term.prefix and i == len(toks) - 1) for i, tok in enumerate(toks)]
    return " & ".join(parts)


def exact_query(terms: Iterable[Term]) -> str:
    parts: list[str] = []
    for term in terms:
        alts = [_phrase(v, term.prefix) for v in exact_variants(term)]
        if alts:
            parts.append("(" + " | ".join(alts) + ")")
    return " & ".join(parts)


class PostgresSearch(IndexTable):
    """The PostgreSQL engine of :class:`bulletin_app.storage.search.SearchBackend`."""

    name = "postgresql"
    UPSERT = _UPSERT

    def row(self, article_id: int, fields: IndexFields) -> dict[str, object]:
        return _row(article_id, fields)

    def optimize(self, conn: Connection) -> None:
        conn.execute(text("ANALYZE article_search"))

    EXCLUDE = " AND NOT EXISTS (SELECT 1 FROM article_search n WHERE n.id = a.id AND n.words @@ CAST(:neg AS tsquery))"

    def contains(self, haystack: str, param: str) -> str:
        return f"strpos({haystack}, {param}) > 0"  # exact, case included

    def all_of(self, terms: Iterable[Term]) -> str:
        return folded_query(terms)

    def any_of(self, terms: Iterable[Term]) -> str:
        return folded_query(terms, " | ")

    def ranked(
        self, session: Session, query: SearchQuery, positive: str, where: str, params: dict[str, object], limit: int
    ) -> list[RawHit]:
        # The shared rank order (fields.RANK_ORDER), each tier a tsquery on the vectors, within
        # the same window of newest matches as on SQLite.
        params.update(q=positive, qt=folded_query(query.terms, weight="A"), qs=folded_query(query.terms, weight="B"))
        exact = exact_query(query.terms)
        if exact:
            params["qx"] = exact
        adjacent = adjacent_tokens(query.terms)
        if adjacent:
            params["qa"] = _phrase(adjacent, query.terms[-1].prefix)
        sql = text(
            f"SELECT a.id, {'(s.exact @@ CAST(:qx AS tsquery))' if exact else 'false'} AS exact, "
            f"{'(s.words @@ CAST(:qa AS tsquery))' if adjacent else 'false'} AS adjacent, "
            "(s.words @@ CAST(:qt AS tsquery)) AS in_title, (s.words @@ CAST(:qs AS tsquery)) AS in_sapo "
            "FROM article_search s JOIN articles a ON a.id = s.id "
            f"WHERE s.words @@ CAST(:q AS tsquery) AND s.id > :edge{where} {RANK_ORDER} LIMIT :limit OFFSET :offset"
        )
        edge_sql = text(
            "SELECT id FROM article_search WHERE words @@ CAST(:qr AS tsquery) ORDER BY id DESC OFFSET :size LIMIT 1"
        )
        words = words_query(query.terms)
        return windowed(
            lambda edge: session.execute(sql, {**params, "edge": edge}).all(),
            lambda size: session.execute(edge_sql, {"qr": words, "size": size}).scalar(),
            limit,
        )

    def near_duplicates(
        self, session: Session, title: str, body_plain: str, threshold: float = 0.8, candidates: int = 20
    ) -> list[tuple[int, float]]:
        """Candidates from the index (the text's longest words, OR-ed, best ranked first)."""
        mine, words = duplicate_probe(title, body_plain)
        if not words:
            return []
        rows = session.execute(
            text(
                "SELECT id, folded FROM article_search WHERE words @@ CAST(:q AS tsquery) "
                "ORDER BY ts_rank(words, CAST(:q AS tsquery)) DESC, id LIMIT :n"
            ),
            {"q": " | ".join(_lexeme(w, False) for w in words), "n": candidates},
        )
        return overlapping(mine, ((r[0], r[1]) for r in rows), threshold)
