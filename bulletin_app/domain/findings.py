"""One kind of finding for the whole app: what an import, proofing or preflight wants an editor
to look at, with what it is about so a click can go there."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """``kind`` names the rule ("case-flip", "colophon-field"…); ``message`` is Vietnamese and
    names the article, field or picture; ``found``/``fix`` are the text found and its proposed
    replacement (a one-click fix); ``count`` how often it was found. Where it points:
    ``article_id``, ``field`` ("publication.<name>" or "issue.<name>") or ``section`` (a section
    of the issue by name); all None when nothing can be pointed at."""

    kind: str
    message: str
    found: str = ""
    fix: str | None = None
    count: int = 1
    level: str = WARNING
    article_id: int | None = None
    field: str | None = None
    section: str | None = None

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def at(self, **where: Any) -> Finding:
        """The same finding pointing at ``article_id``, ``field`` or ``section``."""
        return dataclasses.replace(self, **where)

    def as_dict(self) -> dict[str, object]:
        """The stored form of an article's finding (what it points at is the article)."""
        data: dict[str, object] = {
            "kind": self.kind,
            "message": self.message,
            "found": self.found,
            "fix": self.fix,
            "count": self.count,
        }
        if self.level != WARNING:
            data["level"] = self.level
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Finding:
        return cls(
            str(data.get("kind", "")),
            str(data.get("message", "")),
            str(data.get("found", "")),
            None if data.get("fix") is None else str(data.get("fix")),
            int(str(data.get("count", 1))),
            str(data.get("level", WARNING)),
        )


# Preflight's kind for captions whose picture never came along; ``proof --fix`` and the composer's
# button drop them (ArticleService.drop_orphan_captions).
ORPHAN_CAPTIONS = "caption-without-image"


def error(kind: str, message: str, **where: Any) -> Finding:
    return Finding(kind, message, level=ERROR, **where)


def warning(kind: str, message: str, **where: Any) -> Finding:
    return Finding(kind, message, level=WARNING, **where)
