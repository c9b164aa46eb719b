"""Vietnamese collation key, equal in order to ICU's ``vi`` collator.

Alphabet: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z).
Like ICU (CLDR root + the ``vi`` tailoring), comparison happens in three levels:
letters first over the whole string, then tone marks (none < huyền < hỏi < ngã
< sắc < nặng), then case (lower < upper). Spaces and punctuation are
non-ignorable and sort before digits, digits before letters — so "Hà Lan"
comes before "Hàn Quốc".

The key is ``bytes`` so it can be stored in a column and compared by any
database; it is built the way ICU builds sort keys (weights per level, a
zero separator between levels).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_PRIMARY = {ch: 3000 + i for i, ch in enumerate(_ALPHABET)}
# Letter modifiers that make a Vietnamese letter of its own (primary difference).
_LETTER_MODIFIERS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# Secondary weights. 1 is "common" (no mark). Tone order from CLDR's vi tailoring:
# &̀<<̉<<̃<<́<<̣
_TONE_SECONDARY = {"\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0301": 5, "\u0323": 6}
_COMMON = 1
# Punctuation in CLDR root order (approximately; all sort before digits).
_PUNCT_ORDER = " _-‐‑‒–—―,;:!¡?¿.…·'‘’‚‹›\"“”„«»()[]{}§¶@*/\\&#%‰†‡•`´˜^¯¨°©®+±÷×<=>¬|¦~¤¢$£¥€0123456789"
_PUNCT_PRIMARY = {ch: 10 + i for i, ch in enumerate(_PUNCT_ORDER)}
_IGNORABLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_SEPARATOR = b"\x00\x00\x00"


@lru_cache(maxsize=8192)
def _char_elements(ch: str) -> tuple[tuple[int, int, int], ...]:
    """Collation elements (primary, secondary, tertiary) of one NFC character."""
    if ch in _IGNORABLE:
        return ()
    lower = ch.lower()
    upper_case = 2 if ch != lower else 1
    if lower == "đ":
        return ((_LETTER_PRIMARY["đ"], _COMMON, upper_case),)
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], list(decomposed[1:])
    # A modifier that makes a letter of its own (ă â ê ô ơ ư) folds into the base.
    for mark in list(marks):
        letter = _LETTER_MODIFIERS.get((base, mark))
        if letter:
            base = letter
            marks.remove(mark)
            break
    if base in _LETTER_PRIMARY:
        primary = _LETTER_PRIMARY[base]
    elif base in _PUNCT_PRIMARY:
        primary = _PUNCT_PRIMARY[base]
    elif base.isspace():
        primary = _PUNCT_PRIMARY[" "]
    elif unicodedata.category(base).startswith(("P", "S")):
        primary = 200 + ord(base) % 2000  # other punctuation/symbols: before digits
    else:
        primary = 10000 + ord(base)  # other scripts after Latin, by code point
    elements = [(primary, _COMMON, upper_case)]
    for mark in marks:
        secondary = _TONE_SECONDARY.get(mark, 10 + ord(mark) - 0x300)
        elements.append((0, secondary, 1))
    return tuple(elements)


def _weights(text: str) -> tuple[list[int], list[int], list[int]]:
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for ch in unicodedata.normalize("NFC", text):
        for p, s, t in _char_elements(ch):
            if p:
                primary.append(p)
            secondary.append(s)
            tertiary.append(t)
    return primary, secondary, tertiary


def _pack(weights: list[int]) -> bytes:
    return b"".join(w.to_bytes(3, "big") for w in weights)


def collation_key(text: str) -> bytes:
    """Sort key: ``sorted(names, key=collation_key)`` is Vietnamese dictionary order."""
    primary, secondary, tertiary = _weights(text)
    return _pack(primary) + _SEPARATOR + _pack(secondary) + _SEPARATOR + _pack(tertiary)


def sort_vi(items: Iterable[str]) -> list[str]:
    return sorted(items, key=collation_key)
