"""Article use cases: read, list, edit (with revisions), delete."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Unpack

from bulletin_app.domain.article import (
    Article,
    ArticleDraft,
    ArticleStatus,
    ArticleSummary,
    Finding,
    Revision,
    TranslationState,
    refreshed_findings,
)
from bulletin_app.domain.article_rules import ArticlePatch
from bulletin_app.domain.body import body_to_plain
from bulletin_app.domain.body_writer import drop_orphan_captions
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.findings import ORPHAN_CAPTIONS
from bulletin_app.storage import articles_repo, search_repo
from bulletin_app.storage.database import Database
from bulletin_app.storage.team import presence_repo, users_repo
from bulletin_app.text import fold
from bulletin_app.text.proofing import fix_case_flips, proof


class ArticleService:
    def __init__(self, db: Database, author: str) -> None:
        self._db = db
        self._author = author

    def add(
        self, draft: ArticleDraft, status: ArticleStatus = ArticleStatus.DRAFT, translation_of: int | None = None
    ) -> tuple[int, Changes]:
        """A new article; ``translation_of`` links it with its partner in the same transaction
        (the link refused, the article is not added either)."""
        with self._db.unit() as s:
            if status == ArticleStatus.APPROVED:
                users_repo.require_approver(s, self._author)
            article_id = articles_repo.add_article(s, draft, status)
            if translation_of is not None:
                articles_repo.update_article(s, article_id, None, {"translation_id": translation_of}, self._author)
        partner = frozenset({translation_of}) if translation_of is not None else frozenset()
        return article_id, Changes(articles_added=frozenset({article_id}), articles_changed=partner)

    def add_many(self, drafts: list[ArticleDraft], status: ArticleStatus = ArticleStatus.DRAFT) -> Changes:
        """Add a batch of articles in one transaction (all or none)."""
        with self._db.unit() as s:
            if status == ArticleStatus.APPROVED:
                users_repo.require_approver(s, self._author)
            ids = [articles_repo.add_article(s, draft, status) for draft in drafts]
        return Changes(articles_added=frozenset(ids))

    def get(self, article_id: int) -> Article:
        with self._db.read() as s:
            return articles_repo.get_article(s, article_id)

    def update(
        self, article_id: int, expected_version: int | None, **changes: Unpack[ArticlePatch]
    ) -> tuple[Article, Changes]:
        """Save changes; ``expected_version`` is the version the editor started from.

        ``translation_id``: an article id links the pair (both sides), None unlinks it."""
        with self._db.unit() as s:
            before = articles_repo.get_article(s, article_id).translation_id
            article = articles_repo.update_article(s, article_id, expected_version, changes, self._author)
            article = _refresh_findings(s, article, changes)
        touched = {article_id} | {i for i in (before, article.translation_id) if i is not None}
        return article, Changes(articles_changed=frozenset(touched))

    def set_fields(
        self,
        article_id: int,
        expected_version: int | None = None,
        *,
        add_tags: Sequence[str] = (),
        remove_tags: Sequence[str] = (),
        **changes: Any,
    ) -> tuple[Article, Changes]:
        """A few fields changed at once (the CLI's ``article set``), versioned like an editor's save:
        ``expected_version`` None = the version read now, so a save racing another one still conflicts.
        ``column`` "" clears the column; tags are added and removed by name (accents and case ignored)."""
        with self._db.unit() as s:
            articles_repo.lock_article(s, article_id)  # tags added to what is there now: a merge
            current = articles_repo.get_article(s, article_id)
            if add_tags or remove_tags:
                gone = {fold(t) for t in remove_tags}
                tags = [t for t in current.tags if fold(t) not in gone]
                tags += [t for t in add_tags if fold(t) not in {fold(x) for x in tags}]
                changes["tags"] = tags
            if changes.get("column") == "":
                changes["column"] = None
            version = current.version if expected_version is None else expected_version
            article = articles_repo.update_article(s, article_id, version, changes, self._author)
            article = _refresh_findings(s, article, changes)
        touched = {article_id} | {i for i in (current.translation_id, article.translation_id) if i is not None}
        return article, Changes(articles_changed=frozenset(touched))

    def partner(self, article_id: int) -> Article | None:
        """The other article of the translation pair (None when there is none)."""
        with self._db.read() as s:
            article = articles_repo.get_article(s, article_id)
            return articles_repo.get_article(s, article.translation_id) if article.translation_id else None

    def translation_state(self, article_id: int) -> TranslationState | None:
        """A Vietnamese article's translation state; None for an English one."""
        summaries = self.summaries([article_id])
        if not summaries:
            raise NotFoundError(f"Không có tin bài số {article_id}.")
        return summaries[0].translation

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
        translation: TranslationState | None = None,
    ) -> list[ArticleSummary]:
        with self._db.read() as s:
            column_ids = search_repo.matching_column_ids(s, column) if column else None
            ids = articles_repo.list_ids(s, column_ids, status, language, order, limit, translation=translation)
            return articles_repo.summaries(s, ids)

    def list_ids(
        self,
        column: str | None = None,
        status: str | None = None,
        language: str | None = None,
        order: str = "updated",
        descending: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
        translation: TranslationState | None = None,
    ) -> list[int]:
        """Ids of the articles (not in the trash) matching the filters, in ``order``
        (updated, published, title — Vietnamese order —, column, status, language, source, words, id);
        ``translation``: Vietnamese articles whose translation is in that state ("Cần dịch")."""
        with self._db.read() as s:
            column_ids = search_repo.matching_column_ids(s, column) if column else None
            return articles_repo.list_ids(
                s,
                column_ids,
                status,
                language,
                order,
                limit,
                descending,
                since=since,
                until=until,
                translation=translation,
            )

    def sort_ids(self, ids: Sequence[int], order: str, descending: bool = False) -> list[int]:
        """``ids`` (e.g. search hits) re-sorted by one of the list orders."""
        if not ids:
            return []
        with self._db.read() as s:
            return articles_repo.list_ids(s, order=order, descending=descending, within=ids)

    # -- trash: deleting from the library is recoverable until the trash is emptied
    def trash(self, article_ids: Sequence[int]) -> Changes:
        with self._db.unit() as s:
            ids = articles_repo.trash_articles(s, article_ids)
        return Changes(articles_removed=frozenset(ids))

    def restore_from_trash(self, article_ids: Sequence[int]) -> Changes:
        with self._db.unit() as s:
            ids = articles_repo.restore_articles(s, article_ids)
        return Changes(articles_added=frozenset(ids))

    def trashed_ids(self) -> list[int]:
        with self._db.read() as s:
            return articles_repo.trashed_ids(s)

    def empty_trash(self, article_ids: Sequence[int] | None = None) -> Changes:
        """Delete for good the given trashed articles (all of the trash when None)."""
        with self._db.unit() as s:
            ids = set(articles_repo.trashed_ids(s))
            chosen = ids if article_ids is None else ids & set(article_ids)
            for article_id in chosen:
                articles_repo.delete_article(s, article_id)
        return Changes(articles_removed=frozenset(chosen))

    def bulk_update(
        self,
        article_ids: Sequence[int],
        column: str | None = None,
        status: str | None = None,
        add_tags: Sequence[str] = (),
    ) -> Changes:
        """The same change on many articles, all or none, each with its revision."""
        with self._db.unit() as s:
            for article_id in article_ids:
                values: dict[str, Any] = {}
                if column is not None:
                    values["column"] = column or None
                if status is not None:
                    values["status"] = status
                if add_tags:  # a merge: the tags there now, under the row's lock, plus the new ones
                    articles_repo.lock_article(s, article_id)
                    current = articles_repo.get_article(s, article_id).tags
                    values["tags"] = [*current, *add_tags]
                if values:
                    articles_repo.update_article(s, article_id, None, values, self._author)
        return Changes(articles_changed=frozenset(article_ids))

    def summaries(self, ids: list[int]) -> list[ArticleSummary]:
        with self._db.read() as s:
            return articles_repo.summaries(s, ids)

    def count(self) -> int:
        with self._db.read() as s:
            return articles_repo.count_articles(s)

    def set_findings(self, article_id: int, findings: list[Finding]) -> None:
        with self._db.unit() as s:
            articles_repo.set_findings(s, article_id, findings)

    def proof(self, article_id: int, fix: bool = False) -> ProofReport:
        return proof_article(self, article_id, fix)

    def drop_orphan_captions(self, article_ids: Iterable[int]) -> tuple[int, Changes]:
        """Preflight's one-click fix: the captions without a picture dropped from each article's
        body (a versioned save each, on the version just read); returns how many were dropped."""
        dropped, changes = 0, Changes()
        for article_id in article_ids:
            article = self.get(article_id)
            body, count = drop_orphan_captions(article.body)
            if count:
                _, saved = self.update(article_id, article.version, body=body)
                dropped, changes = dropped + count, changes | saved
        return dropped, changes

    def claim(self, article_id: int) -> list[tuple[str, dt.datetime]]:
        """This window has the article open in an editor (renew while it stays open); returns the
        other editors who have it open — advisory, so two people don't edit it unknowingly."""
        with self._db.unit() as s:
            return presence_repo.claim(s, article_id, self._db.origin, self._author)

    def release(self, article_id: int) -> None:
        with self._db.unit() as s:
            presence_repo.release(s, article_id, self._db.origin)

    def revisions(self, article_id: int) -> list[Revision]:
        with self._db.read() as s:
            return articles_repo.list_revisions(s, article_id)

    def restore(self, article_id: int, revision_id: int) -> tuple[Article, Changes]:
        with self._db.unit() as s:
            article = articles_repo.restore_revision(s, article_id, revision_id, self._author)
        return article, Changes(articles_changed=frozenset({article_id}))


_TEXT_FIELDS = frozenset({"title", "sapo", "body", "byline"})


def _refresh_findings(s: Any, article: Article, changes: dict[str, Any]) -> Article:
    """After a save that changed the text: the findings recomputed in the same transaction, so
    the library's count, ``check`` and ``proof`` agree at once (a fix saved is gone everywhere)."""
    if not _TEXT_FIELDS & set(changes):
        return article
    findings = refreshed_findings(article.findings, article.title, _proof_text(article))
    if findings != list(article.findings):
        articles_repo.set_findings(s, article.id, findings)
        article = replace(article, findings=tuple(findings))
    return article


@dataclass(frozen=True)
class ProofReport:
    article: Article
    findings: list[Finding]
    fixed: list[str]  # kinds of findings the safe fixes removed
    changes: Changes


_SAFE_FIXES = ("case-flip", "double-space", "space-before-punct")


def _proof_text(article: Article) -> str:
    return "\n".join([article.title, article.sapo, body_to_plain(article.body), article.byline])


def _safe_fix(text: str) -> str:
    text = fix_case_flips(text)
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    return re.sub(r"(?<=\S) +([,.;:!?])(?=\s|$)", r"\1", text)


def proof_article(service: ArticleService, article_id: int, fix: bool = False) -> ProofReport:
    """Re-run proofing on an article; with ``fix`` apply the safe fixes (recorded as a revision)."""
    article = service.get(article_id)
    changes = Changes()
    fixed: list[str] = []
    if fix:
        before = {i.kind for i in proof(_proof_text(article))}
        values = {k: _safe_fix(getattr(article, k)) for k in ("title", "sapo", "body", "byline")}
        values["body"], dropped = drop_orphan_captions(values["body"])
        if any(values[k] != getattr(article, k) for k in values):
            article, changes = service.update(article_id, article.version, **values)
        fixed = sorted(before & set(_SAFE_FIXES) - {i.kind for i in proof(_proof_text(article))})
        if dropped:
            fixed.append(ORPHAN_CAPTIONS)
    findings = refreshed_findings(article.findings, article.title, _proof_text(article))
    service.set_findings(article_id, findings)
    return ProofReport(
        service.get(article_id), findings, fixed, changes | Changes(articles_changed=frozenset({article_id}))
    )
