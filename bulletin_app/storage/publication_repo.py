"""The single publication record (licence, masthead, colophon)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy.orm import Session

from bulletin_app.domain.publication import Publication
from bulletin_app.storage import records_read
from bulletin_app.storage.models import PublicationRow, utcnow

_ID = 1


def get_publication(s: Session) -> Publication:
    return records_read.publication(s)


def save_publication(s: Session, publication: Publication) -> None:
    row = s.get(PublicationRow, _ID)
    values: dict[str, Any] = asdict(publication)
    if row is None:
        s.add(PublicationRow(id=_ID, **values))
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utcnow()


def has_publication(s: Session) -> bool:
    return s.get(PublicationRow, _ID) is not None
