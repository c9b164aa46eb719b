"""Flowables the bulletin needs beyond reportlab's: anchors, contents lines, booklet padding.

Contents page numbers are drawn as form XObjects named after each entry's key. The
forms are referenced while the contents pages are laid out and defined once the whole
issue has been laid out (:class:`BulletinCanvas.save`), so exact page numbers cost no
second layout pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak
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


class BalancedParagraph(Paragraph):
    """A justified paragraph whose lines are chosen for the whole paragraph at once
    (line_breaking.break_runs) for the width it is laid out in, instead of first-fit.

    Built from runs with :meth:`of`; the parts reportlab splits off at a column or page end
    are plain paragraphs of the lines already chosen."""

    balance: tuple[tuple[Run, ...], str, float] | None = None  # (runs, hyphenation language, space shrink)
    _broken_for: float | None = None

    @classmethod
    def of(cls, runs: tuple[Run, ...], style: ParagraphStyle) -> Paragraph:
        paragraph = cls(runs_markup(runs), style)
        paragraph.balance = (runs, style.hyphenationLang, style.spaceShrinkage)
        return paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.balance is not None and availWidth != self._broken_for:
            runs, lang, shrink = self.balance
            style = self.style
            base = getattr(style, "unbalanced", style)

            def measure(text: str, bold: bool, italic: bool) -> float:
                return stringWidth(text, tt2ps(base.fontName, bold, italic), base.fontSize)

            def widths(line: int) -> float:
                return availWidth - base.leftIndent - base.rightIndent - (base.firstLineIndent if line == 0 else 0)

            hyphenate = _hyphenator(lang).positions if lang else None
            # a little less shrink than reportlab allows, so its own fitting never breaks a chosen line again
            broken = break_runs(runs, widths, measure, hyphenate, shrink * 0.9)
            if broken is None:
                Paragraph.__init__(self, runs_markup(runs), base)
            else:
                justified = base.clone(f"{base.name}-balanced", justifyBreaks=1)
                justified.unbalanced = base
                Paragraph.__init__(self, runs_markup(broken), justified)
            self.balance, self._broken_for = (runs, lang, shrink), availWidth
        return super().wrap(availWidth, availHeight)


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


class TocEntry(Flowable):
    """One line of the contents: title, dot leaders, page number (a form filled later), link."""

    NUMBER_WIDTH = 28.0

    def __init__(self, text: str, key: str, style: ParagraphStyle, state: LayoutState) -> None:
        super().__init__()
        self.key, self.style, self.state = key, style, state
        self.para = _Paragraph(text, style)
        state.toc_keys.append(key)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        _, self.height = self.para.wrap(aW - self.NUMBER_WIDTH, aH)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def draw(self) -> None:
        canv, style = self.canv, self.style
        self.para.drawOn(canv, 0, 0)
        lines = self.para.blPara.lines
        last = lines[-1]
        extra = last[0] if isinstance(last, tuple) else last.extraSpace
        text_end = style.leftIndent + (self.width - self.NUMBER_WIDTH - style.leftIndent - style.rightIndent) - extra
        baseline = self.height - style.fontSize - (len(lines) - 1) * style.leading
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
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class PageMarker(Flowable):
    """Zero-size flowable that makes a page exist (a deliberate blank page)."""

    def __init__(self, state: LayoutState | None = None) -> None:
        super().__init__()
        self.state = state
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.state is not None:
            self.state.blank_pages.append(self.canv.getPageNumber())


class PadToMultiple(Flowable):
    """Booklet padding: blank pages so that the pages, back cover included, are a multiple of ``n``.

    Decided during layout, where the current page number is known.
    """

    def __init__(self, n: int, pages_after: int, state: LayoutState) -> None:
        super().__init__()
        self.n, self.pages_after, self.state = n, pages_after, state
        self.width = self.height = 0
        self._added = False

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        if not self._added:
            self._added = True
            page = self._doctemplateAttr("page") or 1
            pad = (-(page + self.pages_after)) % self.n
            content: list[Flowable] = []
            for _ in range(pad):
                content += [PageBreak(), PageMarker(self.state)]
            if content:
                self._doctemplateAttr("frame").add_generated_content(*content)
        return 0, 0

    def draw(self) -> None:
        return None


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


class Columns(Flowable):
    """Body text in ``n`` balanced columns that continue across pages.

    On a page it cannot fill, the columns are balanced by a binary search on the column
    height; heights of whole flowables are cached per column width, so each trial only
    re-splits the few flowables that straddle a column boundary (reportlab's own
    BalancedColumns re-wraps everything on every trial, ten times slower here).
    """

    def __init__(self, content: list[Flowable], n: int, gap: float, full_height: float) -> None:
        super().__init__()
        self.content, self.n, self.gap = content, n, gap
        # Only a whole empty page may take a flowable taller than a column (else: next page).
        self.full_height = full_height
        self._originals = {id(f) for f in content}
        self._heights: dict[int, float] = {}
        self._placed: list[list[tuple[Flowable, float, float]]] = []

    def _height(self, f: Flowable, width: float, avail: float) -> float:
        # Only the original flowables are cached: they live as long as we do, while split
        # parts are short-lived and Python reuses their ids.
        key = id(f)
        if key not in self._originals:
            return f.wrap(width, avail)[1]
        if key not in self._heights:
            self._heights[key] = f.wrap(width, avail)[1]
        return self._heights[key]

    def _fill(self, width: float, height: float, splits: bool = True):  # type: ignore[no-untyped-def]
        """Fill n columns of ``height``: (placed columns, leftover flowables)."""
        queue = list(self.content)
        columns: list[list[tuple[Flowable, float, float]]] = []
        for _ in range(self.n):
            column: list[tuple[Flowable, float, float]] = []
            used = 0.0
            while queue:
                f = queue[0]
                before = f.getSpaceBefore() if column else 0.0
                h = self._height(f, width, height)
                if used + before + h <= height + 0.01:
                    queue.pop(0)
                    column.append((f, before, h))
                    used += before + h + f.getSpaceAfter()
                    continue
                room = height - used - before
                parts = f.split(width, room) if splits and room > 0 else []
                if parts:
                    first = parts[0]
                    fh = first.wrap(width, room)[1]
                    if fh <= room + 0.01:
                        queue[0:1] = parts[1:]
                        column.append((first, before, fh))
                    elif not column and height >= self.full_height - 1:
                        queue.pop(0)
                        column.append((f, 0.0, h))
                elif not column and height >= self.full_height - 1:
                    queue.pop(0)  # taller than a whole column and unsplittable: place it anyway
                    column.append((f, 0.0, h))
                break
            columns.append(column)
        return columns, queue

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        width = (aW - self.gap * (self.n - 1)) / self.n
        columns, rest = self._fill(width, aH)
        if rest:
            self._placed = columns
            self.height = aH + 1  # does not fit: the frame will split us
            return aW, self.height
        low, high = 0.0, aH
        for _ in range(9):  # balance: the shortest height that holds everything
            mid = (low + high) / 2
            if self._fill(width, mid)[1]:
                low = mid
            else:
                high = mid
        self._placed, _ = self._fill(width, high)
        self.height = max((_column_height(col) for col in self._placed), default=0.0)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        width = (aW - self.gap * (self.n - 1)) / self.n
        columns, rest = self._fill(width, aH)
        if not any(columns):
            return []
        page = Columns([], self.n, self.gap, self.full_height)
        page._placed = columns
        page.width, page.height = aW, aH
        page.wrap = lambda w, h: (w, aH)  # type: ignore[method-assign]
        page.split = lambda w, h: []  # type: ignore[method-assign]
        return [page, Columns(rest, self.n, self.gap, self.full_height)] if rest else [page]

    def draw(self) -> None:
        width = (self.width - self.gap * (self.n - 1)) / self.n
        for i, column in enumerate(self._placed):
            x = i * (width + self.gap)
            y = self.height
            for f, before, h in column:
                y -= before + h
                f.wrap(width, h + 1)  # a split attempt may have dropped its line breaks
                f.drawOn(self.canv, x, y)
                y -= f.getSpaceAfter()


def _column_height(column: list[tuple[Flowable, float, float]]) -> float:
    """Drawn height of a column: space before, heights, and the space after all but the last."""
    return sum(b + h for _, b, h in column) + sum(f.getSpaceAfter() for f, _, _ in column[:-1])


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
