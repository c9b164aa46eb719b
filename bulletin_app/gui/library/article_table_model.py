"""The library table: an ordered id list and a lazy cache of rows fetched in blocks.

Sorting and filtering happen in SQL (the id list); a row is only read when the
view shows it, so a library of 100k articles opens as fast as one of ten. Rows drag
out as article ids (to an issue's sections); the title is renamed in place (F2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from bulletin_app.domain.article import ArticleSummary
from bulletin_app.gui.widgets.labels import language_label, status_label, translation_label
from bulletin_app.gui.widgets.mime import ARTICLE_IDS_MIME, encode_article_ids

Fetch = Callable[[list[int]], list[ArticleSummary]]
Rename = Callable[[int, int, str], bool]  # (article id, version shown, new title)
_BLOCK = 200  # rows read at once (FIRST_BLOCK: what a list's reload reads with its ids)
FIRST_BLOCK = _BLOCK
_Index = QModelIndex | QPersistentModelIndex

# column → the library order it sorts by (services.articles.list_ids orders)
ID, TITLE, COLUMN, PUBLISHED, STATUS, SOURCE, WORDS, LANGUAGE, FINDINGS, TRANSLATION = range(10)
SORT_ORDERS = {
    ID: "id",
    TITLE: "title",
    COLUMN: "column",
    PUBLISHED: "published",
    STATUS: "status",
    SOURCE: "source",
    WORDS: "words",
    LANGUAGE: "language",
}


class ArticleTableModel(QAbstractTableModel):
    # order key, descending — the page re-queries the library in that order
    sortRequested = Signal(str, bool)

    def __init__(self, fetch: Fetch, parent: Any = None, rename: Rename | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rename = rename
        self._ids: list[int] = []
        self._cache: dict[int, ArticleSummary] = {}
        self._headers = (
            self.tr("Mã"),
            self.tr("Tiêu đề"),
            self.tr("Chuyên mục"),
            self.tr("Ngày đăng"),
            self.tr("Trạng thái"),
            self.tr("Nguồn"),
            self.tr("Số từ"),
            self.tr("Ngôn ngữ"),
            self.tr("Cần soát"),
            self.tr("Bản dịch"),
        )

    # -- content
    def set_ids(self, ids: Sequence[int], first: Sequence[ArticleSummary] = ()) -> None:
        """The rows; ``first``: summaries read already (in the background) for the first rows."""
        self.beginResetModel()
        self._ids = list(ids)
        self._cache = {summary.id: summary for summary in first}
        self.endResetModel()

    def append_ids(self, ids: Sequence[int]) -> None:
        if ids:
            start = len(self._ids)
            self.beginInsertRows(QModelIndex(), start, start + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()

    def ids(self) -> list[int]:
        return list(self._ids)

    def invalidate(self, article_ids: set[int] | frozenset[int]) -> None:
        """Forget cached rows of changed articles and repaint them."""
        for article_id in article_ids:
            self._cache.pop(article_id, None)
        for row, article_id in enumerate(self._ids):
            if article_id in article_ids:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def summary(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        article_id = self._ids[row]
        if article_id not in self._cache:
            start = (row // _BLOCK) * _BLOCK
            block = [i for i in self._ids[start : start + _BLOCK] if i not in self._cache]
            for summary in self._fetch(block):
                self._cache[summary.id] = summary
        return self._cache.get(article_id)

    # -- Qt model interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == FINDINGS:
            return self.tr("Số điểm cần biên tập viên soát lại (lỗi chính tả, mã cũ, trùng lặp…)")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == TITLE and self._rename is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return summary.title if role == Qt.ItemDataRole.EditRole else self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, SOURCE):
            return summary.title if column == TITLE else summary.source
        if role == Qt.ItemDataRole.FontRole and column == TITLE and not summary.title:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ID, WORDS, FINDINGS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != TITLE or self._rename is None:
            return False
        summary = self.summary(index.row())
        if summary is None or not str(value).strip():
            return False
        article_id = summary.id
        if not self._rename(article_id, summary.version, str(value)):
            return False
        self.invalidate({article_id})
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_ORDERS.get(column)
        if key is not None:
            self.sortRequested.emit(key, order == Qt.SortOrder.DescendingOrder)

    # -- drag out
    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_article_ids([self._ids[r] for r in rows if 0 <= r < len(self._ids)])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def _display(self, s: ArticleSummary, column: int) -> str | None:
        match column:
            case 0:
                return str(s.id)
            case 1:
                return s.title or self.tr("(chưa có tiêu đề — cần đặt)")
            case 2:
                return s.column or "—"
            case 3:
                return s.published.strftime("%d/%m/%Y") if s.published else ""
            case 4:
                return status_label(s.status)
            case 5:
                return s.source
            case 6:
                return f"{s.word_count:,}".replace(",", ".")
            case 7:
                return language_label(s.language)
            case 8:
                return str(s.findings) if s.findings else ""
            case 9:
                if s.translation is None and s.partner_id is not None:  # an English article: its original
                    return self.tr("bản gốc số {id}").format(id=s.partner_id)
                return translation_label(s.translation)
        return None
