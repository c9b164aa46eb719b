"""The DOCX of an issue, read back with python-docx and opened by the real LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from bulletin_app.domain.body import block_text, parse_body
from bulletin_app.domain.document import (
    ColophonBlock,
    ColophonPart,
    ContentsPart,
    Cover,
    CoverPart,
    DocArticle,
    IssueDocument,
    SectionPart,
)
from bulletin_app.exporters.docx import render_docx
from bulletin_app.exporters.docx_xml import xml_safe
from bulletin_app.exporters.theme import load_theme
from bulletin_app.resources import resource_path
from bulletin_app.services.export import ExportSettings

from .test_pdf_export import HOSTILE, issue  # noqa: F401 — the same composed issue

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return _flat(" ".join(parts))


def test_every_article_reads_back_from_the_docx(issue, tmp_path) -> None:  # noqa: F811
    sv, issue_id, _ = issue
    report = sv.exports.export(issue_id, docx=tmp_path / "so-12.docx")
    assert report.docx is not None and report.pdf is None
    assert not list(tmp_path.glob(".*"))  # the staged PDF layout is gone
    text = _docx_text(report.docx.path)
    for article_id in sv.issues.get(issue_id).article_ids:
        article = sv.articles.get(article_id)
        assert _flat(article.title) in text
        for block in parse_body(article.body):
            for line in block_text(block).split("\n"):
                assert _flat(line) in text, (article.title, line[:60])
    assert text.count(_flat(HOSTILE)) >= 3


def test_real_styles_toc_columns_and_page_field(issue, tmp_path) -> None:  # noqa: F811
    sv, issue_id, ids = issue
    report = sv.exports.export(issue_id, pdf=tmp_path / "so-12.pdf", docx=tmp_path / "so-12.docx")
    doc = Document(str(report.docx.path))
    used = {p.style.name for p in doc.paragraphs}
    assert {
        "Title",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Normal",
        "Quote",
        "Caption",
        "List Bullet",
        "List Number",
        "Byline",
        "Sapo",
        "toc 1",
        "toc 2",
    } <= used
    assert doc.styles["Normal"].font.name == "Spectral"
    with zipfile.ZipFile(report.docx.path) as z:
        styles = z.read("word/styles.xml").decode()
        body = z.read("word/document.xml").decode()
        footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    for style_id in ("Heading1", "Heading2", "Title"):
        chunk = styles[styles.index(f'w:styleId="{style_id}"') :]
        chunk = chunk[: chunk.index("</w:style>")]
        assert "asciiTheme" not in chunk and 'w:ascii="Be Vietnam Pro"' in chunk
    assert "TOC \\o" in body and re.search(r'<w:cols [^>]*w:num="2"', body)
    assert " PAGE " in footers
    # The contents is filled: hyperlinked entries with the PDF's page numbers, anchors that exist.
    rich = sv.articles.get(ids["rich"])
    toc = [p for p in doc.paragraphs if p.style.name in ("toc 1", "toc 2")]
    entry = next(p for p in toc if rich.title in p.text)
    assert entry.text.endswith(str(report.pdf.page_of[f"article-{rich.id}"]))
    anchors = {h.get(f"{W}anchor") for h in doc.element.body.iter(f"{W}hyperlink")}
    bookmarks = {b.get(f"{W}name") for b in doc.element.body.iter(f"{W}bookmarkStart")}
    assert anchors and anchors <= bookmarks
    assert len(doc.inline_shapes) == 2  # the cover photo and the article's picture
    assert doc.inline_shapes[1].width == Mm((190 - 20 - 15 - 6) / 2)  # one column wide, picture bytes untouched
    with zipfile.ZipFile(report.docx.path) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    assert sv.assets.data(ids["asset"]) in media
    colophon = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.find(f"{W}framePr") is not None]
    assert any("12/GP-STTTT" in p.text for p in colophon)


def test_xml_invalid_characters_never_reach_the_file(tmp_path) -> None:
    bad = "Ký tự\x00 lạ\x0b và\ud800 \x1f hết."
    assert xml_safe(bad) == "Ký tự lạ và  hết."
    article = DocArticle(1, f"Tiêu đề {bad}", bad, tuple(parse_body("Thân bài")), bad, bad)
    cover = Cover("BẢN TIN", "Bản tin Đối ngoại", "ĐỐI NGOẠI", "Sở Ngoại vụ", "UBND tỉnh", "Ngày 1", "Số 1")
    name = "Bản tin Đối ngoại"
    document = IssueDocument(
        "T",
        "A",
        "vi-VN",
        (
            CoverPart("vi-VN", name, cover),
            ContentsPart("vi-VN", name, "MỤC LỤC", ()),
            SectionPart("vi-VN", name, "section-vi-0", "Mục", "MỤC", (article,), True),
            ColophonPart("vi-VN", name, name.upper(), (ColophonBlock("vi-VN", (("Giấy phép", "Số 1"),)),)),
        ),
    )
    theme = load_theme(resource_path("themes", "default.toml"))
    result = render_docx(document, theme, tmp_path / "x.docx")
    assert "Tiêu đề Ký tự lạ và hết." in _docx_text(result.path)  # whitespace is flattened by _docx_text


def test_reference_docx_supplies_styles_and_page(issue, tmp_path) -> None:  # noqa: F811
    sv, issue_id, _ = issue
    ref = Document()
    ref.styles["Normal"].font.name = "Arial"
    ref.sections[0].page_width, ref.sections[0].page_height = Mm(148), Mm(210)
    ref.add_paragraph("Nội dung mẫu sẽ bị bỏ")
    ref.sections[0].footer.paragraphs[0].text = "Chân trang của đơn vị"
    reference = tmp_path / "mau.docx"
    ref.save(str(reference))
    report = sv.exports.export(issue_id, docx=tmp_path / "out.docx", reference_docx=reference)
    doc = Document(str(report.docx.path))
    assert doc.styles["Normal"].font.name == "Arial"
    assert abs(doc.sections[0].page_width - Mm(148)) < Mm(0.1)  # twips rounding
    assert "Nội dung mẫu sẽ bị bỏ" not in _docx_text(report.docx.path)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    from bulletin_app.domain.errors import ValidationError

    with pytest.raises(ValidationError, match=r"hong\.docx"):
        sv.exports.export(issue_id, docx=tmp_path / "out2.docx", reference_docx=broken)
    assert not (tmp_path / "out2.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_with_a_filled_contents(issue, tmp_path) -> None:  # noqa: F811
    sv, issue_id, ids = issue
    report = sv.exports.export(issue_id, docx=tmp_path / "so-12.docx", settings=ExportSettings())
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(report.docx.path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    converted = tmp_path / "so-12.pdf"
    assert converted.exists(), proc.stdout + proc.stderr
    reader = PdfReader(converted)
    pages = [_flat(p.extract_text() or "") for p in reader.pages]
    contents = next(p for p in pages if "MỤC LỤC" in p)
    rich = sv.articles.get(ids["rich"])
    assert rich.title in contents and "Dấu ấn một chặng đường" in contents
    assert any("Đoạn mở đầu đậm và nghiêng" in p for p in pages)
    assert len(reader.pages) >= 10
    # LibreOffice set the text in the fonts embedded in the DOCX, not in a substitute.
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in ((page.get("/Resources") or {}).get("/Font") or {}).values()
    }
    assert any("Spectral" in f for f in fonts) and any("BeVietnamPro" in f for f in fonts), fonts


def test_theme_fonts_are_embedded_and_deobfuscate_to_the_originals(issue, tmp_path) -> None:  # noqa: F811
    from bulletin_app.exporters.docx_fonts import obfuscate
    from bulletin_app.exporters.fonts import resolve_family

    sv, issue_id, _ = issue
    report = sv.exports.export(issue_id, docx=tmp_path / "so-12.docx")
    with zipfile.ZipFile(report.docx.path) as z:
        font_table = z.read("word/fontTable.xml").decode()
        settings = z.read("word/settings.xml").decode()
        rels = z.read("word/_rels/fontTable.xml.rels").decode()
        parts = {n: z.read(n) for n in z.namelist() if n.startswith("word/fonts/")}
    assert "w:embedTrueTypeFonts" in settings and len(parts) == 8
    key = re.search(
        r'<w:embedRegular r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"',
        font_table[font_table.index('w:name="Spectral"') :],
    )
    assert key is not None
    target = re.search(rf'Id="{key.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{key.group(1)}"', rels
    )
    data = parts["word/" + target.group(1).lstrip("/").removeprefix("word/")]
    original = resolve_family("Spectral").path("regular").read_bytes()
    assert data != original and obfuscate(data, key.group(2)) == original


def test_the_same_issue_gives_the_same_bytes(issue, tmp_path) -> None:  # noqa: F811
    """Two exports of one issue in one process (the GUI's worker exports many) are identical:
    bookmark ids count per document, the embedded fonts' keys come from the fonts, every zip
    member carries the same date."""
    sv, issue_id, _ = issue
    first = sv.exports.export(issue_id, docx=tmp_path / "a.docx", settings=ExportSettings(force=True))
    second = sv.exports.export(issue_id, docx=tmp_path / "b.docx", settings=ExportSettings(force=True))
    assert first.docx.path.read_bytes() == second.docx.path.read_bytes()
    with zipfile.ZipFile(first.docx.path) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_docx_only_export_of_an_unchanged_issue_reuses_the_last_layout(issue, tmp_path, monkeypatch) -> None:  # noqa: F811
    """The preview (or a PDF export, or a check) lays the issue out once; a DOCX-only export of
    the same content takes its contents' page numbers from that layout instead of laying the
    PDF out again. Any change to the issue's content lays it out anew."""
    import bulletin_app.exporters.pdf as pdf_module

    sv, issue_id, _ = issue
    calls: list[int] = []
    real = pdf_module.render_pdf

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_module, "render_pdf", counted)
    settings = ExportSettings(force=True)
    both = sv.exports.export(issue_id, pdf=tmp_path / "a.pdf", docx=tmp_path / "a.docx", settings=settings)
    assert len(calls) == 1
    alone = sv.exports.export(issue_id, docx=tmp_path / "b.docx", settings=settings)
    assert len(calls) == 1  # no layout
    assert alone.docx.path.read_bytes() == both.docx.path.read_bytes()  # the same page numbers
    assert [f.message for f in alone.findings] == [f.message for f in both.findings]  # the same checks
    sv.exports.check(issue_id, settings)
    assert len(calls) == 1  # a check of the unchanged issue reuses it too
    article_id = sv.issues.get(issue_id).article_ids[0]
    article = sv.articles.get(article_id)
    sv.articles.update(article_id, article.version, sapo=article.sapo + " Thêm một câu.")
    sv.exports.export(issue_id, docx=tmp_path / "c.docx", settings=settings)
    assert len(calls) == 2  # changed: laid out again
