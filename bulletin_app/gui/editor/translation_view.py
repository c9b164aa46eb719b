"""Side by side: an original and its translation, unit by unit (title, sapo, each heading,
paragraph, list item, table cell and caption aligned on one row), the translation editable
in place and saved through the same versioned service as the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.changes import Changes
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.editor.editor_prompts import save_before_closing
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.services import Services
from bulletin_app.services.translations import Aligned

SOURCE, TARGET = 0, 1


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "title": QCoreApplication.translate("TranslationDialog", "Tiêu đề"),
        "sapo": QCoreApplication.translate("TranslationDialog", "Sapo"),
        "byline": QCoreApplication.translate("TranslationDialog", "Tác giả"),
        "heading": QCoreApplication.translate("TranslationDialog", "Tiêu đề nhỏ"),
        "paragraph": QCoreApplication.translate("TranslationDialog", "Đoạn"),
        "list item": QCoreApplication.translate("TranslationDialog", "Mục liệt kê"),
        "quote": QCoreApplication.translate("TranslationDialog", "Trích dẫn"),
        "table cell": QCoreApplication.translate("TranslationDialog", "Ô bảng"),
        "caption": QCoreApplication.translate("TranslationDialog", "Chú thích ảnh"),
    }
    return labels.get(kind, kind)


class TranslationDialog(QDialog):
    """The pair of ``article_id`` side by side. ``saved`` carries the Changes of a save;
    ``openArticle`` asks the main window to open an article in the editor."""

    saved = Signal(object)
    openArticle = Signal(int)

    def __init__(self, services: Services, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.article_id = article_id
        self.tasks = TaskRunner(self)
        self.aligned: Aligned | None = None
        self.setWindowTitle(self.tr("Bản gốc và bản dịch"))
        self.resize(1100, 760)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Tiếng Việt (bản gốc)"), self.tr("Tiếng Anh (bản dịch)")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._edited)
        self.state = QLabel()
        self.open_original = QPushButton(self.tr("Mở bản gốc"))
        self.open_translation = QPushButton(self.tr("Mở bản dịch"))
        self.open_original.clicked.connect(lambda: self._open(original=True))
        self.open_translation.clicked.connect(lambda: self._open(original=False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Lưu bản dịch"))
        self.save_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_original)
        bottom.addWidget(self.open_translation)
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._filling = False
        self._dirty = False
        self.load()

    def load(self) -> None:
        self.state.setText(self.tr("Đang đọc…"))
        self.tasks.run(lambda: self.services.translations.aligned(self.article_id), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.state.setText("")
        show_error(self, exc)

    def _show(self, aligned: Aligned) -> None:
        self.aligned = aligned
        self._filling = True
        original, translation = aligned.original, aligned.translation
        if translation is None:
            self.heading.setText(
                self.tr("“{title}” (số {id}) chưa có bản dịch tiếng Anh.").format(title=original.title, id=original.id)
            )
        else:
            self.heading.setText(
                self.tr("Bản gốc số {vi} “{vi_title}” — bản dịch số {en} (phiên bản {version})").format(
                    vi=original.id, vi_title=original.title, en=translation.id, version=translation.version
                )
            )
        self.table.setRowCount(len(aligned.rows))
        for row, unit in enumerate(aligned.rows):
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(kind_label(unit.kind)))
            source = QTableWidgetItem(unit.source)
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
            target = QTableWidgetItem(unit.target)
            if unit.source and " ".join(unit.target.split()) == " ".join(unit.source.split()):
                target.setForeground(self.palette().placeholderText())  # still the original: to translate
                target.setToolTip(self.tr("Chưa dịch: đoạn này vẫn là bản gốc tiếng Việt"))
            if translation is None or not unit.unit_id:
                target.setFlags(target.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, SOURCE, source)
            self.table.setItem(row, TARGET, target)
        self.table.resizeRowsToContents()
        self.open_translation.setEnabled(translation is not None)
        self._filling = False
        self._dirty = False
        self.save_button.setEnabled(False)
        self.state.setText(self.tr("{n} đoạn").format(n=len(aligned.rows)))

    def _edited(self, _item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._dirty = True
        self.save_button.setEnabled(True)
        self.state.setText(self.tr("Có thay đổi chưa lưu"))

    def texts(self) -> dict[str, str]:
        assert self.aligned is not None
        return {
            unit.unit_id: self.table.item(row, TARGET).text()
            for row, unit in enumerate(self.aligned.rows)
            if unit.unit_id
        }

    def save(self, close_after: bool = False) -> None:
        if self.aligned is None or self.aligned.translation is None:
            return
        original_id, version, texts = self.aligned.original.id, self.aligned.translation.version, self.texts()
        self.save_button.setEnabled(False)
        self.state.setText(self.tr("Đang lưu…"))

        def done(result: tuple[object, Changes]) -> None:
            self.saved.emit(result[1])
            self._dirty = False
            if close_after:
                super(TranslationDialog, self).reject()
            else:
                self.load()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self._failed(exc)

        self.tasks.run(lambda: self.services.translations.save_aligned(original_id, version, texts), done, failed)

    def reject(self) -> None:
        if self._dirty and self.aligned is not None:
            title = self.aligned.translation.title if self.aligned.translation else ""
            answer = save_before_closing(self, title)
            if answer == "cancel":
                return
            if answer == "save":
                self.save(close_after=True)
                return  # closes when the save is done (or stays open on an error)
        super().reject()

    def _open(self, original: bool) -> None:
        if self.aligned is None:
            return
        article = self.aligned.original if original else self.aligned.translation
        if article is not None:
            self.openArticle.emit(article.id)
