"""`bulletin export` and `bulletin check` on a current SQLite library read the issue through the
standard library's sqlite3 (no SQLAlchemy in the process): the same document, the same files,
and the library untouched. The records are read by one plain-SQL reading on every way in."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.domain.publication import Publication
from bulletin_app.services import Services
from bulletin_app.services.document_builder import build_document
from bulletin_app.services.sample import create_sample
from bulletin_app.storage.sqlite_reader import SqliteReader
from tests.backends import pg_database

LOADED = "('sqlalchemy', 'alembic', 'docx', 'psycopg')"


def _issue(sv: Services) -> int:
    """The sample issue, with every kind of value the drivers hand back differently: dates,
    JSON lists, booleans, a datetime with microseconds, tags in order, findings."""
    issue_id, _ = create_sample(sv)
    pub = sv.publication.get()
    sv.publication.save(
        Publication(
            **{
                **pub.__dict__,
                "licence_date": dt.date(2024, 3, 9),
                "licence_expiry": dt.date(2025, 3, 8),
                "editorial_board": ["Nguyễn Văn Ân", "Đặng Thị Ước"],
                "internal_circulation": False,
            }
        )
    )
    added = sv.articles.add(
        ArticleDraft(
            "Đoàn công tác Thụy Điển thăm Đồng Hỷ",
            "Hai bên trao đổi về hợp tác giáo dục.\n\nĐoàn thăm Trường THPT Đồng Hỷ.",
            column="Ngoại giao kinh tế",
            tags=["Thụy Điển", "giáo dục", "Đồng Hỷ"],
            published=dt.datetime(2026, 11, 30, 14, 5, 7, 123456),
        )
    )
    sv.issues.add_articles(issue_id, [added[0]])
    return issue_id


def test_an_issue_reads_alike_through_sqlite3_and_through_sqlalchemy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "lib.db"
    sv = Services.open(str(path))
    try:
        issue_id = _issue(sv)
        full = build_document(sv.db, issue_id, "bilingual")
        with SqliteReader.reading(str(path)) as reader:
            assert reader is not None
            quick = build_document(reader, issue_id, "bilingual")
    finally:
        sv.close()
    assert quick == full  # the document, the issue, the record and every article, field by field
    document, _issue_read, pub, articles = quick
    assert pub.licence_date == dt.date(2024, 3, 9) and pub.editorial_board == ["Nguyễn Văn Ân", "Đặng Thị Ước"]
    assert pub.internal_circulation is False
    (added,) = [a for a in articles if a.title.startswith("Đoàn công tác Thụy Điển")]
    assert added.published == dt.datetime(2026, 11, 30, 14, 5, 7, 123456)
    assert added.tags == ("Thụy Điển", "giáo dục", "Đồng Hỷ") and added.column == "Ngoại giao kinh tế"
    assert document.images and all(img.data for img in document.images.values())


def test_an_issue_reads_alike_on_sqlite_and_on_postgresql(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The same issue made on both backends is the same document, record and issue (the drivers'
    dates, JSON and booleans come back as the same values)."""
    with pg_database() as url:
        built = []
        for spec in (str(tmp_path / "lib.db"), url):
            sv = Services.open(spec)
            try:
                issue_id = _issue(sv)
                document, issue, pub, articles = build_document(sv.db, issue_id, "bilingual")
                built.append((document, issue, pub, [(a.title, a.published, a.tags, a.findings) for a in articles]))
            finally:
                sv.close()
    assert built[0] == built[1]


def _run(*args: str) -> tuple[subprocess.CompletedProcess[str], dict]:  # type: ignore[type-arg]
    probe = (
        "import sys, json; from bulletin_app.cli import main; code = main(sys.argv[1:]); "
        f"print(json.dumps({{'code': code, 'loaded': sorted(m for m in {LOADED} if m in sys.modules)}}), "
        "file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, encoding="utf-8", timeout=240
    )
    return done, json.loads(done.stderr.strip().splitlines()[-1])


def _pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_the_export_command_reads_without_sqlalchemy_writes_the_same_files_and_leaves_the_library(
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.services.export import ExportSettings

    path = tmp_path / "lib.db"
    sv = Services.open(str(path))
    try:
        issue_id = _issue(sv)
        full = sv.exports.export(issue_id, pdf=tmp_path / "full.pdf", settings=ExportSettings(force=True))
        assert full.pdf is not None
    finally:
        sv.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("lib.db")}
    out = tmp_path / "out"
    out.mkdir()
    done, status = _run(
        "--db", str(path), "export", str(issue_id), "--pdf", str(out / "issue.pdf"), "--docx",
        str(out / "issue.docx"), "--force", "--json",
    )  # fmt: skip
    assert status == {"code": 0, "loaded": ["docx"]}, done.stderr  # python-docx for the DOCX, nothing else
    report = json.loads(done.stdout)
    assert report["pdf"]["pages"] == full.pdf.pages
    assert _pdf_text(out / "issue.pdf") == _pdf_text(tmp_path / "full.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["issue.docx", "issue.pdf"]  # nothing staged left
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("lib.db")}
    assert after == before  # read only: the library's files byte for byte

    done, status = _run("--db", str(path), "check", str(issue_id), "--json")
    assert status["loaded"] == [] and status["code"] in (0, 1), done.stderr
    findings = json.loads(done.stdout)
    assert {"errors", "warnings"} <= set(findings)


def test_an_export_refused_or_of_a_missing_issue_says_so_the_quick_way(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "lib.db"
    sv = Services.open(str(path))
    try:
        issue_id = _issue(sv)
        pub = sv.publication.get()  # the colophon without its licence and responsible person: preflight errors
        sv.publication.save(Publication(**{**pub.__dict__, "licence_number": "", "responsible_person": ""}))
    finally:
        sv.close()
    target = tmp_path / "issue.pdf"
    done, status = _run("--db", str(path), "export", str(issue_id), "--pdf", str(target))
    assert status == {"code": 1, "loaded": []}, done.stderr
    assert "không xuất" in done.stderr and "✗" in done.stdout
    assert not target.exists()
    done, status = _run("--db", str(path), "export", "999", "--pdf", str(target))
    assert status["code"] == 1 and "Không có số bản tin mã 999" in done.stderr
    assert not target.exists()


def test_a_library_that_needs_the_full_opening_is_exported_the_full_way(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A SQLite library named by URL (as a server would be) is opened with SQLAlchemy and exports alike."""
    path = tmp_path / "lib.db"
    sv = Services.open(str(path))
    try:
        issue_id = _issue(sv)
    finally:
        sv.close()
    done, status = _run(
        "--db", f"sqlite:///{path}", "export", str(issue_id), "--pdf", str(tmp_path / "a.pdf"), "--force", "--json"
    )  # fmt: skip
    assert status["code"] == 0 and "sqlalchemy" in status["loaded"], done.stderr
    assert json.loads(done.stdout)["pdf"]["pages"] > 4


def test_pictures_are_found_by_their_hash_prefix_whatever_the_servers_collation() -> None:
    """A body names its picture by a prefix of its hash. A server whose default collation sorts
    digits by their number (ICU "kn") orders hashes unlike their text: the look-up must not
    depend on the order."""
    import io

    from PIL import Image

    with pg_database(icu_locale="und-u-kn-true") as url:
        sv = Services.open(url)
        try:
            hashes = []
            for n in range(12):
                data = io.BytesIO()
                Image.new("RGB", (10 + n, 10), (n * 20, 90, 160)).save(data, "PNG")
                asset, _ = sv.assets.add_bytes(data.getvalue(), f"anh-{n}.png")
                hashes.append(asset.sha256)
            for digest in hashes:
                for length in (6, 8, 12, 64):
                    assert sv.assets.get(digest[:length]).sha256 == digest
                    assert sv.assets.get(digest[:length].upper()).sha256 == digest
        finally:
            sv.close()
