"""Background work that follows the editor's changes: the latest request only, after a pause.

Each ``request`` replaces the one waiting and restarts the quiet-period timer. At most one
job runs at a time (on the given runner: the worker process in the app); a result made
stale by a newer request is handed to ``discard`` for clean-up instead of being shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from bulletin_app.gui.background.process_runner import JobRunner
from bulletin_app.services.jobs import Job


class DebouncedJob(QObject):
    busy_changed = Signal(bool)

    def __init__(
        self,
        delay_ms: int,
        runner: JobRunner,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        discard: Callable[[Any], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._done = done
        self._failed = failed
        self._discard = discard or (lambda _result: None)
        self._runner = runner
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._start)
        self._pending: tuple[Job, tuple[Any, ...]] | None = None
        self._generation = 0  # of the newest request
        self._running = False
        self.runs = 0  # jobs started (for tests and the benchmark)
        self.discarded = 0

    def set_delay(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def request(self, job: Job, args: tuple[Any, ...]) -> None:
        """Run ``job(*args)`` (a services.jobs job) after the quiet period, instead of any job waiting."""
        self._generation += 1
        self._pending = (job, args)
        self._timer.start()
        self.busy_changed.emit(True)

    def run_now(self) -> None:
        """Skip the rest of the quiet period (the job still waits for a running one)."""
        if self._pending is not None:
            self._timer.stop()
            self._start()

    def cancel(self) -> None:
        """Forget the waiting job; a running one finishes and is discarded."""
        self._timer.stop()
        self._pending = None
        self._generation += 1
        if not self._running:
            self.busy_changed.emit(False)

    def _start(self) -> None:
        if self._running or self._pending is None:
            return  # the running job's end starts the waiting one
        (job, args), self._pending = self._pending, None
        generation = self._generation
        self._running = True
        self.runs += 1
        self._runner.submit(
            job,
            args,
            lambda _progress: None,
            lambda result: self._finished(generation, result),
            lambda exc: self._error(generation, exc),
            lambda: self._finished(-1, None),  # cancelled: stale by definition
        )

    def _finished(self, generation: int, result: Any) -> None:
        self._running = False
        if generation != self._generation:
            self.discarded += 1
            self._discard(result)
        else:
            self._done(result)
        self._next()

    def _error(self, generation: int, exc: BaseException) -> None:
        self._running = False
        if generation == self._generation:
            self._failed(exc)
        else:
            self.discarded += 1
        self._next()

    def _next(self) -> None:
        if self._pending is not None and not self._timer.isActive():
            self._start()  # it waited for us: its quiet period is over
        elif self._pending is None:
            self.busy_changed.emit(False)
