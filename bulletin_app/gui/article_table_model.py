"""The library table: an ordered id list and a lazy cache of rows fetched in blocks.

Sorting and filtering happen in SQL (the id list); a row is only read when the
view shows it, so a library of 100k articles opens as fast as one of ten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from bulletin_app.domain.article import ArticleSummary

Fetch = Callable[[list[int]], list[ArticleSummary]]
_BLOCK = 200
_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Mã", "Tiêu đề", "Chuyên mục", "Trạng thái", "Ngày đăng", "Số từ")


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, ArticleSummary] = {}

    # -- content
    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.endResetModel()

    def invalidate(self, article_ids: set[int] | frozenset[int]) -> None:
        """Forget cached rows of changed articles and repaint them."""
        for article_id in article_ids:
            self._cache.pop(article_id, None)
        for row, article_id in enumerate(self._ids):
            if article_id in article_ids:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _summary(self, row: int) -> ArticleSummary | None:
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
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        summary = self._summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return summary.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        return None

    @staticmethod
    def _display(s: ArticleSummary, column: int) -> str | None:
        match column:
            case 0:
                return str(s.id)
            case 1:
                return s.title
            case 2:
                return s.column or "—"
            case 3:
                return s.status.label_vi
            case 4:
                return s.published.strftime("%d/%m/%Y") if s.published else ""
            case 5:
                return f"{s.word_count:,}".replace(",", ".")
        return None
