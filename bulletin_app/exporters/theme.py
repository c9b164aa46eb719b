"""Themes: the one description of the page both exporters lay out from."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from bulletin_app.domain.errors import ValidationError
from bulletin_app.exporters.colour import Colour, parse_colour

# Colours a theme may leave out, with their screen value (converted like the theme's own).
_DEFAULT_COLOURS = {"table_header": "#f1e4e4", "rule": "#9b1c1c"}
PRINT, SCREEN = "print", "screen"


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
    sizes: dict[str, float]
    spacing: dict[str, float]
    colors: dict[str, Colour]
    running: dict[str, str] = field(default_factory=dict)
    section_new_page: bool = False
    hyphenate_english: bool = True  # English text is hyphenated (Vietnamese never is)
    part_on_right: bool = True  # a language part opens on a right-hand page

    def size(self, key: str) -> float:
        return self.sizes[key]

    def columns_for(self, kind: str) -> int:
        return max(1, min(3, int(self.columns.get(kind, 1))))

    def with_page(self, width_mm: float, height_mm: float) -> Theme:
        return replace(self, width_mm=width_mm, height_mm=height_mm)


def load_theme(path: Path) -> Theme:
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("Giao diện", f"không đọc được {path}: {exc}") from exc
    try:
        page, fonts = raw["page"], raw["fonts"]
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
            sizes={k: float(v) for k, v in raw["sizes"].items()},
            spacing={k: float(v) for k, v in raw["spacing"].items()},
            colors=_colours(raw["colors"], path),
            running={k: str(v) for k, v in raw.get("running", {}).items()},
            section_new_page=bool(raw.get("layout", {}).get("section_new_page", False)),
            hyphenate_english=bool(raw.get("layout", {}).get("hyphenate_english", True)),
            part_on_right=bool(raw.get("layout", {}).get("part_on_right", True)),
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
