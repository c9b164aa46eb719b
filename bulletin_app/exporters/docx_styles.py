"""The DOCX side of the theme: each theme style (``Theme.styles``) as a Word paragraph style.

The PDF side is ``pdf_styles.paragraph_style``; both read the same sizes, line spacings,
indents and spaces, so a value is decided once, in the theme.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle as DocxParagraphStyle

from bulletin_app.exporters import docx_xml as X
from bulletin_app.exporters.theme import TextStyle, Theme

# Word's style name → the theme style it is made from. Built-in names where Word has one (its
# navigation pane, outline and TOC field know them), the project's own names for the rest.
WORD_STYLES = {
    "Normal": "body",
    "Title": "cover_name",
    "Cover Word": "cover_word",
    "Subtitle": "cover_small",
    "Cover Meta": "cover_meta",
    "Heading 1": "section_title",
    "Heading 2": "article_title",
    "Heading 3": "heading2",
    "Heading 4": "heading3",
    "Sapo": "sapo",
    "Quote": "quote",
    "Caption": "caption",
    "Byline": "byline",
    "Source": "source",
    "TOC Heading": "contents_title",
    "toc 1": "toc_section",
    "toc 2": "toc_article",
    "List Bullet": "list_item",
    "List Number": "list_item",
    "Table Text": "table_cell",
    "Colophon": "colophon",
    "Colophon Name": "colophon_name",
    "Back Name": "back_name",
    "Page Title": "page_title",
    "Header": "running",
    "Footer": "running",
}

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def word_style(doc: DocxDocument, name: str) -> DocxParagraphStyle:
    """The document's style ``name``, added (based on Normal) when it has none."""
    styles = doc.styles
    try:
        return styles[name]  # type: ignore[return-value]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if name != "Normal":
            style.base_style = styles["Normal"]
        style.quick_style = True
        return style  # type: ignore[return-value]


def apply_style(style: DocxParagraphStyle, text: TextStyle, theme: Theme) -> None:
    """The DOCX mapper: one theme style onto a Word style, every property set (none inherited
    from Normal by accident)."""
    font = style.font
    font.name = text.family
    font.size = Pt(text.size)
    font.bold = text.bold
    font.italic = text.italic
    font.color.rgb = RGBColor.from_string(theme.colors[text.colour].hex.lstrip("#").upper())
    X.strip_theme_fonts(style.element.get_or_add_rPr(), text.family)
    fmt = style.paragraph_format
    fmt.alignment = _ALIGN[text.align]
    fmt.first_line_indent = Pt(text.first_indent)
    fmt.left_indent = Pt(text.left_indent)
    fmt.right_indent = Pt(text.right_indent)
    fmt.space_before = Pt(text.before)
    fmt.space_after = Pt(text.after)
    # Running text on the grid: exactly its leading, as in the PDF. Larger type: at least its
    # leading, so a line of stacked Vietnamese marks (Ệ, Ỗ) is never clipped at its top.
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY if text.on_grid else WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(text.leading)
    fmt.keep_with_next = text.keep_with_next
    fmt.widow_control = True
    num_pr = style.element.get_or_add_pPr().find(qn("w:numPr"))
    if num_pr is not None:  # list markers are written as text: no automatic numbering on top
        num_pr.getparent().remove(num_pr)


def setup_styles(doc: DocxDocument, theme: Theme) -> None:
    for name, key in WORD_STYLES.items():
        apply_style(word_style(doc, name), theme.style(key), theme)
