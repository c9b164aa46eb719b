"""The columns (chuyên mục) page: the bulletin's sections in bulletin order, add and rename."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.changes import Changes
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.services import Services
from bulletin_app.services.library import ColumnInfo


class ColumnsPage(QWidget):
    changed = Signal(object)  # Changes
    show_articles = Signal(str)  # column name: list its articles in the library

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(
            lambda item: self.show_articles.emit(item.data(Qt.ItemDataRole.UserRole).name)
        )
        intro = QLabel(
            self.tr(
                "Chuyên mục là các mục của bản tin, theo thứ tự in. Mỗi tin bài thuộc một chuyên mục; "
                "nhấp đúp để xem các tin bài của chuyên mục đó."
            )
        )
        intro.setWordWrap(True)
        style = self.style()
        self.add_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), self.tr("Thêm chuyên mục…")
        )
        self.add_button.clicked.connect(self.add_column)
        self.rename_button = QPushButton(self.tr("Đổi tên…"))
        self.rename_button.setToolTip(self.tr("Đổi tên chuyên mục đang chọn (F2)"))
        self.rename_button.clicked.connect(self.rename_current)
        rename = QAction(self.tr("Đổi tên"), self, shortcut=QKeySequence(Qt.Key.Key_F2))
        rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        rename.triggered.connect(self.rename_current)
        self.addAction(rename)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        self.english_button = QPushButton(self.tr("Tên tiếng Anh…"))
        self.english_button.setToolTip(self.tr("Tên chuyên mục in trong phần tiếng Anh của ấn bản song ngữ"))
        self.english_button.clicked.connect(self.name_english)
        buttons.addWidget(self.english_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.tasks.run(self.services.library.columns, self._fill, lambda exc: show_error(self, exc))

    def _fill(self, columns: list[ColumnInfo]) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for column in columns:
            english = column.name_en or self.tr("chưa có tên tiếng Anh")
            item = QListWidgetItem(
                self.tr("{name}  ({n} tin bài) — {english}").format(
                    name=column.name, n=column.article_count, english=english
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, column)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))

    def _run(self, fn) -> None:  # type: ignore[no-untyped-def]
        def done(changes: Changes) -> None:
            self.changed.emit(changes)
            self.refresh()

        self.tasks.run(fn, done, lambda exc: show_error(self, exc))

    def add_column(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Thêm chuyên mục"), self.tr("Tên chuyên mục mới:"))
        if ok and name.strip():
            self._run(lambda: self.services.library.add_column(name))

    def _ask_current(
        self, title: str, label: str, current: Callable[[ColumnInfo], str]
    ) -> tuple[ColumnInfo, str] | None:
        """The selected column and the text the editor typed for it (None: cancelled or unchanged)."""
        item = self.list.currentItem()
        if item is None:
            return None
        column: ColumnInfo = item.data(Qt.ItemDataRole.UserRole)
        text, ok = QInputDialog.getText(self, title, label.format(name=column.name), text=current(column))
        return (column, text) if ok and text.strip() != current(column) else None

    def rename_current(self) -> None:
        asked = self._ask_current(self.tr("Đổi tên chuyên mục"), self.tr("Tên mới của “{name}”:"), lambda c: c.name)
        if asked is not None and asked[1].strip():
            column, name = asked
            self._run(lambda: self.services.library.rename_column(column.id, name))

    def name_english(self) -> None:
        asked = self._ask_current(self.tr("Tên tiếng Anh"), self.tr("Tên tiếng Anh của “{name}”:"), lambda c: c.name_en)
        if asked is not None:
            column, name = asked
            self._run(lambda: self.services.library.set_column_english(column.id, name))
