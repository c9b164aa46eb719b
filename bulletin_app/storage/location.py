"""Where a library is: a ``--db`` value (a file path or any SQLAlchemy URL) resolved to a location,
and a SQLite file checked before anything opens it.

Free of SQLAlchemy (its URL parser is imported only for a URL): a read-only command that finds
a current SQLite library reads it through the standard library (``sqlite_reader``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bulletin_app.domain.errors import StorageError
from bulletin_app.paths import default_db_path

DB_ENV = "BULLETIN_DB"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Location:
    url: str
    path: Path | None  # the SQLite file, when the library is one

    @property
    def display(self) -> str:
        """Where the library is, fit to show: a server URL without its password."""
        if self.path:
            return str(self.path)
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError:
            return self.url


def resolve_location(spec: str | None) -> Location:
    """Turn a ``--db`` value (path or URL; None = env or default) into a location."""
    spec = spec or os.environ.get(DB_ENV) or ""
    if not spec:
        path = default_db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Không tạo được thư mục dữ liệu {path.parent}: {exc.strerror}") from exc
        return Location(f"sqlite:///{path}", path)
    if "://" in spec:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(spec)
        except ArgumentError as exc:
            raise StorageError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {spec}") from exc
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Location(spec, Path(url.database).resolve())
        return Location(spec, None)
    path = Path(spec).expanduser().resolve()
    return Location(f"sqlite:///{path}", path)


def check_sqlite_file(path: Path) -> None:
    """Refuse, with a clear message, anything that is not a usable SQLite library file."""
    parent = path.parent
    if not parent.exists():
        raise StorageError(f"Thư mục {parent} không tồn tại — hãy tạo thư mục hoặc chọn nơi khác.")
    if not parent.is_dir():
        raise StorageError(f"{parent} không phải là thư mục.")
    if path.is_dir():
        raise StorageError(f"{path} là một thư mục, không phải tệp thư viện.")
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StorageError(f"Không đọc được tệp {path}: {exc.strerror}") from exc
        if head and head != SQLITE_MAGIC:
            raise StorageError(
                f"Tệp {path} không phải là thư viện bản tin (không phải cơ sở dữ liệu SQLite "
                "hoặc đã hỏng). Tệp được giữ nguyên."
            )
        if not os.access(path, os.W_OK):
            raise StorageError(f"Tệp {path} chỉ đọc — không thể lưu thay đổi.")
    elif not os.access(parent, os.W_OK):
        raise StorageError(f"Không có quyền ghi vào thư mục {parent}.")
