"""The article editor's metadata panel: status, column, byline, source, URL, date, tags,
language and translation, with a line about the stored version.

The panel reads and writes its part of the editor's field dictionary (the keys the article
service takes) and emits ``changed`` whenever the editor should refresh its state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import STATUS_TRANSITIONS, Article, ArticleStatus, Language
from bulletin_app.domain.errors import BulletinError
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.editor.revision_dialog import local_time
from bulletin_app.gui.widgets.labels import language_label, status_label
from bulletin_app.services import Services


class MetadataPanel(QScrollArea):
    """The "Thông tin" tab. ``alive`` tells whether background results may still be shown."""

    changed = Signal()  # any field edited (or set by the editor)
    sideBySideRequested = Signal()
    createEnglishRequested = Signal()

    def __init__(
        self, services: Services, tasks: TaskRunner, alive: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self._alive = alive
        self._saved = False  # the article is in the library (it has a number to link)

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
        # The translation partner: chosen with a picker, shown by title, never typed as a number.
        self.translation_id: int | None = None
        self.partner_label = QLabel()
        self.partner_label.setWordWrap(True)
        self.partner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_partner = QPushButton(self.tr("Chọn…"))
        self.choose_partner.setToolTip(self.tr("Nối tin bài này với bản dịch (hoặc bản gốc) của nó"))
        self.unlink_partner = QPushButton(self.tr("Gỡ"))
        self.unlink_partner.setToolTip(self.tr("Bỏ liên kết bản dịch (cả hai phía, khi lưu)"))
        self.side_by_side = QPushButton(self.tr("Xem song song"))
        self.side_by_side.setToolTip(self.tr("Mở bản gốc và bản dịch cạnh nhau, từng đoạn một"))
        self.create_english = QPushButton(self.tr("Tạo bản tiếng Anh"))
        self.create_english.setToolTip(
            self.tr("Tạo tin bài tiếng Anh theo cấu trúc của tin này (tiêu đề, đoạn, danh sách, ảnh) để dịch")
        )
        self.choose_partner.clicked.connect(self._pick_partner)
        self.unlink_partner.clicked.connect(lambda: self.set_partner(None))
        self.side_by_side.clicked.connect(self.sideBySideRequested)
        self.create_english.clicked.connect(self.createEnglishRequested)
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
        # two by two: the panel stays as narrow as its other fields (no sideways scrolling)
        partner_buttons = QGridLayout()
        partner_buttons.setContentsMargins(0, 0, 0, 0)
        partner_buttons.addWidget(self.choose_partner, 0, 0)
        partner_buttons.addWidget(self.unlink_partner, 0, 1)
        partner_buttons.addWidget(self.side_by_side, 1, 0)
        partner_buttons.addWidget(self.create_english, 1, 1)
        partner_widget = QWidget()
        partner_box = QVBoxLayout(partner_widget)
        partner_box.setContentsMargins(0, 0, 0, 0)
        partner_box.addWidget(self.partner_label)
        partner_box.addLayout(partner_buttons)
        form.addRow(self.tr("Bản dịch:"), partner_widget)
        form.addRow(self.info_label)
        self.setWidgetResizable(True)
        self.setWidget(form_widget)
        self._update_date_widgets()
        self._connect()

    def _connect(self) -> None:
        for widget in (self.byline_edit, self.source_edit, self.url_edit, self.tags_edit):
            widget.textChanged.connect(self._emit_changed)
        self.column_box.currentTextChanged.connect(self._emit_changed)
        for box in (self.language_box, self.status_box):
            box.currentIndexChanged.connect(self._emit_changed)
        self.date_edit.dateTimeChanged.connect(self._emit_changed)
        for check in (self.has_date, self.has_time):
            check.toggled.connect(self._update_date_widgets)
            check.toggled.connect(self._emit_changed)
        self.language_box.currentIndexChanged.connect(lambda _i: self._update_partner_buttons())

    def _emit_changed(self, *_args: Any) -> None:
        self.changed.emit()

    def text_fields(self) -> tuple[QWidget, ...]:
        """The panel's text fields (undo/redo goes to the one last focused)."""
        return (self.byline_edit, self.source_edit, self.url_edit, self.tags_edit)

    # ---------------------------------------------------------------- fields
    def values(self) -> dict[str, Any]:
        """The panel's part of the editor's fields, as the article service takes it."""
        published: dt.datetime | None = None
        has_time = self.has_time.isChecked()
        if self.has_date.isChecked():
            value = self.date_edit.dateTime().toPython()
            assert isinstance(value, dt.datetime)
            published = (
                value.replace(second=0, microsecond=0) if has_time else dt.datetime.combine(value.date(), dt.time())
            )
        return {
            "byline": self.byline_edit.text(),
            "source_name": self.source_edit.text(),
            "source_url": self.url_edit.text(),
            "published": published,
            "published_has_time": has_time and published is not None,
            "column": self.column_box.currentText().strip() or None,
            "tags": [t.strip() for t in self.tags_edit.text().split(",") if t.strip()],
            "language": self.language_box.currentData(),
            "translation_id": self.translation_id,
            "status": self.status_box.currentData(),
        }

    def set_values(self, fields: dict[str, Any]) -> None:
        """Show the panel's part of ``fields`` (the editor suppresses ``changed`` meanwhile)."""
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
        self.set_partner(fields.get("translation_id"), emit=False)
        index = self.status_box.findData(fields.get("status", ArticleStatus.DRAFT.value))
        self.status_box.setCurrentIndex(max(index, 0))
        self._update_date_widgets()

    def _update_date_widgets(self) -> None:
        self.date_edit.setEnabled(self.has_date.isChecked())
        self.has_time.setEnabled(self.has_date.isChecked())
        self.date_edit.setDisplayFormat("dd/MM/yyyy HH:mm" if self.has_time.isChecked() else "dd/MM/yyyy")

    # ---------------------------------------------------------------- library state
    def load_columns(self) -> None:
        """The library's columns as the column box's choices (the current text is kept)."""
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

    def allow_status_from(self, status: ArticleStatus) -> None:
        """Only the statuses the article may move to from ``status`` can be chosen."""
        allowed = STATUS_TRANSITIONS[status] | {status}
        model = self.status_box.model()
        for index in range(self.status_box.count()):
            item = model.item(index)  # type: ignore[attr-defined]
            item.setEnabled(ArticleStatus(self.status_box.itemData(index)) in allowed)

    def show_new_article_info(self) -> None:
        self.info_label.setText(self.tr("Tin bài mới: được thêm vào thư viện khi lưu lần đầu."))

    def show_article_info(self, article: Article) -> None:
        self.info_label.setText(
            self.tr("Tin bài số {id} · phiên bản {version} · cập nhật {updated}").format(
                id=article.id, version=article.version, updated=local_time(article.updated)
            )
        )

    # ---------------------------------------------------------------- translation partner
    def language(self) -> Language:
        return Language(self.language_box.currentData())

    def set_partner(self, article_id: int | None, emit: bool = True) -> None:
        """Show ``article_id`` as the partner (its title is read in the background)."""
        self.translation_id = article_id
        self._update_partner_buttons()
        if article_id is None:
            self.partner_label.setText(self.tr("(chưa nối bản dịch)"))
        else:
            self.partner_label.setText(self.tr("Tin bài số {id}").format(id=article_id))

            def done(article: Article) -> None:
                if self._alive() and self.translation_id == article_id:
                    self.partner_label.setText(
                        self.tr("{language} · số {id}: “{title}”").format(
                            language=language_label(article.language), id=article.id, title=article.title
                        )
                    )

            def failed(_exc: BaseException) -> None:
                if self._alive() and self.translation_id == article_id:
                    self.partner_label.setText(self.tr("Không có tin bài số {id}.").format(id=article_id))

            self.tasks.run(lambda: self.services.articles.get(article_id), done, failed)
        if emit:
            self.changed.emit()

    def set_saved(self, saved: bool) -> None:
        """Whether the article is in the library (side by side and "create" need its number)."""
        self._saved = saved
        self._update_partner_buttons()

    def _update_partner_buttons(self) -> None:
        saved = self._saved
        linked = self.translation_id is not None
        self.unlink_partner.setEnabled(linked)
        self.side_by_side.setEnabled(linked and saved)
        self.create_english.setVisible(self.language() == Language.VI)
        self.create_english.setEnabled(saved and not linked)

    def _pick_partner(self) -> None:
        from bulletin_app.gui.widgets.article_picker import ArticlePicker

        other = Language.EN if self.language() == Language.VI else Language.VI
        picker = ArticlePicker(self.services, other, parent=self)
        if picker.exec() and picker.chosen() is not None:
            self.set_partner(picker.chosen())
