"""One-click fixes for proofing findings: where in a text a fix applies and what it writes.

Pure functions (no Qt) so the editor can apply each replacement through its own undoable
cursor edits, keeping the character formatting around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bulletin_app.text.proofing import case_flip_spans

Span = tuple[int, int, str]  # start, end (code points), replacement


def _regex(pattern: str, replacement: str) -> Callable[[str, str], list[Span]]:
    compiled = re.compile(pattern)

    def spans(_found: str, text: str) -> list[Span]:
        return [(m.start(), m.end(), m.expand(replacement)) for m in compiled.finditer(text)]

    return spans


_FIXERS: dict[str, Callable[[str, str], list[Span]]] = {
    "case-flip": case_flip_spans,  # the same rule that found it: "3468/QĐuBND" → "QĐ-UBND"
    "double-space": _regex(r"(?<=\S) {2,}(?=\S)", " "),
    "space-before-punct": _regex(r"(?<=\S) +([,.;:!?])(?=\s|$)", r"\1"),
    "no-space-after-punct": _regex(r"(?<=[a-zà-ỹđ])([,;:!?])(?=[A-Za-zÀ-ỹĐđ])", r"\1 "),
    "straight-quotes": _regex(r'"([^"\n]{2,}?)"', "“\\1”"),
}


def can_fix(kind: str) -> bool:
    return kind in _FIXERS


def fix_spans(kind: str, found: str, text: str) -> list[Span]:
    """Non-overlapping replacements that fix finding ``kind`` in ``text`` (in order)."""
    fixer = _FIXERS.get(kind)
    return fixer(found, text) if fixer else []


def apply_spans(text: str, spans: list[Span]) -> str:
    for start, end, replacement in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text


def utf16_offset(text: str, index: int) -> int:
    """Qt positions count UTF-16 units; Python indexes count code points."""
    return len(text[:index].encode("utf-16-le")) // 2
