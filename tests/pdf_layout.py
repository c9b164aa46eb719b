"""Measures of a laid-out PDF as a prepress operator would take them, from the words' boxes
(``pdftotext -bbox-layout``) and the pages' TrimBox: empty pages in a row, how far down the text
block each page is filled, baseline alignment of two-column pages, column bottoms, word spaces,
and lines that overlap. Used by the tests and by ``benchmarks/layout_audit.py``."""

from __future__ import annotations

import itertools
import re
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from pypdf import PdfReader

_NS = {"x": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float  # top (pdftotext: from the top of the media box)
    x1: float
    y1: float  # bottom: the box's lower edge, a constant distance below the baseline per font size
    words: tuple[tuple[float, float, str], ...]  # (x0, x1, text)

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def text(self) -> str:
        return " ".join(w[2] for w in self.words)


@dataclass
class Page:
    number: int
    width: float
    height: float
    trim: tuple[float, float, float, float]  # x0, top, x1, bottom in pdftotext's coordinates
    lines: list[Line] = field(default_factory=list)
    blocks: list[list[Line]] = field(default_factory=list)


def read_pages(pdf: Path) -> list[Page]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
    reader = PdfReader(str(pdf))
    pages: list[Page] = []
    for n, (node, pdf_page) in enumerate(zip(root.iterfind(".//x:page", _NS), reader.pages, strict=True), 1):
        height = float(node.get("height", 0))
        trim = pdf_page.trimbox
        page = Page(
            n,
            float(node.get("width", 0)),
            height,
            (float(trim.left), height - float(trim.top), float(trim.right), height - float(trim.bottom)),
        )
        for block in node.iterfind(".//x:block", _NS):
            lines = []
            for line in block.iterfind("x:line", _NS):
                words = tuple(
                    (float(w.get("xMin", 0)), float(w.get("xMax", 0)), w.text or "")
                    for w in line.iterfind("x:word", _NS)
                )
                if words:
                    lines.append(
                        Line(
                            float(line.get("xMin", 0)),
                            float(line.get("yMin", 0)),
                            float(line.get("xMax", 0)),
                            float(line.get("yMax", 0)),
                            words,
                        )
                    )
            page.blocks.append(lines)
            page.lines += lines
        pages.append(page)
    return pages


@dataclass(frozen=True)
class TextArea:
    """The theme's text block, in mm from the trim edges (facing pages: inner/outer margins)."""

    top_mm: float
    bottom_mm: float
    inner_mm: float
    outer_mm: float

    def of(self, page: Page) -> tuple[float, float, float, float]:
        mm = 72 / 25.4
        x0, top, x1, bottom = page.trim
        left, right = (self.inner_mm, self.outer_mm) if page.number % 2 else (self.outer_mm, self.inner_mm)
        return x0 + left * mm, top + self.top_mm * mm, x1 - right * mm, bottom - self.bottom_mm * mm


def body_lines(page: Page, area: TextArea) -> list[Line]:
    """Lines inside the text block (not the running heads and page numbers in the margins)."""
    _x0, top, _x1, bottom = area.of(page)
    return [ln for ln in page.lines if ln.y0 >= top - 2 and ln.y1 <= bottom + 4]


def fill(page: Page, area: TextArea) -> float:
    """How far down the text block the page's text reaches (0: empty, 1: to the bottom)."""
    lines = body_lines(page, area)
    _x0, top, _x1, bottom = area.of(page)
    if not lines:
        return 0.0
    return max(0.0, min(1.0, (max(ln.y1 for ln in lines) - top) / (bottom - top)))


def empty_runs(pages: list[Page], area: TextArea) -> int:
    """The longest run of pages with nothing in the text block."""
    longest = run = 0
    for page in pages:
        run = run + 1 if not body_lines(page, area) else 0
        longest = max(longest, run)
    return longest


def _body_height(lines: list[Line]) -> float:
    """The line height of running text: the most common one."""
    heights = [round(ln.height, 1) for ln in lines]
    return statistics.mode(heights) if heights else 0.0


@dataclass(frozen=True)
class TwoColumns:
    page: int
    left: list[Line]
    right: list[Line]

    @property
    def aligned(self) -> int:
        """Left-column body lines that share a baseline (within 0.5 pt) with a right-column line."""
        rights = [ln.y1 for ln in self.right]
        return sum(1 for ln in self.left if any(abs(ln.y1 - y) < 0.5 for y in rights))


def two_column_pages(pages: list[Page], area: TextArea, min_lines: int = 15) -> list[TwoColumns]:
    """Pages whose text block holds two columns of running text, each at least ``min_lines`` long:
    their body-size lines split at the middle of the text block."""
    out = []
    for page in pages:
        lines = body_lines(page, area)
        height = _body_height(lines)
        x0, _, x1, _ = area.of(page)
        middle = (x0 + x1) / 2
        body = [ln for ln in lines if abs(ln.height - height) < 0.3 and ln.x1 - ln.x0 < (x1 - x0) * 0.6]
        left = [ln for ln in body if ln.x1 < middle]
        right = [ln for ln in body if ln.x0 > middle]
        if len(left) >= min_lines and len(right) >= min_lines:
            out.append(TwoColumns(page.number, left, right))
    return out


def column_bottoms(pages: list[Page], area: TextArea, reach: float = 30.0) -> list[tuple[int, float]]:
    """(page, |left bottom − right bottom|) on two-column pages whose running text continues on
    the next page: a column's last line within ``reach`` pt of the text block's foot, and the next
    page opening with a line of running text (not a headline)."""
    out = []
    for columns in two_column_pages(pages, area, min_lines=5):
        _, _, _, foot = area.of(pages[columns.page - 1])
        left = max(ln.y1 for ln in columns.left)
        right = max(ln.y1 for ln in columns.right)
        if max(left, right) < foot - reach or columns.page >= len(pages):
            continue
        following = body_lines(pages[columns.page], area)
        height = _body_height([*columns.left, *columns.right])
        if following and abs(min(following, key=lambda ln: ln.y0).height - height) < 0.3:
            out.append((columns.page, abs(left - right)))
    return out


def widest_word_space(pages: list[Page], area: TextArea, size: float) -> float:
    """The widest space between two words on a justified line (every line of a block but its
    last), in multiples of the body's font size."""
    widest = 0.0
    for page in pages:
        top_lines = set(map(id, body_lines(page, area)))
        for block in page.blocks:
            for line in block[:-1]:
                if id(line) not in top_lines:
                    continue
                for (_, end, _), (start, _, _) in zip(line.words, line.words[1:], strict=False):
                    widest = max(widest, (start - end) / size)
    return widest


def overlaps(page: Page, tolerance: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of lines printed over each other: the middle half of their boxes (a font's ascent and
    descent may overlap the next line's by design; its letters' bodies never) overlapping by more
    than ``tolerance`` pt both ways."""

    def band(line: Line) -> tuple[float, float]:
        return line.y0 + line.height * 0.25, line.y1 - line.height * 0.25

    found = []
    lines = sorted(page.lines, key=lambda ln: band(ln)[0])
    for i, a in enumerate(lines):
        a0, a1 = band(a)
        for b in lines[i + 1 :]:
            b0, b1 = band(b)
            if b0 > a1 - tolerance:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a1, b1) - max(a0, b0) > tolerance:
                found.append((a.text, b.text))
    return found


def broken_codes(pages: list[Page]) -> list[tuple[int, str]]:
    """(page, code) for every document code or number range split across two lines: a line that
    ends in the middle of one ("06/2020/QĐ-" | "TTg")."""
    from bulletin_app.text.codes import TOKEN, is_code

    found = []
    for page in pages:
        for block in page.blocks:
            for line, following in itertools.pairwise(block):
                end, start = line.words[-1][2], following.words[0][2]
                if end[-1:] in ("-", "/", "–") and end[:-1]:
                    joined = end + start
                    match = TOKEN.search(joined)
                    if match and is_code(match.group(0)) and match.start() < len(end) < match.end():
                        found.append((page.number, joined))
    return found
