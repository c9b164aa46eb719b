"""Importing files: progress with cancel while it runs, then a per-file report.

Each row of the report says what happened to one file — imported (with its findings),
a duplicate of an existing article, a near duplicate, or why it could not be read —
and double-clicking a row opens the article it names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.changes import Changes
from bulletin_app.gui.background.process_runner import JobRunner
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.services import Services, jobs
from bulletin_app.services.imports import ImportReport, ImportResult
from bulletin_app.services.progress import Progress


class ImportDialog(QDialog):
    """Runs the import in the worker process and reports per file."""

    finished_import = Signal(object)  # the ImportReport
    interrupted = Signal()  # the import failed midway: what it saved before is not reported
    article_activated = Signal(int)

    def __init__(
        self,
        services: Services,
        paths: list[Path],
        runner: JobRunner,
        column: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.paths = paths
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Nhập tin bài"))
        self.resize(820, 460)

        self.status = QLabel(self.tr("Đang chuẩn bị…"))
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Kết quả"), self.tr("Tin bài"), self.tr("Cần soát")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 210)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.hide()
        self.table.itemDoubleClicked.connect(self._activate)
        self.hint = QLabel(self.tr("Nhấp đúp vào một dòng để mở tin bài."))
        self.hint.hide()

        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton), self.tr("Hủy")
        )
        self.cancel_button.setToolTip(self.tr("Dừng nhập; các tệp đã nhập vẫn được giữ"))
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setEnabled(False)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self._handle = runner.submit(
            jobs.import_job, ([str(p) for p in paths], column), self._progress, self._done, self._failed
        )

    # ---------------------------------------------------------------- running
    def cancel(self) -> None:
        self._handle.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Đang dừng sau tệp hiện tại…"))

    def reject(self) -> None:  # Esc or the window's close button while running = cancel
        if self.report is None:
            self.cancel()
            return
        super().reject()

    def _progress(self, progress: Progress) -> None:
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        if progress.label:
            self.status.setText(
                self.tr("Đang nhập {done}/{total}: {name}").format(
                    done=progress.done + 1, total=progress.total, name=progress.label
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self.report = ImportReport()
        self._finish()
        self.interrupted.emit()
        show_error(self, exc)

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self._finish()
        self.finished_import.emit(report)

    def _finish(self) -> None:
        report = self.report or ImportReport()
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.bar.hide()
        parts = [self.tr("Đã nhập {n} tin bài").format(n=len(report.imported))]
        if report.duplicates:
            parts.append(self.tr("{n} tệp đã có trong thư viện").format(n=len(report.duplicates)))
        if report.failed:
            parts.append(self.tr("{n} tệp không nhập được").format(n=len(report.failed)))
        text = ", ".join(parts) + "."
        if report.cancelled:
            text = self.tr("Đã dừng theo yêu cầu. ") + text
        self.status.setText(text)
        self._fill(report.results)

    # ---------------------------------------------------------------- report
    def _fill(self, results: list[ImportResult]) -> None:
        self.table.setRowCount(len(results))
        warn = QBrush(self.palette().color(QPalette.ColorRole.Link))
        for row, result in enumerate(results):
            outcome, target, tip = self._describe(result)
            cells = [
                Path(result.path).name,
                outcome,
                result.title or "",
                str(len(result.findings)) if result.findings else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip if col == 1 else (result.path if col == 0 else text))
                item.setData(Qt.ItemDataRole.UserRole, target)
                if result.error is not None and col == 1:
                    item.setForeground(warn)
                self.table.setItem(row, col, item)
        self.table.show()
        self.hint.setVisible(any(r.id or r.duplicate_of for r in results))

    def _describe(self, result: ImportResult) -> tuple[str, int | None, str]:
        """(outcome, article to open, tooltip) of one file."""
        if result.error is not None:
            return self.tr("Lỗi: {error}").format(error=result.error), None, result.error
        if result.duplicate_of is not None:
            text = self.tr("Trùng với tin bài số {id}").format(id=result.duplicate_of)
            return text, result.duplicate_of, self.tr("Đã có trong thư viện, bỏ qua")
        near = [f for f in result.findings if f.kind == "near-duplicate"]
        tip = "\n".join(f"• {f.message}" for f in result.findings)
        if near:
            return self.tr("Đã nhập — gần trùng tin bài số {id}").format(id=near[0].found), result.id, tip
        return self.tr("Đã nhập"), result.id, tip

    def _activate(self, item: QTableWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.article_activated.emit(int(target))

    @property
    def changes(self) -> Changes:
        return self.report.changes if self.report else Changes()
