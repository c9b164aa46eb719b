"""Does a font have every Vietnamese letter? Checked glyph by glyph, cached, in small steps.

Qt's own writing-system flags come from the font's OS/2 code-page bits, which many fonts
set carelessly; a missing glyph would print as an empty box. So the font file's character
map is asked about each letter through ``QRawFont`` — the one physical font Qt picks for
the family, not ``QFontMetrics``, whose answer includes fallback fonts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import fontpkg
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
_CONSONANTS = "bcdđghklmnpqrstvx"


def _letters() -> str:
    lower = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES]
    assert all(len(ch) == 1 for ch in lower), "every toned vowel has a precomposed code point"
    letters = lower + list(_CONSONANTS)
    return "".join(letters + [ch.upper() for ch in letters])


# 12 vowels × 6 tones and 17 consonants (đ included), lower and upper case: 178 letters.
VIETNAMESE_LETTERS = _letters()


@dataclass(frozen=True)
class Coverage:
    family: str  # as asked for
    actual: str  # the font Qt uses for it (differs for aliases such as "Serif")
    missing: str  # Vietnamese letters without a glyph

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def substituted(self) -> bool:
        return self.actual.casefold() != self.family.casefold()


def missing_letters(raw: QRawFont) -> str:
    if not raw.isValid():
        return VIETNAMESE_LETTERS
    return "".join(ch for ch in VIETNAMESE_LETTERS if not raw.supportsCharacter(ord(ch)))


_cache: dict[str, Coverage] = {}


def coverage(family: str) -> Coverage:
    """Coverage of the regular face Qt uses for ``family`` (cached for the session)."""
    found = _cache.get(family)
    if found is None:
        raw = QRawFont.fromFont(QFont(family))
        found = _cache[family] = Coverage(family, raw.familyName() if raw.isValid() else "", missing_letters(raw))
    return found


def cached(family: str) -> Coverage | None:
    return _cache.get(family)


def file_coverage(path: Path) -> Coverage:
    """Coverage of one font file, without registering it."""
    raw = QRawFont(str(path), 12.0)
    return Coverage(path.stem, raw.familyName() if raw.isValid() else "", missing_letters(raw))


_registered: set[str] = set()


def register_bundled_fonts() -> list[str]:
    """Make every font package the exporters can embed (Spectral, Be Vietnam Pro…) known to Qt,
    so the font lists offer them on a machine where they are not installed."""
    for family in fontpkg.families().values():
        if family.name in _registered or family.is_variable:
            continue
        for weight, style in ((400, "normal"), (400, "italic"), (700, "normal"), (700, "italic")):
            try:
                path = fontpkg.path(family.name, weight, style, nearest=True)
            except fontpkg.FontpkgError:
                continue
            QFontDatabase.addApplicationFont(str(path))
        _registered.add(family.name)
    return sorted(_registered)


def system_families() -> list[str]:
    """Every font family Qt can use, private system faces left out, in case-blind order."""
    return sorted((f for f in QFontDatabase.families() if not QFontDatabase.isPrivateFamily(f)), key=str.casefold)


class CoverageScanner(QObject):
    """Checks families a few at a time on the GUI thread (QRawFont is a GUI-thread class), so
    a machine with a thousand fonts never freezes the window. Results are cached."""

    checked = Signal(object)  # Coverage
    finished = Signal()

    def __init__(self, parent: QObject | None = None, batch: int = 16) -> None:
        super().__init__(parent)
        self.batch = batch
        self._queue: list[str] = []
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._step)

    def start(self, families: Iterable[str]) -> None:
        self._queue = list(families)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._queue = []

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _step(self) -> None:
        for _ in range(self.batch):
            if not self._queue:
                self._timer.stop()
                self.finished.emit()
                return
            self.checked.emit(coverage(self._queue.pop(0)))
