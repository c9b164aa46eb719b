"""Whole processes timed side by side: what the process benchmarks share."""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
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


def interleaved(
    commands: dict[str, list[str]],
    runs: int,
    env: dict[str, str] | None = None,
    before: dict[str, Callable[[], object]] | None = None,
) -> dict[str, list[float]]:
    """Wall times of several commands taken in turns (one run of each per round, after a warm-up
    of each): a machine whose speed drifts — another VM, a busy office PC — slows all alike."""
    before = before or {}
    for argv in commands.values():
        subprocess.run(argv, capture_output=True, check=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            if name in before:
                before[name]()
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=True, env=env)
            times[name].append(time.perf_counter() - start)
    return times


def line(name: str, times: list[float], width: int = 52) -> str:
    return f"{name:<{width}} {statistics.median(times):6.3f} s  (min {min(times):.3f}, max {max(times):.3f})"


@contextlib.contextmanager
def busy_core(on: bool = True) -> Iterator[None]:
    """Another process keeping one core busy throughout (a loaded office PC), when ``on``."""
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if on else None
    try:
        yield
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()
