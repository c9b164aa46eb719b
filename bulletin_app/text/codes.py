"""Tokens a line must never be broken inside: document codes ("06/2020/QĐ-TTg", "3468/QĐ-UBND",
"25/GP-STTTT") and number ranges ("2021-2025", "10–15").

A token is letters and digits joined by "/", "-" or "–". It is a code when it holds a digit, or
when it starts with an upper-case abbreviation ("QĐ-UBND", "NĐ-CP"); a compound of words
("Gyeongsangbuk-do", "non-governmental") or a path is not, and may break after its "-" or "/".
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"\w+(?:[/\-–]\w+)+")
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,}")


def is_code(token: str) -> bool:
    """Whether ``token`` (letters and digits joined by / - –) is a document code or a range."""
    if any(c.isdigit() for c in token):
        return True
    first = re.split(r"[/\-–]", token, maxsplit=1)[0]
    return bool(_ABBREVIATION.fullmatch(first))


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every code or range in ``text``."""
    return [m.span() for m in TOKEN.finditer(text) if is_code(m.group(0))]
