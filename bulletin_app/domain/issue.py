"""Issues of the bulletin: ordered sections holding ordered article entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


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

    @property
    def article_ids(self) -> list[int]:
        return [e.article_id for s in self.sections for e in s.entries]


@dataclass(frozen=True)
class IssueSummary:
    id: int
    number: int
    date: dt.date
    title: str
    status: IssueStatus
    article_count: int
