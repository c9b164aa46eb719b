"""Drag payload for articles: from the library table to an issue's sections."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

ARTICLE_IDS_MIME = "application/x-bulletin-article-ids"


def encode_article_ids(ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(ARTICLE_IDS_MIME, json.dumps([int(i) for i in ids]).encode("utf-8"))
    return data


def decode_article_ids(data: QMimeData) -> list[int]:
    """The dragged ids; [] for anything else (a foreign or damaged payload is ignored)."""
    if not data.hasFormat(ARTICLE_IDS_MIME):
        return []
    try:
        value = json.loads(bytes(data.data(ARTICLE_IDS_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(value, list):
        return []
    return [i for i in value if isinstance(i, int) and not isinstance(i, bool)]
