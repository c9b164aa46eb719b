"""Articles: add, read, update with revisions and optimistic concurrency, delete, list."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, aliased

from bulletin_app.domain.article import (
    Article,
    ArticleDraft,
    ArticleStatus,
    ArticleSummary,
    Finding,
    Language,
    Revision,
    TranslationState,
)
from bulletin_app.domain.article_rules import check_status_change, check_title, clean_patch, translation_state
from bulletin_app.domain.body import body_to_plain, count_words
from bulletin_app.domain.body_writer import drop_orphan_captions
from bulletin_app.domain.errors import ConflictError, NotFoundError, ValidationError
from bulletin_app.storage import records_read, translations_repo
from bulletin_app.storage.columns_repo import get_or_create_column, get_or_create_tags
from bulletin_app.storage.locking import claim, locked
from bulletin_app.storage.models import ArticleRow, ArticleTagRow, ColumnRow, EntryRow, RevisionRow, utcnow
from bulletin_app.storage.search import search_backend
from bulletin_app.storage.search.fields import index_fields
from bulletin_app.storage.team import users_repo
from bulletin_app.text import collation_key, fold

_SNAPSHOT_FIELDS = (
    "title",
    "sapo",
    "body",
    "byline",
    "source_name",
    "source_url",
    "published_has_time",
    "language",
    "translation_id",
    "status",
)


def content_hash(title: str, body_plain: str) -> str:
    """Hash of the article's text after normalisation: equal text ⇒ equal hash."""
    basis = " ".join(fold(title + "\n" + body_plain).split())
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def _require(s: Session, article_id: int) -> ArticleRow:
    row = s.get(ArticleRow, article_id)
    if row is None:
        raise NotFoundError(f"Không có tin bài số {article_id}.")
    return row


def lock_article(s: Session, article_id: int) -> ArticleRow:
    """The article, read under its write lock (a change decided on what is read follows)."""
    row = locked(s, ArticleRow, article_id)
    if row is None:
        raise NotFoundError(f"Không có tin bài số {article_id}.")
    return row


def _set_derived(row: ArticleRow) -> str:
    """Recompute what is derived from the text (saved in the same INSERT/UPDATE).

    Returns the body's plain text, which the search index needs too.
    """
    plain = body_to_plain(row.body)
    row.word_count = count_words("\n".join((row.title, row.sapo, plain)))
    row.title_key = collation_key(row.title)
    row.content_hash = content_hash(row.title, plain)
    return plain


def _reindex(s: Session, row: ArticleRow, body_plain: str) -> None:
    """Re-index the article for search, in the same transaction as the change."""
    s.flush()
    tags = [link.tag.name for link in row.tag_links]
    fields = index_fields(row.title, row.sapo, row.body, row.byline, tags, body_plain)
    search_backend(s).index(s, row.id, fields)


def add_article(s: Session, draft: ArticleDraft, status: ArticleStatus = ArticleStatus.DRAFT) -> int:
    values = clean_patch(
        {
            "title": draft.title,
            "sapo": draft.sapo,
            "body": draft.body,
            "byline": draft.byline,
            "source_name": draft.source_name,
            "source_url": draft.source_url,
            "language": draft.language,
            "status": status,
            "tags": draft.tags,
            "column": draft.column,
        }
    )
    check_title(values["title"], ArticleStatus(values["status"]))
    # Columns and tags first: their look-ups must not autoflush a half-built article.
    column = get_or_create_column(s, values["column"]) if values["column"] else None
    tags = get_or_create_tags(s, values["tags"])
    row = ArticleRow(
        title=values["title"],
        sapo=values["sapo"],
        body=values["body"],
        byline=values["byline"],
        source_name=values["source_name"],
        source_url=values["source_url"],
        published_at=draft.published,
        published_has_time=draft.published_has_time,
        language=values["language"],
        status=values["status"],
        title_key=b"",
        column=column,
        tag_links=[ArticleTagRow(tag=tag, position=i) for i, tag in enumerate(tags)],
        findings=[f.as_dict() for f in draft.findings],
    )
    plain = _set_derived(row)
    s.add(row)
    _reindex(s, row, plain)
    return row.id


def get_article(s: Session, article_id: int) -> Article:
    return records_read.article(s, article_id)


def get_articles(s: Session, article_ids: Iterable[int]) -> dict[int, Article]:
    """The articles of ``article_ids`` that exist, read in one query (an issue's forty are one
    round trip, not forty)."""
    return records_read.articles(s, article_ids)


def snapshot(row: ArticleRow) -> dict[str, Any]:
    data: dict[str, Any] = {f: getattr(row, f) for f in _SNAPSHOT_FIELDS}
    data["published"] = row.published_at.isoformat() if row.published_at else None
    data["column"] = row.column.name if row.column else None
    data["tags"] = [link.tag.name for link in row.tag_links]
    return data


def update_article(
    s: Session, article_id: int, expected_version: int | None, changes: dict[str, Any], author: str
) -> Article:
    values = clean_patch(changes)
    row = lock_article(s, article_id)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"Tin bài “{row.title}” đã được lưu ở nơi khác (phiên bản {row.version}, "
            f"bạn đang sửa phiên bản {expected_version}). Hãy tải lại để không ghi đè."
        )
    check_title(values.get("title", row.title), ArticleStatus(values.get("status", row.status)))
    if "status" in values and values["status"] != row.status:
        if values["status"] == ArticleStatus.APPROVED.value:
            users_repo.require_approver(s, author)
        check_status_change(ArticleStatus(row.status), ArticleStatus(values["status"]))
    partner: Any = values.pop("translation_id", _KEEP)
    if "language" in values and values["language"] != row.language and row.translation_id is not None:
        other = s.get(ArticleRow, row.translation_id)
        if other is not None and other.language == values["language"] and partner in (_KEEP, row.translation_id):
            raise ValidationError("Ngôn ngữ", f"tin bài đang nối với bản dịch số {other.id} cùng ngôn ngữ đó")
    before, old_version = snapshot(row), row.version
    # Look up (and create) columns and tags before touching the row: those queries
    # autoflush, and a half-applied row would be written — and versioned — twice.
    column = get_or_create_column(s, values["column"]) if values.get("column") else None
    tags = get_or_create_tags(s, values["tags"]) if "tags" in values else None
    for key, value in values.items():
        if key == "column":
            row.column = column
        elif key == "tags":
            row.tag_links = [ArticleTagRow(tag=tag, position=i) for i, tag in enumerate(tags or [])]
        elif key == "published":
            row.published_at = value
        else:
            setattr(row, key, value)
    after = snapshot(row)
    if after != before:
        s.add(RevisionRow(article_id=row.id, version=old_version, author=author, snapshot=before))
        row.updated_at = utcnow()
        if {"title", "sapo", "body"} & set(values):
            translations_repo.mark_translated(s, row)
        _reindex(s, row, _set_derived(row))
    if partner is None:
        translations_repo.unlink(s, row, author, snapshot)
    elif partner is not _KEEP:
        translations_repo.link(s, row, int(partner), author, snapshot)
    return get_article(s, row.id)


_KEEP = object()  # update_article: the translation link is not part of the change


def delete_article(s: Session, article_id: int) -> str:
    row = _require(s, article_id)
    used = s.scalar(select(func.count()).select_from(EntryRow).where(EntryRow.article_id == article_id))
    if used:
        raise ValidationError(
            "Tin bài", f"“{row.title}” đang nằm trong {used} số bản tin; hãy gỡ khỏi số bản tin trước khi xóa"
        )
    title = row.title
    translations_repo.unlink(s, row, "", snapshot)  # no half of a pair is left pointing at nothing
    search_backend(s).remove(s, article_id)
    s.delete(row)
    return title


def trash_articles(s: Session, article_ids: Sequence[int]) -> list[int]:
    """Move articles to the trash (recoverable): out of lists, search and duplicate checks."""
    rows = [_require(s, i) for i in article_ids]
    used = dict(
        s.execute(
            select(EntryRow.article_id, func.count())
            .where(EntryRow.article_id.in_([r.id for r in rows]))
            .group_by(EntryRow.article_id)
        ).all()
    )
    for row in rows:
        if used.get(row.id):
            raise ValidationError(
                "Tin bài",
                f"“{row.title}” đang nằm trong {used[row.id]} số bản tin; hãy gỡ khỏi số bản tin trước khi xóa",
            )
    now = utcnow()
    engine = search_backend(s)
    for row in rows:
        if row.deleted_at is None:
            # A pair does not survive the trash: the partner is told (its own revision), and a
            # restored article is linked again by choice, never by surprise.
            translations_repo.unlink(s, row, "", snapshot)
            row.deleted_at = now
            engine.remove(s, row.id)
    s.flush()
    return [r.id for r in rows]


def restore_articles(s: Session, article_ids: Sequence[int]) -> list[int]:
    """Take articles back out of the trash, searchable again."""
    rows = [_require(s, i) for i in article_ids]
    for row in rows:
        if row.deleted_at is not None:
            row.deleted_at = None
            _reindex(s, row, body_to_plain(row.body))
    s.flush()
    return [r.id for r in rows]


def trashed_ids(s: Session) -> list[int]:
    return id_list(
        s, select(ArticleRow.id).where(ArticleRow.deleted_at.is_not(None)).order_by(ArticleRow.deleted_at.desc())
    )


def list_revisions(s: Session, article_id: int) -> list[Revision]:
    _require(s, article_id)
    rows = s.scalars(
        select(RevisionRow).where(RevisionRow.article_id == article_id).order_by(RevisionRow.version.desc())
    ).all()
    return [Revision(r.id, r.article_id, r.version, r.author, r.created_at, dict(r.snapshot)) for r in rows]


def restore_revision(s: Session, article_id: int, revision_id: int, author: str) -> Article:
    rev = s.get(RevisionRow, revision_id)
    if rev is None or rev.article_id != article_id:
        raise NotFoundError(f"Tin bài {article_id} không có bản lưu số {revision_id}.")
    data = dict(rev.snapshot)
    data.pop("translation_id", None)  # a pair is linked and unlinked on its own, not by restoring text
    published = data.pop("published", None)
    data["published"] = dt.datetime.fromisoformat(published) if published else None
    status = data.pop("status", None)
    row = _require(s, article_id)
    article = update_article(s, article_id, row.version, data, author)
    if status and status != row.status:  # restore status without workflow checks
        row.status = status
        article = get_article(s, article_id)
    return article


# Each order: (expression, sorts descending by nature, flips when the user reverses the order).
_Term = tuple[Any, bool, bool]
_ORDERS: dict[str, tuple[_Term, ...]] = {
    "updated": ((ArticleRow.updated_at, True, True), (ArticleRow.id, True, True)),
    "published": (
        (ArticleRow.published_at.is_(None), False, False),  # undated last either way
        (ArticleRow.published_at, True, True),
        (ArticleRow.id, True, True),
    ),
    "title": ((ArticleRow.title_key, False, True), (ArticleRow.id, False, True)),  # Vietnamese order
    "id": ((ArticleRow.id, False, True),),
    "words": ((ArticleRow.word_count, True, True), (ArticleRow.id, False, False)),
    "status": ((ArticleRow.status, False, True), (ArticleRow.title_key, False, False)),
    "language": ((ArticleRow.language, False, True), (ArticleRow.title_key, False, False)),
    "source": ((ArticleRow.source_name, False, True), (ArticleRow.title_key, False, False)),
    "column": (
        (ColumnRow.sort_key.is_(None), False, False),  # articles without a column last either way
        (ColumnRow.sort_key, False, True),
        (ArticleRow.title_key, False, False),
    ),
}
ORDERS = tuple(_ORDERS)


def _order(order: str, descending: bool) -> list[Any]:
    terms = _ORDERS.get(order, _ORDERS["updated"])
    return [
        expr.desc() if natural_desc != (descending and flips) else expr.asc() for expr, natural_desc, flips in terms
    ]


def _filtered(
    column_ids: list[int] | None,
    status: str | None,
    language: str | None,
    trashed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    translation: TranslationState | None = None,
):
    stmt = select(ArticleRow.id)
    stmt = stmt.where(ArticleRow.deleted_at.is_not(None) if trashed else ArticleRow.deleted_at.is_(None))
    if since is not None:
        stmt = stmt.where(ArticleRow.published_at >= dt.datetime.combine(since, dt.time()))
    if until is not None:
        stmt = stmt.where(ArticleRow.published_at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    if column_ids is not None:
        stmt = stmt.where(ArticleRow.column_id.in_(column_ids))
    if status:
        stmt = stmt.where(ArticleRow.status == status)
    if language:
        stmt = stmt.where(ArticleRow.language == language)
    if translation is not None:
        stmt = stmt.where(translations_repo.state_clause(translation))
    return stmt


def list_ids(
    s: Session,
    column_ids: list[int] | None = None,
    status: str | None = None,
    language: str | None = None,
    order: str = "updated",
    limit: int | None = None,
    descending: bool = False,
    trashed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    within: Sequence[int] | None = None,
    translation: TranslationState | None = None,
) -> list[int]:
    stmt = _filtered(column_ids, status, language, trashed, since, until, translation)
    if within is not None:
        stmt = stmt.where(ArticleRow.id.in_(list(within)))
    if order == "column":
        stmt = stmt.outerjoin(ColumnRow, ArticleRow.column_id == ColumnRow.id)
    stmt = stmt.order_by(*_order(order, descending))
    if limit is not None:
        stmt = stmt.limit(limit)
    return id_list(s, stmt)


def id_list(s: Session, stmt: Select[tuple[int]]) -> list[int]:
    """The ids a one-column query selects.

    On SQLite the query runs on the driver's own cursor, which releases the interpreter lock
    row by row; SQLAlchemy's result processing held it for 30–70 ms per 100,000 ids — the
    window's thread waited that long while the library list loaded in the background.
    """
    bind = s.get_bind()
    if bind.dialect.name != "sqlite":
        return list(s.scalars(stmt))
    compiled = stmt.compile(dialect=bind.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    params = [_sqlite_value(values[name]) for name in compiled.positiontup or ()]
    cursor = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return [row[0] for row in cursor.execute(compiled.string, params)]
    finally:
        cursor.close()


def _sqlite_value(value: Any) -> Any:
    # as SQLAlchemy's SQLite DateTime stores it, so comparisons are exact
    if isinstance(value, dt.datetime):
        return value.isoformat(" ", "microseconds")
    return value


_SUMMARY_COLUMNS = (
    ArticleRow.id,
    ArticleRow.title,
    ColumnRow.name,
    ArticleRow.status,
    ArticleRow.language,
    ArticleRow.published_at,
    ArticleRow.word_count,
    ArticleRow.updated_at,
    ArticleRow.source_name,
    ArticleRow.findings,
    ArticleRow.deleted_at,
    ArticleRow.translation_id,
    ArticleRow.content_hash,
    ArticleRow.version,
)
_PARTNER = aliased(ArticleRow)


def summaries(s: Session, ids: Sequence[int]) -> list[ArticleSummary]:
    """Summaries in the order of ``ids`` (the GUI's lazy row cache fetches in blocks).

    Only the listed columns are read: loading whole rows (bodies, tags) made a block of
    200 rows cost ~40 ms instead of ~3.
    """
    if not ids:
        return []
    stmt = (
        select(*_SUMMARY_COLUMNS, _PARTNER.status, _PARTNER.source_hash)
        .outerjoin(ColumnRow, ArticleRow.column_id == ColumnRow.id)
        .outerjoin(_PARTNER, ArticleRow.translation_id == _PARTNER.id)
        .where(ArticleRow.id.in_(list(ids)))
    )
    rows = {r[0]: r for r in s.execute(stmt)}
    out = []
    for i in ids:
        if (r := rows.get(i)) is not None:
            out.append(
                ArticleSummary(
                    id=r[0],
                    title=r[1],
                    column=r[2],
                    status=ArticleStatus(r[3]),
                    language=Language(r[4]),
                    published=r[5],
                    word_count=r[6],
                    updated=r[7],
                    source=r[8],
                    findings=len(r[9] or ()),
                    trashed=r[10] is not None,
                    partner_id=r[11],
                    translation=translation_state(r[4], r[14], r[15], r[12]),
                    version=r[13],
                )
            )
    return out


def count_articles(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(ArticleRow).where(ArticleRow.deleted_at.is_(None))) or 0


def find_by_content_hash(s: Session, digest: str) -> tuple[int, str] | None:
    row = s.execute(
        select(ArticleRow.id, ArticleRow.title)
        .where(ArticleRow.content_hash == digest, ArticleRow.deleted_at.is_(None))
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def find_duplicate(s: Session, draft: ArticleDraft) -> tuple[int, str] | None:
    """An article already holding the same text (after cleaning and folding), if any.

    The check and the insert that follows it in the same unit are one step for every other
    process: on SQLite the unit holds the write lock (BEGIN IMMEDIATE); on a server the unit
    claims the text's hash (a transaction-scoped advisory lock), so a second import of the same
    text waits for the first to commit and then finds it. Not a unique index on the hash: an
    English partner starts out holding its original's text, and an editor may keep a copy.
    """
    values = clean_patch({"title": draft.title, "body": draft.body})
    # The text as imported, and as it reads once preflight's fix dropped its captions without a
    # picture: the same file imported again after that fix is still the same text.
    bodies = (values["body"], drop_orphan_captions(values["body"])[0])
    digests = sorted({content_hash(values["title"], body_to_plain(body)) for body in bodies})
    for digest in digests:  # in one order for every process: two importers never wait on each other
        claim(s, digest)
    return next(filter(None, (find_by_content_hash(s, d) for d in digests)), None)


def same_text(s: Session, article_id: int, draft: ArticleDraft) -> bool:
    """Whether article ``article_id`` holds ``draft``'s sapo and body (its title aside: an import
    without a headline, retitled by an editor since, is still the same text)."""
    row = s.get(ArticleRow, article_id)
    if row is None or row.deleted_at is not None:
        return False
    values = clean_patch({"sapo": draft.sapo, "body": draft.body})
    bodies = {values["body"], drop_orphan_captions(values["body"])[0]}
    return row.sapo == values["sapo"] and row.body in bodies


def set_findings(s: Session, article_id: int, findings: list[Finding]) -> None:
    """Replace the stored findings (not a content change: no revision, no version bump)."""
    _require(s, article_id)
    s.execute(
        update(ArticleRow)
        .where(ArticleRow.id == article_id)
        .values(findings=[f.as_dict() for f in findings])
        .execution_options(synchronize_session=False)
    )


def near_duplicates(s: Session, draft: ArticleDraft, threshold: float = 0.8) -> list[tuple[int, str, float]]:
    """(id, title, overlap) of library articles telling the same story."""
    values = clean_patch({"title": draft.title, "body": draft.body})
    pairs = search_backend(s).near_duplicates(s, values["title"], body_to_plain(values["body"]), threshold)
    titles = (
        dict(s.execute(select(ArticleRow.id, ArticleRow.title).where(ArticleRow.id.in_([i for i, _ in pairs]))).all())
        if pairs
        else {}
    )
    return [(i, titles.get(i, ""), overlap) for i, overlap in pairs]
