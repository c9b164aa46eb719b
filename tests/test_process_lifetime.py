"""The app's processes end with it: after SIGKILL of the app its worker and multiprocessing's
resource tracker exit within seconds (no orphan keeps the library open), and SIGTERM (a logoff,
a shutdown) ends the app cleanly. Real processes, Linux (/proc)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
ROOT = Path(__file__).resolve().parent.parent


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return status.split("State:")[1].split()[0] not in ("Z", "X")  # a zombie has ended


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_process_outlives_the_app(tmp_path, sig) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BULLETIN_DATA_DIR": str(tmp_path)}
    app = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(tmp_path / "lib.db")],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        children: list[int] = []
        while time.monotonic() < deadline and len(children) < 2:  # the warm worker and its tracker
            time.sleep(0.3)
            children = _children(app.pid)
        assert len(children) >= 2, "the app did not start its worker process"
        app.send_signal(sig)
        assert app.wait(timeout=30) == (-9 if sig == signal.SIGKILL else 0)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(c) for c in children):
            time.sleep(0.2)
        assert not [c for c in children if _running(c)], "processes left behind"
    finally:
        if app.poll() is None:
            app.kill()
