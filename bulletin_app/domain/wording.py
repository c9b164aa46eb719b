"""What the bulletin prints around the articles, in each language it is published in.

The document builder alone reads this table; the renderers print the strings it chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    language: str  # "vi" / "en"
    word: str  # the word at the top of the cover
    contents: str
    in_this_issue: str
    part_title: str  # the part's line in a bilingual contents
    editorial: str  # the editorial letter's section name
    source: str  # "Nguồn: {name}"
    photo: str  # the label before a photo credit ("Ảnh: TTXVN")
    missing_image: str
    untitled: str  # in place of a title an article does not have yet
    issue: str  # "Số {number}"
    year: str  # "Năm {year}"
    notice: str  # the default circulation notice
    # colophon labels
    publishing_body: str
    responsible: str
    editorial_board: str
    address: str
    phone: str
    email: str
    website: str
    licence: str
    licence_number: str  # "Số {number}"
    licence_by: str  # " của {issuer}"
    printed_at: str
    print_run: str
    copies: str  # "{n} bản"
    frequency: str
    notes: str  # the title of a booklet's notes page
    photos: str  # the title of a booklet's page of the issue's photographs


VI = Wording(
    language="vi",
    word="BẢN TIN",
    contents="MỤC LỤC",
    in_this_issue="TRONG SỐ NÀY",
    part_title="PHẦN TIẾNG VIỆT",
    editorial="Thư ngỏ",
    source="Nguồn: {name}",
    photo="Ảnh",
    missing_image="[Thiếu ảnh {ref}]",
    untitled="[Chưa có tiêu đề]",
    issue="Số {number}",
    year="Năm {year}",
    notice="Lưu hành nội bộ",
    publishing_body="Cơ quan xuất bản",
    responsible="Chịu trách nhiệm xuất bản",
    editorial_board="Ban biên tập",
    address="Địa chỉ",
    phone="Điện thoại",
    email="Email",
    website="Website",
    licence="Giấy phép xuất bản",
    licence_number="Số {number}",
    licence_by=" của {issuer}",
    printed_at="In tại",
    print_run="Số lượng",
    copies="{n} bản",
    frequency="Kỳ hạn xuất bản",
    notes="Ghi chú",
    photos="Ảnh trong số này",
)

EN = Wording(
    language="en",
    word="BULLETIN",
    contents="CONTENTS",
    in_this_issue="IN THIS ISSUE",
    part_title="ENGLISH SECTION",
    editorial="Editorial",
    source="Source: {name}",
    photo="Photo",
    missing_image="[Missing picture {ref}]",
    untitled="[Untitled]",
    issue="No. {number}",
    year="{year}",
    notice="For internal circulation",
    publishing_body="Published by",
    responsible="Responsible for publication",
    editorial_board="Editorial board",
    address="Address",
    phone="Telephone",
    email="Email",
    website="Website",
    licence="Publishing licence",
    licence_number="No. {number}",
    licence_by=", issued by {issuer}",
    printed_at="Printed at",
    print_run="Print run",
    copies="{n} copies",
    frequency="Frequency",
    notes="Notes",
    photos="This issue in pictures",
)

WORDING = {"vi": VI, "en": EN}

# Photo-credit labels of every language, as they open a credit ("Ảnh: TTXVN", "Photo: VNA").
CREDIT_LABEL = re.compile(r"^\s*(?:Ảnh|Anh|Photo|Photos)\s*[:：]\s*", re.IGNORECASE)


def credit_in(wording: Wording, credit: str) -> str:
    """A photo credit with its label in ``wording``'s language ("Ảnh: X" → "Photo: X")."""
    match = CREDIT_LABEL.match(credit)
    return f"{wording.photo}: {credit[match.end() :]}" if match else credit


# A booklet's padding pages, as the export reports them (exporters/pdf_flowables.PadToMultiple).
PADDING_KINDS = {"back": "bìa sau", "notes": "trang ghi chú", "photos": "trang ảnh", "blank": "trang trắng"}


def padding_text(pages: dict[int, str]) -> str:
    """ "trang 15: trang ghi chú; trang 16: bìa sau" for the pages a booklet's padding added."""
    return "; ".join(f"trang {page}: {PADDING_KINDS.get(kind, kind)}" for page, kind in sorted(pages.items()))
