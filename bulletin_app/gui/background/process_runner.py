"""Runners for long work (services.jobs): in a worker process, or in a thread.

``ProcessRunner`` keeps one warm worker process and runs jobs one after another (the
worker is the library's second writer; one at a time keeps SQLite happy). Progress comes
through a multiprocessing queue polled by a timer; the result or error comes back on the
GUI thread through a queued signal. If the worker dies (a crash in a C library on a
damaged file), the job fails with a clear message and the next job gets a fresh process.

``ThreadRunner`` runs the same jobs in a thread of this process: for tests that need
to reach into the job, and as a fallback.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from bulletin_app.domain.errors import BulletinError
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.services import Services, jobs
from bulletin_app.services.progress import Cancelled, Progress

OnProgress = Callable[[Progress], None]
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnCancelled = Callable[[], None]


class WorkerCrashed(BulletinError):
    pass


class JobHandle(Protocol):
    def cancel(self) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class JobRunner(Protocol):
    def submit(
        self,
        job: jobs.Job,
        args: tuple[Any, ...],
        on_progress: OnProgress,
        on_done: OnDone,
        on_error: OnError,
        on_cancelled: OnCancelled | None = None,
    ) -> JobHandle: ...

    def shutdown(self) -> None: ...


class ThreadRunner(QObject):
    """Jobs in a worker thread of this process."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = TaskRunner(self)

    def submit(
        self,
        job: jobs.Job,
        args: tuple[Any, ...],
        on_progress: OnProgress,
        on_done: OnDone,
        on_error: OnError,
        on_cancelled: OnCancelled | None = None,
    ) -> JobHandle:
        return self.tasks.run_with_progress(
            lambda progress, token: job(self.services, *args, progress=progress, cancel=token),
            on_progress,
            on_done,
            on_error,
            on_cancelled,
        )

    def shutdown(self) -> None:
        self.tasks.wait()


@dataclass(eq=False)
class _Queued:
    runner: ProcessRunner
    job: jobs.Job
    args: tuple[Any, ...]
    on_progress: OnProgress
    on_done: OnDone
    on_error: OnError
    on_cancelled: OnCancelled | None
    _cancelled: bool = field(default=False)

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        if not self._cancelled:
            self._cancelled = True
            self.runner._cancel_job(self)


class _Bridge(QObject):
    done = Signal(object, object)  # future, job


class ProcessRunner(QObject):
    """Jobs in one warm worker process, first come first served."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec = services.db.location.url
        self._author = services.author
        self._origin = services.db.origin  # the worker saves as this desk (see jobs.in_worker)
        self._context = multiprocessing.get_context("spawn")  # the same on Windows and Linux
        self._pool: ProcessPoolExecutor | None = None
        self._queue: Any = None
        self._event: Any = None
        self._pending: deque[_Queued] = deque()
        self._running: _Queued | None = None
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._finish)
        self._timer = QTimer(self, interval=50)
        self._timer.timeout.connect(self._drain)
        self._closed = False  # after shutdown() no worker is started again (a late warm-up timer)

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._queue = self._context.Queue()
            self._event = self._context.Event()
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=self._context,
                initializer=jobs.init_worker,
                initargs=(self._queue, self._event),
            )
        return self._pool

    def warm_up(self) -> None:
        """Start the worker and load its heavy modules while the editor is still reading."""
        if self._pool is None and not self._closed:
            self._ensure_pool().submit(jobs.warm_up)

    @property
    def busy(self) -> bool:
        return self._running is not None or bool(self._pending)

    def submit(
        self,
        job: jobs.Job,
        args: tuple[Any, ...],
        on_progress: OnProgress,
        on_done: OnDone,
        on_error: OnError,
        on_cancelled: OnCancelled | None = None,
    ) -> JobHandle:
        queued = _Queued(self, job, args, on_progress, on_done, on_error, on_cancelled)
        if self._closed:
            QTimer.singleShot(0, lambda: on_cancelled() if on_cancelled is not None else None)
            return queued
        self._pending.append(queued)
        self._start_next()
        return queued

    def _start_next(self) -> None:
        if self._running is not None or not self._pending:
            return
        queued = self._pending.popleft()
        pool = self._ensure_pool()
        self._event.clear()
        self._drain()  # progress left over from an earlier job
        self._running = queued
        future = pool.submit(jobs.in_worker, self._spec, self._author, self._origin, queued.job, queued.args)
        self._timer.start()

        def done(f: Future) -> None:  # on a pool thread: the signal carries it to the GUI thread
            with contextlib.suppress(RuntimeError):  # the runner is gone (window closing)
                self._bridge.done.emit(f, queued)

        future.add_done_callback(done)

    def _cancel_job(self, queued: _Queued) -> None:
        if queued is self._running:
            self._event.set()  # the job stops at its next check and raises Cancelled
        elif queued in self._pending:
            self._pending.remove(queued)
            if queued.on_cancelled is not None:
                QTimer.singleShot(0, queued.on_cancelled)

    def _drain(self) -> None:
        if self._queue is None:
            return
        while True:
            try:
                done, total, label = self._queue.get_nowait()
            except (queue.Empty, OSError, ValueError, EOFError):
                return
            if self._running is not None:
                self._running.on_progress(Progress(done, total, label))

    def _finish(self, future: Future, queued: _Queued) -> None:
        self._drain()
        self._timer.stop()
        self._running = None
        try:
            result = future.result()
        except Cancelled:
            if queued.on_cancelled is not None:
                queued.on_cancelled()
        except BrokenProcessPool:
            self._pool = None  # a fresh worker next time
            queued.on_error(
                WorkerCrashed(
                    QCoreApplication.translate(
                        "ProcessRunner", "Tiến trình xử lý bị dừng đột ngột (tệp hỏng nặng?). Hãy thử lại."
                    )
                )
            )
        except Exception as exc:
            queued.on_error(exc)
        else:
            queued.on_done(result)
        self._start_next()

    def shutdown(self) -> None:
        """Cancel what is queued or running and stop the worker process."""
        self._closed = True
        self._timer.stop()
        self._pending.clear()
        if self._pool is not None:
            if self._event is not None:
                self._event.set()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
