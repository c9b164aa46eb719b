"""Schema versioning: one ordered Alembic chain, a backup before any upgrade.

* empty database → created at head;
* older revision → a backup copy is written next to the file, then upgraded;
* unknown (newer) revision → refused: this version would damage it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from bulletin_app.domain.errors import StorageError
from bulletin_app.storage.schema_version import MIGRATIONS_DIR, check_compatible, head_revision

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


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
