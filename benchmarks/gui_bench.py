"""Desktop-app benchmark on a large library (offscreen Qt, the real window and services).

    python benchmarks/gui_bench.py benchmarks/data/lib-100k.db [--runs 5] [--files 200] [--busy]

Measures, side by side:
* start-up: wall time from launching ``python main.py --db LIB`` to the main window shown,
  and to the first screen of library rows painted; resident memory at that point;
* search as you type: keystrokes at typing speed (120 ms apart) into the search box, then
  the time from the last key to the result rows shown (the 200 ms debounce included) and
  the part of it spent on the worker;
* the longest stall of the GUI thread (gap between 5 ms heartbeat ticks) while 200 files
  are imported and while an issue is exported to PDF and DOCX — both off the GUI thread.
Linux only (reads /proc for memory).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD_FLAG = "--child-startup"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# ---------------------------------------------------------------- start-up (child process)
def child_startup(db: str, t0: float) -> None:
    """The entry point's steps (gui.app.main); timings relative to the parent's launch time."""
    from PySide6.QtCore import QTimer

    from bulletin_app.gui.window.app import create_application

    app = create_application([sys.argv[0]])
    from bulletin_app.gui.window.app import freeze_opening
    from bulletin_app.gui.window.main_window import MainWindow

    def opener():  # type: ignore[no-untyped-def]
        from bulletin_app.services import Services

        return Services.open(db)

    window = MainWindow(open_library=opener)
    window.ready.connect(freeze_opening)  # as bulletin-app's main does
    window.show()
    marks: dict[str, float] = {}

    def shown() -> None:
        window.repaint()  # the frame on screen
        marks["shown"] = time.time() - t0

    def poll() -> None:
        if window.is_ready and window.library.model.rowCount() and window.library.table.isVisible():
            window.library.table.viewport().repaint()
            marks["rows"] = time.time() - t0
            print(f"RESULT {marks['shown']:.3f} {marks['rows']:.3f} {rss_mb():.1f}", flush=True)
            app.quit()
        else:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, shown)
    QTimer.singleShot(0, poll)
    app.exec()
    window.services.close()


def startup(db: Path, runs: int) -> list[tuple[float, float, float]]:
    results = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, __file__, CHILD_FLAG, str(db), repr(t0)], capture_output=True, text=True, check=True
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("RESULT"))
        shown, rows, rss = (float(v) for v in line.split()[1:])
        results.append((shown, rows, rss))
    return results


# ---------------------------------------------------------------- in-process measurements
class Heartbeat:
    """A 5 ms timer on the GUI thread; the longest gap between ticks is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.gaps: list[float] = []

    def start(self) -> None:
        self.last = time.perf_counter()
        self.gaps.clear()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0) * 1000


def spin_until(app, condition, timeout: float = 600.0) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > end:
            raise TimeoutError


def type_slowly(app, widget, text: str, gap: float = 0.12) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    last = 0.0
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        last = time.perf_counter()
        end = last + gap
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)
    return last


def in_process(db: Path, files: int) -> dict[str, object]:
    from bulletin_app.gui.window.app import create_application, freeze_opening
    from bulletin_app.gui.window.main_window import MainWindow
    from bulletin_app.services import Services
    from bulletin_app.services.sample import create_sample

    app = create_application([sys.argv[0]])
    services = Services.open(str(db))
    if not services.issues.list():
        create_sample(services)
    window = MainWindow(services)
    freeze_opening()  # as bulletin-app's main does once the library is open (here: opened above)
    window.resize(1280, 800)
    window.show()
    spin_until(app, lambda: window.library.model.rowCount() > 0)
    page = window.library

    # search as you type: the debounce is part of what the editor waits for
    latencies, worker = [], []
    beat = Heartbeat()
    beat.start()
    for query in ("thuy dien", "hợp tác đầu tư", "koica", "ngoai giao kinh te", "hàn quốc"):
        page.search_box.clear()
        spin_until(app, lambda: not window.tasks.busy)
        shown: list[float] = []
        started: list[float] = []
        page.counted.connect(lambda *_a, s=shown: s.append(time.perf_counter()))
        page._search_timer.timeout.connect(lambda s=started: s.append(time.perf_counter()))
        last_key = type_slowly(app, page.search_box, query)

        def answered(s: list[float] = shown, st: list[float] = started, lk: float = last_key) -> bool:
            # the search the pause after the last key started, and its rows shown
            return any(t > lk for t in st) and any(x > max(st) for x in s)

        spin_until(app, answered)
        fired = max(started)
        rows_at = min(x for x in shown if x > fired)
        latencies.append((rows_at - last_key) * 1000)
        worker.append((rows_at - fired) * 1000)
        page.counted.disconnect()
        page._search_timer.timeout.disconnect()
        page._search_timer.timeout.connect(page.reload)
    page.search_box.clear()
    spin_until(app, lambda: not window.tasks.busy)
    typing_stall = beat.stop()

    # import of N seed-like files (the import benchmark's generator)
    from benchmarks.import_bench import text_files

    folder = Path(tempfile.mkdtemp(prefix="gui-bench-"))
    text_files(folder, files)
    t = time.perf_counter()
    dialog = window.import_files([folder])  # the click's answer: the progress dialog appears
    open_ms = (time.perf_counter() - t) * 1000
    beat.start()
    spin_until(app, lambda: dialog.report is not None)
    import_s = time.perf_counter() - t
    # what the window does with the result (reloading the 100k list, columns, the issue) is part of it
    spin_until(app, lambda: not window.tasks.busy)
    settle = time.perf_counter() + 0.3
    spin_until(app, lambda: time.perf_counter() > settle)
    import_stall = beat.stop()
    imported = len(dialog.report.imported) if dialog.report else 0
    dialog.close()
    shutil.rmtree(folder, ignore_errors=True)

    # export of the sample issue, PDF + DOCX, in the window's worker process (as the export dialog does)
    from bulletin_app.services import jobs
    from bulletin_app.services.export import ExportSettings

    issue_id = services.issues.list()[0].id
    out = Path(tempfile.mkdtemp(prefix="gui-bench-export-"))
    result: list[object] = []
    beat.start()
    t = time.perf_counter()
    window.jobs.submit(
        jobs.export_job,
        (issue_id, str(out / "so.pdf"), str(out / "so.docx"), ExportSettings(force=True), None),
        lambda _p: None,
        result.append,
        result.append,
    )
    spin_until(app, lambda: bool(result))
    export_s = time.perf_counter() - t
    export_stall = beat.stop()
    shutil.rmtree(out, ignore_errors=True)
    window.close()
    services.close()
    return {
        "search_ms": latencies,
        "search_worker_ms": worker,
        "typing_stall": typing_stall,
        "import": (imported, import_s, import_stall, open_ms),
        "export": (export_s, export_stall),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == CHILD_FLAG:
        child_startup(sys.argv[2], float(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument(
        "--busy", action="store_true", help="keep one core busy in another process all along (a loaded office PC)"
    )
    args = parser.parse_args()
    # Work on a copy so the benchmark library is not changed by the import and sample issue.
    work = Path(tempfile.mkdtemp(prefix="gui-bench-lib-", dir=args.db.parent)) / args.db.name
    shutil.copyfile(args.db, work)
    from benchmarks.processes import busy_core
    from bulletin_app.gui.library.library_page import SEARCH_DELAY_MS

    stack = contextlib.ExitStack()
    try:
        stack.enter_context(busy_core(args.busy))
        if args.busy:
            print("another process keeps one core busy throughout")
        from bulletin_app.services import Services

        Services.open(str(work)).close()  # migrate once, outside the start-up timing
        for extra in work.parent.glob("*.before-*"):
            extra.unlink()
        runs = startup(work, args.runs)
        shown = statistics.median(r[0] for r in runs)
        rows = statistics.median(r[1] for r in runs)
        rss = statistics.median(r[2] for r in runs)
        print(f"library: {args.db} ({work.stat().st_size / 1e6:.0f} MB)")
        print(
            f"start-up, median of {args.runs}: window shown {shown:.2f} s (target ≤ 1.5 s), "
            f"library rows painted {rows:.2f} s; resident memory {rss:.0f} MB (target ≤ 300 MB)"
        )
        print("  runs (shown s, rows s, RSS MB):", ", ".join(f"({a:.2f}, {b:.2f}, {c:.0f})" for a, b, c in runs))
        m = in_process(work, args.files)
        lat = m["search_ms"]
        wk = m["search_worker_ms"]
        print(
            f"search as you type: last key → rows shown p50 {statistics.median(lat):.0f} ms, max {max(lat):.0f} ms "
            f"(of which the debounce {SEARCH_DELAY_MS} ms; worker+paint p50 {statistics.median(wk):.0f} ms, "
            f"max {max(wk):.0f} ms); longest GUI stall while typing {m['typing_stall']:.0f} ms (target ≤ 100 ms)"
        )
        imported, import_s, import_stall, open_ms = m["import"]
        export_s, export_stall = m["export"]
        print(
            f"import of {args.files} files: {imported} imported in {import_s:.1f} s; "
            f"longest GUI stall {import_stall:.0f} ms (target ≤ 100 ms); the dialog opened in {open_ms:.0f} ms"
        )
        print(f"export PDF + DOCX: {export_s:.1f} s; longest GUI stall {export_stall:.0f} ms (target ≤ 100 ms)")
    finally:
        stack.close()
        shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
