"""Colours as a print shop and a screen each need them: every theme colour has its screen value
(``#RRGGBB``, what the DOCX and the "screen" PDF use) and its process value (CMYK, what the
print PDF uses), both written in the theme.

Greys and black are black ink only (0/0/0/K): small type in four-colour "rich black" blurs on
press. Other colours go through the output profile (``resources/color/bulletin-fogra39.icc``,
relative colorimetric with black-point compensation) — once, with ``scripts/theme_colours.py``,
which prints the lines to put in the theme; a theme that gives only ``#RRGGBB`` is converted the
same way when it is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bulletin_app.resources import resource_path

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_PROFILE = "color/bulletin-fogra39.icc"


@dataclass(frozen=True)
class Colour:
    hex: str  # "#RRGGBB" for screens and Word
    cmyk: tuple[float, float, float, float]  # ink coverage 0–1 for the press

    @property
    def rgb(self) -> tuple[float, float, float]:
        return tuple(int(self.hex[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


BLACK = Colour("#000000", (0.0, 0.0, 0.0, 1.0))


def parse_colour(value: object, profile: Path | None = None) -> Colour:
    """A theme's colour: ``"#RRGGBB"`` or ``{rgb = "#RRGGBB", cmyk = [C, M, Y, K]}`` (percent)."""
    if isinstance(value, str):
        if not _HEX.match(value):
            raise ValueError(f"“{value}” phải dạng #RRGGBB")
        return Colour(value.lower(), process_colour(value, profile))
    if isinstance(value, dict) and _HEX.match(str(value.get("rgb", ""))):
        cmyk = value.get("cmyk")
        if not (isinstance(cmyk, list) and len(cmyk) == 4 and all(isinstance(c, int | float) for c in cmyk)):
            raise ValueError("cmyk phải là 4 số C, M, Y, K (phần trăm)")
        if not all(0 <= c <= 100 for c in cmyk):
            raise ValueError("mỗi giá trị cmyk từ 0 đến 100")
        c, m, y, k = (float(x) / 100 for x in cmyk)
        return Colour(str(value["rgb"]).lower(), (c, m, y, k))
    raise ValueError(f"“{value}” không phải màu (#RRGGBB hoặc {{rgb = …, cmyk = […]}})")


def process_colour(hex_value: str, profile: Path | None = None) -> tuple[float, float, float, float]:
    """The CMYK of a screen colour: greys as black ink alone, text-dark greys as solid black,
    others through the output profile."""
    r, g, b = (int(hex_value[i : i + 2], 16) for i in (1, 3, 5))
    if max(r, g, b) - min(r, g, b) <= 6:  # a grey
        k = 1 - (r + g + b) / 3 / 255
        return (0.0, 0.0, 0.0, 1.0 if k >= 0.85 else round(k, 3))
    return _through_profile((r, g, b), str(profile or resource_path(*DEFAULT_PROFILE.split("/"))))


@lru_cache(maxsize=64)
def _through_profile(rgb: tuple[int, int, int], profile: str) -> tuple[float, float, float, float]:
    from PIL import Image, ImageCms

    transform = ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        ImageCms.getOpenProfile(profile),
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )
    pixel = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), transform)
    assert pixel is not None
    return tuple(round(v / 255, 3) for v in pixel.getpixel((0, 0)))  # type: ignore[return-value, union-attr]
