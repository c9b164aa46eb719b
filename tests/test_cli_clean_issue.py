"""An issue finished from the command line alone: the seeds imported, translated through the
translator's package, approved, the publication record and licence filled, a bilingual issue
composed — checked and exported with no --force, exit 0."""

from __future__ import annotations

import json

from pypdf import PdfReader

from tests.test_cli import ok_json, run
from tests.test_translation_package import _fill_docx


def test_a_clean_bilingual_issue_from_the_cli_alone(library_url, tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    """On both backends (a SQLite file, a PostgreSQL server), ending with a backup restored into
    a fresh SQLite file."""
    db = library_url
    imported = ok_json("import", str(seeds), db=db)
    ids = [str(r["id"]) for r in imported]
    untitled = [r for r in imported if not r["title"]]  # no headline in the file: the editor gives one
    assert len(untitled) == 2 and all(any(f["kind"] == "title-needed" for f in r["findings"]) for r in untitled)
    for record, title in zip(
        untitled,
        ("Sở Ngoại vụ đưa Thái Nguyên đến gần bạn bè quốc tế", "Vận dụng sáng tạo ngoại giao “cây tre Việt Nam”"),
        strict=True,
    ):
        ok_json("article", "set", str(record["id"]), "--title", title, db=db)
    for article_id in ids:  # captions whose photos the copied pages did not bring: dropped
        ok_json("proof", article_id, "--fix", db=db)
    package = tmp_path / "goi-dich.docx"
    ok_json("translation", "export", "--articles", *ids, "--out", str(package), db=db)
    report = ok_json("translation", "import", str(_fill_docx(package)), db=db)  # the translator's work
    english = [str(a["translation_id"]) for a in report["articles"]]
    assert report["created"] == 5 and all(a["outcome"] == "created" for a in report["articles"])
    for article_id in ids:
        ok_json("article", "set", article_id, "--status", "approved", "--column", "Ngoại giao kinh tế", db=db)
    for article_id in english:
        assert ok_json("show", article_id, db=db)["language"] == "en"
        ok_json("article", "set", article_id, "--status", "approved", db=db)
    ok_json(
        "publication", "set",
        "--licence-number", "25/GP-STTTT", "--licence-date", "2026-01-10", "--licence-expiry", "2026-12-31",
        "--licence-issuer", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên",
        "--licence-issuer-en", "Thai Nguyen Department of Culture, Sports and Tourism",
        "--printing-place", "Công ty Cổ phần In Thái Nguyên", "--printing-place-en", "Thai Nguyen Printing JSC",
        "--responsible-person", "Nguyễn Văn Minh",
        "--editorial-board", "Trần Thu Hà", "--editorial-board", "Lê Quang Huy",
        db=db,
    )  # fmt: skip
    columns = ok_json("column", "list", db=db)
    assert all(c["name_en"] for c in columns)
    issue = ok_json("issue", "create", "--number", "6", "--date", "2026-12-15", "--edition", "bilingual", db=db)
    ok_json("issue", "add", str(issue["id"]), *ids, db=db)
    details = ok_json("issue", "set", str(issue["id"]), "--period", "Tháng 11–12/2026", "--title", "Số cuối năm",
                      db=db)  # fmt: skip
    assert details["period_label"] == "Tháng 11–12/2026" and details["edition"] == "bilingual"
    check = run("check", str(issue["id"]), "--booklet", "--json", db=db)
    assert check.returncode == 0, check.stdout + check.stderr
    assert json.loads(check.stdout)["errors"] == []
    pdf, docx = tmp_path / "so-6.pdf", tmp_path / "so-6.docx"
    export = run("export", str(issue["id"]), "--pdf", str(pdf), "--docx", str(docx), "--booklet", "--json", db=db)
    assert export.returncode == 0, export.stderr
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "BULLETIN" in text and "November–December 2026" in text and "Printed at" in text
    assert docx.stat().st_size > 10_000
    sweden = ok_json("search", "thuy dien", db=db)
    assert "Thụy Điển" in sweden[0]["snippet_text"]
    flipped = ok_json("search", "uBND", db=db)
    assert flipped and all("ubnd" in h["snippet_text"].lower() for h in flipped)
    archive = tmp_path / "sao-luu.zip"
    ok_json("backup", str(archive), db=db)
    fresh = tmp_path / "khoi-phuc.db"
    restored = ok_json("restore", str(archive), db=fresh)
    assert restored["counts"]["articles"] == 10 and restored["replaced_backup"] is None
    assert run("restore", str(archive), db=fresh).returncode == 1  # not over a library with content
    for source, copy in zip(
        ok_json("list", "--limit", "100", db=db), ok_json("list", "--limit", "100", db=fresh), strict=True
    ):
        assert source == copy
    for article_id in ids + english:
        assert ok_json("show", article_id, db=db) == ok_json("show", article_id, db=fresh)


def test_publication_and_column_commands_refuse_bad_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    bad = run("publication", "set", "--email", "khong-phai-email", db=db)
    assert bad.returncode == 1 and "Email" in bad.stderr and bad.stderr.count("\n") == 1
    too_long = run("publication", "set", "--licence-date", "2026-01-01", "--licence-expiry", "2027-06-01", db=db)
    assert too_long.returncode == 1 and "một năm" in too_long.stderr
    assert run("publication", "set", "--print-run", "nhiều", db=db).returncode == 2
    assert run("publication", "set", "--internal-circulation", "maybe", db=db).returncode == 2
    assert ok_json("publication", "show", db=db)["licence_expiry"] is None  # nothing half-saved
    missing = run("column", "rename", "Không có", "Mới", db=db)
    assert missing.returncode == 1 and "Không có chuyên mục" in missing.stderr
    added = ok_json("column", "add", "Hợp tác quốc tế", "--english", "International Cooperation", db=db)
    assert added["name_en"] == "International Cooperation"
    renamed = ok_json("column", "rename", "hop tac quoc te", "Hợp tác quốc tế và đầu tư", db=db)
    assert renamed["name"] == "Hợp tác quốc tế và đầu tư" and renamed["name_en"] == "International Cooperation"
