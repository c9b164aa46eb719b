"""Plain text (.txt): first non-empty line is the title, the rest are paragraphs.

The minimal importer of the Foundation; the Importers issue replaces it with
full web-copy recognition (dates, sapo, captions, boilerplate).
"""

from __future__ import annotations

import re
from pathlib import Path

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.domain.body import paragraphs_to_body
from bulletin_app.importers.decoding import decode_text
from bulletin_app.text import clean_line, clean_text

# 10 MB of plain text is far beyond any article: refuse rather than choke.
MAX_BYTES = 10 * 1024 * 1024
MAX_TITLE = 160
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


class ImportProblem(ValueError):
    """A file that cannot become an article; the message names what is wrong."""


def read_plain_text(path: Path) -> ArticleDraft:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportProblem(f"tệp quá lớn ({size // 1024 // 1024} MB) để là một tin bài")
    data = path.read_bytes()
    try:
        text, _encoding = decode_text(data)
    except ValueError as exc:
        raise ImportProblem(str(exc)) from exc
    return draft_from_text(text, path.stem)


def draft_from_text(text: str, fallback_title: str) -> ArticleDraft:
    lines = clean_text(text).split("\n")
    title = ""
    while lines and not title:
        title = clean_line(lines.pop(0))
    if not title:
        raise ImportProblem("tệp rỗng, không có nội dung")
    paragraphs = [clean_line(line) for line in lines if line.strip()]
    if len(title) > MAX_TITLE:
        # The text starts with a paragraph, not a title: keep it whole in the body
        # and title the article with its first sentence.
        paragraphs.insert(0, title)
        title = _first_sentence(title)
    return ArticleDraft(title=title or fallback_title, body=paragraphs_to_body(paragraphs))


def _first_sentence(paragraph: str) -> str:
    m = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: m.start() + 1] if m else paragraph
    if len(sentence) <= MAX_TITLE:
        return sentence.rstrip(".")
    cut = sentence.rfind(" ", 0, MAX_TITLE)
    return sentence[: cut if cut > 0 else MAX_TITLE].rstrip(" ,;:") + "…"
