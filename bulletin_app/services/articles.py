"""Article use cases: read, list, edit (with revisions), delete."""

from __future__ import annotations

from typing import Any

from bulletin_app.domain.article import Article, ArticleDraft, ArticleStatus, ArticleSummary, Revision
from bulletin_app.domain.changes import Changes
from bulletin_app.storage import articles_repo, columns_repo
from bulletin_app.storage.database import Database


class ArticleService:
    def __init__(self, db: Database, author: str) -> None:
        self._db = db
        self._author = author

    def add(self, draft: ArticleDraft, status: ArticleStatus = ArticleStatus.DRAFT) -> tuple[int, Changes]:
        with self._db.unit() as s:
            article_id = articles_repo.add_article(s, draft, status)
        return article_id, Changes(articles_added=frozenset({article_id}))

    def add_many(self, drafts: list[ArticleDraft], status: ArticleStatus = ArticleStatus.DRAFT) -> Changes:
        """Add a batch of articles in one transaction (all or none)."""
        with self._db.unit() as s:
            ids = [articles_repo.add_article(s, draft, status) for draft in drafts]
        return Changes(articles_added=frozenset(ids))

    def get(self, article_id: int) -> Article:
        with self._db.unit() as s:
            return articles_repo.get_article(s, article_id)

    def update(self, article_id: int, expected_version: int | None, **changes: Any) -> tuple[Article, Changes]:
        """Save changes; ``expected_version`` is the version the editor started from."""
        with self._db.unit() as s:
            article = articles_repo.update_article(s, article_id, expected_version, changes, self._author)
        return article, Changes(articles_changed=frozenset({article_id}))

    def delete(self, article_id: int) -> Changes:
        with self._db.unit() as s:
            articles_repo.delete_article(s, article_id)
        return Changes(articles_removed=frozenset({article_id}))

    def list(
        self,
        column: str | None = None,
        status: str | None = None,
        language: str | None = None,
        limit: int | None = None,
        order: str = "updated",
    ) -> list[ArticleSummary]:
        with self._db.unit() as s:
            ids = self._ids(s, column, status, language, order, limit)
            return articles_repo.summaries(s, ids)

    def list_ids(
        self, column: str | None = None, status: str | None = None, language: str | None = None, order: str = "updated"
    ) -> list[int]:
        with self._db.unit() as s:
            return self._ids(s, column, status, language, order, None)

    @staticmethod
    def _ids(
        s: Any, column: str | None, status: str | None, language: str | None, order: str, limit: int | None
    ) -> list[int]:
        column_ids = columns_repo.matching_column_ids(s, column) if column else None
        return articles_repo.list_ids(s, column_ids, status, language, order, limit)

    def summaries(self, ids: list[int]) -> list[ArticleSummary]:
        with self._db.unit() as s:
            return articles_repo.summaries(s, ids)

    def count(self) -> int:
        with self._db.unit() as s:
            return articles_repo.count_articles(s)

    def revisions(self, article_id: int) -> list[Revision]:
        with self._db.unit() as s:
            return articles_repo.list_revisions(s, article_id)

    def restore(self, article_id: int, revision_id: int) -> tuple[Article, Changes]:
        with self._db.unit() as s:
            article = articles_repo.restore_revision(s, article_id, revision_id, self._author)
        return article, Changes(articles_changed=frozenset({article_id}))
