"""Font resolution for both exporters: pip font packages first, then the system's fonts.

reportlab embeds only static TrueType faithfully, so every face is a static .ttf file.
``coverage`` reads the font's cmap to find characters it cannot draw: a missing glyph
would otherwise print as an empty box with no warning.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fontpkg
from reportlab.pdfbase.ttfonts import TTFontFile

from bulletin_app.domain.errors import ValidationError

STYLES = ("regular", "bold", "italic", "bold_italic")
_FONTPKG_STYLE = {
    "regular": (400, "normal"),
    "bold": (700, "normal"),
    "italic": (400, "italic"),
    "bold_italic": (700, "italic"),
}
# Well-known system font file names (Windows desktops have Times New Roman and Arial).
_SYSTEM_FILES = {
    "times new roman": ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    "arial": ("arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
    "tahoma": ("tahoma.ttf", "tahomabd.ttf", "tahoma.ttf", "tahomabd.ttf"),
    "liberation serif": (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ),
    "dejavu sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
}


@dataclass(frozen=True)
class FontFamily:
    name: str
    files: dict[str, Path]  # style → static .ttf

    def path(self, style: str) -> Path:
        return self.files[style]


def _system_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
    return [d for d in dirs if d.is_dir()]


def _find_system_file(name: str) -> Path | None:
    for folder in _system_dirs():
        direct = folder / name
        if direct.is_file():
            return direct
        for found in folder.rglob(name):
            return found
    return None


@lru_cache(maxsize=32)
def resolve_family(name: str) -> FontFamily:
    """Find the four static faces of a family; a clear error if it is not installed."""
    files: dict[str, Path] = {}
    try:
        for style, (weight, slant) in _FONTPKG_STYLE.items():
            files[style] = Path(fontpkg.path(name, weight, slant, nearest=True))
        return FontFamily(name, files)
    except fontpkg.FontpkgError:
        files.clear()
    system = _SYSTEM_FILES.get(name.lower())
    if system:
        for style, filename in zip(STYLES, system, strict=True):
            found = _find_system_file(filename)
            if found is None:
                break
            files[style] = found
        else:
            return FontFamily(name, files)
    raise ValidationError("Phông chữ", f"không tìm thấy phông “{name}” trên máy (cần các tệp .ttf tĩnh)")


@lru_cache(maxsize=64)
def _cmap(path: Path) -> frozenset[int]:
    return frozenset(TTFontFile(str(path)).charToGlyph)


def missing_characters(text: str, family: FontFamily, style: str = "regular") -> set[str]:
    """Characters of ``text`` the face cannot draw (whitespace and controls ignored)."""
    cmap = _cmap(family.path(style))
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) >= 0x20 and ord(ch) not in cmap}
