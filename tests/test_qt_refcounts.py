"""The Qt binding must not corrupt Python's reference counts when signals carry values.

PySide6 6.12.0 dropped a reference to True/False on every emission of a Python-defined
signal with a bool argument: the app aborted ("deallocating True or False") after a few
thousand emissions — minutes of normal use. The probe runs in a child process so such a
binding fails this test instead of killing the test run.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QCheckBox

app = QApplication([])

class Source(QObject):
    flag = Signal(int, bool)
    value = Signal(object)

source = Source()
source.flag.connect(lambda n, on: None)
source.value.connect(lambda v: None)
box = QCheckBox()
box.toggled.connect(lambda on: None)
before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
for n in range(300):
    source.flag.emit(n, True)
    source.flag.emit(n, False)
    source.value.emit(None)
    box.toggle()
after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
print([a - b for a, b in zip(after, before)])
"""


def test_signals_keep_reference_counts() -> None:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"the Qt binding crashed the probe: {run.stderr[-500:]}"
    drift = [int(x) for x in run.stdout.strip().strip("[]").split(",")]
    assert all(abs(d) < 50 for d in drift), f"references to True/False/None drift by {drift} over 300 emissions"
