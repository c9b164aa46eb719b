"""Plain-text files (.txt): decoded, then read as a copied news page (see web_text)."""

from __future__ import annotations

from pathlib import Path

from bulletin_app.domain.article import Finding
from bulletin_app.importers.decoding import LEGACY_NAMES, decode_vietnamese
from bulletin_app.importers.web_text import ParsedText, parse_web_text

# 10 MB of plain text is far beyond any article: refuse rather than choke.
MAX_BYTES = 10 * 1024 * 1024


class ImportProblem(ValueError):
    """A file that cannot become an article; the message names what is wrong."""


def parse_text(text: str, fallback_title: str) -> ParsedText:
    try:
        return parse_web_text(text, fallback_title)
    except ValueError as exc:
        raise ImportProblem(str(exc)) from exc


def read_text_file(path: Path) -> tuple[str, list[Finding]]:
    """A text file's content as Unicode (legacy encodings converted), with the finding
    that says so; too large or binary files are a clear refusal."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportProblem(f"tệp quá lớn ({size // 1024 // 1024} MB) để là một tin bài")
    try:
        text, encoding = decode_vietnamese(path.read_bytes())
    except ValueError as exc:
        raise ImportProblem(str(exc)) from exc
    findings = []
    if encoding in LEGACY_NAMES.values():
        findings.append(
            Finding("legacy-encoding", f"Văn bản dùng bảng mã cũ {encoding}: đã chuyển sang Unicode, hãy soát lại.")
        )
    return text, findings


def read_plain_text(path: Path) -> ParsedText:
    text, findings = read_text_file(path)
    parsed = parse_text(text, path.stem)
    parsed.findings[:0] = findings
    parsed.draft.findings = parsed.findings
    return parsed
