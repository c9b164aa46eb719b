"""The translation in the GUI, offscreen: create the English version from the editor, the
pair side by side (aligned, edited, saved versioned), the partner picker, the library's
translation column and "Cần dịch" filter, and the translator's package report."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language, TranslationState
from bulletin_app.domain.body import Figure, Heading, ListBlock, parse_body
from bulletin_app.domain.translation_units import units_of
from bulletin_app.gui.editor.translation_view import TARGET, TranslationDialog
from bulletin_app.gui.widgets.article_picker import ArticlePicker
from tests.test_gui_editor import _open, answers  # noqa: F401 — the fixture closes the editors it opened

STRUCTURED = """## Hợp tác giáo dục

Hai bên trao đổi về **đào tạo** nguồn nhân lực.

- Học bổng cho sinh viên
- Trao đổi giáo viên

![Lãnh đạo tỉnh tiếp Đoàn công tác](asset:abc123 "Ảnh: TNGOV")
"""


@pytest.fixture
def original(services) -> int:  # type: ignore[no-untyped-def]
    article_id, _ = services.articles.add(
        ArticleDraft("Thái Nguyên và Thụy Điển hợp tác giáo dục", STRUCTURED, "Sapo về hợp tác."),
        ArticleStatus.APPROVED,
    )
    return article_id


def test_create_english_version_then_translate_side_by_side(qtbot, services, original, answers, artifacts) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    editor = _open(qtbot, services, original)
    panel = editor.metadata_panel
    assert panel.create_english.isVisible() and panel.create_english.isEnabled()
    assert not panel.side_by_side.isEnabled()  # no partner yet
    panel.create_english.click()
    qtbot.waitUntil(lambda: editor.translation.dialog is not None, timeout=10000)
    dialog: TranslationDialog = editor.translation.dialog
    qtbot.waitUntil(lambda: dialog.aligned is not None, timeout=10000)
    english = services.articles.partner(original)
    assert english is not None and english.language == Language.EN
    assert services.articles.get(original).translation_id == english.id
    # the English article has the original's structure, ready to translate
    assert [type(b) for b in parse_body(english.body)] == [Heading, type(parse_body(STRUCTURED)[1]), ListBlock, Figure]
    assert parse_body(english.body)[3].asset == "abc123"
    # the editor reloaded the original (the link moved its version) and shows the partner
    qtbot.waitUntil(lambda: panel.translation_id == english.id, timeout=10000)
    assert editor.version == services.articles.get(original).version
    # aligned: one row per unit, Vietnamese left, the text to translate right
    units = units_of(services.articles.get(original))
    assert dialog.table.rowCount() == len(units)
    assert [dialog.table.item(r, 0).text() for r in range(len(units))] == [u.text for u in units]
    translations = {
        0: "Thai Nguyen and Sweden cooperate in education",
        1: "A lead about cooperation.",
        2: "Education cooperation",
        4: "Scholarships for students",
        6: "Provincial leaders receive the delegation",
    }
    for row, text in translations.items():
        dialog.table.item(row, TARGET).setText(text)
    assert dialog.save_button.isEnabled()
    dialog.resize(1100, 620)
    dialog.table.resizeRowsToContents()
    dialog.grab().save(str(artifacts / "translation-side-by-side.png"))
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    saved = services.articles.get(english.id)
    assert saved.title == translations[0] and saved.version > english.version
    blocks = parse_body(saved.body)
    assert blocks[0].runs[0].text == "Education cooperation"
    assert blocks[2].items[0].runs[0].text == "Scholarships for students"
    assert blocks[3].caption == "Provincial leaders receive the delegation" and blocks[3].credit == "Ảnh: TNGOV"
    # the untouched paragraph kept its emphasis (still the Vietnamese text, to translate)
    assert any(r.bold for r in blocks[1].runs)
    assert services.articles.translation_state(original) == TranslationState.IN_PROGRESS
    qtbot.waitUntil(lambda: dialog.aligned is not None and dialog.aligned.translation.version == saved.version)
    dialog.close()


def test_a_stale_side_by_side_save_is_refused(qtbot, services, original, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    english, _ = services.translations.create_partner(original)
    dialog = TranslationDialog(services, english.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.aligned is not None, timeout=10000)
    services.articles.update(english.id, None, title="Changed elsewhere")
    dialog.table.item(0, TARGET).setText("My title")
    dialog.save()
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=10000)
    assert "phiên bản" in no_dialogs[-1][1]
    assert services.articles.get(english.id).title == "Changed elsewhere"


def test_picker_links_a_partner_by_title(qtbot, services, original, answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    en_id, _ = services.articles.add(ArticleDraft("Sweden and Thai Nguyen", "Cooperation.", language=Language.EN))
    picker = ArticlePicker(services, Language.EN)
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=10000)
    picker.search.setText("sweden")
    qtbot.waitUntil(lambda: picker.results.count() == 1 and picker.chosen() == en_id, timeout=10000)
    picker.search.setText("không có gì như thế")
    qtbot.waitUntil(lambda: picker.results.count() == 0, timeout=10000)

    editor = _open(qtbot, services, original)

    def choose(self) -> int:  # type: ignore[no-untyped-def]
        self.search.setText("sweden")
        qtbot.waitUntil(lambda: self.chosen() == en_id, timeout=10000)
        return 1

    monkeypatch.setattr(ArticlePicker, "exec", choose)
    editor.metadata_panel.choose_partner.click()
    assert editor.metadata_panel.translation_id == en_id
    qtbot.waitUntil(lambda: "Sweden and Thai Nguyen" in editor.metadata_panel.partner_label.text(), timeout=10000)
    with qtbot.waitSignal(editor.saved, timeout=10000) as blocker:
        editor.save()
    assert blocker.args[0].articles_changed == {original, en_id}
    assert services.articles.get(en_id).translation_id == original
    qtbot.waitUntil(lambda: editor.metadata_panel.side_by_side.isEnabled(), timeout=10000)
    editor.metadata_panel.unlink_partner.click()
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save()
    assert services.articles.get(en_id).translation_id is None


def test_library_shows_translation_state_and_filters_it(qtbot, services, original) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.background.tasks import TaskRunner
    from bulletin_app.gui.library.library_page import LibraryPage

    other, _ = services.articles.add(ArticleDraft("Tin thứ hai về hợp tác", "Nội dung tiếng Việt khác."))
    services.translations.create_partner(original)
    page = LibraryPage(services, TaskRunner())
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    states = {page.model.data(page.model.index(r, 1)): page.model.data(page.model.index(r, 9)) for r in range(3)}
    assert states["Thái Nguyên và Thụy Điển hợp tác giáo dục"] == "Đang dịch"
    assert states["Tin thứ hai về hợp tác"] == "Cần dịch"
    page.translation_filter.setCurrentIndex(page.translation_filter.findData(TranslationState.NONE))
    qtbot.waitUntil(lambda: page.model.ids() == [other], timeout=10000)


def test_package_import_report_lists_each_article(qtbot, services, original, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from bulletin_app.gui.background.tasks import TaskRunner
    from bulletin_app.gui.window.translation_actions import TranslationActions

    written = services.translations.export_package([original], tmp_path / "goi.xlf")
    xml = written.path.read_text("utf-8").replace("</source>", "</source><target>Translated</target>", 1)
    written.path.write_text(xml, "utf-8")
    window = QWidget()
    qtbot.addWidget(window)
    changes: list = []
    actions = TranslationActions(window, services, TaskRunner(), changes.append, lambda _i: None, lambda: None)
    shown: list = []
    actions.show_report = lambda report: shown.append(report)  # type: ignore[method-assign]
    actions.import_package(written.path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    (report,) = shown
    assert report.articles[0].outcome == "created" and report.articles[0].untranslated
    assert changes and original in changes[0].articles_changed
