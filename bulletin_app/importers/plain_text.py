"""Plain-text files (.txt): decoded, then read as a copied news page (see web_text)."""

from __future__ import annotations

from pathlib import Path

from bulletin_app.domain.findings import Finding
from bulletin_app.importers.decoding import Decoded, decode_vietnamese
from bulletin_app.importers.web_text import ParsedText, parse_web_text

# 10 MB of plain text is far beyond any article: refuse rather than choke.
MAX_BYTES = 10 * 1024 * 1024


class ImportProblem(ValueError):
    """A file that cannot become an article; the message names what is wrong."""


def parse_text(text: str) -> ParsedText:
    try:
        return parse_web_text(text)
    except ValueError as exc:
        raise ImportProblem(str(exc)) from exc


def read_capped(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes; a file too large to be an article is a clear refusal."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportProblem(
            f"tệp quá lớn ({size / 1024 / 1024:.0f} MB, tối đa {max_bytes // 1024 // 1024} MB) để là một tin bài"
        )
    return path.read_bytes()


def decoding_findings(decoded: Decoded) -> list[Finding]:
    """What the editor should know about how the bytes became text."""
    findings = []
    if decoded.mojibake_repaired:
        findings.append(
            Finding(
                "mojibake-repaired",
                f"Đã sửa lỗi bảng mã (UTF-8 bị đọc nhầm thành Windows-1252, như “Sá»Ÿ” → “Sở”) "
                f"ở {decoded.mojibake_repaired} chỗ: hãy soát lại.",
                count=decoded.mojibake_repaired,
            )
        )
    if decoded.legacy:
        message = f"Văn bản dùng bảng mã cũ {decoded.legacy}: đã chuyển sang Unicode, hãy soát lại."
        findings.append(Finding("legacy-encoding", message))
    return findings


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[Finding]]:
    """Bytes as Unicode text (mojibake repaired, legacy encodings converted) with the
    findings that say so; binary or undecodable bytes are a clear refusal."""
    try:
        decoded = decode_vietnamese(data, declared)
    except ValueError as exc:
        raise ImportProblem(str(exc)) from exc
    return decoded.text, decoding_findings(decoded)


def read_text_file(path: Path) -> tuple[str, list[Finding]]:
    """A text file's content as Unicode, with the findings about its encoding."""
    return decode_bytes(read_capped(path))


def read_plain_text(path: Path) -> ParsedText:
    text, findings = read_text_file(path)
    parsed = parse_text(text)
    parsed.findings[:0] = findings
    parsed.draft.findings = parsed.findings
    return parsed
