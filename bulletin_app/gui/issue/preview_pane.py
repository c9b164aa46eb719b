"""The composer's preview pane: the issue's real PDF, laid out again in the worker process a
moment after each change, and the page count against the licence's limit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from bulletin_app.domain.errors import BulletinError
from bulletin_app.errorlog import log_unexpected
from bulletin_app.gui.background.debounced_job import DebouncedJob
from bulletin_app.gui.background.process_runner import JobRunner, ProcessRunner
from bulletin_app.gui.issue.pdf_preview import PdfPreview
from bulletin_app.gui.widgets.errors import unexpected_message
from bulletin_app.services import Services, jobs
from bulletin_app.services.jobs import PreviewResult

PREVIEW_DELAY_MS = 800


class PreviewPane(PdfPreview):
    """``laid_out(PreviewResult)`` after each layout shown; ``page_label`` (for a toolbar) says
    how many pages the issue has against the limit."""

    laid_out = Signal(object)

    def __init__(self, services: Services, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The layout runs in its own worker process: it never delays a save, and the
        # window's thread never waits for the interpreter lock while pages are laid out.
        self.runner: JobRunner = runner or ProcessRunner(services, self)
        self.job = DebouncedJob(PREVIEW_DELAY_MS, self.runner, self._done, self._failed, parent=self)
        self.job.busy_changed.connect(lambda busy: self.set_status(self.tr("Đang dàn trang…") if busy else ""))
        self.issue_id: int | None = None
        self.pages = 0
        self.page_limit = 0
        self._swept = False  # the first layout also sweeps an interrupted export's leftovers
        self.page_label = QLabel()
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.page_label.setContentsMargins(8, 0, 8, 0)

    def show_issue(self, issue_id: int | None, page_limit: int = 0, message: str = "") -> None:
        """Lay out ``issue_id`` from now on (None: nothing to lay out, ``message`` in its place)."""
        if issue_id != self.issue_id:
            self.job.cancel()
            self.issue_id = issue_id
            self.pages = 0
            self.clear(message or self.tr("Đang dàn trang…"))
        self.page_limit = page_limit
        self.update_page_label()

    def request(self, now: bool = False) -> None:
        """Lay the issue out again, a moment from now (or ``now``)."""
        if self.issue_id is None:
            return
        sweep = not self._swept
        self._swept = True
        self.job.request(jobs.preview_job, (self.issue_id, sweep))
        if now:
            self.job.run_now()

    def shutdown(self) -> None:
        self.job.cancel()
        self.runner.shutdown()

    def _done(self, result: PreviewResult) -> None:
        if result.issue_id != self.issue_id:
            return
        self.show_pdf(result.data)
        self.pages = result.pages
        self.update_page_label()
        self.laid_out.emit(result)

    def _failed(self, exc: BaseException) -> None:
        # Shown in place of the preview: a modal box at every change would be unbearable.
        if isinstance(exc, BulletinError):
            self.clear(self.tr("Không dàn trang được: {message}").format(message=exc.message))
        else:
            where = log_unexpected(exc)
            self.clear(unexpected_message(exc, str(where) if where else None))
        self.pages = 0
        self.update_page_label()

    def update_page_label(self) -> None:
        label, limit = self.page_label, self.page_limit
        if self.issue_id is None or not self.pages:
            label.setText(self.tr("Số trang: –") if not limit else self.tr("Số trang: – / {limit}").format(limit=limit))
            label.setToolTip(self.tr("Số trang lấy từ bản xem trước PDF"))
            label.setFont(self.font())
            return
        if limit and self.pages > limit:
            label.setText(self.tr("⚠ {pages} / {limit} trang — vượt giới hạn").format(pages=self.pages, limit=limit))
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        else:
            label.setText(self.tr("{pages} / {limit} trang").format(pages=self.pages, limit=limit))
            label.setFont(self.font())
        label.setToolTip(
            self.tr("Số trang của bản xem trước so với giới hạn trong giấy phép xuất bản ({limit} trang)").format(
                limit=limit
            )
        )
