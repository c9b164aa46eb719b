import unicodedata

import pytest

from bulletin_app.text import clean_line, clean_text, fold, fold_with_map, has_marks, nfc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Thái\u00a0Nguyên", "Thái Nguyên"),  # NBSP
        ("Thái\u202fNguyên\u2007x\u2009y\u3000z", "Thái Nguyên x y z"),  # narrow/figure/thin/ideographic
        ("\ufeffBản tin", "Bản tin"),  # BOM
        ("Ngo\u200bại gi\u200c\u200dao\u2060", "Ngoại giao"),  # zero-width chars
        ("đối\u00adngoại", "đốingoại"),  # soft hyphen
        ("\u00d0à N\u1eb5ng \u00f0ông", "Đà Nẵng đông"),  # eth standing for Đ/đ
        ("a\x00b\x07c\x1bd\x7fe\x85", "abcde"),  # control characters (NEL is a line break)
        ("nhiều    khoảng   trắng", "nhiều khoảng trắng"),
        ("\tthụt\tlề ", "thụt lề"),
        ("d\ud800x", "dx"),  # lone surrogate
    ],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_clean_line_turns_line_breaks_into_spaces() -> None:
    assert clean_line("Dòng một\u2028dòng hai\x0bba\x0cbốn\r\nnăm\u2029sáu") == "Dòng một dòng hai ba bốn năm sáu"


def test_clean_text_keeps_paragraphs_and_collapses_blank_runs() -> None:
    raw = "Đoạn  một \r\n\r\n\r\n\r\nĐoạn\u2028hai\x0bba\n\n\n"
    assert clean_text(raw) == "Đoạn một\n\nĐoạn\nhai\nba"


def test_clean_text_keeps_indentation_of_nested_lists() -> None:
    assert clean_text("- a\n  - b") == "- a\n  - b"


def test_nfd_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Thủy điện Dương Ặ ể")
    assert nfd != "Thủy điện Dương Ặ ể"
    assert clean_line(nfd) == "Thủy điện Dương Ặ ể"
    assert unicodedata.is_normalized("NFC", clean_text(nfd))
    assert nfc(nfd) == "Thủy điện Dương Ặ ể"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Đà Nẵng", "da nang"),
        ("ĐỒNG HỶ", "dong hy"),
        ("Thụy Điển", "thuy dien"),
        ("Thủy điện", "thuy dien"),
        ("Hòa Bình", "hoa binh"),
        ("Hoà Bình", "hoa binh"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("Straße", "strasse"),
        ("Gyeongsangbuk-do", "gyeongsangbuk-do"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert fold(unicodedata.normalize("NFD", raw)) == folded


def test_fold_with_map_points_back_to_original() -> None:
    text = "Ông Đà Straße"
    folded, index = fold_with_map(text)
    assert folded == "ông da strasse".replace("ô", "o")
    start = folded.index("strasse")
    assert text[index[start] : index[start + len("strasse") - 1] + 1] == "Straße"
    assert len(index) == len(folded)


@pytest.mark.parametrize(
    ("text", "marked"),
    [("thuy dien", False), ("thụy điển", True), ("dong", False), ("đong", True), ("UBND", False), ("Café", True)],
)
def test_has_marks(text: str, marked: bool) -> None:
    assert has_marks(text) is marked
