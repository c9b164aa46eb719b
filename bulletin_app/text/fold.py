"""Search folding: marks stripped, đ→d, case folded.

The same function folds the indexed text and the query, so "da nang" meets
"Đà Nẵng". :func:`fold_with_map` keeps a map back to the original string so a
hit found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold()


def _build_table() -> dict[int, str]:
    """Precomputed folds of the Latin letters with marks (Vietnamese and its neighbours)."""
    table: dict[int, str] = {}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(start, end):
            folded = _fold_char(chr(cp))
            if folded != chr(cp).casefold():
                table[cp] = folded
    return table


_TABLE = _build_table()
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Fold text for accent- and case-insensitive matching."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFC", text).translate(_TABLE).casefold()
    if _COMBINING.search(text):
        # Marks that no precomposed letter absorbed (rare scripts, stray combining marks).
        return "".join(_fold_char(ch) for ch in text)
    return text


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` (NFC) and return, for each folded char, its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def name_key(name: str) -> str:
    """The identity of a column or tag name: folded (accents, đ, case), spaces collapsed."""
    from bulletin_app.text.normalize import clean_line

    return " ".join(fold(clean_line(name)).split())
