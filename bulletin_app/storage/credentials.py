"""A library server's password: kept in the operating system's credential store (Windows
Credential Manager, the Secret Service on Linux, the macOS Keychain) through ``keyring`` —
never in the settings file or the URL that is saved.

The entry is named by the URL without its password ("postgresql+psycopg://ha@may-chu/bantin").
"""

from __future__ import annotations

import contextlib

from sqlalchemy.engine import URL, make_url

from bulletin_app.domain.errors import StorageError

SERVICE = "Bản tin đối ngoại Thái Nguyên — thư viện"


def without_password(url: str | URL) -> str:
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)  # set() ignores None


def split_password(url: str) -> tuple[str, str]:
    """A URL typed with its password → (the URL without it, the password)."""
    parsed = make_url(url)
    return without_password(parsed), parsed.password or ""


def _keyring():  # type: ignore[no-untyped-def]
    import keyring  # ~50 ms of entry-point scanning: only for a server library
    from keyring.errors import KeyringError

    return keyring, KeyringError


def saved_password(url: str | URL) -> str | None:
    """The password saved for this server library, if the OS store has one (None otherwise)."""
    keyring, KeyringError = _keyring()
    try:
        return keyring.get_password(SERVICE, without_password(url))
    except KeyringError:
        return None


def save_password(url: str | URL, password: str) -> None:
    keyring, KeyringError = _keyring()
    try:
        if password:
            keyring.set_password(SERVICE, without_password(url), password)
        else:
            with contextlib.suppress(KeyringError):  # nothing was saved
                keyring.delete_password(SERVICE, without_password(url))
    except KeyringError as exc:
        raise StorageError(
            f"Không lưu được mật khẩu vào kho mật khẩu của hệ điều hành ({exc}). "
            "Mật khẩu không được ghi vào tệp cài đặt; hãy nhập lại khi mở thư viện."
        ) from exc


def with_saved_password(url: URL) -> URL:
    """The URL with the saved password filled in, when it has none of its own."""
    if url.password or url.get_backend_name() == "sqlite":
        return url
    password = saved_password(url)
    return url.set(password=password) if password else url
