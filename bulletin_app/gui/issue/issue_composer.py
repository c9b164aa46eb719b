"""The issue composer: an issue's sections and articles, arranged by drag and drop, beside
the real PDF of the issue, laid out again in the background a moment after each change.

The main window connects ``changed`` (a Changes record after each edit made here),
``article_activated(id)`` (open the article editor) and ``field_activated("publication.<name>")``
(open the publication record at that field), and calls ``apply_changes`` with the changes
made elsewhere, ``show_issue`` to open an issue and ``shutdown`` before closing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.changes import Changes
from bulletin_app.domain.findings import ORPHAN_CAPTIONS, Finding
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Issue, IssueSummary
from bulletin_app.gui.background.debounced_job import DebouncedJob
from bulletin_app.gui.background.process_runner import JobRunner
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.issue.issue_dialog import IssueDialog, editorial_of
from bulletin_app.gui.issue.issue_tree_model import OWN_COLUMN, IssueTreeModel
from bulletin_app.gui.issue.preview_pane import PreviewPane
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.gui.widgets.findings_list import FindingsList
from bulletin_app.services import Services
from bulletin_app.services.jobs import PreviewResult
from bulletin_app.text import fold


# ---------------------------------------------------------------- the page
class IssueComposer(QWidget):
    changed = Signal(object)  # Changes, after each edit made here
    article_activated = Signal(int)  # open this article in the editor
    field_activated = Signal(str)  # "publication.<field>": open the publication record there
    preview_ready = Signal(int)  # page count of the preview now shown

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
        preview_runner: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks or TaskRunner(self)  # library reads and writes, one at a time
        self.preview = PreviewPane(services, preview_runner)
        self.preview.laid_out.connect(self._preview_done)
        self._issue_id: int | None = None
        self._issue: Issue | None = None
        self._summaries: list[IssueSummary] = []
        self._columns: list[str] = []
        self._load_generation = 0
        self._collapsed: set[str] = set()
        self._select_after_load: tuple[list[int], str | None] | None = None
        self.model = IssueTreeModel(self)
        self.model.articles_dropped.connect(self.drop_articles)
        self._build_ui()
        self._build_actions()
        self._show_empty()
        self.reload_issues()

    # ---------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        self.issue_combo = QComboBox()
        self.issue_combo.setMinimumContentsLength(25)
        self.issue_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.issue_combo.setToolTip(self.tr("Số bản tin đang soạn"))
        self.issue_combo.setAccessibleName(self.tr("Số bản tin"))
        self.issue_combo.currentIndexChanged.connect(self._issue_chosen)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.page_label = self.preview.page_label

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setAccessibleName(self.tr("Chuyên mục và tin bài của số"))
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.activated.connect(self._tree_activated)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(self.model.section_name(i) or ""))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(self.model.section_name(i) or ""))
        self.tree_hint = QLabel()
        self.tree_hint.setWordWrap(True)
        self.tree_hint.setEnabled(False)

        self.findings_title = QLabel()
        self.findings_list = FindingsList()
        self.findings_list.setToolTip(self.tr("Nhấp vào một dòng để đến tin bài hoặc mục cần sửa"))
        self.findings_list.setAccessibleName(self.tr("Kết quả kiểm tra trước khi in"))
        self.findings_list.finding_activated.connect(self.activate_finding)
        # preflight's one-click fix: captions whose picture never came along are dropped
        self.fix_captions_button = QPushButton()
        self.fix_captions_button.setVisible(False)
        self.fix_captions_button.clicked.connect(self.drop_orphan_captions)

        tree_box = QWidget()
        tree_lay = QVBoxLayout(tree_box)
        tree_lay.setContentsMargins(0, 0, 0, 0)
        tree_lay.addWidget(self.tree, 1)
        tree_lay.addWidget(self.tree_hint)
        findings_box = QWidget()
        findings_lay = QVBoxLayout(findings_box)
        findings_lay.setContentsMargins(0, 4, 0, 0)
        findings_lay.addWidget(self.findings_title)
        findings_lay.addWidget(self.findings_list, 1)
        findings_lay.addWidget(self.fix_captions_button)
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(tree_box)
        self.left_split.addWidget(findings_box)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 2)

        self.preview.setMinimumWidth(360)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.left_split)
        self.split.addWidget(self.preview)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([420, 620])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.split, 1)

    def _action(
        self,
        text: str,
        icon: QStyle.StandardPixmap,
        tip: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        owner: QWidget | None = None,
    ) -> QAction:
        action = QAction(self.style().standardIcon(icon), text, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            (owner or self).addAction(action)
        return action

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        self.new_action = self._action(
            self.tr("Số &mới…"), SP.SP_FileIcon, self.tr("Tạo một số bản tin mới"), self.new_issue
        )
        self.details_action = self._action(
            self.tr("&Thông tin số…"),
            SP.SP_FileDialogDetailedView,
            self.tr("Số, ngày, kỳ, tên số, ảnh bìa, dòng lưu hành, thư ngỏ (Alt+Enter)"),
            self.edit_issue,
            "Alt+Return",
        )
        self.editorial_action = self._action(
            self.tr("Thư &ngỏ"),
            SP.SP_FileDialogContentsView,
            self.tr("Viết thư ngỏ của số (hoặc mở thư ngỏ đã có)"),
            self.write_editorial,
        )
        self.section_menu = QMenu(self)
        self.section_menu.aboutToShow.connect(self._fill_section_menu)
        self.add_section_action = self._action(
            self.tr("Thêm &chuyên mục"),
            SP.SP_FileDialogNewFolder,
            self.tr("Thêm một chuyên mục của thư viện vào số (theo thứ tự của bản tin)"),
            lambda: None,
        )
        self.add_section_action.setMenu(self.section_menu)
        self.remove_action = self._action(
            self.tr("&Bỏ khỏi số"),
            SP.SP_TrashIcon,
            self.tr("Bỏ các tin bài đã chọn khỏi số (tin bài vẫn còn trong thư viện) (Delete)"),
            self.remove_selected,
            QKeySequence.StandardKey.Delete,
            self.tree,
        )
        self.up_action = self._action(
            self.tr("Lên"),
            SP.SP_ArrowUp,
            self.tr("Chuyển tin bài lên trên (Alt+↑)"),
            lambda: self.nudge(-1),
            "Alt+Up",
            self.tree,
        )
        self.down_action = self._action(
            self.tr("Xuống"),
            SP.SP_ArrowDown,
            self.tr("Chuyển tin bài xuống dưới (Alt+↓)"),
            lambda: self.nudge(1),
            "Alt+Down",
            self.tree,
        )
        self.open_action = self._action(
            self.tr("&Mở tin bài"),
            SP.SP_DialogOpenButton,
            self.tr("Mở tin bài trong trình soạn (Enter)"),
            self._open_current,
        )
        self.refresh_action = self._action(
            self.tr("Làm mới bản xem trước"),
            SP.SP_BrowserReload,
            self.tr("Dàn trang lại ngay (F5)"),
            self.refresh_preview,
            "F5",
        )
        self.toolbar.addWidget(self.issue_combo)
        for action in (self.new_action, self.details_action, None, self.add_section_action, self.editorial_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        section_button = self.toolbar.widgetForAction(self.add_section_action)
        if isinstance(section_button, QToolButton):
            section_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addAction(self.remove_action)
        self.toolbar.addAction(self.up_action)
        self.toolbar.addAction(self.down_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.page_label)
        self.toolbar.addAction(self.refresh_action)
        # icon-only where the icon says it (tooltips name them): the page count must stay visible at 1280 px
        for action in (self.remove_action, self.up_action, self.down_action, self.refresh_action):
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setTabOrder(self.issue_combo, self.tree)
        self.setTabOrder(self.tree, self.findings_list)
        self.setTabOrder(self.findings_list, self.preview.thumbnails)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _update_actions(self) -> None:
        has_issue = self._issue is not None
        selected = self.selected_article_ids()
        for action in (self.details_action, self.editorial_action, self.add_section_action, self.refresh_action):
            action.setEnabled(has_issue)
        self.remove_action.setEnabled(bool(selected) or bool(self.selected_sections()))
        self.up_action.setEnabled(len(selected) == 1)
        self.down_action.setEnabled(len(selected) == 1)
        self.open_action.setEnabled(len(selected) == 1)

    # ---------------------------------------------------------------- public API
    def current_issue_id(self) -> int | None:
        return self._issue_id

    def current_issue(self) -> Issue | None:
        return self._issue

    def show_issue(self, issue_id: int) -> None:
        self.reload_issues(select=issue_id)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh for changes made elsewhere (the library, the editor, the publication record)."""
        if changes.issues_changed:
            self.reload_issues()
            return
        issue = self._issue
        if issue is None:
            return
        if changes.publication_changed or changes.columns_changed or changes.articles & set(issue.article_ids):
            self.reload_issue()

    @property
    def preview_job(self) -> DebouncedJob:
        return self.preview.job

    def refresh_preview(self) -> None:
        self.preview.request(now=True)

    def shutdown(self) -> None:
        """Before the window closes: no background layout left running."""
        self.preview.shutdown()

    # ---------------------------------------------------------------- loading
    def reload_issues(self, select: int | None = None) -> None:
        wanted = select if select is not None else self._issue_id
        self.tasks.run(self.services.issues.list, lambda s: self._fill_issues(s, wanted), self._error)

    def _fill_issues(self, summaries: list[IssueSummary], wanted: int | None) -> None:
        self._summaries = summaries
        self.issue_combo.blockSignals(True)
        self.issue_combo.clear()
        for s in summaries:
            parts = [self.tr("Số {n}").format(n=s.number)]
            if s.title:
                parts.append(s.title)
            parts.append(s.date.strftime("%d/%m/%Y"))
            self.issue_combo.addItem(" · ".join(parts), s.id)
        if not summaries:
            self.issue_combo.addItem(self.tr("Chưa có số bản tin nào"), None)
        ids = [s.id for s in summaries]
        row = ids.index(wanted) if wanted in ids else 0
        self.issue_combo.setCurrentIndex(row)
        self.issue_combo.setEnabled(bool(summaries))
        self.issue_combo.blockSignals(False)
        self._set_issue_id(ids[row] if ids else None)

    def _issue_chosen(self, row: int) -> None:
        self._set_issue_id(self.issue_combo.itemData(row))

    def _set_issue_id(self, issue_id: int | None) -> None:
        if issue_id != self._issue_id:
            self._issue_id = issue_id
            self._collapsed.clear()
            if issue_id is not None:
                self.preview.show_issue(issue_id)
        if issue_id is None:
            self._issue = None
            self.model.set_issue(None)
            self._show_empty()
            return
        self.reload_issue()

    def reload_issue(self) -> None:
        issue_id = self._issue_id
        if issue_id is None:
            return
        self._load_generation += 1
        generation = self._load_generation
        services = self.services

        def job() -> tuple[Issue, int, list[str]]:
            limit = services.publication.get().page_limit
            return services.issues.get(issue_id), limit, [c.name for c in services.library.columns()]

        self.tasks.run(job, lambda result: self._issue_loaded(generation, *result), self._error)

    def _issue_loaded(self, generation: int, issue: Issue, page_limit: int, columns: list[str]) -> None:
        if generation != self._load_generation or issue.id != self._issue_id:
            return  # a newer load is on its way
        selected = self._select_after_load or (self.selected_article_ids(), self._current_section())
        self._select_after_load = None
        self._issue = issue
        self._columns = columns
        self.model.set_issue(issue)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.tree.setExpanded(index, self.model.section_name(index) not in self._collapsed)
        self._restore_selection(*selected)
        if issue.sections:
            self.tree_hint.setText(self.tr("Kéo tin bài từ thư viện vào một chuyên mục; kéo trong cây để sắp xếp."))
        else:
            self.tree_hint.setText(
                self.tr(
                    "Số này chưa có tin bài. Kéo tin bài từ thư viện vào đây (mỗi bài vào chuyên mục của nó) "
                    "hoặc dùng “Thêm chuyên mục”."
                )
            )
        self.preview.show_issue(issue.id, page_limit)
        self._update_actions()
        self.preview.request()

    def _show_empty(self) -> None:
        self.preview.show_issue(None, message=self.tr("Chưa có số bản tin nào. Bấm “Số mới…” để tạo số đầu tiên."))
        self.tree_hint.setText(self.tr("Tạo hoặc chọn một số bản tin để soạn."))
        self.findings_list.clear()
        self.findings_title.setText(self.tr("Kiểm tra trước khi in"))
        self._update_actions()

    # ---------------------------------------------------------------- selection helpers
    def selected_article_ids(self) -> list[int]:
        rows = sorted(self.tree.selectionModel().selectedRows(), key=lambda i: (i.internalId(), i.row()))
        return [a for a in (self.model.article_id(i) for i in rows) if a is not None]

    def selected_sections(self) -> list[str]:
        return [
            self.model.section_name(i) or ""
            for i in self.tree.selectionModel().selectedRows()
            if self.model.is_section(i)
        ]

    def _current_section(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.section_name(index) if self.model.is_section(index) else None

    def _restore_selection(self, article_ids: list[int], section: str | None) -> None:
        selection = self.tree.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        indexes = [self.model.index_of_article(a) for a in article_ids]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes and section:
            found = self.model.index_of_section(section)
            indexes = [found] if found.isValid() else []
        for index in indexes:
            selection.select(index, flags)
        if indexes:
            selection.setCurrentIndex(indexes[0], QItemSelectionModel.SelectionFlag.NoUpdate)
            self.tree.scrollTo(indexes[0])

    # ---------------------------------------------------------------- edits
    def _mutate(self, job: Callable[[], Changes], select: list[int] | None = None, section: str | None = None) -> None:
        def done(changes: Changes) -> None:
            if select is not None or section is not None:
                self._select_after_load = (select or [], section)
            self.changed.emit(changes)
            if changes.issues_changed - {self._issue_id}:
                self.reload_issues()
            else:
                self.reload_issue()

        self.tasks.run(job, done, self._mutation_failed)

    def _mutation_failed(self, exc: BaseException) -> None:
        self._error(exc)
        self.reload_issue()  # show the issue as it is saved

    def drop_articles(self, article_ids: list[int], section: str, position: int) -> None:
        """Carry out a drop: articles into ``section`` at ``position`` (moved if already in the issue)."""
        issue_id = self._issue_id
        if issue_id is None:
            return
        issues = self.services.issues
        if section == OWN_COLUMN:
            self._mutate(lambda: issues.add_articles(issue_id, article_ids, None)[1], select=article_ids)
        else:
            seen = self._issue.version if self._issue else None  # the positions are those of this view
            self._mutate(
                lambda: issues.place_articles(issue_id, article_ids, section, position, seen)[1], select=article_ids
            )

    def add_section(self, name: str) -> None:
        issue_id = self._issue_id
        if issue_id is not None:
            self._mutate(lambda: self.services.issues.add_section(issue_id, name)[1], section=name)

    def remove_selected(self) -> None:
        issue_id, issue = self._issue_id, self._issue
        if issue_id is None or issue is None:
            return
        ids = self.selected_article_ids()
        if ids:
            self._mutate(lambda: self.services.issues.remove_articles(issue_id, ids, issue.version))
            return
        names = self.selected_sections()
        if not names:
            return
        held = sum(len(s.entries) for s in issue.sections if s.name in names)
        if held:
            answer = QMessageBox.question(
                self,
                self.tr("Bỏ chuyên mục"),
                self.tr("Bỏ {sections} cùng {n} tin bài khỏi số này? Các tin bài vẫn còn trong thư viện.").format(
                    sections=", ".join(f"“{n}”" for n in names), n=held
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def job() -> Changes:
            changes = Changes()
            seen: int | None = issue.version  # the first removal checks the version shown; each bumps it
            for name in names:
                changes |= self.services.issues.remove_section(issue_id, name, seen)
                seen = None
            return changes

        self._mutate(job)

    def nudge(self, step: int) -> None:
        """Move the one selected article up or down, across section boundaries."""
        issue = self._issue
        ids = self.selected_article_ids()
        if issue is None or len(ids) != 1:
            return
        index = self.model.index_of_article(ids[0])
        s_row, e_row = index.internalId() - 1, index.row()
        sections = issue.sections
        count = len(sections[s_row].entries)
        if step < 0 and e_row > 0:
            target, position = sections[s_row].name, e_row - 1
        elif step > 0 and e_row < count - 1:
            target, position = sections[s_row].name, e_row + 2  # counted before the move
        elif step < 0 and s_row > 0:
            target, position = sections[s_row - 1].name, len(sections[s_row - 1].entries)
        elif step > 0 and s_row < len(sections) - 1:
            target, position = sections[s_row + 1].name, 0
        else:
            return
        self.drop_articles(ids, target, position)

    def move_to_section(self, article_ids: list[int], name: str) -> None:
        issue = self._issue
        if issue is None:
            return
        end = next((len(s.entries) for s in issue.sections if s.name == name), 0)
        self.drop_articles(article_ids, name, end)

    def write_editorial(self) -> None:
        """Open the issue's editorial letter, writing a new one in "Thư ngỏ" when it has none."""
        issue_id, issue = self._issue_id, self._issue
        if issue_id is None or issue is None:
            return
        existing = editorial_of(issue)
        if existing is not None:
            self.article_activated.emit(existing[0])
            return

        def done(result: tuple[int, Changes]) -> None:
            article_id, changes = result
            self._select_after_load = ([article_id], None)
            self.changed.emit(changes)
            self.reload_issue()
            self.article_activated.emit(article_id)

        self.tasks.run(lambda: self.services.issues.add_editorial(issue_id), done, self._mutation_failed)

    # ---------------------------------------------------------------- dialogs
    def _suggested_number(self) -> int:
        year = time.localtime().tm_year
        numbers = [s.number for s in self._summaries if s.date.year == year]
        return max(numbers, default=0) + 1

    def new_issue(self) -> None:
        self._run_dialog(IssueDialog(self.services, self.tasks, None, None, self._suggested_number(), self))

    def edit_issue(self, focus: str | None = None) -> None:
        if self._issue is not None:
            self._run_dialog(IssueDialog(self.services, self.tasks, self._issue, focus, parent=self))

    def _run_dialog(self, dialog: IssueDialog) -> None:
        if dialog.exec() == IssueDialog.DialogCode.Accepted and dialog.issue_id is not None:
            if not dialog.changes.is_empty():
                self.changed.emit(dialog.changes)
            self.reload_issues(select=dialog.issue_id)
            if dialog.editorial_id is not None:
                self._select_after_load = ([dialog.editorial_id], None)
                self.article_activated.emit(dialog.editorial_id)
        dialog.deleteLater()

    # ---------------------------------------------------------------- tree interaction
    def _tree_activated(self, index: QModelIndex) -> None:
        article_id = self.model.article_id(index)
        if article_id is not None:
            self.article_activated.emit(article_id)

    def _open_current(self) -> None:
        ids = self.selected_article_ids()
        if ids:
            self.article_activated.emit(ids[0])

    def _fill_section_menu(self) -> None:
        self.section_menu.clear()
        present = {fold(s.name) for s in self._issue.sections} if self._issue else set()
        names = [EDITORIAL_SECTION_NAME, *self._columns]
        for name in names:
            action = self.section_menu.addAction(name)
            action.setEnabled(fold(name) not in present)
            action.triggered.connect(lambda _c=False, n=name: self.add_section(n))
        if not self._columns:
            self.section_menu.addAction(self.tr("(Thư viện chưa có chuyên mục)")).setEnabled(False)

    def _tree_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        menu = QMenu(self)
        article_id = self.model.article_id(index)
        if article_id is not None:
            if article_id not in self.selected_article_ids():
                self.tree.setCurrentIndex(index)
            menu.addAction(self.open_action)
            move = menu.addMenu(self.tr("Chuyển sang chuyên mục"))
            here = self.model.section_name(index)
            ids = self.selected_article_ids()
            for section in self._issue.sections if self._issue else ():
                action = move.addAction(section.name)
                action.setEnabled(section.name != here)
                action.triggered.connect(lambda _c=False, n=section.name: self.move_to_section(ids, n))
            menu.addAction(self.up_action)
            menu.addAction(self.down_action)
            menu.addSeparator()
            menu.addAction(self.remove_action)
        elif self.model.is_section(index):
            if self.model.section_name(index) not in self.selected_sections():
                self.tree.setCurrentIndex(index)
            remove = menu.addAction(
                self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Bỏ chuyên mục khỏi số")
            )
            remove.triggered.connect(self.remove_selected)
            menu.addSeparator()
            menu.addAction(self.add_section_action)
        else:
            menu.addAction(self.add_section_action)
            menu.addAction(self.editorial_action)
        self._update_actions()
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # ---------------------------------------------------------------- preview
    def _preview_done(self, result: PreviewResult) -> None:
        self._show_findings(result.findings)
        self.preview_ready.emit(result.pages)

    # ---------------------------------------------------------------- preflight
    def _show_findings(self, findings: list[Finding]) -> None:
        errors, warnings = self.findings_list.show_findings(findings)
        orphans = [f for f in findings if f.kind == ORPHAN_CAPTIONS and f.article_id is not None]
        self._orphan_articles = [f.article_id for f in orphans if f.article_id is not None]
        count = sum(f.count for f in orphans)
        self.fix_captions_button.setText(self.tr("Bỏ {n} chú thích không có ảnh").format(n=count))
        tip = self.tr("Các chú thích này còn lại từ trang web đã chép nhưng ảnh không đi kèm; in ra sẽ là những dòng chữ nghiêng lơ lửng. Muốn giữ, hãy gắn ảnh trong trình soạn tin bài.")  # noqa: E501 # fmt: skip
        self.fix_captions_button.setToolTip(tip)
        self.fix_captions_button.setVisible(bool(orphans))
        if not findings:
            self.findings_title.setText(self.tr("Kiểm tra trước khi in: không có vấn đề nào"))
        else:
            self.findings_title.setText(
                self.tr("Kiểm tra trước khi in: {e} lỗi, {w} cảnh báo").format(e=errors, w=warnings)
            )

    def drop_orphan_captions(self) -> None:
        """The one-click fix: every article of the issue loses its captions without a picture
        (each a versioned save, undoable from its history)."""
        ids = list(getattr(self, "_orphan_articles", []))
        if ids:
            self.fix_captions_button.setEnabled(False)

            def job() -> Changes:
                return self.services.articles.drop_orphan_captions(ids)[1]

            self._mutate(job)
            self.fix_captions_button.setEnabled(True)

    def activate_finding(self, finding: Finding) -> None:
        """Go to what a finding is about: an article, a section, or a record field."""
        if finding.article_id is not None:
            self._restore_selection([finding.article_id], None)
            self.article_activated.emit(finding.article_id)
        elif finding.section is not None:
            self._restore_selection([], finding.section)
            self.tree.setFocus()
        elif finding.field is not None:
            if finding.field.startswith("issue."):
                self.edit_issue(focus=finding.field)
            else:
                self.field_activated.emit(finding.field)

    # ---------------------------------------------------------------- errors
    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)
