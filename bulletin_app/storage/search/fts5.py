"""Full-text search on SQLite FTS5.

``article_search`` holds, per article, the folded text of title, sapo, body, byline and tags
(what ``article_fts`` indexes, ranked by bm25) and the plain original text (what
``article_fts_exact`` indexes with accents kept, and what snippets are cut from). FTS5's own
``remove_diacritics`` does not fold đ, so folding happens in Python on both sides. Every user
term is quoted: no input can be a MATCH syntax error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bulletin_app.domain.query import SearchQuery, Term
from bulletin_app.storage.search import sql as db
from bulletin_app.storage.search.fields import (
    RANK_ORDER,
    Filters,
    IndexTable,
    RawHit,
    adjacent_tokens,
    duplicate_probe,
    exact_variants,
    filter_sql,
    overlapping,
    tokens,
    windowed,
)

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


_UPSERT = """INSERT INTO article_search (id, title, sapo, body, byline, tags, plain)
       VALUES (:id, :title, :sapo, :body, :byline, :tags, :plain)
       ON CONFLICT(id) DO UPDATE SET title=excluded.title, sapo=excluded.sapo,
           body=excluded.body, byline=excluded.byline, tags=excluded.tags, plain=excluded.plain"""


def _phrase(toks: Sequence[str], prefix: bool) -> str:
    # Tokens are word characters only, so they can never break out of the quotes.
    expr = '"' + " ".join(toks) + '"'
    return expr + "*" if prefix else expr


def folded_match(terms: Iterable[Term], joiner: str = " ") -> str:
    return joiner.join(_phrase(toks, t.prefix) for t in terms if (toks := tokens(t, folded=True)))


def exact_match(terms: Iterable[Term]) -> str:
    """MATCH for the accent-exact index: only the terms the user typed with accents."""
    parts: list[str] = []
    for term in terms:
        alts = [_phrase(v, term.prefix) for v in exact_variants(term)]
        if alts:
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def _words_match(terms: Iterable[Term]) -> str:
    """The terms as separate words (phrases taken apart), for ranking only."""
    parts: list[str] = []
    for term in terms:
        toks = tokens(term, folded=True)
        parts += [_phrase([tok], term.prefix and i == len(toks) - 1) for i, tok in enumerate(toks)]
    return " ".join(parts)


class Fts5Search(IndexTable):
    """The SQLite engine of :class:`bulletin_app.storage.search.SearchBackend`."""

    name = "sqlite"
    UPSERT = _UPSERT

    def optimize(self, conn: Any) -> None:
        """Merge FTS5 b-tree segments into one (faster queries after bulk inserts)."""
        db.execute(conn, "INSERT INTO article_fts(article_fts) VALUES ('optimize')")
        db.execute(conn, "INSERT INTO article_fts_exact(article_fts_exact) VALUES ('optimize')")

    EXCLUDE = " AND a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :neg)"

    def contains(self, haystack: str, param: str) -> str:
        return f"instr({haystack}, {param}) > 0"  # instr() compares exactly, case included

    def all_of(self, terms: Iterable[Term]) -> str:
        return folded_match(terms)

    def any_of(self, terms: Iterable[Term]) -> str:
        return folded_match(terms, " OR ")

    def ranked(
        self, session: Any, query: SearchQuery, positive: str, where: str, params: dict[str, object], limit: int
    ) -> list[RawHit]:
        """FTS matches in the shared rank order (``fields.RANK_ORDER``): each tier is a set of
        rowids from the index (accent-exact, side by side, in the title, in the sapo) within the
        window of the newest matches, found by walking the doclist backwards."""
        params["q"] = positive
        exact = exact_match(query.terms)
        adjacent = adjacent_tokens(query.terms)
        params.update(qt=f"{{title}} : ({positive})", qs=f"{{sapo}} : ({positive})")
        if exact:
            params["qx"] = exact
        if adjacent:
            params["qa"] = _phrase(adjacent, query.terms[-1].prefix)

        def tier(param: str, table: str = "article_fts") -> str:
            return f"(a.id IN (SELECT rowid FROM {table} WHERE {table} MATCH :{param} AND rowid > :edge))"

        sql = (
            f"SELECT a.id, {tier('qx', 'article_fts_exact') if exact else '0'} AS exact, "
            f"{tier('qa') if adjacent else '0'} AS adjacent, {tier('qt')} AS in_title, {tier('qs')} AS in_sapo "
            f"FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
            f"WHERE article_fts MATCH :q AND article_fts.rowid > :edge{where} {RANK_ORDER} LIMIT :limit OFFSET :offset"
        )
        # The window is counted in rows holding the words (a phrase filters inside it).
        edge_sql = "SELECT rowid FROM article_fts WHERE article_fts MATCH :qr ORDER BY rowid DESC LIMIT 1 OFFSET :size"
        words = _words_match(query.terms)
        return windowed(
            lambda edge: db.rows(session, sql, {**params, "edge": edge}),
            lambda size: db.scalar(session, edge_sql, {"qr": words, "size": size}),
            limit,
        )

    def near_duplicates(
        self, session: Any, title: str, body_plain: str, threshold: float = 0.8, candidates: int = 20
    ) -> list[tuple[int, float]]:
        """Candidates from the index (the text's longest words, OR-ed, ranked by bm25): one FTS
        query and a few set intersections, not a library scan."""
        mine, words = duplicate_probe(title, body_plain)
        if not words:
            return []
        ids = [
            r[0]
            for r in db.rows(
                session,
                "SELECT rowid FROM article_fts WHERE article_fts MATCH :q ORDER BY bm25(article_fts) LIMIT :n",
                {"q": " OR ".join(f'"{w}"' for w in words), "n": candidates},
            )
        ]
        if not ids:
            return []
        id_list = ",".join(str(int(i)) for i in ids)
        # The index's shadow table already holds the folded text: no folding per candidate.
        rows = db.rows(
            session, f"SELECT id, title || ' ' || sapo || ' ' || body FROM article_search WHERE id IN ({id_list})"
        )
        return overlapping(mine, ((r[0], r[1]) for r in rows), threshold)

    def like_search(self, session: Any, query: SearchQuery) -> list[int]:
        """Every article holding the positive terms, by a LIKE scan over the folded text.

        The benchmark's and the tests' baseline: without an index, ranking (or just counting)
        the matches means reading every row's text.
        """
        clauses: list[str] = []
        params: dict[str, object] = {}
        for i, term in enumerate(query.terms):
            toks = tokens(term, folded=True)
            if not toks:
                continue
            params[f"p{i}"] = "%" + "%".join(toks) + "%"
            clauses.append(
                f"(s.title LIKE :p{i} OR s.sapo LIKE :p{i} OR s.body LIKE :p{i} "
                f"OR s.byline LIKE :p{i} OR s.tags LIKE :p{i})"
            )
        where = " AND ".join(clauses) or "1=1"
        sql = (
            f"SELECT s.id FROM article_search s JOIN articles a ON a.id = s.id "
            f"WHERE {where}{filter_sql(Filters(), params, self.contains)}"
        )
        return [r[0] for r in db.rows(session, sql, params)]
