"""One document model of an issue — the complete script both exporters play.

Pure data built once by the services: an ordered list of parts (cover, editorial,
contents, section, colophon…), each with its language and every string it prints
already worded (names trimmed, titles upper-cased, labels in the part's language).
The PDF and DOCX renderers never decide order or wording; they only draw these parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from bulletin_app.domain.body import Block
from bulletin_app.domain.issue import Edition


@dataclass(frozen=True)
class ImageData:
    ref: str  # asset reference as written in bodies
    data: bytes = field(repr=False)  # stands in the repr by its digest: a layout's key is a repr
    width_px: int
    height_px: int
    mime: str
    digest: str = field(init=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True)
class DocArticle:
    """An article as printed. Body headings are levels 2 and 3 only (the title is level 1);
    a figure's caption already carries its credit."""

    article_id: int
    title: str
    sapo: str
    blocks: tuple[Block, ...]
    byline: str = ""
    source: str = ""  # "Nguồn: …" / "Source: …", worded in the article's language
    language: str = "vi"
    status: str = "approved"
    findings: tuple[str, ...] = ()  # what import/proofing left for an editor to look at

    @property
    def key(self) -> str:
        """Stable anchor (bookmarks, contents links) across layout passes."""
        return f"article-{self.article_id}"


@dataclass(frozen=True)
class Cover:
    """Page one (and the opening page of a language part). Luật Báo chí 2016 Điều 34: at the
    top the word "BẢN TIN", the bulletin's name, the publishing body and the date."""

    word: str  # "BẢN TIN" / "BULLETIN"
    bulletin_name: str  # the full name (metadata, preflight)
    name_line: str  # the name as printed under the word (the word not repeated), upper case
    publishing_body: str
    governing_body: str
    date_text: str
    issue_label: str
    notice: str = ""  # printed at the foot as is ("LƯU HÀNH NỘI BỘ"); "" = circulates freely
    image: ImageData | None = None
    highlights_title: str = ""  # "TRONG SỐ NÀY" — printed when there is no cover photo
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContentsEntry:
    level: int  # 0 = a part or section line, 1 = an article
    text: str  # as printed
    key: str  # the anchor it points at
    summary: str = ""  # an article's sapo, its first sentence (the contents page's teaser)
    image: str = ""  # the asset reference of the article's first picture (the teaser's thumbnail)


@dataclass(frozen=True)
class CoverPart:
    language: str
    running_name: str  # the bulletin's name in the running heads of this part's pages
    cover: Cover
    opening: bool = False  # False: page one; True: the opening page of a later language part
    on_right: bool = False  # an opening page starts on a right-hand (odd) page, after a blank if need be


@dataclass(frozen=True)
class EditorialPart:
    language: str
    running_name: str
    article: DocArticle


@dataclass(frozen=True)
class ContentsPart:
    language: str
    running_name: str
    title: str  # "MỤC LỤC" / "CONTENTS" / "MỤC LỤC – CONTENTS"
    entries: tuple[ContentsEntry, ...]


@dataclass(frozen=True)
class SectionPart:
    language: str
    running_name: str
    key: str
    title: str  # natural case: outline, running head
    heading: str  # as printed at the head of the section
    articles: tuple[DocArticle, ...]
    new_page: bool  # starts a new page (else only when little room is left)


@dataclass(frozen=True)
class ColophonBlock:
    language: str
    lines: tuple[tuple[str, str], ...]  # (label, value), in print order; label "" = value alone


@dataclass(frozen=True)
class ColophonPart:
    """Last page, at the bottom: licence, printing place, print run, frequency, responsible person."""

    language: str
    running_name: str
    name: str  # the bulletin's name printed above the colophon, as printed
    blocks: tuple[ColophonBlock, ...]
    contacts: tuple[str, ...] = ()  # the back cover's lines: publisher, address, telephone, email, website
    notes_title: str = "Ghi chú"  # a booklet's padding pages (exporters/pdf_flowables.PadToMultiple)
    photos_title: str = "Ảnh trong số này"


P = TypeVar("P")

Part = CoverPart | EditorialPart | ContentsPart | SectionPart | ColophonPart


@dataclass(frozen=True)
class IssueDocument:
    title: str  # PDF/DOCX metadata title
    author: str  # the publishing body
    language: str  # the document's main language (BCP 47: "vi", "en-GB")
    parts: tuple[Part, ...]
    images: Mapping[str, ImageData] = field(default_factory=dict)
    edition: str = Edition.VI
    missing_image: str = "[Thiếu ảnh {ref}]"  # placeholder for a picture not in the library

    def of_kind(self, kind: type[P]) -> list[P]:
        return [p for p in self.parts if isinstance(p, kind)]

    @property
    def cover(self) -> Cover:
        return self.of_kind(CoverPart)[0].cover

    @property
    def colophon(self) -> ColophonPart:
        return self.of_kind(ColophonPart)[0]

    @property
    def sections(self) -> list[SectionPart]:
        return self.of_kind(SectionPart)

    def articles(self) -> list[DocArticle]:
        found: list[DocArticle] = []
        for part in self.parts:
            if isinstance(part, EditorialPart):
                found.append(part.article)
            elif isinstance(part, SectionPart):
                found += part.articles
        return found
