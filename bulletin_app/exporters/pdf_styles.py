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
from bulletin_app.exporters.theme import PRINT, SCREEN, TextStyle, Theme


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
    """One reportlab style per theme style (``theme.styles``), plus the body's variants."""

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
    contents_title: ParagraphStyle
    toc_section: ParagraphStyle
    toc_article: ParagraphStyle
    toc_sapo: ParagraphStyle
    colophon: ParagraphStyle
    colophon_name: ParagraphStyle
    running: ParagraphStyle
    cover_small: ParagraphStyle
    cover_word: ParagraphStyle
    cover_name: ParagraphStyle
    cover_meta: ParagraphStyle
    cover_highlight_title: ParagraphStyle
    cover_highlight: ParagraphStyle
    cover_notice: ParagraphStyle
    back_name: ParagraphStyle
    page_title: ParagraphStyle
    body_font: str
    heading_font: str
    grid: float  # the baseline grid (pt)
    link: str = "#1a4f8b"  # the links' colour as paragraph markup writes it (markup.runs_markup)


def palette(theme: Theme, profile: str = SCREEN) -> dict[str, Color]:
    """The theme's colours as reportlab draws them: process CMYK for print, RGB for screens."""
    if profile == PRINT:
        return {k: CMYKColor(*c.cmyk) for k, c in theme.colors.items()}
    return {k: HexColor(c.hex) for k, c in theme.colors.items()}


_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}


def paragraph_style(style: TextStyle, font: str, colours: dict[str, Color]) -> ParagraphStyle:
    """The PDF mapper: one theme style as a reportlab paragraph style (``font``: the registered
    base name of its family)."""
    face = (
        font
        + {(False, False): "", (True, False): "-bold", (False, True): "-italic", (True, True): "-bold_italic"}[
            (style.bold, style.italic)
        ]
    )
    hanging = style.first_indent < 0
    return ParagraphStyle(
        style.name,
        fontName=face,
        bulletFontName=font,  # reportlab's default bullet font is the unembedded Helvetica
        fontSize=style.size,
        leading=style.leading,
        alignment=_ALIGN[style.align],
        # a hanging indent is drawn as a bullet at the left indent's start
        firstLineIndent=0 if hanging else style.first_indent,
        leftIndent=style.left_indent,
        rightIndent=style.right_indent,
        bulletIndent=style.left_indent + style.first_indent if hanging else 0,
        spaceBefore=style.before,
        spaceAfter=style.after,
        textColor=colours[style.colour],
        keepWithNext=int(style.keep_with_next),
        allowWidows=0,
        allowOrphans=0,
    )


def build_styles(theme: Theme, colours: dict[str, Color] | None = None) -> PdfStyles:
    fonts = {"body": register_family(theme.body_font), "heading": register_family(theme.heading_font)}
    colours = colours or palette(theme)
    mapped = {
        key: paragraph_style(style, fonts[style.role], colours) for key, style in theme.styles.items() if key in _FIELDS
    }
    missing = _FIELDS - mapped.keys()
    if missing:
        raise KeyError(f"theme styles missing: {', '.join(sorted(missing))}")
    # An article's title and sapo stay together, and with the body's first lines, by the
    # renderer's own means (KeepTogether, CondPageBreak): reportlab's keepWithNext would glue
    # the title of an article without a sapo to its whole body and push it all to the next page.
    mapped["article_title"] = mapped["article_title"].clone("article_title", keepWithNext=0)
    body = mapped["body"]
    return PdfStyles(
        **mapped,
        body_first=ParagraphStyle("BodyFirst", parent=body, firstLineIndent=0),
        body_continued=ParagraphStyle("BodyContinued", parent=body, firstLineIndent=0, spaceBefore=0),
        body_font=fonts["body"],
        heading_font=fonts["heading"],
        grid=theme.grid,
        link=_markup_colour(colours["link"]),
    )


def _markup_colour(colour: Color) -> str:
    """A colour as reportlab's paragraph markup reads it (``toColor``): CMYK stays CMYK."""
    if isinstance(colour, CMYKColor):
        return "cmyk({:g},{:g},{:g},{:g})".format(*colour.cmyk())
    return colour.hexval().replace("0x", "#")


_FIELDS = {
    f.name
    for f in fields(PdfStyles)
    if f.name not in ("body_first", "body_continued", "body_font", "heading_font", "grid", "link")
}


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
            # A compound ("non-governmental") breaks at its own hyphen only where the paragraph's
            # lines are chosen whole (line_breaking: never inside "06/2020/QĐ-TTg" or "2021-2025");
            # reportlab's first-fit breaking would split a document code at its hyphen as well.
            extra.update(hyphenationLang=lang, embeddedHyphenation=0, spaceShrinkage=SPACE_SHRINK)
        changed[f.name] = style.clone(f"{style.name}-{tag}", **extra)
    return replace(styles, **changed)


# Running text only: titles, headings and contents lines are never hyphenated.
# How much a space may shrink to fit one more word on a justified English line (reportlab's
# default is 5 %; TeX allows a third): fewer loose lines, measured in benchmarks/word_gaps.py.
SPACE_SHRINK = 0.25
_HYPHENATED = (
    "body", "body_first", "body_continued", "sapo", "quote", "list_item", "caption", "table_cell", "toc_sapo"
)  # fmt: skip
