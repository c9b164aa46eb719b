"""The editor among the team: who else has this article open, and a note when someone else
saved it while it is open here.

A yellow bar above the text, shown only when there is something to say. The claim "this
window has the article open" is renewed every 20 s (it expires after 90 s, so a crashed
window's claim fades) and dropped when the editor closes. Claims and renewals run on the
editor's background thread: a slow server never stalls typing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from bulletin_app.domain.errors import BulletinError

RENEW_MS = 20_000


class EditorTeam(QObject):
    def __init__(self, editor: Any, services: Any, tasks: Any) -> None:
        super().__init__(editor)
        self._services = services
        self._tasks = tasks
        self._article_id: int | None = None
        self._others: list[tuple[str, dt.datetime]] = []
        self._saved_by: set[str] = set()
        self.bar = QLabel(editor)
        self.bar.setWordWrap(True)
        self.bar.setStyleSheet("QLabel { background: #fff4c2; color: #4a3b00; padding: 6px 8px; border-radius: 3px; }")
        self.bar.hide()
        self._timer = QTimer(self, interval=RENEW_MS)
        self._timer.timeout.connect(self._claim)

    def follow(self, article_id: int | None) -> None:
        """The editor shows this (saved) article now."""
        if article_id == self._article_id:
            return
        self.leave()
        self._article_id = article_id
        if article_id is not None:
            self._claim()
            self._timer.start()

    def leave(self) -> None:
        """The editor closes (or shows another article): the claim is dropped."""
        self._timer.stop()
        article_id, self._article_id = self._article_id, None
        self._others, self._saved_by = [], set()
        self._show()
        if article_id is not None:
            with contextlib.suppress(BulletinError):  # else it expires by itself
                self._services.articles.release(article_id)

    def saved_elsewhere(self, authors: set[str]) -> None:
        """Another editor saved this article while it is open here."""
        self._saved_by |= {a for a in authors if a}
        self._show()

    def reloaded(self) -> None:
        """The editor took the latest version in: the note about others' saves is done."""
        self._saved_by = set()
        self._show()

    def others(self) -> list[str]:
        return [name for name, _since in self._others]

    def _claim(self) -> None:
        article_id = self._article_id
        if article_id is None:
            return

        def done(others: list[tuple[str, dt.datetime]]) -> None:
            if article_id == self._article_id:
                self._others = others
                self._show()

        self._tasks.run(lambda: self._services.articles.claim(article_id), done, lambda _exc: None)

    def _show(self) -> None:
        lines = []
        if self._others:
            names = ", ".join(dict.fromkeys(name for name, _ in self._others))
            since = min(s for _, s in self._others).replace(tzinfo=dt.UTC).astimezone()
            lines.append(
                self.tr("Tin bài này đang được {names} mở để sửa (từ {time}).").format(
                    names=names, time=f"{since:%H:%M}"
                )
            )
        if self._saved_by:
            lines.append(
                self.tr(
                    "{names} vừa lưu tin bài này. Khi bạn lưu, chương trình sẽ hỏi cách giữ cả hai bản — không mất gì."
                ).format(names=", ".join(sorted(self._saved_by)))
            )
        self.bar.setText("\n".join(lines))
        self.bar.setVisible(bool(lines))
