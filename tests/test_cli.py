"""The ``bulletin`` contract, run as a real process: JSON on stdout, one-line errors, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def run(*args: str, db: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "bulletin_app"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(
        [*argv, *args], capture_output=True, text=True, encoding="utf-8", timeout=120, env={**os.environ, **(env or {})}
    )


def ok_json(*args: str, db: Path) -> object:
    proc = run(*args, "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_done_when_walkthrough(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    info = ok_json("init", db=db)
    assert info["articles"] == 0 and "Ngoại giao kinh tế" in info["columns"]
    imported = ok_json("import", str(seeds), db=db)
    assert len(imported) == 5 and all({"path", "id", "title", "findings"} == set(r) for r in imported)
    found = ok_json("search", "ngoai giao", db=db)
    assert {h["id"] for h in found} == {r["id"] for r in imported}
    assert {"id", "title", "snippet", "score"} <= set(found[0])
    sweden = ok_json("search", "thuy dien", db=db)
    assert sum("Thụy Điển" in h["snippet_text"] for h in sweden) >= 4
    text = run("search", "thuy dien", db=db)
    assert text.returncode == 0 and "«Thụy Điển»" in text.stdout
    korea = run("search", "gyeongsangbuk-do", db=db)
    assert korea.returncode == 0 and korea.stdout.count("«Gyeongsangbuk-do»") == 4
    assert korea.stderr == ""


def test_list_show_issue_backup(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    imported = ok_json("import", str(seeds), "--column", "Ngoại giao kinh tế", db=db)
    ids = [r["id"] for r in imported]
    listed = ok_json("list", "--limit", "3", db=db)
    assert len(listed) == 3 and listed[0]["column"] == "Ngoại giao kinh tế"
    assert ok_json("list", "--status", "approved", db=db) == []
    assert len(ok_json("list", "--column", "ngoai giao", db=db)) == 5
    article = ok_json("show", str(ids[1]), db=db)
    assert {"title", "sapo", "body", "byline", "published", "column", "status", "language"} <= set(article)
    assert article["title"] == "Dấu ấn một chặng đường" and article["language"] == "vi"
    issue = ok_json("issue", "create", "--number", "12", "--date", "2026-12-15", "--title", "Số 12/2026", db=db)
    assert issue["id"] > 0
    added = ok_json("issue", "add", str(issue["id"]), *map(str, ids[:3]), "--section", "Sự kiện – Hoạt động", db=db)
    assert added["added"] == ids[:3]
    proc = run("issue", "add", str(issue["id"]), str(ids[3]), db=db)
    assert proc.returncode == 0, proc.stderr
    shown = ok_json("issue", "show", str(issue["id"]), db=db)
    assert [(s["name"], [a["id"] for a in s["articles"]]) for s in shown["sections"]] == [
        ("Sự kiện – Hoạt động", ids[:3]),
        ("Ngoại giao kinh tế", [ids[3]]),
    ]
    issues = ok_json("issue", "list", db=db)
    assert issues[0]["article_count"] == 4 and issues[0]["number"] == 12
    dest = tmp_path / "copy.db"
    backup = ok_json("backup", str(dest), db=db)
    assert Path(backup["backup"]) == dest and dest.stat().st_size > 0
    assert len(ok_json("list", db=dest)) == 5


def test_env_var_and_script_entry_point(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "env.db"
    script = BIN / ("bulletin.exe" if os.name == "nt" else "bulletin")
    if not script.exists():
        pytest.skip("bulletin console script not installed in this environment")
    proc = subprocess.run(
        [str(script), "init", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "BULLETIN_DB": str(db)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["location"] == str(db)


def _one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_errors_are_one_line_exit_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    assert run("init", db=db).returncode == 0
    assert "99" in _one_line_error(run("show", "99", db=db))
    assert "99" in _one_line_error(run("issue", "show", "99", db=db))
    assert _one_line_error(run("issue", "add", "1", "1", db=db))
    bad = tmp_path / "notes.db"
    bad.write_text("ghi chú, không phải CSDL", encoding="utf-8")
    assert str(bad) in _one_line_error(run("list", db=bad))
    assert bad.read_text(encoding="utf-8") == "ghi chú, không phải CSDL"
    assert "không tồn tại" in _one_line_error(run("list", db=tmp_path / "nope" / "x.db"))
    assert _one_line_error(run("list", db=Path("/dev/null/lib.db")))


def test_import_reports_bad_files_and_keeps_the_good(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Tin tốt\nNội dung tốt.", encoding="utf-8")
    (folder / "b_empty.txt").write_text(" \n\u200b\n", encoding="utf-8")
    (folder / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "d_cp1258.txt").write_bytes(
        # Windows-1258 keeps tone marks as combining characters: the importer must compose them.
        "Tin Windows-1258\nNô\u0323i dung tiê\u0301ng Viê\u0323t.".encode("cp1258")
    )
    (folder / "e_utf16.txt").write_text("Tin UTF-16\nHợp tác quốc tế.", encoding="utf-16")
    proc = run("import", str(folder), str(tmp_path / "missing.txt"), "--json", db=db)
    assert proc.returncode == 1
    results = {Path(r["path"]).name: r for r in json.loads(proc.stdout)}
    assert results["a_good.txt"]["title"] == "Tin tốt"
    assert "rỗng" in results["b_empty.txt"]["error"]
    assert "nhị phân" in results["c_binary.txt"]["error"]
    assert results["d_cp1258.txt"]["title"] == "Tin Windows-1258"
    assert results["e_utf16.txt"]["title"] == "Tin UTF-16"
    assert "không tìm thấy" in results["missing.txt"]["error"]
    assert len(proc.stderr.strip().splitlines()) == 1
    assert len(ok_json("list", db=db)) == 3


def test_usage_errors_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    for args in (
        ("frobnicate",),
        ("issue", "create", "--number", "x", "--date", "2026-01-01"),
        ("issue", "create", "--number", "1", "--date", "2026-13-01"),
        ("list", "--limit", "0"),
        (),
    ):
        proc = run(*args, db=db)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr


def test_demo_builds_and_exports_a_sample_issue(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    proc = run("demo", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["pdf"]["pages"] % 4 == 0 and Path(data["pdf"]["path"]).stat().st_size > 100_000
    assert Path(data["docx"]["path"]).exists() and (out / "thu-vien-mau.db").exists()
    issue = ok_json("issue", "show", str(data["issue_id"]), db=out / "thu-vien-mau.db")
    assert [s["name"] for s in issue["sections"]][:2] == ["Thư ngỏ", "Sự kiện – Hoạt động"]
    check = run("check", str(data["issue_id"]), "--json", db=out / "thu-vien-mau.db")
    assert check.returncode == 0 and json.loads(check.stdout)["errors"] == []
    again = run("demo", str(out))
    assert "thu-vien-mau.db" in _one_line_error(again)


def test_check_and_export_refuse_then_force(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    ids = [r["id"] for r in ok_json("import", str(seeds), db=db)]
    issue = ok_json("issue", "create", "--number", "3", "--date", "2026-06-30", db=db)
    assert run("issue", "add", str(issue["id"]), *map(str, ids), db=db).returncode == 0
    check = run("check", str(issue["id"]), "--json", db=db)
    assert check.returncode == 1
    codes = {e["code"] for e in json.loads(check.stdout)["errors"]}
    assert {"not-approved", "colophon-field"} <= codes
    assert len(check.stderr.strip().splitlines()) == 1
    pdf, docx = tmp_path / "so-3.pdf", tmp_path / "so-3.docx"
    refused = run("export", str(issue["id"]), "--pdf", str(pdf), "--docx", str(docx), db=db)
    assert refused.returncode == 1 and not pdf.exists() and not docx.exists()
    assert "--force" in refused.stderr
    forced = run(
        "export",
        str(issue["id"]),
        "--pdf",
        str(pdf),
        "--docx",
        str(docx),
        "--force",
        "--booklet",
        "--bleed",
        "3",
        "--crop-marks",
        "--json",
        db=db,
    )
    assert forced.returncode == 0, forced.stderr
    data = json.loads(forced.stdout)
    assert data["pdf"]["path"] == str(pdf) and data["pdf"]["pages"] % 4 == 0 and data["docx"]["path"] == str(docx)
    assert {"errors", "warnings"} <= set(data)
    bad = run("export", str(issue["id"]), "--pdf", str(pdf), "--page-size", "huge", db=db)
    assert "huge" in _one_line_error(bad)
    assert _one_line_error(run("export", str(issue["id"]), db=db))  # no target file given


def test_importing_the_same_text_again_is_skipped_by_name(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    first = ok_json("import", str(seeds), db=db)
    copy = tmp_path / "ban-sao.txt"
    copy.write_text(
        "\ufeff" + next(seeds.glob("001_*.txt")).read_text(encoding="utf-8").replace("  ", " "), encoding="utf-8"
    )
    proc = run("import", str(copy), "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    [result] = json.loads(proc.stdout)
    original = next(r for r in first if r["title"] == "Dấu ấn một chặng đường")
    assert result["duplicate_of"] == original["id"] and "đã có" in result["message"]
    assert len(ok_json("list", db=db)) == 5


def test_proof_reports_and_fixes_case_flips(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    imported = ok_json("import", str(seeds), db=db)
    record = next(r for r in imported if r["title"] == "Dấu ấn một chặng đường")
    assert any(
        f["kind"] == "case-flip" and f["found"] == "uBND" and f["fix"] == "UBND" and f["count"] == 4
        for f in record["findings"]
    )
    shown = ok_json("show", str(record["id"]), db=db)
    assert {f["kind"] for f in shown["findings"]} >= {"case-flip"}
    assert "Cần xem" in run("show", str(record["id"]), db=db).stdout
    fixed = ok_json("proof", str(record["id"]), "--fix", db=db)
    assert "case-flip" in fixed["fixed"] and fixed["version"] == shown["version"] + 1
    after = ok_json("show", str(record["id"]), db=db)
    text = after["sapo"] + "\n" + after["body"]
    assert "uBND" not in text and "3468/QĐ-UBND" in after["sapo"] and "KOICA" in after["body"]
    assert not any(f["kind"] == "case-flip" for f in after["findings"])
    untitled = next(r for r in imported if any(f["kind"] == "title-needed" for f in r["findings"]))
    assert any(f["kind"] == "title-needed" for f in ok_json("proof", str(untitled["id"]), db=db)["findings"])


def test_the_same_story_from_another_outlet_is_flagged(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    first = ok_json("import", str(seeds), db=db)
    original = next(r for r in first if r["title"] == "Nhịp cầu gắn kết hội nhập và phát triển")
    assert not any(f["kind"] == "near-duplicate" for r in first for f in r["findings"])
    text = next(seeds.glob("002_*.txt")).read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    paragraphs[0] = "Thái Nguyên: nhịp cầu hội nhập"  # another outlet's headline
    paragraphs.insert(3, "Theo phóng viên báo tỉnh, hội nghị diễn ra trong không khí cởi mở.")
    other = tmp_path / "bao-khac.txt"
    other.write_text("\n\n".join(paragraphs), encoding="utf-8")
    [result] = ok_json("import", str(other), db=db)
    flags = [f for f in result["findings"] if f["kind"] == "near-duplicate"]
    assert len(flags) == 1 and flags[0]["found"] == str(original["id"]) and flags[0]["count"] >= 80
    assert len(ok_json("list", db=db)) == 6  # imported all the same, flagged


def test_approval_from_the_cli_obeys_the_team_roles(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    imported = ok_json("import", str(seeds), db=db)
    article = str(next(r["id"] for r in imported if r["title"]))  # an untitled draft cannot be approved
    ok_json("member", "set", "thu", "--role", "chief", "--display-name", "Trần Thu Hà", db=db)
    as_ha = {"LOGNAME": "ha", "USER": "ha", "USERNAME": "ha"}
    as_thu = {"LOGNAME": "thu", "USER": "thu", "USERNAME": "thu"}
    refused = run("article", "set", article, "--status", "approved", db=db, env=as_ha)
    assert refused.returncode == 1 and "chỉ tổng biên tập (thu)" in refused.stderr
    assert ok_json("show", article, db=db)["status"] == "draft"
    done = run("article", "set", article, "--status", "approved", "--json", db=db, env=as_thu)
    assert done.returncode == 0, done.stderr
    members = ok_json("member", "list", db=db)
    assert members == [{"name": "thu", "display_name": "Trần Thu Hà", "role": "chief", "role_label": "tổng biên tập"}]
