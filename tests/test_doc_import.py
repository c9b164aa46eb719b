"""Word 97–2003 (.doc) files: converted through the real LibreOffice, or a clear message."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from bulletin_app.domain.body import Figure, ListBlock, Quote, Table, block_text, parse_body
from bulletin_app.importers import doc_reader
from bulletin_app.importers.doc_reader import find_soffice, read_doc
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.registry import reader_for
from tests.test_docx_import import build_docx


@pytest.fixture(scope="module")
def word97(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real Word 97 file: the DOCX of the DOCX tests saved as .doc by LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed (CI installs libreoffice-writer-nogui)")
    folder = tmp_path_factory.mktemp("doc")
    build_docx(folder / "bai.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to",
         "doc:MS Word 97", "--outdir", str(folder), str(folder / "bai.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    path = folder / "bai.doc"
    assert path.read_bytes()[:8] == doc_reader.OLE2_MAGIC
    return path


def test_word97_file_imports_like_its_docx(services, word97, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Văn bản"
    folder.mkdir()
    path = folder / "bài viết cũ.doc"  # a Vietnamese file name, with spaces
    path.write_bytes(word97.read_bytes())
    report = services.imports.import_paths([path])
    assert not report.failed, report.failed
    article = services.articles.get(report.imported[0].id)
    assert article.title == "Đoàn công tác Hàn Quốc thăm Thái Nguyên"
    assert article.sapo == "Hai tỉnh thống nhất mở rộng hợp tác giáo dục."
    blocks = parse_body(article.body)
    assert any(isinstance(b, Quote) for b in blocks)
    assert [block_text(b) for b in blocks if isinstance(b, ListBlock)] == ["Giáo dục\nY tế", "Bước một\nBước hai"]
    assert block_text(next(b for b in blocks if isinstance(b, Table))) == "Đối tác Năm\nGyeongsangbuk-do 2012"
    figure = next(b for b in blocks if isinstance(b, Figure))
    assert figure.caption == "Lãnh đạo tỉnh tiếp đoàn (Ảnh: TNGOV)"
    assert services.assets.get(figure.asset).mime.startswith("image/")
    text = "\n".join(block_text(b) for b in blocks)
    assert "Thái Nguyên THÁI NGUYÊN" in text  # .VnTime/.VnTimeH runs survive the trip through .doc
    assert "ĐÃ XÓA" not in text and "Văn bản được thêm" in text
    assert [p.name for p in folder.iterdir()] == ["bài viết cũ.doc"]  # no lock or output file left beside it


def test_word97_under_another_name_is_recognised_by_its_signature(word97, tmp_path) -> None:  # type: ignore[no-untyped-def]
    disguised = tmp_path / "van-ban.txt"
    disguised.write_bytes(word97.read_bytes())
    assert reader_for(disguised) is read_doc
    assert reader_for(disguised)(disguised).draft.title == "Đoàn công tác Hàn Quốc thăm Thái Nguyên"


def test_damaged_doc_files_are_clear_problems(word97, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = word97.read_bytes()
    cut = tmp_path / "cut.doc"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(ImportProblem, match="cắt cụt"):
        read_doc(cut)
    # Header and directory intact, the text streams scrambled: LibreOffice's Word filter
    # refuses it (without the forced filter it would read the bytes as text).
    scrambled = bytearray(data)
    directory = (int.from_bytes(data[0x30:0x34], "little") + 1) * 512
    rng = random.Random(3)
    scrambled[512:directory] = bytes(rng.randrange(256) for _ in range(directory - 512))
    path = tmp_path / "scrambled.doc"
    path.write_bytes(bytes(scrambled))
    with pytest.raises(ImportProblem, match="LibreOffice không đọc được"):
        read_doc(path)


def test_office_files_that_are_not_word_are_refused_without_libreoffice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "bang-tinh.doc"  # the OLE2 container of an Excel workbook: no WordDocument stream
    header = bytearray(512)
    header[:8] = doc_reader.OLE2_MAGIC
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[0x30:0x34] = (0).to_bytes(4, "little")  # directory in sector 0
    sheet.write_bytes(bytes(header) + "Workbook".encode("utf-16-le").ljust(1024, b"\0"))
    with pytest.raises(ImportProblem, match="không phải văn bản Word"):
        read_doc(sheet)
    text = tmp_path / "ghi-chu.doc"
    text.write_text("Chỉ là văn bản thường, đặt nhầm đuôi .doc", encoding="utf-8")
    with pytest.raises(ImportProblem, match="không phải tệp Word 97–2003"):
        read_doc(text)


def test_without_libreoffice_the_message_says_so_and_the_others_go_in(  # type: ignore[no-untyped-def]
    services, tmp_path, monkeypatch
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for var in doc_reader.WINDOWS_FOLDERS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(doc_reader, "OTHER_GLOBS", ())
    assert find_soffice() is None
    folder = tmp_path / "in"
    folder.mkdir()
    doc = bytearray(1024)
    doc[:8] = doc_reader.OLE2_MAGIC
    doc[0x1E:0x20] = (9).to_bytes(2, "little")
    doc[512 : 512 + 24] = "WordDocument".encode("utf-16-le")
    (folder / "a.doc").write_bytes(bytes(doc) + bytes(512))
    (folder / "b.txt").write_text("Tin bài thường\n\nNội dung vẫn được nhập.", encoding="utf-8")
    report = services.imports.import_paths([folder])
    [failed] = report.failed
    assert failed.path.endswith("a.doc")
    assert "LibreOffice" in failed.error and "chưa cài" in failed.error
    assert [r.title for r in report.imported] == ["Tin bài thường"]


def test_libreoffice_in_a_program_files_folder_is_found(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(doc_reader, "OTHER_GLOBS", ())
    program = tmp_path / "Program Files (x86)" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    program.chmod(0o755)
    for var in doc_reader.WINDOWS_FOLDERS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PROGRAMFILES(X86)", str(tmp_path / "Program Files (x86)"))
    assert find_soffice() == str(program)


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_a_hanging_libreoffice_is_stopped_with_its_children(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "child-pid"
    fake = bin_dir / "soffice"
    sleep = shutil.which("sleep")
    fake.write_text(f"#!/bin/sh\n{sleep} 60 &\necho $! > {marker}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    workdir = tmp_path / "work"
    workdir.mkdir()
    source = tmp_path / "x.doc"
    source.write_bytes(b"{\\rtf1 x}")
    start = time.monotonic()
    with pytest.raises(ImportProblem, match="sau 1 giây"):
        doc_reader.convert_to_docx(source, workdir, ("Rich Text Format",), timeout=1)
    assert time.monotonic() - start < 10
    child = Path(f"/proc/{int(marker.read_text())}/stat")
    deadline = time.monotonic() + 5
    while child.exists() and child.read_text().split(")")[-1].split()[0] != "Z" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not child.exists() or child.read_text().split(")")[-1].split()[0] == "Z"  # the grandchild went too
