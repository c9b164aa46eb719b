"""Start the desktop application."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from bulletin_app import APP_NAME, __version__
from bulletin_app.domain.errors import BulletinError
from bulletin_app.errorlog import log_unexpected
from bulletin_app.gui.fonts import register_app_fonts, ui_font
from bulletin_app.gui.main_window import MainWindow
from bulletin_app.services import Services


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SoNgoaiVuThaiNguyen")
    family = register_app_fonts()
    if family:
        app.setFont(ui_font(family, 10))
    return app


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    parser = argparse.ArgumentParser(prog="bulletin-app", description="Bản tin đối ngoại — ứng dụng")
    parser.add_argument("--db", help="tệp thư viện hoặc URL SQLAlchemy")
    args, qt_args = parser.parse_known_args(argv[1:])
    app = create_application([argv[0], *qt_args])

    def excepthook(kind, exc, tb) -> None:  # type: ignore[no-untyped-def]
        where = log_unexpected(exc)
        QMessageBox.critical(
            None, APP_NAME, f"Đã xảy ra lỗi không mong đợi: {exc}\n\nChi tiết được ghi vào {where or 'nhật ký'}."
        )

    sys.excepthook = excepthook
    try:
        services = Services.open(args.db)
    except BulletinError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    window = MainWindow(services)
    window.show()
    code = app.exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
