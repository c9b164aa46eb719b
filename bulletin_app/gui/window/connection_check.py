"""The library location's server part in the preferences: the password (kept in the OS credential
store, never in the settings file) and "Kiểm tra kết nối", which reports what is there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bulletin_app.domain.errors import BulletinError


def is_server(location: str) -> bool:
    return "://" in location and not location.strip().lower().startswith("sqlite")


class ConnectionCheck(QWidget):
    def __init__(self, location: Callable[[], str], tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._location = location
        self._tasks = tasks
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu máy chủ (lưu trong kho mật khẩu của hệ điều hành)"))
        self.test_button = QPushButton(self.tr("Kiểm tra kết nối"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password, 1)
        row.addWidget(self.test_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.result)
        self.test_button.clicked.connect(self.test)
        self.location_changed(location())

    def location_changed(self, location: str) -> None:
        self.password.setEnabled(is_server(location))
        self.result.clear()

    def test(self) -> None:
        from bulletin_app.services.library import check_location

        location, password = self._location().strip(), self.password.text()
        self.result.setText(self.tr("Đang kết nối…"))
        self.test_button.setEnabled(False)

        def done(message: str) -> None:
            self.test_button.setEnabled(True)
            self.result.setText("✓ " + message)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.result.setText("✗ " + (exc.message if isinstance(exc, BulletinError) else str(exc)))

        self._tasks.run(lambda: check_location(location, password), done, failed)
