"""The export dialog: preflight findings first, then PDF and/or DOCX off the GUI thread.

The dialog runs ``services.exports.check`` as soon as it opens (and again, debounced,
when a layout option changes) and lists the findings; a click on one emits
``finding_activated`` so the main window can take the editor to the article or field.
The export itself runs on the dialog's own worker with a progress bar and a Cancel that
stops the layout at the next page; a cancelled or refused export writes no file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.errors import BulletinError
from bulletin_app.gui.background.process_runner import JobRunner, ProcessRunner
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.gui.widgets.findings_list import FindingsList
from bulletin_app.gui.widgets.settings import AppSettings
from bulletin_app.services import Services, jobs
from bulletin_app.services.export import (
    PAGE_SIZES_MM,
    ExportReport,
    ExportSettings,
    Finding,
    available_themes,
    parse_page_size,
)
from bulletin_app.services.progress import CancelToken, Progress

CUSTOM = "custom"
RECHECK_DELAY_MS = 400


def _text(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def default_file_name(number: int, date: dt.date, extension: str) -> str:
    """ "ban-tin-so-12-2026.pdf": ASCII, so it survives e-mail and the print shop's tools."""
    return f"ban-tin-so-{number}-{date.year}.{extension}"


class _FileRow(QWidget):
    """A check box, a path and a "Chọn…" button for one export target."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.path = QLineEdit()
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton(self.tr("Chọn…"))
        self.browse.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.path, 1)
        lay.addWidget(self.browse)
        self.check.toggled.connect(self._sync)
        self._sync(self.check.isChecked())

    def _sync(self, on: bool) -> None:
        self.path.setEnabled(on)
        self.browse.setEnabled(on)

    def target(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if self.check.isChecked() and text else None


class ExportDialog(QDialog):
    """Export one issue. Signals: ``finding_activated(Finding)``, ``checked(ExportReport)``,
    ``export_done(ExportReport)`` (files written, or refused with its findings),
    ``progressed(Progress)``."""

    finding_activated = Signal(object)
    checked = Signal(object)
    export_done = Signal(object)
    progressed = Signal(object)

    def __init__(
        self,
        services: Services,
        issue_id: int,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
        runner: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.issue_id = issue_id
        self.settings = settings or AppSettings()
        self.tasks = TaskRunner(self)
        # Check and export lay the whole issue out: in the worker process (the window's own
        # when given), so the dialog and the window stay fluid.
        self._own_runner = runner is None
        self.jobs: JobRunner = runner if runner is not None else ProcessRunner(services, self)
        self.report: ExportReport | None = None  # the last export's
        self.findings: list[Finding] = []
        self._check_generation = 0
        self._check_token: CancelToken | None = None
        self._export_token: CancelToken | None = None
        self._issue_number: int | None = None
        self._written: list[Path] = []
        self._recheck_timer = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self.run_check)

        self.setWindowTitle(self.tr("Xuất số bản tin"))
        self.setMinimumWidth(640)
        self._build_ui()
        self._restore_options()
        self._connect()
        self._set_running(False)
        self.open_file_button.setVisible(False)  # until something has been written
        self.open_folder_button.setVisible(False)
        self.export_button.setEnabled(False)  # until the issue is loaded
        self.tasks.run(lambda: services.issues.get(issue_id), self._issue_loaded, self._load_failed)

    # ---------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        icon = self.style().standardIcon
        files = QGroupBox(self.tr("Tệp xuất"))
        self.pdf_row = _FileRow(self.tr("PDF để in"))
        self.pdf_row.setToolTip(self.tr("Tệp PDF sẵn sàng gửi nhà in: phông nhúng, hộp xén, tràn lề"))
        self.docx_row = _FileRow(self.tr("DOCX"))
        self.docx_row.setToolTip(self.tr("Tệp Word để nhà in hoặc người duyệt chỉnh sửa"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("(không dùng — kiểu chữ của giao diện)"))
        self.reference.setClearButtonEnabled(True)
        self.reference.setToolTip(self.tr("Tệp DOCX có sẵn các kiểu (Heading, Normal…) để DOCX xuất ra dùng theo"))
        self.reference_browse = QPushButton(self.tr("Chọn…"))
        self.reference_browse.setIcon(icon(QStyle.StandardPixmap.SP_DirOpenIcon))
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference, 1)
        reference_row.addWidget(self.reference_browse)
        files_form = QFormLayout(files)
        files_form.addRow(self.pdf_row)
        files_form.addRow(self.docx_row)
        files_form.addRow(self.tr("DOCX mẫu:"), reference_row)

        layout_box = QGroupBox(self.tr("Dàn trang"))
        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("19 × 27 cm (khổ bản tin)"), "19x27cm")
        self.page_size.addItem(self.tr("A4 (21 × 29,7 cm)"), "A4")
        self.page_size.addItem(self.tr("A5 (14,8 × 21 cm)"), "A5")
        self.page_size.addItem(self.tr("Khổ tùy chỉnh"), CUSTOM)
        self.custom_w = self._mm_box(190.0)
        self.custom_h = self._mm_box(270.0)
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.page_size, 1)
        custom_row.addWidget(self.custom_w)
        self.times_label = QLabel("×")
        custom_row.addWidget(self.times_label)
        custom_row.addWidget(self.custom_h)
        self.theme = QComboBox()
        for name in available_themes():
            self.theme.addItem(self.tr("Mặc định") if name == "default" else name, name)
        self.theme.setToolTip(self.tr("Lề, phông, cỡ chữ, màu và số cột (tệp .toml trong thư mục themes)"))
        self.fonts_label = QLabel()
        self.fonts_label.setWordWrap(True)
        self.edition = QComboBox()
        self.edition.addItem(self.tr("Theo số bản tin"), None)
        self.edition.addItem(self.tr("Tiếng Việt"), "vi")
        self.edition.addItem(self.tr("Tiếng Anh"), "en")
        self.edition.addItem(self.tr("Song ngữ Việt – Anh"), "bilingual")
        self.edition.setToolTip(self.tr("Ấn bản xuất lần này (mặc định: ấn bản đặt cho số bản tin)"))
        self.profile = QComboBox()
        self.profile.addItem(self.tr("In ấn — PDF/X-4, màu CMYK (gửi nhà in)"), "print")
        self.profile.addItem(self.tr("Màn hình — màu RGB, có liên kết (gửi thư, đăng web)"), "screen")
        self.profile.setToolTip(
            self.tr(
                "In ấn: chữ đen chỉ dùng mực đen, ảnh chuyển sang CMYK theo hồ sơ màu FOGRA39, kèm hồ sơ màu đầu ra "
                "như InDesign hay Scribus; bản màn hình giữ màu RGB và các liên kết."
            )
        )
        self.booklet = QCheckBox(self.tr("Đóng ghim giữa (thêm trang cho đủ bội số của 4: bìa sau, ghi chú, ảnh)"))
        self.bleed = QDoubleSpinBox()
        self.bleed.setRange(0.0, 10.0)
        self.bleed.setDecimals(1)
        self.bleed.setSingleStep(0.5)
        self.bleed.setSuffix(" mm")
        self.bleed.setSpecialValueText(self.tr("Không"))
        self.bleed.setToolTip(self.tr("Tràn lề: nhà in thường cần 3 mm khi ảnh chạm mép trang"))
        self.crop_marks = QCheckBox(self.tr("Dấu cắt xén"))
        self.crop_marks.setToolTip(self.tr("Vạch cắt ở bốn góc, ngoài vùng tràn lề"))
        bleed_row = QHBoxLayout()
        bleed_row.addWidget(self.bleed)
        bleed_row.addWidget(self.crop_marks)
        bleed_row.addStretch(1)
        layout_form = QFormLayout(layout_box)
        layout_form.addRow(self.tr("Ấn bản:"), self.edition)
        layout_form.addRow(self.tr("Dùng cho:"), self.profile)
        layout_form.addRow(self.tr("Khổ giấy:"), custom_row)
        layout_form.addRow(self.tr("Giao diện:"), self.theme)
        layout_form.addRow(self.tr("Phông chữ:"), self.fonts_label)
        layout_form.addRow(self.tr("Tràn lề:"), bleed_row)
        layout_form.addRow("", self.booklet)

        checks = QGroupBox(self.tr("Kiểm tra trước khi xuất"))
        self.check_summary = QLabel(self.tr("Đang kiểm tra…"))
        self.check_summary.setWordWrap(True)
        self.recheck_button = QPushButton(icon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Kiểm tra lại"))
        self.recheck_button.setToolTip(self.tr("Chạy lại kiểm tra (sau khi đã sửa tin bài hoặc thông tin xuất bản)"))
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.check_summary, 1)
        summary_row.addWidget(self.recheck_button)
        self.findings_list = FindingsList()
        self.findings_list.setMinimumHeight(120)
        self.findings_list.setToolTip(self.tr("Nhấp vào một mục để đến tin bài hoặc thông tin cần sửa"))
        self.force = QCheckBox(self.tr("Vẫn xuất dù còn lỗi (chỉ để xem thử, không gửi nhà in)"))
        self.force.setVisible(False)
        checks_lay = QVBoxLayout(checks)
        checks_lay.addLayout(summary_row)
        checks_lay.addWidget(self.findings_list, 1)
        checks_lay.addWidget(self.force)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.open_file_button = QPushButton(icon(QStyle.StandardPixmap.SP_FileIcon), self.tr("Mở tệp"))
        self.open_folder_button = QPushButton(icon(QStyle.StandardPixmap.SP_DirIcon), self.tr("Mở thư mục"))
        self.export_button = QPushButton(icon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Xuất"))
        self.export_button.setDefault(True)
        self.export_button.setToolTip(self.tr("Xuất các tệp đã chọn (Ctrl+E)"))
        self.cancel_button = QPushButton(icon(QStyle.StandardPixmap.SP_DialogCancelButton), self.tr("Hủy xuất"))
        self.cancel_button.setToolTip(self.tr("Dừng việc xuất; không tệp nào được ghi (Esc)"))
        self.close_button = QPushButton(icon(QStyle.StandardPixmap.SP_DialogCloseButton), self.tr("Đóng"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        root = QVBoxLayout(self)
        root.addWidget(files)
        root.addWidget(layout_box)
        root.addWidget(checks, 1)
        root.addWidget(self.progress)
        root.addWidget(self.status)
        root.addLayout(buttons)

    def _mm_box(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(50.0, 1000.0)
        box.setDecimals(1)
        box.setSuffix(" mm")
        box.setValue(value)
        return box

    def _connect(self) -> None:
        self.pdf_row.browse.clicked.connect(lambda: self._choose_target(self.pdf_row, "pdf"))
        self.docx_row.browse.clicked.connect(lambda: self._choose_target(self.docx_row, "docx"))
        self.docx_row.check.toggled.connect(self._sync_reference)
        self.reference_browse.clicked.connect(self._choose_reference)
        self.page_size.currentIndexChanged.connect(self._sync_custom)
        for signal in (
            self.page_size.currentIndexChanged,
            self.custom_w.valueChanged,
            self.custom_h.valueChanged,
            self.theme.currentIndexChanged,
            self.edition.currentIndexChanged,
            self.booklet.toggled,
            self.bleed.valueChanged,
        ):
            signal.connect(self.schedule_check)
        self.recheck_button.clicked.connect(self.run_check)
        self.findings_list.finding_activated.connect(self.finding_activated)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(self.start_export)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        self.open_file_button.clicked.connect(lambda: self._open(self._written[0]) if self._written else None)
        self.open_folder_button.clicked.connect(self.open_folder)
        self._sync_reference(self.docx_row.check.isChecked())
        self._sync_custom()

    # ---------------------------------------------------------------- options
    def _restore_options(self) -> None:
        s = self.settings
        self.pdf_row.check.setChecked(True)
        self.docx_row.check.setChecked(False)
        size = s.export_page_size
        index = next((i for i in range(self.page_size.count() - 1) if self.page_size.itemData(i) == size), -1)
        if index >= 0:
            self.page_size.setCurrentIndex(index)
        else:
            try:
                width, height = parse_page_size(size)
            except BulletinError:
                width, height = PAGE_SIZES_MM["19x27cm"]
                self.page_size.setCurrentIndex(0)
            else:
                self.page_size.setCurrentIndex(self.page_size.count() - 1)
            self.custom_w.setValue(width)
            self.custom_h.setValue(height)
        theme = self.theme.findData(s.theme)
        self.theme.setCurrentIndex(max(0, theme))
        self.booklet.setChecked(s.export_booklet)
        self.bleed.setValue(s.export_bleed_mm)
        self.crop_marks.setChecked(s.export_crop_marks)
        self.profile.setCurrentIndex(max(0, self.profile.findData(s.export_profile)))
        body, heading = s.body_font, s.heading_font
        if body or heading:
            self.fonts_label.setText(
                self.tr("Nội dung: {body} · Tiêu đề: {heading} (đổi trong Tùy chọn)").format(
                    body=body or self.tr("theo giao diện"), heading=heading or self.tr("theo giao diện")
                )
            )
        else:
            self.fonts_label.setText(self.tr("Theo giao diện (đổi trong Tùy chọn)"))

    def _save_options(self) -> None:
        s = self.settings
        s.export_page_size = self.page_size_text()
        s.theme = self.theme.currentData() or "default"
        s.export_booklet = self.booklet.isChecked()
        s.export_bleed_mm = self.bleed.value()
        s.export_crop_marks = self.crop_marks.isChecked()
        s.export_profile = self.profile.currentData()
        folder = next((p.parent for p in (self.pdf_row.target(), self.docx_row.target()) if p), None)
        if folder is not None:
            s.export_folder = str(folder)

    def page_size_text(self) -> str:
        key = self.page_size.currentData()
        if key == CUSTOM:
            return f"{self.custom_w.value():g}x{self.custom_h.value():g}mm"
        return str(key)

    def export_settings(self, force: bool | None = None) -> ExportSettings:
        return ExportSettings(
            theme=self.theme.currentData() or None,
            page_size=self.page_size_text(),
            booklet=self.booklet.isChecked(),
            bleed_mm=self.bleed.value(),
            crop_marks=self.crop_marks.isChecked(),
            force=(self.force.isChecked() and not self.force.isHidden()) if force is None else force,
            body_font=self.settings.body_font or None,
            heading_font=self.settings.heading_font or None,
            edition=self.edition.currentData(),
            profile=self.profile.currentData() or "print",
        )

    def _sync_custom(self) -> None:
        custom = self.page_size.currentData() == CUSTOM
        for widget in (self.custom_w, self.times_label, self.custom_h):
            widget.setVisible(custom)

    def _sync_reference(self, on: bool) -> None:
        self.reference.setEnabled(on)
        self.reference_browse.setEnabled(on)

    def _folder(self) -> Path:
        remembered = Path(self.settings.export_folder) if self.settings.export_folder else None
        if remembered and remembered.is_dir():
            return remembered
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def _choose_target(self, row: _FileRow, extension: str) -> None:
        current = row.path.text().strip() or str(self._folder())
        filters = {
            "pdf": self.tr("Tệp PDF (*.pdf)"),
            "docx": self.tr("Tài liệu Word (*.docx)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp xuất"), current, filters[extension])
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != f".{extension}":
                path = path.with_name(f"{path.name}.{extension}")
            row.path.setText(str(path))
            row.check.setChecked(True)

    def _choose_reference(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn DOCX mẫu"), str(self._folder()), self.tr("Tài liệu Word (*.docx)")
        )
        if chosen:
            self.reference.setText(chosen)

    # ---------------------------------------------------------------- loading and preflight
    def _issue_loaded(self, issue) -> None:  # type: ignore[no-untyped-def]
        self._issue_number = issue.number
        self.setWindowTitle(self.tr("Xuất số bản tin {number}").format(number=issue.number))
        folder = self._folder()
        for row, extension in ((self.pdf_row, "pdf"), (self.docx_row, "docx")):
            if not row.path.text().strip():
                row.path.setText(str(folder / default_file_name(issue.number, issue.date, extension)))
        self.export_button.setEnabled(True)
        self.run_check()

    def _load_failed(self, exc: BaseException) -> None:
        self.check_summary.setText(self.tr("Không mở được số bản tin."))
        show_error(self, exc)

    def schedule_check(self) -> None:
        if self._issue_number is not None:
            self._recheck_timer.start()

    def run_check(self) -> None:
        """Preflight with the current options; only the latest request's result is shown."""
        self._recheck_timer.stop()
        if self._check_token is not None:
            self._check_token.cancel()
        self._check_generation += 1
        generation = self._check_generation
        settings = self.export_settings(force=False)
        self.check_summary.setText(self.tr("Đang kiểm tra…"))
        self.recheck_button.setEnabled(False)

        def done(report: ExportReport) -> None:
            if generation == self._check_generation:
                self._check_token = None
                self.recheck_button.setEnabled(True)
                self.show_findings(report.findings)
                self.checked.emit(report)

        def failed(exc: BaseException) -> None:
            if generation != self._check_generation:
                return
            self._check_token = None
            self.recheck_button.setEnabled(True)
            if isinstance(exc, BulletinError):  # e.g. a custom size out of range: say it in place
                self.findings_list.clear()
                self.check_summary.setText(exc.message)
            else:
                show_error(self, exc)

        self._check_token = self.jobs.submit(
            jobs.check_job, (self.issue_id, settings), lambda _progress: None, done, failed
        )

    def show_findings(self, findings: list[Finding]) -> None:
        """List errors first, then warnings; reveal "force" once errors have been shown."""
        errors, warnings = self.findings_list.show_findings(findings)
        self.findings = self.findings_list.findings
        if errors:
            self.check_summary.setText(
                self.tr("{errors} lỗi, {warnings} cảnh báo. Sửa lỗi trước khi gửi nhà in.").format(
                    errors=errors, warnings=warnings
                )
            )
        elif warnings:
            self.check_summary.setText(
                self.tr("Không có lỗi, {warnings} cảnh báo — có thể xuất.").format(warnings=warnings)
            )
        else:
            self.check_summary.setText(self.tr("Không có lỗi hay cảnh báo — sẵn sàng xuất."))
        self.force.setVisible(errors > 0)
        if not errors:
            self.force.setChecked(False)

    # ---------------------------------------------------------------- export
    @property
    def running(self) -> bool:
        return self._export_token is not None

    def _set_running(self, running: bool) -> None:
        for widget in (self.pdf_row, self.docx_row, self.reference, self.reference_browse, self.page_size):
            widget.setEnabled(not running)
        for widget in (
            self.custom_w,
            self.custom_h,
            self.theme,
            self.edition,
            self.profile,
            self.booklet,
            self.bleed,
            self.crop_marks,
        ):
            widget.setEnabled(not running)
        self._sync_reference(self.docx_row.check.isChecked() and not running)
        self.force.setEnabled(not running)
        self.recheck_button.setEnabled(not running and self._check_token is None)
        self.export_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        self.progress.setVisible(running)
        if running:
            self.open_file_button.setVisible(False)
            self.open_folder_button.setVisible(False)

    def _confirm_targets(self, pdf: Path | None, docx: Path | None) -> bool:
        if pdf is None and docx is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Chọn ít nhất một tệp PDF hoặc DOCX để xuất."))
            return False
        for path in (p for p in (pdf, docx) if p is not None):
            if not path.parent.is_dir():
                QMessageBox.warning(
                    self, self.windowTitle(), self.tr("Thư mục {folder} không tồn tại.").format(folder=path.parent)
                )
                return False
        if pdf is not None and docx is not None and pdf.resolve() == docx.resolve():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Tệp PDF và tệp DOCX phải khác nhau."))
            return False
        existing = [p for p in (pdf, docx) if p is not None and p.exists()]
        if existing:
            names = "\n".join(str(p) for p in existing)
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("Đã có tệp:\n{names}\n\nGhi đè?").format(names=names)
            )
            return answer == QMessageBox.StandardButton.Yes
        return True

    def start_export(self) -> None:
        if self.running or self._issue_number is None:
            return
        pdf, docx = self.pdf_row.target(), self.docx_row.target()
        if not self._confirm_targets(pdf, docx):
            return
        reference_text = self.reference.text().strip()
        reference = Path(reference_text).expanduser() if docx is not None and reference_text else None
        settings = self.export_settings()
        self._recheck_timer.stop()
        if self._check_token is not None:
            self._check_token.cancel()
            self._check_generation += 1  # the check in flight is stale now
            self._check_token = None
        self._written = []
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Đang xuất…"))
        self._export_token = self.jobs.submit(
            jobs.export_job,
            (self.issue_id, _text(pdf), _text(docx), settings, _text(reference)),
            self._on_progress,
            self._export_finished,
            self._export_failed,
            self._export_cancelled,
        )
        self._set_running(True)

    def cancel_export(self) -> None:
        if self._export_token is not None:
            self._export_token.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Đang hủy…"))

    def _on_progress(self, progress: Progress) -> None:
        if not self.running:
            return
        self.progress.setRange(0, progress.total)
        self.progress.setValue(progress.done)
        if not self._export_token or not self._export_token.cancelled:
            self.status.setText(progress.label + "…")
        self.progressed.emit(progress)

    def _export_finished(self, report: ExportReport) -> None:
        self._export_token = None
        self._set_running(False)
        self.report = report
        self.show_findings(report.findings)
        if report.refused:
            self.status.setText(
                self.tr(
                    "Chưa xuất: còn {errors} lỗi (xem danh sách ở trên). Sửa các lỗi, "
                    "hoặc chọn “Vẫn xuất dù còn lỗi” để xuất bản xem thử."
                ).format(errors=len(report.errors))
            )
        else:
            self._written = [r.path for r in (report.pdf, report.docx) if r is not None]
            self._save_options()
            parts = []
            if report.pdf is not None:
                parts.append(
                    self.tr("PDF {pages} trang ({seconds:.1f} giây)").format(
                        pages=report.pdf.pages, seconds=report.pdf.seconds
                    )
                )
                if report.pdf.added_pages:
                    parts[-1] += " — " + self._padding_text(report.pdf.added_pages)
            if report.docx is not None:
                parts.append(self.tr("DOCX"))
            self.status.setText(
                self.tr("Đã xuất {what} vào {folder}.").format(what=", ".join(parts), folder=self._written[0].parent)
            )
            self._offer_open()
        self.export_done.emit(report)

    def _padding_text(self, pages: dict[int, str]) -> str:
        """What a booklet's padding added, page by page."""
        kinds = {
            "back": self.tr("bìa sau"),
            "notes": self.tr("trang ghi chú"),
            "photos": self.tr("trang ảnh"),
            "blank": self.tr("trang trắng"),
        }
        which = "; ".join(
            self.tr("trang {page}: {kind}").format(page=page, kind=kinds.get(kind, kind))
            for page, kind in sorted(pages.items())
        )
        return self.tr("thêm cho đủ bội số của 4: {which}").format(which=which)

    def _export_cancelled(self) -> None:
        self._export_token = None
        self._set_running(False)
        self.status.setText(self.tr("Đã hủy xuất — không có tệp nào được ghi."))

    def _export_failed(self, exc: BaseException) -> None:
        self._export_token = None
        self._set_running(False)
        self.status.setText(self.tr("Không xuất được."))
        show_error(self, exc)

    # ---------------------------------------------------------------- results
    def _offer_open(self) -> None:
        menu = None
        if len(self._written) > 1:
            menu = QMenu(self.open_file_button)
            for path in self._written:
                menu.addAction(self.tr("Mở {name}").format(name=path.name), lambda p=path: self._open(p))
        self.open_file_button.setMenu(menu)
        self.open_file_button.setVisible(True)
        self.open_folder_button.setVisible(True)

    def _open(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Không mở được {path}.").format(path=path))

    def open_folder(self) -> None:
        if self._written:
            self._open(self._written[0].parent)

    # ---------------------------------------------------------------- closing
    def reject(self) -> None:
        """Esc / Đóng: while exporting, Esc cancels; otherwise the dialog closes."""
        if self.running:
            self.cancel_export()
            return
        self._stop_work()
        super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._export_token is not None:
            self._export_token.cancel()
        self._stop_work()
        super().closeEvent(event)

    def _stop_work(self) -> None:
        """Cancelled work stops at the next page; wait for it so no callback outlives the dialog."""
        self._recheck_timer.stop()
        if self._check_token is not None:
            self._check_token.cancel()
        self.tasks.wait()
        if self._own_runner:
            self.jobs.shutdown()
