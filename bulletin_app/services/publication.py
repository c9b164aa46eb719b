"""The publication record: read, validate, save."""

from __future__ import annotations

import datetime as dt
import re

from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import ValidationError
from bulletin_app.domain.publication import (
    LEGAL_MAX_HEIGHT_MM,
    LEGAL_MAX_PAGES,
    LEGAL_MAX_WIDTH_MM,
    Publication,
)
from bulletin_app.storage import publication_repo
from bulletin_app.storage.database import Database
from bulletin_app.text import clean_line

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def validate(pub: Publication) -> Publication:
    """Clean every text field and check what the law and common sense require."""
    for name in Publication.field_names():
        value = getattr(pub, name)
        if isinstance(value, str):
            setattr(pub, name, clean_line(value))
    pub.editorial_board = [clean_line(n) for n in pub.editorial_board if clean_line(n)]
    if not pub.bulletin_name:
        raise ValidationError("Tên bản tin", "không được để trống")
    if not pub.publishing_body:
        raise ValidationError("Cơ quan xuất bản", "không được để trống")
    if pub.trim_width_mm <= 0 or pub.trim_height_mm <= 0:
        raise ValidationError("Khổ", "kích thước phải lớn hơn 0")
    if pub.trim_width_mm > LEGAL_MAX_WIDTH_MM or pub.trim_height_mm > LEGAL_MAX_HEIGHT_MM:
        raise ValidationError("Khổ", "bản tin tối đa 19 × 27 cm (Luật Báo chí 2016, Điều 34)")
    if not 1 <= pub.page_limit <= LEGAL_MAX_PAGES:
        raise ValidationError("Số trang", "bản tin tối đa 64 trang (Luật Báo chí 2016, Điều 34)")
    if pub.print_run < 0:
        raise ValidationError("Số lượng in", "không được âm")
    if pub.email and not _EMAIL.match(pub.email):
        raise ValidationError("Email", f"“{pub.email}” không phải địa chỉ email")
    if pub.licence_date and pub.licence_expiry and pub.licence_expiry <= pub.licence_date:
        raise ValidationError("Giấy phép", "ngày hết hạn phải sau ngày cấp")
    if (
        pub.licence_date
        and pub.licence_expiry
        and pub.licence_expiry > pub.licence_date.replace(year=pub.licence_date.year + 1)
    ):
        raise ValidationError("Giấy phép", "giấy phép bản tin có thời hạn tối đa một năm")
    return pub


def licence_warnings(pub: Publication, today: dt.date | None = None) -> list[str]:
    today = today or dt.date.today()
    warnings = []
    if not pub.licence_number:
        warnings.append("Chưa nhập số giấy phép xuất bản.")
    if pub.licence_expiry:
        days = (pub.licence_expiry - today).days
        if days < 0:
            warnings.append(f"Giấy phép đã hết hạn từ {pub.licence_expiry:%d/%m/%Y}.")
        elif days <= 30:
            warnings.append(f"Giấy phép hết hạn sau {days} ngày ({pub.licence_expiry:%d/%m/%Y}).")
    return warnings


class PublicationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Publication:
        with self._db.read() as s:
            return publication_repo.get_publication(s)

    def update(self, **values: object) -> tuple[Publication, Changes]:
        """Change the given fields of the stored record (read, merged and saved in one
        transaction, so two editors setting different fields both keep theirs), validated as
        the form validates it."""
        unknown = set(values) - set(Publication.field_names())
        if unknown:
            raise ValidationError("Thông tin xuất bản", f"không có trường {', '.join(sorted(unknown))}")
        with self._db.unit() as s:
            publication = publication_repo.get_publication(s)
            for name, value in values.items():
                setattr(publication, name, value)
            validate(publication)
            publication_repo.save_publication(s, publication)
        return publication, Changes(publication_changed=True)

    def save(self, publication: Publication) -> Changes:
        validate(publication)
        with self._db.unit() as s:
            publication_repo.save_publication(s, publication)
        return Changes(publication_changed=True)
