"""Issues, their ordered sections and ordered entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bulletin_app.domain.errors import NotFoundError, ValidationError
from bulletin_app.domain.issue import Entry, Issue, IssueStatus, IssueSummary, Section
from bulletin_app.storage.columns_repo import find_column
from bulletin_app.storage.models import ArticleRow, EntryRow, IssueRow, SectionRow, utcnow
from bulletin_app.text import clean_line, fold


def _to_issue(row: IssueRow) -> Issue:
    sections = tuple(
        Section(
            sec.id, sec.name, sec.position, tuple(Entry(e.article_id, e.article.title, e.position) for e in sec.entries)
        )
        for sec in row.sections
    )
    return Issue(
        row.id, row.number, row.date, row.title, row.period_label, IssueStatus(row.status), sections, row.version
    )


def _require(s: Session, issue_id: int) -> IssueRow:
    row = s.get(IssueRow, issue_id)
    if row is None:
        raise NotFoundError(f"Không có số bản tin mã {issue_id}.")
    return row


def create_issue(s: Session, number: int, date: dt.date, title: str, period_label: str) -> int:
    if number <= 0:
        raise ValidationError("Số", "phải là số nguyên dương")
    clash = s.scalar(select(IssueRow.id).where(IssueRow.number == number, IssueRow.year == date.year))
    if clash:
        raise ValidationError("Số", f"đã có số {number} năm {date.year} (mã {clash})")
    row = IssueRow(
        number=number, year=date.year, date=date, title=clean_line(title), period_label=clean_line(period_label)
    )
    s.add(row)
    try:
        s.flush()
    except IntegrityError as exc:  # raced with another writer
        raise ValidationError("Số", f"đã có số {number} năm {date.year}") from exc
    return row.id


def get_issue(s: Session, issue_id: int) -> Issue:
    return _to_issue(_require(s, issue_id))


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


def _section(s: Session, issue: IssueRow, name: str) -> SectionRow:
    name = clean_line(name)
    for sec in issue.sections:
        if sec.name == name or fold(sec.name) == fold(name):
            return sec
    column = find_column(s, name)
    sec = SectionRow(
        name=column.name if column else name, column_id=column.id if column else None, position=len(issue.sections)
    )
    issue.sections.append(sec)
    s.flush()
    return sec


def add_entries(s: Session, issue_id: int, article_ids: Sequence[int], section: str | None) -> list[int]:
    """Append articles to a section (named, or each article's own column).

    Returns the ids added; articles already in the issue are left where they are.
    """
    issue = _require(s, issue_id)
    present = {e.article_id for sec in issue.sections for e in sec.entries}
    added: list[int] = []
    for article_id in article_ids:
        article = s.get(ArticleRow, article_id)
        if article is None:
            raise NotFoundError(f"Không có tin bài số {article_id}.")
        if article_id in present:
            continue
        name = section or (article.column.name if article.column else "Tin bài")
        sec = _section(s, issue, name)
        sec.entries.append(EntryRow(article_id=article_id, position=len(sec.entries)))
        present.add(article_id)
        added.append(article_id)
    issue.updated_at = utcnow()
    s.flush()
    return added


def remove_entry(s: Session, issue_id: int, article_id: int) -> None:
    issue = _require(s, issue_id)
    for sec in issue.sections:
        for entry in list(sec.entries):
            if entry.article_id == article_id:
                sec.entries.remove(entry)
                for i, e in enumerate(sec.entries):
                    e.position = i
                issue.updated_at = utcnow()
                return
    raise NotFoundError(f"Tin bài {article_id} không có trong số bản tin {issue_id}.")


def move_entry(s: Session, issue_id: int, article_id: int, section: str, position: int) -> None:
    """Move an article to ``position`` in ``section`` (created if new)."""
    issue = _require(s, issue_id)
    remove_entry(s, issue_id, article_id)
    sec = _section(s, issue, section)
    entries = list(sec.entries)
    position = max(0, min(position, len(entries)))
    entries.insert(position, EntryRow(article_id=article_id))
    sec.entries = entries
    for i, e in enumerate(entries):
        e.position = i
    s.flush()


def set_issue_status(s: Session, issue_id: int, status: IssueStatus) -> None:
    row = _require(s, issue_id)
    row.status = status.value
    row.updated_at = utcnow()
