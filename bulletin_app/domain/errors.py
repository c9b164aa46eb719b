"""Errors that carry a message fit to show an editor (Vietnamese, names the file/field)."""

from __future__ import annotations


def _restore(cls: type[BulletinError], message: str, state: dict[str, object]) -> BulletinError:
    error = cls.__new__(cls)
    BulletinError.__init__(error, message)
    error.__dict__.update(state)
    return error


class BulletinError(Exception):
    """Base of every expected failure; ``str(error)`` is the user-facing message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Errors cross from the worker process to the window: subclasses with other
        # constructor arguments must unpickle too.
        return (_restore, (type(self), self.message, dict(self.__dict__)))


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
