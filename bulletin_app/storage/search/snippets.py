"""Snippets: a window of the original text around the best hit, hits marked — the same on
every engine (cut in Python from the indexed original text)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from bulletin_app.domain.query import Term
from bulletin_app.storage.search.fields import tokens
from bulletin_app.text import fold, fold_with_map, has_marks, nfc, normalize_tone_style


@lru_cache(maxsize=1)
def _letter_variants() -> dict[str, str]:
    """For each folded letter, every Latin letter (any case, any mark) that folds to it."""
    groups: dict[str, set[str]] = {}
    for start, stop in ((0x20, 0x250), (0x1E00, 0x1F00)):
        for cp in range(start, stop):
            ch = chr(cp)
            if ch.isalpha():
                groups.setdefault(fold(ch), set()).update({ch, ch.upper(), ch.lower()})
    return {k: "".join(sorted(v)) for k, v in groups.items()}


def _pattern(tokens: list[str], prefix: bool, on_original: bool) -> re.Pattern[str]:
    """Regex for the tokens side by side; ``on_original`` matches the unfolded text
    directly (each letter a class of its accented and cased forms: d = [dDđĐ])."""
    variants = _letter_variants() if on_original else {}

    def token_regex(token: str) -> str:
        return "".join(f"[{re.escape(variants[c])}]" if c in variants else re.escape(c) for c in token)

    body = r"[\W_]+".join(token_regex(t) for t in tokens)
    tail = r"\w*" if prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + tail)


def _snippet_patterns(terms: Sequence[Term], on_original: bool) -> list[re.Pattern[str]]:
    patterns = [_pattern(toks, t.prefix, on_original) for t in terms if (toks := tokens(t, folded=True))]
    all_tokens = [tok for t in terms for tok in tokens(t, folded=True)]
    if len(terms) > 1 and all_tokens:
        # The words side by side are one highlight ("«Đà Nẵng»", not "«Đà» «Nẵng»").
        patterns.insert(0, _pattern(all_tokens, terms[-1].prefix, on_original))
    return patterns


def _anchor(
    plain: str,
    haystack: str,
    index: Sequence[int],
    terms: Sequence[Term],
    patterns: list[re.Pattern[str]],
    body_start: int,
) -> int | None:
    """Where the snippet centres: the first hit after the title (else in it), preferring
    the words side by side (``patterns[0]`` when there are several terms) and, when the
    user typed accents, a hit whose accents match."""
    wanted = {normalize_tone_style(nfc(t.text).lower()) for t in terms if has_marks(t.text)}
    for pattern in patterns:
        first = None
        for region_start in (body_start, 0):
            for n, m in enumerate(pattern.finditer(haystack, region_start)):
                start = index[m.start()]
                if first is None:
                    first = start
                original = plain[start : index[m.end() - 1] + 1].lower()
                if not wanted or normalize_tone_style(original) in wanted or n >= 50:
                    return start if wanted else first
            if first is not None:
                return first
    return None


def make_snippet(
    plain: str, terms: Sequence[Term], width: int = 180, exact: Sequence[str] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """A window of the original text around the best hit, and the hits' offsets in it.

    Hits are matched accent-insensitively on the original text ("da nang" highlights
    "Đà Nẵng"); the rare letters that fold to more than one (ß → ss) fall back to
    searching a folded copy mapped back to the original. ``exact`` words (the query's
    ``case:``) are matched exactly as typed, and only they are marked: "uBND", not "UBND".
    """
    haystack, index = plain, range(len(plain))
    title_end = plain.find("\n")
    if exact:
        patterns = [re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)") for word in exact if word]
        hits = [m.start() for p in patterns for region in (title_end + 1, 0) for m in p.finditer(plain, region)]
        anchor = hits[0] if hits else 0
    else:
        patterns = _snippet_patterns(terms, on_original=True)
        anchor = _anchor(plain, haystack, index, terms, patterns, title_end + 1)
    if anchor is None:
        haystack, folded_index = fold_with_map(plain)
        index = folded_index  # type: ignore[assignment]
        patterns = _snippet_patterns(terms, on_original=False)
        anchor = _anchor(plain, haystack, index, terms, patterns, title_end + 1) or 0
    start = 0 if anchor < width // 3 else plain.rfind(" ", 0, anchor - width // 3) + 1
    if 0 <= title_end < anchor and start <= title_end:
        start = title_end + 1
    end = min(len(plain), start + width)
    if end < len(plain):
        space = plain.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    h_start, h_end = _bounds(index, start, end)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(haystack, h_start, h_end):
            span = (index[m.start()], index[m.end() - 1] + 1)
            if m.end() > m.start() and not any(s <= span[0] and span[1] <= e for s, e in spans):
                spans.append(span)
    spans.sort()
    window = plain[start:end].replace("\n", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(plain) else ""
    offset = len(prefix) - start
    return prefix + window + suffix, [(s + offset, e + offset) for s, e in spans]


def _bounds(index: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The haystack range covering original positions [start, end)."""
    if isinstance(index, range):
        return start, end
    return bisect.bisect_left(index, start), bisect.bisect_left(index, end)
