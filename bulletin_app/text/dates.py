"""Vietnamese administrative date style (Nghị định 30/2020/NĐ-CP).

The day is padded below 10; of the months only January and February are padded
("ngày 05 tháng 01 năm 2023", "ngày 01 tháng 3 năm 2024").
"""

from __future__ import annotations

import datetime as dt


def format_date_vi(day: dt.date) -> str:
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def format_dateline_vi(place: str, day: dt.date) -> str:
    """'Thái Nguyên, ngày 05 tháng 12 năm 2022' as written at the head of a document."""
    return f"{place}, {format_date_vi(day)}"


def format_short_date(day: dt.date) -> str:
    """dd/mm/yyyy, the everyday Vietnamese numeric form."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


_MONTHS_EN = ("January February March April May June July August September October November December").split()


def format_date_en(day: dt.date) -> str:
    """'15 December 2026' (day month year, as in British and international usage)."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
