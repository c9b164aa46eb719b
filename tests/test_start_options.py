"""Starting the programs: Vietnamese help and usage errors, unknown options refused (exit 2),
`bootstrap.py app -- --db PATH` reaches the app, the missing Qt libraries named."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bootstrap():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "scripts" / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _run(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )  # fmt: skip


def test_cli_help_and_usage_errors_are_vietnamese() -> None:
    help_ = _run("-m", "bulletin_app.cli", "--help")
    assert help_.returncode == 0
    assert "cách dùng: bulletin" in help_.stdout and "tùy chọn:" in help_.stdout
    assert "hiện trợ giúp này rồi thoát" in help_.stdout
    for english in ("usage:", "positional arguments", "options:", "show this help message"):
        assert english not in help_.stdout
    bad = _run("-m", "bulletin_app.cli", "list", "--status", "xyz")
    assert bad.returncode == 2 and "lỗi: đối số --status: không có lựa chọn 'xyz'" in bad.stderr
    missing = _run("-m", "bulletin_app.cli", "article", "set")
    assert missing.returncode == 2 and "thiếu đối số: ID" in missing.stderr


def test_the_app_refuses_unknown_options_and_keeps_qt_ones() -> None:
    import argparse

    from bulletin_app.gui.window.app import qt_options

    parser = argparse.ArgumentParser(prog="bulletin-app")
    assert qt_options(["-style", "Fusion", "-reverse", "-platform=offscreen"], parser) == [
        "-style", "Fusion", "-reverse", "-platform=offscreen",
    ]  # fmt: skip
    for wrong in (["--dbb", "x.db"], ["thu-vien.db"], ["-stlye", "Fusion"]):
        proc = _run("main.py", *wrong)
        assert proc.returncode == 2, (wrong, proc.stderr)
        assert f"lỗi: không hiểu tùy chọn: {wrong[0]}" in proc.stderr


def test_bootstrap_passes_options_after_a_double_dash(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bootstrap = _bootstrap()
    calls: list[list[str]] = []
    monkeypatch.setattr(bootstrap, "ensure_venv", lambda extras: Path(sys.executable))
    monkeypatch.setattr(bootstrap, "missing_qt_libraries", lambda env: [])
    monkeypatch.setattr(
        bootstrap.subprocess, "run", lambda cmd, **kw: calls.append(cmd) or subprocess.CompletedProcess(cmd, 0)
    )
    assert bootstrap.main(["app", "--", "--db", str(tmp_path / "lib.db")]) == 0
    assert calls[-1][-2:] == ["--db", str(tmp_path / "lib.db")]
    assert bootstrap.main(["cli", "--", "list", "--json"]) == 0
    assert calls[-1][-2:] == ["list", "--json"]


def test_bootstrap_names_the_missing_qt_libraries(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    bootstrap = _bootstrap()
    monkeypatch.setattr(bootstrap, "ensure_venv", lambda extras: Path(sys.executable))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    import ctypes.util

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-icccm" else f"lib{name}.so")
    assert bootstrap.main(["app"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-icccm4" in err and "keysyms" not in err
    assert bootstrap.missing_qt_libraries({"QT_QPA_PLATFORM": "offscreen"}) == []
