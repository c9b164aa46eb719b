"""Unsaved drafts of open articles, kept on disk so a crash loses nothing.

One JSON file per open article (or per new, never-saved article) in
``data_dir()/autosave``, written atomically; removed when the article is saved or its
changes are discarded. The library's location is part of the file name: two libraries
have articles with the same numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bulletin_app.atomic_file import write_atomically
from bulletin_app.paths import data_dir

FORMAT = 1


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def library_key(location: str) -> str:
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:12]


@dataclass
class Draft:
    """What the editor holds: the article's editable fields, as the service takes them."""

    library: str
    article_id: int | None
    base_version: int | None
    fields: dict[str, Any]
    saved_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    draft_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    def to_json(self) -> str:
        fields = dict(self.fields)
        published = fields.get("published")
        if isinstance(published, dt.datetime):
            fields["published"] = published.isoformat()
        data = {
            "format": FORMAT,
            "library": self.library,
            "article_id": self.article_id,
            "base_version": self.base_version,
            "saved_at": self.saved_at.isoformat(),
            "draft_id": self.draft_id,
            "fields": fields,
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Draft:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError("unknown autosave format")
        fields = dict(data["fields"])
        if fields.get("published"):
            fields["published"] = dt.datetime.fromisoformat(fields["published"])
        return cls(
            library=str(data["library"]),
            article_id=data.get("article_id"),
            base_version=data.get("base_version"),
            fields=fields,
            saved_at=dt.datetime.fromisoformat(data["saved_at"]),
            draft_id=str(data.get("draft_id") or uuid.uuid4().hex[:12]),
        )


class AutosaveStore:
    """Drafts of one library."""

    def __init__(self, location: str, folder: Path | None = None) -> None:
        self.location = location
        self.key = library_key(location)
        self.folder = folder or autosave_dir()

    def path(self, draft: Draft) -> Path:
        if draft.article_id is not None:
            return self.folder / f"{self.key}-article-{draft.article_id}.json"
        return self.folder / f"{self.key}-new-{draft.draft_id}.json"

    def save(self, draft: Draft) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        draft.saved_at = dt.datetime.now(dt.UTC)
        text = draft.to_json()
        dest = self.path(draft)
        write_atomically(dest, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        return dest

    def discard(self, draft: Draft) -> None:
        self.path(draft).unlink(missing_ok=True)

    def _read(self, path: Path) -> Draft | None:
        try:
            draft = Draft.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged draft is not worth an error dialog
        return draft if draft.library == self.location else None

    def load(self, article_id: int) -> Draft | None:
        path = self.folder / f"{self.key}-article-{article_id}.json"
        return self._read(path) if path.is_file() else None

    def new_drafts(self) -> list[Draft]:
        """Drafts of articles never saved to the library, newest first."""
        if not self.folder.is_dir():
            return []
        drafts = [d for p in self.folder.glob(f"{self.key}-new-*.json") if (d := self._read(p)) is not None]
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)
