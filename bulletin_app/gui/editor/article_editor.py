"""The article editor: a window of its own for one article (or a new one).

Title, sapo and a rich-text body in the body format; a metadata panel; live word count and
proofing findings with one-click fixes; undo/redo. Saving, conflicts, the autosaved draft and
closing are ``editor_saving.EditorSaving``'s. Database work runs on the editor's TaskRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QImage, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import Article, proof_findings
from bulletin_app.domain.body import count_words
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.findings import Finding
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.editor.body_document import block_kind, body_to_document, document_plain_text, document_to_body
from bulletin_app.gui.editor.body_edit import STYLES, BodyEdit
from bulletin_app.gui.editor.editor_dialogs import FigureDialog, TableDialog
from bulletin_app.gui.editor.editor_findings import FindingsPanel, fix_document
from bulletin_app.gui.editor.editor_jobs import (
    article_fields,
    load_images,
    read_article,
    store_image,
)
from bulletin_app.gui.editor.editor_metadata import MetadataPanel
from bulletin_app.gui.editor.editor_saving import EditorSaving
from bulletin_app.gui.editor.editor_team import EditorTeam
from bulletin_app.gui.editor.editor_translation import EditorTranslation
from bulletin_app.gui.editor.proof_fixes import apply_spans, can_fix, fix_spans
from bulletin_app.gui.editor.revision_dialog import RevisionDialog
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.gui.widgets.settings import AppSettings
from bulletin_app.services import Services


class ArticleEditor(QMainWindow):
    """Edit one article. ``article_id=None`` edits a new article, created on first save."""

    saved = Signal(object)  # Changes of each save (and of a restore or a conflict copy)
    loaded = Signal()  # the article is on screen (loading runs in the background)
    openArticle = Signal(int)  # open another article (the translation partner) in its own editor

    def __init__(self, services: Services, article_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.services = services
        self.article_id = article_id
        self.article: Article | None = None
        self.version: int | None = None
        self.tasks = TaskRunner(self)
        self.team = EditorTeam(self, services, self.tasks)
        self.saver = EditorSaving(self)
        self._loading = article_id is not None
        self._closed = False
        self._last_field: QWidget | None = None
        self._requested_images: set[str] = set()
        self._stored_findings: tuple[Finding, ...] = ()

        self._build_fields()
        self._build_metadata()
        self._build_findings()
        self._build_layout()
        self._build_actions()
        self._connect()

        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh_status)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave_now)
        seconds = AppSettings().autosave_seconds
        if seconds > 0:
            self.autosave_timer.start(seconds * 1000)
        self.resize(1180, 820)
        self._restore_state()

        if article_id is None:
            self._show_new()
        else:
            self.setWindowTitle(self.tr("Đang mở tin bài…"))
            self.setEnabled(False)
            self.tasks.run(
                lambda: read_article(self.services, article_id),
                lambda result: self.show_loaded(*result, offer_recovery=True),
                self._load_failed,
            )

    @classmethod
    def new_article(cls, services: Services, parent: QWidget | None = None) -> ArticleEditor:
        return cls(services, None, parent)

    # ---------------------------------------------------------------- building
    def _build_fields(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Tiêu đề tin bài"))
        font = QFont(self.title_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_edit.setFont(font)
        self.title_edit.setToolTip(self.tr("Tiêu đề (tiêu đề cấp 1 của tin bài)"))
        self.sapo_edit = QPlainTextEdit()
        self.sapo_edit.setPlaceholderText(self.tr("Sa-pô: đoạn dẫn in đậm dưới tiêu đề"))
        self.sapo_edit.setTabChangesFocus(True)
        self.sapo_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        sapo_font = QFont(self.sapo_edit.font())
        sapo_font.setWeight(QFont.Weight.DemiBold)
        self.sapo_edit.setFont(sapo_font)
        self.body_edit = BodyEdit()
        self.body_edit.missing_image = self._fetch_image
        body_font = QFont(self.body_edit.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        self.body_edit.document().setDefaultFont(body_font)

        self.style_box = QComboBox()
        labels = {
            "paragraph": self.tr("Đoạn văn"),
            "heading2": self.tr("Tiêu đề 2"),
            "heading3": self.tr("Tiêu đề 3"),
            "quote": self.tr("Trích dẫn"),
            "bullets": self.tr("Danh sách chấm"),
            "numbers": self.tr("Danh sách số"),
        }
        for key in STYLES:
            self.style_box.addItem(labels[key], key)
        self.style_box.setToolTip(
            self.tr("Kiểu đoạn (tiêu đề cấp 1 là tiêu đề của tin bài; trong bài dùng tiêu đề 2 và 3)")
        )
        self.style_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _build_metadata(self) -> None:
        self.metadata_panel = MetadataPanel(self.services, self.tasks, self._alive)
        # The panel's fields, under the names the editor (and its tests) have always used.
        self.byline_edit = self.metadata_panel.byline_edit
        self.source_edit = self.metadata_panel.source_edit
        self.url_edit = self.metadata_panel.url_edit
        self.tags_edit = self.metadata_panel.tags_edit
        self.column_box = self.metadata_panel.column_box

    def _build_findings(self) -> None:
        self.findings_panel = FindingsPanel()
        self.findings_panel.fix_requested.connect(self.apply_fix)
        self.findings_panel.find_requested.connect(self.find_in_text)
        self.findings_panel.fix_all_requested.connect(self.fix_all)

    @property
    def finding_rows(self) -> list[tuple[QLabel, QPushButton | None]]:
        """(message label, Sửa button or None) of each finding on screen."""
        return self.findings_panel.finding_rows

    def _build_layout(self) -> None:
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.team.bar)
        lay.addWidget(self.title_edit)
        lay.addWidget(self.sapo_edit)
        lay.addWidget(self.body_edit, 1)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.metadata_panel, self.tr("Thông tin"))
        self.side_tabs.addTab(self.findings_panel, self.tr("Soát lỗi"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([790, 390])
        self.setCentralWidget(self.splitter)
        self.words_label = QLabel()
        self.state_label = QLabel()
        self.statusBar().addWidget(self.state_label, 1)
        self.words_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000.000 từ") + 8)
        self.words_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.statusBar().addPermanentWidget(self.words_label)
        self.setTabOrder(self.title_edit, self.sapo_edit)
        self.setTabOrder(self.sapo_edit, self.body_edit)

    def _action(self, text: str, slot: Any, shortcut: Any = None, icon: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        Key = QKeySequence
        self.save_action = self._action(
            self.tr("&Lưu"),
            self.save,
            Key(Key.StandardKey.Save),
            SP.SP_DialogSaveButton,
            self.tr("Lưu tin bài (Ctrl+S)"),
        )
        self.undo_action = self._action(
            self.tr("&Hoàn tác"), self.undo, Key(Key.StandardKey.Undo), SP.SP_ArrowBack, self.tr("Hoàn tác (Ctrl+Z)")
        )
        self.redo_action = self._action(
            self.tr("&Làm lại"),
            self.redo,
            [Key("Ctrl+Y"), Key("Ctrl+Shift+Z")],
            SP.SP_ArrowForward,
            self.tr("Làm lại (Ctrl+Y)"),
        )
        self.bold_action = self._action(self.tr("Đậ&m"), self.toggle_bold, Key(Key.StandardKey.Bold))
        self.bold_action.setCheckable(True)
        self.bold_action.setToolTip(self.tr("Chữ đậm (Ctrl+B)"))
        self.italic_action = self._action(self.tr("&Nghiêng"), self.toggle_italic, Key(Key.StandardKey.Italic))
        self.italic_action.setCheckable(True)
        self.italic_action.setToolTip(self.tr("Chữ nghiêng (Ctrl+I)"))
        self.image_action = self._action(
            self.tr("Chèn ả&nh từ tệp…"), self.choose_image, None, SP.SP_FileDialogContentsView
        )
        self.paste_image_action = self._action(
            self.tr("Chèn ảnh từ &bộ nhớ tạm"), self.paste_image, None, SP.SP_DialogOpenButton
        )
        self.table_action = self._action(self.tr("Chèn &bảng…"), self.choose_table, None, SP.SP_FileDialogDetailedView)
        self.history_action = self._action(
            self.tr("&Lịch sử phiên bản…"),
            self.show_history,
            None,
            SP.SP_FileDialogInfoView,
            self.tr("Các phiên bản đã lưu, so sánh và khôi phục"),
        )
        self.close_action = self._action(self.tr("Đó&ng"), self.close, Key(Key.StandardKey.Close))
        self.proof_action = self._action(
            self.tr("&Soát lỗi"), lambda: self.side_tabs.setCurrentWidget(self.findings_panel), Key("F7")
        )

        bold_font = QFont(self.font())
        bold_font.setBold(True)
        self.bold_action.setFont(bold_font)
        italic_font = QFont(self.font())
        italic_font.setItalic(True)
        self.italic_action.setFont(italic_font)

        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        for action in (self.save_action, self.history_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Sửa"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.proof_action)
        format_menu = self.menuBar().addMenu(self.tr("Định &dạng"))
        format_menu.addAction(self.bold_action)
        format_menu.addAction(self.italic_action)
        format_menu.addSeparator()
        for index in range(self.style_box.count()):
            key = self.style_box.itemData(index)
            action = format_menu.addAction(self.style_box.itemText(index))
            action.triggered.connect(lambda _checked=False, k=key: self.set_style(k))
        insert_menu = self.menuBar().addMenu(self.tr("&Chèn"))
        for action in (self.image_action, self.paste_image_action, self.table_action):
            insert_menu.addAction(action)

        toolbar = self.addToolBar(self.tr("Biên tập"))
        toolbar.setObjectName("editor_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.save_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.style_box)
        for action in (self.bold_action, self.italic_action):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addSeparator()
        toolbar.addAction(self.image_action)
        toolbar.addAction(self.table_action)
        toolbar.addSeparator()
        toolbar.addAction(self.history_action)
        self.bold_action.setIconText(self.tr("Đ"))
        self.italic_action.setIconText(self.tr("N"))
        self.image_action.setIconText(self.tr("Ảnh"))
        self.table_action.setIconText(self.tr("Bảng"))
        self.history_action.setIconText(self.tr("Lịch sử"))

    def _connect(self) -> None:
        self.style_box.activated.connect(lambda index: self.set_style(self.style_box.itemData(index)))
        self.body_edit.cursorPositionChanged.connect(self._sync_format_controls)
        self.body_edit.currentCharFormatChanged.connect(lambda _fmt: self._sync_format_controls())
        self.body_edit.image_data_pasted.connect(self._image_pasted)
        self.body_edit.image_files_dropped.connect(lambda paths: self.choose_image(paths[0]))
        self.body_edit.figure_edit_requested.connect(self.edit_figure)
        self.title_edit.textChanged.connect(self._changed)
        self.sapo_edit.textChanged.connect(self._changed)
        self.body_edit.textChanged.connect(self._changed)
        self.metadata_panel.changed.connect(self._changed)
        self.translation = EditorTranslation(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # ---------------------------------------------------------------- state
    def _settings(self) -> QSettings:
        return QSettings("SoNgoaiVuThaiNguyen", "BanTinDoiNgoai")

    def _restore_state(self) -> None:
        settings = self._settings()
        if geometry := settings.value("editor/geometry"):
            self.restoreGeometry(geometry)
        if split := settings.value("editor/splitter"):
            self.splitter.restoreState(split)

    def _save_state(self) -> None:
        settings = self._settings()
        settings.setValue("editor/geometry", self.saveGeometry())
        settings.setValue("editor/splitter", self.splitter.saveState())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._closed:
            return
        if new in self._text_fields():
            self._last_field = new

    # ---------------------------------------------------------------- loading
    def _load_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self.setEnabled(True)
        self._loading = False
        show_error(self, exc)
        if isinstance(exc, NotFoundError):
            self._closed = True
            super().close()

    def _show_new(self) -> None:
        self.metadata_panel.load_columns()
        self.metadata_panel.set_saved(False)
        self.setWindowTitle(self.tr("Tin bài mới[*] — Biên tập"))
        self.metadata_panel.show_new_article_info()
        self.refresh_status()
        self.saver.shown_new()

    def show_loaded(self, article: Article, images: dict[str, QImage], offer_recovery: bool) -> None:
        if not self._alive():
            return
        self.setEnabled(True)
        self._loading = True
        self.article = article
        self.article_id = article.id
        self.version = article.version
        self.team.follow(article.id)
        self.team.reloaded()
        self._stored_findings = article.findings
        self.body_edit.images.update(images)
        self.metadata_panel.load_columns()
        self.set_fields(article_fields(article))
        self.saver.shown_article(article)
        self._loading = False
        self.metadata_panel.allow_status_from(article.status)
        self.metadata_panel.set_saved(True)
        self._update_info()
        self.refresh_status()
        self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
        if article.title:
            self.title_edit.setPlaceholderText(self.tr("Tiêu đề tin bài"))
            self.body_edit.setFocus()
        else:  # imported without a headline: the title is what the editor is asked for first
            self.title_edit.setPlaceholderText(
                self.tr("Chưa có tiêu đề (tệp nhập không có dòng tiêu đề) — hãy đặt tiêu đề trước khi duyệt")
            )
            self.title_edit.setFocus()
        if offer_recovery:
            self.saver.offer_recovery(article)
        self.loaded.emit()

    def _update_info(self) -> None:
        article = self.article
        if article is None:
            return
        self.metadata_panel.show_article_info(article)

    # ---------------------------------------------------------------- fields
    def fields(self) -> dict[str, Any]:
        """The editor's content as the article service takes it."""
        return {
            "title": self.title_edit.text(),
            "sapo": self.sapo_edit.toPlainText(),
            "body": document_to_body(self.body_edit.document()),
            **self.metadata_panel.values(),
        }

    def set_fields(self, fields: dict[str, Any]) -> None:
        loading, self._loading = self._loading, True
        self.title_edit.setText(str(fields.get("title", "")))
        self.sapo_edit.setPlainText(str(fields.get("sapo", "")))
        body_to_document(str(fields.get("body", "")), self.body_edit.document(), self.body_edit.image_for)
        self.metadata_panel.set_values(fields)
        self._loading = loading
        self._changed()

    def changed_fields(self) -> dict[str, Any]:
        return self.saver.changed_fields()

    def is_dirty(self) -> bool:
        return self.saver.is_dirty()

    def has_content(self) -> bool:
        return bool(self.title_edit.text().strip() or self.body_edit.document().toPlainText().strip())

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self._refresh_timer.start()

    # ---------------------------------------------------------------- status, words, findings
    def word_count(self) -> int:
        plain = document_plain_text(self.body_edit.document())
        return count_words("\n".join((self.title_edit.text(), self.sapo_edit.toPlainText(), plain)))

    def refresh_status(self) -> None:
        if self._closed:
            return
        self.words_label.setText(self.tr("{n} từ").format(n=f"{self.word_count():,}".replace(",", ".")))
        dirty = self.is_dirty()
        self.setWindowModified(dirty)
        title = self.title_edit.text().strip() or self.tr("Tin bài mới")
        self.setWindowTitle(self.tr("{title}[*] — Biên tập tin bài").format(title=title.replace("[*]", "")))
        self.refresh_findings()

    def _proof_text(self) -> str:
        plain = document_plain_text(self.body_edit.document())
        return "\n".join((self.title_edit.text(), self.sapo_edit.toPlainText(), plain, self.byline_edit.text()))

    def current_findings(self) -> list[Finding]:
        title = self.title_edit.text()
        kept = [f for f in self._stored_findings if f.kind == "title-needed" and f.found == title]
        return kept + proof_findings(self._proof_text())

    def refresh_findings(self) -> None:
        findings = self.current_findings()
        if not self.findings_panel.show_findings(findings):
            return
        self.side_tabs.setTabText(
            1, self.tr("Soát lỗi ({n})").format(n=len(findings)) if findings else self.tr("Soát lỗi")
        )

    def apply_fix(self, kind: str, found: str) -> int:
        """Apply a finding's fix everywhere it occurs; returns how many places changed."""
        changed = 0
        for line in (self.title_edit, self.byline_edit):
            spans = fix_spans(kind, found, line.text())
            if spans:
                line.selectAll()
                line.insert(apply_spans(line.text(), spans))  # undoable, unlike setText
                changed += len(spans)
        changed += fix_document(self.sapo_edit.document(), kind, found)
        body_changes = fix_document(self.body_edit.document(), kind, found)
        if body_changes:
            self._last_field = self.body_edit
        changed += body_changes
        if changed:
            self.state_label.setText(self.tr("Đã sửa {n} chỗ — Ctrl+Z để hoàn tác.").format(n=changed))
        self.refresh_status()
        return changed

    def fix_all(self) -> None:
        for finding in self.current_findings():
            if can_fix(finding.kind):
                self.apply_fix(finding.kind, finding.found)

    def find_in_text(self, found: str) -> None:
        if found and not self.body_edit.find(found):
            self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
            self.body_edit.find(found)
        self.body_edit.setFocus()

    # ---------------------------------------------------------------- editing commands
    def _field(self) -> Any:
        focused = QApplication.focusWidget()
        if focused in self._text_fields():
            return focused
        return self._last_field or self.body_edit

    def _text_fields(self) -> tuple[QWidget, ...]:
        return (
            self.title_edit,
            self.sapo_edit,
            self.body_edit,
            *self.metadata_panel.text_fields(),
        )

    def undo(self) -> None:
        self._field().undo()

    def redo(self) -> None:
        self._field().redo()

    def set_style(self, style: str) -> None:
        self.body_edit.apply_style(style)
        self.body_edit.setFocus()
        self._sync_format_controls()

    def toggle_bold(self) -> None:
        self.body_edit.set_bold(not self.body_edit.is_bold())
        self._sync_format_controls()

    def toggle_italic(self) -> None:
        self.body_edit.set_italic(not self.body_edit.fontItalic())
        self._sync_format_controls()

    def _sync_format_controls(self) -> None:
        index = self.style_box.findData(self.body_edit.current_style())
        self.style_box.setCurrentIndex(index)
        self.bold_action.setChecked(self.body_edit.is_bold())
        self.italic_action.setChecked(self.body_edit.fontItalic())
        kind = block_kind(self.body_edit.textCursor().block())
        self.style_box.setEnabled(kind not in ("figure", "caption", "credit"))

    def choose_image(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Chọn ảnh"),
                str(Path.home()),
                self.tr("Ảnh (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp *.bmp);;Mọi tệp (*)"),
            )
            if not name:
                return
            path = Path(name)
        dialog = FigureDialog(self)
        if dialog.exec():
            self.insert_image_file(path, *dialog.values())

    def insert_image_file(self, path: Path, caption: str, credit: str = "") -> None:
        """Store the picture in the library (in the background), then insert the figure."""
        self.state_label.setText(self.tr("Đang thêm ảnh {name}…").format(name=path.name))
        self.tasks.run(
            lambda: store_image(self.services, lambda: self.services.assets.add_file(path)),
            lambda result: self._figure_stored(result, caption, credit),
            lambda exc: show_error(self, exc),
        )

    def insert_image_bytes(self, data: bytes, filename: str, caption: str, credit: str = "") -> None:
        self.tasks.run(
            lambda: store_image(self.services, lambda: self.services.assets.add_bytes(data, filename)),
            lambda result: self._figure_stored(result, caption, credit),
            lambda exc: show_error(self, exc),
        )

    def _figure_stored(self, result: tuple[str, QImage], caption: str, credit: str) -> None:
        if not self._alive():
            return
        ref, image = result
        self.body_edit.insert_figure(ref, image, caption, credit)
        self.body_edit.setFocus()
        self.state_label.setText(self.tr("Đã chèn ảnh."))

    def _image_pasted(self, data: bytes, filename: str) -> None:
        dialog = FigureDialog(self)
        if dialog.exec():
            self.insert_image_bytes(data, filename, *dialog.values())

    def paste_image(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not (mime.hasImage() or mime.hasUrls()):
            QMessageBox.information(self, self.tr("Chèn ảnh"), self.tr("Bộ nhớ tạm không có ảnh nào."))
            return
        self.body_edit.insertFromMimeData(mime)

    def choose_table(self) -> None:
        dialog = TableDialog(self)
        if dialog.exec():
            self.body_edit.insert_table(dialog.rows.value(), dialog.columns.value(), dialog.header.isChecked())
            self.body_edit.setFocus()

    def edit_figure(self, position: int) -> None:
        found = self.body_edit.figure_at(position)
        if found is None:
            return
        dialog = FigureDialog(self, found[1], found[2], inserting=False)
        if dialog.exec():
            self.body_edit.set_figure_text(position, *dialog.values())

    def _fetch_image(self, ref: str) -> None:
        """A picture pasted from another article: fetch it in the background."""
        if ref in self._requested_images:
            return
        self._requested_images.add(ref)
        self.tasks.run(
            lambda: load_images(self.services, [ref]),
            lambda images: [self.body_edit.set_image(r, img) for r, img in images.items() if self._alive()],
            lambda _exc: None,  # the placeholder stays; the reference is kept
        )

    # ---------------------------------------------------------------- history
    def show_history(self) -> None:
        if self.article_id is None:
            QMessageBox.information(
                self, self.tr("Lịch sử phiên bản"), self.tr("Tin bài mới chưa có phiên bản nào: hãy lưu trước.")
            )
            return
        dialog = RevisionDialog(self.services, self.article_id, self, unsaved=self.is_dirty())
        dialog.restored.connect(self._restored)
        dialog.exec()

    def _restored(self, result: tuple[Article, Changes]) -> None:
        _article, changes = result
        self.saver.discard_draft()
        self.saved.emit(changes)
        self.reload(
            then=lambda: self.state_label.setText(
                self.tr("Đã khôi phục phiên bản cũ (bản trước đó vẫn còn trong lịch sử).")
            )
        )

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the article again (after a change made beside the editor, e.g. a link)."""
        article_id = self.article_id
        if article_id is None:
            return

        def show(loaded: tuple[Article, dict[str, QImage]]) -> None:
            if self._alive():
                self.show_loaded(*loaded, offer_recovery=False)
                if then is not None:
                    then()

        self.tasks.run(lambda: read_article(self.services, article_id), show, lambda exc: show_error(self, exc))

    # ---------------------------------------------------------------- saving (editor_saving.py)
    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def closed(self) -> bool:
        return self._closed

    def autosave_now(self) -> Path | None:
        """Write the unsaved draft to disk (nothing when there is nothing unsaved)."""
        return self.saver.autosave_now()

    def save(self) -> None:
        """Save (Ctrl+S) in the background; the ``saved`` signal carries the Changes."""
        self.saver.save()

    def saved_as(self, article: Article) -> None:
        """A save went through: ``article`` as stored."""
        self.article, self.article_id, self.version = article, article.id, article.version
        self.metadata_panel.allow_status_from(article.status)
        self.metadata_panel.set_saved(True)
        self._update_info()
        self.refresh_status()

    def _alive(self) -> bool:
        """Background results may arrive after the window is gone."""
        return shiboken6.isValid(self) and not self._closed

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed or self.saver.close_requested(event):
            if not self._closed:
                self.shut_down()
            event.accept()

    def shut_down(self) -> None:
        self._closed = True
        self.team.leave()
        self.autosave_timer.stop()
        self._refresh_timer.stop()
        self.saver.release()
        self._save_state()
        self.tasks.wait()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
