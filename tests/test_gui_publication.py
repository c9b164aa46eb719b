"""The publication record page and the preferences dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from bulletin_app.gui.records.publication_form import PublicationForm
from tests.conftest import type_text

WAIT_MS = 30_000


@pytest.fixture
def form(qtbot, qapp, services) -> PublicationForm:  # type: ignore[no-untyped-def]
    widget = PublicationForm(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.activateWindow()  # shortcuts (Ctrl+S) only reach the active window
    qtbot.waitUntil(lambda: widget.original is not None, timeout=WAIT_MS)
    return widget


def _retype(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.selectAll()
    widget.del_()
    type_text(widget, text)


def test_loads_the_record(form, services) -> None:  # type: ignore[no-untyped-def]
    pub = services.publication.get()
    assert form.fields["bulletin_name"].text() == pub.bulletin_name == "Bản tin Đối ngoại Thái Nguyên"
    assert form.frequency.currentText() == pub.frequency
    assert form.print_run.value() == pub.print_run
    assert form.trim_w.value() == pub.trim_width_mm and form.page_limit.value() == pub.page_limit
    assert form.value() == pub
    assert not form.is_dirty() and not form.save_button.isEnabled() and not form.revert_button.isEnabled()


def test_edit_and_save_round_trip(qtbot, form, services) -> None:  # type: ignore[no-untyped-def]
    dirty: list[bool] = []
    form.dirty_changed.connect(dirty.append)
    _retype(form.fields["licence_number"], "  25/GP-STTTT  ")
    _retype(form.fields["printing_place"], "Công ty Cổ phần In Thái Nguyên")
    _retype(form.fields["responsible_person"], "Nguyễn Thị Hằng")
    form.licence_date.set_value(dt.date(2026, 1, 10))
    form.licence_expiry.set_value(dt.date(2026, 12, 31))
    form.print_run.setValue(1500)
    form.board.setPlainText("Trần Thu Hà\n\n  Lê Quang Huy \n")
    form.internal.setChecked(False)
    form.trim_w.setValue(148.0)
    form.trim_h.setValue(210.0)
    form.page_limit.setValue(32)
    form.frequency.setCurrentText("1 tháng/kỳ")
    _retype(form.fields["email"], "bantin@thainguyen.gov.vn")
    assert form.is_dirty() and dirty == [True] and form.save_button.isEnabled()

    form.fields["email"].setFocus()
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(form.fields["email"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert saved.args[0].publication_changed
    stored = services.publication.get()
    assert stored.licence_number == "25/GP-STTTT"  # cleaned by the service
    assert stored.printing_place == "Công ty Cổ phần In Thái Nguyên"
    assert stored.responsible_person == "Nguyễn Thị Hằng"
    assert (stored.licence_date, stored.licence_expiry) == (dt.date(2026, 1, 10), dt.date(2026, 12, 31))
    assert stored.print_run == 1500 and stored.page_limit == 32 and stored.frequency == "1 tháng/kỳ"
    assert stored.editorial_board == ["Trần Thu Hà", "Lê Quang Huy"]
    assert not stored.internal_circulation
    assert (stored.trim_width_mm, stored.trim_height_mm) == (148.0, 210.0)
    assert stored.email == "bantin@thainguyen.gov.vn"
    # the form shows what was stored, clean
    assert form.fields["licence_number"].text() == "25/GP-STTTT"
    assert not form.is_dirty() and dirty == [True, False] and "Đã lưu" in form.status.text()

    # a fresh page reads the same record back
    again = PublicationForm(services)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.original is not None, timeout=WAIT_MS)
    assert again.value() == stored


def test_invalid_values_shown_next_to_the_field(qtbot, form, services, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    before = services.publication.get()
    _retype(form.fields["email"], "bantin-at-thainguyen")
    form.save()
    label = form.errors["email"]
    assert label.isVisible() and "không phải địa chỉ email" in label.text()
    assert form.fields["email"].hasFocus()
    assert services.publication.get() == before  # nothing saved

    _retype(form.fields["email"], "bantin@thainguyen.gov.vn")
    form.check()
    assert not label.isVisible()

    form.trim_w.setValue(210.0)
    form.check()
    assert form.errors["trim"].isVisible() and "19 × 27 cm" in form.errors["trim"].text()
    form.trim_w.setValue(190.0)

    form.licence_date.set_value(dt.date(2026, 1, 10))
    form.licence_expiry.set_value(dt.date(2027, 6, 1))
    form.check()
    assert "tối đa một năm" in form.errors["licence_expiry"].text()

    form.licence_expiry.set_value(None)
    form.fields["bulletin_name"].clear()
    form.save()
    assert form.errors["bulletin_name"].text() == "Không được để trống"
    assert not form.errors["licence_expiry"].isVisible()  # one message at a time, the current one
    assert services.publication.get() == before and no_dialogs == []


def test_licence_expiry_warned_in_advance(form) -> None:  # type: ignore[no-untyped-def]
    assert "Chưa nhập số giấy phép" in form.warning_text.text()  # the seed has no licence yet
    _retype(form.fields["licence_number"], "25/GP-STTTT")
    assert form.warning_banner.isHidden()
    today = dt.date.today()
    form.licence_expiry.set_value(today + dt.timedelta(days=200))
    assert form.warning_banner.isHidden() and "Còn 200 ngày" in form.expiry_note.text()
    soon = today + dt.timedelta(days=12)
    form.licence_expiry.set_value(soon)
    assert not form.warning_banner.isHidden()
    assert f"hết hạn sau 12 ngày ({soon:%d/%m/%Y})" in form.warning_text.text()
    form.licence_expiry.set_value(today - dt.timedelta(days=3))
    assert "đã hết hạn" in form.warning_text.text()


def test_revert(form, services) -> None:  # type: ignore[no-untyped-def]
    original = services.publication.get()
    _retype(form.fields["bulletin_name"], "Tên khác")
    form.page_limit.setValue(48)
    assert form.is_dirty()
    form.revert_button.click()
    assert form.value() == original and not form.is_dirty()


def test_publication_screenshot(qtbot, form, artifacts) -> None:  # type: ignore[no-untyped-def]
    _retype(form.fields["licence_number"], "25/GP-STTTT")
    form.licence_date.set_value(dt.date.today() - dt.timedelta(days=340))
    form.licence_expiry.set_value(dt.date.today() + dt.timedelta(days=20))
    _retype(form.fields["email"], "bantin@")
    form.board.setPlainText("Trần Thu Hà\nLê Quang Huy\nHoàng Thị Lan")
    form.check()
    form.grab().save(str(artifacts / "publication-form.png"))
    assert form.errors["email"].isVisible() and not form.warning_banner.isHidden()


# ------------------------------------------------------------------ preferences


@pytest.fixture
def app_settings(qapp):  # type: ignore[no-untyped-def]
    from bulletin_app.gui.widgets.settings import AppSettings

    settings = AppSettings()
    settings.store.clear()
    return settings


@pytest.fixture
def prefs(qtbot, app_settings):  # type: ignore[no-untyped-def]
    from bulletin_app.gui.window.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(settings=app_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.scanner.running, timeout=WAIT_MS)
    return dialog


def test_preferences_round_trip(qtbot, prefs, app_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.widgets.settings import AppSettings

    assert prefs.body_font.family() == "" and prefs.language.currentData() == "vi"
    assert prefs.autosave.value() == 30
    prefs.location.setText(str(tmp_path / "thu-vien.db"))
    prefs.body_font.select("Spectral")
    prefs.heading_font.select("Be Vietnam Pro")
    prefs.language.setCurrentIndex(prefs.language.findData("en"))
    prefs.autosave.setValue(0)
    assert prefs.autosave.text() == "Tắt"
    with qtbot.waitSignal(prefs.saved) as saved:
        prefs.buttons.button(prefs.buttons.StandardButton.Save).click()
    assert set(saved.args[0]) == {"library_location", "body_font", "heading_font", "ui_language", "autosave_seconds"}
    assert prefs.restart_needed and prefs.result() == prefs.DialogCode.Accepted
    again = AppSettings()  # a fresh reader of the same store
    assert again.library_location == str(tmp_path / "thu-vien.db")
    assert (again.body_font, again.heading_font) == ("Spectral", "Be Vietnam Pro")
    assert again.ui_language == "en" and again.autosave_seconds == 0 and again.theme == "default"


def test_preferences_location_validated(qtbot, prefs, app_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.window.preferences_dialog import location_problem

    assert location_problem("") is None
    assert location_problem(str(tmp_path / "a.db")) is None
    assert location_problem("postgresql+psycopg://biên-tập@máy-chủ/thu_vien") is None
    assert location_problem(f"sqlite:///{tmp_path / 'a.db'}") is None
    assert "không tồn tại" in location_problem(str(tmp_path / "khong-co" / "a.db"))
    assert "không tồn tại" in location_problem("sqlite:////khong-co-thu-muc/a.db")
    assert "là một thư mục" in location_problem(str(tmp_path))
    assert "loại://" in location_problem("post gres://máy-chủ")
    assert not (tmp_path / "a.db").exists()  # nothing opened or created

    prefs.location.setText(str(tmp_path / "khong-co" / "a.db"))
    assert prefs.location_error.isVisible()
    prefs.accept()
    assert prefs.isVisible() and app_settings.library_location == ""  # refused, nothing saved
    prefs.location.clear()
    assert not prefs.location_error.isVisible()


def test_vietnamese_coverage_of_bundled_and_lacking_fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    import fontpkg

    from bulletin_app.gui.window.font_coverage import (
        VIETNAMESE_LETTERS,
        coverage,
        file_coverage,
        register_bundled_fonts,
        system_families,
    )

    assert len(VIETNAMESE_LETTERS) == 178 and {"ữ", "Ặ", "đ", "Đ", "ỵ", "Ở"} <= set(VIETNAMESE_LETTERS)
    assert {"Be Vietnam Pro", "Spectral"} <= set(register_bundled_fonts())
    assert {"Be Vietnam Pro", "Spectral"} <= set(system_families())
    for family in ("Be Vietnam Pro", "Spectral"):
        result = coverage(family)
        assert result.complete and not result.substituted, result
        assert file_coverage(fontpkg.path(family, 400, "normal")).complete
    lacking = [f for f in system_families() if f in ("OpenSymbol", "Symbol", "Webdings", "Wingdings")]
    if not lacking:
        pytest.skip("no font without Vietnamese on this machine")
    result = coverage(lacking[0])
    assert not result.complete and "ữ" in result.missing and "đ" in result.missing


def test_preferences_marks_fonts(qtbot, prefs, artifacts) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    combo = prefs.body_font
    spectral = combo.findData("Spectral")
    assert combo.itemData(spectral, Qt.ItemDataRole.ToolTipRole) == "Đủ chữ tiếng Việt"
    assert not combo.itemIcon(spectral).isNull()
    assert "có đủ 178 chữ cái" in prefs.scan_status.text()
    combo.select("Spectral")
    assert prefs.body_note.text().startswith("Đủ 178 chữ cái tiếng Việt")
    if combo.findData("OpenSymbol") > 0:
        symbol = combo.findData("OpenSymbol")
        assert combo.itemData(symbol, Qt.ItemDataRole.ToolTipRole).startswith("Thiếu")
        prefs.only_complete.setChecked(True)
        assert combo.view().isRowHidden(symbol) and not combo.view().isRowHidden(spectral)
        prefs.only_complete.setChecked(False)
        prefs.heading_font.select("OpenSymbol")
        assert "sẽ in thành ô trống" in prefs.heading_note.text()
        qtbot.waitUntil(lambda: "Chưa xuất PDF/DOCX được" in prefs.heading_note.text(), timeout=WAIT_MS)
    prefs.grab().save(str(artifacts / "preferences-dialog.png"))


def test_a_warning_coming_and_going_does_not_move_the_fields(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    """Typing the licence number makes the banner disappear: the field under the mouse stays put."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    def where(name: str) -> QPoint:
        QApplication.processEvents()
        return form.fields[name].mapTo(form, QPoint(0, 0))

    assert not form.warning_banner.isHidden()  # the seed has no licence number yet
    before = {name: where(name) for name in ("bulletin_name", "licence_number", "printing_place")}
    _retype(form.fields["licence_number"], "25/GP-STTTT")
    qtbot.waitUntil(form.warning_banner.isHidden, timeout=WAIT_MS)
    assert {name: where(name) for name in before} == before
