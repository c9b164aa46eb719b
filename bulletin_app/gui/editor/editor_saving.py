"""The editor's save, conflict, draft and close state, apart from its widgets.

Ctrl+S saves with the version the editor started from; someone else's save in between is a
clear choice (overwrite, or load theirs keeping mine as a copy), never silent loss. The
unsaved text is autosaved to disk and offered back after a crash; closing with unsaved
changes asks Lưu / Không lưu / Hủy, and a close during a save waits for it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QCloseEvent, QImage

from bulletin_app.domain.article import Article
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError, ConflictError
from bulletin_app.gui.editor import editor_prompts
from bulletin_app.gui.editor.autosave import AutosaveStore, Draft
from bulletin_app.gui.editor.editor_jobs import add_article, keep_copy_and_reload
from bulletin_app.gui.widgets.errors import show_error

if TYPE_CHECKING:
    from bulletin_app.gui.editor.article_editor import ArticleEditor


class EditorSaving(QObject):
    _drafts_in_use: ClassVar[set[str]] = set()  # new-article drafts held by open editors

    def __init__(self, editor: ArticleEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        location = editor.services.db.location.display
        self.store = AutosaveStore(location)
        self.draft = Draft(location, editor.article_id, None, {})
        self.baseline: dict[str, Any] = {}  # the fields as last saved or loaded
        self.saving = False
        self.close_after_save = False
        self.last_conflict_message = ""

    # ---------------------------------------------------------------- state
    def changed_fields(self) -> dict[str, Any]:
        current = self.editor.fields()
        return {k: v for k, v in current.items() if self.baseline.get(k) != v}

    def is_dirty(self) -> bool:
        editor = self.editor
        return bool(self.changed_fields()) or (editor.article_id is None and editor.has_content())

    def _alive(self) -> bool:
        """Background results may arrive after the window is gone."""
        return shiboken6.isValid(self.editor) and not self.editor.closed

    # ---------------------------------------------------------------- drafts
    def shown_new(self) -> None:
        """A new article is on screen: offer a new article's draft left by a crash."""
        editor = self.editor
        self.baseline = editor.fields()
        drafts = [d for d in self.store.new_drafts() if d.draft_id not in self._drafts_in_use]
        if drafts:
            draft = drafts[0]
            title = str(draft.fields.get("title") or self.tr("(chưa có tiêu đề)"))
            answer = editor_prompts.recover_new_draft(editor, title, draft.saved_at)
            if answer == "recover":
                self.draft = draft
                editor.set_fields(draft.fields)
            elif answer == "discard":
                self.store.discard(draft)
        self._drafts_in_use.add(self.draft.draft_id)

    def shown_article(self, article: Article) -> None:
        """A stored article is on screen as saved."""
        self.draft = Draft(self.editor.services.db.location.display, article.id, article.version, {})
        self.baseline = self.editor.fields()

    def offer_recovery(self, article: Article) -> None:
        """Offer the draft an earlier session left for this article (a crash, a killed app)."""
        editor = self.editor
        draft = self.store.load(article.id)
        if draft is None:
            return
        if draft.fields == self.baseline or not draft.fields:
            self.store.discard(draft)
            return
        saved_elsewhere = draft.base_version is not None and draft.base_version != article.version
        answer = editor_prompts.recover_changes(editor, draft.saved_at, article.version if saved_elsewhere else None)
        if answer == "recover":
            self.draft = draft
            if draft.base_version is not None:
                editor.version = draft.base_version
            editor.set_fields(draft.fields)
            editor.state_label.setText(self.tr("Đã khôi phục bản lưu tạm — hãy lưu (Ctrl+S)."))
        else:
            self.store.discard(draft)

    def discard_draft(self) -> None:
        self.store.discard(self.draft)

    def autosave_now(self) -> Path | None:
        """Write the unsaved draft to disk (nothing when there is nothing unsaved)."""
        editor = self.editor
        if editor.loading or editor.closed or not editor.isEnabled():
            return None
        if not self.is_dirty():
            return None
        self.draft.fields = editor.fields()
        self.draft.base_version = editor.version
        self.draft.article_id = editor.article_id
        try:
            path = self.store.save(self.draft)
        except BulletinError as exc:
            editor.state_label.setText(exc.message)
            return None
        editor.state_label.setText(self.tr("Đã lưu tạm lúc {time}.").format(time=dt.datetime.now().strftime("%H:%M")))
        return path

    # ---------------------------------------------------------------- saving
    def save(self) -> None:
        """Save in the background; the editor's ``saved`` signal carries the Changes."""
        editor = self.editor
        if self.saving or editor.loading:
            return
        fields = editor.fields()
        services = editor.services
        if editor.article_id is None:
            job = lambda: add_article(services, fields)  # noqa: E731
        else:
            changes = {k: v for k, v in fields.items() if self.baseline.get(k) != v}
            if not changes:
                editor.state_label.setText(self.tr("Không có gì thay đổi."))
                if self.close_after_save:
                    self.finish_close()
                return
            article_id, version = editor.article_id, editor.version
            job = lambda: services.articles.update(article_id, version, **changes)  # noqa: E731
        self.saving = True
        editor.save_action.setEnabled(False)
        editor.state_label.setText(self.tr("Đang lưu…"))
        editor.tasks.run(job, lambda result: self._saved(result, fields), self._save_failed)

    def _saved(self, result: tuple[Article, Changes], fields: dict[str, Any]) -> None:
        article, changes = result
        editor = self.editor
        if not shiboken6.isValid(editor):
            return
        self.saving = False
        editor.save_action.setEnabled(True)
        self.store.discard(self.draft)
        self._drafts_in_use.discard(self.draft.draft_id)
        self.draft = Draft(editor.services.db.location.display, article.id, article.version, {})
        self.baseline = fields
        editor.saved_as(article)
        editor.state_label.setText(self.tr("Đã lưu lúc {time}.").format(time=dt.datetime.now().strftime("%H:%M")))
        editor.saved.emit(changes)
        if self.close_after_save:
            self.finish_close()

    def _save_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        editor = self.editor
        self.saving = False
        self.close_after_save = False
        editor.save_action.setEnabled(True)
        editor.state_label.setText(self.tr("Chưa lưu được."))
        self.autosave_now()  # whatever happens next, the text is on disk
        if isinstance(exc, ConflictError):
            self._resolve_conflict(exc)
        else:
            show_error(editor, exc)

    def _resolve_conflict(self, exc: ConflictError) -> None:
        editor = self.editor
        answer = editor_prompts.resolve_conflict(editor)
        self.last_conflict_message = exc.message
        if answer == "overwrite":
            self.saving = True
            article_id = editor.article_id
            assert article_id is not None
            editor.tasks.run(
                lambda: editor.services.articles.get(article_id).version, self._overwrite_from, self._save_failed
            )
        elif answer == "reload":
            self._reload_keeping_copy()

    def _overwrite_from(self, version: int) -> None:
        if not self._alive():
            return
        self.saving = False
        self.editor.version = version
        self.save()

    def _reload_keeping_copy(self) -> None:
        editor = self.editor
        fields = editor.fields()
        article_id = editor.article_id
        assert article_id is not None
        stamp = dt.datetime.now().strftime("%H:%M %d/%m/%Y")
        copy_title = self.tr("{title} (bản của {author}, {time})").format(
            title=fields["title"] or self.tr("Tin bài"), author=editor.services.author, time=stamp
        )

        def done(result: tuple[Article, dict[str, QImage], Changes, int]) -> None:
            article, images, changes, copy_id = result
            if not self._alive():
                return
            self.store.discard(self.draft)
            editor.show_loaded(article, images, offer_recovery=False)
            editor.state_label.setText(
                self.tr("Đã tải bản mới nhất; bản của bạn được lưu thành tin bài nháp số {id}.").format(id=copy_id)
            )
            editor.saved.emit(changes)

        editor.tasks.run(
            lambda: keep_copy_and_reload(editor.services, fields, copy_title, article_id),
            done,
            lambda exc: show_error(editor, exc),
        )

    # ---------------------------------------------------------------- closing
    def close_requested(self, event: QCloseEvent) -> bool:
        """Whether the window may close now (False: it closes itself after the save it waits for)."""
        editor = self.editor
        if self.saving:
            self.close_after_save = True
            event.ignore()
            return False
        if editor.isEnabled() and self.is_dirty():
            title = editor.title_edit.text().strip() or self.tr("Tin bài mới")
            answer = editor_prompts.save_before_closing(editor, title)
            if answer == "cancel":
                event.ignore()
                return False
            if answer == "save":
                self.close_after_save = True
                event.ignore()
                self.save()
                return False
        if not editor.loading:  # while loading, a draft on disk has not been offered back yet
            self.store.discard(self.draft)
        return True

    def finish_close(self) -> None:
        self.close_after_save = False
        self.store.discard(self.draft)
        self.editor.shut_down()
        self.editor.close()

    def release(self) -> None:
        """The window is going: its new-article draft may be offered to another editor."""
        self._drafts_in_use.discard(self.draft.draft_id)
