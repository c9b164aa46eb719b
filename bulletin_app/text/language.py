"""Vietnamese or English? Told from the text itself, offline, in microseconds.

A documented heuristic rather than a general language identifier: the library only ever
holds Vietnamese and English (and the question is which of the two, or both). Offline
identifiers that ship their models in the wheel exist (lingua: ~100 MB of models and
seconds to load; langid) but answer a harder question than this one, and Vietnamese is
unusually easy to tell: its letters carry marks English never uses, and words without
marks still follow Vietnamese syllable shapes. Evidence per word:

* a word with Vietnamese marks or đ → Vietnamese (a capitalised one counts less: English
  texts name "Thái Nguyên" and "Nguyễn Văn A");
* a common Vietnamese function word typed without marks ("cua", "duoc", "nhung") →
  Vietnamese;
* an English function word ("the", "of", "and") → English;
* a word of unmarked letters that no Vietnamese syllable could spell ("cooperation",
  "province": Vietnamese syllables end in a vowel or c/ch/m/n/ng/nh/p/t) → English, less
  when capitalised (foreign names appear in Vietnamese texts);
* an unmarked word that could be a Vietnamese syllable ("Minh", "Ngoc") → a little
  Vietnamese. Acronyms (UBND, JICA) count for neither.

Each paragraph is judged on its own; a text whose minority language holds a real share
of the words is reported as mixed (a translation pasted under its original, an English
quotation inside a Vietnamese article).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

VI, EN = "vi", "en"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")

_EN_WORDS = frozenset(
    """the of and to in is are was were be been being for on with that this these those by as at from
    it its into has have had will would which who whom whose their they them there than then or not
    but also about after over under between during through such other more most can could should may
    our we you he she his her has not all any each both new including within while where when what
    said says province provincial people department ministry committee development cooperation""".split()
)
# Vietnamese function words as typed without marks, none of them an English word.
_VI_BARE = frozenset(
    """cua va cac nhung duoc trong voi cho mot nay tai tinh nguoi khong da se dang la cung nhu ve
    theo tu den tren duoi sau truoc viec nam thang ngay tac tin phat trien dau quoc te doi
    chu tich uy ban nhan dan ngoai vu kinh te van hoa giao duc nuoc ta chung toi thi""".split()
)
_EN_ONLY_SHAPE_MIN = 3  # "ok", "tv" say nothing
MIN_EVIDENCE = 0.3  # below this the text says too little ("2026", "UBND")
MIXED_SHARE = 0.2  # the minority language's share of the words that makes a text "mixed"
MIXED_MIN_WORDS = 12  # and at least this many of them


@dataclass(frozen=True)
class LanguageGuess:
    language: str | None  # "vi", "en", or None when the text says too little
    confidence: float  # 0–1: how one-sided the evidence is
    mixed: bool = False  # both languages hold a real share of the words
    vi_words: int = 0
    en_words: int = 0


def _has_vi_marks(word: str) -> bool:
    if "đ" in word or "Đ" in word:
        return True
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _word_evidence(word: str) -> tuple[float, float]:
    """(Vietnamese, English) evidence of one word; texts repeat their syllables, so it is cached."""
    if _has_vi_marks(word):
        return (0.4 if word[0].isupper() else 1.0), 0.0
    lower = word.lower().replace("’", "'")
    if lower in _EN_WORDS:
        return 0.0, 1.0
    if lower in _VI_BARE:
        return 0.6, 0.0
    if not lower.isascii() or (len(word) > 1 and word.isupper()):
        return 0.0, 0.0  # another script; an acronym (UBND, JICA) says nothing
    if _SYLLABLE.match(lower):
        return 0.2, 0.0  # could be a Vietnamese syllable typed without marks ("Minh", "Ngoc")
    if len(lower) >= _EN_ONLY_SHAPE_MIN:
        return 0.0, (0.8 if word.islower() else 0.4)  # a capital may be a foreign name in Vietnamese text
    return 0.0, 0.0


def _evidence(text: str) -> tuple[float, float, int]:
    """(Vietnamese score, English score, words) of a stretch of text."""
    vi = en = 0.0
    words = 0
    for word in _WORD.findall(text):
        words += 1
        v, e = _word_evidence(word)
        vi += v
        en += e
    return vi, en, words


def _decide(vi: float, en: float) -> tuple[str | None, float]:
    total = vi + en
    if total < MIN_EVIDENCE:
        return None, 0.0
    return (VI if vi >= en else EN), abs(vi - en) / total


def detect_language(text: str) -> LanguageGuess:
    """Vietnamese or English, judged paragraph by paragraph; see the module's notes."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    words_in = {VI: 0, EN: 0}
    vi_total = en_total = 0.0
    for paragraph in paragraphs:
        vi, en, words = _evidence(paragraph)
        vi_total += vi
        en_total += en
        language, _ = _decide(vi, en)
        if language is not None:
            words_in[language] += words
    language, confidence = _decide(vi_total, en_total)
    counted = words_in[VI] + words_in[EN]
    minority = min(words_in[VI], words_in[EN])
    mixed = counted > 0 and minority >= MIXED_MIN_WORDS and minority / counted >= MIXED_SHARE
    return LanguageGuess(language, round(confidence, 3), mixed, words_in[VI], words_in[EN])
