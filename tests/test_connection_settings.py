"""A server library's connection in the preferences: the password goes to the credential store
(never the settings file), "Kiểm tra kết nối" says what is there or why not, and the saved
password is used when the library opens."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import keyring
from keyrings.alt.file import PlaintextKeyring

from bulletin_app.gui.widgets.settings import AppSettings
from bulletin_app.gui.window.preferences_dialog import PreferencesDialog
from bulletin_app.storage.credentials import saved_password
from bulletin_app.storage.engine import create_library_engine
from bulletin_app.storage.location import resolve_location
from tests.backends import pg_admin_url


@pytest.fixture
def credential_store(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A real keyring backend (a file in a temp folder): this headless machine has no OS store."""
    store = PlaintextKeyring()
    store.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    previous = keyring.get_keyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def dialog(qtbot, qapp, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dlg = PreferencesDialog(settings=settings)
    qtbot.addWidget(dlg)
    return dlg, tmp_path / "settings.ini"


def test_a_typed_password_goes_to_the_credential_store_not_the_settings(dialog, credential_store) -> None:  # type: ignore[no-untyped-def]
    dlg, ini = dialog
    assert not dlg.connection.password.isEnabled()  # a file library has no password
    dlg.location.setText("postgresql+psycopg://ha:bi-mat-123@may-chu.so-ngoai-vu.local:5432/bantin")
    assert dlg.connection.password.isEnabled()
    dlg.accept()
    saved = dlg.settings.library_location
    assert saved == "postgresql+psycopg://ha@may-chu.so-ngoai-vu.local:5432/bantin"
    assert "bi-mat-123" not in ini.read_text(encoding="utf-8")
    assert saved_password(saved) == "bi-mat-123"
    engine = create_library_engine(resolve_location(saved))  # opening uses the saved password
    try:
        assert engine.url.password == "bi-mat-123"
        assert resolve_location(saved).display == saved  # shown without a password
    finally:
        engine.dispose()


def test_the_connection_check_reports_what_is_there(dialog, qtbot, credential_store) -> None:  # type: ignore[no-untyped-def]
    dlg, _ini = dialog
    dlg.location.setText(str(dlg.settings.store.fileName()) + ".db")
    dlg.connection.test()
    qtbot.waitUntil(lambda: dlg.connection.result.text().startswith("✓"), timeout=10000)
    assert "Chưa có thư viện" in dlg.connection.result.text()
    dlg.location.setText("postgresql+psycopg://ha@127.0.0.1:1/bantin")
    dlg.connection.test()
    qtbot.waitUntil(lambda: dlg.connection.result.text().startswith("✗"), timeout=10000)
    assert "Không kết nối được máy chủ" in dlg.connection.result.text()


def test_the_connection_check_on_a_real_server(dialog, qtbot, credential_store, artifacts) -> None:  # type: ignore[no-untyped-def]
    dlg, _ini = dialog
    dlg.location.setText(pg_admin_url())
    dlg.connection.test()
    qtbot.waitUntil(lambda: dlg.connection.result.text().startswith("✓"), timeout=10000)
    assert "PostgreSQL" in dlg.connection.result.text()
    dlg.show()
    qtbot.wait(200)  # the layout settles (fonts, the word-wrapped result)
    dlg.adjustSize()
    dlg.grab().save(str(artifacts / "preferences-server.png"))
