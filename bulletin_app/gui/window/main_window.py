"""The main window: navigation between the library, issues, columns and the publication record;
menus, toolbar and status bar; drag & drop import; remembered layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
)

from bulletin_app import APP_NAME, __version__
from bulletin_app.gui.widgets.settings import qsettings
from bulletin_app.gui.window import actions
from bulletin_app.paths import log_path

if TYPE_CHECKING:
    from bulletin_app.domain.changes import Changes, Seen
    from bulletin_app.services import Services
    from bulletin_app.services.imports import ImportReport
    from bulletin_app.services.library import RestoreReport

# The pages, the services and what they import (SQLAlchemy, the importers, QtPdf) take about
# a second to load: the window's frame is shown first and they load while it is on screen.


def _load_pages() -> None:
    pass


class _Loader(QObject):
    loaded = Signal(object)
    failed = Signal(object)

    def start(self, open_library: Callable[[], Services]) -> None:
        def work() -> None:
            try:
                _load_pages()
                services = open_library()
            except Exception as exc:
                self.failed.emit(exc)
            else:
                self.loaded.emit(services)

        threading.Thread(target=work, name="open-library", daemon=True).start()


LIBRARY, ISSUES, COLUMNS, PUBLICATION = range(4)


class NavList(QListWidget):
    """The page list. While articles are dragged over it, hovering on a page opens that page, so
    a drag from the library can go on into the issue's sections; dropping files imports them."""

    files_dropped = Signal(list)
    articles_dropped = Signal(int, list)  # page row, article ids

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self._hover_row = -1
        self._hover = QTimer(self, singleShot=True, interval=450)
        self._hover.timeout.connect(lambda: self._hover_row >= 0 and self.setCurrentRow(self._hover_row))

    @staticmethod
    def _wanted(event) -> bool:  # type: ignore[no-untyped-def]
        from bulletin_app.gui.widgets.mime import ARTICLE_IDS_MIME

        data = event.mimeData()
        return data.hasFormat(ARTICLE_IDS_MIME) or (data.hasUrls() and any(u.isLocalFile() for u in data.urls()))

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._wanted(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._wanted(event):
            event.ignore()
            return
        event.acceptProposedAction()
        row = self.row(self.itemAt(event.position().toPoint()))
        if row != self._hover_row:
            self._hover_row = row
            self._hover.start()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._hover.stop()
        self._hover_row = -1

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from bulletin_app.gui.widgets.mime import decode_article_ids

        self._hover.stop()
        data = event.mimeData()
        ids = decode_article_ids(data)
        if ids:
            self.articles_dropped.emit(self.row(self.itemAt(event.position().toPoint())), ids)
        elif data.hasUrls():
            self.files_dropped.emit([Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()])
        event.acceptProposedAction()


class MainWindow(QMainWindow):
    """The window. With ``services`` it is ready at once; with ``open_library`` its frame shows
    first and the library opens in the background (``ready`` or ``open_failed`` follows)."""

    ready = Signal()
    open_failed = Signal(object)  # the exception

    def __init__(self, services: Services | None = None, open_library: Callable[[], Services] | None = None) -> None:
        super().__init__()
        self.services: Services = None  # type: ignore[assignment]  # set by attach()
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._build_frame()
        settings = self._settings()
        if geometry := settings.value("window/geometry"):
            self.restoreGeometry(geometry)
        if services is not None:
            self.attach(services)
        elif open_library is not None:
            self.open_in_background(open_library)

    def open_in_background(self, open_library: Callable[[], Services]) -> None:
        self.loading.setText(self.tr("Đang mở thư viện…"))
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._loader = _Loader(self)
        self._loader.loaded.connect(self.attach)
        self._loader.failed.connect(self._open_failed)
        self._loader.start(open_library)

    def _open_failed(self, exc: BaseException) -> None:
        self.unsetCursor()
        self.loading.setText(self.tr("Không mở được thư viện."))
        self.open_failed.emit(exc)

    @property
    def is_ready(self) -> bool:
        return self.services is not None

    # ---------------------------------------------------------------- layout
    def _build_frame(self) -> None:
        style = self.style()
        self.nav = NavList()
        for icon, text in (
            (QStyle.StandardPixmap.SP_FileDialogDetailedView, self.tr("Thư viện tin bài")),
            (QStyle.StandardPixmap.SP_FileDialogContentsView, self.tr("Số bản tin")),
            (QStyle.StandardPixmap.SP_DirIcon, self.tr("Chuyên mục")),
            (QStyle.StandardPixmap.SP_FileDialogInfoView, self.tr("Thông tin xuất bản")),
        ):
            QListWidgetItem(style.standardIcon(icon), text, self.nav)
        self.nav.setMaximumWidth(200)
        self.nav.setMinimumWidth(150)
        self.nav.setSpacing(2)
        self.nav.setCurrentRow(LIBRARY)
        self.nav.setEnabled(False)
        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.loading)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.nav)
        self.main_split.addWidget(self.pages)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_split)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

    def attach(self, services: Services) -> None:
        """Build the pages on the opened library and start reading it."""
        from bulletin_app.gui.background.change_watch import ChangeWatch
        from bulletin_app.gui.background.process_runner import ProcessRunner
        from bulletin_app.gui.background.tasks import TaskRunner
        from bulletin_app.gui.issue.issue_composer import IssueComposer
        from bulletin_app.gui.library.library_page import LibraryPage
        from bulletin_app.gui.records.columns_page import ColumnsPage
        from bulletin_app.gui.records.publication_form import PublicationForm
        from bulletin_app.gui.window.translation_actions import TranslationActions

        self.services = services
        self.editors: dict[int, Any] = {}  # open article editors by article id (new ones: negative keys)
        self.tasks = TaskRunner(self)
        self.jobs = ProcessRunner(services, self)  # import and export: in a worker process, the window stays fluid

        self.library = LibraryPage(self.services, self.tasks)
        self.library.changed.connect(self.apply_changes)
        self.library.open_requested.connect(self.open_article)
        self.library.import_requested.connect(self.choose_import)
        self.library.sample_requested.connect(self.create_sample_data)
        self.library.counted.connect(self._show_count)
        self.library.add_to_issue_requested.connect(self.add_to_issue)
        self.nav.files_dropped.connect(self.import_files)
        self.nav.articles_dropped.connect(lambda row, ids: row == ISSUES and self.add_to_issue(ids))

        self.composer = IssueComposer(self.services, self.tasks)
        self.composer.changed.connect(self.apply_changes)
        self.composer.article_activated.connect(self.open_article)
        self.composer.field_activated.connect(self.go_to_field)
        self.translation = TranslationActions(
            self, self.services, self.tasks, self.apply_changes, self.open_article, self.composer.current_issue_id
        )
        self.library.side_by_side_requested.connect(self.translation.side_by_side)
        self.library.translation_export_requested.connect(self.translation.export_articles)
        self.columns_page = ColumnsPage(self.services, self.tasks)
        self.columns_page.changed.connect(self.apply_changes)
        self.columns_page.show_articles.connect(self.show_column)
        self.publication = PublicationForm(self.services)
        self.publication.saved.connect(self.apply_changes)
        # Other editors' saves, from the library's change log (a thread of its own).
        self.change_watch = ChangeWatch(self.services.library.watcher(), self)
        self.change_watch.seen.connect(self.apply_external)
        self.change_watch.lost.connect(lambda message: self.statusBar().showMessage(message))
        self.change_watch.back.connect(
            lambda: self.statusBar().showMessage(self.tr("Đã kết nối lại với thư viện."), 8000)
        )
        self.change_watch.start()

        self.pages.removeWidget(self.loading)
        for page in (self.library, self.composer, self.columns_page, self.publication):
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self._page_changed)
        self.nav.setEnabled(True)
        self._build_actions()
        self._restore_state()
        self._page_changed(self.nav.currentRow())
        self.unsetCursor()
        self.library.refresh_columns()
        self.library.reload()
        self.refresh_side_pages()
        QTimer.singleShot(1500, self.jobs.warm_up)
        self.ready.emit()

    def _action(
        self,
        text: str,
        slot,  # type: ignore[no-untyped-def]
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        """Actions, menus and toolbar from the table in ``actions.py``."""
        for spec in actions.ACTIONS:
            action = self._action(
                self.tr(spec.text),
                getattr(self, spec.slot),
                spec.shortcut,
                self.tr(spec.tip) if spec.tip else "",
                spec.icon,
            )
            setattr(self, f"{spec.name}_action", action)
        for title, entries in actions.MENUS:
            self._fill_menu(self.menuBar().addMenu(self.tr(title)), entries)
        view_menu = self.menuBar().addMenu(self.tr(actions.VIEW_MENU))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            view_menu.addAction(
                self._action(
                    item.text(), lambda _c=False, r=row: self.nav.setCurrentRow(r), QKeySequence(f"Ctrl+{row + 1}")
                )
            )
        help_title, help_entries = actions.HELP_MENU
        self.help_menu = self.menuBar().addMenu(self.tr(help_title))
        self._fill_menu(self.help_menu, help_entries)

        self.toolbar = self.addToolBar(self.tr("Công cụ"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in actions.TOOLBAR:
            self.toolbar.addAction(self.named_action(name))

    def named_action(self, name: str) -> QAction:
        """``"export"`` → ``self.export_action``; ``"composer.new"`` → ``self.composer.new_action``."""
        *owner_path, last = name.split(".")
        owner: Any = self
        for part in owner_path:
            owner = getattr(owner, part)
        action = getattr(owner, f"{last}_action")
        assert isinstance(action, QAction), name
        return action

    def _fill_menu(self, menu: QMenu, entries: tuple[str | None, ...]) -> None:
        for name in entries:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.named_action(name))

    # ---------------------------------------------------------------- state
    def _settings(self) -> QSettings:
        return qsettings()

    def _restore_state(self) -> None:
        settings = self._settings()
        if state := settings.value("window/state"):
            self.restoreState(state)
        if value := settings.value("window/main_split"):
            self.main_split.restoreState(value)
        self.library.restore_state(settings)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for editor in list(getattr(self, "editors", {}).values()):
            if not editor.close():  # the editor asked about unsaved changes and the answer was Hủy
                event.ignore()
                return
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/main_split", self.main_split.saveState())
        if self.is_ready:
            self.library.save_state(settings)
            self.composer.shutdown()
            self.change_watch.stop()
            self.jobs.shutdown()
            self.tasks.wait()
        super().closeEvent(event)

    # ---------------------------------------------------------------- pages
    def _page_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        titles = {
            LIBRARY: self.tr("Thư viện tin bài"),
            ISSUES: self.tr("Số bản tin"),
            COLUMNS: self.tr("Chuyên mục"),
            PUBLICATION: self.tr("Thông tin xuất bản"),
        }
        self.setWindowTitle(f"{APP_NAME} — {titles.get(row, '')}")

    def _show_count(self, total: int, searched: bool) -> None:
        if self.library.in_trash:
            text = self.tr("{n} tin bài trong thùng rác").format(n=total)
        elif searched:
            text = self.tr("{n} kết quả").format(n=total)
        else:
            text = self.tr("{n} tin bài · {where}").format(n=total, where=self.services.db.location.display)
        self.count_label.setText(text)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(LIBRARY)
        self.library.search_box.setFocus()
        self.library.search_box.selectAll()

    def refresh_side_pages(self) -> None:
        self.columns_page.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """Bring every view up to date after a change made anywhere."""
        if changes.articles_added or changes.articles_removed:
            self.library.reload()
        elif changes.articles_changed:
            self.library.model.invalidate(changes.articles_changed)
            self.library.show_article(self.library.table.currentIndex().row())
        if changes.columns_changed or changes.articles:
            self.library.refresh_columns()
            self.columns_page.refresh()
        if changes.publication_changed and self.sender() is not self.publication:
            self.publication.load()
        if self.sender() is not self.composer:
            self.composer.apply_changes(changes)

    def apply_external(self, seen: Seen) -> None:
        """What other editors saved: the lists refresh the rows concerned (selection kept), an
        open editor is told and keeps its text, a form with unsaved edits is not reloaded."""
        if seen.replaced:
            self.reload_everything()
        else:
            changes = seen.as_changes()
            if changes.publication_changed and self.publication.is_dirty():
                changes = dataclasses.replace(changes, publication_changed=False)
            self.apply_changes(changes)
            for article_id in seen.articles_changed | seen.articles_removed:
                editor = self.editors.get(article_id)
                if editor is not None:
                    editor.team.saved_elsewhere(seen.authors)
        who = ", ".join(sorted(a for a in seen.authors if a)) or self.tr("Người khác")
        count = len(seen.articles_added | seen.articles_changed | seen.articles_removed)
        parts = [self.tr("{n} tin bài").format(n=count)] if count else []
        if seen.issues:
            parts.append(self.tr("{n} số bản tin").format(n=len(seen.issues)))
        if seen.columns:
            parts.append(self.tr("chuyên mục"))
        if seen.publication:
            parts.append(self.tr("thông tin xuất bản"))
        if seen.replaced:
            parts = [self.tr("toàn bộ thư viện (khôi phục)")]
        self.statusBar().showMessage(self.tr("{who} vừa lưu: {what}.").format(who=who, what=", ".join(parts)), 8000)

    def reload_everything(self) -> None:
        from bulletin_app.domain.changes import Changes

        self.apply_changes(Changes(articles_added=frozenset({0}), columns_changed=True, publication_changed=True))
        self.composer.reload_issues()

    # ---------------------------------------------------------------- articles
    def new_article(self) -> None:
        self.open_article(None)

    def open_article(self, article_id: int | None) -> None:
        """The article in its own editor window (raised if it is open already); None = a new one."""
        from bulletin_app.gui.editor.article_editor import ArticleEditor

        if article_id is not None and (editor := self.editors.get(article_id)) is not None:
            editor.showNormal()
            editor.raise_()
            editor.activateWindow()
            return
        editor = ArticleEditor(self.services, article_id, parent=None)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self.apply_changes)
        editor.openArticle.connect(self.open_article)
        key = article_id if article_id is not None else -id(editor)
        self.editors[key] = editor
        editor.destroyed.connect(lambda _obj=None, k=key: self.editors.pop(k, None))
        editor.resize(1100, 780)
        editor.show()

    def add_to_issue(self, article_ids: list[int]) -> None:
        """Articles into the issue open in the composer, each into its column's section."""
        from bulletin_app.gui.issue.issue_tree_model import OWN_COLUMN

        issue = self.composer.current_issue()
        if issue is None:
            QMessageBox.information(
                self,
                self.tr("Số bản tin"),
                self.tr("Chưa có số bản tin nào đang mở. Hãy tạo một số trong “Số bản tin”."),
            )
            self.nav.setCurrentRow(ISSUES)
            return
        self.composer.drop_articles(list(article_ids), OWN_COLUMN, -1)
        self.statusBar().showMessage(
            self.tr("Đã đặt {n} tin bài vào số {number}.").format(n=len(article_ids), number=issue.number), 6000
        )

    def show_column(self, name: str) -> None:
        """The library filtered to one column."""
        self.nav.setCurrentRow(LIBRARY)
        combo = self.library.column_filter
        combo.setCurrentIndex(max(0, combo.findData(name)))

    def go_to_field(self, field: str) -> None:
        """Open the record a preflight finding is about, at the field at fault."""
        record, _, name = field.partition(".")
        if record == "publication":
            self.nav.setCurrentRow(PUBLICATION)
            widget = self.publication.fields.get(name)
            if widget is not None:
                widget.setFocus()
        elif record == "issue":
            self.nav.setCurrentRow(ISSUES)
            self.composer.edit_issue(focus=name)

    # ---------------------------------------------------------------- issues
    def preview_issue(self) -> None:
        self.nav.setCurrentRow(ISSUES)
        self.composer.refresh_preview()

    def export_issue(self) -> None:
        issue_id = self.composer.current_issue_id()
        if issue_id is None:
            QMessageBox.information(
                self, self.tr("Xuất số bản tin"), self.tr("Chưa có số bản tin nào. Hãy tạo một số trong “Số bản tin”.")
            )
            self.nav.setCurrentRow(ISSUES)
            return
        from bulletin_app.gui.export.export_dialog import ExportDialog

        dialog = ExportDialog(self.services, issue_id, parent=self, runner=self.jobs)
        dialog.finding_activated.connect(lambda finding: self._export_finding(issue_id, finding))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.export_dialog = dialog

    def _export_finding(self, issue_id: int, finding) -> None:  # type: ignore[no-untyped-def]
        located = self.services.issues.locate_findings(issue_id, [finding])
        item = located[0] if located else None
        if item is not None and item.article_id is not None:
            self.open_article(item.article_id)
        elif item is not None and item.field:
            self.go_to_field(item.field)
        else:
            self.nav.setCurrentRow(ISSUES)

    def save_current(self) -> None:
        if self.pages.currentWidget() is self.publication:
            self.publication.save()

    def show_preferences(self) -> None:
        from bulletin_app.gui.window.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.exec()
        if dialog.restart_needed:
            QMessageBox.information(self, self.tr("Tùy chọn"), self.tr("Thay đổi sẽ có hiệu lực khi mở lại ứng dụng."))

    # ---------------------------------------------------------------- import
    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Nhập tin bài"),
            str(self._settings().value("import/folder", str(Path.home()))),
            self.tr("Tin bài (*.txt *.docx *.doc *.md *.html *.htm);;Mọi tệp (*)"),
        )
        if files:
            self._settings().setValue("import/folder", str(Path(files[0]).parent))
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> Any:
        """Import in the background with a progress dialog that turns into the per-file report."""
        from bulletin_app.gui.library.import_dialog import ImportDialog

        dialog = ImportDialog(self.services, paths, self.jobs, parent=self)
        dialog.finished_import.connect(self._import_done)
        # the files imported before a failure are this desk's own saves: the change watch skips them
        dialog.interrupted.connect(self.reload_everything)
        dialog.article_activated.connect(self.open_article)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.statusBar().showMessage(self.tr("Đang nhập {n} mục…").format(n=len(paths)))
        return dialog

    def _import_done(self, report: ImportReport) -> None:
        self.apply_changes(report.changes)
        self.statusBar().showMessage(self.tr("Đã nhập {n} tin bài.").format(n=len(report.imported)), 8000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.is_ready:
            return
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
        else:
            super().dropEvent(event)

    # ---------------------------------------------------------------- other actions
    def create_sample_data(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Tạo dữ liệu mẫu"),
            self.tr("Thêm các tin bài mẫu, thông tin xuất bản mẫu và một số bản tin mẫu vào thư viện?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.statusBar().showMessage(self.tr("Đang tạo dữ liệu mẫu…"))

        def done(result: tuple[int, Changes]) -> None:
            self.apply_changes(result[1])
            self.composer.show_issue(result[0])
            self.statusBar().showMessage(self.tr("Đã tạo dữ liệu mẫu."), 8000)

        from bulletin_app.services.sample import create_sample

        self.tasks.run(lambda: create_sample(self.services), done, self.show_error)

    def choose_backup(self) -> None:
        archive = self.tr("Bản sao lưu thư viện (*.zip)")
        filters = [archive]
        if self.services.db.is_sqlite:
            filters.append(self.tr("Bản sao tệp thư viện SQLite (*.db)"))
        dest, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Sao lưu thư viện"),
            str(Path.home() / f"thu-vien-ban-tin-{dt.date.today():%Y%m%d}.zip"),
            ";;".join(filters),
        )
        if dest and Path(dest).suffix.lower() not in (".zip", ".db"):
            dest += ".zip" if chosen == archive else ".db"
        if dest:
            self.statusBar().showMessage(self.tr("Đang sao lưu…"))
            self.tasks.run(
                lambda: self.services.library.backup(Path(dest)),
                lambda p: self.statusBar().showMessage(self.tr("Đã sao lưu vào {path}").format(path=p), 8000),
                self.show_error,
            )

    def show_team(self) -> None:
        from bulletin_app.gui.records.team_dialog import TeamDialog

        TeamDialog(self.services, self).exec()

    def choose_restore(self) -> None:
        """Replace the library with a backup archive: nothing open in an editor, asked first, and
        the current content saved as an archive before it is replaced."""
        if self.editors:
            QMessageBox.information(
                self,
                self.tr("Khôi phục thư viện"),
                self.tr("Hãy đóng các cửa sổ soạn tin bài đang mở trước khi khôi phục."),
            )
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Khôi phục từ bản sao lưu"), str(Path.home()), self.tr("Bản sao lưu thư viện (*.zip)")
        )
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Khôi phục thư viện"),
            self.tr(
                "Thay toàn bộ nội dung của thư viện {library} bằng bản sao lưu {archive}?\n\n"
                "Nội dung hiện tại được sao lưu trước vào thư mục sao lưu, không mất gì."
            ).format(library=self.services.db.location.display, archive=Path(path).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.statusBar().showMessage(self.tr("Đang khôi phục…"))

        def done(report: RestoreReport) -> None:
            self.reload_everything()
            message = self.tr("Đã khôi phục {n} tin bài, {m} số bản tin.").format(
                n=report.counts.get("articles", 0), m=report.counts.get("issues", 0)
            )
            if report.replaced_backup:
                message += " " + self.tr("Nội dung cũ: {path}").format(path=report.replaced_backup)
            self.statusBar().showMessage(message, 15000)

        self.tasks.run(lambda: self.services.library.restore(Path(path), force=True), done, self.show_error)

    def open_log_folder(self) -> None:
        folder = log_path().parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Giới thiệu"),
            self.tr(
                "<b>{name}</b> {version}<br>Thư viện tin bài, dàn trang số bản tin, xuất PDF in ấn và DOCX "
                "cho Bản tin đối ngoại Thái Nguyên — Sở Ngoại vụ tỉnh Thái Nguyên.<br>Thư viện: {where}"
            ).format(name=APP_NAME, version=__version__, where=self.services.db.location.display),
        )

    def show_error(self, exc: BaseException) -> None:
        from bulletin_app.gui.widgets.errors import show_error

        show_error(self, exc)
