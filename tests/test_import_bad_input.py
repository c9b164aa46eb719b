"""Bad input through the import service: one clear message naming each bad file, the
good files imported, nothing of a bad file left in the library."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from PIL import Image

from bulletin_app.domain.body import Figure, parse_body
from tests.test_docx_import import build_docx, xxe_docx


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "assets", "revisions")}


def _docx_with_picture(path: Path, title: str, picture: bytes | None = None) -> None:
    """A DOCX with one photo; ``picture`` replaces the photo's bytes inside the package."""
    out = io.BytesIO()
    Image.new("RGB", (640, 400), (120, 30, 30)).save(out, "JPEG")
    doc = Document()
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph("Đoàn đại biểu tỉnh Gyeongsangbuk thăm và làm việc tại Thái Nguyên.")
    doc.add_paragraph().add_run().add_picture(io.BytesIO(out.getvalue()), width=Mm(60))
    doc.add_paragraph("Quang cảnh buổi làm việc", style="Caption")
    doc.save(str(path))
    if picture is not None:
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        media = next(n for n in parts if n.startswith("word/media/"))
        parts[media] = picture
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)


def test_each_bad_file_is_named_and_the_good_ones_go_in(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    # Good files, two of them with Vietnamese names (one decomposed, as macOS writes names).
    (folder / "Tin bài đối ngoại.txt").write_text("Tin đối ngoại\nNội dung tin bài đối ngoại.", encoding="utf-8")
    nfd_name = unicodedata.normalize("NFD", "Hội nghị hợp tác.docx")
    _docx_with_picture(folder / nfd_name, "Hội nghị hợp tác với Gyeongsangbuk")
    # Bad files.
    (folder / "rong.txt").write_bytes(b"")
    (folder / "rac.txt").write_bytes(os.urandom(4096) + b"\x00")
    jpeg = io.BytesIO()
    Image.new("RGB", (64, 64)).save(jpeg, "JPEG")
    (folder / "anh-dat-nham-ten.txt").write_bytes(jpeg.getvalue())
    build_docx(folder / "cut.docx")
    (folder / "cut.docx").write_bytes((folder / "cut.docx").read_bytes()[:3000])
    with zipfile.ZipFile(folder / "bomb.docx", "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/huge.bin", b"\0" * (220 * 1024 * 1024))
    with (folder / "lon-50MB.txt").open("wb") as fh:
        line = "Dòng chữ tiếng Việt lặp lại để tệp thật lớn.\n".encode()
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    _docx_with_picture(folder / "anh-hong.docx", "Tin có ảnh hỏng", picture=b"\xff\xd8\xff\xe0 not a JPEG at all")

    report = services.imports.import_paths([folder])

    by_name = {unicodedata.normalize("NFC", Path(r.path).name): r for r in report.results}
    assert len(by_name) == 9
    errors = {name: r.error for name, r in by_name.items() if r.error}
    assert set(errors) == {"rong.txt", "rac.txt", "anh-dat-nham-ten.txt", "cut.docx", "bomb.docx", "lon-50MB.txt"}
    assert "rỗng" in errors["rong.txt"]
    assert "nhị phân" in errors["rac.txt"] and "nhị phân" in errors["anh-dat-nham-ten.txt"]
    assert "hỏng" in errors["cut.docx"] or "cắt" in errors["cut.docx"]
    assert "bom nén" in errors["bomb.docx"]
    assert "quá lớn" in errors["lon-50MB.txt"] and "50 MB" in errors["lon-50MB.txt"]
    for message in errors.values():
        assert message == message.strip() and "\n" not in message and "Traceback" not in message

    assert by_name["Tin bài đối ngoại.txt"].title == "Tin đối ngoại"
    assert by_name["Hội nghị hợp tác.docx"].title == "Hội nghị hợp tác với Gyeongsangbuk"
    assert Path(by_name["Hội nghị hợp tác.docx"].path).exists()  # the path as given, usable again
    # The picture Pillow cannot open: the article goes in with a finding and no picture.
    broken = by_name["anh-hong.docx"]
    assert broken.error is None
    assert any(f.kind == "image-unreadable" for f in broken.findings)
    figure = next(b for b in parse_body(services.articles.get(broken.id).body) if isinstance(b, Figure))
    assert figure.asset == "" and figure.caption == "Quang cảnh buổi làm việc"
    # Nothing of the bad files in the library: three articles, one picture (the good DOCX's).
    assert _counts(tmp_path / "library.db") == {"articles": 3, "assets": 1, "revisions": 0}
    assert report.changes.articles_added == frozenset(r.id for r in report.imported)


def test_external_entities_are_never_resolved_through_the_service(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xxe_docx(tmp_path)
    good = tmp_path / "tot.txt"
    good.write_text("Tin tốt\nNội dung tốt.", encoding="utf-8")
    report = services.imports.import_paths([path, good])
    assert [r.title for r in report.imported][-1] == "Tin tốt"
    for result in report.imported:
        article = services.articles.get(result.id)
        assert "MẬT KHẨU" not in article.body + article.title + article.sapo
    for result in report.failed:
        assert result.path == str(path) and result.error


CHILD = """
import json, sys
from pathlib import Path
from bulletin_app.services import Services
sv = Services.open(sys.argv[1], author="tester")
report = sv.imports.import_paths([Path(p) for p in sys.argv[2:]])
print(json.dumps([r.as_json() for r in report.results], ensure_ascii=False))
sv.close()
"""


def _as_unprivileged() -> list[str]:
    """A command prefix under which mode 000 means unreadable: nothing for an ordinary user;
    for root, setpriv without the capabilities that let root read any file."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: no way to make a file unreadable")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_paths_without_read_permission(tmp_path) -> None:  # type: ignore[no-untyped-def]
    prefix = _as_unprivileged()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_doc_duoc.txt").write_text("Tin đọc được\nNội dung.", encoding="utf-8")
    locked_file = folder / "b_khong_quyen.txt"
    locked_file.write_text("Tin bị khóa\nNội dung.", encoding="utf-8")
    locked_dir = folder / "c_thu_muc_khoa"
    locked_dir.mkdir()
    (locked_dir / "ben_trong.txt").write_text("Tin bên trong\nNội dung.", encoding="utf-8")
    other_locked = tmp_path / "thu_muc_khoa_rieng"
    other_locked.mkdir()
    locked_file.chmod(0)
    locked_dir.chmod(0)
    other_locked.chmod(0)
    try:
        proc = subprocess.run(
            [*prefix, sys.executable, "-c", CHILD, str(tmp_path / "lib.db"), str(folder), str(other_locked)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        for p in (locked_file, locked_dir, other_locked):
            p.chmod(0o700)
    assert proc.returncode == 0, proc.stderr
    results = {Path(r["path"]).name: r for r in json.loads(proc.stdout)}
    assert results["a_doc_duoc.txt"]["title"] == "Tin đọc được"
    for name in ("b_khong_quyen.txt", "c_thu_muc_khoa", "thu_muc_khoa_rieng"):
        assert results[name]["error"] == "không có quyền đọc tệp hoặc thư mục này", results[name]
    assert len(results) == 4


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipes_devices_and_broken_links_never_hang_the_import(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "ong.txt")  # reading it would wait for a writer for ever
    (folder / "lien-ket-hong.txt").symlink_to(tmp_path / "khong-co.txt")
    (folder / "tin.txt").write_text("Tin thật\nNội dung.", encoding="utf-8")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the import hung on a named pipe"))
    signal.alarm(30)
    try:
        walked = services.imports.import_paths([folder])
        named = services.imports.import_paths(
            [folder / "ong.txt", folder / "lien-ket-hong.txt", Path("/dev/zero"), folder / "khong-co.txt"]
        )
    finally:
        signal.alarm(0)
    assert [Path(r.path).name for r in walked.results] == ["tin.txt"]  # a folder's odd entries are skipped
    errors = {Path(r.path).name: r.error or "" for r in named.results}
    assert "không phải tệp thông thường" in errors["ong.txt"] and "không phải tệp thông thường" in errors["zero"]
    assert "không tìm thấy" in errors["lien-ket-hong.txt"] and "không tìm thấy" in errors["khong-co.txt"]
    assert _counts(tmp_path / "library.db")["articles"] == 1


def test_an_unexpected_failure_on_one_file_does_not_stop_the_batch(services, seeds, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A library raising something no one foresaw (an ImportError deep in an HTML extractor, a
    bug) is reported for that file, logged, and the other files go in."""
    from bulletin_app.services import imports

    real = imports.reader_for
    files = sorted(seeds.glob("*.txt"))

    def reader_for(path):  # type: ignore[no-untyped-def]
        if path == files[1]:

            def broken(_path):  # type: ignore[no-untyped-def]
                raise ImportError("cannot import name 'Cleaner' from 'lxml.html.clean'")

            return broken
        return real(path)

    monkeypatch.setattr(imports, "reader_for", reader_for)
    report = services.imports.import_paths(files)
    assert len(report.imported) == len(files) - 1
    (failed,) = report.failed
    assert failed.path == str(files[1]) and "ImportError" in failed.error and "Cleaner" in failed.error


def test_pathological_sizes_are_bounded(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A 1 MB paragraph imports whole and a 5,000-column table is written out as paragraphs
    with a finding — each well within a generous time limit (the real figures: benchmarks)."""
    import time

    from bulletin_app.domain.body import Paragraph, Table, parse_body

    words = "hợp tác đối ngoại tỉnh Thái Nguyên phát triển kinh tế văn hóa đầu tư".split()
    paragraph = " ".join(words[i % len(words)] for i in range(180_000))
    assert len(paragraph.encode("utf-8")) > 1_000_000
    (tmp_path / "doan-dai.md").write_text(f"# Một đoạn rất dài\n\n{paragraph}.\n", encoding="utf-8")
    cells = 5000
    table = (
        "|"
        + "|".join(f"c{i}" for i in range(cells))
        + "|\n|"
        + "---|" * cells
        + "\n|"
        + "|".join(str(i) for i in range(cells))
        + "|\n"
    )
    (tmp_path / "bang-lon.md").write_text(f"# Bảng tính dán vào\n\n{table}", encoding="utf-8")
    small = "| Năm | Dự án |\n|---|---|\n| 2025 | 12 |\n"
    (tmp_path / "bang-nho.md").write_text(f"# Bảng nhỏ\n\n{small}", encoding="utf-8")
    started = time.perf_counter()
    report = services.imports.import_paths(sorted(tmp_path.glob("*.md")))
    assert time.perf_counter() - started < 60
    by_title = {r.title: r for r in report.imported}
    long = services.articles.get(by_title["Một đoạn rất dài"].id)
    assert parse_body(long.body)[0].runs[0].text == paragraph + "."  # whole, one paragraph
    big = by_title["Bảng tính dán vào"]
    assert [f.kind for f in big.findings if f.kind == "table-too-large"] == ["table-too-large"]
    blocks = parse_body(services.articles.get(big.id).body)
    assert not any(isinstance(b, Table) for b in blocks) and all(isinstance(b, Paragraph) for b in blocks)
    assert blocks[0].runs[0].text.startswith("c0 | c1 | c2")
    assert isinstance(parse_body(services.articles.get(by_title["Bảng nhỏ"].id).body)[0], Table)  # kept
