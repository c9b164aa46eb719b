"""Shared fixtures: real SQLite files in tmp dirs, the seeds, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder (backups, logs) from a test."""
    monkeypatch.setenv("BULLETIN_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("BULLETIN_DB", raising=False)


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def services(tmp_path: Path) -> Iterator:
    from bulletin_app.services import Services

    sv = Services.open(str(tmp_path / "library.db"), author="tester")
    yield sv
    sv.close()


@pytest.fixture
def seeded(services, seeds: Path):  # type: ignore[no-untyped-def]
    report = services.imports.import_paths([seeds])
    assert len(report.imported) == 5, report.failed
    return services


@pytest.fixture
def artifacts() -> Path:
    folder = ARTIFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
