"""Plain text and copies of news web pages → an article's structure.

A page copied from a browser (select all, copy) holds the site's masthead, menus, sidebars,
comments and footer around the article. The article is found by the page's **structure**, not
by one site's layout (the vocabulary of single lines is ``page_lines``):

* the **headline** is the title-shaped line next to the date line (before it, with a byline,
  a breadcrumb or a standfirst between them; or right after it), else a title-shaped first
  line followed by running text; never the site's name in capitals, never a sentence cut
  short: with no headline the title is left empty and flagged;
* the **article** runs from the headline to the first block of what follows an article
  (related links, tags, comments, the copyright footer); chrome lines (menus, buttons,
  counters, players, "Quảng cáo") are dropped wherever they stand;
* a name line next to the date line, or the article's last short line, is the **byline**
  ("Bài, ảnh: …" and "By …" labels taken off); "Nguồn: …" / "Theo …" is the **source**;
* the first paragraph after the headline (with more after it) is the **sapo**; an agency prefix ("(TNO) - …")
  stays in the text and is recognised;
* inside the body: short lines without final punctuation before running text are headings,
  "- " / "a) " lines lists, lines printed twice or marked "(Ảnh: …)" captions, hard-wrapped
  lines (an e-mail, a PDF) are joined again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bulletin_app.domain.article import ArticleDraft, proof_findings
from bulletin_app.domain.body import Block, Figure, Heading, ListBlock, ListItem, Paragraph, Run, Table
from bulletin_app.domain.body_writer import blocks_to_body
from bulletin_app.domain.findings import Finding
from bulletin_app.importers.page_lines import (
    FINAL_PUNCT,
    MAX_TITLE,
    SENTENCE_END,
    TABLE_CELL,
    agency_code,
    bare,
    byline_name,
    caption_text,
    date_line_parts,
    is_byline,
    is_chrome,
    is_end_marker,
    is_marked_caption,
    is_sentence,
    is_site_name,
    labelled_byline,
    office_byline,
    parse_date_line,
    source_line,
    title_needed,
)
from bulletin_app.text import clean_line, clean_text

__all__ = ["MAX_TITLE", "ParsedText", "is_byline", "is_end_marker", "parse_date_line", "parse_web_text", "source_line"]

_LIST_ITEM = re.compile(r"^(?:[-–•*+▪◦●■□➢►▸✓✔]\s+(?P<item>.+)|(?P<lettered>[a-zđ]\)\s+.+))$")
_PHOTO_BYLINE = re.compile(r"\b(?:ảnh|photos?)\b", re.IGNORECASE)


@dataclass
class ParsedText:
    draft: ArticleDraft
    findings: list[Finding] = field(default_factory=list)
    agency: str = ""  # the agency code the text opens with ("TNO" for "(TNO) - …")


# ---------------------------------------------------------------- lines
def _wrap_width(raw: list[str]) -> int | None:
    """The width a hard-wrapped text (an e-mail, a PDF copy) was wrapped at, None when the
    lines are paragraphs: most long lines end within a few characters of one width."""
    lengths = sorted(len(line) for line in raw if len(line.strip()) >= 30)
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if width - 15 <= n <= width + 5)
    return width if width <= 100 and near >= len(lengths) * 0.5 else None


_SPACED_ITEMS = re.compile(r"(?<=\S) {2,}(?=\S)")
_TABS = re.compile(r"\s*\t+\s*")


def _separators_marked(text: str) -> str:
    """Structure that spaces carry, kept before the spaces are tidied away: rows of a table
    copied as tab-separated cells (two or more such lines with as many cells) get
    ``TABLE_CELL`` between the cells; a line of three or more short capitalised items set
    apart by runs of spaces or tabs ("Home  About  News", as a menu copies) gets " | ", which
    makes it chrome by its separators."""
    raw = text.split("\n")
    cells = [[c for c in _TABS.split(line.strip())] if "\t" in line.strip() else [] for line in raw]
    out = []
    for i, line in enumerate(raw):
        row = cells[i]
        if (fields := _labelled_cells(row)) is not None:  # a board's "Tiêu đề | … | Người viết | …"
            out += fields
            continue
        neighbours = [cells[j] for j in (i - 1, i + 1) if 0 <= j < len(raw)]
        if len(row) >= 2 and any(len(n) == len(row) for n in neighbours):
            out.append(f" {TABLE_CELL} ".join(c.strip() for c in row))
            continue
        items = _SPACED_ITEMS.split(_TABS.sub("  ", line.strip()))
        if (
            len(items) >= 3
            and all(len(i.split()) <= 4 and not i[:1].islower() for i in items)
            and not line.rstrip().endswith(".")
        ):
            line = " | ".join(items)
        out.append(line)
    return "\n".join(out)


_FIELDS = (
    r"(?P<title>tiêu\s+đề|title|subject)|người\s+viết|người\s+đăng|tác\s+giả|author|writer|ngày\s+đăng|ngày\s+viết|"
    r"ngày|date|lượt\s+xem|số\s+lượt\s+xem|views?|tệp\s+đính\s+kèm|attachments?|chuyên\s+mục|bộ\s+phận|"
    r"phòng\s+ban|department|điện\s+thoại|phone"
)
_FIELD_LABELS = re.compile(rf"^(?:{_FIELDS})\s*:?$", re.IGNORECASE)  # a board's label cell
_FIELD_LINE = re.compile(rf"^(?:{_FIELDS})\s*:", re.IGNORECASE)  # "Người viết: …": not a headline


def _labelled_cells(row: list[str]) -> list[str] | None:
    """A row of a post's details on a message board ("Tiêu đề ⇥ …", "Người viết ⇥ … ⇥ Ngày đăng
    ⇥ …"), one line per field — the title's value alone, the others as "label: value" — or None
    for any other row."""
    if len(row) < 2 or len(row) % 2:
        return None
    pairs = [(row[i].strip(), row[i + 1].strip()) for i in range(0, len(row), 2)]
    found = [(_FIELD_LABELS.match(label), value) for label, value in pairs]
    if not all(m is not None for m, _ in found):
        return None
    return [
        value if m.group("title") else f"{label.rstrip(':')}: {value}"
        for (m, value), (label, _) in zip(found, pairs, strict=True)
    ]  # type: ignore[union-attr]


def _paragraph_lines(text: str) -> list[str]:
    """Lines of text, blank lines dropped and hard-wrapped lines joined: a line reaching the
    wrap width, or ending mid-sentence before a line in lower case, continues in the next."""
    raw = clean_text(_separators_marked(text)).split("\n")
    width = _wrap_width(raw)
    out: list[str] = []
    previous_blank = True
    for raw_line in raw:
        line = clean_line(raw_line)
        if not line:
            previous_blank = True
            continue
        if out and not previous_blank and _continues(out[-1], line, width):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous_blank = False
    return out


def _continues(last: str, line: str, width: int | None) -> bool:
    if parse_date_line(line) is not None or _LIST_ITEM.match(line) is not None or TABLE_CELL in line + last:
        return False
    if width is not None and len(last) >= width - 20 and not is_chrome(line):
        return True  # the last line reached the wrap width
    return not last.endswith(FINAL_PUNCT) and line[:1].islower()


def _title_like(line: str, min_words: int = 3, names: bool = False) -> bool:
    """A line shaped like a headline; a short line of capitalised words (a byline's shape)
    only when ``names``."""
    words = line.split()
    return (
        TABLE_CELL not in line
        and min_words <= len(words) <= 40
        and len(line) <= 250
        and not line.rstrip('”"’').endswith((".", ":", ",", ";"))
        and not line.startswith(("-", "•", "(", "*"))
        and (names or not (byline_name(line) is not None and len(words) < 8))
        and parse_date_line(line) is None
        and not is_chrome(line)
        and not is_site_name(line)
        and not is_end_marker(line)
        and not is_marked_caption(line)
        and source_line(line) is None
        and _FIELD_LINE.match(line) is None
    )


def _running_text_after(lines: list[str], at: int, span: int = 6, min_words: int = 12) -> int:
    """How many lines of running text follow ``at`` closely."""
    return sum(1 for line in lines[at + 1 : at + 1 + span] if is_sentence(line) and len(line.split()) >= min_words)


@dataclass
class _Head:
    title: int | None = None
    date: int | None = None
    standfirst: int | None = None  # a sentence between the headline and the date line


def _find_head(lines: list[str]) -> _Head:
    """The headline and the date line it goes with (see the module's docstring)."""
    best: tuple[int, int, _Head] | None = None
    for d, line in enumerate(lines):
        if parse_date_line(line) is None:
            continue
        for head in _around_date(lines, d):  # the headline before the date first
            assert head.title is not None
            score = _running_text_after(lines, d, 8)
            if score and (best is None or score > best[0]):
                best = (score, -d, head)
    if best is not None:
        return best[2]
    # No date line next to a headline: a title-shaped line followed by text, with nothing but
    # chrome or other title-shaped lines (a sidebar) before it. (A byline is never the first
    # line: there a short line of capitalised words is a headline.)
    first = True
    for i, line in enumerate(lines[:40]):
        if is_chrome(line) or is_site_name(line):
            continue
        following = _next_text(lines, i)
        if _title_like(line, 2, names=first) and following.rstrip('”"’)').endswith((".", "!", "?", "…")):
            return _Head(title=i)
        if is_sentence(line):
            break
        first = False
    return _Head()


def _next_text(lines: list[str], at: int) -> str:
    for line in lines[at + 1 :]:
        if not is_chrome(line) and not is_byline(line):
            return line
    return ""


def _around_date(lines: list[str], d: int) -> list[_Head]:
    heads: list[_Head] = []
    # Before the date: the headline, with a byline, breadcrumb, buttons or one standfirst between.
    j, standfirst = d - 1, None
    while j >= 0 and d - j <= 4:
        line = lines[j]
        if _title_like(line):
            heads.append(_Head(j, d, standfirst))
            break
        if is_sentence(line) and standfirst is None and len(line.split()) <= 60:
            standfirst = j
        elif not (is_chrome(line) or is_byline(line) or office_byline(line)):
            break
        j -= 1
    # After the date: the headline right under it (buttons may sit between).
    j = d + 1
    while j < len(lines) and j - d <= 3 and is_chrome(lines[j]):
        j += 1
    if j < len(lines) and _title_like(lines[j]):
        heads.append(_Head(j, d))
    return heads


# ---------------------------------------------------------------- the article's lines
_LINK_DATE = re.compile(r"\(\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\)\s*$")
_BOX_MARKERS = re.compile(
    r"^(?:xem\s+tiếp|đọc\s+thêm|xem\s+thêm|(?:tin|bài(?:\s+viết)?)\s+liên\s+quan|(?P<summary>tóm\s+tắt|điểm\s+chính|"
    r"key\s+points|ai\s+summary))",
    re.IGNORECASE,
)


def _link_line(line: str) -> bool:
    """A line of a list of links: another article's headline, perhaps with its date."""
    words = len(line.split())
    return (
        (_LINK_DATE.search(line) is not None or (3 <= words <= 30 and not line.endswith(FINAL_PUNCT)))
        and TABLE_CELL not in line
        and not is_sentence(line)
        and _LIST_ITEM.match(line) is None
        and not _signs_off(line)
        and not is_end_marker(line)
    )


def _signs_off(line: str) -> bool:
    """A byline or a source line (what closes an article)."""
    return byline_name(line) is not None or office_byline(line) or source_line(line) is not None


def _links_after(lines: list[str], at: int, bullets: bool = False) -> int:
    """The index after the links listed under the header at ``at`` (``at`` + 1: none); with
    ``bullets``, a summary's bullet points too."""
    j = at + 1
    while j < len(lines) and (
        _link_line(lines[j]) or is_chrome(lines[j]) or (bullets and _LIST_ITEM.match(lines[j]) is not None)
    ):
        j += 1
    return j


def _text_resumes(lines: list[str], at: int) -> bool:
    return sum(1 for line in lines[at : at + 3] if is_sentence(line) and len(line.split()) >= 15) >= 2


def _article_lines(lines: list[str], start: int) -> tuple[list[str], int]:
    """The article's lines from ``start`` (chrome and dates dropped) and the index it ends at:
    the first block of what follows an article — an end marker, a list of links under a short
    header, a labelled byline (kept, as the last line). A "see also" box in mid-article, after
    which the text goes on, is left out and the article continues."""
    out: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if (labelled_byline(line) or source_line(line) is not None) and out:
            out.append(line)  # a labelled byline or the source ends the article; the other may follow
            while i + 1 < len(lines) and _signs_off(lines[i + 1]) and not is_end_marker(lines[i + 1]):
                i += 1
                out.append(lines[i])
            return out, i + 1
        marker = is_end_marker(line) and not is_chrome(line)
        header = (
            not marker
            and len(line.split()) <= 8
            and not is_sentence(line)
            and not _signs_off(line)
            and not is_chrome(line)
            and out
        )
        if marker or header:
            box = _BOX_MARKERS.match(bare(line)) if marker else None
            after = _links_after(lines, i, bullets=bool(box and box.group("summary")))
            links = after - i - 1
            if (header and links >= 2) or marker:
                if (not marker or box) and links >= 1 and _text_resumes(lines, after):
                    i = after  # a box of links in mid-article
                    continue
                return out, i
        if not is_chrome(line) and parse_date_line(line) is None:
            out.append(line)
        i += 1
    return out, len(lines)


def _take_tail(body: list[str]) -> tuple[str, str]:
    """Byline and source lines at the article's end, taken off ``body``: (byline, source)."""
    byline, source = "", ""
    for _ in range(4):
        if not body:
            break
        last = body[-1]
        found = source_line(last)
        if found is not None:
            source = source or found
        elif not byline and (name := byline_name(last)) is not None:
            byline = name
        elif not byline and office_byline(last):
            byline = last
        else:
            break
        body.pop()
    return byline, source


def parse_web_text(text: str) -> ParsedText:
    lines = _paragraph_lines(text)
    if not lines:
        raise ValueError("tệp rỗng, không có nội dung")
    findings: list[Finding] = []
    head = _find_head(lines)
    title, sapo, byline = "", "", ""
    published: tuple[dt.datetime, bool] | None = None
    if head.title is not None:
        title = lines[head.title]
        if head.date is not None:
            published = parse_date_line(lines[head.date])
            # "Trần Mai Phương | 18/09/2026 15:30", "Tác giả: … | Đăng lúc: …": a name among the items
            parts = [p for p in date_line_parts(lines[head.date]) if not is_chrome(p)]
            names = [n for n in map(byline_name, parts) if n]
            byline = names[0] if len(names) == 1 else ""
        else:  # an issue's or a newsletter's date above a headline found without one
            published = next(
                (d for d in map(parse_date_line, reversed(lines[max(0, head.title - 12) : head.title])) if d), None
            )
        if head.standfirst is not None:
            sapo = lines[head.standfirst]
        start = max(head.title, head.date if head.date is not None else -1) + 1
        # bylines, buttons and widgets under the headline and date
        head_lines = lines[head.title + 1 : start]
        while start < len(lines):
            line = lines[start]
            if is_chrome(line) or parse_date_line(line) is not None:
                start += 1
            elif not byline and (name := byline_name(line)) is not None and start - head.title <= 4:
                byline = name
                start += 1
            else:
                break
        for line in head_lines:
            if not byline and line != sapo and (name := byline_name(line)) is not None:
                byline = name
    else:
        findings.append(title_needed())
        start = next((i for i, line in enumerate(lines) if is_sentence(line) and not is_chrome(line)), 0)
        if published is None:
            for line in lines[:start]:
                published = published or parse_date_line(line)

    body, end = _article_lines(lines, start)
    tail_byline, source = _take_tail(body)
    byline = byline or tail_byline
    if title and not sapo and len(body) >= 3 and _lead_shaped(body[0]):
        sapo = body.pop(0)
    photo_byline = bool(_PHOTO_BYLINE.search(" ".join(lines[max(0, end - 8) : end + 1])))
    blocks = _blocks(body, title, sapo, photo_byline)
    if not blocks and not sapo:
        raise ValueError("không tìm thấy nội dung bài viết trong tệp")
    body_text = blocks_to_body(blocks)
    draft = ArticleDraft(
        title=title[: MAX_TITLE * 2],
        sapo=sapo,
        body=body_text,
        byline=byline,
        source_name=source,
        published=published[0] if published else None,
        published_has_time=bool(published and published[1]),
    )
    article_text = "\n".join([title, sapo, *body, byline])
    findings += proof_findings(article_text)
    draft.findings = findings
    return ParsedText(draft, findings, agency_code(sapo or (body[0] if body else "")))


# ---------------------------------------------------------------- blocks
def _lead_shaped(line: str) -> bool:
    return (
        is_sentence(line)
        and len(line.split()) <= 120
        and not is_marked_caption(line)
        and _LIST_ITEM.match(line) is None
    )


def _is_heading(line: str, following: str) -> bool:
    words = line.split()
    starts_right = line[:1].isupper() or (line[:1].isdigit() and len(words) > 1)
    return (
        1 < len(words) <= 14
        and len(line) <= 110
        and not line.endswith(FINAL_PUNCT)
        and not line.startswith(("“", '"', "(", "-"))
        and starts_right
        and (is_sentence(following) or following == "")
    )


def _single_sentence(line: str) -> bool:
    cut = SENTENCE_END.search(line)
    return cut is not None and not line[cut.end() :].strip()


def _blocks(lines: list[str], title: str, sapo: str, photo_byline: bool) -> list[Block]:
    blocks: list[Block] = []
    items: list[ListItem] = []
    seen: list[str] = [p for p in (sapo,) if p]
    doubled = {line for i, line in enumerate(lines) if i and line == lines[i - 1]}

    rows: list[tuple[tuple[Run, ...], ...]] = []

    def close_list() -> None:
        if items:
            blocks.append(ListBlock(False, tuple(items)))
            items.clear()
        if rows:
            blocks.append(Table(rows[0], tuple(rows[1:])))
            rows.clear()

    for i, line in enumerate(lines):
        if i and line == lines[i - 1]:
            continue  # a picture's alt text and its caption: one caption
        if line in (title, sapo):
            continue  # the headline again (a photo's alt text), the sapo again
        for earlier in seen:  # a paragraph that starts by repeating an earlier one
            if line.startswith(earlier + " ") and len(earlier) > 40:
                line = line[len(earlier) :].strip()
        following = next((x for x in lines[i + 1 :] if x != line), "")
        if TABLE_CELL in line:
            if items:
                close_list()
            rows.append(tuple((Run(cell.strip()),) if cell.strip() else () for cell in line.split(TABLE_CELL)))
            continue
        if rows:
            close_list()
        item = _LIST_ITEM.match(line)
        if item is not None:
            items.append(ListItem((Run(item.group("item") or item.group("lettered")),)))
            continue
        close_list()
        if line in doubled or is_marked_caption(line) or (photo_byline and _unmarked_caption(line, lines, i)):
            blocks.append(Figure("", caption_text(line)))
        elif _is_heading(line, following):
            blocks.append(Heading(2, (Run(line),)))
        else:
            blocks.append(Paragraph((Run(line),)))
            seen.append(line)
    close_list()
    return blocks


def _unmarked_caption(line: str, lines: list[str], i: int) -> bool:
    """A picture's caption with no mark, on a page whose byline says it has pictures: one
    short sentence between two paragraphs at least twice as long."""
    words = len(line.split())
    if not (6 <= words <= 25 and _single_sentence(line) and 0 < i < len(lines) - 1):
        return False
    return all(len(n.split()) >= 2 * words and is_sentence(n) for n in (lines[i - 1], lines[i + 1]))
