import datetime as dt

import pytest

from bulletin_app.text import ToneStyle, format_date_vi, format_dateline_vi, normalize_tone_style, tone_styles_used


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hòa", "hoà"),
        ("khỏe", "khoẻ"),
        ("thúy", "thuý"),
        ("Hòa Bình", "Hoà Bình"),
        ("HÒA", "HOÀ"),
        ("Thụy Điển", "Thuỵ Điển"),
        ("xõa", "xoã"),
        ("lòe", "loè"),
    ],
)
def test_old_new_round_trip(old: str, new: str) -> None:
    assert normalize_tone_style(old, ToneStyle.NEW) == new
    assert normalize_tone_style(new, ToneStyle.OLD) == old
    assert normalize_tone_style(old, ToneStyle.OLD) == old


@pytest.mark.parametrize(
    "word",
    ["quý", "quỳ", "hoàng", "toán", "huyền", "khuya", "hoài", "ngoại", "thuở", "Hoàng", "giỏi", "Nguyễn"],
)
def test_syllables_without_style_difference_are_untouched(word: str) -> None:
    assert normalize_tone_style(word, ToneStyle.NEW) == word
    assert normalize_tone_style(word, ToneStyle.OLD) == word


def test_styles_used_detects_mixture() -> None:
    assert tone_styles_used("hòa bình và khoẻ mạnh") == {ToneStyle.OLD, ToneStyle.NEW}
    assert tone_styles_used("hòa bình, khỏe mạnh") == {ToneStyle.OLD}
    assert tone_styles_used("quý khách hoàng gia") == set()


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2022, 12, 5), "ngày 05 tháng 12 năm 2022"),
        (dt.date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
        (dt.date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"),
        (dt.date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (dt.date(2026, 11, 26), "ngày 26 tháng 11 năm 2026"),
    ],
)
def test_date_style(day: dt.date, text: str) -> None:
    assert format_date_vi(day) == text


def test_dateline() -> None:
    assert format_dateline_vi("Thái Nguyên", dt.date(2022, 12, 5)) == "Thái Nguyên, ngày 05 tháng 12 năm 2022"


def test_english_dates_and_periods() -> None:
    import datetime as dt

    from bulletin_app.text import format_date_en, period_en

    assert format_date_en(dt.date(2026, 12, 15)) == "15 December 2026"
    assert format_date_en(dt.date(2027, 1, 5)) == "5 January 2027"
    assert period_en("Tháng 11–12/2026") == "November–December 2026"
    assert period_en("tháng 3") == "March"
    assert period_en("Tháng 1-2 năm 2027") == "January–February 2027"
    for unusual in ("Quý IV/2026", "Tháng 13/2026", "Số Xuân Bính Ngọ", ""):
        assert period_en(unusual) == ""  # left out of the English masthead, never guessed
