"""Two editors' windows on one library (two engines, as two desks have), on both backends: each
sees the other's saves within 2 s, keeps its selection and its unsaved text, and an article open
in one editor shows who else has it open."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("PySide6")

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.gui.library.article_table_model import TITLE
from bulletin_app.gui.window.main_window import MainWindow
from bulletin_app.services import Services


@pytest.fixture
def two_desks(qtbot, any_seeded, library_url, no_dialogs):  # type: ignore[no-untyped-def]
    other = Services.open(library_url, author="huy")
    mine = MainWindow(any_seeded)
    qtbot.addWidget(mine)
    mine.resize(1280, 800)
    mine.show()
    qtbot.waitUntil(lambda: mine.library.model.rowCount() == 5, timeout=15000)
    yield mine, other
    other.close()


def _titles(window: MainWindow) -> list[str]:
    model = window.library.model
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def test_a_window_shows_another_desks_saves_within_two_seconds(two_desks, qtbot, figure) -> None:  # type: ignore[no-untyped-def]
    mine, other = two_desks
    mine.library.table.selectRow(2)
    chosen = mine.library.model.article_id(2)
    renamed = mine.library.model.article_id(0)
    started = time.monotonic()
    other.articles.update(renamed, None, title="Tiêu đề do Huy sửa")
    qtbot.waitUntil(lambda: "Tiêu đề do Huy sửa" in _titles(mine), timeout=2000)
    shown_after = time.monotonic() - started
    assert mine.library.model.article_id(mine.library.table.currentIndex().row()) == chosen  # selection kept
    assert "huy vừa lưu" in mine.statusBar().currentMessage()
    new_id, _ = other.articles.add(ArticleDraft("Tin Huy vừa nhập", "Nội dung mới."))
    qtbot.waitUntil(lambda: mine.library.model.row_of(new_id) is not None, timeout=2000)
    assert mine.library.model.article_id(mine.library.table.currentIndex().row()) == chosen
    figure(f"another desk's rename shown after {shown_after:.2f} s")


def test_an_open_editor_keeps_its_text_and_says_who_saved_and_who_has_it_open(two_desks, qtbot, artifacts) -> None:  # type: ignore[no-untyped-def]
    mine, other = two_desks
    article_id = mine.library.model.article_id(1)
    other.articles.claim(article_id)  # Huy has it open in his editor
    mine.open_article(article_id)
    editor = mine.editors[article_id]
    qtbot.waitUntil(lambda: editor.article is not None, timeout=5000)
    original = editor.title_edit.text()
    qtbot.waitUntil(lambda: editor.team.bar.isVisible(), timeout=5000)
    assert "huy" in editor.team.bar.text() and "đang được" in editor.team.bar.text()
    editor.title_edit.setText("Tiêu đề tôi đang gõ")
    other.articles.update(article_id, None, sapo="Sa-pô do Huy viết lại.")
    qtbot.waitUntil(lambda: "vừa lưu" in editor.team.bar.text(), timeout=2000)
    assert editor.title_edit.text() == "Tiêu đề tôi đang gõ"  # unsaved text untouched
    editor.resize(1100, 700)
    editor.grab().save(str(artifacts / "editor-team-bar.png"))
    other.articles.release(article_id)
    editor.team._claim()
    qtbot.waitUntil(lambda: "đang được" not in editor.team.bar.text(), timeout=5000)
    editor.title_edit.setText(original)  # nothing left unsaved: it closes without asking
    editor.close()
