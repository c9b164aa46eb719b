"""Markdown files (.md): already the library's body format; the first "# " heading is the title."""

from __future__ import annotations

import re
from pathlib import Path

from bulletin_app.domain.article import ArticleDraft, proof_findings
from bulletin_app.domain.body import parse_body
from bulletin_app.domain.body_writer import blocks_to_body
from bulletin_app.importers.page_lines import title_needed
from bulletin_app.importers.plain_text import ImportProblem, read_text_file
from bulletin_app.importers.web_text import ParsedText
from bulletin_app.text import clean_line, clean_text

_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)


def read_markdown(path: Path) -> ParsedText:
    text, findings = read_text_file(path)
    text = clean_text(text)
    if not text:
        raise ImportProblem("tệp rỗng, không có nội dung")
    m = _TITLE.search(text)
    if m and not text[: m.start()].strip():
        title, body = clean_line(m.group("title")), text[m.end() :].strip()
    else:
        title, body = "", text
        findings.append(title_needed())
    body = blocks_to_body(parse_body(body))  # the body format's canonical form, by its one writer
    findings += proof_findings(f"{title}\n{body}")
    return ParsedText(ArticleDraft(title=title, body=body, findings=findings), findings)
