"""Issues of the bulletin: ordered sections holding ordered article entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

# The section holding the editorial letter; it always comes first in an issue.
EDITORIAL_SECTION_NAME = "Thư ngỏ"


class Edition:
    """Which languages an issue prints."""

    VI = "vi"
    EN = "en"
    BILINGUAL = "bilingual"
    ALL = (VI, EN, BILINGUAL)


class Arrangement:
    """How a bilingual issue places the translations."""

    PARTS = "parts"  # the Vietnamese part, then the English part with its own masthead
    INTERLEAVED = "interleaved"  # each article followed by its translation
    ALL = (PARTS, INTERLEAVED)


class IssueStatus(StrEnum):
    PLANNING = "planning"
    COMPOSING = "composing"
    READY = "ready"  # checked, ready for the print shop
    PUBLISHED = "published"


@dataclass(frozen=True)
class Entry:
    article_id: int
    title: str
    position: int


@dataclass(frozen=True)
class Section:
    id: int
    name: str
    position: int
    entries: tuple[Entry, ...]
    name_en: str = ""  # the English title (its column's English name; "" = none yet)


@dataclass(frozen=True)
class Issue:
    id: int
    number: int
    date: dt.date
    title: str
    period_label: str
    status: IssueStatus
    sections: tuple[Section, ...]
    version: int
    cover_asset: str = ""  # asset ref of the cover photo; "" = the issue's first photo
    circulation_notice: str = ""  # "" = the publication's default ("Lưu hành nội bộ")
    edition: str = "vi"  # vi | en | bilingual (domain.document.Edition)
    arrangement: str = "parts"  # parts | interleaved (domain.document.Arrangement)

    @property
    def article_ids(self) -> list[int]:
        return [e.article_id for s in self.sections for e in s.entries]

    def section_of(self, article_id: int) -> Section | None:
        return next((s for s in self.sections if any(e.article_id == article_id for e in s.entries)), None)


@dataclass(frozen=True)
class IssueSummary:
    id: int
    number: int
    date: dt.date
    title: str
    status: IssueStatus
    article_count: int
