"""The main window's actions, menus and toolbar, declared in one table.

An action is named ``<name>_action`` on the window and calls the window's method ``slot``; a menu
lists action names in order (``None`` is a separator, ``"page.name"`` an action a page or helper
of the window owns, e.g. ``"composer.new"`` is ``window.composer.new_action``). The texts are
translated in the window's context: lupdate reads the literal ``QT_TRANSLATE_NOOP("MainWindow", …)``
calls (an alias or a wrapper would hide them from it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

SP = QStyle.StandardPixmap
Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    slot: str
    shortcut: Key | str | None = None
    tip: str = ""
    icon: SP | None = None


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new",
        QT_TRANSLATE_NOOP("MainWindow", "Tin bài &mới"),
        "new_article",
        Key.New,
        QT_TRANSLATE_NOOP("MainWindow", "Viết tin bài mới (Ctrl+N)"),
        SP.SP_FileIcon,
    ),
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("MainWindow", "&Nhập tin bài…"),
        "choose_import",
        Key.Open,
        QT_TRANSLATE_NOOP("MainWindow", "Nhập tệp hoặc thư mục vào thư viện (Ctrl+O) — hoặc kéo thả vào cửa sổ"),
        SP.SP_DialogOpenButton,
    ),
    ActionSpec(
        "save",
        QT_TRANSLATE_NOOP("MainWindow", "&Lưu"),
        "save_current",
        Key.Save,
        QT_TRANSLATE_NOOP("MainWindow", "Lưu thông tin xuất bản (Ctrl+S)"),
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("MainWindow", "&Xuất số bản tin…"),
        "export_issue",
        "Ctrl+E",
        QT_TRANSLATE_NOOP("MainWindow", "Xuất số bản tin đang chọn ra PDF in ấn và DOCX (Ctrl+E)"),
        SP.SP_DialogSaveButton,
    ),
    ActionSpec(
        "preview",
        QT_TRANSLATE_NOOP("MainWindow", "&Xem trước bản in"),
        "preview_issue",
        Key.Print,
        QT_TRANSLATE_NOOP("MainWindow", "Xem bản PDF thật của số bản tin (Ctrl+P)"),
        SP.SP_FileDialogContentsView,
    ),
    ActionSpec(
        "backup",
        QT_TRANSLATE_NOOP("MainWindow", "&Sao lưu thư viện…"),
        "choose_backup",
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Chép toàn bộ thư viện thành một tệp .zip (khôi phục được vào SQLite hoặc PostgreSQL)"
        ),
        SP.SP_DriveHDIcon,
    ),
    ActionSpec(
        "restore",
        QT_TRANSLATE_NOOP("MainWindow", "&Khôi phục từ bản sao lưu…"),
        "choose_restore",
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Thay toàn bộ thư viện bằng một bản sao lưu .zip (nội dung hiện tại được sao lưu trước)"
        ),
    ),
    ActionSpec(
        "sample",
        QT_TRANSLATE_NOOP("MainWindow", "Tạo dữ liệu &mẫu"),
        "create_sample_data",
        None,
        QT_TRANSLATE_NOOP("MainWindow", "Thêm tin bài và một số bản tin mẫu"),
    ),
    ActionSpec(
        "team",
        QT_TRANSLATE_NOOP("MainWindow", "&Ban biên tập…"),
        "show_team",
        None,
        QT_TRANSLATE_NOOP("MainWindow", "Thành viên và vai trò: ai là tổng biên tập, được duyệt tin bài"),
    ),
    ActionSpec(
        "preferences",
        QT_TRANSLATE_NOOP("MainWindow", "&Tùy chọn…"),
        "show_preferences",
        "Ctrl+,",
        QT_TRANSLATE_NOOP("MainWindow", "Thư viện, giao diện, phông chữ, ngôn ngữ"),
    ),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "T&hoát"), "close", Key.Quit),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("MainWindow", "&Tìm tin bài"),
        "focus_search",
        Key.Find,
        QT_TRANSLATE_NOOP("MainWindow", "Tìm trong thư viện (Ctrl+F)"),
    ),
    ActionSpec("log", QT_TRANSLATE_NOOP("MainWindow", "Mở thư mục &nhật ký"), "open_log_folder"),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "&Giới thiệu"), "about"),
)

MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Tệp"),
        (
            "new",
            "import",
            "save",
            None,
            "preview",
            "export",
            None,
            "translation.import",
            None,
            "backup",
            "restore",
            "sample",
            "team",
            "preferences",
            None,
            "quit",
        ),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "&Sửa"), ("find", None, "library.rename", "library.delete", "library.tag")),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Số &bản tin"),
        (
            "composer.new",
            "composer.details",
            "composer.editorial",
            "composer.add_section",
            None,
            "composer.refresh",
            "preview",
            "export",
            "translation.export_issue",
        ),
    ),
)
VIEW_MENU = QT_TRANSLATE_NOOP("MainWindow", "&Xem")  # one entry per page of the navigation list, Ctrl+1…
HELP_MENU: tuple[str, tuple[str | None, ...]] = (QT_TRANSLATE_NOOP("MainWindow", "Trợ &giúp"), ("log", "about"))
TOOLBAR: tuple[str, ...] = ("new", "import", "preview", "export")
