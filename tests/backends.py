"""Libraries on both backends for the tests: a SQLite file, or a fresh database on a real
PostgreSQL server.

The server is given by ``BULLETIN_TEST_PG_URL`` (a maintenance URL such as
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``; ``.ci/run`` starts a throw-away
cluster and sets it). Without it the PostgreSQL half of every backend-parametrised test skips,
saying so. Each test gets its own database, cloned from a migrated template (a clone costs
~0.1 s where running the migrations costs ~1 s), dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_ENV = "BULLETIN_TEST_PG_URL"
TEMPLATE = f"bulletin_test_template_{os.getpid()}"
BACKENDS = ("sqlite", "postgresql")
_template_ready = False


def pg_admin_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url:
        pytest.skip(f"no PostgreSQL server given: set {PG_ENV} (.ci/run starts one) to run this half")
    return url


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _ensure_template() -> None:
    global _template_ready
    if _template_ready:
        return
    from bulletin_app.services import Services

    _admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
    _admin(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0 ENCODING 'UTF8'")
    Services.open(_with_database(pg_admin_url(), TEMPLATE)).close()  # migrated and seeded
    _template_ready = True


def drop_template() -> None:
    if _template_ready:
        _admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")


@contextmanager
def pg_database(empty: bool = False, icu_locale: str | None = None) -> Iterator[str]:
    """A new database on the test server (migrated and seeded unless ``empty``); its URL.
    ``icu_locale``: an empty database whose default collation is that ICU locale's."""
    name = f"bulletin_test_{uuid.uuid4().hex[:12]}"
    if icu_locale is not None:
        _admin(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'"
        )
    elif empty:
        _admin(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    else:
        _ensure_template()
        _admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    try:
        yield _with_database(pg_admin_url(), name)
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def library_url(backend: str, folder: Path) -> Iterator[str]:
    """Where a test's library lives on ``backend``."""
    if backend == "sqlite":
        yield str(folder / "library.db")
    else:
        with pg_database() as url:
            yield url
