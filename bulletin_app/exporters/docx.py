"""The issue as a Word document for the print shop (python-docx), from the same model and theme.

Real styles, not direct formatting: Title, Subtitle, Heading 1 (section), Heading 2
(article), Heading 3, Normal, Quote, Caption, List Bullet/Number, Sapo, Byline. The
contents is a TOC field whose result is already filled (entries hyperlinked to
bookmarks, page numbers from the PDF layout of the same theme), so it reads right when
opened and Word can still update it. Article bodies sit in continuous sections with
``w:cols``, so titles run full width and the columns are balanced under them.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from bulletin_app.atomic_file import write_atomically
from bulletin_app.domain.body import Block, Figure, Heading, ListBlock, Quote, Run
from bulletin_app.domain.body import Paragraph as BodyParagraph
from bulletin_app.domain.body import Table as BodyTable
from bulletin_app.domain.document import (
    ColophonPart,
    ContentsPart,
    CoverPart,
    DocArticle,
    EditorialPart,
    IssueDocument,
    SectionPart,
)
from bulletin_app.domain.errors import ValidationError
from bulletin_app.exporters import docx_xml as X
from bulletin_app.exporters.docx_fonts import embed_fonts
from bulletin_app.exporters.docx_styles import WORD_STYLES, setup_styles, word_style
from bulletin_app.exporters.fonts import resolve_family
from bulletin_app.exporters.theme import Theme
from bulletin_app.resources import resource_path

TWIPS_PER_MM = 1440 / 25.4
KEEP_TABLE_ROWS = 12  # a table this short is never split across columns
# The project's own template (scripts/docx_template.py): no python-docx leftovers, vi-VN defaults.
TEMPLATE = resource_path("docx", "bulletin-template.docx")


@dataclass
class DocxResult:
    path: Path
    seconds: float


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


class _Writer:
    def __init__(self, document: IssueDocument, theme: Theme, page_of: dict[str, int], reference: Path | None) -> None:
        self.model, self.theme, self.page_of = document, theme, page_of
        self.reference = reference
        # (Word section index, bulletin name, section title, opens a part) from which the heads read
        self._running: list[tuple[int, str, str, bool]] = [(0, document.parts[0].running_name, "", False)]
        self._style_ids: dict[str, str | None] = {}
        self._last = None  # the paragraph written last (python-docx lists them all to find it)
        self.doc: DocxDocument = self._open(reference)
        self.column_w_mm = (
            theme.width_mm
            - theme.margin_inner_mm
            - theme.margin_outer_mm
            - theme.column_gap_mm * (theme.columns_for("article") - 1)
        ) / theme.columns_for("article")

    # ------------------------------------------------------------- document and styles
    def _open(self, reference: Path | None) -> DocxDocument:
        if reference is None:
            return Document(str(TEMPLATE))
        try:
            doc = Document(str(reference))
        except Exception as exc:  # python-docx raises several kinds on a bad package
            raise ValidationError("Tệp DOCX mẫu", f"{reference}: không mở được ({exc})") from exc
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):  # keep the page setup, drop the sample content
                body.remove(child)
        return doc

    def setup_styles(self) -> None:
        t = self.theme
        if self.reference is not None:  # the user's reference document decides the look
            for name in WORD_STYLES:
                word_style(self.doc, name)
            return
        setup_styles(self.doc, t)
        X.set_default_font(self.doc.styles.element, t.body_font)
        normal = self.doc.styles["Normal"]
        X.set_language(normal.element.get_or_add_rPr(), "vi-VN")
        # Vietnamese syllables are never hyphenated; English paragraphs allow it (mark_language).
        X.set_hyphenation(normal.element.get_or_add_pPr(), allowed=False)
        if t.hyphenate_english:
            X.enable_auto_hyphenation(self.doc.settings.element)
        width_mm = t.width_mm - t.margin_inner_mm - t.margin_outer_mm
        for name in ("toc 1", "toc 2"):
            X.add_right_tab(self.doc.styles[name].element.get_or_add_pPr(), int(width_mm * TWIPS_PER_MM))
        quote = t.style("quote")  # the PDF's rule left of a quote, at the same distance
        X.left_border(self.doc.styles["Quote"].element.get_or_add_pPr(), t.colors["accent"].hex, quote.left_indent - 4)

    def setup_page(self) -> None:
        if self.reference is not None:
            return
        t = self.theme
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(t.width_mm), Mm(t.height_mm)
        section.top_margin, section.bottom_margin = Mm(t.margin_top_mm), Mm(t.margin_bottom_mm)
        section.left_margin, section.right_margin = Mm(t.margin_inner_mm), Mm(t.margin_outer_mm)
        section.header_distance, section.footer_distance = Mm(t.header_offset_mm - 4), Mm(t.footer_offset_mm - 4)
        settings = self.doc.settings.element
        if settings.find(qn("w:mirrorMargins")) is None:
            settings.insert(0, X.OxmlElement("w:mirrorMargins"))  # facing pages: inner/outer

    # ------------------------------------------------------------- text helpers
    def _style_id(self, name: str) -> str | None:
        """Style id by name, looked up once: python-docx scans every style on each lookup."""
        if name not in self._style_ids:
            style = self.doc.styles[name]
            self._style_ids[name] = (
                None if style == self.doc.styles.default(WD_STYLE_TYPE.PARAGRAPH) else style.style_id
            )
        return self._style_ids[name]

    def _para(self, text: str = "", style: str = "Normal"):  # type: ignore[no-untyped-def]
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self._style_id(style)
        if text:
            X.add_text_run(paragraph, text)
        self._last = paragraph
        return paragraph

    def _picture_paragraph(self):  # type: ignore[no-untyped-def]
        """A centred paragraph for a picture: single line spacing, or an exact spacing would
        clip the picture to one text line."""
        p = self._para(style="Caption")
        p.paragraph_format.line_spacing = 1.0
        p.paragraph_format.keep_with_next = True
        return p

    def _runs(self, paragraph, runs: tuple[Run, ...]) -> None:  # type: ignore[no-untyped-def]
        for run in runs:
            r = X.add_text_run(paragraph, run.text)
            r.bold = run.bold or None
            r.italic = run.italic or None

    # ------------------------------------------------------------- parts
    def cover(self, part: CoverPart) -> None:
        c = part.cover
        if part.opening:  # a later language part opens on a page of its own
            self._new_section(WD_SECTION.ODD_PAGE if part.on_right else WD_SECTION.NEW_PAGE, 1)
            self._running_from(part.running_name, opening=True)
        else:
            self.doc.sections[0].different_first_page_header_footer = True
        for n, text in enumerate((c.governing_body.upper(), c.publishing_body.upper())):
            p = self._para(text, "Subtitle")
            p.paragraph_format.space_after = Pt(0)
            if n == 0 and part.opening:
                X.add_bookmark(p, f"part_{part.language[:2]}")
        self._para(c.word, "Cover Word")
        self._para(c.name_line, "Title")
        self._para(f"{c.issue_label}    {c.date_text}", "Cover Meta")
        if c.image is not None:
            p = self._picture_paragraph()
            width = Mm(self.theme.width_mm - self.theme.margin_inner_mm - self.theme.margin_outer_mm)
            p.add_run().add_picture(io.BytesIO(c.image.data), width=width)
        elif c.highlights:
            self._para(c.highlights_title, "Heading 3")
            for title in c.highlights:
                self._para(f"■ {title}", "Normal").paragraph_format.first_line_indent = Pt(0)
        if c.notice:
            p = self._para(c.notice, "Subtitle")
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _in_language(self, tag: str, write: Callable[[], None]) -> None:
        """Write with ``write``; what it wrote is marked as ``tag`` (proofing, hyphenation)."""
        body = self.doc.element.body
        before = len(body)
        write()
        if tag.startswith("vi"):
            return  # Vietnamese is the document's default (Normal style)
        added = list(body)[before - 1 :]  # python-docx keeps the last sectPr at the end
        X.mark_language([p for el in added for p in el.iter(qn("w:p"))], tag, self.theme.hyphenate_english)

    def _heading(self, text: str, style: str, key: str) -> None:
        p = self._para(text, style)
        X.add_bookmark(p, key.replace("-", "_"))

    def contents(self, part: ContentsPart) -> None:
        self._page_break()
        self._para(part.title, "Heading 2")
        start = self._para(style="toc 1")
        X.field_begin(start, 'TOC \\o "1-2" \\h \\z \\u')
        for n, entry in enumerate(part.entries):
            style = "toc 1" if entry.level == 0 else "toc 2"
            p = start if n == 0 else self._para(style=style)
            p._p.style = self._style_id(style)
            X.add_internal_link(
                p,
                entry.key.replace("-", "_"),
                [(X.xml_safe(entry.text), False), ("", True), (str(self.page_of.get(entry.key, "")), False)],
            )
        X.field_end(self._para(style="Normal"))

    def _page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _new_section(self, start: WD_SECTION, columns: int) -> None:
        """A new Word section of ``columns`` starting with ``start``. When nothing has been written
        since the last break (an article's body ended just before a new chuyên mục), that empty
        section is reused: LibreOffice lays a run of empty continuous sections out wrongly (the
        next two-column body printed over the headline at a page's top)."""
        body = self.doc.element.body
        if len(body) >= 2 and X.only_section_break(body[-2]):
            section = self.doc.sections[-1]
            section.start_type = start
        else:
            section = self.doc.add_section(start)
        # python-docx clones the previous section's properties: the cover's "different first
        # page" would blank the heads of any page such a section happens to start
        section.different_first_page_header_footer = False
        X.set_columns(section, columns, int(self.theme.column_gap_mm * TWIPS_PER_MM))

    def _blocks(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            match block:
                case Heading(level=level, runs=runs):
                    self._runs(self._para(style="Heading 3" if level == 2 else "Heading 4"), runs)
                case BodyParagraph(runs=runs):
                    self._runs(self._para(), runs)
                case Quote(paragraphs=paragraphs):
                    for para in paragraphs:
                        self._runs(self._para(style="Quote"), para)
                case ListBlock(ordered=ordered, items=items, start=first):
                    for n, item in enumerate(items):
                        p = self._para(style="List Number" if ordered else "List Bullet")
                        marker = f"{first + n}.\t" if ordered else "•\t"
                        p.add_run(marker)
                        p.paragraph_format.left_indent = Pt(
                            self.theme.style("list_item").left_indent * (item.level + 1)
                        )
                        self._runs(p, item.runs)
                case BodyTable(header=header, rows=rows):
                    self._table(header, rows)
                case Figure(asset=asset, caption=caption):
                    image = self.model.images.get(asset)
                    if image is not None:
                        p = self._picture_paragraph()
                        # The original bytes: python-docx embeds the picture at its own resolution.
                        p.add_run().add_picture(io.BytesIO(image.data), width=Mm(self.column_w_mm))
                    elif asset:
                        self._para(self.model.missing_image.format(ref=asset), "Caption")
                    if caption:
                        self._para(caption, "Caption")

    def _table(self, header, rows) -> None:  # type: ignore[no-untyped-def]
        all_rows = ([header] if header else []) + list(rows)
        columns = max((len(r) for r in all_rows), default=1)
        table = self.doc.add_table(rows=len(all_rows), cols=columns)
        with contextlib.suppress(KeyError):  # a reference document may not have it
            table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # a column wide, not the page: the table sits in a text column
        cell_width = Mm(self.column_w_mm / columns)
        for column in table.columns:
            column.width = cell_width  # the grid (w:gridCol), which LibreOffice lays out from
            for cell in column.cells:
                cell.width = cell_width
        for r, row in enumerate(all_rows):
            for c, cell_runs in enumerate(row):
                paragraph = table.cell(r, c).paragraphs[0]
                paragraph._p.style = self._style_id("Table Text")
                self._runs(paragraph, cell_runs)
                if r == 0 and header:
                    for run in paragraph.runs:
                        run.bold = True
        if len(all_rows) > KEEP_TABLE_ROWS and header:
            # a long table's header row repeats where it breaks across columns or pages
            table.rows[0]._tr.get_or_add_trPr().append(X.OxmlElement("w:tblHeader"))
        else:
            # a short table stays in one column in Word: every row kept with the next, none split
            # (LibreOffice may still split one at a page's foot: then it runs on, its header once)
            for n, row in enumerate(table.rows):
                row._tr.get_or_add_trPr().append(X.OxmlElement("w:cantSplit"))
                if n < len(table.rows) - 1:
                    for cell in row.cells:
                        for paragraph in cell.paragraphs:
                            paragraph.paragraph_format.keep_with_next = True
        self._para()

    def article(self, article: DocArticle, columns: int) -> None:
        self._in_language(article.language, lambda: self._article(article, columns))

    def _article(self, article: DocArticle, columns: int) -> None:
        self._heading(article.title, "Heading 2", article.key)
        if article.sapo:
            self._para(article.sapo, "Sapo")
        # python-docx's add_section closes the current section and starts a new one:
        # the columns are set on the section that starts after the full-width title,
        # and the next continuous break ends (and balances) them.
        if columns > 1:
            self._new_section(WD_SECTION.CONTINUOUS, columns)
        self._blocks(article.blocks)
        if (article.byline or article.source) and self._last is not None:
            self._last.paragraph_format.keep_with_next = True  # a byline never alone atop a page
        if article.byline:
            self._para(article.byline, "Byline")
        if article.source:
            self._para(article.source, "Source")
        if self._last is not None:  # the theme's space between two articles, as in the PDF
            self._last.paragraph_format.space_after = Pt(self.theme.article_after)
        if columns > 1:
            self._new_section(WD_SECTION.CONTINUOUS, 1)

    def section(self, section: SectionPart) -> None:
        self._new_section(WD_SECTION.NEW_PAGE if section.new_page else WD_SECTION.CONTINUOUS, 1)
        self._running_from(self._running[-1][1], section.title)
        self._heading(section.heading, "Heading 1", section.key)
        for article in section.articles:
            self.article(article, self.theme.columns_for("article"))

    def _running_from(self, name: str, section: str = "", opening: bool = False) -> None:
        """The running heads read ``name`` (and ``section``) from the current, just started,
        Word section on; ``opening``: the section starts on a part's opening page (no heads)."""
        self._running.append((len(self.doc.sections) - 1, name, section, opening))

    def running_heads(self) -> None:
        """Facing pages, as in the PDF: the bulletin's name on left-hand pages, the section on
        right-hand ones (the theme's ``[running]``), the page number on the outer edge; none on
        the cover or a part's opening page."""
        if self.reference is not None:
            return  # the reference document's own header and footer are used
        self.doc.settings.odd_and_even_pages_header_footer = True
        running = self.theme.running
        first = self.doc.sections[0]
        for footer, align in (
            (first.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (first.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            paragraph = footer.paragraphs[0]
            paragraph._p.style = self._style_id("Footer")
            paragraph.paragraph_format.alignment = align
            X.add_field(paragraph, "PAGE", "2")
        sections = self.doc.sections
        for index, name, section, opening in self._running:
            values = {"bulletin_name": name, "section": section or name, "page": ""}
            word_section = sections[index]
            for header, key, default, align in (
                (word_section.header, "header_right", "{section}", WD_ALIGN_PARAGRAPH.RIGHT),
                (word_section.even_page_header, "header_left", "{bulletin_name}", WD_ALIGN_PARAGRAPH.LEFT),
            ):
                header.is_linked_to_previous = False
                paragraph = header.paragraphs[0]
                paragraph._p.style = self._style_id("Header")
                paragraph.text = X.xml_safe(running.get(key, default).format(**values))
                paragraph.paragraph_format.alignment = align
            if opening:  # a later part's first page is its opening page; the footer carries on
                word_section.different_first_page_header_footer = True

    def colophon(self, part: ColophonPart) -> None:
        self._new_section(WD_SECTION.NEW_PAGE, 1)
        for block in part.blocks:
            self._in_language(block.language, lambda block=block: self._colophon_lines(block.lines))

    def _colophon_lines(self, lines: tuple[tuple[str, str], ...]) -> None:
        for label, value in lines:
            p = self._para(style="Colophon")
            if label:
                X.add_text_run(p, f"{label}: ").bold = True
            X.add_text_run(p, value)
            X.frame_at_bottom(p)

    def build(self) -> DocxDocument:
        self.setup_styles()
        self.setup_page()
        editorial_columns = self.theme.columns_for("editorial")
        for part in self.model.parts:
            match part:
                case CoverPart():
                    self._in_language(part.language, lambda part=part: self.cover(part))
                case EditorialPart():
                    self._page_break()
                    self.article(part.article, editorial_columns)
                case ContentsPart():
                    self._in_language(part.language, lambda part=part: self.contents(part))
                case SectionPart():
                    self._in_language(part.language, lambda part=part: self.section(part))
                case ColophonPart():
                    self.colophon(part)
        self.running_heads()
        if self.reference is None:  # a reference document brings its own fonts
            names = dict.fromkeys((self.theme.body_font, self.theme.heading_font))
            embed_fonts(self.doc, [resolve_family(name) for name in names])
        props = self.doc.core_properties
        props.title = X.xml_safe(self.model.title)
        props.author = X.xml_safe(self.model.author)
        props.language = self.model.language
        return self.doc


def render_docx(
    document: IssueDocument,
    theme: Theme,
    dest: Path,
    page_of: dict[str, int] | None = None,
    reference: Path | None = None,
) -> DocxResult:
    """Write the issue to ``dest`` atomically; ``page_of`` pre-fills the contents' page numbers."""
    started = time.perf_counter()
    doc = _Writer(document, theme, page_of or {}, reference).build()
    write_atomically(dest, lambda tmp: X.save_stable(doc, tmp))
    return DocxResult(dest.resolve(), time.perf_counter() - started)
