"""Small dialogs of the article editor: a question with its answers' own words, figure, table.

``QMessageBox.question`` draws its standard buttons in English (Qt ships no Vietnamese
translation), so questions whose answers are actions ("Lưu", "Không lưu", "Hủy") go
through :func:`ask`, which builds the box with the answers' own words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

Choice = tuple[str, str, QMessageBox.ButtonRole]  # key, label, role


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: list[Choice],
    default: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Ask and return the key of the chosen answer (Esc gives the RejectRole answer)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for key, label, role in choices:
        button = box.addButton(label, role)
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
        if role == QMessageBox.ButtonRole.RejectRole:
            box.setEscapeButton(button)
    box.exec()
    rejected = next((k for k, _label, r in choices if r == QMessageBox.ButtonRole.RejectRole), default)
    return buttons.get(box.clickedButton(), rejected)


def _buttons(dialog: QDialog, accept_label: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    box.addButton(accept_label, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("EditorDialogs", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class FigureDialog(QDialog):
    """Caption and photo credit of a picture."""

    def __init__(self, parent: QWidget | None, caption: str = "", credit: str = "", inserting: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chèn ảnh") if inserting else self.tr("Chú thích ảnh"))
        self.caption = QLineEdit(caption)
        self.caption.setPlaceholderText(self.tr("Ví dụ: Lãnh đạo tỉnh tiếp đoàn KOICA"))
        self.credit = QLineEdit(credit)
        self.credit.setPlaceholderText(self.tr("Ví dụ: Ảnh: TNGOV"))
        self.caption.setMinimumWidth(380)
        form = QFormLayout()
        form.addRow(self.tr("Chú thích:"), self.caption)
        form.addRow(self.tr("Nguồn ảnh:"), self.credit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Chèn") if inserting else self.tr("Đồng ý")))

    def values(self) -> tuple[str, str]:
        return self.caption.text().strip(), self.credit.text().strip()


class TableDialog(QDialog):
    """Rows, columns and a header row for a new table."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chèn bảng"))
        self.rows = QSpinBox(minimum=1, maximum=200, value=3)
        self.columns = QSpinBox(minimum=1, maximum=20, value=2)
        self.header = QCheckBox(self.tr("Hàng đầu là hàng tiêu đề"), checked=True)
        form = QFormLayout()
        form.addRow(self.tr("Số hàng:"), self.rows)
        form.addRow(self.tr("Số cột:"), self.columns)
        form.addRow("", self.header)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Chèn")))
