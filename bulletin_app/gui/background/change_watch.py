"""Other editors' work, as it is saved: a thread polls the library's change log once a second
and hands what others saved to the window (a queued signal, on the window's thread).

A thread of its own, not the window's: on a server, a lost network can stall a connection
attempt for seconds, and the window must not stall with it. While the library cannot be
reached the thread says so once, retries less often (up to every 15 s), and says when it is
back.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from bulletin_app.domain.changes import Seen
from bulletin_app.domain.errors import BulletinError

INTERVAL_S = 1.0
MAX_RETRY_S = 15.0


class ChangeWatch(QObject):
    seen = Signal(object)  # Seen
    lost = Signal(str)  # the message, once per outage
    back = Signal()

    def __init__(self, watcher: Any, parent: QObject | None = None, interval_s: float = INTERVAL_S) -> None:
        super().__init__(parent)
        self._watcher = watcher
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="change-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._watcher.close()

    def _run(self) -> None:
        wait = self._interval
        down = False
        while not self._stop.wait(wait):
            try:
                news: Seen = self._watcher.poll()
            except BulletinError as exc:
                if not down:
                    down = True
                    self.lost.emit(exc.message)
                wait = min(MAX_RETRY_S, wait * 2)
                continue
            if down:
                down = False
                self.back.emit()
            wait = self._interval
            if news:
                self.seen.emit(news)
