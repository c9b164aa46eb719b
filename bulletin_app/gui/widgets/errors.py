"""How the app tells an editor something went wrong: never a traceback on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bulletin_app import APP_NAME
from bulletin_app.domain.errors import BulletinError
from bulletin_app.errorlog import log_unexpected


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A known problem as its own Vietnamese message; anything else logged, with the log's path."""
    if isinstance(exc, BulletinError):
        QMessageBox.warning(parent, APP_NAME, exc.message)
        return
    where = log_unexpected(exc)
    QMessageBox.critical(parent, APP_NAME, unexpected_message(exc, str(where) if where else None))


def unexpected_message(exc: BaseException, log: str | None) -> str:
    return QCoreApplication.translate(
        "errors", "Đã xảy ra lỗi không mong đợi: {error}\n\nChi tiết đã được ghi vào {log}."
    ).format(error=exc or type(exc).__name__, log=log or QCoreApplication.translate("errors", "nhật ký"))
