"""Proofing detectors: what an editor should look at in imported text (stdlib only).

Each detector returns :class:`Issue` records with the text found, a suggested fix when
one is safe, and how often it occurs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bulletin_app.text.tone_style import ToneStyle, tone_styles_used


@dataclass(frozen=True)
class Issue:
    kind: str
    found: str
    fix: str | None
    count: int
    message: str


# Acronyms whose first letters were lower-cased by a PDF copy ("uBND", "KOICa"); the part
# after a run of capitals inside a word ("QĐuBND") counts too.
_CASE_FLIP = re.compile(r"(?:[a-zđ][A-ZĐ]{2,}|[A-ZĐ]{3,}[a-zđ])(?![^\W\d_])")


def _flips(text: str) -> list[re.Match[str]]:
    """Matches not preceded by a lower-case letter (an upper-case one is fine: "QĐuBND")."""
    return [m for m in _CASE_FLIP.finditer(text) if not (m.start() and text[m.start() - 1].islower())]


# A document code's kind before the flipped issuer: "3468/QĐuBND" is "3468/QĐ-UBND" (Nghị định
# 30/2020: number/kind-issuer), the hyphen lost with the capitals.
_CODE_KIND = re.compile(r"/([A-ZĐ]{2,3})$")


def _flip_fixes(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, found, fix) of each case flip; inside a document code the kind comes along."""
    out = []
    for m in _flips(text):
        word, start = m.group(0), m.start()
        kind = _CODE_KIND.search(text[max(0, start - 4) : start])
        if kind is not None:
            start -= len(kind.group(1))
            out.append((start, m.end(), kind.group(1) + word, f"{kind.group(1)}-{word.upper()}"))
        else:
            out.append((start, m.end(), word, word.upper()))
    return out


_MOJIBAKE = re.compile(r"(?:Ã[\x80-\xbf¡-¿]|Ä[\x80-\xbf]|Æ[°¯]|á»|áº|Ä‘|Â[\xa0-\xbf])")
_SPACE_BEFORE = re.compile(r"\S( +)([,.;:!?])(?=\s|$)")
_NO_SPACE_AFTER = re.compile(r"[a-zà-ỹđ]([,;:!?])(?=[A-Za-zÀ-ỹĐđ])")
_DOUBLE_SPACE = re.compile(r"\S {2,}\S")
_STRAIGHT_QUOTES = re.compile(r'"[^"\n]{2,}"')


def case_flips(text: str) -> list[Issue]:
    counts = Counter((found, fix) for _, _, found, fix in _flip_fixes(text))
    return [
        Issue("case-flip", found, fix, n, f"“{found}” có vẻ bị đảo chữ hoa/thường: sửa thành “{fix}” ({n} lần)")
        for (found, fix), n in sorted(counts.items())
    ]


def mixed_tone_styles(text: str) -> list[Issue]:
    used = tone_styles_used(text)
    if used == {ToneStyle.OLD, ToneStyle.NEW}:
        return [
            Issue(
                "mixed-tone-style",
                "hòa/hoà",
                None,
                1,
                "Trộn hai kiểu bỏ dấu (“hòa” và “hoà”): nên thống nhất một kiểu.",
            )
        ]
    return []


def spacing(text: str) -> list[Issue]:
    issues: list[Issue] = []
    before = len(_SPACE_BEFORE.findall(text))
    if before:
        issues.append(Issue("space-before-punct", " ,", ",", before, f"Dấu cách trước dấu câu ({before} chỗ)."))
    after = len(_NO_SPACE_AFTER.findall(text))
    if after:
        issues.append(Issue("no-space-after-punct", ",x", ", x", after, f"Thiếu dấu cách sau dấu câu ({after} chỗ)."))
    doubles = len(_DOUBLE_SPACE.findall(text))
    if doubles:
        issues.append(Issue("double-space", "  ", " ", doubles, f"Hai dấu cách liền nhau ({doubles} chỗ)."))
    quotes = len(_STRAIGHT_QUOTES.findall(text))
    if quotes:
        issues.append(
            Issue("straight-quotes", '"…"', "“…”", quotes, f'Ngoặc kép thẳng "…" thay vì “…” ({quotes} chỗ).')
        )
    return issues


def encoding_damage(text: str) -> list[Issue]:
    issues: list[Issue] = []
    mojibake = len(_MOJIBAKE.findall(text))
    if mojibake:
        issues.append(
            Issue(
                "mojibake",
                "Sá»Ÿ",
                None,
                mojibake,
                f"Nghi lỗi bảng mã (UTF-8 đọc nhầm thành Windows-1252) ở {mojibake} chỗ.",
            )
        )
    replacement = text.count("\ufffd")
    if replacement:
        issues.append(
            Issue(
                "replacement-char",
                "\ufffd",
                None,
                replacement,
                f"Ký tự thay thế “\ufffd” ({replacement} chỗ): văn bản gốc đã mất chữ.",
            )
        )
    return issues


def proof(text: str) -> list[Issue]:
    return case_flips(text) + mixed_tone_styles(text) + spacing(text) + encoding_damage(text)


def case_flip_spans(found: str, text: str) -> list[tuple[int, int, str]]:
    """(start, end, fix) of each place the case flip ``found`` (as case_flips reported it) stands."""
    return [(start, end, fix) for start, end, flip, fix in _flip_fixes(text) if flip == found]


def fix_case_flips(text: str) -> str:
    for start, end, _found, fix in reversed(_flip_fixes(text)):
        text = text[:start] + fix + text[end:]
    return text
