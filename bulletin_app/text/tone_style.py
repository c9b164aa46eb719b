"""Tone-mark placement style: old "hòa, khỏe, thúy" versus new "hoà, khoẻ, thuý".

The two styles differ only in open syllables ending in the vowel pairs oa, oe,
uy (no final consonant, and not "qu" + y where u belongs to the onset). NFC
does not unify them, so search and proofing normalise with this module.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache


class ToneStyle(StrEnum):
    OLD = "old"  # hòa, khỏe, thúy (classical, most government text)
    NEW = "new"  # hoà, khoẻ, thuý


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}
_CONSONANTS = set("bcdđghklmnpqrstvx")
_WORD = re.compile(r"[^\W\d_]+")


def _split_letters(word: str) -> list[tuple[str, str]]:
    """[(letter NFD without tone, tone mark or "")] for each letter of the word."""
    letters: list[tuple[str, str]] = []
    for ch in word:
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in _TONES)
        base = "".join(c for c in decomposed if c not in _TONES)
        letters.append((base, tone))
    return letters


def _affected_pair(letters: list[tuple[str, str]]) -> int | None:
    """Index of the first vowel of a final oa/oe/uy pair whose tone placement varies."""
    if len(letters) < 2:
        return None
    first, second = letters[-2][0].lower(), letters[-1][0].lower()
    if (first, second) not in _PAIRS:
        return None
    onset = [b.lower() for b, _ in letters[:-2]]
    if any(b not in _CONSONANTS for b in onset):
        return None
    if onset and onset[-1] == "q":
        return None
    return len(letters) - 2


@lru_cache(maxsize=65536)  # Vietnamese text repeats the same few thousand syllables
def _restyle_word(word: str, style: ToneStyle) -> str:
    letters = _split_letters(word)
    i = _affected_pair(letters)
    if i is None:
        return word
    tone = letters[i][1] + letters[i + 1][1]
    if not tone:
        return word
    target = i if style is ToneStyle.OLD else i + 1
    rebuilt = [(b, "") for b, _ in letters]
    rebuilt[target] = (rebuilt[target][0], tone)
    return unicodedata.normalize("NFC", "".join(b + t for b, t in rebuilt))


def normalize_tone_style(text: str, style: ToneStyle = ToneStyle.OLD) -> str:
    """Rewrite every oa/oe/uy syllable of ``text`` to one tone-mark style."""
    return _WORD.sub(lambda m: _restyle_word(m.group(0), style), text)


def tone_styles_used(text: str) -> set[ToneStyle]:
    """Which styles a text uses (both → the mixed-style proofing finding)."""
    used: set[ToneStyle] = set()
    for word in set(_WORD.findall(text)):
        style = _word_style(word)
        if style is not None:
            used.add(style)
    return used


@lru_cache(maxsize=65536)
def _word_style(word: str) -> ToneStyle | None:
    letters = _split_letters(word)
    i = _affected_pair(letters)
    if i is None:
        return None
    if letters[i][1]:
        return ToneStyle.OLD
    if letters[i + 1][1]:
        return ToneStyle.NEW
    return None
