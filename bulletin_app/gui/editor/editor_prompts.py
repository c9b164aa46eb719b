"""The questions the article editor asks: take back an autosaved draft after a crash,
resolve a save conflict, save before closing. Each returns the key of the chosen answer.

They go through :func:`editor_dialogs.ask` looked up on the module at call time (tests
answer them by patching it).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bulletin_app.gui.editor import editor_dialogs

Role = QMessageBox.ButtonRole


def _when(saved_at: dt.datetime) -> str:
    return saved_at.astimezone().strftime("%H:%M %d/%m/%Y")


def recover_new_draft(parent: QWidget, title: str, saved_at: dt.datetime) -> str:
    """A new article's draft was left on disk: "recover", "discard" or "later"."""
    return editor_dialogs.ask(
        parent,
        QCoreApplication.translate("EditorPrompts", "Khôi phục bản nháp"),
        QCoreApplication.translate(
            "EditorPrompts",
            "Có một tin bài mới chưa được lưu (“{title}”, lưu tạm lúc {when}), có lẽ do ứng dụng "
            "bị đóng đột ngột.\n\nKhôi phục để tiếp tục sửa?",
        ).format(title=title, when=_when(saved_at)),
        [
            ("recover", QCoreApplication.translate("EditorPrompts", "Khôi phục"), Role.AcceptRole),
            ("discard", QCoreApplication.translate("EditorPrompts", "Bỏ bản nháp"), Role.DestructiveRole),
            ("later", QCoreApplication.translate("EditorPrompts", "Để sau"), Role.RejectRole),
        ],
        "recover",
    )


def recover_changes(parent: QWidget, saved_at: dt.datetime, saved_elsewhere_version: int | None) -> str:
    """An article's unsaved changes were left on disk: "recover" or "discard".

    ``saved_elsewhere_version``: the article's version when it was saved elsewhere since.
    """
    text = QCoreApplication.translate(
        "EditorPrompts",
        "Tin bài này có những thay đổi chưa lưu (lưu tạm lúc {when}), có lẽ do ứng dụng bị đóng "
        "đột ngột.\n\nKhôi phục những thay đổi đó?",
    ).format(when=_when(saved_at))
    if saved_elsewhere_version is not None:
        text += "\n\n" + QCoreApplication.translate(
            "EditorPrompts",
            "Lưu ý: từ đó tin bài đã được lưu ở nơi khác (phiên bản {version}); khi lưu, bạn sẽ được hỏi "
            "có lưu đè hay không.",
        ).format(version=saved_elsewhere_version)
    return editor_dialogs.ask(
        parent,
        QCoreApplication.translate("EditorPrompts", "Khôi phục thay đổi chưa lưu"),
        text,
        [
            ("recover", QCoreApplication.translate("EditorPrompts", "Khôi phục"), Role.AcceptRole),
            ("discard", QCoreApplication.translate("EditorPrompts", "Bỏ thay đổi đó"), Role.RejectRole),
        ],
        "recover",
    )


def resolve_conflict(parent: QWidget) -> str:
    """The article was saved elsewhere meanwhile: "overwrite", "reload" or "cancel"."""
    return editor_dialogs.ask(
        parent,
        QCoreApplication.translate("EditorPrompts", "Tin bài đã được lưu ở nơi khác"),
        QCoreApplication.translate(
            "EditorPrompts",
            "Trong lúc bạn sửa, tin bài này đã được lưu ở nơi khác (trên máy khác hoặc trong một cửa sổ "
            "khác). Nội dung bạn đang sửa vẫn còn nguyên.\n\n"
            "• Lưu đè: lưu bản của bạn; bản kia vẫn nằm trong Lịch sử phiên bản và khôi phục được.\n"
            "• Tải lại: mở bản mới nhất; bản của bạn được lưu thành một tin bài nháp riêng để không mất "
            "chữ nào.\n• Hủy: chưa lưu, tiếp tục sửa.",
        ),
        [
            ("overwrite", QCoreApplication.translate("EditorPrompts", "Lưu đè"), Role.AcceptRole),
            ("reload", QCoreApplication.translate("EditorPrompts", "Tải lại"), Role.ActionRole),
            ("cancel", QCoreApplication.translate("EditorPrompts", "Hủy"), Role.RejectRole),
        ],
        "cancel",
        QMessageBox.Icon.Warning,
    )


def save_before_closing(parent: QWidget, title: str) -> str:
    """Closing with unsaved changes: "save", "discard" or "cancel"."""
    return editor_dialogs.ask(
        parent,
        QCoreApplication.translate("EditorPrompts", "Đóng tin bài"),
        QCoreApplication.translate(
            "EditorPrompts", "Tin bài “{title}” có thay đổi chưa lưu. Lưu trước khi đóng?"
        ).format(title=title),
        [
            ("save", QCoreApplication.translate("EditorPrompts", "Lưu"), Role.AcceptRole),
            ("discard", QCoreApplication.translate("EditorPrompts", "Không lưu"), Role.DestructiveRole),
            ("cancel", QCoreApplication.translate("EditorPrompts", "Hủy"), Role.RejectRole),
        ],
        "save",
    )
