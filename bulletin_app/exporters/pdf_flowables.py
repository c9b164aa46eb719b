"""Flowables the bulletin needs beyond reportlab's: anchors, contents lines, booklet padding.

Contents page numbers are drawn as form XObjects named after each entry's key. The
forms are referenced while the contents pages are laid out and defined once the whole
issue has been laid out (:class:`BulletinCanvas.save`), so exact page numbers cost no
second layout pass.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import ParagraphStyle

from bulletin_app.domain.body import Run
from bulletin_app.exporters.line_breaking import break_runs
from bulletin_app.exporters.markup import runs_markup


@dataclass
class LayoutState:
    """What the layout learns as it goes (read by headers, contents forms, preflight)."""

    page_of: dict[str, int] = field(default_factory=dict)
    toc_keys: list[str] = field(default_factory=list)
    current_section: str = ""
    section_started_on: dict[int, str] = field(default_factory=dict)
    number_font: str = ""
    number_size: float = 10.0
    number_color: Color = field(default_factory=lambda: CMYKColor(0, 0, 0, 1))
    blank_pages: list[int] = field(default_factory=list)
    added_pages: dict[int, str] = field(default_factory=dict)  # booklet padding: page → what it holds
    colophon_page: int | None = None  # where the colophon was printed (None: not yet)
    running_name: str = ""  # the bulletin's name in the language of the part being laid out
    running_started_on: dict[int, str] = field(default_factory=dict)

    def running_on(self, page: int) -> tuple[str, str]:
        """(bulletin name, section) for the running heads of ``page``: those in force as it began."""
        return (
            self.running_started_on.get(page, self.running_name),
            self.section_started_on.get(page, self.current_section),
        )


def form_name(key: str) -> str:
    return "pn_" + "".join(c if c.isalnum() else "_" for c in key)


class BulletinCanvas(Canvas):
    """A canvas that, before saving, defines the page-number forms the contents used."""

    def __init__(self, *args: object, state: LayoutState, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.state = state

    def save(self) -> None:
        state = self.state
        for key in state.toc_keys:
            self.beginForm(form_name(key), lowerx=-60, lowery=-5, upperx=0, uppery=20)
            self.setFont(state.number_font, state.number_size)
            self.setFillColor(state.number_color)
            self.drawRightString(0, 0, str(state.page_of.get(key, "")))
            self.endForm()
        super().save()


class Anchor(Flowable):
    """Zero-size mark: bookmark + outline entry + page record for a section or an article."""

    def __init__(self, key: str, title: str, level: int, state: LayoutState) -> None:
        super().__init__()
        self.key, self.title, self.level, self.state = key, title, level, state
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        page = canv.getPageNumber()
        canv.bookmarkHorizontal(self.key, 0, 0)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)
        self.state.page_of[self.key] = page
        if self.level == 0:
            self.state.current_section = self.title
            self.state.section_started_on.setdefault(page, self.title)


class Paragraph(_Paragraph):
    """reportlab's paragraph, its text marked with its language when its style names one: a
    ``/Span <</Lang (en-GB)>> BDC … EMC`` marked-content sequence (PDF 32000 §14.9.2), the
    place an untagged PDF can say that a passage is English inside a Vietnamese document.
    Split parts are of this class too (reportlab splits with ``self.__class__``)."""

    def draw(self) -> None:
        lang = getattr(self.style, "lang", None)
        if not lang:
            super().draw()
            return
        code = self.canv._code
        code.append(f"/Span <</Lang ({lang})>> BDC")
        super().draw()
        code.append("EMC")


@lru_cache(maxsize=4)
def _hyphenator(lang: str):  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang=lang)


@lru_cache(maxsize=32)
def _measurer(font: str, size: float) -> Callable[[str, bool, bool], float]:
    """Text widths in a face and size, remembered: running text repeats its words (Vietnamese
    syllables above all), and the line breaker measures every word of every paragraph."""
    faces = {(b, i): _face_measurer(tt2ps(font, b, i), size) for b in (False, True) for i in (False, True)}

    def measure(text: str, bold: bool, italic: bool) -> float:
        return faces[(bold, italic)](text)

    return measure


@lru_cache(maxsize=32)
def _face_measurer(face: str, size: float) -> Callable[[str], float]:
    """Widths of words in one registered face and size, remembered."""

    @lru_cache(maxsize=65536)
    def measure(text: str) -> float:
        return stringWidth(text, face, size)

    return measure


FOREIGN_WORD = 8  # letters: no Vietnamese syllable is this long ("nghiêng" has 7)


def _hyphenation(lang: str) -> Callable[[str], list[int]]:
    """Where a word may be hyphenated: English by its dictionary; in Vietnamese text (``lang``
    empty) never a Vietnamese syllable, but a long foreign name or word ("Innovations",
    "Gyeongsangbuk") by the English dictionary, so it does not leave a loose line."""
    if lang:
        return _hyphenator(lang).positions  # type: ignore[no-any-return]

    def foreign(word: str) -> list[int]:
        # the dictionary is loaded (~0.1 s) when a text first holds such a word, not for every issue
        return _hyphenator("en_GB").positions(word) if len(word) >= FOREIGN_WORD and word.isascii() else []

    return foreign


class BalancedParagraph(Paragraph):
    """A justified paragraph (running text in any language) whose lines are chosen for the whole paragraph at once
    (line_breaking.break_runs) for the width it is laid out in, instead of first-fit.

    Built from runs with :meth:`of`; the parts reportlab splits off at a column or page end
    are plain paragraphs of the lines already chosen."""

    balance: tuple[tuple[Run, ...], str, float] | None = None  # (runs, hyphenation language, space shrink)
    _broken_for: float | None = None
    link = ""

    @classmethod
    def of(cls, runs: tuple[Run, ...], style: ParagraphStyle, link: str) -> Paragraph:
        paragraph = cls(runs_markup(runs, link), style)
        paragraph.balance = (runs, style.hyphenationLang, style.spaceShrinkage)
        paragraph.link = link
        paragraph._fresh = True
        return paragraph

    _fresh = False  # as built from its runs, never wrapped: no need to parse its markup again

    def _restart(self, runs: tuple[Run, ...], base: ParagraphStyle) -> None:
        """Back to the runs' own markup in the paragraph's own style, before breaking it anew."""
        if self._fresh and self.style is base:
            self._fresh = False
            return
        self._fresh = False
        Paragraph.__init__(self, runs_markup(runs, self.link), base)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.balance is not None and availWidth != self._broken_for:
            runs, lang, shrink = self.balance
            style = self.style
            base = getattr(style, "unbalanced", style)

            measure = _measurer(base.fontName, base.fontSize)

            def widths(line: int) -> float:
                return availWidth - base.leftIndent - base.rightIndent - (base.firstLineIndent if line == 0 else 0)

            self._lines = None  # lines chosen for another width
            if not lang:
                # Vietnamese (never hyphenated): reportlab's first-fit lines are kept unless one of
                # them is loose; then the whole paragraph is broken again (most are not: cheap)
                self._restart(runs, base)
                size = super().wrap(availWidth, availHeight)
                if not _loose(self, measure(" ", False, False)):
                    if _plain(runs) and self.blPara.kind == 0:
                        # kept as chosen lines: the column trials' wraps and splits reuse them
                        self._lines = [list(words) for _, words in self.blPara.lines]
                    self.balance, self._broken_for = (runs, lang, shrink), availWidth
                    return size
            # a little less shrink than reportlab allows, so its own fitting never breaks a chosen line again
            broken = break_runs(runs, widths, measure, _hyphenation(lang), shrink * 0.9)
            if broken is None:
                self._restart(runs, base)
            elif _plain(runs):
                # One style throughout (most paragraphs): the chosen lines are handed to reportlab
                # as its own line structure (breakLines below); "<br/>" markup would send it down
                # its slow path for mixed styles, six times slower.
                self._restart(runs, base)
                self._lines = [line.split(" ") for line in "".join(r.text for r in broken).split("\n")]
            else:
                justified = base.clone(f"{base.name}-balanced", justifyBreaks=1)
                justified.unbalanced = base
                Paragraph.__init__(self, runs_markup(broken, self.link), justified)
            self.balance, self._broken_for = (runs, lang, shrink), availWidth
        return super().wrap(availWidth, availHeight)

    _lines: list[list[str]] | None = None  # the chosen lines' words, when reportlab takes them as they are

    _memo: tuple[object, tuple[float, ...], object] | None = None  # (frags, widths, lines) of the last break

    def breakLines(self, width):  # type: ignore[no-untyped-def]
        if self._lines is None:
            # A paragraph is wrapped again and again at the same width (column trials, balancing,
            # the frame's placing, drawing): its first-fit lines are kept while its text and the
            # widths are the same. Single-style lines only (reportlab never changes those after).
            key = tuple(width) if isinstance(width, (list, tuple)) else (width,)
            memo = self._memo
            if memo is not None and memo[0] is self.frags and memo[1] == key:
                return memo[2]
            lines = super().breakLines(width)
            if lines.kind == 0:
                self._memo = (self.frags, key, lines)
            return lines
        widths = width if isinstance(width, (list, tuple)) else [width]
        frag = self.frags[0]
        measure = _face_measurer(frag.fontName, frag.fontSize)
        space = measure(" ")
        lines = []
        for n, words in enumerate(self._lines):
            used = sum(map(measure, words)) + space * (len(words) - 1)
            lines.append((widths[min(n, len(widths) - 1)] - used, list(words)))
        ascent, descent = getAscentDescent(frag.fontName, frag.fontSize)
        return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=frag.fontSize)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._lines is None:
            return super().split(availWidth, availHeight)
        self.wrap(availWidth, availHeight)
        lines, leading = self._lines, self.style.leading
        fit = int((availHeight + 1e-6) // leading)
        if len(lines) - fit == 1 and not self.style.allowWidows:
            fit -= 1  # never one line alone at the top of the next column
        if fit < 2 and not self.style.allowOrphans:
            return []  # nor one alone at the foot of this one
        if fit >= len(lines):
            return [self]
        head = self.style.clone(f"{self.style.name}-head", justifyLastLine=1)
        tail = self.style.clone(f"{self.style.name}-tail", firstLineIndent=0, spaceBefore=0)
        return [_fixed(lines[:fit], self, head), _fixed(lines[fit:], self, tail)]


def _plain(runs: tuple[Run, ...]) -> bool:
    """Runs of one style and no link: reportlab sets them as a single fragment."""
    return len({(r.bold, r.italic) for r in runs}) == 1 and not any(r.href for r in runs)


def _fixed(lines: list[list[str]], source: BalancedParagraph, style: ParagraphStyle) -> BalancedParagraph:
    """A part of ``source`` holding ``lines`` as they were chosen (a column or page split)."""
    text = " ".join(" ".join(words) for words in lines)
    part = BalancedParagraph(None, style, frags=[source.frags[0].clone(text=text)])  # no markup to parse
    part.link, part._lines = source.link, lines
    return part


LOOSE = 3.0  # a justified line whose word spaces stretch past this many spaces is loose


def _loose(paragraph: _Paragraph, space: float) -> bool:
    """Whether a justified line of ``paragraph`` (just wrapped; its last line aside) spreads its
    word spaces past ``LOOSE`` times their natural width."""
    lines = paragraph.blPara.lines
    for line in lines[:-1]:
        if isinstance(line, tuple):
            extra, gaps = line[0], len(line[1]) - 1
        else:
            extra, gaps = line.extraSpace, max(0, getattr(line, "wordCount", 0) - 1)
        if gaps > 0 and space + extra / gaps > LOOSE * space:
            return True
    return False


class PartStart(Flowable):
    """Zero-size mark where a part begins: its running heads (name, section) take over."""

    def __init__(self, running_name: str, section: str, state: LayoutState) -> None:
        super().__init__()
        self.running_name, self.section, self.state = running_name, section, state
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        self.state.running_name = self.running_name
        self.state.current_section = self.section
        self.state.running_started_on.setdefault(page, self.running_name)
        self.state.section_started_on.setdefault(page, self.section)


@dataclass(frozen=True)
class Thumbnail:
    """A picture drawn cropped to a box (a contents teaser's): ``draw(canv, x, y, w, h)``."""

    path: str
    width_px: int
    height_px: int

    def draw(self, canv: Canvas, x: float, y: float, w: float, h: float) -> None:
        scale = max(w / self.width_px, h / self.height_px)  # cover the box, crop the excess
        dw, dh = self.width_px * scale, self.height_px * scale
        canv.saveState()
        path = canv.beginPath()
        path.rect(x, y, w, h)
        canv.clipPath(path, stroke=0, fill=0)
        canv.drawImage(self.path, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh)
        canv.restoreState()


class TocEntry(Flowable):
    """One entry of the contents: title, dot leaders, page number (a form filled later), link;
    an article's may carry a teaser (its sapo's first sentence) and a thumbnail of its first
    picture, left of the text."""

    NUMBER_WIDTH = 28.0
    THUMB_W, THUMB_H, THUMB_GAP = 30 * 72 / 25.4, 20 * 72 / 25.4, 8.0

    def __init__(
        self,
        text: str,
        key: str,
        style: ParagraphStyle,
        state: LayoutState,
        summary: _Paragraph | None = None,
        thumb: Thumbnail | None = None,
        thumb_column: bool = False,
    ) -> None:
        super().__init__()
        self.key, self.style, self.state = key, style, state
        self.para = _Paragraph(text, style)
        # thumb_column: the text stands right of the thumbnails' column, with or without one
        self.summary, self.thumb, self.thumb_column = summary, thumb, thumb_column or thumb is not None
        if key not in state.toc_keys:  # the plain and the rich entry of one line share its number
            state.toc_keys.append(key)

    def _text_x(self) -> float:
        return self.THUMB_W + self.THUMB_GAP if self.thumb_column else 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        text_w = aW - self._text_x()
        self._title_h = self.para.wrap(text_w - self.NUMBER_WIDTH, aH)[1]
        self._summary_h = self.summary.wrap(text_w - self.NUMBER_WIDTH, aH)[1] if self.summary else 0.0
        self.height = max(self._title_h + self._summary_h, self.THUMB_H if self.thumb else 0.0)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.summary.style.spaceAfter if self.summary else self.style.spaceAfter

    def draw(self) -> None:
        canv, style = self.canv, self.style
        x = self._text_x()
        top = self.height
        if self.thumb is not None:
            self.thumb.draw(canv, 0, top - self.THUMB_H, self.THUMB_W, self.THUMB_H)
        self.para.drawOn(canv, x, top - self._title_h)
        lines = self.para.blPara.lines
        last = lines[-1]
        extra = last[0] if isinstance(last, tuple) else last.extraSpace
        text_end = x + style.leftIndent + (self.width - x - self.NUMBER_WIDTH - style.leftIndent - style.rightIndent)
        text_end -= extra
        baseline = top - style.fontSize - (len(lines) - 1) * style.leading
        dots_from, dots_to = text_end + 4, self.width - self.NUMBER_WIDTH + 4
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(self.state.number_color)
        dot = canv.stringWidth(". ", style.fontName, style.fontSize)
        if dots_to - dots_from > dot * 2:
            count = int((dots_to - dots_from) / dot)
            canv.drawRightString(dots_to, baseline, ". " * count)
        canv.translate(self.width, baseline)
        canv.doForm(form_name(self.key))
        canv.restoreState()
        if self.summary is not None:  # after the number: the line reads title … page, then the teaser
            self.summary.drawOn(canv, x, top - self._title_h - self._summary_h)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class Contents(Flowable):
    """The contents' entries set to fill their page: with teasers and thumbnails when those fit
    on the page (``rich``), the plain lines otherwise (``plain``, which may run on); the space
    left is shared between the entries, up to ``max_gap`` each."""

    def __init__(self, rich: list[TocEntry], plain: list[TocEntry], max_gap: float) -> None:
        super().__init__()
        self.rich, self.plain, self.max_gap = rich, plain, max_gap
        self._entries: list[TocEntry] = plain
        self._gaps: list[float] = []

    def _measure(self, entries: list[TocEntry], aW: float, aH: float) -> float:
        heights = [e.wrap(aW, aH)[1] for e in entries]
        spaces = [e.getSpaceBefore() if n else 0.0 for n, e in enumerate(entries)]
        spaces = [b + (entries[n - 1].getSpaceAfter() if n else 0.0) for n, b in enumerate(spaces)]
        self._gaps = spaces
        return sum(heights) + sum(spaces)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        total = self._measure(self.rich, aW, aH)
        self._entries = self.rich
        if total > aH:
            total = self._measure(self.plain, aW, aH)
            self._entries = self.plain
        if total <= aH and len(self._entries) > 1:
            extra = min(self.max_gap, (aH - total) / (len(self._entries) - 1))
            self._gaps = [g + (extra if n else 0.0) for n, g in enumerate(self._gaps)]
            total += extra * (len(self._entries) - 1)
        self.height = total
        return aW, total

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self._measure(self.plain, aW, aH)
        used, taken = 0.0, 0
        for entry, gap in zip(self.plain, self._gaps, strict=True):
            h = entry.wrap(aW, aH)[1]
            if used + gap + h > aH:
                break
            used += gap + h
            taken += 1
        if taken == 0:
            return []
        return [
            Contents(self.plain[:taken], self.plain[:taken], 0.0),
            Contents(self.plain[taken:], self.plain[taken:], 0.0),
        ]

    def draw(self) -> None:
        y = self.height
        for entry, gap in zip(self._entries, self._gaps, strict=True):
            h = entry.wrap(self.width, self.height)[1]
            y -= gap + h
            entry.drawOn(self.canv, 0, y)


class PageMarker(Flowable):
    """Zero-size flowable that makes a page exist: a deliberate blank page, or a page of booklet
    padding of ``kind`` (its template draws it), recorded in ``state.added_pages``."""

    def __init__(self, state: LayoutState | None = None, kind: str | None = None) -> None:
        super().__init__()
        self.state, self.kind = state, kind
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.state is None:
            return
        page = self.canv.getPageNumber()
        if self.kind in (None, "blank"):
            self.state.blank_pages.append(page)
        if self.kind is not None:
            self.state.added_pages[page] = self.kind


class PadToMultiple(Flowable):
    """Booklet padding: pages so that the pages, back cover included, are a multiple of ``n``.

    Decided during layout, where the current page number is known. The pages are designed, never
    a run of blanks: the last is the back cover, the one before it a notes page, the one before
    that a page of the issue's photographs (blank when the issue has none), and so on
    alternately; ``kinds`` names them in that order from the back.
    """

    KINDS = ("back", "notes", "photos", "notes")

    def __init__(self, n: int, state: LayoutState, has_photos: bool = False, designed: bool = True) -> None:
        super().__init__()
        # designed=False: plain blank pages (a left-hand page before a part that opens on the right)
        self.n, self.state, self.has_photos, self.designed = n, state, has_photos, designed
        self.width = self.height = 0
        self._added = False

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        if not self._added:
            self._added = True
            page = self._doctemplateAttr("page") or 1
            pad = (-page) % self.n
            content: list[Flowable] = []
            if not self.designed:
                for _ in range(pad):
                    content += [PageBreak(), PageMarker(self.state)]
                pad = 0
            elif pad == 0 and self.state.colophon_page is None:
                pad = self.n  # the colophon did not fit on the last page: the back cover carries it
            kinds = [k if k != "photos" or self.has_photos else "blank" for k in self.KINDS[:pad]][::-1]
            for kind in kinds:
                content += [NextPageTemplate(kind), PageBreak(), PageMarker(self.state, kind)]
            if content:
                self._doctemplateAttr("frame").add_generated_content(*content)
        return 0, 0

    def draw(self) -> None:
        return None


class AtFoot(Flowable):
    """A block set at the foot of the text block of the page the story has reached (the colophon
    under the last article), when it fits there with a line of the grid above it. When it does
    not, ``elsewhere`` says what happens: "next page" (at the foot of a new page) or "later" (it
    is drawn by the back cover, which reads ``state.colophon_page``)."""

    def __init__(self, content: Flowable, state: LayoutState, gap: float, elsewhere: str) -> None:
        super().__init__()
        self.content, self.state, self.gap, self.elsewhere = content, state, gap, elsewhere
        self._fits = False
        self._moved = False

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        _, h = self.content.wrap(aW, aH)
        self.width = aW
        self._fits = h + self.gap <= aH
        if self._fits:
            # all but a hair of the room left: a frame with none left takes no more flowables,
            # not even the zero-height padding that follows
            self.height = max(h, aH - 0.5)
            return aW, self.height
        if self.elsewhere == "next page" and not self._moved:
            self._moved = True
            self._doctemplateAttr("frame").add_generated_content(
                PageBreak(), AtFoot(self.content, self.state, 0.0, "next page")
            )
        self.height = 0
        return aW, 0

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if not self._fits:
            return
        _, _h = self.content.wrap(self.width, self.height)
        self.content.drawOn(self.canv, 0, 0)
        self.state.colophon_page = self.canv.getPageNumber()


class ColophonBox(Flowable):
    """The colophon: the bulletin's name over a rule, then each language's lines, side by side
    when there are two."""

    def __init__(self, name: Flowable, blocks: list[list[Flowable]], gap: float, rule: Color) -> None:
        super().__init__()
        self.name, self.blocks, self.gap, self.rule = name, blocks, gap, rule
        self._heights: list[list[float]] = []

    def _column_width(self, aW: float) -> float:
        n = max(1, len(self.blocks))
        return (aW - self.gap * (n - 1)) / n

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self._name_h = self.name.wrap(aW, aH)[1]
        cw = self._column_width(aW)
        self._heights = [[p.wrap(cw, aH)[1] + p.getSpaceAfter() for p in block] for block in self.blocks]
        self.height = self._name_h + 6 + max((sum(h) for h in self._heights), default=0)
        return aW, self.height

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        self.name.drawOn(canv, 0, top - self._name_h)
        top -= self._name_h + 3
        canv.saveState()
        canv.setStrokeColor(self.rule)
        canv.setLineWidth(0.8)
        canv.line(0, top, self.width, top)
        canv.restoreState()
        top -= 3
        cw = self._column_width(self.width)
        for n, (block, heights) in enumerate(zip(self.blocks, self._heights, strict=True)):
            y = top
            for paragraph, h in zip(block, heights, strict=True):
                paragraph.wrap(cw, h)
                y -= h
                paragraph.drawOn(canv, n * (cw + self.gap), y + paragraph.getSpaceAfter())


class Unbreakable(Flowable):
    """Flowables stacked and kept together (a picture with its caption)."""

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self.content = content
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._sizes = [f.wrap(aW, aH) for f in self.content]
        self.width = aW
        self.height = sum(h for _, h in self._sizes)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        y = self.height
        for flowable, (w, h) in zip(self.content, self._sizes, strict=True):
            y -= h
            align = getattr(flowable, "hAlign", "LEFT")
            x = (self.width - w) / 2 if align == "CENTER" else 0
            flowable.drawOn(self.canv, x, y)


Placed = tuple[Flowable, float, float, float]  # (flowable, space before, height, slot: what it takes)


class Columns(Flowable):
    """Body text in ``n`` balanced columns that continue across pages, on a baseline grid.

    Running text's lines are ``grid`` apart; everything else in a column (a heading, a picture
    and its caption, a table, the spaces around them) takes whole lines of the grid, its
    extra space above it, so every column's text lines stand on the same baselines. A heading
    is never a column's last line (it moves to the next column with its text), and a picture
    that does not fit at a column's foot lets the running text after it fill the column
    first. On a page it cannot fill, the columns are balanced to the fewest lines that hold
    everything (a binary search on whole lines); heights of whole flowables are cached per
    column width, so each trial only re-splits the few flowables that straddle a column
    boundary (reportlab's own BalancedColumns re-wraps everything on every trial).
    """

    def __init__(self, content: list[Flowable], n: int, gap: float, full_height: float, grid: float) -> None:
        super().__init__()
        self.content, self.n, self.gap, self.grid = content, n, gap, grid
        # Only a whole empty page may take a flowable taller than a column (else: next page).
        self.full_height = full_height
        self._originals = {id(f) for f in content}
        self._heights: dict[int, float] = {}
        self._placed: list[list[Placed]] = []

    def _height(self, f: Flowable, width: float, avail: float) -> float:
        # Only the original flowables are cached: they live as long as we do, while split
        # parts are short-lived and Python reuses their ids.
        key = id(f)
        if key not in self._originals:
            return f.wrap(width, avail)[1]
        if key not in self._heights:
            self._heights[key] = f.wrap(width, avail)[1]
        return self._heights[key]

    def _slot(self, before: float, h: float, after: float) -> float:
        """Whole lines of the grid for a flowable of height ``h`` and its spaces."""
        return math.ceil((before + h + after) / self.grid - 0.02) * self.grid

    def _fill(self, width: float, height: float, splits: bool = True):  # type: ignore[no-untyped-def]
        """Fill n columns of ``height``: (placed columns, leftover flowables)."""
        queue = list(self.content)
        columns: list[list[Placed]] = []
        whole_page = height >= self.full_height - 1
        for _ in range(self.n):
            column: list[Placed] = []
            used = 0.0
            while queue:
                f = queue[0]
                before = f.getSpaceBefore() if column else 0.0
                h = self._height(f, width, height)
                slot = self._slot(before, h, f.getSpaceAfter())
                fits = used + slot <= height + 0.01
                if fits and column and _keeps_with_next(f) and len(queue) > 1:
                    fits = used + slot + 2 * self.grid <= height + 0.01  # and two lines of its text
                    if not fits:
                        break
                if fits:
                    queue.pop(0)
                    column.append((f, before, h, slot))
                    used += slot
                    continue
                room = height - used - before
                parts = f.split(width, room) if splits and room > 0 else []
                if parts:
                    first = parts[0]
                    fh = first.wrap(width, room)[1]
                    if fh <= room + 0.01:
                        queue[0:1] = parts[1:]
                        column.append((first, before, fh, self._slot(before, fh, 0.0)))
                    elif not column and whole_page:
                        queue.pop(0)
                        column.append((f, 0.0, h, slot))
                elif not column and whole_page:
                    queue.pop(0)  # taller than a whole column and unsplittable: place it anyway
                    column.append((f, 0.0, h, slot))
                elif column and splits:
                    used = self._text_under(queue, column, used, width, height)
                break
            columns.append(column)
        return columns, queue

    def _text_under(
        self, queue: list[Flowable], column: list[Placed], used: float, width: float, height: float
    ) -> float:
        """A picture or table does not fit at the foot of ``column``: the running text that
        follows it fills the column instead, and it heads the next one."""
        held = queue.pop(0)
        while queue and _is_running_text(queue[0]):
            f = queue[0]
            h = self._height(f, width, height)
            if used + h <= height + 0.01:
                column.append((queue.pop(0), 0.0, h, self._slot(0.0, h, 0.0)))
                used += self._slot(0.0, h, 0.0)
                continue
            parts = f.split(width, height - used)
            if parts:
                fh = parts[0].wrap(width, height - used)[1]
                if fh <= height - used + 0.01:
                    queue[0:1] = parts[1:]
                    column.append((parts[0], 0.0, fh, self._slot(0.0, fh, 0.0)))
                    used += self._slot(0.0, fh, 0.0)
            break
        queue.insert(0, held)
        return used

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        width = (aW - self.gap * (self.n - 1)) / self.n
        columns, rest = self._fill(width, aH)
        if rest:
            self._placed = columns
            self.height = aH + 1  # does not fit: the frame will split us
            return aW, self.height
        low, high = 0, max(1, math.floor(aH / self.grid + 0.01))  # balance: the fewest lines that hold everything
        while high - low > 1:
            mid = (low + high) // 2
            if self._fill(width, mid * self.grid)[1]:
                low = mid
            else:
                high = mid
        self._placed, rest = self._fill(width, min(aH, high * self.grid))
        if rest:  # the whole height is needed after all
            self._placed, _ = self._fill(width, aH)
        self.height = max((_column_height(col) for col in self._placed), default=0.0)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        width = (aW - self.gap * (self.n - 1)) / self.n
        columns, rest = self._fill(width, aH)
        if not any(columns):
            return []
        page = Columns([], self.n, self.gap, self.full_height, self.grid)
        page._placed = columns
        page.width, page.height = aW, aH
        page.wrap = lambda w, h: (w, aH)  # type: ignore[method-assign]
        page.split = lambda w, h: []  # type: ignore[method-assign]
        return [page, Columns(rest, self.n, self.gap, self.full_height, self.grid)] if rest else [page]

    def draw(self) -> None:
        width = (self.width - self.gap * (self.n - 1)) / self.n
        for i, column in enumerate(self._placed):
            x = i * (width + self.gap)
            y = self.height
            for f, _before, h, slot in column:
                # the slot's extra space stands above the flowable, its own space after below it
                bottom = y - slot
                f.wrap(width, h + 1)  # a split attempt may have dropped its line breaks
                f.drawOn(self.canv, x, bottom + min(f.getSpaceAfter(), max(0.0, slot - h)))
                y = bottom


def _keeps_with_next(f: Flowable) -> bool:
    return bool(getattr(getattr(f, "style", None), "keepWithNext", 0))


def _is_running_text(f: Flowable) -> bool:
    return isinstance(f, _Paragraph) and not _keeps_with_next(f)


def _column_height(column: list[Placed]) -> float:
    """Drawn height of a column: the slots of its flowables."""
    return sum(slot for _, _, _, slot in column)


# A paragraph longer than this is laid out as consecutive pieces: reportlab re-wraps the rest of a
# paragraph at every column or page it splits it at, so one 1 MB paragraph cost minutes (it is
# quadratic); pieces keep it linear. Real paragraphs (under ~2,000 characters) are never cut.
PIECE_CHARS = 6000


def pieces(runs: tuple[Run, ...], limit: int = PIECE_CHARS) -> list[tuple[Run, ...]]:
    """The runs cut at spaces into pieces of about ``limit`` characters (after a sentence's end
    when there is one in the piece's last quarter); one piece when the paragraph is short."""
    if sum(len(r.text) for r in runs) <= limit:
        return [runs]
    out: list[tuple[Run, ...]] = []
    current: list[Run] = []
    size = 0
    queue = list(runs)
    while queue:
        run = queue.pop(0)
        room = limit - size
        if len(run.text) <= room:
            current.append(run)
            size += len(run.text)
            continue
        window = run.text[: room + 1]
        cut = max(
            window.rfind(". ", room * 3 // 4), window.rfind("? ", room * 3 // 4), window.rfind("! ", room * 3 // 4)
        )
        cut = cut + 1 if cut >= 0 else window.rfind(" ")
        if cut <= 0 and current:  # no space in this run's share: the piece ends before it
            out.append(tuple(current))
            current, size = [], 0
            queue.insert(0, run)
            continue
        cut = cut if cut > 0 else room  # one endless word: cut it where the piece is full
        head, tail = run.text[:cut], run.text[cut:].lstrip(" ")
        current.append(Run(head, run.bold, run.italic, run.href))
        out.append(tuple(current))
        current, size = [], 0
        if tail:
            queue.insert(0, Run(tail, run.bold, run.italic, run.href))
    if current:
        out.append(tuple(current))
    return out
