"""Issue use cases: create, edit details, compose (sections, add/move/remove entries), read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from bulletin_app.domain.article import Asset
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.findings import Finding
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Issue, IssueStatus, IssueSummary
from bulletin_app.storage import issues_repo
from bulletin_app.storage.database import Database

_UNSET: Any = object()
EDITORIAL_OPENING = "Kính gửi quý bạn đọc,"

# Preflight's wording of the record fields it checks → the field to open.
_FIELD_LABELS = {
    "tên bản tin": "publication.bulletin_name",
    "cơ quan xuất bản": "publication.publishing_body",
    "ngày phát hành": "issue.date",
    "số giấy phép xuất bản": "publication.licence_number",
    "ngày cấp giấy phép": "publication.licence_date",
    "nơi in": "publication.printing_place",
    "số lượng in": "publication.print_run",
    "kỳ hạn xuất bản": "publication.frequency",
    "người chịu trách nhiệm xuất bản": "publication.responsible_person",
}
_CODE_FIELDS = {
    "licence-expired": "publication.licence_expiry",
    "trim-size": "publication.trim_width_mm",
    "page-limit": "publication.page_limit",
}
_QUOTED = re.compile(r"“(.+?)”")
_ARTICLE_ID = re.compile(r"\(mã (\d+)\)")
_IMAGE_REF = re.compile(r"^Ảnh ([0-9a-fA-F]{6,64}|\d+)\b")


class IssueService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(
        self,
        number: int,
        date: dt.date,
        title: str = "",
        period_label: str = "",
        cover_asset: str = "",
        circulation_notice: str = "",
        edition: str = "vi",
        arrangement: str = "parts",
    ) -> tuple[int, Changes]:
        """A new issue; ``edition`` vi | en | bilingual, ``arrangement`` parts | interleaved."""
        with self._db.unit() as s:
            issue_id = issues_repo.create_issue(
                s, number, date, title, period_label, cover_asset, circulation_notice, edition, arrangement
            )
        return issue_id, Changes(issues_changed=frozenset({issue_id}))

    def update_details(
        self,
        issue_id: int,
        expected_version: int | None,
        *,
        number: int = _UNSET,
        date: dt.date = _UNSET,
        title: str = _UNSET,
        period_label: str = _UNSET,
        cover_asset: str = _UNSET,
        circulation_notice: str = _UNSET,
        edition: str = _UNSET,
        arrangement: str = _UNSET,
    ) -> Changes:
        """Change the issue's own fields; only those given are touched.

        ``expected_version`` is the version the editor started from (None: no check);
        ``cover_asset`` "" means the first photo of the issue, ``circulation_notice`` ""
        the publication's default.
        """
        given = {
            "number": number,
            "date": date,
            "title": title,
            "period_label": period_label,
            "cover_asset": cover_asset,
            "circulation_notice": circulation_notice,
            "edition": edition,
            "arrangement": arrangement,
        }
        values = {k: v for k, v in given.items() if v is not _UNSET}
        with self._db.unit() as s:
            issues_repo.update_details(s, issue_id, expected_version, values)
        return Changes(issues_changed=frozenset({issue_id}))

    def add_articles(
        self, issue_id: int, article_ids: Sequence[int], section: str | None = None
    ) -> tuple[list[int], Changes]:
        with self._db.unit() as s:
            added = issues_repo.add_entries(s, issue_id, article_ids, section)
        return added, Changes(issues_changed=frozenset({issue_id}))

    def place_articles(
        self,
        issue_id: int,
        article_ids: Sequence[int],
        section: str,
        position: int,
        expected_version: int | None = None,
    ) -> tuple[list[int], Changes]:
        """Put articles at ``position`` of ``section``: those in the issue move, the others are added.

        ``position`` counts the section's entries before the move (a drop between rows), as the
        editor saw them at ``expected_version`` (a stale view is a conflict, not a misplaced move).
        Returns the ids newly added to the issue.
        """
        with self._db.unit() as s:
            issues_repo.check_version(s, issue_id, expected_version)
            added = issues_repo.place_entries(s, issue_id, article_ids, section, position)
        return added, Changes(issues_changed=frozenset({issue_id}))

    def remove_article(self, issue_id: int, article_id: int) -> Changes:
        return self.remove_articles(issue_id, [article_id])

    def remove_articles(
        self, issue_id: int, article_ids: Sequence[int], expected_version: int | None = None
    ) -> Changes:
        """Take articles out of the issue (they stay in the library)."""
        with self._db.unit() as s:
            issues_repo.check_version(s, issue_id, expected_version)
            issues_repo.remove_entries(s, issue_id, article_ids)
        return Changes(issues_changed=frozenset({issue_id}))

    def move_article(
        self, issue_id: int, article_id: int, section: str, position: int, expected_version: int | None = None
    ) -> Changes:
        with self._db.unit() as s:
            issues_repo.check_version(s, issue_id, expected_version)
            issues_repo.move_entry(s, issue_id, article_id, section, position)
        return Changes(issues_changed=frozenset({issue_id}))

    def add_section(self, issue_id: int, name: str) -> tuple[str, Changes]:
        """An empty section, placed in bulletin order; returns its name (existing ones are kept)."""
        with self._db.unit() as s:
            name = issues_repo.add_section(s, issue_id, name)
        return name, Changes(issues_changed=frozenset({issue_id}))

    def remove_section(self, issue_id: int, name: str, expected_version: int | None = None) -> Changes:
        with self._db.unit() as s:
            issues_repo.check_version(s, issue_id, expected_version)
            issues_repo.remove_section(s, issue_id, name)
        return Changes(issues_changed=frozenset({issue_id}))

    def add_editorial(self, issue_id: int, title: str = EDITORIAL_SECTION_NAME) -> tuple[int, Changes]:
        """Write a new editorial letter: a draft article first in the "Thư ngỏ" section."""
        with self._db.unit() as s:
            article_id = issues_repo.add_editorial(s, issue_id, title, EDITORIAL_OPENING)
        return article_id, Changes(articles_added=frozenset({article_id}), issues_changed=frozenset({issue_id}))

    def set_status(self, issue_id: int, status: IssueStatus) -> Changes:
        with self._db.unit() as s:
            issues_repo.set_issue_status(s, issue_id, status)
        return Changes(issues_changed=frozenset({issue_id}))

    def get(self, issue_id: int) -> Issue:
        with self._db.read() as s:
            return issues_repo.get_issue(s, issue_id)

    def list(self) -> list[IssueSummary]:
        with self._db.read() as s:
            return issues_repo.list_issues(s)

    def cover_candidates(self, issue_id: int | None, limit: int = 60) -> list[Asset]:
        """Photos to offer for the cover: the issue's own first, then the library's newest."""
        with self._db.read() as s:
            return issues_repo.cover_candidates(s, issue_id, limit)

    def locate_findings(self, issue_id: int, findings: Sequence[Finding]) -> list[Finding]:
        """Preflight findings with the article, record field or section each one is about."""
        with self._db.read() as s:
            issue = issues_repo.get_issue(s, issue_id)
            images = issues_repo.asset_refs_by_article(s, issue.article_ids)
        by_title: dict[str, int] = {}
        for section in issue.sections:
            for entry in section.entries:
                by_title.setdefault(entry.title, entry.article_id)
        return [_locate(f, issue, by_title, images) for f in findings]


def _locate(finding: Finding, issue: Issue, by_title: dict[str, int], images: dict[int, list[str]]) -> Finding:
    if finding.article_id is not None or finding.field is not None or finding.section is not None:
        return finding  # the check knew what it is about
    item = finding
    message = finding.message
    if finding.kind in _CODE_FIELDS:
        return _with(item, field=_CODE_FIELDS[finding.kind])
    if finding.kind in ("cover-field", "colophon-field"):
        label = next((k for k in sorted(_FIELD_LABELS, key=len, reverse=True) if f"thiếu {k}" in message), None)
        return _with(item, field=_FIELD_LABELS[label]) if label else item
    if finding.kind == "empty-section":
        quoted = _QUOTED.search(message)
        return _with(item, section=quoted.group(1)) if quoted else item
    if m := _ARTICLE_ID.search(message):
        article_id = int(m.group(1))
        if article_id in issue.article_ids:
            return _with(item, article_id=article_id)
    if finding.kind == "image-dpi" and message.startswith("Ảnh bìa"):
        return _with(item, field="issue.cover_asset")
    if m := _IMAGE_REF.match(message):
        ref = m.group(1).lower()
        if issue.cover_asset and (ref.startswith(issue.cover_asset) or issue.cover_asset.startswith(ref)):
            return _with(item, field="issue.cover_asset")
        for article_id, refs in images.items():
            if any(r.startswith(ref) or ref.startswith(r) for r in refs):
                return _with(item, article_id=article_id)
        return item
    if message.startswith("Trang bìa"):
        return _with(item, field="publication.bulletin_name")
    for quoted in _QUOTED.finditer(message):
        if quoted.group(1) in by_title:
            return _with(item, article_id=by_title[quoted.group(1)])
    return item


def _with(item: Finding, **where: Any) -> Finding:
    return item.at(**where)
