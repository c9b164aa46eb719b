"""Bytes of a text file → str, with the encoding named for the findings."""

from __future__ import annotations

import codecs
import re

from viparse.normalize.detector import convert, detect_encoding_by_content
from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS


class UndecodableError(ValueError):
    pass


class BinaryFileError(UndecodableError):
    """NUL bytes outside UTF-16: not a text file at all."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding name).

    BOMs decide first (UTF-8, UTF-16 LE/BE); then UTF-16 LE without BOM when
    every other byte is zero; NUL bytes otherwise mean a binary file; then
    strict UTF-8; finally Windows-1258, the
    Vietnamese Windows code page, which decodes any byte sequence it is given
    only when no undefined byte is present.
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


def decode_vietnamese(data: bytes) -> tuple[str, str]:
    """Bytes → Unicode text, legacy 8-bit Vietnamese encodings included; (text, encoding)."""
    try:
        text, encoding = decode_text(data)
    except BinaryFileError:
        raise
    except UndecodableError:  # bytes Windows-1258 leaves undefined: an 8-bit legacy file?
        text, encoding = data.decode("latin-1"), "latin-1"
    if encoding in ("cp1258",):
        # Not UTF-8: an 8-bit file may be TCVN3/VNI as well as Windows-1258; legacy tables
        # are keyed on the Windows-1252 reading of the bytes.
        legacy_view = data.decode("cp1252", errors="replace").replace("\ufffd", "")
        converted, legacy = convert_legacy(legacy_view)
        if legacy:
            return converted, legacy
        return text, encoding
    converted, legacy = convert_legacy(text)  # legacy text saved as UTF-8 (copied from an old font)
    return (converted, legacy) if legacy else (text, encoding)
