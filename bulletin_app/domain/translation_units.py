"""An article cut into translation units, and a translation put back on its structure.

A unit is one thing a translator translates: the title, the sapo, the byline, a heading, a
paragraph, a list item, a quoted paragraph, a table cell or a picture's caption. Its id
names the article and the place (``12:title``, ``12:b3``, ``12:b4.2``, ``12:b5.r1c0``,
``12:b6.caption``), so a file that comes back with rows moved, lost or added is read by id,
never by position. The English article is the original's blocks with each unit's text
replaced: same headings, lists, tables, pictures (same asset) and captions, in the same places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bulletin_app.domain.article import Article
from bulletin_app.domain.body import (
    Block,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Table,
    parse_body,
    runs_text,
)
from bulletin_app.domain.body_writer import blocks_to_body, inline_markup

MARKUP_RESTYPE = "x-bulletin-markup"  # XLIFF: the unit's text is body-format inline markup (**bold**)
_ID = re.compile(r"^(?P<article>\d+):(?P<place>title|sapo|byline|b\d+(?:\.\d+|\.r\d+c\d+|\.caption)?)$")


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str  # title | sapo | byline | heading | paragraph | list item | quote | table cell | caption
    runs: tuple[Run, ...]  # the source text with its emphasis

    @property
    def text(self) -> str:
        return runs_text(self.runs)

    @property
    def formatted(self) -> bool:
        """Whether the text carries emphasis or links (written as inline markup in XLIFF)."""
        return any(r.bold or r.italic or r.href for r in self.runs)

    @property
    def markup(self) -> str:
        return inline_markup(self.runs) if self.formatted else self.text


def parse_unit_id(unit_id: str) -> tuple[int, str] | None:
    """(article id, place) of a unit id; None when it is not one of ours."""
    m = _ID.match(unit_id.strip())
    return (int(m.group("article")), m.group("place")) if m else None


def bookmark_name(unit_id: str) -> str:
    """ "12:b5.r1c0" → "u12_b5_r1c0" (Word bookmark names: a letter first, letters, digits, _)."""
    article, place = unit_id.split(":", 1)
    return f"u{article}_{place.replace('.', '_')}"


def unit_id_of_bookmark(name: str) -> str | None:
    if not name.startswith("u") or "_" not in name:
        return None
    article, place = name[1:].split("_", 1)
    if not article.isdigit():
        return None
    return f"{article}:{place.replace('_', '.')}"


def _plain(text: str) -> tuple[Run, ...]:
    return (Run(text),) if text else ()


def units_of(article: Article) -> list[Unit]:
    """Every unit of ``article``, in reading order."""
    a = article.id
    units = [Unit(f"{a}:title", "title", _plain(article.title))]
    if article.sapo:
        units.append(Unit(f"{a}:sapo", "sapo", _plain(article.sapo)))
    for n, block in enumerate(parse_body(article.body)):
        place = f"{a}:b{n}"
        match block:
            case Heading(runs=runs):
                units.append(Unit(place, "heading", runs))
            case Paragraph(runs=runs):
                units.append(Unit(place, "paragraph", runs))
            case Quote(paragraphs=paragraphs):
                units += [Unit(f"{place}.{i}", "quote", p) for i, p in enumerate(paragraphs)]
            case ListBlock(items=items):
                units += [Unit(f"{place}.{i}", "list item", item.runs) for i, item in enumerate(items)]
            case Table(header=header, rows=rows):
                all_rows = ([header] if header is not None else []) + list(rows)
                for r, row in enumerate(all_rows):
                    units += [Unit(f"{place}.r{r}c{c}", "table cell", cell) for c, cell in enumerate(row) if cell]
            case Figure(caption=caption):
                if caption:
                    units.append(Unit(f"{place}.caption", "caption", _plain(caption)))
    if article.byline:
        units.append(Unit(f"{a}:byline", "byline", _plain(article.byline)))
    return [u for u in units if u.text.strip()]


@dataclass(frozen=True)
class Translated:
    title: str
    sapo: str
    body: str
    byline: str
    untranslated: tuple[str, ...]  # unit ids left in the original language


def apply_translation(original: Article, targets: dict[str, tuple[Run, ...]]) -> Translated:
    """The original's structure with each unit's text replaced by its translation.

    A unit without a translation keeps its original text (nothing is dropped) and is listed
    in ``untranslated``, so a half-filled package still imports what is there."""
    missing: list[str] = []

    def text_of(unit_id: str, source: tuple[Run, ...]) -> tuple[Run, ...]:
        target = targets.get(unit_id)
        if target is None or not runs_text(target).strip():
            if runs_text(source).strip():
                missing.append(unit_id)
            return source
        return target

    a = original.id
    title = runs_text(text_of(f"{a}:title", _plain(original.title)))
    sapo = runs_text(text_of(f"{a}:sapo", _plain(original.sapo))) if original.sapo else ""
    blocks: list[Block] = []
    for n, block in enumerate(parse_body(original.body)):
        place = f"{a}:b{n}"
        match block:
            case Heading(runs=runs):
                blocks.append(Heading(block.level, text_of(place, runs)))
            case Paragraph(runs=runs):
                blocks.append(Paragraph(text_of(place, runs)))
            case Quote(paragraphs=paragraphs):
                blocks.append(Quote(tuple(text_of(f"{place}.{i}", p) for i, p in enumerate(paragraphs))))
            case ListBlock(items=items):
                blocks.append(
                    replace(
                        block,
                        items=tuple(ListItem(text_of(f"{place}.{i}", it.runs), it.level) for i, it in enumerate(items)),
                    )
                )
            case Table(header=header, rows=rows):
                all_rows = ([header] if header is not None else []) + list(rows)
                new_rows = [
                    tuple(text_of(f"{place}.r{r}c{c}", cell) if cell else cell for c, cell in enumerate(row))
                    for r, row in enumerate(all_rows)
                ]
                blocks.append(
                    Table(new_rows[0], tuple(new_rows[1:])) if header is not None else Table(None, tuple(new_rows))
                )
            case Figure(asset=asset, caption=caption, credit=credit):
                new_caption = runs_text(text_of(f"{place}.caption", _plain(caption))) if caption else ""
                blocks.append(Figure(asset, new_caption, credit))
    byline = runs_text(text_of(f"{a}:byline", _plain(original.byline))) if original.byline else ""
    return Translated(title, sapo, blocks_to_body(blocks), byline, tuple(missing))
