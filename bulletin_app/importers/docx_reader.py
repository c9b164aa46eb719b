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
from bulletin_app.domain.body import body_to_plain, escape_text
from bulletin_app.domain.findings import Finding
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.web_text import MAX_TITLE, ParsedText, first_sentence
from bulletin_app.text import clean_line

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a real article with photos is far below this
MAX_RATIO = 200  # compression ratio of a zip bomb, not of XML or JPEG
_W_R, _W_INS, _W_DEL, _W_HYPERLINK = qn("w:r"), qn("w:ins"), qn("w:del"), qn("w:hyperlink")
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

    def _runs(self, paragraph: Paragraph) -> tuple[str, list[str]]:
        """(markdown of the paragraph's text, image placeholders found in it)."""
        parts: list[str] = []
        placeholders: list[str] = []
        for child in paragraph._p.iterchildren():
            if child.tag == _W_R:
                runs = [child]
            elif child.tag in (_W_INS, _W_HYPERLINK):
                runs = [r for r in child.iterchildren(_W_R)]
            else:
                continue  # w:del (deleted text), comment marks, bookmarks…
            for r in runs:
                run = Run(r, paragraph)
                for blip in r.iter(_BLIP):
                    placeholders.append(self._image(blip.get(_EMBED)))
                text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                text += "" if not r.findall(qn("w:tab")) else " "
                if not text:
                    continue
                charmap, upper = _legacy(self._run_font(run, paragraph))
                if charmap is not None:
                    self.legacy_fonts.add(self._run_font(run, paragraph) or "")
                    text = convert(text, charmap)  # type: ignore[arg-type]
                    text = text.upper() if upper else text
                text = escape_text(text)
                if run.bold and text.strip():
                    text = f"**{text}**"
                if run.italic and text.strip():
                    text = f"*{text}*"
                parts.append(text)
        return clean_line("".join(parts)).replace("** **", " "), placeholders

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

    def _table(self, tbl) -> str:  # type: ignore[no-untyped-def]
        rows: list[list[str]] = []
        for tr in tbl.iterchildren(qn("w:tr")):
            cells = []
            for tc in tr.iterchildren(qn("w:tc")):
                texts = [self._runs(Paragraph(p, self.doc._body))[0] for p in tc.iterchildren(_W_P)]
                cells.append(" ".join(t for t in texts if t).replace("|", "\\\\|") or " ")
            rows.append(cells)
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [" "] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)

    def read(self, fallback_title: str) -> ParsedText:
        title, sapo = "", ""
        blocks: list[str] = []
        list_open: str | None = None
        number = 0
        for element in self.doc.element.body.iterchildren():
            if element.tag == _W_TBL:
                blocks.append(self._table(element))
                list_open = None
                continue
            if element.tag != _W_P:
                continue
            paragraph = Paragraph(element, self.doc._body)
            text, images = self._runs(paragraph)
            style = (paragraph.style.name if paragraph.style is not None else "") or "Normal"
            for placeholder in images:
                if placeholder:
                    blocks.append(f"![](asset:{placeholder})")
            if not text:
                continue
            plain = text.replace("**", "").replace("*", "").replace("\\", "")
            kind = self._list_kind(paragraph)
            if style == "Title" and not title:
                title = plain
            elif style == "Subtitle" and not sapo:
                sapo = plain
            elif style.startswith("Heading"):
                level = int(style.split()[-1]) if style.split()[-1].isdigit() else 2
                if level == 1 and not title and not blocks:
                    title = plain
                else:
                    blocks.append(("### " if level >= 3 else "## ") + text)
            elif style in ("Caption",) and blocks and blocks[-1].startswith("![]("):
                blocks[-1] = blocks[-1].replace("![](", f"![{text.replace('**', '')}](", 1)
            elif style in ("Quote", "Intense Quote"):
                blocks.append("> " + text)
            elif kind is not None:
                number = number + 1 if list_open == kind else 1
                marker = f"{number}." if kind == "ordered" else "-"
                item = f"{marker} {text}"
                if list_open == kind and blocks:
                    blocks[-1] += "\n" + item
                else:
                    blocks.append(item)
                list_open = kind
                continue
            else:
                blocks.append(text)
            list_open = None
        if not title:
            first_text = next((b for b in blocks if not b.startswith(("![", "|", "#", ">"))), "")
            plain_first = first_text.replace("**", "").replace("*", "").replace("\\", "")
            if plain_first and len(plain_first) <= MAX_TITLE and not plain_first.endswith("."):
                title = plain_first
                blocks.remove(first_text)
            elif plain_first:
                title = first_sentence(plain_first) or fallback_title
                self.findings.append(Finding("title-needed", f"Cần đặt tiêu đề: đề xuất “{title}”.", found=title))
            else:
                title = fallback_title
                self.findings.append(
                    Finding("title-needed", "Cần đặt tiêu đề: tệp Word không có tiêu đề.", found=title)
                )
        if self.legacy_fonts:
            fonts = ", ".join(sorted(self.legacy_fonts))
            self.findings.insert(0, Finding("legacy-encoding", f"Chữ trong phông cũ ({fonts}) đã chuyển sang Unicode."))
        body = "\n\n".join(b for b in blocks if b)
        # the same proofing as every other importer: case flips, tone styles, spacing, quotes
        article_text = "\n".join([title, sapo, body_to_plain(body)])
        self.findings += proof_findings(article_text)
        draft = ArticleDraft(title=title, sapo=sapo, body=body, findings=self.findings)
        draft.images = self.images
        return ParsedText(draft, self.findings)


def read_docx(path: Path, fallback_title: str | None = None) -> ParsedText:
    check_package(path)
    try:
        parsed = _Reader(path).read(fallback_title or path.stem)
    except DocxProblem:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged package (parts missing or wrong)
        raise DocxProblem(f"tệp DOCX hỏng hoặc không đọc được ({type(exc).__name__}: {exc})") from exc
    if not parsed.draft.body and not parsed.draft.sapo:
        raise DocxProblem("tệp Word rỗng, không có nội dung")
    return parsed
