"""Plain text and copies of news web pages → an article's structure.

Rules meant for Vietnamese news sites in general, not for one file:

* **position**: navigation before the headline (breadcrumbs "Trang chủ …", font-size
  buttons such as "aa") and everything after an end-of-article marker ("Tin bài liên
  quan", "Các tin bài khác", "Đọc nhiều", "Phiên bản di động"…) is not the article;
* **repetition**: a line repeated at once (an image caption printed twice), the headline
  printed again as a photo's alt text, a body paragraph that repeats the sapo;
* **shape**: date lines ("10:24, 27/12/2019", "10:00 | 05/12/2022 GMT+7"), a short
  last line of names (the byline), "Nguồn: …" (the source), "(Nguồn: …)"/"(Ảnh: …)"
  endings (captions), short lines without final punctuation between paragraphs
  (inner headings), "- " lines (lists), hard-wrapped lines (joined again).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bulletin_app.domain.article import ArticleDraft, proof_findings
from bulletin_app.domain.body import escape_text
from bulletin_app.domain.findings import Finding
from bulletin_app.text import clean_line, clean_text

MAX_TITLE = 160
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
_FINAL_PUNCT = tuple(".!?…:;,")
_END_MARKERS = re.compile(
    r"^(tin (bài )?liên quan|các tin (bài )?khác|tin (bài )?cùng chuyên mục|bài viết liên quan|đọc nhiều|"
    r"xem nhiều|tin mới( nhất)?|tin nổi bật|phiên bản di động|bình luận|ý kiến bạn đọc|gửi bình luận|"
    r"chia sẻ bài viết|in bài viết|tags?:|từ khóa:|infographic|video)\b",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(trang chủ|home)\b", re.IGNORECASE)
_WIDGET = re.compile(
    r"^(a{1,3}|A{1,3}|[+-]?\s*A\s*[+-]?|chia sẻ|share|in|print|facebook|zalo|twitter|email)$", re.IGNORECASE
)
_DATE = re.compile(
    r"^(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*[,|\-–]?\s*)?"
    r"(?:ngày\s+)?(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s*[,|\-–]?\s*(?P<h2>\d{1,2}):(?P<m2>\d{2}))?\s*(?:\(?GMT\s*[+-]\s*\d+\)?)?$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^nguồn\s*:\s*(?P<source>.*)$", re.IGNORECASE)
_CAPTION_END = re.compile(r"\((?:nguồn|ảnh|ảnh\s*:|photo)[^()]*\)\s*$|\(ảnh\s+[^()]+\)\s*$", re.IGNORECASE)
_CAPTION_START = re.compile(r"^(ảnh|photo)\s*:", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[-–•*+]\s+(?P<item>.+)$")
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹ.]*$")


@dataclass
class ParsedText:
    draft: ArticleDraft
    findings: list[Finding] = field(default_factory=list)


def parse_date_line(line: str) -> tuple[dt.datetime, bool] | None:
    """A date line ("10:24, 27/12/2019", "10:00 | 05/12/2022 GMT+7"): (when, has a time)."""
    m = _DATE.match(line.strip())
    if not m:
        return None
    hour = m.group("h1") or m.group("h2")
    minute = m.group("m1") or m.group("m2")
    try:
        when = dt.datetime(int(m.group("y")), int(m.group("mo")), int(m.group("d")), int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    return when, hour is not None


def is_end_marker(line: str) -> bool:
    """A heading that ends the article on a news page ("Tin bài liên quan", "Đọc nhiều"…)."""
    return _END_MARKERS.match(line) is not None


def source_line(line: str) -> str | None:
    """The source named by a "Nguồn: …" line, or None for any other line."""
    m = _SOURCE.match(line)
    return m.group("source").strip() if m else None


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence, cut to a title's length ("" only for a paragraph of
    nothing but punctuation)."""
    paragraph = paragraph.lstrip(" .!?…,;:")  # stray punctuation before the first word
    m = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: m.start() + 1] if m else paragraph
    if len(sentence) <= MAX_TITLE:
        return sentence.rstrip(".")
    cut = sentence.rfind(" ", 0, MAX_TITLE)
    return sentence[: cut if cut > 0 else MAX_TITLE].rstrip(" ,;:") + "…"


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        1 < len(words) <= 14
        and len(line) <= 110
        and not line.endswith(_FINAL_PUNCT)
        and not line.startswith(("“", '"', "(", "-"))
        and line[0].isupper()
    ) or (len(words) <= 14 and line[:1].isdigit() and not line.endswith(_FINAL_PUNCT) and len(words) > 1)


def is_byline(line: str) -> bool:
    """A short line of capitalised names ("Nhất Nam"): the closing byline."""
    words = line.split()
    return (
        1 <= len(words) <= 5
        and len(line) <= 40
        and not line.endswith(_FINAL_PUNCT)
        and all(_NAME_WORD.match(w) for w in words)
    )


def _paragraph_lines(text: str) -> list[str]:
    """Lines of text, hard-wrapped lines joined: a line ending mid-sentence followed by a
    line starting in lower case continues the same paragraph."""
    out: list[str] = []
    previous_blank = True
    for raw in text.split("\n"):
        line = clean_line(raw)
        if not line:
            previous_blank = True
            continue
        if out and not previous_blank and not out[-1].endswith(_FINAL_PUNCT) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous_blank = False
    return out


def parse_web_text(text: str, fallback_title: str) -> ParsedText:
    findings: list[Finding] = []
    lines = _paragraph_lines(clean_text(text))
    # The head: breadcrumbs and widgets before the headline; the date line near the top.
    published: dt.datetime | None = None
    has_time = False
    head: list[str] = []
    for i, line in enumerate(lines[:8]):
        date = parse_date_line(line)
        if date and published is None:
            published, has_time = date
            head.append(line)
        elif i < 3 and _BREADCRUMB.match(line):
            head.append(line)
    lines = [line for line in lines if line not in head]
    # The tail: everything from an end-of-article marker in the second half on.
    for i, line in enumerate(lines):
        if i > len(lines) // 4 and _END_MARKERS.match(line):
            lines = lines[:i]
            break
    lines = [line for line in lines if not _WIDGET.match(line)]
    # Repetition: a line printed twice in a row is a photo's alt text and caption: keep one,
    # as a caption.
    doubled = {line for i, line in enumerate(lines) if i and line == lines[i - 1]}
    lines = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    if not lines:
        raise ValueError("tệp rỗng, không có nội dung")

    title, sapo = "", ""
    first = lines[0]
    if len(first) <= MAX_TITLE and not first.endswith((".", ";", ",")) and len(lines) > 1:
        title, lines = first, lines[1:]
        # A one-paragraph lead straight under the headline is the sapo (no blank line in
        # the source between them is what marks it on most sites' copies).
        if (
            lines
            and _SENTENCE_END.search(lines[0])
            and len(lines[0].split()) <= 80
            and _attached(text, title, lines[0])
        ):
            sapo, lines = lines[0], lines[1:]
    else:
        title = first_sentence(first) or fallback_title
        findings.append(
            Finding("title-needed", f"Cần đặt tiêu đề: văn bản không có dòng tiêu đề, đề xuất “{title}”.", found=title)
        )
        sapo, lines = first, lines[1:]
    # The headline repeated later (as a photo's alt text) is not body text.
    lines = [line for line in lines if line != title]

    byline, source = "", ""
    while lines:
        last = lines[-1]
        m = _SOURCE.match(last)
        if m:
            source = source or m.group("source").strip()
            lines.pop()
        elif not byline and is_byline(last):
            byline = last
            lines.pop()
        else:
            break

    blocks: list[str] = []
    in_list = False
    for line in lines:
        if sapo and line.startswith(sapo) and len(line) > len(sapo):
            line = line[len(sapo) :].strip()  # a body paragraph that starts by repeating the sapo
        elif line == sapo:
            continue
        item = _LIST_ITEM.match(line)
        if item:
            blocks.append(("\n" if in_list else "") + "- " + escape_text(item.group("item")))
            in_list = True
            continue
        in_list = False
        if line in doubled or _CAPTION_END.search(line) or _CAPTION_START.match(line):
            caption = line.replace("[", "(").replace("]", ")")
            blocks.append(f"![{escape_text(caption)}](asset:)")
        elif _is_heading(line):
            blocks.append("## " + escape_text(line))
        else:
            blocks.append(escape_text(line))
    body = "\n\n".join(blocks).replace("\n\n\n- ", "\n- ")
    draft = ArticleDraft(
        title=title,
        sapo=sapo,
        body=body,
        byline=byline,
        source_name=source,
        published=published,
        published_has_time=has_time,
    )
    article_text = "\n".join([title, sapo, *lines, byline])
    findings += proof_findings(article_text)
    draft.findings = findings
    return ParsedText(draft, findings)


def _attached(text: str, title: str, lead: str) -> bool:
    """True when the lead follows the headline on the very next line (no blank line)."""
    at = text.find(title)
    if at < 0:
        return False
    rest = text[at + len(title) :]
    newline = rest.find("\n")
    return newline >= 0 and rest[newline + 1 :].lstrip(" \t").startswith(lead[:30])
