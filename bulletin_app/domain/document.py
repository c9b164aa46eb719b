"""One document model of an issue, built once by the services and read by both exporters.

Pure data: the PDF and DOCX renderers never look at the library, only at this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bulletin_app.domain.body import Block


@dataclass(frozen=True)
class ImageData:
    ref: str  # asset reference as written in bodies
    data: bytes
    width_px: int
    height_px: int
    mime: str


@dataclass(frozen=True)
class DocArticle:
    article_id: int
    title: str
    sapo: str
    blocks: tuple[Block, ...]
    byline: str = ""
    source: str = ""
    language: str = "vi"
    status: str = "approved"
    findings: tuple[str, ...] = ()  # what import/proofing left for an editor to look at

    @property
    def key(self) -> str:
        """Stable anchor (bookmarks, contents links) across layout passes."""
        return f"article-{self.article_id}"


@dataclass(frozen=True)
class DocSection:
    title: str
    position: int
    articles: tuple[DocArticle, ...]

    @property
    def key(self) -> str:
        return f"section-{self.position}"


@dataclass(frozen=True)
class Cover:
    """Page one. Luật Báo chí 2016 Điều 34: at the top the word "BẢN TIN", the
    bulletin's name, the publishing body and the date."""

    word: str
    bulletin_name: str
    publishing_body: str
    governing_body: str
    date_text: str
    issue_label: str
    internal_circulation: bool
    image: ImageData | None = None
    image_caption: str = ""
    circulation_notice: str = ""  # printed when internal_circulation ("Lưu hành nội bộ" or the issue's own)


@dataclass(frozen=True)
class Colophon:
    """Last page, at the bottom: licence, printing place, print run, frequency, responsible person."""

    lines: tuple[tuple[str, str], ...]  # (label, value), in print order


@dataclass(frozen=True)
class IssueDocument:
    title: str  # PDF/DOCX metadata title
    author: str  # the publishing body
    language: str
    cover: Cover
    editorial: DocArticle | None
    sections: tuple[DocSection, ...]
    colophon: Colophon
    images: Mapping[str, ImageData] = field(default_factory=dict)
    bulletin_name: str = ""

    def articles(self) -> list[DocArticle]:
        found = [self.editorial] if self.editorial else []
        return found + [a for s in self.sections for a in s.articles]
