"""One script, two renderers: the PDF and the DOCX of the same issue carry the same parts,
the same headings at the same levels and the same cover notice, in every edition."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from bulletin_app.domain.body import Figure, Heading, runs_text
from bulletin_app.domain.document import ContentsPart, CoverPart
from bulletin_app.services.document_builder import build_document
from bulletin_app.services.sample import create_sample

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOTICE = "Phát hành miễn phí tại các hội nghị"


@pytest.fixture
def bilingual(services):  # type: ignore[no-untyped-def]
    """The sample issue (every article has its English version) with its own notice."""
    issue_id, _ = create_sample(services)
    issue = services.issues.get(issue_id)
    services.issues.update_details(issue_id, issue.version, circulation_notice=NOTICE)
    assert all(services.articles.get(i).translation_id for i in issue.article_ids)
    return issue_id


def _pdf_outline(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items, level: int) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item["/Title"]))

    walk(reader.outline, 0)
    return out


def _docx_parts(path) -> tuple[list[tuple[str, str]], list[str]]:  # type: ignore[no-untyped-def]
    """(style, text) of every heading-styled paragraph, and the text before the first page break."""
    doc = Document(str(path))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    cover: list[str] = []
    for p in doc.paragraphs:
        if p._p.xpath(".//w:br[@w:type='page']"):
            break
        cover.append(p.text)
    return headings, cover


@pytest.mark.parametrize("edition", ["vi", "en", "bilingual"])
def test_pdf_and_docx_carry_the_same_script(services, bilingual, tmp_path, edition) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.services.export import ExportSettings

    report = services.exports.export(
        bilingual,
        pdf=tmp_path / "x.pdf",
        docx=tmp_path / "x.docx",
        settings=ExportSettings(edition=edition, force=True),
    )
    document, *_ = build_document(services.db, bilingual, edition)
    reader = PdfReader(report.pdf.path)
    outline = _pdf_outline(reader)
    headings, cover = _docx_parts(report.docx.path)

    # Parts and article headings: the PDF's outline and the DOCX's Heading 1/2 in the same order.
    docx_titles = [text for style, text in headings if style in ("Heading 1", "Heading 2") and text]
    pdf_titles = [title for _, title in outline]
    contents = document.of_kind(ContentsPart)[0]
    assert docx_titles.count(contents.title) == 1
    docx_titles.remove(contents.title)
    assert any(contents.title in (p.extract_text() or "") for p in reader.pages[1:4])
    expected = []
    for part in document.parts:
        kind = type(part).__name__
        if kind == "CoverPart" and part.opening:
            expected.append(("part", part.cover.bulletin_name))
        elif kind == "EditorialPart":
            expected.append(("article", part.article.title))
        elif kind == "SectionPart":
            expected.append(("section", part.title))
            expected += [("article", a.title) for a in part.articles]
    assert pdf_titles == [t for _, t in expected]
    assert docx_titles == [t.upper() if k == "section" else t for k, t in expected if k != "part"]
    # Body headings by level: Heading 3 for level 2, Heading 4 for level 3, in the same order as the model.
    model = [(b.level, runs_text(b.runs)) for a in document.articles() for b in a.blocks if isinstance(b, Heading)]
    docx_body = [(3 if s == "Heading 3" else 4, t) for s, t in headings if s in ("Heading 3", "Heading 4")]
    highlights = {c.cover.highlights_title for c in document.of_kind(CoverPart)}
    docx_body = [(level, t) for level, t in docx_body if t not in highlights]
    assert docx_body == [(level + 1, t) for level, t in model]
    pdf_text = " ".join((p.extract_text() or "") for p in reader.pages)
    for _, text in model:
        assert text in pdf_text
    # Photo credits are labelled in the article's language ("Ảnh: TNGOV" under an English article: "Photo: TNGOV").
    captions = {(a.language, b.caption) for a in document.articles() for b in a.blocks if isinstance(b, Figure)}
    assert captions and all(("Photo:" in c) == lang.startswith("en") for lang, c in captions if ":" in c)
    # The cover notice: the issue's own, on page one of both.
    notice = document.cover.notice
    assert notice == (NOTICE.upper() if edition != "en" else "FOR INTERNAL CIRCULATION")
    assert notice in (reader.pages[0].extract_text() or "")
    assert notice in cover
    # Languages: the document's and each English run's.
    lang = reader.trailer["/Root"]["/Lang"]
    assert lang == ("en-GB" if edition == "en" else "vi-VN")
    # English passages inside the PDF are marked-content spans in English
    spans = sum(page.get_contents().get_data().count(b"/Span <</Lang (en-GB)>> BDC") for page in reader.pages)
    assert (spans > 0) == (edition != "vi")
    with zipfile.ZipFile(report.docx.path) as z:
        xml = z.read("word/document.xml").decode()
    assert ('w:val="en-GB"' in xml) == (edition != "vi")
