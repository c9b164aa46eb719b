"""The editor's translation actions: open the pair side by side, create the English partner.

Both need the article in the library and saved (the pair is linked by number, and linking
is a versioned save of both articles): unsaved changes are saved first, on the editor's
word. After a link the editor reloads the article, whose version the link moved on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from bulletin_app.domain.changes import Changes
from bulletin_app.gui.editor.translation_view import TranslationDialog
from bulletin_app.gui.widgets.errors import show_error

if TYPE_CHECKING:
    from bulletin_app.gui.editor.article_editor import ArticleEditor


class EditorTranslation(QObject):
    def __init__(self, editor: ArticleEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.dialog: TranslationDialog | None = None
        editor.metadata_panel.sideBySideRequested.connect(self.side_by_side)
        editor.metadata_panel.createEnglishRequested.connect(self.create_english)

    def _ready(self, what: str) -> bool:
        """The article is saved and unchanged (or the editor says so when it is not)."""
        editor = self.editor
        if editor.article_id is not None and not editor.is_dirty():
            return True
        QMessageBox.information(
            editor, what, self.tr("Hãy lưu tin bài trước (Ctrl+S): bản dịch được nối với tin bài đã lưu.")
        )
        return False

    def side_by_side(self) -> None:
        editor = self.editor
        if not self._ready(self.tr("Xem song song")) or editor.article_id is None:
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = TranslationDialog(editor.services, editor.article_id, editor)
        self.dialog.saved.connect(self._pair_saved)
        self.dialog.openArticle.connect(editor.openArticle)
        self.dialog.show()

    def create_english(self) -> None:
        editor = self.editor
        if not self._ready(self.tr("Tạo bản tiếng Anh")) or editor.article_id is None:
            return
        article_id = editor.article_id

        def done(result: tuple[object, Changes]) -> None:
            editor.saved.emit(result[1])
            editor.reload(then=self.side_by_side)

        editor.tasks.run(
            lambda: editor.services.translations.create_partner(article_id), done, lambda e: show_error(editor, e)
        )

    def _pair_saved(self, changes: Changes) -> None:
        editor = self.editor
        editor.saved.emit(changes)
        if editor.article_id in changes.articles_changed and not editor.is_dirty():
            editor.reload()
