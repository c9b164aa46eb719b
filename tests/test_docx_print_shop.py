"""The DOCX as the print shop opens it: the project's own template (no python-docx leftovers),
facing-page heads with the page number on the outer edge, and LibreOffice's own layout of it read
back page by page (no text printed over text, the page count within 10 % of the PDF's, the
contents' numbers within a page of where LibreOffice put each article)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from bulletin_app.exporters.docx import TEMPLATE
from bulletin_app.services.export import ExportSettings
from tests.pdf_layout import broken_codes, overlaps, read_pages

from .test_pdf_export import issue  # noqa: F401 — the seeds, an editorial, every block kind

ROOT = Path(__file__).resolve().parent.parent
LEFTOVERS = ("4F81BD", "Cambria", "Calibri", "MS Mincho", "ＭＳ 明朝", "asciiTheme", "hAnsiTheme", "themeColor")


def test_the_template_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import docx_template
    finally:
        sys.path.pop(0)
    rebuilt = tmp_path / "template.docx"
    docx_template.build(rebuilt)
    assert rebuilt.read_bytes() == TEMPLATE.read_bytes(), "run python scripts/docx_template.py and commit"


def test_an_exported_docx_has_no_template_leftovers(issue, tmp_path: Path) -> None:  # noqa: F811
    sv, issue_id, _ = issue
    path = sv.exports.export(issue_id, docx=tmp_path / "so.docx").docx.path
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        parts = {n: package.read(n).decode("utf-8", "replace") for n in names if n.endswith((".xml", ".rels"))}
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n or "customXml" in n or "theme" in n]
    for name, text in parts.items():
        found = [word for word in LEFTOVERS if word in text]
        assert not found, (name, found)
    fonts = set(re.findall(r'<w:font w:name="([^"]+)"', parts["word/fontTable.xml"]))
    assert fonts == {"Spectral", "Be Vietnam Pro"}
    defaults = re.search(r"<w:docDefaults>.*</w:docDefaults>", parts["word/styles.xml"]).group(0)
    assert 'w:lang w:val="vi-VN"' in defaults and 'w:ascii="Spectral"' in defaults
    assert '<w:themeFontLang w:val="vi-VN"/>' in parts["word/settings.xml"]
    ids = re.findall(r'w:styleId="([^"]+)"', parts["word/styles.xml"])
    assert len(ids) == len(set(ids))  # every style once (a style added twice is a broken document)
    assert "<dc:language>vi-VN</dc:language>" in parts["docProps/core.xml"]


def test_facing_page_heads_and_numbers_on_the_outer_edge(issue, tmp_path: Path) -> None:  # noqa: F811
    sv, issue_id, _ = issue
    doc = Document(str(sv.exports.export(issue_id, docx=tmp_path / "so.docx").docx.path))
    assert doc.settings.odd_and_even_pages_header_footer
    first = doc.sections[0]
    assert first.different_first_page_header_footer  # the cover has no heads
    assert first.footer.paragraphs[0].alignment == 2 and first.even_page_footer.paragraphs[0].alignment == 0
    assert all("PAGE" in f.paragraphs[0]._p.xml for f in (first.footer, first.even_page_footer))
    heads = {
        (s.even_page_header.paragraphs[0].text, s.header.paragraphs[0].text)
        for s in doc.sections
        if not s.header.is_linked_to_previous
    }
    assert ("Bản tin Đối ngoại Thái Nguyên", "Ngoại giao kinh tế") in heads  # name left, section right
    # only the cover (and a later part's opening page) has a different first page
    assert sum(s.different_first_page_header_footer for s in doc.sections) == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_it_out_without_overprinting(issue, tmp_path: Path, figure) -> None:  # noqa: F811
    sv, issue_id, _ = issue
    report = sv.exports.export(
        issue_id, pdf=tmp_path / "so.pdf", docx=tmp_path / "so.docx", settings=ExportSettings(force=True)
    )
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), str(report.docx.path)],
        capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)}, check=True,
    )  # fmt: skip
    pages = read_pages(tmp_path / "lo" / "so.pdf")
    printed_over = [(p.number, pair) for p in pages for pair in overlaps(p)]
    assert not printed_over
    assert not broken_codes(pages)  # "06/2020/QĐ-TTg", "2021-2025": Word's non-breaking hyphen
    assert abs(len(pages) - report.pdf.pages) <= 0.1 * report.pdf.pages, (len(pages), report.pdf.pages)
    # the page numbers stand on the outer edge: right on odd pages, left on even ones
    for page in pages[1:]:
        number = [ln for ln in page.lines if ln.text == str(page.number) and ln.y0 > page.height * 0.85]
        assert number, page.number
        middle = (page.trim[0] + page.trim[2]) / 2
        assert (number[0].x0 > middle) == (page.number % 2 == 1), page.number
    # the contents' numbers (laid out by the PDF) are within a page of LibreOffice's own pages
    doc = Document(str(report.docx.path))
    entries = [
        (m.group(1), int(m.group(2)))
        for p in doc.paragraphs
        if p.style.name.startswith("toc") and (m := re.match(r"(.*)\t(\d+)$", p.text))
    ]
    texts = [re.sub(r"\s+", " ", " ".join(ln.text for ln in p.lines)) for p in pages]
    off = []
    for title, number in entries:
        key = re.sub(r"\s+", " ", title)[:25]
        where = next((n for n, text in enumerate(texts, 1) if n > 1 and key in text and "MỤC LỤC" not in text), None)
        assert where is not None, title
        if where != number:
            off.append((title, number, where))
        assert abs(where - number) <= 1, (title, number, where)
    figure(f"LibreOffice {len(pages)} pages vs PDF {report.pdf.pages}; contents numbers off by one: {len(off)}")


def test_codes_keep_their_hyphen_unbroken_and_read_back_whole(tmp_path: Path, services) -> None:  # type: ignore[no-untyped-def]
    """The exported DOCX writes a code's hyphen as Word's non-breaking hyphen; our DOCX importer
    (and a Word file typed that way) reads it back as "-": every character comes out."""
    from docx.oxml import OxmlElement

    from bulletin_app.exporters.docx_xml import add_text_run

    doc = Document()
    doc.add_paragraph("Thực hiện Quyết định số 06/2020/QĐ-TTg", style="Title")
    paragraph = doc.add_paragraph()
    add_text_run(paragraph, "Theo Quyết định số 06/2020/QĐ-TTg, giai đoạn 2021-2025, với tỉnh Gyeongsangbuk-do.")
    typed = doc.add_paragraph().add_run("Kế hoạch 3468/QĐ")
    typed._r.append(OxmlElement("w:noBreakHyphen"))
    typed.add_text("UBND của tỉnh.")
    xml = paragraph._p.xml
    assert xml.count("<w:noBreakHyphen/>") == 2  # the code's and the range's, not the compound's
    path = tmp_path / "ma-so.docx"
    doc.save(str(path))
    (result,) = services.imports.import_paths([path]).imported
    body = services.articles.get(result.id).body
    assert "06/2020/QĐ-TTg, giai đoạn 2021-2025, với tỉnh Gyeongsangbuk-do" in body
    assert "3468/QĐ-UBND" in body


def test_a_short_table_is_kept_together_and_its_header_printed_once(issue, tmp_path: Path) -> None:  # noqa: F811
    sv, issue_id, _ = issue
    doc = Document(str(sv.exports.export(issue_id, docx=tmp_path / "so.docx").docx.path))
    (table,) = doc.tables
    rows = table.rows
    assert all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows)  # never repeated side by side
    for row in rows[:-1]:
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
