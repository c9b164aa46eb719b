"""Schema versioning: one ordered Alembic chain, a backup before any upgrade.

* empty database → created at head;
* older revision → a backup copy is written next to the file, then upgraded;
* unknown (newer) revision → refused: this version would damage it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from bulletin_app.domain.errors import NewerDatabaseError, StorageError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def check_compatible(current: str | None, tables: set[str], display: str) -> None:
    """Refuse a database that is not ours or that a newer version wrote."""
    if current is None and tables - {"alembic_version"}:
        raise StorageError(f"{display} là một cơ sở dữ liệu khác, không phải thư viện bản tin. Tệp được giữ nguyên.")
    if current is not None:
        known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if current not in known:
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
