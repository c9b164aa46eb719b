"""Shared fixtures: real SQLite files in tmp dirs, the seeds, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backends import BACKENDS, pg_admin_url
from tests.backends import library_url as backend_library_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"  # the project's copies of shared/seeds
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder (backups, logs) from a test."""
    monkeypatch.setenv("BULLETIN_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("BULLETIN_DB", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _pg_template_cleanup() -> Iterator[None]:
    yield
    from tests.backends import drop_template

    drop_template()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": the test runs on both (the server half skips without a server)."""
    if request.param == "postgresql":
        pg_admin_url()
    return request.param


@pytest.fixture
def library_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with backend_library_url(backend, tmp_path) as url:
        yield url


@pytest.fixture
def any_services(library_url: str) -> Iterator:
    """Services on a library of each backend (see ``backend``)."""
    from bulletin_app.services import Services

    sv = Services.open(library_url, author="tester")
    yield sv
    sv.close()


# Two seeds have no headline: the import leaves their title empty; an editor then gives one.
SEED_TITLES = {
    "Ngành Ngoại giao": "Sở Ngoại vụ đưa Thái Nguyên đến gần bạn bè quốc tế",
    "Thấm nhuần tinh thần": "Vận dụng sáng tạo ngoại giao “cây tre Việt Nam”",
}


def title_untitled(services) -> None:  # type: ignore[no-untyped-def]
    """What an editor does to the imported seeds before they can be printed: titles for the two
    that came without one, and the captions whose photos the copied pages did not bring dropped
    (preflight's one-click fix)."""
    for summary in services.articles.list():
        if not summary.title:
            article = services.articles.get(summary.id)
            title = next(t for start, t in SEED_TITLES.items() if article.body.startswith(start))
            services.articles.update(summary.id, article.version, title=title)
    services.articles.drop_orphan_captions([a.id for a in services.articles.list()])


@pytest.fixture
def any_seeded(any_services, seeds: Path):  # type: ignore[no-untyped-def]
    report = any_services.imports.import_paths([seeds])
    assert len(report.imported) == 5, report.failed
    title_untitled(any_services)
    return any_services


_FIGURES: list[str] = []


@pytest.fixture
def figure(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Record a measured figure; every run ends with them all (CI's log shows the counts)."""
    return lambda text: _FIGURES.append(f"{request.node.name}: {text}")


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if _FIGURES:
        terminalreporter.section("figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture
def seeds() -> Path:
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
    title_untitled(services)
    return services


@pytest.fixture
def artifacts() -> Path:
    folder = ARTIFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def qapp(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The app's own QApplication (fonts registered) as pytest-qt's session application.

    Window state is remembered through QSettings: point it at a temporary folder so tests
    neither read nor write the real user's settings.
    """
    from PySide6.QtCore import QSettings

    from bulletin_app.gui.window.app import create_application

    settings_dir = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, settings_dir)
    return create_application(["test"])


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type any text, Vietnamese included (qtbot.keyClicks aborts on non-ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes never block a test; what they would have said is recorded."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind: str, answer):  # type: ignore[no-untyped-def]
        def box(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            shown.append((kind, str(text)))
            return answer

        return box

    Ok, Yes = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "warning", record("warning", Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", Yes))

    def ask(_parent, title, text, choices, default, icon=None):  # type: ignore[no-untyped-def]
        shown.append(("ask", str(text)))
        return default

    monkeypatch.setattr("bulletin_app.gui.editor.editor_dialogs.ask", ask)
    return shown
