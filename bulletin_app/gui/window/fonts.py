"""The app's own fonts, registered with Qt so nothing draws as boxes on a bare machine."""

from __future__ import annotations

import fontpkg
from PySide6.QtGui import QFont, QFontDatabase

UI_FAMILY = "Be Vietnam Pro"


def register_app_fonts() -> str | None:
    """Register Be Vietnam Pro (regular, italic, bold, semibold); returns the family name."""
    family: str | None = None
    for weight, style in ((400, "normal"), (400, "italic"), (600, "normal"), (700, "normal"), (700, "italic")):
        try:
            path = fontpkg.path(UI_FAMILY, weight, style, nearest=True)
        except fontpkg.FontpkgError:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def ui_font(family: str, point_size: float = 10.0) -> QFont:
    font = QFont(family)
    font.setPointSizeF(point_size)
    return font
