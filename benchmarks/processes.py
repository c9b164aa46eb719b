"""Whole processes timed side by side: what the process benchmarks share."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_app() -> None:
    """Byte-compile the app first, as an installed copy is: a process that compiles its modules
    on every start (``PYTHONDONTWRITEBYTECODE`` set, or a read-only folder) measures the compiler."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bulletin_app")], check=True,
                   capture_output=True)  # fmt: skip


def wall(
    argv: list[str], runs: int, env: dict[str, str] | None = None, before: Callable[[], object] | None = None
) -> list[float]:
    """Wall times of ``runs`` runs of ``argv`` after one warm-up (the same warm page cache for all)."""
    subprocess.run(argv, capture_output=True, check=True, env=env)
    out = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env)
        out.append(time.perf_counter() - start)
    return out


def line(name: str, times: list[float], width: int = 52) -> str:
    return f"{name:<{width}} {statistics.median(times):6.3f} s  (min {min(times):.3f}, max {max(times):.3f})"
