"""The export dialog: preflight listed, real export in the background, cancel, refusal; the
service's cancellation underneath it."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt

from bulletin_app.gui.background.process_runner import ThreadRunner
from bulletin_app.gui.export.export_dialog import ExportDialog, default_file_name
from bulletin_app.gui.widgets.settings import AppSettings
from bulletin_app.services.export import ExportSettings
from bulletin_app.services.progress import Cancelled, CancelToken, Progress
from bulletin_app.services.sample import create_sample

WAIT_MS = 60_000


@pytest.fixture
def sample_issue(services) -> int:  # type: ignore[no-untyped-def]
    issue_id, _ = create_sample(services)
    return issue_id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The export folder (tmp_path itself holds the library file)."""
    folder = tmp_path / "xuat"
    folder.mkdir()
    return folder


@pytest.fixture
def app_settings(qapp) -> AppSettings:  # type: ignore[no-untyped-def]
    settings = AppSettings()
    settings.store.clear()
    return settings


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())  # hidden (staged, .part) files included


def _open_dialog(qtbot, services, issue_id: int, settings: AppSettings, in_process: bool = False) -> ExportDialog:  # type: ignore[no-untyped-def]
    """The dialog with its jobs in a thread (tests reach into them) or, as in the app, a worker process."""
    runner = None if in_process else ThreadRunner(services)
    dialog = ExportDialog(services, issue_id, settings=settings, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.show()
    return dialog


# ------------------------------------------------------------------ the service


def test_service_cancel_mid_layout_leaves_no_file(services, sample_issue, out) -> None:  # type: ignore[no-untyped-def]
    token = CancelToken()
    pages: list[str] = []

    def progress(p: Progress) -> None:
        pages.append(p.label)
        if p.label.endswith("trang 3"):
            token.cancel()

    with pytest.raises(Cancelled):
        services.exports.export(sample_issue, out / "a.pdf", out / "a.docx", progress=progress, cancel=token)
    assert pages[-1].endswith("trang 3")  # stopped as page 4 began, not at the end
    assert _files(out) == []


def test_service_cancel_before_start_and_check_cancel(services, sample_issue, out) -> None:  # type: ignore[no-untyped-def]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        services.exports.export(sample_issue, out / "a.pdf", cancel=token)
    with pytest.raises(Cancelled):
        services.exports.check(sample_issue, scratch=out, cancel=token)
    assert _files(out) == []


def test_service_font_override(services, sample_issue, out) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.services.export import export_font_available

    assert export_font_available("Be Vietnam Pro") and not export_font_available("Không Có Phông Này")
    report = services.exports.export(
        sample_issue, out / "a.pdf", settings=ExportSettings(body_font="Be Vietnam Pro", force=True)
    )
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(report.pdf.path).pages
        for font in (page["/Resources"].get("/Font") or {}).values()
        if "/BaseFont" in font.get_object()
    }
    assert fonts and not any("Spectral" in f for f in fonts)


# ------------------------------------------------------------------ the dialog


def test_export_pdf_and_docx(qtbot, services, sample_issue, app_settings, out, artifacts) -> None:  # type: ignore[no-untyped-def]
    app_settings.export_folder = str(out)
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings, in_process=True)
    # defaults: named after the issue, in the remembered folder
    assert dialog.pdf_row.path.text() == str(out / "ban-tin-so-6-2026.pdf")
    assert dialog.docx_row.path.text() == str(out / "ban-tin-so-6-2026.docx")
    assert default_file_name(12, dt.date(2026, 3, 1), "pdf") == "ban-tin-so-12-2026.pdf"
    # the sample issue has no errors; its warnings are listed, force stays hidden
    assert dialog.findings and all(f.level == "warning" for f in dialog.findings)
    assert dialog.findings_list.count() == len(dialog.findings)
    assert dialog.force.isHidden()

    dialog.docx_row.check.setChecked(True)
    dialog.booklet.setChecked(True)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("A5"))
    labels: list[str] = []
    dialog.progressed.connect(lambda p: labels.append(p.label))
    with qtbot.waitSignal(dialog.export_done, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert not report.refused
    pdf, docx = out / "ban-tin-so-6-2026.pdf", out / "ban-tin-so-6-2026.docx"
    assert _files(out) == [docx.name, pdf.name]
    reader = PdfReader(pdf)
    assert len(reader.pages) == report.pdf.pages and len(reader.pages) % 4 == 0  # booklet
    width_mm = float(reader.pages[0].trimbox.width) * 25.4 / 72
    assert abs(width_mm - 148.0) < 0.5  # A5
    assert any("Thư ngỏ" in p.text for p in Document(str(docx)).paragraphs)
    assert any("trang" in label for label in labels) and labels[-1] == "Xong"
    assert "Đã xuất" in dialog.status.text()
    assert not dialog.open_file_button.isHidden() and not dialog.open_folder_button.isHidden()
    assert dialog.open_file_button.menu() is not None  # two files: pick which to open
    # options and folder remembered for next time
    assert app_settings.export_page_size == "A5" and app_settings.export_booklet
    assert app_settings.export_folder == str(out)
    dialog.grab().save(str(artifacts / "export-dialog-done.png"))


def test_open_file_and_folder_use_desktop_services(
    qtbot, services, sample_issue, app_settings, out, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    app_settings.export_folder = str(out)
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings)
    with qtbot.waitSignal(dialog.export_done, timeout=WAIT_MS):
        dialog.start_export()
    dialog.open_file_button.click()
    dialog.open_folder_button.click()
    assert opened == [str(out / "ban-tin-so-6-2026.pdf"), str(out)]


def test_cancel_mid_export(qtbot, services, sample_issue, app_settings, out, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The worker is held at page 2 until the editor presses Hủy xuất, then stops at page 3."""
    real_export = services.exports.export

    def held_export(*args, progress, cancel, **kwargs):  # type: ignore[no-untyped-def]
        def hold(p: Progress) -> None:
            progress(p)
            if p.label.endswith("trang 2"):
                deadline = time.monotonic() + 20
                while not cancel.cancelled and time.monotonic() < deadline:
                    time.sleep(0.01)

        return real_export(*args, progress=hold, cancel=cancel, **kwargs)

    monkeypatch.setattr(services.exports, "export", held_export)
    app_settings.export_folder = str(out)
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings)
    dialog.docx_row.check.setChecked(True)

    def cancel_at_page_two(p: Progress) -> None:
        if p.label.endswith("trang 2"):
            assert dialog.cancel_button.isVisible() and dialog.close_button.isHidden()
            dialog.cancel_button.click()

    dialog.progressed.connect(cancel_at_page_two)
    dialog.start_export()
    assert dialog.running and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert "Đã hủy" in dialog.status.text()
    assert _files(out) == []
    assert dialog.export_button.isEnabled() and dialog.open_file_button.isHidden()


def test_refused_export_shows_findings(qtbot, services, sample_issue, app_settings, out, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    pub = services.publication.get()
    pub.licence_number = ""
    pub.printing_place = ""
    services.publication.save(pub)
    app_settings.export_folder = str(out)
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings)
    errors = [f for f in dialog.findings if f.level == "error"]
    assert len(errors) == 2 and all("Trang cuối thiếu" in f.message for f in errors)
    assert dialog.findings[0].level == "error"  # errors listed first
    assert not dialog.force.isHidden() and not dialog.force.isChecked()
    assert "2 lỗi" in dialog.check_summary.text()

    with qtbot.waitSignal(dialog.export_done, timeout=WAIT_MS) as done:
        dialog.start_export()
    assert done.args[0].refused
    assert _files(out) == []
    assert "Chưa xuất" in dialog.status.text() and dialog.open_file_button.isHidden()

    # a click on a finding hands it to the main window
    with qtbot.waitSignal(dialog.finding_activated) as activated:
        item = dialog.findings_list.item(0)
        rect = dialog.findings_list.visualItemRect(item)
        qtbot.mouseClick(dialog.findings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args[0] == errors[0]

    # forced after the errors were shown: the files are written
    dialog.force.setChecked(True)
    with qtbot.waitSignal(dialog.export_done, timeout=WAIT_MS) as done:
        dialog.start_export()
    assert not done.args[0].refused
    assert _files(out) == ["ban-tin-so-6-2026.pdf"]
    assert no_dialogs == []


def test_refused_screenshot(qtbot, services, sample_issue, app_settings, out, artifacts) -> None:  # type: ignore[no-untyped-def]
    pub = services.publication.get()
    pub.responsible_person = ""
    services.publication.save(pub)
    app_settings.export_folder = str(out)
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings)
    dialog.resize(720, 640)
    dialog.grab().save(str(artifacts / "export-dialog-findings.png"))
    assert not dialog.force.isHidden()
    assert dialog.open_file_button.isHidden() and dialog.open_folder_button.isHidden()  # nothing written yet
    assert dialog.custom_w.isHidden() and dialog.times_label.isHidden()


def test_option_change_rechecks(qtbot, services, sample_issue, app_settings, out) -> None:  # type: ignore[no-untyped-def]
    app_settings.export_folder = str(out)
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings)
    assert any(f.kind == "page-multiple" for f in dialog.findings)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS) as checked:
        dialog.booklet.setChecked(True)
    assert not any(f.kind == "page-multiple" for f in checked.args[0].findings)
    # a custom size beyond the legal 19 × 27 cm is an error in the list
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS) as checked:
        dialog.page_size.setCurrentIndex(dialog.page_size.findData("custom"))
        dialog.custom_w.setValue(210)
        dialog.custom_h.setValue(297)
    assert dialog.page_size_text() == "210x297mm"
    assert any(f.kind == "trim-size" for f in checked.args[0].findings)
    assert not dialog.force.isHidden()


def test_existing_file_asks_before_overwrite(
    qtbot, services, sample_issue, app_settings, out, no_dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    app_settings.export_folder = str(out)
    target = out / "ban-tin-so-6-2026.pdf"
    target.write_bytes(b"old")
    dialog = _open_dialog(qtbot, services, sample_issue, app_settings)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.start_export()
    assert not dialog.running and target.read_bytes() == b"old"
