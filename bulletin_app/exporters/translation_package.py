"""The translator's package: a DOCX with a two-column table per article (Vietnamese | English)
and an XLIFF 1.2 file of the same units for CAT tools.

Each row's Vietnamese cell holds a bookmark named after its unit id, so the file is read back
by id whatever the translator did to the order of rows. The English cells are marked en-GB
(Word checks the spelling of what the translator types) and left empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor
from translate.storage.xliff import xlifffile, xliffunit

from bulletin_app.atomic_file import write_atomically
from bulletin_app.domain.translation_units import MARKUP_RESTYPE, Unit, bookmark_name
from bulletin_app.exporters import docx_xml as X

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
INSTRUCTIONS_VI = (
    "Gõ bản dịch tiếng Anh vào cột bên phải. Không sửa cột tiếng Việt, không thêm, xóa hay gộp hàng: "
    "mỗi hàng được đọc lại theo mã của nó."
)
INSTRUCTIONS_EN = (
    "Type the English translation in the right-hand column. Please do not change the Vietnamese column "
    "and do not add, delete or merge rows: each row is read back by its hidden id."
)
KIND_LABELS = {
    "title": "Tiêu đề / Title",
    "sapo": "Sapo / Lead",
    "byline": "Tác giả / Byline",
    "heading": "Tiêu đề nhỏ / Heading",
    "caption": "Chú thích ảnh / Caption",
    "table cell": "Ô bảng / Table cell",
    "list item": "Mục liệt kê / List item",
    "quote": "Trích dẫn / Quote",
}


@dataclass(frozen=True)
class PackageArticle:
    article_id: int
    title: str
    units: tuple[Unit, ...]


class _Unit12(xliffunit):
    namespace = XLIFF_12


class Xliff12(xlifffile):
    """translate-toolkit's XLIFF store, written as version 1.2."""

    UnitClass = _Unit12
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{XLIFF_12}'>
<file original='NoName' source-language='vi' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""
    namespace = XLIFF_12


def write_xliff(articles: Sequence[PackageArticle], dest: Path, name: str) -> Path:
    store = Xliff12()
    store.setsourcelanguage("vi")
    store.settargetlanguage("en")
    for article in articles:
        for unit in article.units:
            tu = store.addsourceunit(unit.markup, filename=name, createifmissing=True)
            tu.xmlelement.set("id", unit.id)
            if unit.formatted:
                tu.xmlelement.set("restype", MARKUP_RESTYPE)
            tu.addnote(f"{KIND_LABELS.get(unit.kind, unit.kind)} — tin bài {article.article_id}", origin="developer")
    data = bytes(store)
    write_atomically(dest, lambda tmp: tmp.write_bytes(data))
    return dest.resolve()


def write_docx(articles: Sequence[PackageArticle], dest: Path, title: str) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    X.strip_theme_fonts(normal.element.get_or_add_rPr(), "Times New Roman")
    X.set_language(normal.element.get_or_add_rPr(), "vi-VN")
    doc.add_heading(X.xml_safe(title), level=0)
    for text in (INSTRUCTIONS_VI, INSTRUCTIONS_EN):
        doc.add_paragraph(text).runs[0].italic = True
    width = Mm(210 - 36)
    for article in articles:
        heading = doc.add_heading(X.xml_safe(f"Tin bài số {article.article_id}: {article.title}"), level=1)
        X.add_bookmark(heading, f"article_{article.article_id}")
        table = doc.add_table(rows=1, cols=2)
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = table.rows[0].cells
        for cell, text in zip(head, ("Tiếng Việt", "English"), strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        head[1].paragraphs[0].runs[0].font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
        X.mark_language([head[1].paragraphs[0]._p], "en-GB")
        table.rows[0]._tr.get_or_add_trPr().append(X.OxmlElement("w:tblHeader"))  # repeats on each page
        for unit in article.units:
            source, target = table.add_row().cells
            paragraph = source.paragraphs[0]
            for run in unit.runs:
                r = X.add_text_run(paragraph, run.text, keep_codes=False)  # the translator copies plain hyphens
                r.bold = run.bold or None
                r.italic = run.italic or None
            if unit.kind in ("title", "heading"):
                for r in paragraph.runs:
                    r.bold = True
            X.add_bookmark(paragraph, bookmark_name(unit.id))
            X.mark_language([target.paragraphs[0]._p], "en-GB")
        table.autofit = False
        for column in table.columns:
            column.width = width // 2  # the grid LibreOffice lays out from
            for cell in column.cells:
                cell.width = width // 2
    props = doc.core_properties
    props.title = X.xml_safe(title)
    props.language = "vi-VN"
    write_atomically(dest, lambda tmp: doc.save(str(tmp)))
    return dest.resolve()
