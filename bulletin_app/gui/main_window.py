"""The main window: navigation, the library table with search, and a preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_app import APP_NAME
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError
from bulletin_app.errorlog import log_unexpected
from bulletin_app.gui.article_preview import article_html
from bulletin_app.gui.article_table_model import ArticleTableModel
from bulletin_app.gui.tasks import TaskRunner
from bulletin_app.services import Services

PAGES = ("Thư viện tin bài", "Số bản tin", "Chuyên mục", "Thông tin xuất bản")


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.tasks = TaskRunner(self)
        self.setWindowTitle(f"{APP_NAME} — Thư viện tin bài")
        self.resize(1200, 760)

        self.model = ArticleTableModel(services.articles.summaries, self)
        self._build_ui()
        self._build_actions()
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self._restore_state()
        self.reload_articles()
        self.refresh_side_pages()

    # ---------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        self.nav = QListWidget()
        self.nav.addItems(list(PAGES))
        self.nav.setMaximumWidth(200)
        self.nav.setSpacing(2)
        self.nav.setCurrentRow(0)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Tìm tin bài — gõ không dấu cũng được (ví dụ: thuy dien, column:ngoai giao)")
        self.search_box.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for col, width in ((0, 56), (2, 180), (3, 110), (4, 90), (5, 64)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_article(cur.row()))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)

        library = QWidget()
        lay = QVBoxLayout(library)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search_box)
        self.library_split = QSplitter(Qt.Orientation.Vertical)
        self.library_split.addWidget(self.table)
        self.library_split.addWidget(self.preview)
        self.library_split.setSizes([430, 300])
        lay.addWidget(self.library_split)

        self.issues_tree = QTreeWidget()
        self.issues_tree.setHeaderLabels(["Số bản tin / chuyên mục / tin bài", "Ngày"])
        self.columns_list = QListWidget()
        self.publication_page = QWidget()
        self.publication_form = QFormLayout(self.publication_page)

        self.pages = QStackedWidget()
        for page in (library, self.issues_tree, self.columns_list, self.publication_page):
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.nav)
        self.main_split.addWidget(self.pages)
        self.main_split.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_split)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        toolbar = self.addToolBar("Công cụ")
        toolbar.setObjectName("main_toolbar")
        self.import_action = QAction(
            "&Nhập tin bài…",
            self,
            shortcut=QKeySequence.StandardKey.Open,
            toolTip="Nhập tệp văn bản vào thư viện (Ctrl+O)",
        )
        self.import_action.triggered.connect(self.choose_import)
        backup = QAction("&Sao lưu thư viện…", self, toolTip="Chép toàn bộ thư viện thành một tệp")
        backup.triggered.connect(self.choose_backup)
        find = QAction("&Tìm", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(
            lambda: (self.nav.setCurrentRow(0), self.search_box.setFocus(), self.search_box.selectAll())
        )
        quit_action = QAction("T&hoát", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.import_action, backup, find):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        toolbar.addAction(self.import_action)
        toolbar.addAction(backup)
        self.addAction(find)

    # ---------------------------------------------------------------- state
    def _settings(self) -> QSettings:
        return QSettings("SoNgoaiVuThaiNguyen", "BanTinDoiNgoai")

    def _restore_state(self) -> None:
        settings = self._settings()
        if geometry := settings.value("window/geometry"):
            self.restoreGeometry(geometry)
        if state := settings.value("window/state"):
            self.restoreState(state)
        for key, split in (("window/main_split", self.main_split), ("window/library_split", self.library_split)):
            if value := settings.value(key):
                split.restoreState(value)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/main_split", self.main_split.saveState())
        settings.setValue("window/library_split", self.library_split.saveState())
        self.tasks.wait()
        super().closeEvent(event)

    # ---------------------------------------------------------------- data
    def reload_articles(self) -> None:
        query = self.search_box.text().strip()
        if query:
            self.run_search()
            return
        self.tasks.run(lambda: self.services.articles.list_ids(order="updated"), self._show_ids, self.show_error)

    def run_search(self) -> None:
        query = self.search_box.text().strip()
        if not query:
            self.reload_articles()
            return
        self.tasks.run(
            lambda: self.services.search.search(query, limit=500, snippets=False),
            lambda result: self._show_ids([h.id for h in result.hits], searched=True),
            self.show_error,
        )

    def _show_ids(self, ids: list[int], searched: bool = False) -> None:
        self.model.set_ids(ids)
        total = len(ids)
        self.count_label.setText(
            f"{total} kết quả" if searched else f"{total} tin bài · {self.services.db.location.display}"
        )
        if total:
            self.table.selectRow(0)
        else:
            self.preview.setHtml(
                "<p>Không tìm thấy tin bài nào.</p>"
                if searched
                else "<h3>Thư viện còn trống</h3><p>Dùng <b>Tệp → Nhập tin bài…</b> (Ctrl+O) "
                "để đưa bài viết vào thư viện.</p>"
            )

    def show_article(self, row: int) -> None:
        article_id = self.model.article_id(row)
        if article_id is None:
            return
        try:
            self.preview.setHtml(article_html(self.services.articles.get(article_id)))
        except BulletinError as exc:
            self.show_error(exc)

    def refresh_side_pages(self) -> None:
        self.issues_tree.clear()
        for summary in self.services.issues.list():
            issue = self.services.issues.get(summary.id)
            top = QTreeWidgetItem(
                [
                    f"Số {issue.number} — {issue.title or issue.period_label}".rstrip(" —"),
                    issue.date.strftime("%d/%m/%Y"),
                ]
            )
            for section in issue.sections:
                sec_item = QTreeWidgetItem([section.name, ""])
                for entry in section.entries:
                    sec_item.addChild(QTreeWidgetItem([entry.title, ""]))
                top.addChild(sec_item)
            self.issues_tree.addTopLevelItem(top)
        self.issues_tree.expandAll()
        self.columns_list.clear()
        for column in self.services.library.columns():
            self.columns_list.addItem(f"{column.name}  ({column.article_count} tin bài)")
        while self.publication_form.rowCount():
            self.publication_form.removeRow(0)
        pub = self.services.publication.get()
        for label, value in (
            ("Tên bản tin", pub.bulletin_name),
            ("Cơ quan xuất bản", pub.publishing_body),
            ("Cơ quan chủ quản", pub.governing_body),
            ("Giấy phép số", pub.licence_number or "(chưa nhập)"),
            ("Kỳ hạn", pub.frequency),
            ("Số lượng in", f"{pub.print_run:,}".replace(",", ".")),
            ("Nơi in", pub.printing_place or "(chưa nhập)"),
            ("Chịu trách nhiệm xuất bản", pub.responsible_person or "(chưa nhập)"),
            ("Khổ", f"{pub.trim_width_mm / 10:g} × {pub.trim_height_mm / 10:g} cm"),
            ("Số trang tối đa", str(pub.page_limit)),
        ):
            self.publication_form.addRow(f"{label}:", QLabel(value))

    def apply_changes(self, changes: Changes) -> None:
        if changes.articles_added or changes.articles_removed:
            self.reload_articles()
        elif changes.articles_changed:
            self.model.invalidate(changes.articles_changed)
        if changes.issues_changed or changes.columns_changed or changes.publication_changed or changes.articles:
            self.refresh_side_pages()

    # ---------------------------------------------------------------- actions
    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Nhập tin bài", str(Path.home()), "Tin bài (*.txt *.docx *.md);;Mọi tệp (*)"
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> None:
        self.statusBar().showMessage(f"Đang nhập {len(paths)} tệp…")
        self.tasks.run(lambda: self.services.imports.import_paths(paths), self._import_done, self.show_error)

    def _import_done(self, report) -> None:  # type: ignore[no-untyped-def]
        self.apply_changes(report.changes)
        message = f"Đã nhập {len(report.imported)} tin bài."
        if report.failed:
            details = "\n".join(f"• {Path(r.path).name}: {r.error}" for r in report.failed)
            QMessageBox.warning(
                self, "Nhập tin bài", f"{message}\nKhông nhập được {len(report.failed)} tệp:\n{details}"
            )
        self.statusBar().showMessage(message, 8000)

    def choose_backup(self) -> None:
        dest, _ = QFileDialog.getSaveFileName(
            self, "Sao lưu thư viện", str(Path.home() / "thu-vien-ban-tin.db"), "Thư viện bản tin (*.db)"
        )
        if dest:
            self.tasks.run(
                lambda: self.services.library.backup(Path(dest)),
                lambda p: self.statusBar().showMessage(f"Đã sao lưu vào {p}", 8000),
                self.show_error,
            )

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, BulletinError):
            QMessageBox.warning(self, APP_NAME, exc.message)
            return
        where = log_unexpected(exc)
        QMessageBox.critical(
            self, APP_NAME, f"Đã xảy ra lỗi không mong đợi: {exc}\n\nChi tiết được ghi vào {where or 'nhật ký'}."
        )
