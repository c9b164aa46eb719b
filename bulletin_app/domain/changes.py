"""Change records: every mutating service call returns one; views refresh from it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    articles_added: frozenset[int] = field(default_factory=frozenset)
    articles_changed: frozenset[int] = field(default_factory=frozenset)
    articles_removed: frozenset[int] = field(default_factory=frozenset)
    issues_changed: frozenset[int] = field(default_factory=frozenset)
    columns_changed: bool = False
    publication_changed: bool = False

    @property
    def articles(self) -> frozenset[int]:
        return self.articles_added | self.articles_changed | self.articles_removed

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles_added | other.articles_added,
            self.articles_changed | other.articles_changed,
            self.articles_removed | other.articles_removed,
            self.issues_changed | other.issues_changed,
            self.columns_changed or other.columns_changed,
            self.publication_changed or other.publication_changed,
        )

    def is_empty(self) -> bool:
        return not (self.articles or self.issues_changed or self.columns_changed or self.publication_changed)


@dataclass
class Seen:
    """What other windows and processes saved since this one last looked (the change log)."""

    articles_added: set[int] = field(default_factory=set)
    articles_changed: set[int] = field(default_factory=set)
    articles_removed: set[int] = field(default_factory=set)
    issues: set[int] = field(default_factory=set)
    columns: bool = False
    publication: bool = False
    replaced: bool = False  # the whole library (a restore): reload everything
    authors: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(
            self.articles_added
            or self.articles_changed
            or self.articles_removed
            or self.issues
            or self.columns
            or self.publication
            or self.replaced
        )

    def as_changes(self) -> Changes:
        return Changes(
            frozenset(self.articles_added),
            frozenset(self.articles_changed),
            frozenset(self.articles_removed),
            frozenset(self.issues),
            self.columns,
            self.publication,
        )
