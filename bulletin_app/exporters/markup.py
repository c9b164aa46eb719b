"""Article text → reportlab paragraph markup, with every character of user text escaped.

reportlab reads Paragraph text as markup: an article saying "R&D", "<b>" or
'<img src="/etc/passwd">' must print those characters, never act on them.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from bulletin_app.domain.body import Run

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def text_markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def runs_markup(runs: tuple[Run, ...] | list[Run], link_color: str) -> str:
    parts: list[str] = []
    for run in runs:
        html = text_markup(run.text)
        if run.bold:
            html = f"<b>{html}</b>"
        if run.italic:
            html = f"<i>{html}</i>"
        if run.href and run.href.lower().startswith(_SAFE_SCHEMES):
            html = f"<a href={quoteattr(run.href)} color={quoteattr(link_color)}>{html}</a>"
        parts.append(html)
    return "".join(parts)
