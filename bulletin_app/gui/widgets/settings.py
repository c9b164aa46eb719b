"""The user's preferences, kept in QSettings (registry on Windows, ini file elsewhere).

One typed place for every key so the preferences dialog, the editor's autosave and the
start-up code agree on names and defaults.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "SoNgoaiVuThaiNguyen"
APPLICATION = "BanTinDoiNgoai"
LANGUAGES = ("vi", "en")


def qsettings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


class AppSettings:
    """Typed accessors over QSettings; every value has a sensible default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()

    def _str(self, key: str, default: str) -> str:
        value = self.store.value(key, default)
        return str(value) if value is not None else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, str):  # ini files give strings back
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self.store.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.store.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    # library file path or SQLAlchemy URL; "" = the default file in the data folder
    @property
    def library_location(self) -> str:
        return self._str("library/location", "")

    @library_location.setter
    def library_location(self, value: str) -> None:
        self.store.setValue("library/location", value.strip())

    @property
    def ui_language(self) -> str:
        value = self._str("ui/language", "vi")
        return value if value in LANGUAGES else "vi"

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.store.setValue("ui/language", value if value in LANGUAGES else "vi")

    @property
    def theme(self) -> str:
        return self._str("export/theme", "default")

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("export/theme", value or "default")

    # "" = the theme's own fonts
    @property
    def body_font(self) -> str:
        return self._str("export/body_font", "")

    @body_font.setter
    def body_font(self, value: str) -> None:
        self.store.setValue("export/body_font", value)

    @property
    def heading_font(self) -> str:
        return self._str("export/heading_font", "")

    @heading_font.setter
    def heading_font(self, value: str) -> None:
        self.store.setValue("export/heading_font", value)

    # seconds between autosaves of an open article draft (0 = off)
    @property
    def autosave_seconds(self) -> int:
        return max(0, self._int("editor/autosave_seconds", 30))

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self.store.setValue("editor/autosave_seconds", max(0, int(value)))

    # ---------------------------------------------------------------- export dialog memory
    # the folder the last export went to; "" = the user's documents folder
    @property
    def export_folder(self) -> str:
        return self._str("export/last_folder", "")

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self.store.setValue("export/last_folder", value)

    # "19x27cm", "A4", "A5" or "WxHmm" (services.export.parse_page_size)
    @property
    def export_page_size(self) -> str:
        return self._str("export/page_size", "19x27cm")

    @export_page_size.setter
    def export_page_size(self, value: str) -> None:
        self.store.setValue("export/page_size", value or "19x27cm")

    @property
    def export_booklet(self) -> bool:
        return self._bool("export/booklet", False)

    @export_booklet.setter
    def export_booklet(self, value: bool) -> None:
        self.store.setValue("export/booklet", bool(value))

    @property
    def export_bleed_mm(self) -> float:
        return min(10.0, max(0.0, self._float("export/bleed_mm", 0.0)))

    @export_bleed_mm.setter
    def export_bleed_mm(self, value: float) -> None:
        self.store.setValue("export/bleed_mm", float(value))

    @property
    def export_crop_marks(self) -> bool:
        return self._bool("export/crop_marks", False)

    @export_crop_marks.setter
    def export_crop_marks(self, value: bool) -> None:
        self.store.setValue("export/crop_marks", bool(value))

    @property
    def export_profile(self) -> str:
        """ "print" (PDF/X-4 for the press) or "screen" (RGB with links)."""
        value = str(self.store.value("export/profile", "print"))
        return value if value in ("print", "screen") else "print"

    @export_profile.setter
    def export_profile(self, value: str) -> None:
        self.store.setValue("export/profile", value)
