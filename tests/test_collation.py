"""Our stdlib collation key against ICU's ``vi`` collator as the oracle."""

import itertools
from pathlib import Path

import icu
import pytest

from bulletin_app.text import collation_key, sort_vi

NAMES_FILE = Path(__file__).parent / "data" / "vi_names.txt"


def _names() -> list[str]:
    lines = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi"))


def test_name_list_is_large_enough() -> None:
    names = _names()
    assert len(names) >= 1000
    assert len(set(names)) == len(names)


def test_order_equals_icu_on_real_names(collator: icu.Collator) -> None:
    names = _names()
    names.reverse()  # do not start from an already sorted list
    expected = sorted(names, key=collator.getSortKey)
    assert sort_vi(names) == expected


def test_every_adjacent_pair_agrees_with_icu(collator: icu.Collator) -> None:
    ordered = sorted(_names(), key=collator.getSortKey)
    for a, b in itertools.pairwise(ordered):
        assert collation_key(a) <= collation_key(b), (a, b)


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("Ấn Độ", "Yên Bái"),
        ("Đức", "Yên Bái"),
        ("Úc", "Yên Bái"),
        ("Dương", "Đà Nẵng"),  # đ is a letter after d
        ("Hà Lan", "Hàn Quốc"),  # word by word
        ("an", "ăn"),
        ("ăn", "ân"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("u", "ư"),
        ("ha", "hà"),  # tones: none < huyền < hỏi < ngã < sắc < nặng
        ("hà", "hả"),
        ("hả", "hã"),
        ("hã", "há"),
        ("há", "hạ"),
        ("hạ", "hac"),  # letters decide before tones
        ("an", "An"),  # case last
        ("2 Bảo Lộc", "A Lưới"),  # digits before letters
    ],
)
def test_known_pairs(smaller: str, larger: str, collator: icu.Collator) -> None:
    assert collation_key(smaller) < collation_key(larger)
    assert collator.compare(smaller, larger) < 0


def test_key_is_bytes_for_storage() -> None:
    assert isinstance(collation_key("Thái Nguyên"), bytes)
    assert collation_key("Thái Nguyên") == collation_key("Tha\u0301i Nguye\u0302n")  # NFD input
