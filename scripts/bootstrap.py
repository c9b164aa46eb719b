#!/usr/bin/env python3
"""One-command setup for Linux and Windows: create .venv, install, then run.

    python3 scripts/bootstrap.py app     # the desktop application (extra args go to it)
    python3 scripts/bootstrap.py test    # the test suite (extra args go to pytest)
    python3 scripts/bootstrap.py cli ... # the `bulletin` command line

On Windows use ``py scripts\\bootstrap.py app``. Only the standard library is
used here; the install is repeated only when pyproject.toml changed.
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


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 — this script may be started by an older Python
        sys.exit(f"Cần Python 3.11 trở lên (đang dùng {sys.version.split()[0]}).")
    python = venv_python()
    if not python.exists():
        print("Tạo môi trường .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Cài đặt các gói cần thiết …", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT)
        STAMP.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "cli"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_venv("test" if command == "test" else "")
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
    if command == "cli":
        return subprocess.run([str(python), "-m", "bulletin_app.cli", *rest], cwd=ROOT, env=env).returncode
    return subprocess.run([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
