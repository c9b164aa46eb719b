"""An article rendered as HTML for the preview pane (every piece of text escaped)."""

from __future__ import annotations

from html import escape

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


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        html = escape(run.text).replace("\n", "<br>")
        if run.bold:
            html = f"<b>{html}</b>"
        if run.italic:
            html = f"<i>{html}</i>"
        out.append(html)
    return "".join(out)


def article_html(article: Article) -> str:
    parts = [f"<h2>{escape(article.title)}</h2>"]
    meta = [article.status.label_vi]
    if article.column:
        meta.append(escape(article.column))
    if article.published:
        meta.append(article.published.strftime("%d/%m/%Y"))
    meta.append(f"{article.word_count} từ")
    parts.append(f"<p style='color:gray'>{' · '.join(meta)}</p>")
    if article.sapo:
        parts.append(f"<p><b>{escape(article.sapo)}</b></p>")
    for block in parse_body(article.body):
        match block:
            case Heading(level=level, runs=runs):
                parts.append(f"<h{level + 1}>{_runs(runs)}</h{level + 1}>")
            case Paragraph(runs=runs):
                parts.append(f"<p>{_runs(runs)}</p>")
            case Quote(paragraphs=paras):
                parts.append("<blockquote>" + "".join(f"<p><i>{_runs(p)}</i></p>" for p in paras) + "</blockquote>")
            case ListBlock(ordered=ordered, items=items):
                tag = "ol" if ordered else "ul"
                parts.append(f"<{tag}>" + "".join(f"<li>{_runs(i.runs)}</li>" for i in items) + f"</{tag}>")
            case Table(header=header, rows=rows):
                head = "<tr>" + "".join(f"<th>{_runs(c)}</th>" for c in header) + "</tr>" if header else ""
                body = "".join("<tr>" + "".join(f"<td>{_runs(c)}</td>" for c in r) + "</tr>" for r in rows)
                parts.append(f"<table border='1' cellpadding='3'>{head}{body}</table>")
            case Figure(caption=caption, credit=credit):
                parts.append(f"<p style='color:gray'><i>[Ảnh] {escape(caption)} {escape(credit)}</i></p>")
    if article.byline:
        parts.append(f"<p align='right'><b>{escape(article.byline)}</b></p>")
    return "\n".join(parts)
