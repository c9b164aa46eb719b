"""The library page: search as you type, filters, the article table, a preview, bulk edits, trash.

All reads and writes run on the window's TaskRunner; the table only holds ids and
fetches rows as they scroll into view. Search results are ordered by relevance until a
column header is clicked; the preview highlights what was searched for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import ArticleStatus, ArticleSummary, Language, TranslationState
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError
from bulletin_app.domain.query import parse_query
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.library.article_preview import article_html
from bulletin_app.gui.library.article_table_model import (
    COLUMN,
    FINDINGS,
    FIRST_BLOCK,
    ID,
    LANGUAGE,
    PUBLISHED,
    SOURCE,
    STATUS,
    TITLE,
    TRANSLATION,
    WORDS,
    ArticleTableModel,
)
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.gui.widgets.labels import language_label, status_label, translation_label
from bulletin_app.services import Services

SEARCH_DELAY_MS = 100  # after the last key; the search is ~25 ms at 100k, its rows read off the window's thread
PREVIEW_DELAY_MS = 150  # a search's first hit previewed once the results stop changing
# ids, whether they are search hits, the first rows' summaries
_Rows = tuple[list[int], bool, Sequence[ArticleSummary]]
FIRST_PAGE = 200  # rows (or search hits) shown first; the rest follow (search: up to MAX_RESULTS)
MAX_RESULTS = 2000
_NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as “—” (no limit)


class LibraryPage(QWidget):
    changed = Signal(object)  # Changes made here (bulk edits, trash, rename)
    open_requested = Signal(int)  # article id to open in the editor
    import_requested = Signal()
    sample_requested = Signal()
    counted = Signal(int, bool)  # rows shown, whether they are search results
    add_to_issue_requested = Signal(list)  # article ids for the issue open in the composer
    side_by_side_requested = Signal(int)  # an article and its translation, side by side
    translation_export_requested = Signal(list)  # article ids for a translator's package

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.model = ArticleTableModel(services.articles.summaries, self, rename=self._rename)
        self.model.sortRequested.connect(self._sort)
        self._order: tuple[str, bool] | None = None  # None = the default (newest first / relevance)
        self._generation = 0  # only the latest list request may fill the table
        self._searched = False
        self._highlight: list[str] = []
        self.column_names: list[str] = []  # the library's columns, for the filter and the context menu
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr('Tìm tin bài — gõ không dấu cũng được (ví dụ: thuy dien, "hợp tác", koica -nhật)')
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(
            self.tr(
                'Từ khóa cách nhau bằng dấu cách; "cụm từ" trong ngoặc kép; tiền tố*; -loại trừ;\n'
                'bộ lọc: column:"Ngoại giao kinh tế" status:approved tag:… lang:en from:2025-01-01 to:2025-12-31'
            )
        )
        self.view_combo = QComboBox()
        self.view_combo.addItem(self.tr("Thư viện"), "library")
        self.view_combo.addItem(self.tr("Thùng rác"), "trash")
        self.view_combo.setToolTip(self.tr("Tin bài đã xóa nằm trong thùng rác cho đến khi dọn"))
        self.column_filter = QComboBox()
        self.column_filter.setToolTip(self.tr("Lọc theo chuyên mục"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Mọi trạng thái"), "")
        for status in ArticleStatus:
            self.status_filter.addItem(status_label(status), status.value)
        self.language_filter = QComboBox()
        self.language_filter.addItem(self.tr("Mọi ngôn ngữ"), "")
        for language in Language:
            self.language_filter.addItem(language_label(language), language.value)
        self.translation_filter = QComboBox()
        self.translation_filter.setToolTip(self.tr("Tin tiếng Việt theo tình trạng bản dịch tiếng Anh"))
        self.translation_filter.addItem(self.tr("Mọi tình trạng dịch"), None)
        for state in TranslationState:
            self.translation_filter.addItem(translation_label(state), state)
        self.date_from = self._date_edit(self.tr("Đăng từ ngày"))
        self.date_to = self._date_edit(self.tr("Đăng đến ngày"))
        for combo in (
            self.view_combo,
            self.column_filter,
            self.status_filter,
            self.language_filter,
            self.translation_filter,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._search_timer.start())
        self.empty_trash_button = QPushButton(self.tr("Dọn thùng rác…"))
        self.empty_trash_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.empty_trash_button.clicked.connect(self.empty_trash)
        self.empty_trash_button.hide()

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.view_combo)
        filters.addWidget(self.column_filter, 2)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.language_filter, 1)
        filters.addWidget(self.translation_filter, 1)
        filters.addWidget(QLabel(self.tr("Từ")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("đến")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.empty_trash_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # header clicks re-query the library in SQL
        self.table.verticalHeader().setVisible(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._header_clicked)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        for col, width in (
            (ID, 48),
            (COLUMN, 150),
            (PUBLISHED, 90),
            (STATUS, 100),
            (SOURCE, 110),
            (WORDS, 60),
            (LANGUAGE, 84),
            (FINDINGS, 68),
            (TRANSLATION, 84),
        ):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_changed(cur.row()))
        # The list reloaded by a search as the editor types: its first row's preview waits for the
        # results to settle (each one rendered an article on the window's thread).
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(lambda: self.show_article(self.table.currentIndex().row()))
        self._searching = False

        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)

        self.welcome = self._build_welcome()
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.welcome)

        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.table_stack)
        self.split.addWidget(self.preview)
        self.split.setSizes([430, 300])
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.split, 1)

        self._build_actions()

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(_NO_DATE)
        edit.setToolTip(tip + self.tr(" (— là không giới hạn)"))
        return edit

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(self.tr("<h2>Chào mừng đến với Bản tin đối ngoại</h2>"))
        text = QLabel(
            self.tr(
                "Thư viện tin bài còn trống. Hãy nhập các bài viết bạn đã thu thập (tệp .txt, .docx, .md, "
                "trang web đã lưu…) — hoặc kéo thả tệp, thư mục vào cửa sổ này.<br>"
                "Muốn xem thử trước? Tạo dữ liệu mẫu: vài tin bài và một số bản tin hoàn chỉnh."
            )
        )
        text.setWordWrap(True)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.welcome_import = QPushButton(self.tr("Nhập tin bài…"))
        self.welcome_import.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.welcome_import.clicked.connect(self.import_requested)
        self.welcome_sample = QPushButton(self.tr("Tạo dữ liệu mẫu"))
        self.welcome_sample.clicked.connect(self.sample_requested)
        buttons.addWidget(self.welcome_import)
        buttons.addWidget(self.welcome_sample)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def _build_actions(self) -> None:
        self.open_action = QAction(self.tr("&Mở tin bài"), self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.rename_action = QAction(self.tr("Đổi &tên"), self, shortcut=QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.rename_action.triggered.connect(self.rename_current)
        self.delete_action = QAction(self.tr("&Xóa (vào thùng rác)"), self, shortcut=QKeySequence.StandardKey.Delete)
        self.delete_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.restore_action = QAction(self.tr("&Khôi phục"), self)
        self.restore_action.triggered.connect(self.restore_selected)
        self.add_to_issue_action = QAction(self.tr("Thêm vào số bản tin đang &mở"), self)
        self.add_to_issue_action.setToolTip(
            self.tr("Đặt các tin bài đã chọn vào số bản tin đang mở, mỗi bài vào chuyên mục của nó")
        )
        self.add_to_issue_action.triggered.connect(
            lambda: self.selected_ids() and self.add_to_issue_requested.emit(self.selected_ids())
        )
        self.side_by_side_action = QAction(self.tr("Xem &song song với bản dịch"), self)
        self.side_by_side_action.triggered.connect(
            lambda: self.selected_ids() and self.side_by_side_requested.emit(self.selected_ids()[0])
        )
        self.translation_export_action = QAction(self.tr("Xuất &gói dịch…"), self)
        self.translation_export_action.setToolTip(self.tr("Các tin tiếng Việt đã chọn, thành gói cho người dịch"))
        self.translation_export_action.triggered.connect(
            lambda: self.selected_ids() and self.translation_export_requested.emit(self.selected_ids())
        )
        self.tag_action = QAction(self.tr("Gắn &thẻ…"), self)
        self.tag_action.triggered.connect(self.tag_selected)
        for action in (self.open_action, self.rename_action, self.delete_action):
            self.table.addAction(action)

    # ---------------------------------------------------------------- state
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("library/split", self.split.saveState())
        settings.setValue("library/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        if value := settings.value("library/split"):
            self.split.restoreState(value)
        if value := settings.value("library/header"):
            self.table.horizontalHeader().restoreState(value)

    @property
    def in_trash(self) -> bool:
        return self.view_combo.currentData() == "trash"

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for r in rows if (i := self.model.article_id(r)) is not None]

    def refresh_columns(self) -> None:
        """Re-read the columns (names for the filter and the context menu) in the background."""
        self.tasks.run(lambda: [c.name for c in self.services.library.columns()], self._fill_columns, self._error)

    def _fill_columns(self, names: list[str]) -> None:
        self.column_names = names
        current = self.column_filter.currentData()
        self.column_filter.blockSignals(True)
        self.column_filter.clear()
        self.column_filter.addItem(self.tr("Mọi chuyên mục"), "")
        for name in names:
            self.column_filter.addItem(name, name)
        self.column_filter.setCurrentIndex(max(0, self.column_filter.findData(current)))
        self.column_filter.blockSignals(False)

    # ---------------------------------------------------------------- loading
    def _filters(self) -> dict[str, object]:
        since = self.date_from.date()
        until = self.date_to.date()
        return {
            "column": self.column_filter.currentData() or None,
            "status": self.status_filter.currentData() or None,
            "language": self.language_filter.currentData() or None,
            "translation": self.translation_filter.currentData(),
            "since": None if since == _NO_DATE else since.toPython(),
            "until": None if until == _NO_DATE else until.toPython(),
        }

    def _filtered_query(self, text: str) -> str:
        """The search box's query with the filter widgets added as query-language filters."""
        f = self._filters()
        parts = [text]
        if f["column"]:
            parts.append(f'column:"{f["column"]}"')
        if f["status"]:
            parts.append(f"status:{f['status']}")
        if f["language"]:
            parts.append(f"lang:{f['language']}")
        if isinstance(f["translation"], TranslationState):
            parts.append(f"translated:{f['translation'].value}")
        for key, value in (("from", f["since"]), ("to", f["until"])):
            if isinstance(value, dt.date):
                parts.append(f"{key}:{value.isoformat()}")
        return " ".join(parts)

    def reload(self) -> None:
        """Re-read the list for the current search, filters, view and order (in the background)."""
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.search_box.text().strip()
        trash = self.in_trash
        self.empty_trash_button.setVisible(trash)
        self.delete_action.setText(self.tr("&Xóa vĩnh viễn…") if trash else self.tr("&Xóa (vào thùng rác)"))
        order = self._order
        articles = self.services.articles
        first: Callable[[], tuple[list[int], bool]]
        rest: Callable[[], tuple[list[int], bool]] | None = None  # the rest of a long list, after its first page
        if trash:

            def first() -> tuple[list[int], bool]:
                return articles.trashed_ids(), False

        elif text:
            query = self._filtered_query(text)

            def first() -> tuple[list[int], bool]:
                return self._search_ids(query, FIRST_PAGE, order), True

            def rest() -> tuple[list[int], bool]:
                return self._search_ids(query, MAX_RESULTS, order), True

        else:
            filters: dict[str, Any] = self._filters()
            key, descending = order or ("updated", False)

            def first() -> tuple[list[int], bool]:
                return articles.list_ids(order=key, descending=descending, limit=FIRST_PAGE, **filters), False

            def rest() -> tuple[list[int], bool]:
                return articles.list_ids(order=key, descending=descending, **filters), False

        self._highlight = [t.text for t in parse_query(text).terms] if text and not trash else []

        def unless_superseded(
            fn: Callable[[], tuple[list[int], bool]], prefetch: bool = True
        ) -> Callable[[], _Rows | None]:
            # A request that a newer one replaced before it started is not run (its answer
            # would be thrown away): typing queues one per pause.
            def run() -> _Rows | None:
                if generation != self._generation:
                    return None
                ids, searched = fn()
                # the first rows' summaries read here too, not by the table on the window's thread
                return ids, searched, articles.summaries(ids[:FIRST_BLOCK]) if prefetch else []

            return run

        def shown(result: _Rows | None) -> None:
            if result is not None:
                self._show(generation, *result)

        def done(result: _Rows | None) -> None:
            shown(result)
            if result and rest is not None and len(result[0]) == FIRST_PAGE and generation == self._generation:
                # The first page shows at once (20 ms at 100k); the rest of the list follows it.
                self.tasks.run(unless_superseded(rest, prefetch=False), shown, self._error)

        self.tasks.run(unless_superseded(first), done, self._error)

    def _search_ids(self, query: str, limit: int, order: tuple[str, bool] | None) -> list[int]:
        ids = self.services.search.ids(query, limit=limit)
        return self.services.articles.sort_ids(ids, *order) if order else ids

    def _show(self, generation: int, ids: list[int], searched: bool, first: Sequence[ArticleSummary] = ()) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        current = self.model.ids()
        if current and len(ids) > len(current) and ids[: len(current)] == current:
            self.model.append_ids(ids[len(current) :])  # the rest of the list: keep the scroll and selection
            self.counted.emit(len(ids), searched)
            return
        keep = self.model.article_id(self.table.currentIndex().row())
        self.model.set_ids(ids, first)
        self._searched = searched
        filtered = any(self._filters().values())
        welcome = not ids and not searched and not filtered and not self.in_trash
        self.table_stack.setCurrentWidget(self.welcome if welcome else self.table)
        self.preview.setVisible(not welcome)
        if ids:
            row = self.model.row_of(keep) if keep is not None else None
            self._searching = searched
            try:
                self.table.selectRow(row if row is not None else 0)
            finally:
                self._searching = False
        else:
            self.preview.setHtml(self._empty_message(searched, filtered))
        self.counted.emit(len(ids), searched)

    def _empty_message(self, searched: bool, filtered: bool) -> str:
        if self.in_trash:
            return self.tr("<p>Thùng rác trống.</p>")
        if searched or filtered:
            return self.tr("<p>Không tìm thấy tin bài nào.</p>")
        return ""

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _row_changed(self, row: int) -> None:
        if self._searching:
            self._preview_timer.start()
        else:
            self._preview_timer.stop()
            self.show_article(row)

    def show_article(self, row: int) -> None:
        article_id = self.model.article_id(row)
        if article_id is None:
            return
        try:
            self.preview.setHtml(article_html(self.services.articles.get(article_id), self._highlight))
        except BulletinError as exc:
            self.preview.setHtml(f"<p>{exc.message}</p>")

    # ---------------------------------------------------------------- sorting
    def _header_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if not header.isSortIndicatorShown() or header.sortIndicatorSection() != column:
            order = Qt.SortOrder.AscendingOrder
        else:
            flip = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if flip else Qt.SortOrder.AscendingOrder
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        self.model.sort(column, order)

    def _sort(self, key: str, descending: bool) -> None:
        self._order = (key, descending)
        self.reload()

    # ---------------------------------------------------------------- editing
    def _open_row(self, row: int) -> None:
        article_id = self.model.article_id(row)
        if article_id is not None and not self.in_trash:
            self.open_requested.emit(article_id)

    def rename_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and not self.in_trash:
            self.table.edit(self.model.index(index.row(), TITLE))

    def _rename(self, article_id: int, version: int, title: str) -> bool:
        # One short UPDATE: done right away so the edited cell shows the saved title. Checked
        # against the version the row showed: a title another editor changed meanwhile is not
        # overwritten unseen (the row is reloaded to show theirs).
        try:
            _article, changes = self.services.articles.update(article_id, version, title=title)
        except BulletinError as exc:
            QMessageBox.warning(self, self.tr("Đổi tên"), exc.message)
            self.model.invalidate({article_id})
            return False
        self.changed.emit(changes)
        return True

    def _run_change(self, fn: Callable[[], Changes], done_message: str) -> None:
        def done(changes: Changes) -> None:
            self.changed.emit(changes)
            self.window().statusBar().showMessage(done_message, 6000)  # type: ignore[attr-defined]

        self.tasks.run(fn, done, self._error)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if self.in_trash:
            answer = QMessageBox.question(
                self,
                self.tr("Xóa vĩnh viễn"),
                self.tr("Xóa vĩnh viễn {n} tin bài? Không thể hoàn tác.").format(n=len(ids)),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._run_change(
                    lambda: self.services.articles.empty_trash(ids),
                    self.tr("Đã xóa vĩnh viễn {n} tin bài.").format(n=len(ids)),
                )
            return
        self._run_change(
            lambda: self.services.articles.trash(ids),
            self.tr("Đã chuyển {n} tin bài vào thùng rác.").format(n=len(ids)),
        )

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._run_change(
                lambda: self.services.articles.restore_from_trash(ids),
                self.tr("Đã khôi phục {n} tin bài.").format(n=len(ids)),
            )

    def empty_trash(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Dọn thùng rác"), self.tr("Xóa vĩnh viễn mọi tin bài trong thùng rác? Không thể hoàn tác.")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run_change(self.services.articles.empty_trash, self.tr("Đã dọn thùng rác."))

    def set_column(self, name: str) -> None:
        ids = self.selected_ids()
        if ids:
            self._run_change(
                lambda: self.services.articles.bulk_update(ids, column=name),
                self.tr("Đã chuyển {n} tin bài sang chuyên mục “{name}”.").format(n=len(ids), name=name),
            )

    def set_status(self, status: ArticleStatus) -> None:
        ids = self.selected_ids()
        if ids:
            self._run_change(
                lambda: self.services.articles.bulk_update(ids, status=status.value),
                self.tr("Đã đổi trạng thái {n} tin bài.").format(n=len(ids)),
            )

    def tag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Gắn thẻ"), self.tr("Thẻ cho {n} tin bài (cách nhau bằng dấu phẩy):").format(n=len(ids))
        )
        tags = [t.strip() for t in text.split(",") if t.strip()] if ok else []
        if tags:
            self._run_change(
                lambda: self.services.articles.bulk_update(ids, add_tags=tags),
                self.tr("Đã gắn thẻ cho {n} tin bài.").format(n=len(ids)),
            )

    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if not self.selected_ids():
            return
        menu = QMenu(self)
        if self.in_trash:
            menu.addAction(self.restore_action)
            menu.addAction(self.delete_action)
        else:
            menu.addAction(self.open_action)
            menu.addAction(self.rename_action)
            columns = menu.addMenu(self.tr("Chuyển sang &chuyên mục"))
            for name in self.column_names:
                columns.addAction(name, lambda n=name: self.set_column(n))
            statuses = menu.addMenu(self.tr("Đổi t&rạng thái"))
            for status in ArticleStatus:
                statuses.addAction(status_label(status), lambda s=status: self.set_status(s))
            menu.addAction(self.tag_action)
            menu.addAction(self.add_to_issue_action)
            menu.addSeparator()
            menu.addAction(self.side_by_side_action)
            menu.addAction(self.translation_export_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
