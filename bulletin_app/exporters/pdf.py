"""The issue as a print-ready PDF (reportlab), from the document model and the theme.

One layout pass: contents page numbers are form XObjects filled after layout
(see pdf_flowables). Pages are built at trim + 2 × bleed (+ a slug for crop marks) with
TrimBox and BleedBox written on every page — never reportlab's scaling ``bleedWidth``.
Every font is an embedded, subset TrueType face; the canvas's initial font is one of
them, so no base-14 font is referenced anywhere.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from bulletin_app.atomic_file import write_atomically
from bulletin_app.domain.body import Block, Figure, Heading, ListBlock, Quote
from bulletin_app.domain.body import Paragraph as BodyParagraph
from bulletin_app.domain.body import Table as BodyTable
from bulletin_app.domain.document import (
    ColophonPart,
    ContentsPart,
    Cover,
    CoverPart,
    DocArticle,
    EditorialPart,
    ImageData,
    IssueDocument,
    SectionPart,
)
from bulletin_app.exporters.markup import runs_markup, text_markup
from bulletin_app.exporters.pdf_flowables import (
    Anchor,
    AtFoot,
    BalancedParagraph,
    ColophonBox,
    Columns,
    Contents,
    LayoutState,
    PadToMultiple,
    PageMarker,
    Paragraph,
    PartStart,
    Thumbnail,
    TocEntry,
    Unbreakable,
    pieces,
)
from bulletin_app.exporters.pdf_styles import PdfStyles, build_styles, for_language, palette
from bulletin_app.exporters.pdfx import PRODUCER, REGISTRATION, IssueCanvas, output_profile
from bulletin_app.exporters.theme import PRINT, PdfOptions, Theme

MM = 72.0 / 25.4
CROP_MARK_MM = 5.0  # length of a crop mark
CROP_OFFSET_MM = 2.0  # gap between the bleed edge and a mark
MAX_IMAGE_HEIGHT = 0.42  # of the frame height


@dataclass
class PdfResult:
    path: Path
    pages: int
    seconds: float
    page_of: dict[str, int] = field(default_factory=dict)
    image_dpi: dict[str, float] = field(default_factory=dict)
    blank_pages: list[int] = field(default_factory=list)
    added_pages: dict[int, str] = field(default_factory=dict)  # booklet padding: page → back, notes, photos, blank


@dataclass(frozen=True)
class Geometry:
    trim_w: float
    trim_h: float
    bleed: float
    slug: float  # distance from the media edge to the trim edge

    @classmethod
    def of(cls, theme: Theme, options: PdfOptions) -> Geometry:
        bleed = max(0.0, options.bleed_mm) * MM
        slug = bleed + ((CROP_MARK_MM + CROP_OFFSET_MM + 1) * MM if options.crop_marks else 0.0)
        return cls(theme.width_mm * MM, theme.height_mm * MM, bleed, slug)

    @property
    def media(self) -> tuple[float, float]:
        return self.trim_w + 2 * self.slug, self.trim_h + 2 * self.slug

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        s = self.slug
        return (s, s, s + self.trim_w, s + self.trim_h)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        s, b = self.slug, self.bleed
        return (s - b, s - b, s + self.trim_w + b, s + self.trim_h + b)


class _Renderer:
    def __init__(
        self,
        document: IssueDocument,
        theme: Theme,
        options: PdfOptions,
        on_page: Callable[[int], None] | None = None,
    ) -> None:
        self.doc = document
        self.on_page = on_page
        self.theme = theme
        self.options = options
        self.geo = Geometry.of(theme, options)
        self.colours = palette(theme, options.profile)
        # the output profile is read (and checked) before any page is laid out
        self.icc = output_profile(options.output_profile) if options.profile == PRINT else None
        self.styles: PdfStyles = build_styles(theme, self.colours)
        self.state = LayoutState(
            number_font=self.styles.body_font, number_size=theme.size("body"), number_color=self.colours["text"]
        )
        self.image_dpi: dict[str, float] = {}
        self.accent = self.colours["accent"]
        self.muted = self.colours["muted"]
        t = theme
        self.inner, self.outer = t.margin_inner_mm * MM, t.margin_outer_mm * MM
        self.top, self.bottom = t.margin_top_mm * MM, t.margin_bottom_mm * MM
        self.body_w = self.geo.trim_w - self.inner - self.outer
        self.body_h = self.geo.trim_h - self.top - self.bottom
        self.gap = t.column_gap_mm * MM
        self.scratch: Path | None = None
        self.image_paths: dict[str, str] = {}

    # ------------------------------------------------------------- page furniture
    def _frame_x(self, page: int) -> float:
        """Left edge of the text block: odd pages are right-hand pages (spine on the left)."""
        return self.geo.slug + (self.inner if page % 2 == 1 else self.outer)

    def _template(self, name: str, on_page: Callable, on_end: Callable) -> PageTemplate:  # type: ignore[type-arg]
        frame = Frame(
            self.geo.slug + self.inner,
            self.geo.slug + self.bottom,
            self.body_w,
            self.body_h,
            id=f"{name}-frame",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def begin(canv, doc) -> None:  # type: ignore[no-untyped-def]
            if self.on_page is not None:
                self.on_page(doc.page)  # may raise to abandon the layout (cancel)
            frame.x1 = self._frame_x(doc.page)
            canv.setTrimBox(self.geo.trim_box)
            canv.setBleedBox(self.geo.bleed_box)
            on_page(canv, doc)

        def end(canv, doc) -> None:  # type: ignore[no-untyped-def]
            on_end(canv, doc)
            if self.options.crop_marks:
                self._crop_marks(canv)

        return PageTemplate(id=name, frames=[frame], onPage=begin, onPageEnd=end, pagesize=self.geo.media)

    def _crop_marks(self, canv) -> None:  # type: ignore[no-untyped-def]
        x0, y0, x1, y1 = self.geo.trim_box
        gap = self.geo.bleed + CROP_OFFSET_MM * MM
        length = CROP_MARK_MM * MM
        canv.saveState()
        canv.setLineWidth(0.25)
        canv.setStrokeColor(REGISTRATION)  # every separation: the marks show on each plate
        for x in (x0, x1):
            for y, direction in ((y0, -1), (y1, 1)):
                canv.line(x, y + direction * gap, x, y + direction * (gap + length))
        for y in (y0, y1):
            for x, direction in ((x0, -1), (x1, 1)):
                canv.line(x + direction * gap, y, x + direction * (gap + length), y)
        canv.restoreState()

    def _running(self, canv, doc) -> None:  # type: ignore[no-untyped-def]
        page = doc.page
        if page in self.state.blank_pages:
            return
        name, section = self.state.running_on(page)
        values = {"bulletin_name": name, "section": section, "page": str(page)}
        running = self.theme.running
        header = (
            running.get("header_right", "{section}") if page % 2 else running.get("header_left", "{bulletin_name}")
        ).format(**values)
        footer = running.get("footer", "{page}").format(**values)
        x_left = self._frame_x(page)
        x_right = x_left + self.body_w
        y_header = self.geo.slug + self.geo.trim_h - self.theme.header_offset_mm * MM
        y_footer = self.geo.slug + self.theme.footer_offset_mm * MM
        canv.saveState()
        canv.setFont(self.styles.running.fontName, self.styles.running.fontSize)
        canv.setFillColor(self.muted)
        if page % 2:
            canv.drawRightString(x_right, y_header, header)
            canv.drawRightString(x_right, y_footer, footer)
        else:
            canv.drawString(x_left, y_header, header)
            canv.drawString(x_left, y_footer, footer)
        canv.setStrokeColor(self.accent)
        canv.setLineWidth(0.5)
        canv.line(x_left, y_header - 3, x_right, y_header - 3)
        canv.restoreState()

    @staticmethod
    def _nothing(canv, doc) -> None:  # type: ignore[no-untyped-def]
        return None

    # ------------------------------------------------------------- cover and back cover
    def _paragraph_at(self, canv, markup: str, style, x: float, top: float, width: float) -> float:  # type: ignore[no-untyped-def]
        para = Paragraph(markup, style)
        _, h = para.wrap(width, 10000)
        para.drawOn(canv, x, top - h)
        return top - h

    def _cover_drawer(self, cover: Cover) -> Callable:  # type: ignore[type-arg]
        def draw(canv, doc) -> None:  # type: ignore[no-untyped-def]
            self._draw_cover(canv, cover)

        return draw

    def _draw_cover(self, canv, cover: Cover) -> None:  # type: ignore[no-untyped-def]
        geo, s = self.geo, self.styles
        x = geo.slug + self.outer
        width = geo.trim_w - 2 * self.outer
        top = geo.slug + geo.trim_h - self.top * 0.8
        small = s.cover_small
        top = self._paragraph_at(canv, text_markup(cover.governing_body.upper()), small, x, top, width)
        top = self._paragraph_at(canv, text_markup(cover.publishing_body.upper()), small, x, top, width) - 10
        top = self._paragraph_at(canv, text_markup(cover.word), s.cover_word, x, top, width)
        top = self._paragraph_at(canv, text_markup(cover.name_line), s.cover_name, x, top - 2, width) - 8
        canv.setStrokeColor(self.accent)
        canv.setLineWidth(2)
        canv.line(x, top, x + width, top)
        meta = s.cover_meta
        label_bottom = self._paragraph_at(canv, text_markup(cover.issue_label), meta, x, top - 6, width / 2)
        right = ParagraphStyle("CoverDate", parent=meta, alignment=TA_RIGHT)
        date_bottom = self._paragraph_at(canv, text_markup(cover.date_text), right, x + width / 2, top - 6, width / 2)
        top = min(label_bottom, date_bottom) - 12
        bottom_text = geo.slug + self.bottom * 0.6
        if cover.notice:
            notice = s.cover_notice
            canv.setFont(notice.fontName, notice.fontSize)
            canv.setFillColor(notice.textColor)
            canv.drawCentredString(geo.slug + geo.trim_w / 2, bottom_text, cover.notice)
        image_bottom = bottom_text + 16
        if cover.image is not None:
            # Full bleed at the sides when bleed is on: the art runs to the bleed edge.
            left = geo.slug - geo.bleed if geo.bleed else x
            img_w = (geo.trim_w + 2 * geo.bleed) if geo.bleed else width
            img_h = top - image_bottom
            self._draw_image_cover(canv, cover.image, left, image_bottom, img_w, img_h)
        else:
            canv.setFillColor(self.accent)
            canv.rect(x, image_bottom, width, max(0.0, top - image_bottom) * 0.02 + 2, stroke=0, fill=1)
            bar = max(0.0, top - image_bottom) * 0.02 + 2
            self._cover_highlights(canv, cover, x, top - 10, image_bottom + bar + self.styles.grid, width)

    def _cover_highlights(self, canv, cover: Cover, x: float, top: float, bottom: float, width: float) -> None:  # type: ignore[no-untyped-def]
        """A cover without a photo: "Trong số này" and the articles' titles spread down the space
        the photo would take (at most four lines of the grid between two), a hairline between."""
        style, head = self.styles.cover_highlight, self.styles.cover_highlight_title
        if not cover.highlights:
            return
        top = self._paragraph_at(canv, text_markup(cover.highlights_title), head, x, top, width) - style.spaceAfter
        items = [Paragraph("■ " + text_markup(title), style) for title in cover.highlights]
        heights = [p.wrap(width, 10000)[1] for p in items]
        room = top - bottom - sum(heights)
        gap = max(style.spaceAfter, min(4 * self.styles.grid, room / len(items)))
        canv.saveState()
        canv.setStrokeColor(self.muted)
        canv.setLineWidth(0.3)
        for n, (item, h) in enumerate(zip(items, heights, strict=True)):
            item.drawOn(canv, x, top - h)
            top -= h + gap
            if n < len(items) - 1:
                canv.line(x, top + gap / 2, x + width, top + gap / 2)
        canv.restoreState()

    def _draw_image_cover(self, canv, image: ImageData, x: float, y: float, w: float, h: float) -> None:  # type: ignore[no-untyped-def]
        if w <= 0 or h <= 0:
            return
        scale = max(w / image.width_px, h / image.height_px)  # cover the area, crop the excess
        draw_w, draw_h = image.width_px * scale, image.height_px * scale
        self._record_dpi(image, draw_w)
        canv.saveState()
        path = canv.beginPath()
        path.rect(x, y, w, h)
        canv.clipPath(path, stroke=0, fill=0)
        canv.drawImage(self._image_file(image), x + (w - draw_w) / 2, y + (h - draw_h) / 2, draw_w, draw_h)
        canv.restoreState()

    def _colophon_box(self) -> ColophonBox:
        s, colophon = self.styles, self.doc.colophon
        blocks: list[list[Flowable]] = []
        for block in colophon.blocks:
            style = for_language(s, block.language, hyphenate=False).colophon
            blocks.append(
                [
                    Paragraph(
                        f"<b>{text_markup(label)}:</b> {text_markup(value)}" if label else text_markup(value), style
                    )
                    for label, value in block.lines
                ]
            )
        return ColophonBox(Paragraph(text_markup(colophon.name), s.colophon_name), blocks, self.gap, self.accent)

    def _draw_back(self, canv, doc) -> None:  # type: ignore[no-untyped-def]
        """The back cover: the bulletin's name and the publisher's contacts; the colophon at its
        foot when the last text page had no room for it."""
        geo, s = self.geo, self.styles
        x, width = self._frame_x(doc.page), self.body_w
        y = geo.slug + self.bottom
        colophon = self.doc.colophon
        if self.state.colophon_page is None:
            box = self._colophon_box()
            _, _h = box.wrap(width, self.body_h)
            box.drawOn(canv, x, y)
            self.state.colophon_page = doc.page
            return
        top = geo.slug + geo.trim_h - self.body_h * 0.45
        canv.saveState()
        canv.setStrokeColor(self.accent)
        canv.setLineWidth(2)
        canv.line(x + width * 0.3, top + 12, x + width * 0.7, top + 12)
        canv.restoreState()
        top = self._paragraph_at(canv, text_markup(colophon.name), s.back_name, x, top, width) - s.grid
        contact = s.cover_meta.clone("BackContact", alignment=TA_CENTER)
        for line in colophon.contacts:
            top = self._paragraph_at(canv, text_markup(line), contact, x, top, width)

    def _draw_notes(self, canv, doc) -> None:  # type: ignore[no-untyped-def]
        """A "Ghi chú" page: its title, then ruled lines on the grid down the text block."""
        s = self.styles
        x, width = self._frame_x(doc.page), self.body_w
        top = self.geo.slug + self.geo.trim_h - self.top
        top = self._paragraph_at(canv, text_markup(self.doc.colophon.notes_title), s.page_title, x, top, width)
        step = s.grid * 1.5
        y = top - s.page_title.spaceAfter - step
        canv.saveState()
        canv.setStrokeColor(self.muted)
        canv.setLineWidth(0.3)
        while y >= self.geo.slug + self.bottom:
            canv.line(x, y, x + width, y)
            y -= step
        canv.restoreState()

    def _draw_photos(self, canv, doc) -> None:  # type: ignore[no-untyped-def]
        """A page of the issue's photographs, two by three, each with its caption."""
        s = self.styles
        x, width = self._frame_x(doc.page), self.body_w
        top = self.geo.slug + self.geo.trim_h - self.top
        top = self._paragraph_at(canv, text_markup(self.doc.colophon.photos_title), s.page_title, x, top, width)
        top -= s.page_title.spaceAfter
        photos = self._photos()[:6]
        rows = max(1, (len(photos) + 1) // 2)
        cell_w = (width - self.gap) / 2
        cell_h = (top - (self.geo.slug + self.bottom)) / rows
        for n, (image, caption) in enumerate(photos):
            cx = x + (n % 2) * (cell_w + self.gap)
            cy = top - (n // 2) * cell_h
            para = Paragraph(text_markup(caption), s.caption) if caption else None
            caption_h = para.wrap(cell_w, cell_h)[1] if para else 0.0
            room_h = cell_h - caption_h - s.grid
            scale = min(cell_w / image.width_px, room_h / image.height_px)
            draw_w, draw_h = image.width_px * scale, image.height_px * scale
            self._record_dpi(image, draw_w)
            canv.drawImage(self._image_file(image), cx + (cell_w - draw_w) / 2, cy - draw_h, draw_w, draw_h)
            if para is not None:
                para.drawOn(canv, cx, cy - draw_h - 3 - caption_h)

    def _photos(self) -> list[tuple[ImageData, str]]:
        """The issue's photographs with their captions, in the order they print, each once."""
        seen: dict[str, tuple[ImageData, str]] = {}
        for part in self.doc.parts:
            articles = part.articles if isinstance(part, SectionPart) else ()
            for article in articles:
                for block in article.blocks:
                    if isinstance(block, Figure) and block.asset in self.doc.images and block.asset not in seen:
                        seen[block.asset] = (self.doc.images[block.asset], block.caption)
        return list(seen.values())

    # ------------------------------------------------------------- content
    def _image_file(self, image: ImageData) -> str:
        """The image as a file: reportlab embeds a named .jpg as is, where bytes in memory
        are decoded to pixels just to compute the image's cache key (slow, and big)."""
        path = self.image_paths.get(image.ref)
        if path is None:
            assert self.scratch is not None, "images need the renderer's scratch folder"
            ext = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/tiff": ".tif"}.get(
                image.mime, ".img"
            )
            target = self.scratch / f"{len(self.image_paths)}{ext}"
            target.write_bytes(image.data)
            path = self.image_paths[image.ref] = str(target)
        return path

    def _record_dpi(self, image: ImageData, drawn_width_pt: float) -> None:
        dpi = image.width_px / (drawn_width_pt / 72.0) if drawn_width_pt > 0 else 0.0
        self.image_dpi[image.ref] = min(dpi, self.image_dpi.get(image.ref, dpi))

    def _image(self, figure: Figure, width: float, styles: PdfStyles) -> list[Flowable]:
        image = self.doc.images.get(figure.asset)
        out: list[Flowable] = []
        if image is None and figure.asset:
            out.append(Paragraph(text_markup(self.doc.missing_image.format(ref=figure.asset)), styles.caption))
        elif image is not None:
            max_h = self.body_h * MAX_IMAGE_HEIGHT
            scale = min(width / image.width_px, max_h / image.height_px)
            draw_w, draw_h = image.width_px * scale, image.height_px * scale
            self._record_dpi(image, draw_w)
            flowable = Image(self._image_file(image), width=draw_w, height=draw_h)
            flowable.hAlign = "CENTER"
            out.append(flowable)
        if figure.caption:
            out.append(Paragraph(text_markup(figure.caption), styles.caption))
        return [Unbreakable(out)]

    def _blocks(self, blocks: tuple[Block, ...], width: float, s: PdfStyles) -> list[Flowable]:
        out: list[Flowable] = []
        after_heading = True
        for block in blocks:
            match block:
                case Heading(level=level, runs=runs):
                    out.append(Paragraph(runs_markup(runs, s.link), s.heading2 if level == 2 else s.heading3))
                    after_heading = True
                    continue
                case BodyParagraph(runs=runs):
                    style = s.body_first if after_heading else s.body
                    parts = pieces(runs)
                    for n, part in enumerate(parts):
                        # Pieces of an over-long paragraph read as one: no indent or space between
                        # them, every line justified but the paragraph's last.
                        shape = style if n == 0 else s.body_continued
                        if n < len(parts) - 1:
                            shape = ParagraphStyle(f"{shape.name}-piece", parent=shape, justifyLastLine=1)
                        # lines chosen for the whole paragraph: even word spaces, codes unbroken
                        out.append(BalancedParagraph.of(part, shape, s.link))
                case Quote(paragraphs=paragraphs):
                    # the quote's indents are the cell's padding, its rule the cell's left edge
                    inside = s.quote.clone(f"{s.quote.name}-cell", leftIndent=0, rightIndent=0)
                    cells = [[Paragraph(runs_markup(p, s.link), inside)] for p in paragraphs]
                    table = Table(cells, colWidths=[width])
                    table.setStyle(
                        TableStyle(
                            [
                                ("LINEBEFORE", (0, 0), (0, -1), 1.5, self.accent),
                                ("FONTNAME", (0, 0), (-1, -1), s.body_font),
                                ("LEFTPADDING", (0, 0), (-1, -1), s.quote.leftIndent),
                                ("RIGHTPADDING", (0, 0), (-1, -1), s.quote.rightIndent),
                                ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                            ]
                        )
                    )
                    table.spaceBefore, table.spaceAfter = s.quote.spaceBefore, s.quote.spaceAfter
                    out.append(table)
                case ListBlock(ordered=ordered, items=items, start=start):
                    for n, item in enumerate(items):
                        bullet = f"{start + n}." if ordered else "•"
                        indent = s.list_item.leftIndent * (item.level + 1)
                        hang = s.list_item.leftIndent - s.list_item.bulletIndent
                        style = s.list_item.clone(
                            f"ListItem{item.level}", leftIndent=indent, bulletIndent=indent - hang
                        )
                        out.append(Paragraph(runs_markup(item.runs, s.link), style, bulletText=bullet))
                case BodyTable(header=header, rows=rows):
                    out.append(self._table(header, rows, width, s))
                case Figure():
                    out += self._image(block, width, s)
            after_heading = False
        return out

    def _table(self, header, rows, width: float, s: PdfStyles) -> Table:  # type: ignore[no-untyped-def]
        data = []
        if header:
            data.append([Paragraph(runs_markup(c, s.link), s.table_head) for c in header])
        data += [[Paragraph(runs_markup(c, s.link), s.table_cell) for c in row] for row in rows]
        columns = max((len(r) for r in data), default=1)
        data = [r + [""] * (columns - len(r)) for r in data]
        table = Table(data, colWidths=[width / columns] * columns, repeatRows=1 if header else 0)
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.4, self.muted),
            ("FONTNAME", (0, 0), (-1, -1), self.styles.body_font),  # never the base-14 default
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), self.colours["table_header"]))
        table.setStyle(TableStyle(commands))
        table.spaceBefore, table.spaceAfter = s.grid * 0.25, s.grid * 0.5
        return table

    def _article(self, article: DocArticle, columns: int, level: int = 1) -> list[Flowable]:
        s = for_language(self.styles, article.language, self.theme.hyphenate_english)
        head: list[Flowable] = [
            Anchor(article.key, article.title, level, self.state),
            Paragraph(text_markup(article.title), s.article_title),
        ]
        if article.sapo:
            head.append(Paragraph(text_markup(article.sapo), s.sapo))
        column_w = (self.body_w - self.gap * (columns - 1)) / columns
        body = self._blocks(article.blocks, column_w, s)
        if article.byline:
            body.append(Paragraph(text_markup(article.byline), s.byline))
        if article.source:
            body.append(Paragraph(text_markup(article.source), s.source))
        out: list[Flowable] = [CondPageBreak(self.body_h * 0.25), KeepTogether(head)]
        if columns > 1 and body:
            out.append(Columns(body, columns, self.gap, self.body_h, self.styles.grid))
        else:
            out += body
        out.append(Spacer(1, self.theme.article_after))
        return out

    def _section(self, section: SectionPart) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [
            NextPageTemplate("article"),
            PageBreak() if section.new_page else CondPageBreak(self.body_h * 0.35),
            PartStart(section.running_name, section.title, self.state),
            Anchor(section.key, section.title, 0, self.state),
            Paragraph(text_markup(section.heading), s.section_title),
            HRFlowable(width="100%", thickness=1.2, color=self.accent, spaceBefore=0, spaceAfter=10),
        ]
        for article in section.articles:
            out += self._article(article, self.theme.columns_for("article"))
        return out

    def _contents(self, part: ContentsPart) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [
            NextPageTemplate("contents"),
            PageBreak(),
            PartStart(part.running_name, part.title, self.state),
            Paragraph(text_markup(part.title), s.contents_title),
        ]
        plain, rich = [], []
        thumbs = any(self.doc.images.get(entry.image) for entry in part.entries)
        for entry in part.entries:
            style = s.toc_section if entry.level == 0 else s.toc_article
            plain.append(TocEntry(text_markup(entry.text), entry.key, style, self.state))
            image = self.doc.images.get(entry.image)
            rich.append(
                TocEntry(
                    text_markup(entry.text),
                    entry.key,
                    style,
                    self.state,
                    Paragraph(text_markup(entry.summary), s.toc_sapo) if entry.summary else None,
                    Thumbnail(self._image_file(image), image.width_px, image.height_px) if image else None,
                    thumb_column=thumbs and entry.level > 0,
                )
            )
        out.append(Contents(rich, plain, max_gap=3 * s.grid))
        return out

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for n, part in enumerate(self.doc.parts):
            match part:
                case CoverPart(opening=False):
                    story.append(PageMarker())  # page one is the first template's page
                case CoverPart():
                    if part.on_right:  # a blank left-hand page first when the opener would fall on one
                        story += [NextPageTemplate("blank"), PadToMultiple(2, self.state, designed=False)]
                    story += [NextPageTemplate(f"cover-{n}"), PageBreak(), PageMarker()]
                    title = part.cover.bulletin_name
                    story.append(Anchor(f"part-{part.language[:2]}", title, 0, self.state))
                case EditorialPart():
                    story += [
                        NextPageTemplate("editorial"),
                        PageBreak(),
                        PartStart(part.running_name, part.article.title, self.state),
                    ]
                    story += self._article(part.article, self.theme.columns_for("editorial"), level=0)[1:]
                case ContentsPart():
                    story += self._contents(part)
                case SectionPart():
                    story += self._section(part)
                case ColophonPart():
                    # at the foot of the last text page when it fits; else the back cover (a
                    # booklet) or a page of its own carries it
                    elsewhere = "later" if self.options.booklet else "next page"
                    story.append(AtFoot(self._colophon_box(), self.state, self.styles.grid, elsewhere))
                    if self.options.booklet:
                        story.append(PadToMultiple(4, self.state, bool(self._photos())))
        return story

    def templates(self) -> list[PageTemplate]:
        covers = [
            self._template(f"cover-{n}", self._cover_drawer(part.cover), self._nothing)
            for n, part in enumerate(self.doc.parts)
            if isinstance(part, CoverPart)
        ]
        return [
            *covers,  # the first template is page one's
            self._template("editorial", self._nothing, self._running),
            self._template("contents", self._nothing, self._running),
            self._template("article", self._nothing, self._running),
            self._template("blank", self._nothing, self._nothing),
            self._template("notes", self._draw_notes, self._running),
            self._template("photos", self._draw_photos, self._running),
            self._template("back", self._draw_back, self._nothing),
        ]


def render_pdf(
    document: IssueDocument,
    theme: Theme,
    dest: Path,
    options: PdfOptions | None = None,
    on_page: Callable[[int], None] | None = None,
) -> PdfResult:
    """Lay the issue out and write it to ``dest`` atomically (temporary file, then rename).

    ``on_page(n)`` is called as page ``n`` begins; an exception it raises (a cancellation)
    abandons the layout and leaves nothing at ``dest``.
    """
    options = options or PdfOptions()
    started = time.perf_counter()
    renderer = _Renderer(document, theme, options, on_page)
    template = BaseDocTemplate(
        "",  # the file name is given to build() by write_atomically
        pagesize=renderer.geo.media,
        pageTemplates=renderer.templates(),
        title=document.title,
        author=document.author,
        subject=document.cover.bulletin_name,
        creator="Bản tin đối ngoại",
        producer=PRODUCER,
        lang=document.language,
        initialFontName=renderer.styles.body_font,
        leftMargin=0,
        rightMargin=0,
        topMargin=0,
        bottomMargin=0,
    )

    def canvasmaker(*args: object, **kwargs: object) -> IssueCanvas:
        return IssueCanvas(
            *args, state=renderer.state, profile=options.profile, document=document, icc=renderer.icc, **kwargs
        )

    def build(tmp: Path) -> None:
        template.filename = str(tmp)
        with tempfile.TemporaryDirectory(prefix="bantin-") as scratch:
            renderer.scratch = Path(scratch)
            template.build(renderer.story(), canvasmaker=canvasmaker)

    dest = dest.resolve()
    write_atomically(dest, build)
    return PdfResult(
        dest,
        template.page,
        time.perf_counter() - started,
        dict(renderer.state.page_of),
        dict(renderer.image_dpi),
        list(renderer.state.blank_pages),
        dict(renderer.state.added_pages),
    )
