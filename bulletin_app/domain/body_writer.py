"""Blocks → the canonical body text (the inverse of :func:`parse_body`): the one writer of the
body format.

Used wherever a body is written from structure: the editor's rich text, a translation built on
its original's structure, every importer (they build blocks; :func:`clean_runs` tidies the runs
they read). Emphasis is checked by re-parsing when it could be ambiguous; every literal
character is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby

from bulletin_app.domain.body import (
    ASSET_SCHEME,
    Block,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Run,
    Table,
    escape_text,
    parse_body,
)
from bulletin_app.text import clean_line


def clean_runs(runs: Iterable[Run], breaks: bool = True) -> tuple[Run, ...]:
    """Runs as read from a file, tidied as :func:`clean_line` tidies a line: invisible debris
    gone, NFC, runs of spaces one space (also across runs), no space at either end, blank
    lines dropped. A "\n" in a run is a line break: kept when ``breaks``, else a space.
    Neighbours with the same formatting are merged; spaces carry no formatting."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        for n, part in enumerate(run.text.split("\n")):
            if n:
                lines.append([])
            if part:
                lines[-1].append(Run(part, run.bold, run.italic, run.href))
    cleaned = [line for line in (_clean_line_runs(line) for line in lines) if line]
    out: list[Run] = []
    for n, line in enumerate(cleaned):
        if n:
            out.append(Run("\n" if breaks else " "))
        out.extend(line)
    return _merged(out)


def _clean_line_runs(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    space = True  # a space is pending or was just written: the next one is dropped
    for run in runs:
        text = run.text
        lead = text[:1].isspace() or text[:1] in "\u00a0\u202f"
        core = clean_line(text)
        trail = bool(core) and (text[-1:].isspace() or text[-1:] in "\u00a0\u202f")
        if not core:
            if text and not space:
                out.append(Run(" "))
                space = True
            continue
        if lead and not space:
            out.append(Run(" "))
        out.append(Run(core, run.bold, run.italic, run.href))
        space = False
        if trail:
            out.append(Run(" "))
            space = True
    while out and out[-1].text == " ":
        out.pop()
    return out


def _merged(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if run.text == " ":
            run = Run(" ")  # a space between runs carries no formatting and no link
        if out and (out[-1].bold, out[-1].italic, out[-1].href) == (run.bold, run.italic, run.href):
            prev = out[-1]
            out[-1] = Run(prev.text + run.text, prev.bold, prev.italic, prev.href)
        else:
            out.append(run)
    return tuple(out)


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip(" ")
    if not core:
        return text, "", ""
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")) :]
    return lead, core, trail


def _escape_inline(text: str) -> str:
    # Hard line breaks: a backslash before the newline (trailing spaces would be cleaned away).
    return "\\\n".join(escape_text(part) for part in text.split("\n"))


def _emphasis(runs: list[Run], marks: tuple[str, str]) -> str:
    star, under = marks
    out: list[str] = []
    for i, run in enumerate(runs):
        lead, core, trail = _split_space(run.text)
        if not core or not (run.bold or run.italic):
            out.append(_escape_inline(run.text))
            continue
        ch = under if (i % 2 and under) else star
        delim = ch * ((2 if run.bold else 0) + (1 if run.italic else 0))
        out.append(f"{_escape_inline(lead)}{delim}{_escape_inline(core)}{delim}{_escape_inline(trail)}")
    return "".join(out)


def _link_destination(href: str) -> str:
    if re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href.replace("\\", "\\\\")


def _inline_with(runs: tuple[Run, ...], marks: tuple[str, str]) -> str:
    out: list[str] = []
    for href, group in groupby(runs, key=lambda r: r.href):
        inner = _emphasis(list(group), marks)
        out.append(f"[{inner}]({_link_destination(href)})" if href else inner)
    return "".join(out)


def inline_markup(runs: tuple[Run, ...]) -> str:
    """Runs as inline markup; checked by re-parsing when emphasis could be ambiguous."""
    text = _inline_with(runs, ("*", ""))
    if len(runs) <= 1 or not any(r.bold or r.italic for r in runs):
        return text
    if _reparses(text, runs):
        return text
    alternate = _inline_with(runs, ("*", "_"))  # "**a***b*" is ambiguous, "**a**_b_" is not
    return alternate if _reparses(alternate, runs) else text


def _reparses(markup: str, runs: tuple[Run, ...]) -> bool:
    blocks = parse_body(markup)
    return len(blocks) == 1 and isinstance(blocks[0], Paragraph) and blocks[0].runs == runs


def _heading_text(runs: tuple[Run, ...]) -> str:
    text = inline_markup(tuple(Run(r.text.replace("\n", " "), r.bold, r.italic, r.href) for r in runs))
    return re.sub(r"(#+)(\s*)$", lambda m: "\\#" * len(m.group(1)) + m.group(2), text)


def _list_lines(block: ListBlock, bullet: str, ordered_delim: str) -> list[str]:
    lines: list[str] = []
    offsets: list[int] = []  # content column of the open item at each level
    counters: list[int] = []
    for item in block.items:
        level = min(item.level, len(offsets))
        del offsets[level + 1 :]
        del counters[level + 1 :]
        indent = offsets[level - 1] if level else 0
        if len(counters) > level:  # the next item of an open list
            counters[level] += 1
        else:
            counters.append(block.start if level == 0 else 1)
        marker = f"{counters[level]}{ordered_delim} " if block.ordered else f"{bullet} "
        del offsets[level:]
        offsets.append(indent + len(marker))
        body = inline_markup(item.runs).split("\n")
        lines.append(" " * indent + marker + body[0])
        lines.extend(" " * (indent + len(marker)) + rest for rest in body[1:])
    return lines


def _table_lines(block: Table) -> list[str]:
    rows = ([block.header] if block.header is not None else []) + list(block.rows)
    if not rows:
        return []
    width = max(len(r) for r in rows)

    def line(row: tuple[tuple[Run, ...], ...]) -> str:
        cells = [inline_markup(tuple(Run(r.text.replace("\n", " "), r.bold, r.italic, r.href) for r in c)) for c in row]
        cells += [""] * (width - len(cells))
        # "| |" for an empty cell: the library collapses two spaces into one on the way in.
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    header = rows[0]
    return [line(header), "|" + "---|" * width, *(line(r) for r in rows[1:])]


def _figure_line(block: Figure) -> str:
    caption = escape_text(" ".join(block.caption.split()))
    credit = " ".join(block.credit.split()).replace("\\", "\\\\").replace('"', '\\"')
    title = f' "{credit}"' if credit else ""
    return f"![{caption}]({ASSET_SCHEME}{block.asset}{title})"


def blocks_to_body(blocks: Iterable[Block]) -> str:
    """The canonical body text of ``blocks``."""
    parts: list[str] = []
    previous: Block | None = None
    bullets, delims = "-*+", ".)"
    bullet_i = delim_i = 0
    for block in blocks:
        match block:
            case Heading(level=level, runs=runs):
                parts.append("#" * level + " " + _heading_text(runs))
            case Paragraph(runs=runs):
                parts.append(inline_markup(runs))
            case Quote(paragraphs=paragraphs):
                quoted = ["\n".join("> " + line for line in inline_markup(p).split("\n")) for p in paragraphs]
                parts.append("\n>\n".join(quoted))
            case ListBlock(ordered=ordered):
                # Two lists in a row need different markers, or CommonMark joins them.
                same = isinstance(previous, ListBlock) and previous.ordered == ordered
                if ordered:
                    delim_i = (delim_i + 1) % 2 if same else 0
                else:
                    bullet_i = (bullet_i + 1) % 3 if same else 0
                parts.append("\n".join(_list_lines(block, bullets[bullet_i], delims[delim_i])))
            case Table():
                parts.append("\n".join(_table_lines(block)))
            case Figure():
                parts.append(_figure_line(block))
        previous = block
    return "\n\n".join(p for p in parts if p.strip())


# A table a bulletin column can print has a handful of columns; a pasted spreadsheet does not.
MAX_TABLE_COLUMNS = 64
MAX_TABLE_CELLS = 5000


def bounded_tables(blocks: list[Block]) -> tuple[list[Block], int]:
    """``blocks`` with every table beyond a printable size written out as paragraphs, one per
    row, cells joined by " | " (nothing lost, nothing to lay out for minutes); how many were."""
    out: list[Block] = []
    flattened = 0
    for block in blocks:
        if isinstance(block, Table):
            rows = ([block.header] if block.header is not None else []) + list(block.rows)
            width = max((len(r) for r in rows), default=0)
            if width > MAX_TABLE_COLUMNS or sum(len(r) for r in rows) > MAX_TABLE_CELLS:
                flattened += 1
                for row in rows:
                    runs: list[Run] = []
                    for n, cell in enumerate(row):
                        if n:
                            runs.append(Run(" | "))
                        runs += list(cell)
                    if any(r.text.strip() for r in runs):
                        out.append(Paragraph(tuple(runs)))
                continue
        out.append(block)
    return out, flattened


# A picture line whose asset is missing: "![caption](asset:)" or "![caption](asset: "credit")".
_ORPHAN_CAPTION = re.compile(r'^!\[(?:\\.|[^\]\\])*\]\(asset:(?:\s+"(?:\\.|[^"\\])*")?\)[ \t]*\n?', re.MULTILINE)


def drop_orphan_captions(body: str) -> tuple[str, int]:
    """``body`` without its captions that have no picture (a copied page's photo that did not
    come along): (new body, how many were dropped). Only those lines change; the rest of the
    text is kept as written. Checked by parsing: when a line-wise removal would not leave the
    same other blocks, the body is rewritten from its blocks instead."""
    blocks = parse_body(body)
    orphans = sum(1 for b in blocks if isinstance(b, Figure) and not b.asset)
    if not orphans:
        return body, 0
    kept = [b for b in blocks if not (isinstance(b, Figure) and not b.asset)]
    text = re.sub(r"\n{3,}", "\n\n", _ORPHAN_CAPTION.sub("", body)).strip("\n")
    if parse_body(text) != kept:
        text = blocks_to_body(kept)
    return text, orphans
