"""Word documents (.docx) → ArticleDraft, through python-docx.

Styles map to the body format (Title → title, Subtitle → sapo, Heading n → inner
headings, Quote, List Bullet/Number and numbered paragraphs → lists, Caption → the
caption of the picture above it); bold and italic runs are kept; pictures come out as
image bytes for the library; tables become tables. Inserted tracked changes are taken,
deleted ones and comments are not. Runs in the legacy fonts (.VnTime, .VnTimeH — whose
lower-case codes print as capitals —, VNI-…) are converted to Unicode.

The package is checked before python-docx reads it: a zip bomb (too much uncompressed
data) is refused, and python-docx's XML parser never resolves entities.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from viparse.normalize.detector import convert
from viparse.normalize.encodings import TCVN3, VNI

from bulletin_app.domain.article import ArticleDraft, proof_findings
from bulletin_app.domain.body import (
    Block,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Quote,
    Table,
    block_text,
    body_to_plain,
)
from bulletin_app.domain.body import Paragraph as BodyParagraph
from bulletin_app.domain.body import Run as BodyRun
from bulletin_app.domain.body_writer import blocks_to_body, clean_runs
from bulletin_app.domain.findings import Finding
from bulletin_app.importers.page_lines import MAX_TITLE, title_needed
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.web_text import ParsedText

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a real article with photos is far below this
MAX_RATIO = 200  # compression ratio of a zip bomb, not of XML or JPEG
_W_R, _W_INS, _W_DEL, _W_HYPERLINK = qn("w:r"), qn("w:ins"), qn("w:del"), qn("w:hyperlink")
# What a run's children say, in order: its text, and the characters Word writes as elements (a
# non-breaking hyphen in "06/2020/QĐ-TTg" is "-"; an optional hyphen shows only at a line's end).
_RUN_CHARACTERS = {
    qn("w:tab"): " ",
    qn("w:br"): " ",
    qn("w:cr"): " ",
    qn("w:noBreakHyphen"): "-",
    qn("w:softHyphen"): "",
}


def run_text(r) -> str:  # type: ignore[no-untyped-def]
    """The text of a ``w:r`` element, its special characters included."""
    parts = []
    for child in r.iterchildren():
        if child.tag == _W_T:
            parts.append(child.text or "")
        elif child.tag in _RUN_CHARACTERS:
            parts.append(_RUN_CHARACTERS[child.tag])
    return "".join(parts)


_W_T = qn("w:t")
_W_P, _W_TBL = qn("w:p"), qn("w:tbl")
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = qn("r:embed")


class DocxProblem(ImportProblem):
    pass


def check_package(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        raise DocxProblem("không phải tệp DOCX hợp lệ (tệp hỏng hoặc bị cắt cụt)")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if "word/document.xml" not in names:
                raise DocxProblem("tệp ZIP không chứa văn bản Word (word/document.xml)")
            if total > MAX_UNCOMPRESSED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
                raise DocxProblem(f"tệp giải nén ra {total // 1024 // 1024} MB — nghi là “bom nén”, không mở")
            bad = z.testzip()
            if bad is not None:
                raise DocxProblem(f"tệp hỏng (phần {bad} không đọc được)")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError, zlib.error) as exc:
        # A damaged directory points outside the file (OSError), a member is encrypted
        # (RuntimeError), packed with an unknown method (NotImplementedError) or cut (zlib).
        raise DocxProblem(f"tệp DOCX hỏng ({type(exc).__name__}: {exc})") from exc


def _legacy(font: str | None) -> tuple[object | None, bool]:
    """(charmap, upper) for a legacy Vietnamese font name."""
    if not font:
        return None, False
    name = font.strip().lower()
    if name.startswith(".vn"):
        return TCVN3, name.endswith("h")
    if name.startswith("vni-") or name.startswith("vni "):
        return VNI, False
    return None, False


class _Reader:
    def __init__(self, path: Path) -> None:
        self.doc = Document(str(path))
        self.images: list[tuple[str, bytes, str]] = []
        self.findings: list[Finding] = []
        self.legacy_fonts: set[str] = set()

    def _run_font(self, run: Run, paragraph: Paragraph) -> str | None:
        r_pr = run._r.rPr
        fonts = r_pr.find(qn("w:rFonts")) if r_pr is not None else None
        if fonts is not None and fonts.get(qn("w:ascii")):
            return fonts.get(qn("w:ascii"))
        style = paragraph.style
        while style is not None:
            if style.font.name:
                return style.font.name
            style = style.base_style
        return None

    def _runs(self, paragraph: Paragraph) -> tuple[tuple[BodyRun, ...], list[str]]:
        """(the paragraph's runs, tidied; image placeholders found in it)."""
        runs: list[BodyRun] = []
        placeholders: list[str] = []
        for child in paragraph._p.iterchildren():
            if child.tag == _W_R:
                word_runs = [child]
            elif child.tag in (_W_INS, _W_HYPERLINK):
                word_runs = [r for r in child.iterchildren(_W_R)]
            else:
                continue  # w:del (deleted text), comment marks, bookmarks…
            for r in word_runs:
                run = Run(r, paragraph)
                for blip in r.iter(_BLIP):
                    placeholders.append(self._image(blip.get(_EMBED)))
                text = run_text(r)
                if not text:
                    continue
                charmap, upper = _legacy(self._run_font(run, paragraph))
                if charmap is not None:
                    self.legacy_fonts.add(self._run_font(run, paragraph) or "")
                    text = convert(text, charmap)  # type: ignore[arg-type]
                    text = text.upper() if upper else text
                runs.append(BodyRun(text, bool(run.bold), bool(run.italic)))
        return clean_runs(runs, breaks=False), placeholders

    def _image(self, r_id: str | None) -> str:
        placeholder = f"__docx_image_{len(self.images)}__"
        try:
            part = self.doc.part.related_parts[r_id]
            self.images.append((placeholder, part.blob, Path(str(part.partname)).name))
        except (KeyError, AttributeError):
            self.findings.append(Finding("image-unreadable", "Một ảnh trong tệp Word không đọc được, đã bỏ qua."))
            return ""
        return placeholder

    def _list_kind(self, paragraph: Paragraph) -> str | None:
        name = (paragraph.style.name if paragraph.style is not None else "") or ""
        if name.startswith("List Number"):
            return "ordered"
        if name.startswith("List Bullet"):
            return "bullet"
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.find(qn("w:numPr")) is not None:
            return self._numbering_kind(p_pr.find(qn("w:numPr")))
        return None

    def _numbering_kind(self, num_pr) -> str:  # type: ignore[no-untyped-def]
        try:
            num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
            numbering = self.doc.part.numbering_part.element
            num = next(n for n in numbering.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == num_id)
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            abstract = next(
                a for a in numbering.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
            )
            fmt = abstract.find(qn("w:lvl")).find(qn("w:numFmt")).get(qn("w:val"))
            return "bullet" if fmt == "bullet" else "ordered"
        except (StopIteration, AttributeError, NotImplementedError):
            return "bullet"

    def _table(self, tbl) -> Table | None:  # type: ignore[no-untyped-def]
        rows: list[tuple[tuple[BodyRun, ...], ...]] = []
        for tr in tbl.iterchildren(qn("w:tr")):
            cells = []
            for tc in tr.iterchildren(qn("w:tc")):
                parts: list[BodyRun] = []
                for p in tc.iterchildren(_W_P):
                    runs = self._runs(Paragraph(p, self.doc._body))[0]
                    if runs and parts:
                        parts.append(BodyRun(" "))
                    parts += runs
                cells.append(clean_runs(parts, breaks=False))
            rows.append(tuple(cells))
        if not rows:
            return None
        width = max(len(r) for r in rows)
        rows = [r + ((),) * (width - len(r)) for r in rows]
        return Table(rows[0], tuple(rows[1:]))

    def read(self) -> ParsedText:
        title, sapo = "", ""
        blocks: list[Block] = []
        items: list[ListItem] = []
        list_open: str | None = None

        def close_list() -> None:
            nonlocal list_open
            if items:
                blocks.append(ListBlock(list_open == "ordered", tuple(items)))
                items.clear()
            list_open = None

        for element in self.doc.element.body.iterchildren():
            if element.tag == _W_TBL:
                close_list()
                table = self._table(element)
                if table is not None:
                    blocks.append(table)
                continue
            if element.tag != _W_P:
                continue
            paragraph = Paragraph(element, self.doc._body)
            runs, images = self._runs(paragraph)
            style = (paragraph.style.name if paragraph.style is not None else "") or "Normal"
            if images:
                close_list()
            for placeholder in images:
                if placeholder:
                    blocks.append(Figure(placeholder, ""))
            if not runs:
                continue
            plain = "".join(r.text for r in runs)
            kind = self._list_kind(paragraph)
            if kind is not None and not style.startswith(("Heading", "Title", "Subtitle", "Caption")):
                if list_open != kind:
                    close_list()
                    list_open = kind
                items.append(ListItem(runs))
                continue
            close_list()
            if style == "Title" and not title:
                title = plain
            elif style == "Subtitle" and not sapo:
                sapo = plain
            elif style.startswith("Heading"):
                level = int(style.split()[-1]) if style.split()[-1].isdigit() else 2
                if level == 1 and not title and not blocks:
                    title = plain
                else:
                    blocks.append(Heading(3 if level >= 3 else 2, runs))
            elif style == "Caption" and blocks and isinstance(blocks[-1], Figure) and not blocks[-1].caption:
                blocks[-1] = Figure(blocks[-1].asset, plain)
            elif style in ("Quote", "Intense Quote"):
                blocks.append(Quote((runs,)))
            else:
                blocks.append(BodyParagraph(runs))
        close_list()
        if not title:
            first = next((i for i, b in enumerate(blocks) if isinstance(b, BodyParagraph)), None)
            first_text = block_text(blocks[first]) if first is not None else ""
            if first is not None and _headline_shaped(first_text) and len(blocks) > first + 1:
                title = first_text  # a short first line without a full stop: the headline
                del blocks[first]
            else:
                self.findings.append(title_needed())
        if self.legacy_fonts:
            fonts = ", ".join(sorted(self.legacy_fonts))
            self.findings.insert(0, Finding("legacy-encoding", f"Chữ trong phông cũ ({fonts}) đã chuyển sang Unicode."))
        body = blocks_to_body(blocks)
        # the same proofing as every other importer: case flips, tone styles, spacing, quotes
        article_text = "\n".join([title, sapo, body_to_plain(body)])
        self.findings += proof_findings(article_text)
        draft = ArticleDraft(title=title, sapo=sapo, body=body, findings=self.findings)
        draft.images = self.images
        return ParsedText(draft, self.findings)


def _headline_shaped(text: str) -> bool:
    return 0 < len(text) <= MAX_TITLE and not text.endswith((".", ":", ";", ",")) and len(text.split()) >= 2


def read_docx(path: Path) -> ParsedText:
    check_package(path)
    try:
        parsed = _Reader(path).read()
    except DocxProblem:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged package (parts missing or wrong)
        raise DocxProblem(f"tệp DOCX hỏng hoặc không đọc được ({type(exc).__name__}: {exc})") from exc
    if not parsed.draft.body and not parsed.draft.sapo:
        raise DocxProblem("tệp Word rỗng, không có nội dung")
    return parsed
