"""Choose an article by searching for it (the translation partner), not by typing its number."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import ArticleSummary, Language
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.gui.widgets.labels import language_label
from bulletin_app.services import Services

LIMIT = 200
IdRole = Qt.ItemDataRole.UserRole


class ArticlePicker(QDialog):
    """Articles in ``language`` (newest first, or as found by the search box) except ``exclude``."""

    def __init__(
        self, services: Services, language: Language, exclude: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.exclude = exclude
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Chọn bản dịch"))
        self.resize(640, 520)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo tiêu đề hoặc nội dung (không dấu cũng được)"))
        self.search.setClearButtonEnabled(True)
        self.hint = QLabel(self.tr("Tin bài {language}:").format(language=language_label(language).lower()))
        self.results = QListWidget()
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.results.currentItemChanged.connect(lambda *_: self._update_ok())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Chọn"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._update_ok()
        self.refresh()

    def refresh(self) -> None:
        text, language = self.search.text().strip(), self.language.value

        def find() -> list[ArticleSummary]:
            if not text:
                return self.services.articles.list(language=language, limit=LIMIT)
            hits = self.services.search.search(f"{text} lang:{language}", limit=LIMIT).hits
            return self.services.articles.summaries([h.id for h in hits])

        self.tasks.run(find, lambda found, t=text: self._show(found, t), lambda exc: show_error(self, exc))

    def _show(self, found: list[ArticleSummary], text: str) -> None:
        if text != self.search.text().strip():
            return  # a newer search is on its way
        self.results.clear()
        for summary in found:
            if summary.id == self.exclude:
                continue
            paired = self.tr(" — đã nối với số {id}").format(id=summary.partner_id) if summary.partner_id else ""
            item = QListWidgetItem(f"{summary.id}  {summary.title}{paired}")
            item.setData(IdRole, summary.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.results.currentItem() is not None)

    def chosen(self) -> int | None:
        item = self.results.currentItem()
        return int(item.data(IdRole)) if item is not None else None
