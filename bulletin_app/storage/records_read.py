"""Articles, issues, the publication record and pictures read in plain SQL — the one reading of
these records, on a SQLAlchemy session or connection (the repositories call it) or on the
standard library's ``sqlite3`` connection of :mod:`bulletin_app.storage.sqlite_reader`.

``bulletin export`` of a current SQLite library reads the issue this way without importing
SQLAlchemy and mapping the models (0.3–0.4 s of a 1.2–1.7 s process). The drivers hand back
the columns differently — text dates, 0/1 booleans and JSON text from ``sqlite3``, Python values
from SQLAlchemy on PostgreSQL — so every value passes through the converters below.

On a SQLAlchemy session the caller's pending changes are flushed first: a repository returns
what it has just written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from bulletin_app.domain.article import Article, ArticleStatus, Asset, Finding, Language, TranslationState
from bulletin_app.domain.article_rules import translation_state
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Entry, Issue, IssueStatus, Section
from bulletin_app.domain.publication import Publication
from bulletin_app.storage.search.sql import rows, to_datetime
from bulletin_app.text import fold

Conn = Any  # a SQLAlchemy Session/Connection, or a sqlite3.Connection (reading a current SQLite file)


class Reads(Protocol):
    """What these reads run inside: a :class:`~bulletin_app.storage.database.Database` or a
    :class:`~bulletin_app.storage.sqlite_reader.SqliteReader` (one snapshot per ``read()``)."""

    def read(self) -> AbstractContextManager[Conn]: ...


def _flushed(conn: Conn) -> Conn:
    flush = getattr(conn, "flush", None)  # a SQLAlchemy Session; sqlite3 and Connection have none
    if flush is not None:
        flush()
    return conn


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _in(ids: Sequence[int]) -> tuple[str, dict[str, int]]:
    """An ``IN (:i0, :i1…)`` list both drivers understand, with its parameters."""
    names = {f"i{n}": int(v) for n, v in enumerate(ids)}
    return "(" + ", ".join(f":{k}" for k in names) + ")", names


# ---------------------------------------------------------------- articles
_ARTICLE_SQL = """
SELECT a.id, a.title, a.sapo, a.body, a.byline, a.source_name, a.source_url, a.published_at,
       a.published_has_time, c.name, a.language, a.translation_id, a.status, a.word_count,
       a.created_at, a.updated_at, a.version, a.findings
FROM articles a LEFT JOIN columns c ON c.id = a.column_id
WHERE a.id IN {ids}
"""
_TAGS_SQL = """
SELECT l.article_id, t.name FROM article_tags l JOIN tags t ON t.id = l.tag_id
WHERE l.article_id IN {ids} ORDER BY l.article_id, l.position
"""
_CHUNK = 500  # parameters per statement, well under SQLite's and PostgreSQL's limits


def articles(conn: Conn, article_ids: Iterable[int]) -> dict[int, Article]:
    """The articles of ``article_ids`` that exist (trashed ones included), in two queries per
    500: an issue's forty are two round trips, not forty."""
    wanted = list(dict.fromkeys(article_ids))
    _flushed(conn)
    out: dict[int, Article] = {}
    for start in range(0, len(wanted), _CHUNK):
        ids, params = _in(wanted[start : start + _CHUNK])
        tags: dict[int, list[str]] = {}
        for article_id, name in rows(conn, _TAGS_SQL.format(ids=ids), params):
            tags.setdefault(article_id, []).append(name)
        for r in rows(conn, _ARTICLE_SQL.format(ids=ids), params):
            out[r[0]] = Article(
                id=r[0],
                title=r[1],
                sapo=r[2],
                body=r[3],
                byline=r[4],
                source_name=r[5],
                source_url=r[6],
                published=to_datetime(r[7]),
                published_has_time=bool(r[8]),
                column=r[9],
                tags=tuple(tags.get(r[0], ())),
                language=Language(r[10]),
                translation_id=r[11],
                status=ArticleStatus(r[12]),
                word_count=r[13],
                created=to_datetime(r[14]),  # type: ignore[arg-type]  # NOT NULL
                updated=to_datetime(r[15]),  # type: ignore[arg-type]
                version=r[16],
                findings=tuple(Finding.from_dict(f) for f in _json(r[17]) or []),
            )
    return out


def article(conn: Conn, article_id: int) -> Article:
    found = articles(conn, [article_id]).get(article_id)
    if found is None:
        raise NotFoundError(f"Không có tin bài số {article_id}.")
    return found


def translation_states(conn: Conn, article_ids: Sequence[int]) -> dict[int, TranslationState | None]:
    """Each article's translation state (None for an English article)."""
    out: dict[int, TranslationState | None] = {}
    wanted = list(dict.fromkeys(article_ids))
    for start in range(0, len(wanted), _CHUNK):
        ids, params = _in(wanted[start : start + _CHUNK])
        sql = (
            "SELECT a.id, a.language, p.status, p.source_hash, a.content_hash FROM articles a "
            f"LEFT JOIN articles p ON p.id = a.translation_id WHERE a.id IN {ids}"
        )
        for r in rows(_flushed(conn), sql, params):
            out[r[0]] = translation_state(r[1], r[2], r[3], r[4])
    return out


# ---------------------------------------------------------------- issues
def _order_key(name: str, column_id: int | None, position: int, columns: dict[int, int]) -> tuple[int, int, int]:
    """Thư ngỏ first, then sections of columns in the columns' order, then the others as placed."""
    if fold(name) == fold(EDITORIAL_SECTION_NAME):
        return (0, 0, position)
    if column_id is not None and column_id in columns:
        return (1, columns[column_id], position)
    return (2, 0, position)


def section_order(conn: Conn, sections: Sequence[tuple[str, int | None, int]]) -> list[int]:
    """The indexes of ``sections`` ((name, column id, position) each) in bulletin order."""
    columns = {r[0]: r[1] for r in rows(_flushed(conn), "SELECT id, position FROM columns")}
    return sorted(range(len(sections)), key=lambda i: _order_key(*sections[i], columns))


def issue(conn: Conn, issue_id: int) -> Issue:
    _flushed(conn)
    found = rows(
        conn,
        "SELECT id, number, date, title, period_label, status, version, cover_asset, circulation_notice, "
        "edition, arrangement FROM issues WHERE id = :id",
        {"id": issue_id},
    )
    if not found:
        raise NotFoundError(f"Không có số bản tin mã {issue_id}.")
    row = found[0]
    sections = rows(
        conn,
        "SELECT s.id, s.name, s.column_id, s.position, COALESCE(c.name_en, '') FROM sections s "
        "LEFT JOIN columns c ON c.id = s.column_id WHERE s.issue_id = :id ORDER BY s.position, s.id",
        {"id": issue_id},
    )
    entries: dict[int, list[tuple[int, str]]] = {}
    for section_id, article_id, title in rows(
        conn,
        "SELECT e.section_id, e.article_id, a.title FROM entries e JOIN sections s ON s.id = e.section_id "
        "JOIN articles a ON a.id = e.article_id WHERE s.issue_id = :id ORDER BY e.position, e.id",
        {"id": issue_id},
    ):
        entries.setdefault(section_id, []).append((article_id, title))
    order = section_order(conn, [(s[1], s[2], s[3]) for s in sections])
    return Issue(
        row[0],
        row[1],
        _date(row[2]),  # type: ignore[arg-type]  # NOT NULL
        row[3],
        row[4],
        IssueStatus(row[5]),
        tuple(
            Section(
                sections[i][0],
                sections[i][1],
                n,
                tuple(Entry(a, title, j) for j, (a, title) in enumerate(entries.get(sections[i][0], ()))),
                sections[i][4] if sections[i][2] is not None else "",
            )
            for n, i in enumerate(order)
        ),
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
    )


# ---------------------------------------------------------------- the publication record
_DATES = {"licence_date", "licence_expiry"}


def publication(conn: Conn) -> Publication:
    """The single record (id 1); an empty one until it is first saved."""
    names = Publication.field_names()
    found = rows(_flushed(conn), f"SELECT {', '.join(names)} FROM publication WHERE id = 1")
    if not found:
        return Publication()
    values: dict[str, Any] = dict(zip(names, found[0], strict=True))
    for name in _DATES:
        values[name] = _date(values[name])
    values["editorial_board"] = list(_json(values["editorial_board"]) or [])
    values["internal_circulation"] = bool(values["internal_circulation"])
    return Publication(**values)


# ---------------------------------------------------------------- pictures
_ASSET_COLUMNS = "id, sha256, filename, mime, width, height, byte_size"


def find_asset(conn: Conn, ref: str) -> Asset:
    """An asset by id ("42") or by a unique prefix of its hash (as written in bodies)."""
    ref = ref.strip().lower()
    _flushed(conn)
    if ref.isdigit():
        found = rows(conn, f"SELECT {_ASSET_COLUMNS} FROM assets WHERE id = :id", {"id": int(ref)})
        if found:
            return Asset(*found[0])
    if len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref):
        found = rows(
            conn,
            # LIKE, not a range: a range follows the column's collation, and a server's may sort
            # digits by their number or after letters (ICU "kn", "kr"); the prefix is hex only.
            f"SELECT {_ASSET_COLUMNS} FROM assets WHERE sha256 LIKE :prefix LIMIT 2",
            {"prefix": ref + "%"},
        )
        if len(found) == 1:
            return Asset(*found[0])
    raise NotFoundError(f"Không có ảnh “{ref}” trong thư viện.")


def asset_data(conn: Conn, asset_id: int) -> bytes:
    found = rows(_flushed(conn), "SELECT data FROM assets WHERE id = :id", {"id": asset_id})
    if not found:
        raise NotFoundError(f"Không có ảnh số {asset_id} trong thư viện.")
    return bytes(found[0][0])
