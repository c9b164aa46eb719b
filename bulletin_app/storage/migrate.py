"""Schema versioning: one ordered Alembic chain, a backup before any upgrade.

* empty database → created at head;
* older revision → a backup copy is written next to the file, then upgraded;
* unknown (newer) revision → refused: this version would damage it.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from bulletin_app.domain.errors import NewerDatabaseError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^(revision|down_revision)(?:: [\w |\[\],]+)? = (?:["']([^"']*)["']|None)""", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def check_compatible(current: str | None, tables: set[str], display: str) -> None:
    """Refuse a database that is not ours or that a newer version wrote."""
    if current is None and tables - {"alembic_version"}:
        raise StorageError(f"{display} là một cơ sở dữ liệu khác, không phải thư viện bản tin. Tệp được giữ nguyên.")
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"Thư viện {display} được tạo bởi phiên bản mới hơn của ứng dụng "
            f"(lược đồ {current}). Hãy cập nhật ứng dụng; thư viện được giữ nguyên."
        )


def inspect_sqlite_file(path: Path) -> None:
    """Look at an existing SQLite file read-only, before anything may write to it.

    Even setting WAL mode rewrites the header of a file, so a stranger's
    database must be recognised without a read-write connection.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    display = str(path)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            current = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StorageError(f"Tệp {display} không đọc được như thư viện bản tin ({exc}). Tệp được giữ nguyên.") from exc
    check_compatible(current, tables, display)


def ensure_schema(engine: Engine, db_path: Path | None, display: str) -> Path | None:
    """Bring the database to the current schema. Returns the backup path if one was made."""
    head = head_revision()
    try:
        current = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    except (DatabaseError, OperationalError) as exc:
        raise StorageError(f"Không đọc được thư viện {display}: {exc.orig}") from exc
    if current == head:
        return None
    check_compatible(current, tables, display)
    if current is None:
        upgrade(engine)
        return None
    backup = None
    if db_path is not None:
        from bulletin_app.storage.backup import backup_sqlite

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = db_path.with_name(f"{db_path.stem}.before-{head}-{stamp}{db_path.suffix or '.db'}")
        backup_sqlite(engine, backup)
    upgrade(engine)
    return backup
