"""The WordprocessingML python-docx has no API for: fields, columns, bookmarks, frames, tabs."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from bulletin_app.text.codes import code_spans

# Characters XML 1.0 cannot hold (python-docx raises on them).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)


def set_default_font(styles: OxmlElement, family: str) -> None:
    """The document defaults' font (the template's placeholder) becomes ``family`` in every script."""
    fonts = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is not None:
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), family)


def only_section_break(element: OxmlElement) -> bool:
    """A paragraph that holds a section break and nothing else (python-docx's add_section)."""
    if element.tag != qn("w:p") or element.find(qn("w:r")) is not None:
        return False
    p_pr = element.find(qn("w:pPr"))
    return p_pr is not None and p_pr.find(qn("w:sectPr")) is not None


def set_columns(section: Section, count: int, space_twips: int) -> None:
    sect_pr = section._sectPr
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), str(space_twips))


def add_field(paragraph: Paragraph, instruction: str, result: str = "") -> None:
    """A complex field (PAGE, TOC…) with a pre-filled result that Word can update."""

    def run_with(child: OxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    if result:
        text = OxmlElement("w:t")
        text.text = result
        run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """Open a field whose result spans several paragraphs (the TOC)."""
    for kind, value in (("begin", None), ("instr", instruction), ("separate", None)):
        run = OxmlElement("w:r")
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {value} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run.append(el)
        paragraph._p.append(run)


def field_end(paragraph: Paragraph) -> None:
    run = OxmlElement("w:r")
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "end")
    run.append(el)
    paragraph._p.append(run)


def add_bookmark(paragraph: Paragraph, name: str) -> None:
    """A bookmark around the paragraph; ids count per document (the same issue, the same file)."""
    part = paragraph.part
    counter = getattr(part, "_bookmark_ids", None)
    if counter is None:
        counter = part._bookmark_ids = itertools.count(1)
    bid = str(next(counter))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    paragraph._p.insert(0 if paragraph._p.pPr is None else 1, start)
    paragraph._p.append(end)


def add_internal_link(paragraph: Paragraph, anchor: str, parts: list[tuple[str, bool]]) -> None:
    """A hyperlink to a bookmark; ``parts`` are (text, is_tab) runs."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    for text, is_tab in parts:
        run = OxmlElement("w:r")
        if is_tab:
            run.append(OxmlElement("w:tab"))
        else:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = text
            run.append(t)
        link.append(run)
    paragraph._p.append(link)


def add_right_tab(p_pr: OxmlElement, position_twips: int, leader: str = "dot") -> None:
    """A right-aligned tab stop with a leader (the contents' page numbers), in schema order."""
    tabs = p_pr.find(qn("w:tabs"))
    if tabs is None:
        tabs = OxmlElement("w:tabs")
        p_pr.insert_element_before(tabs, "w:suppressAutoHyphens", *_AFTER_SUPPRESS_HYPHENS)
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:leader"), leader)
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)


def left_border(p_pr: OxmlElement, hex_colour: str, space_pt: float, width_pt: float = 1.5) -> None:
    """A rule left of the paragraph (a quote's), ``space_pt`` from its text, in schema order."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    left.set(qn("w:val"), "single")
    left.set(qn("w:sz"), str(round(width_pt * 8)))  # eighths of a point
    left.set(qn("w:space"), str(max(0, round(space_pt))))
    left.set(qn("w:color"), hex_colour.lstrip("#").upper())
    borders.append(left)
    p_pr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", *_AFTER_SUPPRESS_HYPHENS)


def frame_at_bottom(paragraph: Paragraph) -> None:
    """Anchor the paragraph in a frame at the bottom of the text area (the colophon)."""
    p_pr = paragraph._p.get_or_add_pPr()
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("w:wrap", "around"),
        ("w:vAnchor", "margin"),
        ("w:hAnchor", "margin"),
        ("w:yAlign", "bottom"),
        ("w:xAlign", "center"),
    ):
        frame.set(qn(key), value)
    p_pr.insert(0, frame)


def strip_theme_fonts(r_pr: OxmlElement, font: str) -> None:
    """Theme font attributes override named fonts; remove them and name the font everywhere."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def set_language(r_pr: OxmlElement, lang: str) -> None:
    el = r_pr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        r_pr.append(el)
    el.set(qn("w:val"), lang)


def add_text_run(paragraph: Paragraph, text: str, keep_codes: bool = True) -> Run:
    """A run holding ``text`` (made XML-safe). Plain text gets its ``w:t`` directly:
    python-docx's ``add_run(text)`` walks the text a character at a time."""
    text = xml_safe(text)
    if "\n" in text or "\t" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    start = 0
    # a document code's or a range's hyphen is Word's non-breaking hyphen ("06/2020/QĐ-TTg" and
    # "2021-2025" never split at a line's end; read back, it is "-" again)
    for begin, end in code_spans(text) if keep_codes else ():
        for n in range(begin, end):
            if text[n] == "-":
                _text_child(run, text[start:n])
                run._r.append(OxmlElement("w:noBreakHyphen"))
                start = n + 1
    _text_child(run, text[start:])
    return run


def _text_child(run: Run, text: str) -> None:
    if text:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run._r.append(t)


_AFTER_SUPPRESS_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def set_hyphenation(p_pr: OxmlElement, allowed: bool) -> None:
    """``w:suppressAutoHyphens`` on a paragraph (or a style's paragraph properties)."""
    el = p_pr.find(qn("w:suppressAutoHyphens"))
    if el is None:
        el = OxmlElement("w:suppressAutoHyphens")
        p_pr.insert_element_before(el, *_AFTER_SUPPRESS_HYPHENS)
    el.set(qn("w:val"), "0" if allowed else "1")


def enable_auto_hyphenation(settings: OxmlElement) -> None:
    """Word's automatic hyphenation for the document (paragraphs that allow it: English)."""
    if settings.find(qn("w:autoHyphenation")) is not None:
        return
    auto = OxmlElement("w:autoHyphenation")
    caps = OxmlElement("w:doNotHyphenateCaps")  # never break acronyms (ASEAN, UNESCO)
    anchor = settings.find(qn("w:defaultTabStop"))
    if anchor is not None:
        anchor.addnext(auto)
    else:
        settings.append(auto)
    auto.addnext(caps)


def mark_language(paragraphs: list[OxmlElement], tag: str, hyphenate: bool = True) -> None:
    """Every run of ``paragraphs`` in language ``tag``; hyphenated unless Vietnamese (or not wanted)."""
    hyphenate = hyphenate and not tag.startswith("vi")
    for p in paragraphs:
        p_pr = p.get_or_add_pPr()
        set_hyphenation(p_pr, hyphenate)
        for r in p.iter(qn("w:r")):
            set_language(r.get_or_add_rPr(), tag)


class _StableZipWriter:
    """python-docx's physical package writer with each member dated 1980-01-01."""

    def __init__(self, dest: Path) -> None:
        self._zip = zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        member = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        member.compress_type = zipfile.ZIP_DEFLATED
        # Fonts and pictures (most of the bytes) at zlib's fastest level: 2.5× quicker, 8 % larger;
        # the XML parts are small and shrink most at the default level.
        level = 6 if pack_uri.ext in ("xml", "rels") else 1
        self._zip.writestr(member, blob, compresslevel=level)

    def close(self) -> None:
        self._zip.close()


def save_stable(document: object, dest: Path) -> None:
    """Save a python-docx document with every zip member dated 1980-01-01, in python-docx's order:
    the same issue exported twice gives the same bytes (python-docx stamps each member with the
    current time). Written in one pass through python-docx's own package writer steps: saving,
    then re-zipping deflated every member twice."""
    package = document.part.package  # type: ignore[attr-defined]
    for part in package.parts:
        part.before_marshal()
    writer = _StableZipWriter(dest)
    try:
        PackageWriter._write_content_types_stream(writer, package.parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, package.parts)
    finally:
        writer.close()
