"""A PDF shown in the app: QtPdf's QPdfView, a column of page thumbnails and a page counter.

The PDF arrives as bytes (its temporary file is already gone). Thumbnails are drawn by
QPdfPageRenderer on Qt's own thread — C++ that never holds Python's GIL, so the window
stays responsive while a long issue's pages are drawn — and appear one by one.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

THUMB_WIDTH = 110  # logical pixels


def _frame(image: QImage) -> None:
    """A hairline round the page so white pages stand out on a white list."""
    painter = QPainter(image)
    painter.setPen(QColor(128, 128, 128))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()


class PdfPreview(QWidget):
    page_changed = Signal(int, int)  # current page (1-based), page count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.setDocument(self.document)
        self.renderer.pageRendered.connect(self._thumbnail_rendered)
        self._requests: dict[int, int] = {}  # request id → page, for the document shown now

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(self.tr("Bản xem trước PDF"))

        self.placeholder = QLabel(self.tr("Chưa có bản xem trước."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)

        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.45)))
        self.thumbnails.setSpacing(4)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbnails.setMinimumWidth(THUMB_WIDTH + 36)
        self.thumbnails.setMaximumWidth(THUMB_WIDTH + 60)
        self.thumbnails.setToolTip(self.tr("Các trang — nhấp để đến trang"))
        self.thumbnails.currentRowChanged.connect(self._thumbnail_chosen)

        self.counter = QLabel()
        self.counter.setToolTip(self.tr("Trang đang xem / số trang"))
        self.status = QLabel()
        self.status.setEnabled(False)  # the palette's muted text
        fit_page = self._tool(self.tr("Cả trang"), self.tr("Thu phóng cho thấy cả trang"), self._fit_page)
        fit_width = self._tool(self.tr("Vừa chiều rộng"), self.tr("Thu phóng theo chiều rộng trang"), self._fit_width)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.counter)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)
        bar.addWidget(fit_page)
        bar.addWidget(fit_width)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.thumbnails)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._update_counter()

    def _tool(self, text: str, tip: str, slot) -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # ---------------------------------------------------------------- content
    def show_pdf(self, data: bytes) -> None:
        """Show a new version of the document, staying on the page the editor was reading."""
        keep = self.current_page()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # closes the previous document
        self._buffer = buffer  # the document reads from it for as long as it is shown
        count = self.document.pageCount()
        self._request_thumbnails()
        if count:
            self.stack.setCurrentWidget(self.view)
            self.go_to_page(min(keep, count - 1))
        else:
            self.clear(self.tr("Không đọc được bản xem trước."))
        self._update_counter()

    def clear(self, message: str) -> None:
        self.document.close()
        self._buffer = None
        self._requests.clear()
        self.thumbnails.clear()
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)
        self._update_counter()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def page_count(self) -> int:
        return self.document.pageCount() if self.stack.currentWidget() is self.view else 0

    def current_page(self) -> int:
        return max(0, self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
            self._page_changed(page)

    def _request_thumbnails(self) -> None:
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        self._requests.clear()
        ratio = self.devicePixelRatioF()
        blank = QPixmap(self.thumbnails.iconSize())
        blank.fill(self.palette().base().color())
        # Every page of an issue has one size. Ask PDFium once, before any page is being
        # drawn: each question waits for the page being drawn on the other thread.
        size = self.document.pagePointSize(0)
        aspect = size.height() / size.width() if size.width() > 0 else 1.414
        pixels = QSize(round(THUMB_WIDTH * ratio), round(THUMB_WIDTH * aspect * ratio))
        for page in range(self.document.pageCount()):
            item = QListWidgetItem(QIcon(blank), str(page + 1))
            item.setToolTip(self.tr("Trang {n}").format(n=page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)
            self._requests[self.renderer.requestPage(page, pixels, QPdfDocumentRenderOptions())] = page
        self.thumbnails.blockSignals(False)

    def _thumbnail_rendered(
        self, page: int, _size: QSize, image: QImage, _options: QPdfDocumentRenderOptions, request: int
    ) -> None:
        if self._requests.pop(request, None) != page or page >= self.thumbnails.count():
            return  # drawn for a document no longer shown
        _frame(image)
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.thumbnails.item(page).setIcon(QIcon(QPixmap.fromImage(image)))

    def thumbnails_pending(self) -> int:
        return len(self._requests)

    # ---------------------------------------------------------------- navigation
    def _thumbnail_chosen(self, row: int) -> None:
        if row >= 0 and row != self.current_page():
            self.go_to_page(row)

    def _page_changed(self, page: int) -> None:
        if 0 <= page < self.thumbnails.count() and self.thumbnails.currentRow() != page:
            self.thumbnails.blockSignals(True)
            self.thumbnails.setCurrentRow(page)
            self.thumbnails.blockSignals(False)
        self._update_counter()

    def _update_counter(self) -> None:
        count = self.page_count()
        if count:
            self.counter.setText(self.tr("Trang {x} / {n}").format(x=self.current_page() + 1, n=count))
        else:
            self.counter.setText(self.tr("Trang – / –"))
        self.page_changed.emit(self.current_page() + 1 if count else 0, count)

    def _fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
