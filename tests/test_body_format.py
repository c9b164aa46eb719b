from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_app.domain.body import (
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    body_to_plain,
    count_words,
    escape_text,
    paragraphs_to_body,
    parse_body,
    runs_text,
)

BODY = """Mở đầu **đậm** và *nghiêng*, R&D.

## 9 mục tiêu trọng tâm

> “Gốc vững, thân chắc, cành uyển chuyển”

- Ngoại giao kinh tế
- Văn hóa đối ngoại
  - Giao lưu nhân dân

1. Thứ nhất
2. Thứ hai

| Đối tác | Năm |
|---|---|
| Gyeongsangbuk-do | 2012 |

![Lãnh đạo tỉnh tiếp đoàn KOICA](asset:3f2a9c "Ảnh: TNGOV")
"""


def test_every_block_kind_is_parsed() -> None:
    blocks = parse_body(BODY)
    kinds = [type(b) for b in blocks]
    assert kinds == [Paragraph, Heading, Quote, ListBlock, ListBlock, Table, Figure]
    para = blocks[0]
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("Mở đầu ", False, False),
        ("đậm", True, False),
        (" và ", False, False),
        ("nghiêng", False, True),
        (", R&D.", False, False),
    ]
    assert blocks[1] == Heading(2, blocks[1].runs) and runs_text(blocks[1].runs) == "9 mục tiêu trọng tâm"
    bullets = blocks[3]
    assert [(runs_text(i.runs), i.level) for i in bullets.items] == [
        ("Ngoại giao kinh tế", 0),
        ("Văn hóa đối ngoại", 0),
        ("Giao lưu nhân dân", 1),
    ]
    assert blocks[4].ordered
    table = blocks[5]
    assert [runs_text(c) for c in table.header] == ["Đối tác", "Năm"]
    assert [runs_text(c) for c in table.rows[0]] == ["Gyeongsangbuk-do", "2012"]
    assert blocks[6] == Figure("3f2a9c", "Lãnh đạo tỉnh tiếp đoàn KOICA", "Ảnh: TNGOV")


def test_markup_in_text_is_literal() -> None:
    blocks = parse_body('Thẻ <b>đậm</b> và <img src="/etc/passwd"> &amp; giữ nguyên')
    assert runs_text(blocks[0].runs) == 'Thẻ <b>đậm</b> và <img src="/etc/passwd"> & giữ nguyên'


def test_plain_text_and_word_count() -> None:
    plain = body_to_plain(BODY)
    assert "Gyeongsangbuk-do 2012" in plain
    assert "Ảnh: TNGOV" in plain
    assert "**" not in plain and "##" not in plain
    assert count_words("Sở Ngoại vụ tỉnh Thái Nguyên") == 6


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1))
@settings(max_examples=300, deadline=None)
def test_escaped_text_stays_literal(text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    blocks = parse_body(paragraphs_to_body([text]))
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    assert runs_text(blocks[0].runs) == text


def test_escape_covers_line_start_markers() -> None:
    for text in (
        "# không phải tiêu đề",
        "- không phải danh sách",
        "1. không phải danh sách",
        "> không trích",
        "*sao*",
        "[a](b)",
        "![x](asset:y)",
        "a | b",
        "=== ",
        "`mã`",
    ):
        blocks = parse_body(escape_text(text))
        assert [type(b) for b in blocks] == [Paragraph], text
        assert runs_text(blocks[0].runs) == text.strip()
