"""Issue use cases: create, compose (add/move/remove entries), read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bulletin_app.domain.changes import Changes
from bulletin_app.domain.issue import Issue, IssueStatus, IssueSummary
from bulletin_app.storage import issues_repo
from bulletin_app.storage.database import Database


class IssueService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, number: int, date: dt.date, title: str = "", period_label: str = "") -> tuple[int, Changes]:
        with self._db.unit() as s:
            issue_id = issues_repo.create_issue(s, number, date, title, period_label)
        return issue_id, Changes(issues_changed=frozenset({issue_id}))

    def add_articles(
        self, issue_id: int, article_ids: Sequence[int], section: str | None = None
    ) -> tuple[list[int], Changes]:
        with self._db.unit() as s:
            added = issues_repo.add_entries(s, issue_id, article_ids, section)
        return added, Changes(issues_changed=frozenset({issue_id}))

    def remove_article(self, issue_id: int, article_id: int) -> Changes:
        with self._db.unit() as s:
            issues_repo.remove_entry(s, issue_id, article_id)
        return Changes(issues_changed=frozenset({issue_id}))

    def move_article(self, issue_id: int, article_id: int, section: str, position: int) -> Changes:
        with self._db.unit() as s:
            issues_repo.move_entry(s, issue_id, article_id, section, position)
        return Changes(issues_changed=frozenset({issue_id}))

    def set_status(self, issue_id: int, status: IssueStatus) -> Changes:
        with self._db.unit() as s:
            issues_repo.set_issue_status(s, issue_id, status)
        return Changes(issues_changed=frozenset({issue_id}))

    def get(self, issue_id: int) -> Issue:
        with self._db.unit() as s:
            return issues_repo.get_issue(s, issue_id)

    def list(self) -> list[IssueSummary]:
        with self._db.unit() as s:
            return issues_repo.list_issues(s)
