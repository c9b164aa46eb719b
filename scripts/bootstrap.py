#!/usr/bin/env python3
"""One-command setup for Linux and Windows: create .venv, install, then run.

    python3 scripts/bootstrap.py app     # the desktop application (extra args go to it)
    python3 scripts/bootstrap.py test    # the test suite (extra args go to pytest)
    python3 scripts/bootstrap.py cli ... # the `bulletin` command line
    python3 scripts/bootstrap.py lock    # re-resolve requirements.lock after changing pyproject.toml

On Windows use ``py scripts\\bootstrap.py app``. Only the standard library is
used here; the install is repeated only when pyproject.toml or the lock changed. Every
package is installed at the exact version of ``requirements.lock`` (one universal lock for
Linux, Windows and macOS, resolved by uv), so every desk and CI run the same versions.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"
LOCK = ROOT / "requirements.lock"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 — this script may be started by an older Python
        sys.exit(f"Cần Python 3.11 trở lên (đang dùng {sys.version.split()[0]}).")
    python = venv_python()
    if not python.exists():
        print("Tạo môi trường .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)

    def wanted(extras: str) -> str:
        return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes() + extras.encode()).hexdigest()

    def current(extras: str) -> bool:
        stamp = STAMP.with_name(f"{STAMP.name}-{extras or 'app'}")
        return stamp.exists() and stamp.read_text().strip() == wanted(extras)

    # The test install is a superset of the app's: switching between them installs nothing.
    if not (current(extras) or (not extras and current("test"))):
        print("Cài đặt các gói cần thiết …", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        target = f".[{extras}]" if extras else "."
        # The lock is a constraints file: pyproject says what is needed, the lock at which version.
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-c", str(LOCK), "-e", target], check=True, cwd=ROOT
        )
        STAMP.with_name(f"{STAMP.name}-{extras or 'app'}").write_text(wanted(extras))
    return python


def lock(python: Path) -> int:
    """Re-resolve requirements.lock from pyproject.toml (all platforms, Python 3.11+) with uv."""
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "uv"], check=True)
    uv = python.parent / ("uv.exe" if os.name == "nt" else "uv")
    command = [str(uv), "pip", "compile", "pyproject.toml", "--extra", "test", "--universal"]
    command += ["--python-version", "3.11", "--no-header", "--annotation-style", "line", "-o", str(LOCK)]
    return subprocess.run(command, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "cli", "lock"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "lock":  # before installing: the old lock may not fit the new pyproject.toml
        if not venv_python().exists():
            venv.EnvBuilder(with_pip=True).create(VENV)
        return lock(venv_python())
    if command in ("app", "cli") and rest[:1] == ["--"]:
        rest = rest[1:]  # "app -- --db PATH": what follows "--" is the program's own options
    python = ensure_venv("test" if command == "test" else "")
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
    if command == "cli":
        return subprocess.run([str(python), "-m", "bulletin_app.cli", *rest], cwd=ROOT, env=env).returncode
    missing = missing_qt_libraries(env)
    if missing:
        print(
            "Qt cần các thư viện hệ thống chưa có trên máy này: " + ", ".join(missing) + ".\n"
            "Cài bằng lệnh: sudo apt-get install " + " ".join(missing),
            file=sys.stderr,
        )
        return 1
    return subprocess.run([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT, env=env).returncode


# Libraries Qt's xcb platform plug-in loads on Linux that a desktop may lack (Debian package: soname).
QT_XCB_LIBRARIES = {"libxcb-icccm4": "xcb-icccm", "libxcb-keysyms1": "xcb-keysyms", "libxcb-cursor0": "xcb-cursor"}


def missing_qt_libraries(env: dict[str, str]) -> list[str]:
    """The Debian packages Qt needs for a window on Linux and cannot find (none offscreen)."""
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM", "xcb").split(":")[0] != "xcb":
        return []
    from ctypes.util import find_library

    return [package for package, name in QT_XCB_LIBRARIES.items() if find_library(name) is None]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
