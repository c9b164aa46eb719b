"""GUI-thread stalls while the issue composer lays out its live PDF preview.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_stall_bench.py [--renders 5] [--busy]

Builds the export benchmark's 64-page issue (40 articles, 20 photos), opens the composer on
it and forces N preview layouts (the export to a temporary PDF, the thumbnails, preflight)
while a 5 ms timer on the GUI thread records how late each tick is. The longest gap is
the longest time the window could not react (typing, scrolling, painting). ``--busy`` keeps one
of the machine's cores busy in another process throughout (a loaded office PC).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from export_bench import build_issue  # noqa: E402
from processes import busy_core  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402

from bulletin_app.gui.issue.issue_composer import IssueComposer  # noqa: E402
from bulletin_app.gui.window.app import create_application  # noqa: E402


class StallMeter:
    def __init__(self, interval_ms: int = 5) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0
        self.gaps: list[int] = []

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.worst = max(self.worst, now - self.last)
        self.last = now


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=5)
    parser.add_argument("--busy", action="store_true", help="keep one core busy in another process all along")
    args = parser.parse_args()
    with busy_core(args.busy):
        measure(args.renders)


def measure(renders: int) -> None:
    os.environ["BULLETIN_DATA_DIR"] = tempfile.mkdtemp(prefix="stall-data-")
    app = create_application(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="stall-"))
    services, _issue_id = build_issue(folder, 4500)
    composer = IssueComposer(services)  # previews in the worker process, as in the app
    composer.resize(1320, 840)
    composer.show()
    seconds: list[float] = []
    pages: list[int] = []
    composer.preview_ready.connect(lambda n: pages.append(n))

    def wait_ready(count: int) -> None:
        deadline = time.monotonic() + 120
        while len(pages) < count and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)

    wait_ready(1)  # the first layout, before measuring
    meter = StallMeter()
    meter.start()
    for n in range(renders):
        started = time.perf_counter()
        composer.refresh_preview()
        wait_ready(n + 2)
        seconds.append(time.perf_counter() - started)
    meter.timer.stop()
    composer.shutdown()
    print(f"issue: {pages[-1]} pages; {renders} preview layouts")
    print(f"preview ready after: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s")
    gaps = sorted(meter.gaps)
    p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0
    print(f"GUI thread: {len(gaps)} ticks of 5 ms, p99 gap {p99} ms, longest stall {meter.worst} ms")
    services.close()


if __name__ == "__main__":
    main()
