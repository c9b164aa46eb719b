"""The schema's revisions, read without Alembic or SQLAlchemy: the chain from the version files'
headers, and a SQLite file's own revision read through the standard library.

Opening an up-to-date library is the common case; knowing that costs two lines per version
file and one query, where importing Alembic costs ~0.3 s of start-up.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bulletin_app.domain.errors import NewerDatabaseError, StorageError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^(revision|down_revision)(?:: [\w |\[\],]+)? = (?:["']([^"']*)["']|None)""", re.MULTILINE)


def _chain() -> dict[str, str | None]:
    """revision → down_revision, read from the version files' headers.

    Opening an up-to-date library is the common case: reading two lines per file is enough
    to know that, where importing Alembic costs ~0.3 s of start-up (a test checks both agree).
    """
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict((m.group(1), m.group(2)) for m in _REVISION.finditer(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            chain[found["revision"]] = found.get("down_revision")  # type: ignore[assignment]
    return chain


def known_revisions() -> set[str]:
    return set(_chain())


def head_revision() -> str:
    chain = _chain()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, heads
    return heads.pop()


def check_compatible(current: str | None, tables: set[str], display: str) -> None:
    """Refuse a database that is not ours or that a newer version wrote."""
    if current is None and tables - {"alembic_version"}:
        raise StorageError(f"{display} là một cơ sở dữ liệu khác, không phải thư viện bản tin. Tệp được giữ nguyên.")
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"Thư viện {display} được tạo bởi phiên bản mới hơn của ứng dụng "
            f"(lược đồ {current}). Hãy cập nhật ứng dụng; thư viện được giữ nguyên."
        )


def read_sqlite_revision(path: Path) -> tuple[str | None, set[str]]:
    """(revision, tables) of an existing SQLite file, through a read-only connection: even
    setting WAL mode rewrites a file's header, so nothing here may write."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        current = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            current = row[0] if row else None
    finally:
        conn.close()
    return current, tables


def inspect_sqlite_file(path: Path) -> None:
    """Look at an existing SQLite file read-only, before anything may write to it: a stranger's
    database must be recognised without a read-write connection."""
    if not path.exists() or path.stat().st_size == 0:
        return
    display = str(path)
    try:
        current, tables = read_sqlite_revision(path)
    except sqlite3.Error as exc:
        raise StorageError(f"Tệp {display} không đọc được như thư viện bản tin ({exc}). Tệp được giữ nguyên.") from exc
    check_compatible(current, tables, display)
