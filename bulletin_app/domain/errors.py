"""Errors that carry a message fit to show an editor (Vietnamese, names the file/field)."""

from __future__ import annotations


class BulletinError(Exception):
    """Base of every expected failure; ``str(error)`` is the user-facing message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(BulletinError):
    pass


class ValidationError(BulletinError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


class ConflictError(BulletinError):
    """Optimistic concurrency: someone saved the record since it was read."""


class StorageError(BulletinError):
    """The library file cannot be opened, read or written."""


class NewerDatabaseError(StorageError):
    """The library was written by a newer version of the application."""


class ImportFailedError(BulletinError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
