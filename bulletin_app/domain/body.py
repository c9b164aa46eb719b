"""The article body format: a CommonMark subset, parsed with markdown-it-py.

See docs/body-format.md. Editor, search, revisions and both exporters go
through :func:`parse_body`, so there is one reading of a body everywhere.
Raw HTML is off: anything that looks like markup is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it (~30 ms) loads when a body is first parsed: a search never needs it
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ASSET_SCHEME = "asset:"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Heading:
    level: int  # 2 or 3 inside an article (1 is the article title)
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Quote:
    paragraphs: tuple[tuple[Run, ...], ...]


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    level: int = 0


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Run, ...], ...] | None
    rows: tuple[tuple[tuple[Run, ...], ...], ...]


@dataclass(frozen=True)
class Figure:
    asset: str  # asset reference (content hash prefix or id) after "asset:"
    caption: str
    credit: str = ""


Block = Heading | Paragraph | Quote | ListBlock | Table | Figure


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


@dataclass
class _InlineState:
    runs: list[Run] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    bold: int = 0
    italic: int = 0
    href: str | None = None

    def add(self, text: str) -> None:
        if not text:
            return
        run = Run(text, self.bold > 0, self.italic > 0, self.href)
        last = self.runs[-1] if self.runs else None
        if last and (last.bold, last.italic, last.href) == (run.bold, run.italic, run.href):
            self.runs[-1] = Run(last.text + text, last.bold, last.italic, last.href)
        else:
            self.runs.append(run)


def _inline(token: Token) -> _InlineState:
    state = _InlineState()
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            state.add(child.content)
        elif kind == "softbreak":
            state.add(" ")
        elif kind == "hardbreak":
            state.add("\n")
        elif kind == "strong_open":
            state.bold += 1
        elif kind == "strong_close":
            state.bold -= 1
        elif kind == "em_open":
            state.italic += 1
        elif kind == "em_close":
            state.italic -= 1
        elif kind == "link_open":
            state.href = str(child.attrs.get("href", "")) or None
        elif kind == "link_close":
            state.href = None
        elif kind == "image":
            src = str(child.attrs.get("src", ""))
            caption = "".join(c.content for c in child.children or [])
            credit = str(child.attrs.get("title", "") or "")
            ref = src[len(ASSET_SCHEME) :] if src.startswith(ASSET_SCHEME) else src
            state.figures.append(Figure(ref, caption, credit))
    state.runs = _trim(state.runs)
    return state


def _trim(runs: list[Run]) -> list[Run]:
    if runs:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic, runs[0].href)
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic, runs[-1].href)
    return [r for r in runs if r.text]


def parse_body(body: str) -> list[Block]:
    """Parse a body into blocks (pure data the exporters and search read).

    The blocks are immutable, so the parses of the last bodies are kept: building an issue's
    document, checking it and writing it read each body several times."""
    return list(_parsed(body))


@lru_cache(maxsize=256)
def _parsed(body: str) -> tuple[Block, ...]:
    return tuple(_parse(body))


def _parse(body: str) -> list[Block]:
    tokens = _parser().parse(body)
    blocks: list[Block] = []
    i = 0
    list_stack: list[tuple[bool, int, list[ListItem]]] = []
    quote_depth = 0
    quote_paras: list[tuple[Run, ...]] = []
    table: dict[str, list] | None = None
    row: list[tuple[Run, ...]] = []
    heading_level = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            heading_level = min(max(int(tok.tag[1]), 2), 3)
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
            if quote_depth == 0 and quote_paras:
                blocks.append(Quote(tuple(quote_paras)))
                quote_paras = []
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrs.get("start", 1) or 1)
            list_stack.append((kind == "ordered_list_open", start, []))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered, start, items = list_stack.pop()
            if list_stack:
                list_stack[-1][2].extend(items)
            elif quote_depth:
                quote_paras.extend(item.runs for item in items)
            else:
                blocks.append(ListBlock(ordered, tuple(items), start))
        elif kind == "table_open":
            table = {"header": [], "rows": []}
        elif kind == "tr_close" and table is not None:
            table["rows"].append(tuple(row))
            row = []
        elif kind == "thead_close" and table is not None:
            table["header"] = table["rows"]
            table["rows"] = []
        elif kind == "table_close" and table is not None:
            header = tuple(table["header"][0]) if table["header"] else None
            blocks.append(Table(header, tuple(table["rows"])))
            table = None
        elif kind == "fence" or kind == "code_block":
            # Code is not part of the format: keep its text as plain paragraphs.
            for para in tok.content.strip("\n").split("\n\n"):
                blocks.append(Paragraph((Run(para.replace("\n", " ")),)))
        elif kind == "hr":
            pass
        elif kind == "inline":
            state = _inline(tok)
            runs = tuple(state.runs)
            if table is not None:
                row.append(runs)
            elif heading_level:
                blocks.append(Heading(heading_level, runs))
                heading_level = 0
            elif list_stack:
                list_stack[-1][2].append(ListItem(runs, len(list_stack) - 1))
            elif quote_depth:
                if runs:
                    quote_paras.append(runs)
            else:
                if runs:
                    blocks.append(Paragraph(runs))
                blocks.extend(state.figures)
        i += 1
    return blocks


def block_text(block: Block) -> str:
    match block:
        case Heading(runs=runs) | Paragraph(runs=runs):
            return runs_text(runs)
        case Quote(paragraphs=paras):
            return "\n".join(runs_text(p) for p in paras)
        case ListBlock(items=items):
            return "\n".join(runs_text(it.runs) for it in items)
        case Table(header=header, rows=rows):
            all_rows = ([header] if header else []) + list(rows)
            return "\n".join(" ".join(runs_text(c) for c in r) for r in all_rows)
        case Figure(caption=caption, credit=credit):
            return "\n".join(x for x in (caption, credit) if x)
    return ""


def body_to_plain(body: str) -> str:
    """Plain text of a body: what search indexes and words are counted in."""
    return "\n".join(t for t in (block_text(b) for b in parse_body(body)) if t)


_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


_ESCAPE_ANYWHERE = re.compile(r"([\\`*_\[\]<>|&!])")
_LINE_START = re.compile(r"^(\s*)([#>+=~-]|\d+[.)])", re.MULTILINE)


def escape_text(text: str) -> str:
    """Make plain text literal in the body format (an imported '*' stays a '*')."""
    text = _ESCAPE_ANYWHERE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)" and marker[:-1].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def paragraphs_to_body(paragraphs: list[str]) -> str:
    """Join plain paragraphs into a body, each escaped to stay literal."""
    return "\n\n".join(escape_text(p) for p in paragraphs if p.strip())
