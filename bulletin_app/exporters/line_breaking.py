"""Whole-paragraph line breaking for justified text (after Knuth and Plass, 1981).

reportlab breaks lines first-fit: each line takes as many words as fit, so one long word that
does not fit leaves a line of four words spread across the column. Here every way of breaking
the paragraph — at spaces and at the hyphenation points pyphen offers — is weighed at once,
and the breaks that keep the whole paragraph's spacing most even are chosen: a loose line is
avoided by moving a word from a line or two above. The result is the paragraph's runs with a
line break at each chosen point (and a hyphen where a word is split); reportlab justifies
those lines (``justifyBreaks``) exactly as measured here.

Besides spaces and hyphenation points, a long compound or path may break after its own "-" or
"/" ("Gyeongsangbuk-|do", "thainguyen.gov.vn/|tin-tuc"); a document code or a number range
("06/2020/QĐ-TTg", "2021-2025", text.codes) never breaks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bulletin_app.domain.body import Run
from bulletin_app.text.codes import TOKEN, is_code

Measure = Callable[[str, bool, bool], float]  # text, bold, italic → width in points

STRETCH = 0.5  # of a space: how far a space may stretch before a line counts as loose
HYPHEN_PENALTY = 50.0
JOINT_PENALTY = 30.0  # a break after a compound's own "-" or a path's "/"
DOUBLE_HYPHEN_DEMERITS = 3000.0  # two hyphenated lines in a row
MIN_HYPHEN_PART = 2  # letters kept on either side of a hyphen


@dataclass(frozen=True)
class _Piece:
    run: int  # index of the run the text comes from
    text: str


@dataclass(frozen=True)
class _Item:
    """A word (its pieces may come from runs of different style), the space after it."""

    pieces: tuple[_Piece, ...]
    width: float
    space: float  # width of the space after it (0 for the last word)
    hard_break: bool  # a forced line break follows (a "\n" in the text: such paragraphs are left alone)


@dataclass(frozen=True)
class _Break:
    item: int  # the line ends after item ``item`` (split at ``cut`` when hyphenated)
    cut: int = 0  # characters of the item kept on this line (0 = the whole item)
    hyphen: bool = True  # a hyphen is added at the cut (not after a compound's own "-" or "/")


def _items(runs: Sequence[Run], measure: Measure) -> list[_Item]:
    words: list[list[_Piece]] = [[]]
    spaces: list[tuple[int, bool]] = []  # (run of the space, forced break)
    for n, run in enumerate(runs):
        chunk = ""
        for ch in run.text:
            if ch in " \n":
                if chunk:
                    words[-1].append(_Piece(n, chunk))
                    chunk = ""
                if words[-1]:
                    spaces.append((n, ch == "\n"))
                    words.append([])
                elif ch == "\n" and spaces:
                    spaces[-1] = (spaces[-1][0], True)
            else:
                chunk += ch
        if chunk:
            words[-1].append(_Piece(n, chunk))
    if not words[-1]:
        words.pop()
    items = []
    for i, pieces in enumerate(words):
        width = sum(measure(p.text, runs[p.run].bold, runs[p.run].italic) for p in pieces)
        if i < len(spaces) and i < len(words) - 1:
            run = runs[spaces[i][0]]
            items.append(_Item(tuple(pieces), width, measure(" ", run.bold, run.italic), spaces[i][1]))
        else:
            items.append(_Item(tuple(pieces), width, 0.0, False))
    return items


def _core(word: str) -> tuple[int, str]:
    """(length of the leading punctuation, the letters) of a word such as “(localities,”;
    "" when what is left is not all letters (a number, a range, a code: never hyphenated)."""
    start, end = 0, len(word)
    while start < end and not word[start].isalpha():
        start += 1
    while end > start and not word[end - 1].isalpha():
        end -= 1
    core = word[start:end]
    return start, core if core.isalpha() else ""


def _cuts(word: str, hyphenate: Callable[[str], list[int]] | None) -> list[tuple[int, bool]]:
    """Where ``word`` may be split: (characters kept on the line, a hyphen is added)."""
    cuts: list[tuple[int, bool]] = []
    lead, core = _core(word)
    if core and hyphenate is not None:
        cuts += [(lead + c, True) for c in hyphenate(core) if MIN_HYPHEN_PART <= c <= len(core) - MIN_HYPHEN_PART]
    for match in TOKEN.finditer(word):
        token = match.group(0)
        if is_code(token):
            continue
        for n, char in enumerate(token):
            if char in "/-–" and n >= 2 and len(token) - n - 1 >= 2:
                cuts.append((match.start() + n + 1, False))
    return sorted(set(cuts))


def _text(item: _Item) -> str:
    return "".join(p.text for p in item.pieces)


def break_runs(
    runs: Sequence[Run],
    widths: Callable[[int], float],
    measure: Measure,
    hyphenate: Callable[[str], list[int]] | None,
    shrink: float,
) -> tuple[Run, ...] | None:
    """``runs`` with a "\\n" at each chosen break; ``widths(n)`` is the width of line ``n``
    (the first line may be indented); ``hyphenate(word)`` lists the positions a word may be
    split at; a space may shrink by ``shrink`` of its width. None when no break is needed
    (one line) or no way of breaking fits (a word wider than the line): reportlab's own
    first-fit breaking then does as it always did."""
    if any("\n" in r.text for r in runs):
        return None  # a forced line break must stay ragged: first-fit, as before
    items = _items(runs, measure)
    if len(items) < 2:
        return None
    hyphen_width = measure("-", False, False)
    # Break candidates, in reading order: inside a word at its hyphenation points (cut > 0),
    # then after the word (cut 0). Node 0 is the paragraph's start.
    # (item, cut, width of the part before the break, a hyphen is added)
    nodes: list[tuple[int, int, float, bool]] = [(-1, 0, 0.0, False)]
    for i, item in enumerate(items):
        if len(item.pieces) == 1:
            word, run = item.pieces[0].text, runs[item.pieces[0].run]
            for cut, hyphen in _cuts(word, hyphenate):
                kept = measure(word[:cut], run.bold, run.italic) + (hyphen_width if hyphen else 0.0)
                nodes.append((i, cut, kept, hyphen))
        nodes.append((i, 0, item.width, False))
    prefix_w = [0.0]  # items with the space after each
    prefix_s = [0.0]
    for item in items:
        prefix_w.append(prefix_w[-1] + item.width + item.space)
        prefix_s.append(prefix_s[-1] + item.space)
    last_node = len(nodes) - 1
    best: dict[int, tuple[float, int, int]] = {0: (0.0, -1, 0)}  # node → (demerits, previous, lines)
    for j in range(1, len(nodes)):
        item_j, cut_j, kept, hyphen_j = nodes[j]
        for i in range(j - 1, -1, -1):
            item_i, cut_i, _, _ = nodes[i]
            if cut_i and cut_j and item_i == item_j:  # a line inside one long word (a path)
                if cut_j <= cut_i:
                    continue
                word, run = _text(items[item_i]), runs[items[item_i].pieces[0].run]
                width = measure(word[cut_i:cut_j], run.bold, run.italic) + (hyphen_width if hyphen_j else 0.0)
                spaces = 0.0
            elif cut_i:  # the line starts with the rest of a split word
                word, run = _text(items[item_i]), runs[items[item_i].pieces[0].run]
                rest = measure(word[cut_i:], run.bold, run.italic)
                if item_i == item_j:
                    width, spaces = rest, 0.0
                else:
                    width = rest + items[item_i].space + prefix_w[item_j] - prefix_w[item_i + 1] + kept
                    spaces = items[item_i].space + prefix_s[item_j] - prefix_s[item_i + 1]
            else:
                width = prefix_w[item_j] - prefix_w[item_i + 1] + kept
                spaces = prefix_s[item_j] - prefix_s[item_i + 1]
            if i not in best:
                continue
            demerits_i, _, line = best[i]
            target = widths(line)
            if width - spaces * shrink > target + 0.01:
                break  # an earlier start only makes the line longer
            if j == last_node:  # the last line is set ragged
                badness = 0.0
            elif width <= target:
                stretch = spaces * STRETCH
                badness = 100.0 * ((target - width) / stretch) ** 3 if stretch > 0 else 1e12
            else:
                badness = 100.0 * ((width - target) / (spaces * shrink)) ** 3
            penalty = (HYPHEN_PENALTY if hyphen_j else JOINT_PENALTY) if cut_j else 0.0
            demerits = (10.0 + badness) ** 2 + penalty**2
            if cut_j and cut_i:
                demerits += DOUBLE_HYPHEN_DEMERITS
            total = demerits_i + demerits
            if j not in best or total < best[j][0]:
                best[j] = (total, i, line + 1)
    if last_node not in best or best[last_node][2] < 2:
        return None
    breaks: list[_Break] = []
    node = best[last_node][1]
    while node > 0:
        item, cut, _, hyphen = nodes[node]
        breaks.append(_Break(item, cut, hyphen))
        node = best[node][1]
    return _with_breaks(runs, items, breaks)


def _with_breaks(runs: Sequence[Run], items: list[_Item], breaks: list[_Break]) -> tuple[Run, ...]:
    """The runs again, a "\\n" in place of the space at each break ("-\\n" inside a split word)."""
    at = {(b.item, b.cut) for b in breaks}
    hyphens = {(b.item, b.cut): b.hyphen for b in breaks}
    texts: list[list[str]] = [[] for _ in runs]
    space_runs = _space_runs(runs)
    for i, item in enumerate(items):
        cuts = sorted(c for (k, c) in at if k == i and c)
        for piece in item.pieces:
            text = piece.text
            if cuts and len(item.pieces) == 1:
                parts, previous = [], 0
                for cut in cuts:
                    parts.append(text[previous:cut] + ("-\n" if hyphens[(i, cut)] else "\n"))
                    previous = cut
                text = "".join(parts) + text[previous:]
            texts[piece.run].append(text)
        if i < len(items) - 1:
            run = space_runs[i]
            texts[run].append("\n" if (i, 0) in at or item.hard_break else " ")
    return tuple(Run("".join(t), r.bold, r.italic, r.href) for t, r in zip(texts, runs, strict=True) if t)


def _space_runs(runs: Sequence[Run]) -> list[int]:
    """The run each inter-word space belongs to, in order (as ``_items`` counts them)."""
    out: list[int] = []
    seen_word = False
    for n, run in enumerate(runs):
        for ch in run.text:
            if ch in " \n":
                if seen_word:
                    out.append(n)
                    seen_word = False
            else:
                seen_word = True
    return out
