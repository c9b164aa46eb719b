"""Bytes of a text file → str, with the encoding named for the findings."""

from __future__ import annotations

import codecs


class UndecodableError(ValueError):
    pass


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
        raise UndecodableError("tệp nhị phân, không phải văn bản")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise UndecodableError("không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)") from exc
