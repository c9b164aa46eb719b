"""The install: every package at the version of requirements.lock, and every importer and
exporter importable in a fresh interpreter (a dependency left out shows up here, not at an
editor's desk)."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in (ROOT / "requirements.lock").read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        requirement, _, marker = line.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate():
            continue  # another platform's package (colorama on Windows)
        name, _, version = requirement.strip().partition("==")
        pins[canonicalize_name(name)] = version
    return pins


def test_installed_versions_are_the_locked_ones() -> None:
    pins = _locked()
    assert {"pyside6-essentials", "sqlalchemy", "reportlab", "python-docx", "lxml-html-clean"} <= set(pins)
    wrong = {}
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong[name] = (version, None)
            continue
        if Version(installed) != Version(version):
            wrong[name] = (version, installed)
    assert not wrong, f"installed ≠ requirements.lock: {wrong} (run scripts/bootstrap.py test, or lock)"


def test_every_importer_and_exporter_imports_in_a_fresh_interpreter() -> None:
    code = (
        "import importlib, pkgutil\n"
        "import bulletin_app.importers as i, bulletin_app.exporters as e\n"
        "names = [m.name for p in (i, e) for m in pkgutil.iter_modules(p.__path__, p.__name__ + '.')]\n"
        "[importlib.import_module(n) for n in names]\n"
        "import trafilatura, justext, lxml_html_clean\n"
        "print(len(names))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 15
