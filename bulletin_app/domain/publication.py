"""The publication record: what the licence and the law require on the masthead and colophon."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields


@dataclass
class Publication:
    bulletin_name: str = ""
    publishing_body: str = ""
    governing_body: str = ""
    licence_number: str = ""
    licence_date: dt.date | None = None
    licence_issuer: str = ""
    licence_expiry: dt.date | None = None
    frequency: str = ""
    print_run: int = 0
    printing_place: str = ""
    responsible_person: str = ""
    responsible_title: str = ""
    editorial_board: list[str] = field(default_factory=list)
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    internal_circulation: bool = True
    trim_width_mm: float = 190.0
    trim_height_mm: float = 270.0
    page_limit: int = 64
    # The English part (an English or bilingual edition): masthead and colophon wording.
    bulletin_name_en: str = ""
    publishing_body_en: str = ""
    governing_body_en: str = ""
    licence_issuer_en: str = ""
    frequency_en: str = ""
    printing_place_en: str = ""
    responsible_title_en: str = ""
    address_en: str = ""

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


# Luật Báo chí 2016, Điều 34: a bản tin is at most 19 × 27 cm and 64 pages.
LEGAL_MAX_WIDTH_MM = 190.0
LEGAL_MAX_HEIGHT_MM = 270.0
LEGAL_MAX_PAGES = 64
