"""reportlab fonts and paragraph styles derived from a theme (PDF side of the theme)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache

from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from bulletin_app.exporters.fonts import STYLES, FontFamily, resolve_family
from bulletin_app.exporters.theme import PRINT, SCREEN, Theme


@lru_cache(maxsize=16)
def register_family(name: str) -> str:
    """Register the four faces with reportlab (embedded, subset); returns the base font name."""
    family: FontFamily = resolve_family(name)
    base = name.replace(" ", "")
    names = {style: base if style == "regular" else f"{base}-{style}" for style in STYLES}
    for style, font_name in names.items():
        if font_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font_name, str(family.path(style))))
    pdfmetrics.registerFontFamily(
        base, normal=names["regular"], bold=names["bold"], italic=names["italic"], boldItalic=names["bold_italic"]
    )
    return base


@dataclass(frozen=True)
class PdfStyles:
    body: ParagraphStyle
    body_first: ParagraphStyle  # first paragraph after a heading: no indent
    body_continued: ParagraphStyle  # the next piece of an over-long paragraph (pdf_flowables.pieces)
    sapo: ParagraphStyle
    article_title: ParagraphStyle
    section_title: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    quote: ParagraphStyle
    list_item: ParagraphStyle
    caption: ParagraphStyle
    byline: ParagraphStyle
    source: ParagraphStyle
    table_cell: ParagraphStyle
    table_head: ParagraphStyle
    toc_section: ParagraphStyle
    toc_article: ParagraphStyle
    contents_title: ParagraphStyle
    colophon: ParagraphStyle
    running: ParagraphStyle
    body_font: str
    heading_font: str


def palette(theme: Theme, profile: str = SCREEN) -> dict[str, Color]:
    """The theme's colours as reportlab draws them: process CMYK for print, RGB for screens."""
    if profile == PRINT:
        return {k: CMYKColor(*c.cmyk) for k, c in theme.colors.items()}
    return {k: HexColor(c.hex) for k, c in theme.colors.items()}


def build_styles(theme: Theme, colours: dict[str, Color] | None = None) -> PdfStyles:
    body_font = register_family(theme.body_font)
    heading_font = register_family(theme.heading_font)
    size, space = theme.sizes, theme.spacing
    colours = colours or palette(theme)
    text, muted, accent = (colours[k] for k in ("text", "muted", "accent"))
    leading_ratio = size["leading"] / size["body"]
    body = ParagraphStyle(
        "Body",
        fontName=body_font,
        bulletFontName=body_font,  # reportlab's default bullet font is the unembedded Helvetica
        fontSize=size["body"],
        leading=size["leading"],
        alignment=TA_JUSTIFY,
        firstLineIndent=space["first_line_indent"],
        spaceAfter=space["paragraph_after"],
        textColor=text,
        allowWidows=0,
        allowOrphans=0,
    )

    def heading(name: str, key: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=f"{heading_font}-bold",
            fontSize=size[key],
            leading=size[key] * 1.22,
            textColor=kw.pop("textColor", text),
            keepWithNext=kw.pop("keepWithNext", 1),
            **kw,
        )  # type: ignore[arg-type]

    return PdfStyles(
        body=body,
        body_first=ParagraphStyle("BodyFirst", parent=body, firstLineIndent=0),
        body_continued=ParagraphStyle("BodyContinued", parent=body, firstLineIndent=0, spaceBefore=0),
        sapo=ParagraphStyle(
            "Sapo",
            parent=body,
            fontName=f"{body_font}-bold",
            fontSize=size["sapo"],
            leading=size["sapo"] * leading_ratio,
            firstLineIndent=0,
            spaceAfter=8,
        ),
        # Title and sapo are kept together by the renderer; keepWithNext here would glue them
        # to the whole body and push everything to the next page.
        article_title=heading(
            "ArticleTitle", "article_title", spaceBefore=4, spaceAfter=8, textColor=accent, keepWithNext=0
        ),
        section_title=heading("SectionTitle", "section_title", spaceAfter=10, textColor=accent),
        heading2=heading("Heading2", "heading2", spaceBefore=6, spaceAfter=3),
        heading3=heading("Heading3", "heading3", spaceBefore=4, spaceAfter=2),
        quote=ParagraphStyle(
            "Quote",
            parent=body,
            fontName=f"{body_font}-italic",
            leftIndent=10,
            rightIndent=6,
            firstLineIndent=0,
            textColor=text,
        ),
        list_item=ParagraphStyle(
            "ListItem", parent=body, firstLineIndent=0, leftIndent=12, bulletIndent=2, alignment=TA_LEFT, spaceAfter=2
        ),
        caption=ParagraphStyle(
            "Caption",
            fontName=f"{body_font}-italic",
            fontSize=size["caption"],
            leading=size["caption"] * 1.25,
            textColor=muted,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=8,
        ),
        byline=ParagraphStyle(
            "Byline",
            parent=body,
            fontName=f"{body_font}-bold",
            fontSize=size["byline"],
            alignment=TA_RIGHT,
            firstLineIndent=0,
            spaceBefore=4,
        ),
        source=ParagraphStyle(
            "Source",
            parent=body,
            fontName=f"{body_font}-italic",
            fontSize=size["caption"],
            leading=size["caption"] * 1.3,
            alignment=TA_RIGHT,
            firstLineIndent=0,
            textColor=muted,
        ),
        table_cell=ParagraphStyle(
            "TableCell",
            fontName=body_font,
            fontSize=size["caption"] + 0.5,
            leading=(size["caption"] + 0.5) * 1.25,
            textColor=text,
        ),
        table_head=ParagraphStyle(
            "TableHead",
            fontName=f"{heading_font}-bold",
            fontSize=size["caption"] + 0.5,
            leading=(size["caption"] + 0.5) * 1.25,
            textColor=text,
        ),
        toc_section=ParagraphStyle(
            "TocSection",
            fontName=f"{heading_font}-bold",
            fontSize=size["body"] + 1,
            leading=(size["body"] + 1) * 1.4,
            textColor=accent,
            spaceBefore=6,
        ),
        toc_article=ParagraphStyle(
            "TocArticle",
            fontName=body_font,
            fontSize=size["body"],
            leading=size["leading"],
            leftIndent=12,
            textColor=text,
        ),
        contents_title=heading("ContentsTitle", "article_title", spaceAfter=14, textColor=accent),
        colophon=ParagraphStyle(
            "Colophon", fontName=body_font, fontSize=size["caption"], leading=size["caption"] * 1.35, textColor=text
        ),
        running=ParagraphStyle("Running", fontName=heading_font, fontSize=size["running"], textColor=muted),
        body_font=body_font,
        heading_font=heading_font,
    )


@lru_cache(maxsize=8)
def _hyphenation_available(lang: str) -> bool:
    import pyphen

    return lang in pyphen.LANGUAGES


def for_language(styles: PdfStyles, tag: str, hyphenate: bool = True) -> PdfStyles:
    """The styles for text in ``tag`` ("en-GB"): every paragraph carries its language (drawn
    as a marked-content span, see pdf_flowables.Paragraph); English running text is
    hyphenated (pyphen's dictionary, through reportlab's own line breaking) and its spaces
    may shrink a little, so narrow justified columns keep even word gaps. Vietnamese is the
    document's own language and its syllables are never hyphenated."""
    if tag.startswith("vi"):
        return styles
    lang = tag.replace("-", "_")
    hyphenate = hyphenate and _hyphenation_available(lang)
    changed = {}
    for f in fields(styles):
        style = getattr(styles, f.name)
        if not isinstance(style, ParagraphStyle):
            continue
        extra: dict[str, object] = {"lang": tag}
        if hyphenate and f.name in _HYPHENATED:
            # a compound ("non-governmental") may also break at its own hyphen
            extra.update(hyphenationLang=lang, embeddedHyphenation=1, spaceShrinkage=SPACE_SHRINK)
        changed[f.name] = style.clone(f"{style.name}-{tag}", **extra)
    return replace(styles, **changed)


# Running text only: titles, headings and contents lines are never hyphenated.
# How much a space may shrink to fit one more word on a justified English line (reportlab's
# default is 5 %; TeX allows a third): fewer loose lines, measured in benchmarks/word_gaps.py.
SPACE_SHRINK = 0.25
_HYPHENATED = ("body", "body_first", "body_continued", "sapo", "quote", "list_item", "caption", "table_cell")
