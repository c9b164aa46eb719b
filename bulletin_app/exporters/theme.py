"""Themes: the one description of the page both exporters lay out from."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bulletin_app.domain.errors import ValidationError
from bulletin_app.exporters.colour import Colour, parse_colour
from bulletin_app.resources import resource_path

# Colours a theme may leave out, with their screen value (converted like the theme's own).
_DEFAULT_COLOURS = {"table_header": "#f1e4e4", "rule": "#9b1c1c", "link": "#1a4f8b"}
PRINT, SCREEN = "print", "screen"
ALIGNMENTS = ("left", "right", "center", "justify")
# The shipped theme: a theme that leaves a style, a size or a colour out takes it from here.
_DEFAULT_THEME = resource_path("themes", "default.toml")
# Themes written before [styles]: their [sizes] and [spacing] keys, mapped onto the styles.
_LEGACY_SIZES = {"sapo", "article_title", "section_title", "heading2", "heading3", "caption", "byline",
                 "running", "cover_word", "cover_name"}  # fmt: skip


@dataclass(frozen=True)
class TextStyle:
    """One named paragraph style, resolved to points: what both exporters' mappers read
    (``pdf_styles.build_styles``, ``docx_styles``)."""

    name: str
    family: str  # the font family's name (the theme's body or heading face)
    role: str  # "body" or "heading": which of the theme's faces
    size: float
    leading: float  # line spacing in pt
    on_grid: bool  # leading is the baseline grid's
    colour: str  # a key of Theme.colors
    align: str  # one of ALIGNMENTS
    bold: bool = False
    italic: bool = False
    first_indent: float = 0.0  # negative: a hanging indent (list markers)
    left_indent: float = 0.0
    right_indent: float = 0.0
    before: float = 0.0  # pt (whole or half lines of the grid)
    after: float = 0.0
    keep_with_next: bool = False


@dataclass(frozen=True)
class PdfOptions:
    """How the PDF's pages are made beyond the theme (here, not in ``pdf``: a DOCX-only export
    describes its layout without importing reportlab)."""

    booklet: bool = False
    bleed_mm: float = 0.0
    crop_marks: bool = False
    # "print": PDF/X-4 for the press (CMYK, an output intent, no links); "screen": RGB with
    # links, for e-mail and the web.
    profile: str = PRINT
    output_profile: Path | None = None  # the print shop's own .icc (None: the shipped FOGRA39)


@dataclass(frozen=True)
class Theme:
    name: str
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_inner_mm: float
    margin_outer_mm: float
    column_gap_mm: float
    header_offset_mm: float
    footer_offset_mm: float
    columns: dict[str, int]
    body_font: str
    heading_font: str
    grid: float  # pt: running text's line spacing, the baseline grid of the columns
    styles: dict[str, TextStyle]
    colors: dict[str, Colour]
    running: dict[str, str] = field(default_factory=dict)
    section_new_page: bool = False
    hyphenate_english: bool = True  # English text is hyphenated (Vietnamese never is)
    part_on_right: bool = True  # a language part opens on a right-hand page
    article_after: float = 14.5  # pt between two articles

    def style(self, key: str) -> TextStyle:
        return self.styles[key]

    def size(self, key: str) -> float:
        return self.styles[key].size

    def columns_for(self, kind: str) -> int:
        return max(1, min(3, int(self.columns.get(kind, 1))))

    def with_page(self, width_mm: float, height_mm: float) -> Theme:
        return replace(self, width_mm=width_mm, height_mm=height_mm)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("Giao diện", f"không đọc được {path}: {exc}") from exc


def _merged(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` over the shipped theme, table by table and style by style."""
    base = _read(_DEFAULT_THEME)
    merged = {**base, **raw}
    for table in ("page", "fonts", "grid", "layout", "columns", "colors", "running"):
        merged[table] = {**base.get(table, {}), **raw.get(table, {})}
    styles = {k: dict(v) for k, v in base["styles"].items()}
    for key, value in raw.get("styles", {}).items():
        styles[key] = {**styles.get(key, {}), **value}
    sizes, spacing = raw.get("sizes", {}), raw.get("spacing", {})
    for key, size in sizes.items():  # an older theme's [sizes]
        if key in _LEGACY_SIZES:
            styles[key]["size"] = size
    if "body" in sizes:
        for key in ("body", "quote", "list_item"):
            styles[key]["size"] = sizes["body"]
    if "leading" in sizes:
        merged["grid"]["leading"] = sizes["leading"]
    if "first_line_indent" in spacing:
        styles["body"]["first_indent"] = spacing["first_line_indent"]
    if "article_after" in spacing:
        merged["grid"]["article_after"] = spacing["article_after"] / float(merged["grid"]["leading"])
    merged["styles"] = styles
    return merged


def _number(raw: dict[str, Any], key: str, default: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key} = {value!r}: cần một con số")
    return float(value)


def _style(name: str, raw: dict[str, Any], grid: float, fonts: dict[str, str], colours: set[str]) -> TextStyle:
    role = str(raw.get("font", "body"))
    if role not in fonts:
        raise ValueError(f"font “{role}”: chỉ có body hoặc heading")
    size = _number(raw, "size")
    leading = raw.get("leading", "grid")
    on_grid = leading == "grid"
    align = str(raw.get("align", "justify"))
    colour = str(raw.get("colour", "text"))
    if align not in ALIGNMENTS:
        raise ValueError(f"align “{align}”: chỉ có {', '.join(ALIGNMENTS)}")
    if colour not in colours:
        raise ValueError(f"colour “{colour}” không có trong [colors]")
    if size <= 0:
        raise ValueError(f"size = {size:g}: phải lớn hơn 0")
    return TextStyle(
        name=name,
        family=fonts[role],
        role=role,
        size=size,
        leading=grid if on_grid else size * _number(raw, "leading"),
        on_grid=on_grid,
        colour=colour,
        align=align,
        bold=bool(raw.get("bold", False)),
        italic=bool(raw.get("italic", False)),
        first_indent=_number(raw, "first_indent", 0.0),
        left_indent=_number(raw, "left_indent", 0.0),
        right_indent=_number(raw, "right_indent", 0.0),
        before=_number(raw, "before", 0.0) * grid,
        after=_number(raw, "after", 0.0) * grid,
        keep_with_next=bool(raw.get("keep_with_next", False)),
    )


def load_theme(path: Path) -> Theme:
    raw = _merged(_read(path))
    try:
        page, fonts = raw["page"], raw["fonts"]
        grid = float(raw["grid"]["leading"])
        colours = _colours(raw["colors"], path)
        faces = {"body": str(fonts["body"]), "heading": str(fonts["heading"])}
        styles = {}
        for key, value in raw["styles"].items():
            try:
                styles[key] = _style(key, value, grid, faces, set(colours))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValidationError("Giao diện", f"{path}: kiểu chữ {key}: {exc}") from None
        theme = Theme(
            name=str(raw.get("name", path.stem)),
            width_mm=float(page["width_mm"]),
            height_mm=float(page["height_mm"]),
            margin_top_mm=float(page["margin_top_mm"]),
            margin_bottom_mm=float(page["margin_bottom_mm"]),
            margin_inner_mm=float(page["margin_inner_mm"]),
            margin_outer_mm=float(page["margin_outer_mm"]),
            column_gap_mm=float(page["column_gap_mm"]),
            header_offset_mm=float(page["header_offset_mm"]),
            footer_offset_mm=float(page["footer_offset_mm"]),
            columns={k: int(v) for k, v in raw.get("columns", {}).items()},
            body_font=str(fonts["body"]),
            heading_font=str(fonts["heading"]),
            grid=grid,
            styles=styles,
            colors=colours,
            running={k: str(v) for k, v in raw.get("running", {}).items()},
            section_new_page=bool(raw.get("layout", {}).get("section_new_page", False)),
            hyphenate_english=bool(raw.get("layout", {}).get("hyphenate_english", True)),
            part_on_right=bool(raw.get("layout", {}).get("part_on_right", True)),
            article_after=float(raw["grid"].get("article_after", 1)) * grid,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError("Giao diện", f"{path}: thiếu hoặc sai mục {exc}") from exc
    return theme


def _colours(raw: dict[str, object], path: Path) -> dict[str, Colour]:
    colours: dict[str, Colour] = {}
    for key, value in {**_DEFAULT_COLOURS, **raw}.items():
        try:
            colours[key] = parse_colour(value)
        except ValueError as exc:
            raise ValidationError("Giao diện", f"{path}: màu {key}: {exc}") from None
    return colours
