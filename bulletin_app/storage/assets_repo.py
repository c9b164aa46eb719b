"""Images stored inside the library file, deduplicated by content hash."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletin_app.domain.article import Asset
from bulletin_app.domain.errors import ValidationError
from bulletin_app.storage import records_read
from bulletin_app.storage.models import AssetRow


def add_asset(s: Session, data: bytes, filename: str, mime: str, width: int, height: int) -> tuple[Asset, bool]:
    """Store image bytes once; returns (asset, created). Equal bytes give the existing asset."""
    if not data:
        raise ValidationError("Ảnh", f"{filename}: tệp rỗng")
    digest = hashlib.sha256(data).hexdigest()
    row = s.scalar(select(AssetRow).where(AssetRow.sha256 == digest))
    if row is not None:
        return records_read.find_asset(s, str(row.id)), False
    row = AssetRow(
        sha256=digest, filename=filename, mime=mime, width=width, height=height, byte_size=len(data), data=data
    )
    s.add(row)
    s.flush()
    return records_read.find_asset(s, str(row.id)), True


def find_asset(s: Session, ref: str) -> Asset:
    """An asset by id ("42") or by a unique prefix of its hash (as written in bodies)."""
    return records_read.find_asset(s, ref)


def asset_data(s: Session, asset_id: int) -> bytes:
    return records_read.asset_data(s, asset_id)
