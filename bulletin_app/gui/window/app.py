"""Start the desktop application."""

from __future__ import annotations

import argparse
import contextlib
import gc
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from bulletin_app import APP_NAME, __version__, argparse_vi
from bulletin_app.atomic_file import clean_leftovers
from bulletin_app.domain.errors import BulletinError
from bulletin_app.errorlog import log_unexpected
from bulletin_app.gui.widgets.errors import unexpected_message
from bulletin_app.gui.widgets.settings import APPLICATION, ORGANIZATION, AppSettings
from bulletin_app.gui.window.fonts import register_app_fonts, ui_font
from bulletin_app.gui.window.i18n import LANGUAGES, install_translators
from bulletin_app.resources import resource_path


def create_application(argv: list[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    icon = resource_path("icons", "app.svg")
    if icon.is_file():  # SVG: sharp at every DPI and size the system asks for
        app.setWindowIcon(QIcon(str(icon)))
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    family = register_app_fonts()
    if family:
        app.setFont(ui_font(family, 10))
    install_translators(app, language or AppSettings().ui_language)
    return app


def _excepthook(kind, exc, tb) -> None:  # type: ignore[no-untyped-def]
    """Anything unexpected: logged with its traceback, a short message on screen, the app goes on."""
    where = log_unexpected(exc)
    QMessageBox.critical(None, APP_NAME, unexpected_message(exc, str(where) if where else None))


# Qt's own command-line options (QApplication, QGuiApplication), with whether each takes a value.
QT_OPTIONS = {
    "-platform": True, "-platformpluginpath": True, "-platformtheme": True, "-plugin": True,
    "-qwindowgeometry": True, "-qwindowicon": True, "-qwindowtitle": True, "-reverse": False,
    "-session": True, "-style": True, "-stylesheet": True, "-widgetcount": False, "-display": True,
    "-geometry": True, "-qmljsdebugger": True,
}  # fmt: skip


def qt_options(rest: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """The arguments left after ours, checked: Qt's own options pass, anything else is a usage
    error (exit 2) — a misspelt option is said, never silently handed to Qt."""
    out: list[str] = []
    i = 0
    while i < len(rest):
        option = rest[i].split("=", 1)[0]
        if option not in QT_OPTIONS:
            parser.error(f"không hiểu tùy chọn: {rest[i]}")
        takes_value = QT_OPTIONS[option] and "=" not in rest[i]
        out += rest[i : i + 1 + takes_value]
        i += 1 + takes_value
    return out


def _end_on_signals(app: QApplication, window: Any) -> None:
    """SIGTERM (the session ends, a shutdown) and Ctrl+C end the app cleanly: what the editors
    hold is kept as autosaved drafts (offered back at the next start), the worker process is
    stopped, the library closed — never a question nobody is there to answer."""

    def end(*_args: object) -> None:
        for editor in list(getattr(window, "editors", {}).values()):
            with contextlib.suppress(Exception):
                editor.autosave_now()
        if window.is_ready:
            window.jobs.shutdown()
        app.quit()

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, end)
    # Python runs signal handlers between its own bytecodes: wake it now and then in Qt's loop.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(200)


def freeze_opening() -> None:
    """What opening the window and the library built — modules, the ORM's mappers, the pages'
    widgets, ~110,000 objects — lives as long as the window: keep it out of the collector's
    sight. A full collection walked all of it (80–90 ms on a loaded PC) holding the GIL, often in
    a search's worker thread, and the window waited for it while the editor typed; it now walks
    what came after (≤ 5 ms). Called once the library is open (``MainWindow.ready``)."""
    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the worker process, in a frozen (installed) app
    argv = list(sys.argv if argv is None else argv)
    argparse_vi.install()
    parser = argparse.ArgumentParser(prog="bulletin-app", description="Bản tin đối ngoại — ứng dụng")
    parser.add_argument("--db", help="tệp thư viện hoặc URL SQLAlchemy (mặc định: theo Tùy chọn)")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="ngôn ngữ giao diện (mặc định: theo Tùy chọn)")
    args, rest = parser.parse_known_args(argv[1:])
    qt_args = qt_options(rest, parser)
    app = create_application([argv[0], *qt_args], args.lang)
    sys.excepthook = _excepthook

    from bulletin_app.gui.window.main_window import MainWindow

    spec = args.db or AppSettings().library_location or None

    def open_library(where: str | None) -> Callable[[], Any]:
        def opener() -> Any:
            from bulletin_app.services import Services

            return Services.open(where)

        return opener

    # The window's frame shows at once; the library opens (and the pages load) behind it.
    window = MainWindow(open_library=open_library(spec))
    # an export the computer was switched off in the middle of left hidden files: not for long
    export_folder = AppSettings().export_folder
    if export_folder:
        threading.Thread(target=clean_leftovers, args=(Path(export_folder),), daemon=True).start()

    def failed(exc: BaseException) -> None:
        message = exc.message if isinstance(exc, BulletinError) else unexpected_message(exc, None)
        text = QCoreApplication.translate("app", "Không mở được thư viện: {error}").format(error=message)
        if spec is not None and window.property("fallback") is None:
            question = QCoreApplication.translate("app", "Mở thư viện mặc định trên máy này?")
            if QMessageBox.question(window, APP_NAME, text + "\n\n" + question) == QMessageBox.StandardButton.Yes:
                window.setProperty("fallback", True)
                window.open_in_background(open_library(None))
                return
        else:
            QMessageBox.critical(window, APP_NAME, text)
        app.exit(1)

    window.open_failed.connect(failed)
    window.ready.connect(freeze_opening)
    window.show()
    _end_on_signals(app, window)
    code = app.exec()
    if window.is_ready:
        window.services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
