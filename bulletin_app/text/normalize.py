"""Cleaning applied to every piece of text on its way into the library.

The goal is that what the editor typed or pasted is stored exactly, minus the
invisible debris that copy-paste from web pages, PDFs and Word brings along.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that are spaces in disguise (NBSP, figure/narrow/ideographic spaces,
# the en/em/thin space family).
_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
# Characters that mean "new line" in one program or another (vertical tab and
# form feed come from Word's manual line/page breaks, U+2028/2029 from web copies).
_LINE_BREAKS = "\u2028\u2029\u000b\u000c\u0085"
# Invisible characters removed outright: BOM, zero-width space/joiners, word
# joiner, soft hyphen, bidi marks.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u180e"
# Eth and its look-alikes pasted in place of Đ/đ (common from old fonts and OCR).
_ETH = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"}

_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _SPACE_LIKE}
_TRANSLATE.update({ord(c): "\n" for c in _LINE_BREAKS})
_TRANSLATE.update({ord(c): None for c in _INVISIBLE})
_TRANSLATE.update({ord(k): v for k, v in _ETH.items()})
# Other C0/C1 control characters carry no meaning in an article.
for _cp in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
    if chr(_cp) not in "\n\t\u000b\u000c\u0085" and _cp != 0x0D:
        _TRANSLATE[_cp] = None

_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACE_RUN = re.compile(r"(?<=\S) {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def nfc(text: str) -> str:
    """Unicode NFC: decomposed marks (NFD from macOS or some web pages) recomposed."""
    return unicodedata.normalize("NFC", text)


def _base_clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATES.sub("", text)
    text = text.translate(_TRANSLATE)
    return nfc(text)


def clean_text(text: str) -> str:
    """Clean multi-line text (an article body): keeps line structure and indentation.

    Runs of spaces inside a line collapse to one, trailing spaces go, more than
    one blank line collapses to one, the text is trimmed and NFC.
    """
    text = _base_clean(text)
    lines = [_SPACE_RUN.sub(" ", line).rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n").strip()


def clean_line(text: str) -> str:
    """Clean a single-line field (title, byline, tag): line breaks become spaces."""
    text = _base_clean(text).replace("\n", " ")
    return " ".join(text.split())


def has_marks(text: str) -> bool:
    """True when the text carries any diacritic or đ (the query 'has accents')."""
    for ch in text:
        if ch in "đĐ":
            return True
        decomposed = unicodedata.normalize("NFD", ch)
        if len(decomposed) > 1 and any(unicodedata.combining(c) for c in decomposed):
            return True
    return False
