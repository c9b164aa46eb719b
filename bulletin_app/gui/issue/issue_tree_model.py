"""An issue as a tree: sections (in bulletin order) → their articles, with drag and drop.

The model never writes to the library itself: a drop is turned into one request,
``articles_dropped(ids, section, position)``, that the composer carries out with the
issue service off the GUI thread and then shows the issue as saved.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from bulletin_app.domain.issue import Issue, Section
from bulletin_app.gui.widgets.mime import ARTICLE_IDS_MIME, decode_article_ids, encode_article_ids

# Entries dragged inside the composer: {"issue": id, "articles": [ids]}.
ISSUE_ENTRIES_MIME = "application/x-bulletin-issue-entries"
# ``section`` of a drop on no section: each article goes to its own column's section.
OWN_COLUMN = ""

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SectionNameRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_SECTION = 0  # internalId of a section; an entry's is its section's row + 1


class IssueTreeModel(QAbstractItemModel):
    articles_dropped = Signal(list, str, int)  # article ids, section name (OWN_COLUMN), position

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issue: Issue | None = None
        self._sections: tuple[Section, ...] = ()

    # ---------------------------------------------------------------- content
    def set_issue(self, issue: Issue | None) -> None:
        self.beginResetModel()
        self._issue = issue
        self._sections = issue.sections if issue else ()
        self.endResetModel()

    def issue(self) -> Issue | None:
        return self._issue

    def is_section(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == _SECTION

    def article_id(self, index: Index) -> int | None:
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        return self._sections[index.internalId() - 1].entries[index.row()].article_id

    def section_name(self, index: Index) -> str | None:
        """The section an index is (or is in)."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _SECTION else index.internalId() - 1
        return self._sections[row].name

    def index_of_article(self, article_id: int) -> QModelIndex:
        for s_row, section in enumerate(self._sections):
            for e_row, entry in enumerate(section.entries):
                if entry.article_id == article_id:
                    return self.createIndex(e_row, 0, s_row + 1)
        return QModelIndex()

    def index_of_section(self, name: str) -> QModelIndex:
        for s_row, section in enumerate(self._sections):
            if section.name == name:
                return self.createIndex(s_row, 0, _SECTION)
        return QModelIndex()

    # ---------------------------------------------------------------- structure
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        if parent.internalId() == _SECTION:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _SECTION:
            return len(self._sections[parent.row()].entries)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _SECTION:
            section = self._sections[index.row()]
            count = len(section.entries)
            if role == Qt.ItemDataRole.DisplayRole:
                return section.name
            if role == Qt.ItemDataRole.ToolTipRole:
                if not count:
                    return QCoreApplication.translate(
                        "IssueTreeModel", "Chuyên mục “{name}” chưa có tin bài — kéo tin bài từ thư viện vào đây"
                    ).format(name=section.name)
                return QCoreApplication.translate("IssueTreeModel", "Chuyên mục “{name}”: {n} tin bài").format(
                    name=section.name, n=count
                )
            if role == Qt.ItemDataRole.FontRole:
                font = QFont(QApplication.font())
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            if role == SectionNameRole:
                return section.name
            return None
        section = self._sections[index.internalId() - 1]
        entry = section.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "IssueTreeModel", "{title}\n(mã {id}; nhấp đúp để mở, kéo để sắp xếp)"
            ).format(title=entry.title, id=entry.article_id)
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        if role == ArticleIdRole:
            return entry.article_id
        if role == SectionNameRole:
            return section.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the empty area: a drop there goes to each article's own column
            return Qt.ItemFlag.ItemIsDropEnabled if self._issue else Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _SECTION:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren

    # ---------------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ISSUE_ENTRIES_MIME, ARTICLE_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        ids = [a for a in (self.article_id(i) for i in self._in_tree_order(indexes)) if a is not None]
        if not ids or self._issue is None:
            return None
        data = encode_article_ids(ids)  # other views (the editor, the library) understand this one
        payload = json.dumps({"issue": self._issue.id, "articles": ids})
        data.setData(ISSUE_ENTRIES_MIME, payload.encode("utf-8"))
        return data

    def _in_tree_order(self, indexes: list[QModelIndex]) -> list[QModelIndex]:
        unique = {(i.internalId(), i.row()): i for i in indexes if i.isValid() and i.column() == 0}
        return [unique[k] for k in sorted(unique)]

    def _moved_ids(self, data: QMimeData) -> list[int] | None:
        """Ids of entries dragged inside this issue; None when the payload is not that."""
        if self._issue is None or not data.hasFormat(ISSUE_ENTRIES_MIME):
            return None
        try:
            value = json.loads(bytes(data.data(ISSUE_ENTRIES_MIME).data()).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(value, dict) or value.get("issue") != self._issue.id:
            return None
        ids = value.get("articles")
        if not isinstance(ids, list):
            return None
        return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]

    def drop_target(self, row: int, parent: Index) -> tuple[str, int]:
        """(section, position) of a drop; OWN_COLUMN when it lands on no section."""
        if not parent.isValid():
            return OWN_COLUMN, -1
        if parent.internalId() == _SECTION:
            section = self._sections[parent.row()]
            return section.name, row if 0 <= row <= len(section.entries) else len(section.entries)
        section = self._sections[parent.internalId() - 1]  # onto an article: just before it
        return section.name, parent.row()

    def _request(self, data: QMimeData, row: int, parent: Index) -> tuple[list[int], str, int] | None:
        if self._issue is None or data is None:
            return None
        moved = self._moved_ids(data)
        ids = moved if moved is not None else decode_article_ids(data)
        if not ids:
            return None
        section, position = self.drop_target(row, parent)
        if section == OWN_COLUMN and moved is not None:
            return None  # an entry dropped on no section stays where it is
        return ids, section, position

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action not in (Qt.DropAction.CopyAction, Qt.DropAction.MoveAction):
            return False
        return self._request(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        request = self._request(data, row, parent)
        assert request is not None
        self.articles_dropped.emit(*request)
        # The view then asks to remove the dragged rows (a move): removeRows is not
        # implemented, so nothing is removed here; the saved issue replaces the tree.
        return True
