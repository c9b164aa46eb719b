"""Issues, their sections (in bulletin order) and ordered entries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Asset
from bulletin_app.domain.body import ASSET_SCHEME
from bulletin_app.domain.errors import ConflictError, NotFoundError, ValidationError
from bulletin_app.domain.issue import (
    EDITORIAL_SECTION_NAME,
    Arrangement,
    Edition,
    Issue,
    IssueStatus,
    IssueSummary,
)
from bulletin_app.storage import articles_repo, records_read
from bulletin_app.storage.columns_repo import find_column
from bulletin_app.storage.locking import locked
from bulletin_app.storage.models import ArticleRow, AssetRow, EntryRow, IssueRow, SectionRow, utcnow
from bulletin_app.text import clean_line, fold

MAX_TITLE = 300
MAX_PERIOD = 200
MAX_NOTICE = 200
_ASSET_REF = re.compile(re.escape(ASSET_SCHEME) + r"([0-9a-fA-F]{6,64}|\d+)")


# ---------------------------------------------------------------- bulletin order
def _ordered(s: Session, issue: IssueRow) -> list[SectionRow]:
    s.flush()  # the sections' values as stored (a new one's defaults filled in), as the reading sees them
    sections = list(issue.sections)
    order = records_read.section_order(s, [(sec.name, sec.column_id, sec.position) for sec in sections])
    return [sections[i] for i in order]


def _renumber(s: Session, issue: IssueRow) -> None:
    for i, sec in enumerate(_ordered(s, issue)):
        sec.position = i
        for j, entry in enumerate(sec.entries):
            entry.position = j


def _require(s: Session, issue_id: int, lock: bool = False) -> IssueRow:
    """The issue; ``lock`` (a change to it follows) takes its row lock first on a server."""
    row = locked(s, IssueRow, issue_id) if lock else s.get(IssueRow, issue_id)
    if row is None:
        raise NotFoundError(f"Không có số bản tin mã {issue_id}.")
    return row


def check_version(s: Session, issue_id: int, expected_version: int | None) -> IssueRow:
    """The issue, locked for a change decided on the version ``expected_version`` the editor
    saw (None: the change does not depend on what was seen, such as appending an article)."""
    row = _require(s, issue_id, lock=True)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"Số bản tin {row.number} vừa được sửa ở nơi khác (phiên bản {row.version}, "
            f"bạn đang xem phiên bản {expected_version}). Số bản tin đã được tải lại; hãy làm lại thao tác."
        )
    return row


def _touch(issue: IssueRow) -> None:
    """Any change to the composition bumps the issue's version (optimistic concurrency)."""
    issue.updated_at = utcnow()


# ---------------------------------------------------------------- details
def _check_number(s: Session, number: Any, date: dt.date, issue_id: int | None) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 9999:
        raise ValidationError("Số", "phải là số nguyên từ 1 đến 9999")
    query = select(IssueRow.id).where(IssueRow.number == number, IssueRow.year == date.year)
    if issue_id is not None:
        query = query.where(IssueRow.id != issue_id)
    clash = s.scalar(query)
    if clash:
        raise ValidationError("Số", f"đã có số {number} năm {date.year} (mã {clash})")
    return number


def _check_date(date: Any) -> dt.date:
    if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
        raise ValidationError("Ngày phát hành", "không phải một ngày hợp lệ")
    if not 1990 <= date.year <= 2100:
        raise ValidationError("Ngày phát hành", f"năm {date.year} nằm ngoài khoảng 1990–2100")
    return date


def _check_text(label: str, value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(label, "phải là văn bản")
    text = clean_line(value)
    if len(text) > limit:
        raise ValidationError(label, f"dài {len(text)} ký tự, tối đa {limit}")
    return text


def _check_cover(s: Session, ref: Any) -> str:
    if not isinstance(ref, str):
        raise ValidationError("Ảnh bìa", "phải là mã ảnh trong thư viện")
    ref = ref.strip()
    if ref.lower().startswith(ASSET_SCHEME):
        ref = ref[len(ASSET_SCHEME) :]
    if not ref:
        return ""
    asset = _asset_meta(s, ref)
    if asset is None:
        raise ValidationError("Ảnh bìa", f"không có ảnh “{ref}” trong thư viện")
    return asset.ref


def _check_choice(label: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValidationError(label, f"“{value}” không hợp lệ (chọn {', '.join(allowed)})")
    return str(value)


def create_issue(
    s: Session,
    number: int,
    date: dt.date,
    title: str,
    period_label: str,
    cover_asset: str = "",
    circulation_notice: str = "",
    edition: str = Edition.VI,
    arrangement: str = Arrangement.PARTS,
) -> int:
    date = _check_date(date)
    number = _check_number(s, number, date, None)
    row = IssueRow(
        number=number,
        year=date.year,
        date=date,
        title=_check_text("Tên số", title, MAX_TITLE),
        period_label=_check_text("Kỳ", period_label, MAX_PERIOD),
        cover_asset=_check_cover(s, cover_asset),
        circulation_notice=_check_text("Dòng lưu hành", circulation_notice, MAX_NOTICE),
        edition=_check_choice("Ấn bản", edition, Edition.ALL),
        arrangement=_check_choice("Cách xếp song ngữ", arrangement, Arrangement.ALL),
    )
    s.add(row)
    try:
        s.flush()
    except IntegrityError as exc:  # raced with another writer
        raise ValidationError("Số", f"đã có số {number} năm {date.year}") from exc
    return row.id


DETAIL_FIELDS = (
    "number",
    "date",
    "title",
    "period_label",
    "cover_asset",
    "circulation_notice",
    "edition",
    "arrangement",
)


def update_details(s: Session, issue_id: int, expected_version: int | None, values: dict[str, Any]) -> None:
    """Change the issue's own fields (not its composition); ``values`` holds only what changes."""
    unknown = set(values) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"unknown issue fields: {sorted(unknown)}")
    row = check_version(s, issue_id, expected_version)
    date = _check_date(values.get("date", row.date))
    number = values.get("number", row.number)
    if "number" in values or "date" in values:
        _check_number(s, number, date, row.id)
    cleaned: dict[str, Any] = {"number": number, "date": date, "year": date.year}
    if "title" in values:
        cleaned["title"] = _check_text("Tên số", values["title"], MAX_TITLE)
    if "period_label" in values:
        cleaned["period_label"] = _check_text("Kỳ", values["period_label"], MAX_PERIOD)
    if "cover_asset" in values:
        cleaned["cover_asset"] = _check_cover(s, values["cover_asset"])
    if "circulation_notice" in values:
        cleaned["circulation_notice"] = _check_text("Dòng lưu hành", values["circulation_notice"], MAX_NOTICE)
    if "edition" in values:
        cleaned["edition"] = _check_choice("Ấn bản", values["edition"], Edition.ALL)
    if "arrangement" in values:
        cleaned["arrangement"] = _check_choice("Cách xếp song ngữ", values["arrangement"], Arrangement.ALL)
    changed = {k: v for k, v in cleaned.items() if getattr(row, k) != v}
    if not changed:
        return
    for key, value in changed.items():
        setattr(row, key, value)
    _touch(row)
    try:
        s.flush()
    except IntegrityError as exc:
        raise ValidationError("Số", f"đã có số {number} năm {date.year}") from exc


def get_issue(s: Session, issue_id: int) -> Issue:
    return records_read.issue(s, issue_id)


def list_issues(s: Session) -> list[IssueSummary]:
    counts = dict(
        s.execute(
            select(SectionRow.issue_id, func.count(EntryRow.id))
            .join(EntryRow, EntryRow.section_id == SectionRow.id)
            .group_by(SectionRow.issue_id)
        ).all()
    )
    rows = s.scalars(select(IssueRow).order_by(IssueRow.date.desc(), IssueRow.number.desc())).all()
    return [IssueSummary(r.id, r.number, r.date, r.title, IssueStatus(r.status), counts.get(r.id, 0)) for r in rows]


# ---------------------------------------------------------------- sections
def _find_section(issue: IssueRow, name: str) -> SectionRow | None:
    name = clean_line(name)
    return next((sec for sec in issue.sections if sec.name == name or fold(sec.name) == fold(name)), None)


def _section(s: Session, issue: IssueRow, name: str) -> SectionRow:
    """The issue's section called ``name``, created in its bulletin place when new."""
    name = clean_line(name)
    if not name:
        raise ValidationError("Chuyên mục", "tên không được để trống")
    found = _find_section(issue, name)
    if found is not None:
        return found
    if fold(name) == fold(EDITORIAL_SECTION_NAME):
        sec = SectionRow(name=EDITORIAL_SECTION_NAME, column_id=None, position=-1)
    else:
        column = find_column(s, name)
        sec = SectionRow(
            name=column.name if column else name,
            column_id=column.id if column else None,
            position=len(issue.sections),
        )
    issue.sections.append(sec)
    _renumber(s, issue)
    s.flush()
    return sec


def add_section(s: Session, issue_id: int, name: str) -> str:
    """An empty section (a column of the library, or a name of the editor's own); its name."""
    issue = _require(s, issue_id, lock=True)
    sec = _section(s, issue, name)
    _touch(issue)
    return sec.name


def remove_section(s: Session, issue_id: int, name: str) -> list[int]:
    """Drop a section and its entries (the articles stay in the library); the ids it held."""
    issue = _require(s, issue_id, lock=True)
    sec = _find_section(issue, name)
    if sec is None:
        raise NotFoundError(f"Số bản tin {issue.number} không có chuyên mục “{name}”.")
    held = [e.article_id for e in sec.entries]
    issue.sections.remove(sec)
    _renumber(s, issue)
    _touch(issue)
    return held


# ---------------------------------------------------------------- entries
def _live_article(s: Session, article_id: int) -> ArticleRow:
    article = s.get(ArticleRow, article_id)
    if article is None:
        raise NotFoundError(f"Không có tin bài số {article_id}.")
    if article.deleted_at is not None:
        raise ValidationError("Tin bài", f"“{article.title}” đang ở thùng rác")
    return article


def add_entries(s: Session, issue_id: int, article_ids: Sequence[int], section: str | None) -> list[int]:
    """Append articles to a section (named, or each article's own column).

    Returns the ids added; articles already in the issue are left where they are.
    """
    issue = _require(s, issue_id, lock=True)
    present = {e.article_id for sec in issue.sections for e in sec.entries}
    added: list[int] = []
    for article_id in article_ids:
        article = _live_article(s, article_id)
        if article_id in present:
            continue
        name = section or (article.column.name if article.column else "Tin bài")
        sec = _section(s, issue, name)
        sec.entries.append(EntryRow(article_id=article_id, position=len(sec.entries)))
        present.add(article_id)
        added.append(article_id)
    _touch(issue)
    s.flush()
    return added


def place_entries(s: Session, issue_id: int, article_ids: Sequence[int], section: str, position: int) -> list[int]:
    """Put articles, in the given order, at ``position`` of ``section`` (created if new).

    Articles already in the issue move there; the others are added. ``position`` counts the
    section's entries as they are before the move (what a drop indicator points at).
    Returns the ids that were not in the issue before.
    """
    issue = _require(s, issue_id, lock=True)
    ids = list(dict.fromkeys(article_ids))
    for article_id in ids:
        _live_article(s, article_id)
    target = _section(s, issue, section)
    wanted = set(ids)
    before = list(target.entries)
    position = max(0, min(position, len(before)))
    position -= sum(1 for e in before[:position] if e.article_id in wanted)
    existing: dict[int, EntryRow] = {}
    for sec in issue.sections:
        keep = [e for e in sec.entries if e.article_id not in wanted]
        if len(keep) != len(sec.entries):
            existing.update({e.article_id: e for e in sec.entries if e.article_id in wanted})
            sec.entries = keep
    added = [a for a in ids if a not in existing]
    moving = [existing.get(a) or EntryRow(article_id=a) for a in ids]
    entries = list(target.entries)
    entries[position:position] = moving
    target.entries = entries
    _renumber(s, issue)
    _touch(issue)
    s.flush()
    return added


def remove_entries(s: Session, issue_id: int, article_ids: Iterable[int]) -> None:
    issue = _require(s, issue_id, lock=True)
    wanted = set(article_ids)
    present = {e.article_id for sec in issue.sections for e in sec.entries}
    missing = wanted - present
    if missing:
        raise NotFoundError(f"Tin bài {', '.join(map(str, sorted(missing)))} không có trong số bản tin {issue.number}.")
    for sec in issue.sections:
        if any(e.article_id in wanted for e in sec.entries):
            sec.entries = [e for e in sec.entries if e.article_id not in wanted]
    _renumber(s, issue)
    _touch(issue)


def remove_entry(s: Session, issue_id: int, article_id: int) -> None:
    remove_entries(s, issue_id, [article_id])


def move_entry(s: Session, issue_id: int, article_id: int, section: str, position: int) -> None:
    """Move an article to ``position`` in ``section`` (created if new), counted without it."""
    remove_entries(s, issue_id, [article_id])  # refuses an article that is not in the issue
    place_entries(s, issue_id, [article_id], section, position)


def add_editorial(s: Session, issue_id: int, title: str, body: str) -> int:
    """A new article for the editorial letter, first in the issue's "Thư ngỏ" section."""
    issue = _require(s, issue_id)
    sec = _find_section(issue, EDITORIAL_SECTION_NAME)
    if sec is not None and sec.entries:
        raise ValidationError(EDITORIAL_SECTION_NAME, f"số này đã có thư ngỏ “{sec.entries[0].article.title}”")
    article_id = articles_repo.add_article(s, ArticleDraft(title=title, body=body), ArticleStatus.DRAFT)
    s.flush()
    place_entries(s, issue_id, [article_id], EDITORIAL_SECTION_NAME, 0)
    return article_id


def set_issue_status(s: Session, issue_id: int, status: IssueStatus) -> None:
    row = _require(s, issue_id, lock=True)
    row.status = status.value
    _touch(row)


# ---------------------------------------------------------------- pictures
def asset_refs_by_article(s: Session, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """The image references each article's body uses, in order."""
    rows = s.execute(select(ArticleRow.id, ArticleRow.body).where(ArticleRow.id.in_(list(article_ids)))).all()
    found = {article_id: list(dict.fromkeys(m.lower() for m in _ASSET_REF.findall(body))) for article_id, body in rows}
    return {a: found.get(a, []) for a in article_ids}


_ASSET_META = (AssetRow.id, AssetRow.sha256, AssetRow.filename, AssetRow.mime, AssetRow.width, AssetRow.height)


def _asset_meta(s: Session, ref: str) -> Asset | None:
    """An asset's description by id or hash prefix, without reading the image bytes."""
    ref = ref.strip().lower()
    query = select(*_ASSET_META, AssetRow.byte_size)
    if ref.isdigit():
        row = s.execute(query.where(AssetRow.id == int(ref))).first()
        if row is not None:
            return Asset(*row)
    if len(ref) < 6:
        return None
    rows = s.execute(query.where(AssetRow.sha256.startswith(ref)).limit(2)).all()
    return Asset(*rows[0]) if len(rows) == 1 else None


def cover_candidates(s: Session, issue_id: int | None, limit: int = 60) -> list[Asset]:
    """Photos for the cover: the issue's own first (in reading order), then the library's newest."""
    chosen: list[Asset] = []
    seen: set[int] = set()

    def take(asset: Asset) -> None:
        if asset.id not in seen and len(chosen) < limit:
            seen.add(asset.id)
            chosen.append(asset)

    own: list[str] = []
    if issue_id is not None:
        issue = get_issue(s, issue_id)
        own = [issue.cover_asset, *(r for refs in asset_refs_by_article(s, issue.article_ids).values() for r in refs)]
    for ref in own:
        if ref and (asset := _asset_meta(s, ref)) is not None:
            take(asset)
    newest = select(*_ASSET_META, AssetRow.byte_size).order_by(AssetRow.created_at.desc(), AssetRow.id.desc())
    for row in s.execute(newest.limit(limit)):  # not the image bytes
        take(Asset(*row))
    return chosen
