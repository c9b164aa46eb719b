"""Articles as the rest of the application sees them (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from bulletin_app.domain.findings import Finding
from bulletin_app.text.language import detect_language
from bulletin_app.text.proofing import proof


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    EDITING = "editing"
    APPROVED = "approved"
    ARCHIVED = "archived"

    @property
    def label_vi(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ArticleStatus.DRAFT: "Bản nháp",
    ArticleStatus.EDITING: "Đang biên tập",
    ArticleStatus.APPROVED: "Đã duyệt",
    ArticleStatus.ARCHIVED: "Lưu trữ",
}

# Workflow: forward through editing to approval; back to editing for rework;
# archived articles can be revived as drafts.
STATUS_TRANSITIONS: dict[ArticleStatus, frozenset[ArticleStatus]] = {
    ArticleStatus.DRAFT: frozenset({ArticleStatus.EDITING, ArticleStatus.APPROVED, ArticleStatus.ARCHIVED}),
    ArticleStatus.EDITING: frozenset({ArticleStatus.DRAFT, ArticleStatus.APPROVED, ArticleStatus.ARCHIVED}),
    ArticleStatus.APPROVED: frozenset({ArticleStatus.EDITING, ArticleStatus.ARCHIVED}),
    ArticleStatus.ARCHIVED: frozenset({ArticleStatus.DRAFT}),
}


class Language(StrEnum):
    VI = "vi"
    EN = "en"


class TranslationState(StrEnum):
    """Where a Vietnamese article's English translation stands (derived from its partner)."""

    NONE = "none"  # no English partner
    IN_PROGRESS = "in-progress"  # a partner not yet approved
    DONE = "done"  # an approved partner
    OUTDATED = "outdated"  # approved, but the original was changed after the translation

    @property
    def label_vi(self) -> str:
        return _TRANSLATION_LABELS[self]


_TRANSLATION_LABELS = {
    TranslationState.NONE: "Cần dịch",
    TranslationState.IN_PROGRESS: "Đang dịch",
    TranslationState.DONE: "Đã dịch",
    TranslationState.OUTDATED: "Bản dịch cũ",
}
# Words accepted by the search filter ``translated:`` and the CLI (folded, no accents).
TRANSLATION_WORDS = {
    "no": TranslationState.NONE,
    "none": TranslationState.NONE,
    "chua": TranslationState.NONE,
    "can dich": TranslationState.NONE,
    "partial": TranslationState.IN_PROGRESS,
    "in-progress": TranslationState.IN_PROGRESS,
    "dang": TranslationState.IN_PROGRESS,
    "dang dich": TranslationState.IN_PROGRESS,
    "yes": TranslationState.DONE,
    "done": TranslationState.DONE,
    "roi": TranslationState.DONE,
    "da dich": TranslationState.DONE,
    "outdated": TranslationState.OUTDATED,
    "old": TranslationState.OUTDATED,
    "cu": TranslationState.OUTDATED,
}


def proof_findings(text: str) -> list[Finding]:
    """What proofing finds in ``text`` (case flips, mixed tone styles, spacing, quotes, mojibake)."""
    return [Finding(i.kind, i.message, i.found, i.fix, i.count) for i in proof(text)]


# Findings that proofing the text again recomputes; the others (from the import: a picture that
# could not be read, a near duplicate, a legacy encoding…) stay until an editor clears them.
PROOFING_KINDS = frozenset(
    {
        "case-flip",
        "mixed-tone-style",
        "space-before-punct",
        "no-space-after-punct",
        "double-space",
        "straight-quotes",
        "mojibake",
        "replacement-char",
    }
)


def refreshed_findings(findings: tuple[Finding, ...], title: str, text: str) -> list[Finding]:
    """An article's findings after its text changed: proofing's found again in ``text``, the
    import's kept — but "title needed" only while the proposed title is still the title."""
    kept = [f for f in findings if f.kind not in PROOFING_KINDS and not (f.kind == "title-needed" and f.found != title)]
    return kept + proof_findings(text)


def text_language(title: str, sapo: str, body_plain: str) -> tuple[Language | None, bool]:
    """The language the text is written in (None: it says too little) and whether it mixes both."""
    guess = detect_language("\n".join(p for p in (title, sapo, body_plain) if p))
    return (Language(guess.language) if guess.language else None), guess.mixed


def language_findings(language: Language | None, mixed: bool) -> list[Finding]:
    if not mixed:
        return []
    main = "tiếng Anh" if language == Language.EN else "tiếng Việt"
    return [
        Finding(
            "mixed-language",
            f"Tin bài có cả tiếng Việt và tiếng Anh (chủ yếu {main}): bản dịch nên là một tin bài riêng, "
            "liên kết với bản gốc.",
        )
    ]


@dataclass
class ArticleDraft:
    """An article before it is in the library: what importers produce."""

    title: str
    body: str = ""
    sapo: str = ""
    byline: str = ""
    source_name: str = ""
    source_url: str = ""
    published: dt.datetime | None = None
    published_has_time: bool = False
    column: str | None = None
    tags: list[str] = field(default_factory=list)
    language: Language = Language.VI
    findings: list[Finding] = field(default_factory=list)
    # Pictures that came with the file: (placeholder used as the body's asset ref, bytes, file name).
    images: list[tuple[str, bytes, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    sapo: str
    body: str
    byline: str
    source_name: str
    source_url: str
    published: dt.datetime | None
    published_has_time: bool
    column: str | None
    tags: tuple[str, ...]
    language: Language
    translation_id: int | None
    status: ArticleStatus
    word_count: int
    created: dt.datetime
    updated: dt.datetime
    version: int
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list."""

    id: int
    title: str
    column: str | None
    status: ArticleStatus
    language: Language
    published: dt.datetime | None
    word_count: int
    updated: dt.datetime
    source: str = ""
    findings: int = 0  # how many findings proofing/import left for an editor to look at
    trashed: bool = False
    partner_id: int | None = None  # the translation pair's other article
    translation: TranslationState | None = None  # of a Vietnamese article; None for English
    version: int = 0  # the saved version this row shows (an edit in the list is checked against it)


@dataclass(frozen=True)
class Revision:
    id: int
    article_id: int
    version: int
    author: str
    created: dt.datetime
    snapshot: dict[str, object]


@dataclass(frozen=True)
class Asset:
    """An image kept in the library; bodies refer to it as ``asset:<sha256 prefix>``."""

    id: int
    sha256: str
    filename: str
    mime: str
    width: int
    height: int
    byte_size: int

    @property
    def ref(self) -> str:
        return self.sha256[:12]
