"""The main window, offscreen: lists the library, searches, previews, imports; models are sound."""

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox

from bulletin_app.gui.library.article_table_model import ArticleTableModel
from bulletin_app.gui.window.main_window import MainWindow
from tests.conftest import type_text


@pytest.fixture
def window(qtbot, seeded, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: QMessageBox.StandardButton.Ok)
    win = MainWindow(seeded)
    qtbot.addWidget(win)
    win.resize(1200, 760)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 5, timeout=10000)
    return win


def test_window_lists_the_library(window, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    titles = {window.library.model.index(r, 1).data() for r in range(window.library.model.rowCount())}
    assert "Dấu ấn một chặng đường" in titles
    assert "5 tin bài" in window.count_label.text()
    first = window.library.model.index(0, 1).data()
    assert window.library.preview.toPlainText().startswith(first)  # first row previewed
    window.grab().save(str(artifacts / "library.png"))


def test_typing_vietnamese_searches(window, qtbot, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    window.library.search_box.setFocus()
    type_text(window.library.search_box, "thụy điển")
    assert window.library.search_box.text() == "thụy điển"
    qtbot.waitUntil(lambda: "kết quả" in window.count_label.text(), timeout=10000)
    assert window.count_label.text() == "5 kết quả"
    top = window.library.model.index(0, 1).data()
    assert top != "Nhịp cầu gắn kết hội nhập và phát triển"  # the only seed without Thụy Điển is last
    assert window.library.model.index(4, 1).data() == "Nhịp cầu gắn kết hội nhập và phát triển"
    window.grab().save(str(artifacts / "search.png"))
    window.library.search_box.clear()
    qtbot.waitUntil(lambda: "tin bài" in window.count_label.text(), timeout=10000)


def test_import_in_background_updates_the_table(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "moi.txt"
    good.write_text("Tin mới về KOICA\nDự án của KOICA tại Thái Nguyên.", encoding="utf-8")
    bad = tmp_path / "hong.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    window.import_files([good, bad])
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 6, timeout=10000)
    assert window.library.model.index(0, 1).data() == "Tin mới về KOICA"
    assert "Đã nhập 1 tin bài" in window.statusBar().currentMessage()


def test_columns_page_adds_and_renames(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    window.nav.setCurrentRow(2)
    page = window.columns_page
    qtbot.waitUntil(lambda: page.list.count() == 8, timeout=10000)
    assert page.list.item(1).text().startswith("Ngoại giao kinh tế")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hợp tác địa phương", True))
    page.add_column()
    qtbot.waitUntil(lambda: page.list.count() == 9, timeout=10000)
    assert any(c.name == "Hợp tác địa phương" for c in window.services.library.columns())
    assert window.library.column_filter.findData("Hợp tác địa phương") >= 0  # the library's filter follows
    page.list.setCurrentRow(8)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hợp tác các địa phương", True))
    page.rename_current()
    qtbot.waitUntil(lambda: page.list.item(8).text().startswith("Hợp tác các địa phương"), timeout=10000)


def test_menus_are_vietnamese_with_word_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Tệp", "&Sửa", "Số &bản tin", "&Xem", "Trợ &giúp"]
    shortcuts = {
        a.shortcut().toString(): a.text() for m in window.menuBar().actions() for a in m.menu().actions() if a.text()
    }
    for key in ("Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+F", "Ctrl+P", "Ctrl+E", "F2", "Del"):
        assert key in shortcuts, key


def test_article_model_passes_qtmodeltester(qtmodeltester, seeded) -> None:  # type: ignore[no-untyped-def]
    model = ArticleTableModel(seeded.articles.summaries)
    model.set_ids(seeded.articles.list_ids())
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    model.invalidate({model.article_id(0)})
    qtmodeltester.check(model)
