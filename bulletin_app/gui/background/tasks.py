"""Background work: long calls run on a worker thread; results come back by signal.

Signals emitted from the worker are queued to the GUI thread, so callbacks always run
there and may touch widgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from bulletin_app.services.progress import Cancelled, CancelToken, Progress, ProgressCallback


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal, *args: Any) -> None:  # type: ignore[no-untyped-def]
        # RuntimeError: the window that asked is gone (closing), nobody waits for the result.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class TaskRunner(QObject):
    """Runs database work one job at a time (SQLite prefers a single writer)."""

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._jobs: set[_Job] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        self._start(_Job(fn), on_done, on_error, on_cancelled)

    def run_with_progress(
        self,
        fn: Callable[[ProgressCallback, CancelToken], Any],
        on_progress: Callable[[Progress], None],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> CancelToken:
        """Long work that reports progress and can be cancelled through the returned token."""
        token = CancelToken()
        job = _Job(lambda: fn(job.signals.progressed.emit, token))
        job.signals.progressed.connect(on_progress)
        self._start(job, on_done, on_error, on_cancelled)
        return token

    def _start(
        self,
        job: _Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        job.setAutoDelete(False)
        self._jobs.add(job)

        def finished(result: Any) -> None:
            self._jobs.discard(job)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._jobs.discard(job)
            on_error(exc)

        def cancelled() -> None:
            self._jobs.discard(job)
            if on_cancelled is not None:
                on_cancelled()

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        job.signals.cancelled.connect(cancelled)
        self.pool.start(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
