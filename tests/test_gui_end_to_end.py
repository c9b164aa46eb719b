"""An editor's week, start to finish, in the real window (offscreen): drop the seed files on the
window, fix a title and a case flip in the editor, approve, create an issue and drag articles
into its sections, reorder, preview, export PDF and DOCX in the worker process, read both back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")

from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from bulletin_app.domain.article import ArticleStatus
from bulletin_app.gui.library.article_table_model import TITLE
from bulletin_app.gui.window.main_window import ISSUES, PUBLICATION, MainWindow
from tests.conftest import type_text

TIMEOUT = 60000


def _drop(window: MainWindow, *paths: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(400, 300), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


def _editor_for(window: MainWindow, qtbot, article_id: int):  # type: ignore[no-untyped-def]
    window.open_article(article_id)
    editor = window.editors[article_id]
    qtbot.waitUntil(lambda: editor.article is not None, timeout=TIMEOUT)
    return editor


def test_an_editors_week(qtbot, services, seeds, no_dialogs, tmp_path, artifacts) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()

    # 1. drag & drop the seed folder onto the window; the import dialog reports each file
    _drop(window, seeds)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5, timeout=TIMEOUT)
    titles = {window.library.model.index(r, TITLE).data() for r in range(5)}
    assert "Dấu ấn một chặng đường" in titles

    # 2. rename an article in the editor, fix a case flip
    target = next(s for s in services.articles.list() if "uBND" in services.articles.get(s.id).body)
    editor = _editor_for(window, qtbot, target.id)
    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    type_text(editor.title_edit, "Dấu ấn một chặng đường hợp tác")
    assert editor.apply_fix("case-flip", "uBND") >= 1
    assert editor.apply_fix("case-flip", "QĐuBND") == 1  # "3468/QĐuBND" → "3468/QĐ-UBND"
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save()
    saved = services.articles.get(target.id)
    assert saved.title == "Dấu ấn một chặng đường hợp tác" and "uBND" not in saved.body
    qtbot.waitUntil(
        lambda: (
            window.library.model.index(window.library.model.row_of(target.id), TITLE).data()
            == "Dấu ấn một chặng đường hợp tác"
        ),
        timeout=TIMEOUT,
    )
    editor.close()
    # the two texts without a headline came in untitled (never a cut sentence): the editor titles them
    untitled = [s for s in services.articles.list() if not s.title]
    assert len(untitled) == 2
    assert (
        window.library.model.index(window.library.model.row_of(untitled[0].id), TITLE)
        .data()
        .startswith("(chưa có tiêu đề")
    )
    for summary, title in zip(
        untitled,
        ("Sở Ngoại vụ đưa Thái Nguyên đến gần bạn bè quốc tế", "Vận dụng sáng tạo ngoại giao “cây tre Việt Nam”"),
        strict=True,
    ):
        editor = _editor_for(window, qtbot, summary.id)
        assert any("tiêu đề" in label.text() for label, _button in editor.finding_rows)
        editor.title_edit.setFocus()
        type_text(editor.title_edit, title)
        with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
            editor.save()
        assert services.articles.get(summary.id).title == title
        editor.close()

    # 3. approve everything and file it under columns (bulk edits from the library's selection)
    page = window.library
    page.table.selectAll()
    ids = page.selected_ids()
    page.set_status(ArticleStatus.APPROVED)
    qtbot.waitUntil(
        lambda: all(s.status == ArticleStatus.APPROVED for s in services.articles.summaries(ids)), timeout=TIMEOUT
    )
    page.table.clearSelection()
    selection = page.table.selectionModel()
    for row in (0, 1):
        selection.select(page.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    economic = page.selected_ids()
    assert len(economic) == 2
    page.set_column("Ngoại giao kinh tế")
    qtbot.waitUntil(
        lambda: all(s.column == "Ngoại giao kinh tế" for s in services.articles.summaries(economic)), timeout=TIMEOUT
    )
    others = [i for i in ids if i not in economic]
    services.articles.bulk_update(others, column="Sự kiện – Hoạt động")

    # 4. a new issue; the library's rows dragged onto it land in their columns' sections; reorder by drag
    issue_id, _ = services.issues.create(12, dt.date(2026, 12, 15), title="Số cuối năm")
    window.nav.setCurrentRow(ISSUES)
    composer = window.composer
    composer.show_issue(issue_id)
    qtbot.waitUntil(lambda: getattr(composer.model.issue(), "id", None) == issue_id, timeout=TIMEOUT)  # loaded
    dragged = page.model.mimeData([page.model.index(page.model.row_of(i), 0) for i in ids])
    assert composer.model.dropMimeData(dragged, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: len(services.issues.get(issue_id).article_ids) == 5, timeout=TIMEOUT)
    sections = {s.name: [e.article_id for e in s.entries] for s in services.issues.get(issue_id).sections}
    assert sorted(sections["Ngoại giao kinh tế"]) == sorted(economic)
    assert sorted(sections["Sự kiện – Hoạt động"]) == sorted(others)
    qtbot.waitUntil(lambda: composer.model.index_of_section("Sự kiện – Hoạt động").isValid(), timeout=TIMEOUT)
    first, *rest = sections["Sự kiện – Hoạt động"]
    moving = composer.model.mimeData([composer.model.index_of_article(first)])
    section = composer.model.index_of_section("Sự kiện – Hoạt động")
    assert composer.model.dropMimeData(moving, Qt.DropAction.MoveAction, len(rest) + 1, 0, section)
    qtbot.waitUntil(
        lambda: (
            [
                e.article_id
                for s in services.issues.get(issue_id).sections
                if s.name == "Sự kiện – Hoạt động"
                for e in s.entries
            ]
            == [*rest, first]
        ),
        timeout=TIMEOUT,
    )

    # 5. the live preview is the real PDF, laid out in the worker process
    with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT) as ready:
        composer.refresh_preview()
    assert ready.args[0] >= 4 and composer.preview.page_count() == ready.args[0]
    qtbot.waitUntil(lambda: composer.preview.thumbnails_pending() == 0, timeout=TIMEOUT)
    qtbot.wait(500)  # QPdfView draws its pages asynchronously
    window.grab().save(str(artifacts / "end-to-end-composer.png"))
    # captions whose photos the copied pages did not bring are an error: one click drops them
    button = composer.fix_captions_button
    assert button.isVisible() and button.text().startswith("Bỏ ")
    with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=TIMEOUT)

    # 6. the colophon needs the licence data (Press Law art. 34): fill the publication record, Ctrl+S
    window.nav.setCurrentRow(PUBLICATION)
    form = window.publication
    qtbot.waitUntil(lambda: form.fields["licence_number"].isEnabled(), timeout=TIMEOUT)
    for name, value in (
        ("licence_number", "25/GP-STTTT"),
        ("licence_issuer", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên"),
        ("printing_place", "Công ty Cổ phần In Thái Nguyên"),
        ("responsible_person", "Nguyễn Văn Minh"),
    ):
        form.fields[name].setFocus()
        form.fields[name].clear()
        type_text(form.fields[name], value)
    form.licence_date.set_value(dt.date(2026, 1, 10))
    with qtbot.waitSignal(form.saved, timeout=TIMEOUT):
        window.save_action.trigger()
    assert services.publication.get().printing_place == "Công ty Cổ phần In Thái Nguyên"
    window.grab().save(str(artifacts / "end-to-end-publication.png"))

    # 7. export PDF and DOCX from the export dialog (Ctrl+E), as a saddle-stitched booklet
    window.export_action.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled() and not dialog.running, timeout=TIMEOUT)
    pdf, docx = tmp_path / "ban-tin-so-12.pdf", tmp_path / "ban-tin-so-12.docx"
    dialog.pdf_row.check.setChecked(True)
    dialog.pdf_row.path.setText(str(pdf))
    dialog.docx_row.check.setChecked(True)
    dialog.docx_row.path.setText(str(docx))
    dialog.booklet.setChecked(True)
    with qtbot.waitSignal(dialog.export_done, timeout=TIMEOUT) as done:
        dialog.start_export()
    report = done.args[0]
    assert not report.refused, [f.message for f in report.errors]
    dialog.grab().save(str(artifacts / "end-to-end-export.png"))

    reader = PdfReader(str(pdf))
    assert len(reader.pages) % 4 == 0
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Dấu ấn một chặng đường hợp tác" in text and "uBND" not in text
    document = Document(str(docx))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Dấu ấn một chặng đường hợp tác" in paragraphs
    assert any(p.startswith("Số cuối năm") or "Số 12" in p for p in paragraphs)
    dialog.close()
