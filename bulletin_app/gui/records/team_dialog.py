"""The editorial team and its roles: who is editor-in-chief (and so may approve articles)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.errors import BulletinError


class MemberDialog(QDialog):
    """One member: login name, full name, role."""

    def __init__(self, parent: QWidget | None, name: str = "", display_name: str = "", role: str = "editor") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thành viên ban biên tập"))
        self.name = QLineEdit(name)
        self.name.setReadOnly(bool(name))
        self.name.setPlaceholderText(self.tr("tên đăng nhập máy tính, ví dụ thuha"))
        self.display_name = QLineEdit(display_name)
        self.role = QComboBox()
        self.role.addItem(self.tr("Biên tập viên"), "editor")
        self.role.addItem(self.tr("Tổng biên tập"), "chief")
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên đăng nhập:"), self.name)
        form.addRow(self.tr("Họ tên:"), self.display_name)
        form.addRow(self.tr("Vai trò:"), self.role)
        form.addRow(buttons)


class TeamDialog(QDialog):
    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Ban biên tập"))
        self.resize(620, 380)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Tên đăng nhập"), self.tr("Họ tên"), self.tr("Vai trò")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("Thêm…"))
        self.edit_button = QPushButton(self.tr("Sửa…"))
        self.remove_button = QPushButton(self.tr("Bỏ"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(close)
        self.add_button.clicked.connect(lambda: self.edit_member(None))
        self.edit_button.clicked.connect(lambda: self.edit_member(self.current()))
        self.table.doubleClicked.connect(lambda _i: self.edit_member(self.current()))
        self.remove_button.clicked.connect(self.remove_current)
        self.refresh()

    def refresh(self) -> None:
        self.members = self.services.library.members()
        self.table.setRowCount(len(self.members))
        labels = {"editor": self.tr("Biên tập viên"), "chief": self.tr("Tổng biên tập")}
        for row, m in enumerate(self.members):
            for col, text in enumerate((m.name, m.display_name, labels.get(m.role, m.role))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        me = self.services.author
        if not any(m.role == "chief" for m in self.members):
            text = self.tr(
                "Chưa có tổng biên tập: ai dùng thư viện cũng được duyệt tin bài (một bàn biên tập). "
                "Khi đã ghi một tổng biên tập, chỉ tổng biên tập được duyệt và sửa danh sách này. Bạn là “{me}”."
            )
        else:
            text = self.tr("Chỉ tổng biên tập được duyệt tin bài và sửa danh sách này. Bạn là “{me}”.")
        self.note.setText(text.format(me=me))

    def current(self) -> Any:
        row = self.table.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    def edit_member(self, member: Any) -> None:
        if member is None:
            dialog = MemberDialog(self)
        else:
            dialog = MemberDialog(self, member.name, member.display_name, member.role)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(
            lambda: self.services.library.set_member(
                dialog.name.text(), dialog.role.currentData(), dialog.display_name.text()
            )
        )

    def remove_current(self) -> None:
        member = self.current()
        if member is not None:
            self._run(lambda: self.services.library.remove_member(member.name))

    def _run(self, change: Any) -> None:
        try:
            change()
        except BulletinError as exc:
            QMessageBox.warning(self, self.tr("Ban biên tập"), exc.message)
        self.refresh()
