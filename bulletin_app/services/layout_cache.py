"""The last layouts of issues, kept by what they were made from.

A DOCX carries the contents' page numbers and the preflight checks the page count and the
pictures' resolution: both need the PDF layout. Laying out an issue takes most of an export;
the live preview has usually just done it for the same content. So every layout (preview,
PDF export, check) leaves its numbers here under a key that is the hash of everything that
shapes it — the document (every text, picture reference, setting), the theme, the page
options and the app version — and a DOCX-only export or a check of an unchanged issue reads
them back instead of laying it out again. Any change to the content gives another key; a
missing or unreadable entry just means laying out.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bulletin_app import __version__
from bulletin_app.atomic_file import write_atomically
from bulletin_app.domain.errors import StorageError
from bulletin_app.paths import data_dir

KEEP = 64  # entries; each is a few KB


@dataclass
class Layout:
    pages: int
    page_of: dict[str, int] = field(default_factory=dict)
    image_dpi: dict[str, float] = field(default_factory=dict)
    blank_pages: list[int] = field(default_factory=list)


def folder() -> Path:
    return data_dir() / "layout-cache"


def key(document: Any, theme: Any, options: Any) -> str:
    """The hash of everything a layout depends on (frozen dataclasses: their repr is their value)."""
    return hashlib.sha256(repr((__version__, document, theme, options)).encode("utf-8")).hexdigest()


def load(digest: str) -> Layout | None:
    path = folder() / f"{digest}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Layout(int(data["pages"]), dict(data["page_of"]), dict(data["image_dpi"]), list(data["blank_pages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(digest: str, result: Any) -> None:
    """Keep a layout's numbers (``result``: a PdfResult). Never fails an export."""
    data = {
        "pages": result.pages,
        "page_of": result.page_of,
        "image_dpi": result.image_dpi,
        "blank_pages": result.blank_pages,
    }
    with contextlib.suppress(OSError, StorageError):
        folder().mkdir(parents=True, exist_ok=True)
        write_atomically(folder() / f"{digest}.json", lambda tmp: tmp.write_text(json.dumps(data), encoding="utf-8"))
        entries = sorted(folder().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
