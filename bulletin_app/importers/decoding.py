"""Bytes of a text file → str, with the encoding named for the findings."""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass

from viparse.normalize.detector import convert, detect_encoding_by_content
from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS


class UndecodableError(ValueError):
    pass


class BinaryFileError(UndecodableError):
    """NUL bytes outside UTF-16: not a text file at all."""


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding name).

    BOMs decide first (UTF-8, UTF-16 LE/BE); then UTF-16 LE without BOM when
    every other byte is zero; NUL bytes otherwise mean a binary file; then
    strict UTF-8; then the charset the file declares (an HTML page's meta
    charset), if any; finally Windows-1258, the Vietnamese Windows code page,
    which decodes any byte sequence it is given only when no undefined byte is present.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryFileError("tệp nhị phân, không phải văn bản")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise UndecodableError("không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)") from exc


# Letters only Unicode Vietnamese has: legacy TCVN3/VNI/VISCII text is spelled with
# Latin-1 characters and never contains these.
_UNICODE_ONLY = re.compile("[\u1ea0-\u1ef9\u0103\u0102\u01a1\u01a0\u01b0\u01af\u0111\u0110]")


def _looks_unicode(text: str) -> bool:
    """Plainly Unicode Vietnamese (or nothing beyond ASCII): the legacy tables cannot
    apply, and the trial conversions of the detector are spared."""
    return text.isascii() or len(_UNICODE_ONLY.findall(text, 0, 20000)) >= 3


LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII"}


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Legacy Vietnamese (TCVN3, VNI, VISCII) → Unicode, detected from the text itself.

    Runs on the raw decoded text, before any cleaning: in TCVN3 the byte 0xAD is "ư",
    which a soft-hyphen filter would delete. Returns (text, legacy name or None).
    """
    if _looks_unicode(text):
        return text, None
    detection = detect_encoding_by_content(text, AUTO_DETECT_CHARMAPS)
    if detection.encoding in AUTO_DETECT_CHARMAPS and detection.confidence >= 0.5:
        return convert(text, AUTO_DETECT_CHARMAPS[detection.encoding]), LEGACY_NAMES.get(detection.encoding)
    return text, None


# Codecs (Python's names) a file may be read with whose bytes may just as well be
# TCVN3/VNI/VISCII text. The Latin-1 last resort below is checked on its own reading.
_EIGHT_BIT = frozenset({"cp1258", "cp1252", "iso8859-1", "iso8859-15"})

# Mojibake: UTF-8 bytes shown one by one as Windows-1252 (or Latin-1) characters. Each
# byte by the characters that show it: Latin-1's (C1 controls for 0x80–0x9F, which is
# also how browsers show the five bytes Windows-1252 leaves undefined) and Windows-1252's.
_BYTE_OF = {chr(b): b for b in range(256)} | {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _shown(low: int, high: int) -> str:
    return re.escape("".join(c for c, b in _BYTE_OF.items() if low <= b <= high))


_CONT = f"[{_shown(0x80, 0xBF)}]"
_UTF8_SHOWN = re.compile(f"[{_shown(0xE0, 0xEF)}]{_CONT}{_CONT}|[{_shown(0xC2, 0xDF)}]{_CONT}")
# Sequences no right Vietnamese text has: the misread ạ–ỹ, đ Đ, ơ Ơ, ư Ư, ă Ă, ĩ Ĩ, ũ Ũ
# and curly quotes/dashes (once or twice misread). Only a text with one of them is repaired.
_SURE_MOJIBAKE = re.compile("á»|áº|Ã¡Â[»º]|Ä[‘\x90ƒ‚©¨]|Æ[°¡¯\xa0]|Å[©¨]|â€")
# What a repaired sequence may give: letters of Vietnamese (and of European names),
# Vietnamese tone marks, Latin-1 and Windows-1252 signs, dashes, quotes, ellipsis, and the
# C1 controls and Windows-1252 letters a text misread twice shows after the first repair.
_REPAIRABLE = re.compile(
    "[\u0080-\u017f\u0192\u01a0\u01a1\u01af\u01b0\u02c6\u02dc\u1ea0-\u1ef9\u0300-\u0323"
    "\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# A sequence whose last byte Windows-1252 could not show ("Ä\ufffd"): put back only when
# one of the five possible bytes gives a Vietnamese letter or quote (Đ, ”), not several.
_LOST_LAST = re.compile(f"(?:[{_shown(0xE0, 0xEF)}]{_CONT}|[{_shown(0xC2, 0xDF)}])\ufffd")
_VIETNAMESE = re.compile("[A-Za-zÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ“”‘’–—…]")


def _lost_byte(match: re.Match[str]) -> str:
    head = bytes(_BYTE_OF[c] for c in match[0][:-1])
    meant = set()
    for last in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
        with contextlib.suppress(UnicodeDecodeError):
            meant.add((head + bytes([last])).decode("utf-8"))
    vietnamese = [c for c in meant if _VIETNAMESE.fullmatch(c)]
    return vietnamese[0] if len(vietnamese) == 1 else match[0]


def _meant(match: re.Match[str]) -> str | None:
    """The character a shown sequence stands for, or None to leave it as it is."""
    try:
        meant = bytes(_BYTE_OF[c] for c in match[0]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not _REPAIRABLE.fullmatch(meant):
        return None
    # A capital Ã or Â ending a capitalised word ("ĐÃ") is right text before a no-break
    # space, or before a quote, dash or ellipsis with no letter after it.
    shown, text = match[0], match.string
    if len(shown) == 2 and match.start() > 0 and text[match.start() - 1].isupper():
        word_goes_on = match.end() < len(text) and text[match.end()].isalpha()
        if shown[1] == "\xa0" or (shown[1] in "“”‘’–—…•«»" and not word_goes_on):
            return None
    return meant


def repair_mojibake(text: str) -> tuple[str, int]:
    """UTF-8 text that was once read as Windows-1252/Latin-1 ("Sá»Ÿ Ngoáº¡i vá»¥") →
    the text meant ("Sở Ngoại vụ"); returns (text, places repaired).

    Done here rather than with ftfy: ftfy turns a right "ĐÃ" + no-break space into "Đà",
    and leaves misread words alone on a line that also has right Vietnamese letters.
    Each sequence that is one UTF-8 character shown as Windows-1252 is put back, only in
    a text with sure signs of the misreading, only when it gives a letter, mark or sign
    of Vietnamese text, and twice over at most (text misread twice). Bytes lost on the
    way (shown as "\ufffd") come back only where just one Vietnamese letter or quote fits
    ("Ä\ufffd" can only be "Đ"); the others stay, and proofing reports them.
    """
    places = [0]

    def put_back(match: re.Match[str]) -> str:
        meant = _meant(match)
        if meant is None:
            return match[0]
        places[0] += 1
        return meant

    def put_back_lost(match: re.Match[str]) -> str:
        meant = _lost_byte(match)
        places[0] += meant != match[0]
        return meant

    for _ in range(2):
        if not _SURE_MOJIBAKE.search(text):
            break
        text = _UTF8_SHOWN.sub(put_back, text)
    if places[0]:
        text = _LOST_LAST.sub(put_back_lost, text)
    return text, places[0]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec that read the bytes
    legacy: str | None = None  # TCVN3 (ABC), VNI or VISCII when the text was converted from it
    mojibake_repaired: int = 0  # places where UTF-8 read as Windows-1252 was repaired


def decode_vietnamese(data: bytes, declared: str | None = None) -> Decoded:
    """Bytes → Unicode text, mojibake repaired and legacy 8-bit Vietnamese encodings
    converted. ``declared`` is the charset the file names for itself (HTML), if any."""
    try:
        text, encoding = decode_text(data, declared)
    except BinaryFileError:
        raise
    except UndecodableError:  # bytes Windows-1258 leaves undefined: an 8-bit legacy file?
        text, encoding = data.decode("latin-1"), "latin-1 (last resort)"
    if encoding in _EIGHT_BIT:
        # Not UTF-8: an 8-bit file may be TCVN3/VNI as well as Windows-1258; legacy tables
        # are keyed on the Windows-1252 reading of the bytes.
        legacy_view = data.decode("cp1252", errors="replace").replace("\ufffd", "")
        converted, legacy = convert_legacy(legacy_view)
        return Decoded(converted, encoding, legacy) if legacy else Decoded(text, encoding)
    # Mojibake first: "Sá»Ÿ" is Latin-1 letters too, and must not be taken for TCVN3.
    repaired, places = repair_mojibake(text)
    if places:
        return Decoded(repaired, encoding, mojibake_repaired=places)
    converted, legacy = convert_legacy(text)  # legacy text saved as UTF-8 (copied from an old font)
    return Decoded(converted, encoding, legacy) if legacy else Decoded(text, encoding)
