"""Images stored inside the library file, deduplicated by content hash."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletin_app.domain.article import Asset
from bulletin_app.domain.errors import NotFoundError, ValidationError
from bulletin_app.storage.models import AssetRow


def _to_asset(row: AssetRow) -> Asset:
    return Asset(row.id, row.sha256, row.filename, row.mime, row.width, row.height, row.byte_size)


def add_asset(s: Session, data: bytes, filename: str, mime: str, width: int, height: int) -> tuple[Asset, bool]:
    """Store image bytes once; returns (asset, created). Equal bytes give the existing asset."""
    if not data:
        raise ValidationError("Ảnh", f"{filename}: tệp rỗng")
    digest = hashlib.sha256(data).hexdigest()
    row = s.scalar(select(AssetRow).where(AssetRow.sha256 == digest))
    if row is not None:
        return _to_asset(row), False
    row = AssetRow(
        sha256=digest, filename=filename, mime=mime, width=width, height=height, byte_size=len(data), data=data
    )
    s.add(row)
    s.flush()
    return _to_asset(row), True


def find_asset(s: Session, ref: str) -> Asset:
    """An asset by id ("42") or by a unique prefix of its hash (as written in bodies)."""
    ref = ref.strip().lower()
    if ref.isdigit() and (row := s.get(AssetRow, int(ref))) is not None:
        return _to_asset(row)
    if len(ref) >= 6:
        rows = s.scalars(select(AssetRow).where(AssetRow.sha256.startswith(ref)).limit(2)).all()
        if len(rows) == 1:
            return _to_asset(rows[0])
    raise NotFoundError(f"Không có ảnh “{ref}” trong thư viện.")


def asset_data(s: Session, asset_id: int) -> bytes:
    row = s.get(AssetRow, asset_id)
    if row is None:
        raise NotFoundError(f"Không có ảnh số {asset_id} trong thư viện.")
    return row.data
