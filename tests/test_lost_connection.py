"""A server library whose network goes away and comes back (a real TCP relay in front of the
real server, cut and restored): clear messages, no traceback, nothing half-saved, and work goes
on once the server is reachable again."""

from __future__ import annotations

import contextlib
import select
import socket
import threading

import pytest
from sqlalchemy.engine import make_url

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.domain.errors import StorageError
from bulletin_app.services import Services
from tests.backends import pg_admin_url, pg_database


class Relay:
    """Forwards 127.0.0.1:port to the server; ``cut()`` drops every connection and refuses new ones."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            if not self.open:
                client.close()
                continue
            server = socket.create_connection(self.target)
            self.pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError, ValueError):
            while True:
                ready, _, _ = select.select([a, b], [], [], 0.2)
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    (b if s is a else a).sendall(data)

    def cut(self) -> None:
        self.open = False
        for a, b in self.pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
        self.pairs.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.stop.set()
        self.cut()
        self.listener.close()


def test_a_lost_server_is_a_clear_message_and_work_resumes(tmp_path, figure) -> None:  # type: ignore[no-untyped-def]
    admin = make_url(pg_admin_url())
    with pg_database() as url:
        relay = Relay(admin.host or "127.0.0.1", admin.port or 5432)
        via_relay = make_url(url).set(host="127.0.0.1", port=relay.port).render_as_string(False)
        sv = Services.open(via_relay, author="ha")
        watcher = sv.library.watcher()
        try:
            sv.articles.add(ArticleDraft("Trước khi mất mạng", "Nội dung."))
            relay.cut()
            with pytest.raises(StorageError) as lost:
                sv.articles.add(ArticleDraft("Trong lúc mất mạng", "Không được lưu nửa chừng."))
            message = lost.value.message
            assert "máy chủ thư viện" in message and "Traceback" not in message
            assert "bi-mat" not in message
            with pytest.raises(StorageError, match="Mất kết nối"):
                watcher.poll()
            relay.restore()
            sv.articles.add(ArticleDraft("Sau khi có mạng lại", "Nội dung."))
            titles = [sv.articles.get(i).title for i in sv.articles.list_ids(order="id")]
            assert titles == ["Trước khi mất mạng", "Sau khi có mạng lại"]  # nothing half-saved
            watcher.poll()  # reconnects
            figure(f"lost: {message}")
        finally:
            watcher.close()
            sv.close()
            relay.close()
