"""The library page and import, offscreen, on real SQLite libraries."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.gui.library.article_table_model import TITLE
from bulletin_app.gui.library.import_dialog import ImportDialog
from bulletin_app.gui.widgets.mime import ARTICLE_IDS_MIME, decode_article_ids
from bulletin_app.gui.window.main_window import MainWindow


def _titles(window: MainWindow) -> list[str]:
    model = window.library.model
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def _wait_rows(qtbot, window: MainWindow, n: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.library.model.rowCount() == n, timeout=15000)


@pytest.fixture
def window(qtbot, seeded, no_dialogs):  # type: ignore[no-untyped-def]
    win = MainWindow(seeded)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    _wait_rows(qtbot, win, 5)
    return win


def test_header_click_sorts_in_vietnamese_order_both_ways(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    header = window.library.table.horizontalHeader()
    header.sectionClicked.emit(TITLE)
    expected = [
        "Công tác đối ngoại là “đòn bẩy” trong mời gọi đầu tư tại Thái Nguyên",
        "Dấu ấn một chặng đường",
    ]
    qtbot.waitUntil(lambda: _titles(window)[:2] == expected, timeout=10000)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    ascending = _titles(window)
    header.sectionClicked.emit(TITLE)
    qtbot.waitUntil(lambda: _titles(window) == ascending[::-1], timeout=10000)


def test_filters_and_search_combine(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = window.services
    target = services.search.search("Dấu ấn một chặng đường").hits[0].id
    services.articles.update(target, None, status="approved", column="Ngoại giao kinh tế")
    window.library.refresh_columns()
    page = window.library
    qtbot.waitUntil(lambda: page.column_filter.findData("Ngoại giao kinh tế") >= 0, timeout=10000)
    page.status_filter.setCurrentIndex(page.status_filter.findData("approved"))
    _wait_rows(qtbot, window, 1)
    assert _titles(window) == ["Dấu ấn một chặng đường"]
    page.status_filter.setCurrentIndex(0)
    page.column_filter.setCurrentIndex(page.column_filter.findData("Ngoại giao kinh tế"))
    _wait_rows(qtbot, window, 1)
    page.search_box.setText("koica")  # the article mentions KOICA: still one row, now as a search result
    qtbot.waitUntil(lambda: window.count_label.text() == "1 kết quả", timeout=10000)
    page.search_box.setText("zanzibar")  # no article mentions it
    qtbot.waitUntil(lambda: window.count_label.text() == "0 kết quả", timeout=10000)
    assert "Không tìm thấy" in page.preview.toPlainText()


def test_date_filter(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.library
    page.date_from.setDate(dt.date(2019, 12, 1))
    page.date_to.setDate(dt.date(2019, 12, 31))
    _wait_rows(qtbot, window, 1)
    assert _titles(window) == ["Dấu ấn một chặng đường"]


def test_search_highlights_words_without_accents(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.library.search_box.setText("thuy dien")
    qtbot.waitUntil(lambda: window.count_label.text() == "5 kết quả", timeout=10000)
    # the first hit is previewed once the results stop changing (not after every key)
    qtbot.waitUntil(lambda: "background-color:#ffe58a" in window.library.preview.toHtml().replace(" ", ""))
    assert "Thụy Điển" in window.library.preview.toPlainText()
    window.library.table.selectRow(1)  # a row the editor picks is shown at once
    assert window.library.model.summary(1).title in window.library.preview.toPlainText()


def test_delete_goes_to_trash_and_comes_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.library
    page.table.selectRow(0)
    doomed = page.selected_ids()
    page.delete_action.trigger()
    _wait_rows(qtbot, window, 4)
    assert doomed[0] not in page.model.ids()
    page.view_combo.setCurrentIndex(page.view_combo.findData("trash"))
    _wait_rows(qtbot, window, 1)
    assert page.model.ids() == doomed
    assert window.count_label.text() == "1 tin bài trong thùng rác"
    page.table.selectRow(0)
    page.restore_action.trigger()
    _wait_rows(qtbot, window, 0)
    page.view_combo.setCurrentIndex(0)
    _wait_rows(qtbot, window, 5)


def test_bulk_column_change_and_tags(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = window.library
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
    )
    ids = page.selected_ids()
    assert len(ids) == 2
    page.set_column("Văn hóa đối ngoại")
    qtbot.waitUntil(
        lambda: all(s.column == "Văn hóa đối ngoại" for s in window.services.articles.summaries(ids)), timeout=10000
    )
    qtbot.waitUntil(lambda: page.model.index(0, 2).data() == "Văn hóa đối ngoại", timeout=10000)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hàn Quốc, KOICA", True))
    page.tag_selected()
    qtbot.waitUntil(lambda: "KOICA" in window.services.articles.get(ids[1]).tags, timeout=10000)
    assert window.services.articles.get(ids[0]).tags[-2:] == ("Hàn Quốc", "KOICA")


def test_f2_rename_saves_with_a_revision(window) -> None:  # type: ignore[no-untyped-def]
    model = window.library.model
    index = model.index(0, TITLE)
    article_id = model.article_id(0)
    revisions = len(window.services.articles.revisions(article_id))
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "Tiêu đề mới: Hợp tác với KOICA")
    assert window.services.articles.get(article_id).title == "Tiêu đề mới: Hợp tác với KOICA"
    assert model.index(0, TITLE).data() == "Tiêu đề mới: Hợp tác với KOICA"
    assert len(window.services.articles.revisions(article_id)) == revisions + 1
    assert not model.setData(index, "   ")  # an empty title is refused


def test_f2_rename_of_a_row_another_editor_changed_is_refused_not_lost(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The row shows version n; another editor saves n+1; the rename is a conflict, theirs stays
    and the row reloads to show it."""
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    model = window.library.model
    index = model.index(0, TITLE)
    article_id = model.article_id(0)
    shown = model.index(0, TITLE).data()
    current = window.services.articles.get(article_id)
    window.services.articles.update(article_id, current.version, title="Tiêu đề do người khác sửa")
    assert not model.setData(index, "Tiêu đề của tôi")
    assert warnings and "phiên bản" in warnings[0]
    assert window.services.articles.get(article_id).title == "Tiêu đề do người khác sửa"
    assert model.index(0, TITLE).data() in ("Tiêu đề do người khác sửa", shown)  # reloaded in the background
    assert window.services.articles.summaries([article_id])[0].version == current.version + 1


def test_rows_drag_out_as_article_ids(window) -> None:  # type: ignore[no-untyped-def]
    model = window.library.model
    data = model.mimeData([model.index(0, 1), model.index(2, 3), model.index(0, 4)])
    assert data.hasFormat(ARTICLE_IDS_MIME)
    assert decode_article_ids(data) == [model.article_id(0), model.article_id(2)]
    assert decode_article_ids(QMimeData()) == []


def test_import_report_names_duplicates_and_errors(window, qtbot, seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "hỏng.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 binary \xff\xfe")
    dialog = window.import_files([seeds, bad])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    outcomes = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert sum(o.startswith("Trùng với tin bài số") for o in outcomes) == 5
    assert outcomes[-1].startswith("Lỗi:")
    assert dialog.table.item(5, 0).text() == "hỏng.txt"
    assert dialog.status.text() == "Đã nhập 0 tin bài, 5 tệp đã có trong thư viện, 1 tệp không nhập được."
    opened: list[int] = []
    dialog.article_activated.connect(opened.append)
    dialog.table.itemDoubleClicked.emit(dialog.table.item(0, 1))
    assert opened == [dialog.report.results[0].duplicate_of]
    dialog.grab().save(str(tmp_path / "report.png"))
    dialog.close()


def test_import_can_be_cancelled(qtbot, services, no_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.background.process_runner import ProcessRunner

    folder = tmp_path / "nhiều tệp"
    folder.mkdir()
    for n in range(60):
        (folder / f"tin-{n:02}.txt").write_text(f"Tin số {n}\nHợp tác số {n} với tỉnh bạn {n * 7}.", encoding="utf-8")
    runner = ProcessRunner(services)
    dialog = ImportDialog(services, [folder], runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=10000)
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report.cancelled
    imported = len(dialog.report.imported)
    assert 1 <= imported < 60
    assert services.articles.count() == imported  # nothing half-written
    assert dialog.status.text().startswith("Đã dừng theo yêu cầu.")
    runner.shutdown()


def test_dropping_files_on_the_window_imports_them(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Tin Hà Giang.txt"
    path.write_text("Đoàn công tác tỉnh Hà Giang\nĐoàn công tác làm việc với Sở Ngoại vụ.", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(300, 300), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    _wait_rows(qtbot, window, 6)
    assert "Đoàn công tác tỉnh Hà Giang" in _titles(window)


def test_first_run_offers_sample_data(qtbot, services, no_dialogs, artifacts) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.library.table_stack.currentWidget() is win.library.welcome, timeout=10000)
    win.grab().save(str(artifacts / "first-run.png"))
    win.library.welcome_sample.click()
    qtbot.waitUntil(lambda: win.library.model.rowCount() > 5, timeout=30000)
    assert win.library.table_stack.currentWidget() is win.library.table
    qtbot.waitUntil(lambda: win.composer.current_issue_id() is not None, timeout=30000)
    assert (
        "question",
        "Thêm các tin bài mẫu, thông tin xuất bản mẫu và một số bản tin mẫu vào thư viện?",
    ) in no_dialogs


def test_qt_widgets_speak_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Lưu"]
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts[:2] == ["&Hoàn tác", "&Làm lại"]
    assert "&Dán" in texts


def test_status_and_language_columns_are_labelled(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    article_id, _ = window.services.articles.add(
        ArticleDraft(title="Tin đã duyệt", body="Nội dung.", language="en"), ArticleStatus.APPROVED
    )
    window.library.reload()
    _wait_rows(qtbot, window, 6)
    row = window.library.model.row_of(article_id)
    assert window.library.model.index(row, 4).data() == "Đã duyệt"
    assert window.library.model.index(row, 7).data() == "Tiếng Anh"


def test_long_lists_show_a_first_page_then_the_rest(qtbot, services, no_dialogs, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    services.articles.add_many(
        [ArticleDraft(title=f"Tin hợp tác số {n}", body=f"Hợp tác với đối tác số {n}.") for n in range(230)]
    )
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    _wait_rows(qtbot, win, 230)  # 200 first, then the other 30 appended
    ids = win.library.model.ids()
    assert ids == services.articles.list_ids()
    qtmodeltester.check(win.library.model)
    win.library.search_box.setText("hop tac")
    qtbot.waitUntil(lambda: win.count_label.text() == "230 kết quả", timeout=15000)


def test_articles_reach_the_open_issue_from_the_library(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Drag over “Số bản tin” opens that page (the drag goes on into the sections); dropping on it
    or the context-menu action puts the articles into the issue open in the composer."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    from bulletin_app.gui.widgets.mime import encode_article_ids
    from bulletin_app.gui.window.main_window import ISSUES, LIBRARY

    services = window.services
    issue_id, _ = services.issues.create(3, dt.date(2026, 12, 1), title="Số thử")
    window.composer.show_issue(issue_id)
    qtbot.waitUntil(lambda: getattr(window.composer.current_issue(), "id", None) == issue_id, timeout=15000)

    page = window.library
    page.table.selectRow(0)
    first = page.selected_ids()
    page.add_to_issue_action.trigger()
    qtbot.waitUntil(lambda: services.issues.get(issue_id).article_ids == first, timeout=15000)
    assert "Đã đặt 1 tin bài vào số 3." in window.statusBar().currentMessage()

    nav = window.nav
    assert nav.currentRow() == LIBRARY
    data = encode_article_ids([page.model.article_id(1)])
    target = nav.visualItemRect(nav.item(ISSUES)).center()
    actions, button, mods = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(nav.viewport(), QDragEnterEvent(QPoint(target), actions, data, button, mods))
    move = QDragMoveEvent(QPoint(target), actions, data, button, mods)
    QApplication.sendEvent(nav.viewport(), move)
    assert move.isAccepted()
    qtbot.waitUntil(lambda: nav.currentRow() == ISSUES, timeout=5000)  # hovering opened the page
    drop = QDropEvent(QPointF(target), actions, data, button, mods)
    QApplication.sendEvent(nav.viewport(), drop)
    qtbot.waitUntil(lambda: len(services.issues.get(issue_id).article_ids) == 2, timeout=15000)


def test_preview_marks_the_words_as_the_user_meant_them(qapp) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.library.article_preview import Highlighter

    text = "Hợp tác toàn diện với Thụy Điển và nhà máy thủy điện; hoà bình và hòa hợp."

    def marked(*terms: str) -> list[str]:
        return [text[a:b] for a, b in Highlighter(list(terms)).spans(text)]

    assert marked("thụy", "điển") == ["Thụy Điển"]  # together, accents as typed: not "diện", not "thủy điện"
    assert marked("thuy", "dien") == ["Thụy Điển", "thủy điện"]  # without accents: both places
    assert marked("điển") == ["Điển"]
    assert marked("hòa") == ["hoà", "hòa"]  # either tone-mark style is the same word
    assert marked("dien") == ["diện", "Điển", "điện"]
