"""Word documents into the library: structure, pictures, tracked changes, legacy fonts, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.shared import Mm
from PIL import Image

from bulletin_app.domain.body import Figure, Heading, ListBlock, Paragraph, Quote, Table, block_text, parse_body
from bulletin_app.importers.docx_reader import read_docx
from bulletin_app.importers.plain_text import ImportProblem

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _picture() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1000), (20, 110, 60)).save(out, "JPEG", quality=90)
    out.seek(0)
    return out


def build_docx(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Đoàn công tác Hàn Quốc thăm Thái Nguyên", style="Title")
    doc.add_paragraph("Hai tỉnh thống nhất mở rộng hợp tác giáo dục.", style="Subtitle")
    p = doc.add_paragraph("Mở đầu ")
    p.add_run("in đậm").bold = True
    p.add_run(" và ")
    p.add_run("in nghiêng").italic = True
    p.add_run(" với R&D <b>.")
    doc.add_paragraph("Những kết quả chính", style="Heading 2")
    doc.add_paragraph("“Quan hệ hai tỉnh ngày càng gắn bó”, ông phát biểu.", style="Quote")
    doc.add_paragraph("Giáo dục", style="List Bullet")
    doc.add_paragraph("Y tế", style="List Bullet")
    doc.add_paragraph("Bước một", style="List Number")
    doc.add_paragraph("Bước hai", style="List Number")
    table = doc.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Đối tác", (0, 1): "Năm", (1, 0): "Gyeongsangbuk-do", (1, 1): "2012"}.items():
        table.cell(r, c).text = text
    doc.add_paragraph().add_run().add_picture(_picture(), width=Mm(80))
    doc.add_paragraph("Lãnh đạo tỉnh tiếp đoàn (Ảnh: TNGOV)", style="Caption")
    tracked = doc.add_paragraph("Văn bản ")
    tracked._p.append(parse_xml(f'<w:ins {W_NS} w:id="1" w:author="A"><w:r><w:t>được thêm</w:t></w:r></w:ins>'))
    tracked._p.append(
        parse_xml(f'<w:del {W_NS} w:id="2" w:author="A"><w:r><w:delText>ĐÃ XÓA</w:delText></w:r></w:del>')
    )
    legacy = doc.add_paragraph()
    run = legacy.add_run("Th¸i Nguyªn ")
    run.font.name = ".VnTime"
    run = legacy.add_run("Th¸i nguyªn")
    run.font.name = ".VnTimeH"  # lower-case codes print as capitals in the H fonts
    commented = doc.add_paragraph("Đoạn có ghi chú.")
    doc.add_comment(commented.runs, text="GHI CHÚ KHÔNG ĐƯỢC NHẬP", author="Biên tập")
    doc.save(str(path))


def test_structure_pictures_tracked_changes_and_legacy_fonts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bài viết.docx"  # a Vietnamese file name
    build_docx(path)
    parsed = read_docx(path)
    d = parsed.draft
    assert d.title == "Đoàn công tác Hàn Quốc thăm Thái Nguyên"
    assert d.sapo == "Hai tỉnh thống nhất mở rộng hợp tác giáo dục."
    blocks = parse_body(d.body.replace("asset:__docx_image_0__", "asset:abc123"))
    kinds = [type(b) for b in blocks]
    assert kinds[:5] == [Paragraph, Heading, Quote, ListBlock, ListBlock]
    first = blocks[0]
    assert [(r.text, r.bold, r.italic) for r in first.runs] == [
        ("Mở đầu ", False, False),
        ("in đậm", True, False),
        (" và ", False, False),
        ("in nghiêng", False, True),
        (" với R&D <b>.", False, False),
    ]
    assert [block_text(b) for b in blocks if isinstance(b, ListBlock)] == ["Giáo dục\nY tế", "Bước một\nBước hai"]
    assert [b.ordered for b in blocks if isinstance(b, ListBlock)] == [False, True]
    table = next(b for b in blocks if isinstance(b, Table))
    assert block_text(table) == "Đối tác Năm\nGyeongsangbuk-do 2012"
    figure = next(b for b in blocks if isinstance(b, Figure))
    assert figure.asset == "abc123" and figure.caption == "Lãnh đạo tỉnh tiếp đoàn (Ảnh: TNGOV)"
    assert len(d.images) == 1 and d.images[0][1][:2] == b"\xff\xd8"
    text = "\n".join(block_text(b) for b in blocks)
    assert "Văn bản được thêm" in text and "ĐÃ XÓA" not in text
    assert "Thái Nguyên THÁI NGUYÊN" in text
    assert "GHI CHÚ KHÔNG ĐƯỢC NHẬP" not in text and "Đoạn có ghi chú." in text
    assert parsed.findings[0].kind == "legacy-encoding"


def test_import_stores_the_picture_in_the_library(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bai.docx"
    build_docx(path)
    disguised = tmp_path / "thuc-ra-la-word.txt"  # recognised by its signature, not its name
    disguised.write_bytes(path.read_bytes())
    report = services.imports.import_paths([path])
    assert not report.failed, report.failed
    article = services.articles.get(report.imported[0].id)
    figure = next(b for b in parse_body(article.body) if isinstance(b, Figure))
    asset = services.assets.get(figure.asset)
    assert (asset.width, asset.height, asset.mime) == (1600, 1000, "image/jpeg")
    again = services.imports.import_paths([disguised])
    assert again.duplicates and again.duplicates[0].duplicate_of == article.id


def test_truncated_docx_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cut.docx"
    build_docx(path)
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(ImportProblem, match=r"hỏng|cắt"):
        read_docx(path)


def test_zip_bomb_is_refused_before_reading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/huge.bin", b"\0" * (220 * 1024 * 1024))
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ImportProblem, match="bom nén"):
        read_docx(path)


def xxe_docx(folder: Path) -> Path:
    """A DOCX whose document declares an external entity pointing at a secret file beside it."""
    secret = folder / "secret.txt"
    secret.write_text("MẬT KHẨU BÍ MẬT", encoding="utf-8")
    path = folder / "xxe.docx"
    build_docx(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    document = parts["word/document.xml"].decode()
    document = document.replace(
        "<w:document ", f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]><w:document ', 1
    ).replace("Mở đầu ", "Mở đầu &xxe; ", 1)
    parts["word/document.xml"] = document.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_external_entities_are_never_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xxe_docx(tmp_path)
    try:
        parsed = read_docx(path)
    except ImportProblem:
        return  # refusing the file is fine too
    assert "MẬT KHẨU" not in parsed.draft.body


def test_empty_docx_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.docx"
    Document().save(str(path))
    with pytest.raises(ImportProblem, match="rỗng"):
        read_docx(path)


def test_word_imports_are_proofed_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    from bulletin_app.importers.docx_reader import read_docx

    doc = Document()
    doc.add_paragraph("Đoàn công tác của KOICa thăm tỉnh", style="Title")
    doc.add_paragraph("Lãnh đạo uBND tỉnh tiếp đoàn , trao đổi về dự án.")
    path = tmp_path / "tin.docx"
    doc.save(str(path))
    findings = read_docx(path).findings
    flips = {f.found: f.fix for f in findings if f.kind == "case-flip"}
    assert flips == {"KOICa": "KOICA", "uBND": "UBND"}
    assert any(f.kind == "space-before-punct" for f in findings)
