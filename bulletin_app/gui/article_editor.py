"""The article editor: a window of its own for one article (or a new one).

Title, sapo and a rich-text body in the body format; a metadata panel; live word count and
proofing findings with one-click fixes; undo/redo; Ctrl+S saves with the version the
editor started from (someone else's save in between is a clear choice, never silent loss);
the unsaved draft is autosaved to disk and offered back after a crash; closing with
unsaved changes asks Lưu / Không lưu / Hủy. Database work runs on the editor's TaskRunner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QDateTime, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QImage, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import STATUS_TRANSITIONS, Article, ArticleDraft, ArticleStatus, Finding, Language
from bulletin_app.domain.body import count_words
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError, ConflictError, NotFoundError
from bulletin_app.gui import editor_dialogs
from bulletin_app.gui.autosave import AutosaveStore, Draft
from bulletin_app.gui.body_document import (
    block_kind,
    body_to_document,
    document_plain_text,
    document_to_body,
    figure_refs,
)
from bulletin_app.gui.body_edit import STYLES, BodyEdit
from bulletin_app.gui.editor_dialogs import FigureDialog, TableDialog
from bulletin_app.gui.errors import show_error
from bulletin_app.gui.labels import language_label, status_label
from bulletin_app.gui.proof_fixes import apply_spans, can_fix, fix_spans, utf16_offset
from bulletin_app.gui.revision_dialog import RevisionDialog, local_time
from bulletin_app.gui.settings import AppSettings
from bulletin_app.gui.tasks import TaskRunner
from bulletin_app.services import Services
from bulletin_app.text.proofing import proof

Role = QMessageBox.ButtonRole
_FIELDS_WITH_TEXT = ("title", "sapo", "byline")
_NO_DATE = QDateTime(QDate(2000, 1, 1), QTime(0, 0))


def _load_images(services: Services, refs: list[str]) -> dict[str, QImage]:
    """Pictures of the body, read and decoded off the GUI thread (QImage is thread-safe)."""
    images: dict[str, QImage] = {}
    for ref in refs:
        try:
            asset = services.assets.get(ref)
            image = QImage.fromData(services.assets.data(asset))
        except BulletinError:
            continue
        if not image.isNull():
            images[ref] = image
    return images


def _draft(fields: dict[str, Any], title: str) -> ArticleDraft:
    """A new library article from the editor's fields (a first save, or a conflict copy)."""
    return ArticleDraft(
        title=title,
        body=fields["body"],
        sapo=fields["sapo"],
        byline=fields["byline"],
        source_name=fields["source_name"],
        source_url=fields["source_url"],
        published=fields["published"],
        published_has_time=fields["published_has_time"],
        column=fields["column"],
        tags=fields["tags"],
        language=Language(fields["language"]),
    )


class ArticleEditor(QMainWindow):
    """Edit one article. ``article_id=None`` edits a new article, created on first save."""

    saved = Signal(object)  # Changes of each save (and of a restore or a conflict copy)
    loaded = Signal()  # the article is on screen (loading runs in the background)

    _drafts_in_use: set[str] = set()  # new-article drafts held by open editors

    def __init__(self, services: Services, article_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.services = services
        self.article_id = article_id
        self.article: Article | None = None
        self.version: int | None = None
        self.tasks = TaskRunner(self)
        self.store = AutosaveStore(services.db.location.display)
        self.draft = Draft(services.db.location.display, article_id, None, {})
        self._baseline: dict[str, Any] = {}
        self._saving = False
        self._close_after_save = False
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
                lambda: self._read(article_id),
                lambda result: self._show_loaded(*result, offer_recovery=True),
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
        self.byline_edit = QLineEdit()
        self.byline_edit.setPlaceholderText(self.tr("Ví dụ: Minh Hằng"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("Ví dụ: Báo Thái Nguyên"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.has_date = QCheckBox()
        self.has_date.setToolTip(self.tr("Tin bài có ngày đăng"))
        self.date_edit = QDateTimeEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateTime(QDateTime.currentDateTime())
        self.has_time = QCheckBox(self.tr("Có giờ đăng"))
        self.column_box = QComboBox()
        self.column_box.setEditable(True)
        self.column_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.column_box.lineEdit().setPlaceholderText(self.tr("(chưa xếp chuyên mục)"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("cách nhau bằng dấu phẩy"))
        self.language_box = QComboBox()
        for language in Language:
            self.language_box.addItem(language_label(language), language.value)
        self.translation_spin = QSpinBox()
        self.translation_spin.setRange(0, 2_000_000_000)
        self.translation_spin.setSpecialValueText(self.tr("(không có)"))
        self.translation_spin.setToolTip(self.tr("Số của tin bài là bản dịch của tin này (0 = không có)"))
        self.translation_label = QLabel()
        self.translation_label.setWordWrap(True)
        self.status_box = QComboBox()
        for status in ArticleStatus:
            self.status_box.addItem(status_label(status), status.value)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date_edit, 1)
        date_widget = QWidget()
        date_widget.setLayout(date_row)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Trạng thái:"), self.status_box)
        form.addRow(self.tr("Chuyên mục:"), self.column_box)
        form.addRow(self.tr("Tác giả:"), self.byline_edit)
        form.addRow(self.tr("Nguồn:"), self.source_edit)
        form.addRow(self.tr("Địa chỉ web:"), self.url_edit)
        form.addRow(self.tr("Ngày đăng:"), date_widget)
        form.addRow("", self.has_time)
        form.addRow(self.tr("Thẻ:"), self.tags_edit)
        form.addRow(self.tr("Ngôn ngữ:"), self.language_box)
        form.addRow(self.tr("Bản dịch:"), self.translation_spin)
        form.addRow("", self.translation_label)
        form.addRow(self.info_label)
        self.metadata_panel = QScrollArea()
        self.metadata_panel.setWidgetResizable(True)
        self.metadata_panel.setWidget(form_widget)
        self._update_date_widgets()

    def _build_findings(self) -> None:
        self.findings_box = QWidget()
        self.findings_layout = QVBoxLayout(self.findings_box)
        self.findings_layout.setContentsMargins(4, 4, 4, 4)
        self.findings_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.findings_box)
        self.finding_rows: list[tuple[QLabel, QPushButton | None]] = []
        self._shown_findings: list[Finding] | None = None
        self.fix_all_button = QPushButton(self.tr("Sửa tất cả lỗi sửa được"))
        self.fix_all_button.setToolTip(self.tr("Áp dụng mọi cách sửa được đề xuất (hoàn tác được bằng Ctrl+Z)"))
        self.fix_all_button.clicked.connect(self.fix_all)
        self.findings_panel = QWidget()
        lay = QVBoxLayout(self.findings_panel)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.fix_all_button)

    def _build_layout(self) -> None:
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(6, 6, 6, 6)
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
        for widget in (self.title_edit, self.byline_edit, self.source_edit, self.url_edit, self.tags_edit):
            widget.textChanged.connect(self._changed)
        self.sapo_edit.textChanged.connect(self._changed)
        self.body_edit.textChanged.connect(self._changed)
        self.column_box.currentTextChanged.connect(self._changed)
        for box in (self.language_box, self.status_box):
            box.currentIndexChanged.connect(self._changed)
        self.date_edit.dateTimeChanged.connect(self._changed)
        for check in (self.has_date, self.has_time):
            check.toggled.connect(self._update_date_widgets)
            check.toggled.connect(self._changed)
        self.translation_spin.valueChanged.connect(self._changed)
        self.translation_spin.valueChanged.connect(self._show_translation)
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
    def _read(self, article_id: int) -> tuple[Article, dict[str, QImage]]:
        article = self.services.articles.get(article_id)
        return article, _load_images(self.services, figure_refs(article.body))

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
        self._columns_into_box()
        self._baseline = self.fields()
        self.setWindowTitle(self.tr("Tin bài mới[*] — Biên tập"))
        self.info_label.setText(self.tr("Tin bài mới: được thêm vào thư viện khi lưu lần đầu."))
        self.refresh_status()
        drafts = [d for d in self.store.new_drafts() if d.draft_id not in self._drafts_in_use]
        if drafts:
            draft = drafts[0]
            when = draft.saved_at.astimezone().strftime("%H:%M %d/%m/%Y")
            title = str(draft.fields.get("title") or self.tr("(chưa có tiêu đề)"))
            answer = editor_dialogs.ask(
                self,
                self.tr("Khôi phục bản nháp"),
                self.tr(
                    "Có một tin bài mới chưa được lưu (“{title}”, lưu tạm lúc {when}), có lẽ do ứng dụng "
                    "bị đóng đột ngột.\n\nKhôi phục để tiếp tục sửa?"
                ).format(title=title, when=when),
                [
                    ("recover", self.tr("Khôi phục"), Role.AcceptRole),
                    ("discard", self.tr("Bỏ bản nháp"), Role.DestructiveRole),
                    ("later", self.tr("Để sau"), Role.RejectRole),
                ],
                "recover",
            )
            if answer == "recover":
                self.draft = draft
                self._set_fields(draft.fields)
            elif answer == "discard":
                self.store.discard(draft)
        self._drafts_in_use.add(self.draft.draft_id)

    def _show_loaded(self, article: Article, images: dict[str, QImage], offer_recovery: bool) -> None:
        if not self._alive():
            return
        self.setEnabled(True)
        self._loading = True
        self.article = article
        self.article_id = article.id
        self.version = article.version
        self.draft = Draft(self.services.db.location.display, article.id, article.version, {})
        self._stored_findings = article.findings
        self.body_edit.images.update(images)
        self._columns_into_box()
        self._set_fields(self._article_fields(article))
        self._baseline = self.fields()
        self._loading = False
        self._allow_status_from(article.status)
        self._update_info()
        self.refresh_status()
        self.body_edit.setFocus()
        self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
        if offer_recovery:
            self._offer_recovery(article)
        self.loaded.emit()

    def _offer_recovery(self, article: Article) -> None:
        draft = self.store.load(article.id)
        if draft is None:
            return
        if draft.fields == self._baseline or not draft.fields:
            self.store.discard(draft)
            return
        when = draft.saved_at.astimezone().strftime("%H:%M %d/%m/%Y")
        text = self.tr(
            "Tin bài này có những thay đổi chưa lưu (lưu tạm lúc {when}), có lẽ do ứng dụng bị đóng "
            "đột ngột.\n\nKhôi phục những thay đổi đó?"
        ).format(when=when)
        if draft.base_version is not None and draft.base_version != article.version:
            text += "\n\n" + self.tr(
                "Lưu ý: từ đó tin bài đã được lưu ở nơi khác (phiên bản {version}); khi lưu, bạn sẽ được hỏi "
                "có lưu đè hay không."
            ).format(version=article.version)
        answer = editor_dialogs.ask(
            self,
            self.tr("Khôi phục thay đổi chưa lưu"),
            text,
            [
                ("recover", self.tr("Khôi phục"), Role.AcceptRole),
                ("discard", self.tr("Bỏ thay đổi đó"), Role.RejectRole),
            ],
            "recover",
        )
        if answer == "recover":
            self.draft = draft
            if draft.base_version is not None:
                self.version = draft.base_version
            self._set_fields(draft.fields)
            self.state_label.setText(self.tr("Đã khôi phục bản lưu tạm — hãy lưu (Ctrl+S)."))
        else:
            self.store.discard(draft)

    def _columns_into_box(self) -> None:
        current = self.column_box.currentText()
        self.column_box.blockSignals(True)
        self.column_box.clear()
        self.column_box.addItem("")
        try:
            names = [c.name for c in self.services.library.columns()]
        except BulletinError:
            names = []
        self.column_box.addItems(names)
        self.column_box.setCurrentText(current)
        self.column_box.blockSignals(False)

    def _allow_status_from(self, status: ArticleStatus) -> None:
        allowed = STATUS_TRANSITIONS[status] | {status}
        model = self.status_box.model()
        for index in range(self.status_box.count()):
            item = model.item(index)  # type: ignore[attr-defined]
            item.setEnabled(ArticleStatus(self.status_box.itemData(index)) in allowed)

    def _update_info(self) -> None:
        article = self.article
        if article is None:
            return
        self.info_label.setText(
            self.tr("Tin bài số {id} · phiên bản {version} · cập nhật {updated}").format(
                id=article.id, version=article.version, updated=local_time(article.updated)
            )
        )

    # ---------------------------------------------------------------- fields
    @staticmethod
    def _article_fields(article: Article) -> dict[str, Any]:
        return {
            "title": article.title,
            "sapo": article.sapo,
            "body": article.body,
            "byline": article.byline,
            "source_name": article.source_name,
            "source_url": article.source_url,
            "published": article.published,
            "published_has_time": article.published_has_time,
            "column": article.column,
            "tags": list(article.tags),
            "language": article.language.value,
            "translation_id": article.translation_id,
            "status": article.status.value,
        }

    def fields(self) -> dict[str, Any]:
        """The editor's content as the article service takes it."""
        published: dt.datetime | None = None
        has_time = self.has_time.isChecked()
        if self.has_date.isChecked():
            value = self.date_edit.dateTime().toPython()
            assert isinstance(value, dt.datetime)
            published = (
                value.replace(second=0, microsecond=0) if has_time else dt.datetime.combine(value.date(), dt.time())
            )
        return {
            "title": self.title_edit.text(),
            "sapo": self.sapo_edit.toPlainText(),
            "body": document_to_body(self.body_edit.document()),
            "byline": self.byline_edit.text(),
            "source_name": self.source_edit.text(),
            "source_url": self.url_edit.text(),
            "published": published,
            "published_has_time": has_time and published is not None,
            "column": self.column_box.currentText().strip() or None,
            "tags": [t.strip() for t in self.tags_edit.text().split(",") if t.strip()],
            "language": self.language_box.currentData(),
            "translation_id": self.translation_spin.value() or None,
            "status": self.status_box.currentData(),
        }

    def _set_fields(self, fields: dict[str, Any]) -> None:
        loading, self._loading = self._loading, True
        self.title_edit.setText(str(fields.get("title", "")))
        self.sapo_edit.setPlainText(str(fields.get("sapo", "")))
        body_to_document(str(fields.get("body", "")), self.body_edit.document(), self.body_edit.image_for)
        self.byline_edit.setText(str(fields.get("byline", "")))
        self.source_edit.setText(str(fields.get("source_name", "")))
        self.url_edit.setText(str(fields.get("source_url", "")))
        published = fields.get("published")
        self.has_date.setChecked(published is not None)
        if isinstance(published, dt.datetime):
            self.date_edit.setDateTime(QDateTime(published))
        self.has_time.setChecked(bool(fields.get("published_has_time")) and published is not None)
        self.column_box.setCurrentText(str(fields.get("column") or ""))
        self.tags_edit.setText(", ".join(fields.get("tags") or []))
        index = self.language_box.findData(fields.get("language", Language.VI.value))
        self.language_box.setCurrentIndex(max(index, 0))
        self.translation_spin.setValue(int(fields.get("translation_id") or 0))
        index = self.status_box.findData(fields.get("status", ArticleStatus.DRAFT.value))
        self.status_box.setCurrentIndex(max(index, 0))
        self._update_date_widgets()
        self._loading = loading
        self._changed()

    def _update_date_widgets(self) -> None:
        self.date_edit.setEnabled(self.has_date.isChecked())
        self.has_time.setEnabled(self.has_date.isChecked())
        self.date_edit.setDisplayFormat("dd/MM/yyyy HH:mm" if self.has_time.isChecked() else "dd/MM/yyyy")

    def changed_fields(self) -> dict[str, Any]:
        current = self.fields()
        return {k: v for k, v in current.items() if self._baseline.get(k) != v}

    def is_dirty(self) -> bool:
        return bool(self.changed_fields()) or (self.article_id is None and self._has_content())

    def _has_content(self) -> bool:
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
        return kept + [Finding(i.kind, i.message, i.found, i.fix, i.count) for i in proof(self._proof_text())]

    def refresh_findings(self) -> None:
        findings = self.current_findings()
        if findings == self._shown_findings:
            return  # rebuilt only when something changed (this runs after every pause in typing)
        self._shown_findings = findings
        while self.findings_layout.count() > 1:
            item = self.findings_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.finding_rows = []
        fixable = 0
        for finding in findings:
            fixable += can_fix(finding.kind)
            self.findings_layout.insertWidget(self.findings_layout.count() - 1, self._finding_card(finding))
        if not findings:
            label = QLabel(self.tr("Không thấy lỗi nào."))
            self.findings_layout.insertWidget(0, label)
        self.fix_all_button.setEnabled(fixable > 0)
        self.side_tabs.setTabText(
            1, self.tr("Soát lỗi ({n})").format(n=len(findings)) if findings else self.tr("Soát lỗi")
        )

    def _finding_card(self, finding: Finding) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(card)
        row.setContentsMargins(6, 4, 4, 4)
        label = QLabel(finding.message)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(label, 1)
        buttons = QVBoxLayout()
        fix_button: QPushButton | None = None
        if can_fix(finding.kind):
            fix_button = QPushButton(self.tr("Sửa"))
            fix_button.setToolTip(self.tr("Sửa ngay trong bài (hoàn tác được bằng Ctrl+Z)"))
            fix_button.clicked.connect(lambda _c=False, f=finding: self.apply_fix(f.kind, f.found))
            buttons.addWidget(fix_button)
        if finding.kind == "case-flip":
            find_button = QPushButton(self.tr("Tìm"))
            find_button.setToolTip(self.tr("Tìm chỗ này trong bài"))
            find_button.clicked.connect(lambda _c=False, f=finding: self.find_in_text(f.found))
            buttons.addWidget(find_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self.finding_rows.append((label, fix_button))
        return card

    def apply_fix(self, kind: str, found: str) -> int:
        """Apply a finding's fix everywhere it occurs; returns how many places changed."""
        changed = 0
        for line in (self.title_edit, self.byline_edit):
            spans = fix_spans(kind, found, line.text())
            if spans:
                line.selectAll()
                line.insert(apply_spans(line.text(), spans))  # undoable, unlike setText
                changed += len(spans)
        changed += self._fix_document(self.sapo_edit.document(), kind, found)
        body_changes = self._fix_document(self.body_edit.document(), kind, found)
        if body_changes:
            self._last_field = self.body_edit
        changed += body_changes
        if changed:
            self.state_label.setText(self.tr("Đã sửa {n} chỗ — Ctrl+Z để hoàn tác.").format(n=changed))
        self.refresh_status()
        return changed

    @staticmethod
    def _fix_document(document: Any, kind: str, found: str) -> int:
        cursor = QTextCursor(document)
        count = 0
        block = document.firstBlock()
        cursor.beginEditBlock()
        while block.isValid():
            text = block.text()
            for start, end, replacement in reversed(fix_spans(kind, found, text)):
                a = block.position() + utf16_offset(text, start)
                b = block.position() + utf16_offset(text, end)
                probe = QTextCursor(document)
                probe.setPosition(a + 1)
                fmt = probe.charFormat()  # keep the formatting of the text being fixed
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(replacement, fmt)
                count += 1
            block = block.next()
        cursor.endEditBlock()
        return count

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
            self.byline_edit,
            self.source_edit,
            self.url_edit,
            self.tags_edit,
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
            lambda: self._store_image(lambda: self.services.assets.add_file(path)),
            lambda result: self._figure_stored(result, caption, credit),
            lambda exc: show_error(self, exc),
        )

    def insert_image_bytes(self, data: bytes, filename: str, caption: str, credit: str = "") -> None:
        self.tasks.run(
            lambda: self._store_image(lambda: self.services.assets.add_bytes(data, filename)),
            lambda result: self._figure_stored(result, caption, credit),
            lambda exc: show_error(self, exc),
        )

    def _store_image(self, add: Any) -> tuple[str, QImage]:
        asset, _changes = add()
        return asset.ref, QImage.fromData(self.services.assets.data(asset))

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
            lambda: _load_images(self.services, [ref]),
            lambda images: [self.body_edit.set_image(r, img) for r, img in images.items() if self._alive()],
            lambda _exc: None,  # the placeholder stays; the reference is kept
        )

    def _show_translation(self, value: int) -> None:
        if not value:
            self.translation_label.setText("")
            return

        def done(article: Article) -> None:
            if self._alive() and self.translation_spin.value() == value:
                self.translation_label.setText(f"“{article.title}”")

        def failed(_exc: BaseException) -> None:
            if self._alive() and self.translation_spin.value() == value:
                self.translation_label.setText(self.tr("Không có tin bài số {id}.").format(id=value))

        self.tasks.run(lambda: self.services.articles.get(value), done, failed)

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
        article, changes = result
        self.store.discard(self.draft)
        self.saved.emit(changes)

        def show(loaded: tuple[Article, dict[str, QImage]]) -> None:
            if not self._alive():
                return
            self._show_loaded(*loaded, offer_recovery=False)
            self.state_label.setText(self.tr("Đã khôi phục phiên bản cũ (bản trước đó vẫn còn trong lịch sử)."))

        self.tasks.run(lambda: self._read(article.id), show, lambda exc: show_error(self, exc))

    # ---------------------------------------------------------------- autosave
    def autosave_now(self) -> Path | None:
        """Write the unsaved draft to disk (nothing when there is nothing unsaved)."""
        if self._loading or self._closed or not self.isEnabled():
            return None
        if not self.is_dirty():
            return None
        self.draft.fields = self.fields()
        self.draft.base_version = self.version
        self.draft.article_id = self.article_id
        try:
            path = self.store.save(self.draft)
        except BulletinError as exc:
            self.state_label.setText(exc.message)
            return None
        self.state_label.setText(self.tr("Đã lưu tạm lúc {time}.").format(time=dt.datetime.now().strftime("%H:%M")))
        return path

    # ---------------------------------------------------------------- saving
    def save(self) -> None:
        """Save (Ctrl+S) in the background; the ``saved`` signal carries the Changes."""
        if self._saving or self._loading:
            return
        fields = self.fields()
        if self.article_id is None:
            job = lambda: self._add(fields)  # noqa: E731
        else:
            changes = {k: v for k, v in fields.items() if self._baseline.get(k) != v}
            if not changes:
                self.state_label.setText(self.tr("Không có gì thay đổi."))
                if self._close_after_save:
                    self._finish_close()
                return
            article_id, version = self.article_id, self.version
            job = lambda: self.services.articles.update(article_id, version, **changes)  # noqa: E731
        self._saving = True
        self.save_action.setEnabled(False)
        self.state_label.setText(self.tr("Đang lưu…"))
        self.tasks.run(job, lambda result: self._saved(result, fields), self._save_failed)

    def _add(self, fields: dict[str, Any]) -> tuple[Article, Changes]:
        draft = _draft(fields, fields["title"])
        article_id, changes = self.services.articles.add(draft, ArticleStatus(fields["status"]))
        if fields["translation_id"]:
            article, more = self.services.articles.update(article_id, None, translation_id=fields["translation_id"])
            return article, changes | more
        return self.services.articles.get(article_id), changes

    def _alive(self) -> bool:
        """Background results may arrive after the window is gone."""
        return shiboken6.isValid(self) and not self._closed

    def _saved(self, result: tuple[Article, Changes], fields: dict[str, Any]) -> None:
        article, changes = result
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self.save_action.setEnabled(True)
        self.store.discard(self.draft)
        self._drafts_in_use.discard(self.draft.draft_id)
        self.article, self.article_id, self.version = article, article.id, article.version
        self.draft = Draft(self.services.db.location.display, article.id, article.version, {})
        self._baseline = fields
        self._allow_status_from(article.status)
        self._update_info()
        self.state_label.setText(self.tr("Đã lưu lúc {time}.").format(time=dt.datetime.now().strftime("%H:%M")))
        self.refresh_status()
        self.saved.emit(changes)
        if self._close_after_save:
            self._finish_close()

    def _save_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._saving = False
        self._close_after_save = False
        self.save_action.setEnabled(True)
        self.state_label.setText(self.tr("Chưa lưu được."))
        self.autosave_now()  # whatever happens next, the text is on disk
        if isinstance(exc, ConflictError):
            self._resolve_conflict(exc)
        else:
            show_error(self, exc)

    def _resolve_conflict(self, exc: ConflictError) -> None:
        answer = editor_dialogs.ask(
            self,
            self.tr("Tin bài đã được lưu ở nơi khác"),
            self.tr(
                "Trong lúc bạn sửa, tin bài này đã được lưu ở nơi khác (trên máy khác hoặc trong một cửa sổ "
                "khác). Nội dung bạn đang sửa vẫn còn nguyên.\n\n"
                "• Lưu đè: lưu bản của bạn; bản kia vẫn nằm trong Lịch sử phiên bản và khôi phục được.\n"
                "• Tải lại: mở bản mới nhất; bản của bạn được lưu thành một tin bài nháp riêng để không mất "
                "chữ nào.\n• Hủy: chưa lưu, tiếp tục sửa."
            ),
            [
                ("overwrite", self.tr("Lưu đè"), Role.AcceptRole),
                ("reload", self.tr("Tải lại"), Role.ActionRole),
                ("cancel", self.tr("Hủy"), Role.RejectRole),
            ],
            "cancel",
            QMessageBox.Icon.Warning,
        )
        self.last_conflict_message = exc.message
        if answer == "overwrite":
            self._saving = True
            article_id = self.article_id
            assert article_id is not None
            self.tasks.run(
                lambda: self.services.articles.get(article_id).version,
                self._overwrite_from,
                self._save_failed,
            )
        elif answer == "reload":
            self._reload_keeping_copy()

    def _overwrite_from(self, version: int) -> None:
        if not self._alive():
            return
        self._saving = False
        self.version = version
        self.save()

    def _reload_keeping_copy(self) -> None:
        fields = self.fields()
        article_id = self.article_id
        assert article_id is not None
        stamp = dt.datetime.now().strftime("%H:%M %d/%m/%Y")
        copy_title = self.tr("{title} (bản của {author}, {time})").format(
            title=fields["title"] or self.tr("Tin bài"), author=self.services.author, time=stamp
        )

        def work() -> tuple[Article, dict[str, QImage], Changes, int]:
            draft = _draft(fields, copy_title)
            copy_id, changes = self.services.articles.add(draft)
            article, images = self._read(article_id)
            return article, images, changes, copy_id

        def done(result: tuple[Article, dict[str, QImage], Changes, int]) -> None:
            article, images, changes, copy_id = result
            if not self._alive():
                return
            self.store.discard(self.draft)
            self._show_loaded(article, images, offer_recovery=False)
            self.state_label.setText(
                self.tr("Đã tải bản mới nhất; bản của bạn được lưu thành tin bài nháp số {id}.").format(id=copy_id)
            )
            self.saved.emit(changes)

        self.tasks.run(work, done, lambda exc: show_error(self, exc))

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if self._saving:
            self._close_after_save = True
            event.ignore()
            return
        if self.isEnabled() and self.is_dirty():
            answer = editor_dialogs.ask(
                self,
                self.tr("Đóng tin bài"),
                self.tr("Tin bài “{title}” có thay đổi chưa lưu. Lưu trước khi đóng?").format(
                    title=self.title_edit.text().strip() or self.tr("Tin bài mới")
                ),
                [
                    ("save", self.tr("Lưu"), Role.AcceptRole),
                    ("discard", self.tr("Không lưu"), Role.DestructiveRole),
                    ("cancel", self.tr("Hủy"), Role.RejectRole),
                ],
                "save",
            )
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                self._close_after_save = True
                event.ignore()
                self.save()
                return
        if not self._loading:  # while loading, a draft on disk has not been offered back yet
            self.store.discard(self.draft)
        self._shut_down()
        event.accept()

    def _finish_close(self) -> None:
        self._close_after_save = False
        self.store.discard(self.draft)
        self._shut_down()
        self.close()

    def _shut_down(self) -> None:
        self._closed = True
        self.autosave_timer.stop()
        self._refresh_timer.stop()
        self._drafts_in_use.discard(self.draft.draft_id)
        self._save_state()
        self.tasks.wait()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
