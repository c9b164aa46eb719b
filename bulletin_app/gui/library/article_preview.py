"""An article rendered as HTML for the preview pane (every piece of text escaped).

Searched words are highlighted where they occur (see :class:`Highlighter`): words typed side
by side as one hit, accents as typed, by matching on folded text and mapping back.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QCoreApplication

from bulletin_app.domain.article import Article
from bulletin_app.domain.body import (
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Run,
    Table,
    parse_body,
)
from bulletin_app.gui.widgets.labels import status_label
from bulletin_app.text import fold, has_marks, normalize_tone_style
from bulletin_app.text.fold import fold_with_map

_MARK = "<span style='background-color:#ffe58a; color:#000'>"


class Highlighter:
    """Where the searched words stand in a text. Where the words typed side by side stand
    together, that is the hit (“thụy điển” marks “Thụy Điển”, not the “diện” of “toàn diện”);
    elsewhere each word alone. Words typed with accents match those accents (either tone style);
    words typed without match any (“thuy dien” marks “Thụy Điển” and “thủy điện”)."""

    def __init__(self, terms: list[str]) -> None:
        words = [t for t in terms if fold(t).strip()]
        self.exact_phrase = all(has_marks(t) for t in words)
        form = _exact if self.exact_phrase else fold
        self.phrase = (
            re.compile(r"(?<!\w)" + r"\s+".join(re.escape(form(t)) for t in words) + r"(?!\w)")
            if len(words) > 1
            else None
        )
        folded = sorted({fold(t) for t in words if not has_marks(t)}, key=len, reverse=True)
        self.folded = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in folded) + ")") if folded else None
        exact = sorted({_exact(t) for t in words if has_marks(t)}, key=len, reverse=True)
        self.exact = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in exact) + ")") if exact else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        folded, index = fold_with_map(text)

        def mapped(pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
            if pattern is None:
                return []
            return [(index[m.start()], index[m.end() - 1] + 1) for m in pattern.finditer(folded) if m.end() > m.start()]

        def direct(pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
            if pattern is None:
                return []
            return [(m.start(), m.end()) for m in pattern.finditer(_exact(text)) if m.end() > m.start()]

        phrase = direct(self.phrase) if self.exact_phrase else mapped(self.phrase)
        if phrase:
            return phrase  # the words stand together here: the stray single ones would only distract
        return sorted(mapped(self.folded) + direct(self.exact))


def _exact(text: str) -> str:
    """Lower case, one tone-mark style: “Hoà” and “hòa” compare equal, “điển” and “diện” do not.
    Neither step changes the text's length, so positions carry over."""
    return normalize_tone_style(text.lower())


def _pattern(terms: list[str]) -> Highlighter | None:
    return Highlighter(terms) if any(fold(t).strip() for t in terms) else None


def highlighted(text: str, pattern: Highlighter | None) -> str:
    """``text`` escaped as HTML, with every hit of the searched words marked."""
    if pattern is None:
        return escape(text)
    out, pos = [], 0
    for start, end in pattern.spans(text):
        if start < pos:
            continue
        out.append(escape(text[pos:start]) + _MARK + escape(text[start:end]) + "</span>")
        pos = end
    return "".join(out) + escape(text[pos:])


def _runs(runs: tuple[Run, ...], pattern: Highlighter | None = None) -> str:
    out = []
    for run in runs:
        html = highlighted(run.text, pattern).replace("\n", "<br>")
        if run.bold:
            html = f"<b>{html}</b>"
        if run.italic:
            html = f"<i>{html}</i>"
        out.append(html)
    return "".join(out)


def article_html(article: Article, terms: list[str] | None = None) -> str:
    p = _pattern(terms or [])
    parts = [f"<h2>{highlighted(article.title, p)}</h2>"]
    meta = [status_label(article.status)]
    if article.column:
        meta.append(escape(article.column))
    if article.published:
        meta.append(article.published.strftime("%d/%m/%Y"))
    meta.append(QCoreApplication.translate("preview", "{n} từ").format(n=article.word_count))
    parts.append(f"<p style='color:gray'>{' · '.join(meta)}</p>")
    if article.sapo:
        parts.append(f"<p><b>{highlighted(article.sapo, p)}</b></p>")
    for block in parse_body(article.body):
        match block:
            case Heading(level=level, runs=runs):
                parts.append(f"<h{level + 1}>{_runs(runs, p)}</h{level + 1}>")
            case Paragraph(runs=runs):
                parts.append(f"<p>{_runs(runs, p)}</p>")
            case Quote(paragraphs=paras):
                parts.append(
                    "<blockquote>" + "".join(f"<p><i>{_runs(para, p)}</i></p>" for para in paras) + "</blockquote>"
                )
            case ListBlock(ordered=ordered, items=items):
                tag = "ol" if ordered else "ul"
                parts.append(f"<{tag}>" + "".join(f"<li>{_runs(i.runs, p)}</li>" for i in items) + f"</{tag}>")
            case Table(header=header, rows=rows):
                head = "<tr>" + "".join(f"<th>{_runs(c, p)}</th>" for c in header) + "</tr>" if header else ""
                body = "".join("<tr>" + "".join(f"<td>{_runs(c, p)}</td>" for c in r) + "</tr>" for r in rows)
                parts.append(f"<table border='1' cellpadding='3'>{head}{body}</table>")
            case Figure(caption=caption, credit=credit):
                photo = QCoreApplication.translate("preview", "Ảnh")
                parts.append(f"<p style='color:gray'><i>[{photo}] {escape(caption)} {escape(credit)}</i></p>")
    if article.byline:
        parts.append(f"<p align='right'><b>{escape(article.byline)}</b></p>")
    return "\n".join(parts)
