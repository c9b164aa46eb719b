"""Search folding: marks stripped, đ→d, case folded.

The same function folds the indexed text and the query, so "da nang" meets
"Đà Nẵng". :func:`fold_with_map` keeps a map back to the original string so a
hit found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold()


def fold(text: str) -> str:
    """Fold text for accent- and case-insensitive matching."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text.casefold()
    return "".join(_fold_char(ch) for ch in text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` (NFC) and return, for each folded char, its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index
