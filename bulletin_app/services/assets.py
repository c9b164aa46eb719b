"""Images into the library: checked, measured, stored once."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from bulletin_app.domain.article import Asset
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import ValidationError
from bulletin_app.storage import assets_repo
from bulletin_app.storage.database import Database

# Print images must be kept at their original resolution; 100 MB is far beyond any photo.
MAX_BYTES = 100 * 1024 * 1024
_MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "TIFF": "image/tiff",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
}


def inspect_image(data: bytes, name: str) -> tuple[str, int, int]:
    """(mime, width, height) of image bytes, or a clear error naming the file."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()  # reads the whole structure: a truncated file fails here
            fmt = image.format or ""
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError("Ảnh", f"{name}: không phải ảnh hoặc ảnh bị hỏng ({exc})") from None
    mime = _MIME.get(fmt)
    if mime is None:
        raise ValidationError("Ảnh", f"{name}: định dạng {fmt} chưa hỗ trợ (JPEG, PNG, TIFF, GIF, WebP, BMP)")
    return mime, width, height


class AssetService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_bytes(self, data: bytes, filename: str) -> tuple[Asset, Changes]:
        if len(data) > MAX_BYTES:
            raise ValidationError("Ảnh", f"{filename}: tệp quá lớn ({len(data) // 1024 // 1024} MB)")
        mime, width, height = inspect_image(data, filename)
        with self._db.unit() as s:
            asset, _created = assets_repo.add_asset(s, data, filename, mime, width, height)
        return asset, Changes()

    def add_file(self, path: Path) -> tuple[Asset, Changes]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError("Ảnh", f"{path}: không đọc được ({exc.strerror})") from exc
        return self.add_bytes(data, path.name)

    def get(self, ref: str) -> Asset:
        with self._db.read() as s:
            return assets_repo.find_asset(s, ref)

    def data(self, asset: Asset) -> bytes:
        with self._db.read() as s:
            return assets_repo.asset_data(s, asset.id)
