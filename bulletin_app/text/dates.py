"""Vietnamese administrative date style (Nghị định 30/2020/NĐ-CP).

The day is padded below 10; of the months only January and February are padded
("ngày 05 tháng 01 năm 2023", "ngày 01 tháng 3 năm 2024").
"""

from __future__ import annotations

import datetime as dt
import re


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


_PERIOD_VI = re.compile(
    r"^\s*th[aá]ng\s+(\d{1,2})(?:\s*[–-]\s*(\d{1,2}))?\s*(?:/\s*(\d{4})|\s+năm\s+(\d{4}))?\s*$", re.IGNORECASE
)


def period_en(period_vi: str) -> str:
    """An issue's period in English: "Tháng 11–12/2026" → "November–December 2026"; "" when the
    Vietnamese wording is not one of the usual month forms (it is then left out, not guessed)."""
    m = _PERIOD_VI.match(period_vi)
    if not m:
        return ""
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if not (1 <= first <= 12 and 1 <= last <= 12):
        return ""
    months = _MONTHS_EN[first - 1] if first == last else f"{_MONTHS_EN[first - 1]}–{_MONTHS_EN[last - 1]}"
    year = m.group(3) or m.group(4)
    return f"{months} {year}" if year else months
