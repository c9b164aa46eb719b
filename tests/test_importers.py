"""Plain-text / web-copy import of the five seeds, checked as an editor would read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_app.domain.body import Figure, Heading, ListBlock, Paragraph, block_text, parse_body
from bulletin_app.importers.plain_text import ImportProblem, parse_text, read_plain_text


def _seed(seeds: Path, prefix: str):  # type: ignore[no-untyped-def]
    return read_plain_text(next(seeds.glob(f"{prefix}_*.txt")))


def _blocks(parsed):  # type: ignore[no-untyped-def]
    return parse_body(parsed.draft.body)


def test_texts_without_a_title_line_leave_the_title_empty_and_say_so(seeds) -> None:  # type: ignore[no-untyped-def]
    for prefix in ("000", "003"):
        parsed = _seed(seeds, prefix)
        assert parsed.draft.title == ""  # never a first sentence cut with "…"
        assert any(f.kind == "title-needed" and "tiêu đề" in f.message for f in parsed.findings)
        first = read_plain_text(next(seeds.glob(f"{prefix}_*.txt"))).draft
        assert block_text(parse_body(first.body)[0]).startswith(("Ngành Ngoại giao", "Thấm nhuần tinh thần"))


def test_001_title_date(seeds) -> None:  # type: ignore[no-untyped-def]
    parsed = _seed(seeds, "001")
    assert parsed.draft.title == "Dấu ấn một chặng đường"
    assert parsed.draft.published == dt.datetime(2019, 12, 27, 10, 24) and parsed.draft.published_has_time
    text = "\n".join(block_text(b) for b in _blocks(parsed))
    assert "10:24" not in text
    assert "bà con kiều bào" in text  # the hard-wrapped paragraph is one paragraph again
    flips = [f.message for f in parsed.findings if f.kind == "case-flip"]
    assert any("“uBND”" in f and "“UBND”" in f and "(4 lần)" in f for f in flips)
    assert any("“QĐuBND”" in f and "“QĐ-UBND”" in f for f in flips)  # in the document code "3468/QĐuBND"
    for word, fix in (("uSD", "USD"), ("KOICa", "KOICA"), ("JICa", "JICA"), ("TICa", "TICA")):
        assert any(f"“{word}”" in f and f"“{fix}”" in f for f in flips), word


def test_002_title_sapo_quotes(seeds) -> None:  # type: ignore[no-untyped-def]
    parsed = _seed(seeds, "002")
    assert parsed.draft.title == "Nhịp cầu gắn kết hội nhập và phát triển"
    assert parsed.draft.sapo.startswith("Hoạt động đối ngoại được Thái Nguyên mở rộng")
    text = "\n".join(block_text(b) for b in _blocks(parsed))
    assert "“Chúng tôi đánh giá cao những tiềm năng phát triển của các bạn" in text


def test_003_sapo_once_captions_headings(seeds) -> None:  # type: ignore[no-untyped-def]
    parsed = _seed(seeds, "003")
    blocks = _blocks(parsed)
    text = "\n".join(block_text(b) for b in blocks)
    first = block_text(blocks[0])
    assert first.startswith("Thấm nhuần tinh thần ngoại giao")
    assert text.count(first) == 1  # the body paragraph that repeated the first one no longer does
    assert "Hoạt động đối ngoại trên địa bàn tỉnh Thái Nguyên được triển khai đồng bộ" in text
    headings = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert headings == ["Đẩy mạnh toàn diện trên các lĩnh vực công tác", "9 mục tiêu trọng tâm"]
    captions = [b.caption for b in blocks if isinstance(b, Figure)]
    assert len(captions) == 4 and all(c.endswith("(Nguồn: Sở Ngoại vụ tỉnh Thái Nguyên)") for c in captions)
    assert not any("(Nguồn: Sở Ngoại vụ" in block_text(b) for b in blocks if isinstance(b, Paragraph))


def test_004_only_the_article_of_a_whole_web_page(seeds) -> None:  # type: ignore[no-untyped-def]
    parsed = _seed(seeds, "004")
    d = parsed.draft
    assert d.title == "Công tác đối ngoại là “đòn bẩy” trong mời gọi đầu tư tại Thái Nguyên"
    assert d.published == dt.datetime(2022, 12, 5, 10, 0)
    assert d.byline == "Nhất Nam"
    blocks = _blocks(parsed)
    paragraphs = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert d.sapo.startswith("Trong những năm qua, công tác đối ngoại")  # the lead under the headline
    assert paragraphs[0].startswith("Tỉnh Thái Nguyên xác định vai trò quan trọng")
    last = [block_text(b) for b in blocks if not isinstance(b, Figure)][-1]
    assert last.endswith("giai đoạn 2021-2025.")
    text = "\n".join(block_text(b) for b in blocks)
    for junk in (
        "Trang chủ",
        "Tin bài liên quan",
        "Các tin bài khác",
        "Đọc nhiều",
        "Phiên bản di động",
        "Plan International",
        "KEPCO",
        "GMT+7",
        "\naa\n",
    ):
        assert junk not in f"\n{text}\n", junk
    captions = [b.caption for b in blocks if isinstance(b, Figure)]
    assert len(captions) == len(set(captions)) >= 3  # each photo caption once
    assert any(isinstance(b, ListBlock) and len(b.items) == 4 for b in blocks)
    assert d.title not in text  # the headline repeated as a photo's alt text is gone


def test_markup_in_text_stays_literal() -> None:
    parsed = parse_text("Tiêu đề R&D\n\nThẻ <b>đậm</b> và *sao* [liên kết](x) # không phải tiêu đề.")
    assert block_text(parse_body(parsed.draft.body)[0]) == "Thẻ <b>đậm</b> và *sao* [liên kết](x) # không phải tiêu đề."


@pytest.mark.parametrize("raw", ["", " \n\u200b\n\t", "\x00\x00"])
def test_empty_text_is_a_clear_problem(raw: str) -> None:
    with pytest.raises(ImportProblem, match="rỗng"):
        parse_text(raw)


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_draft_or_a_clear_problem(raw: str) -> None:
    try:
        parsed = parse_text(raw)
    except ImportProblem:
        return
    assert parsed.draft.title or any(f.kind == "title-needed" for f in parsed.findings)
    assert "…" not in parsed.draft.title or "…" in raw  # a title is never a cut sentence
    parse_body(parsed.draft.body)


def test_mutated_seeds_never_crash(seeds) -> None:  # type: ignore[no-untyped-def]
    import random

    rng = random.Random(5)
    sources = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    for _ in range(200):
        text = list(rng.choice(sources))
        for _ in range(rng.randint(1, 40)):
            i = rng.randrange(len(text))
            text[i : i + rng.randint(0, 20)] = rng.choice(
                [
                    "\n",
                    "",
                    "\x0b",
                    "  ",
                    "(Nguồn:",
                    "- ",
                    "10:24, 27/12/2019",
                    "Tin bài liên quan",
                    chr(rng.randint(0, 0x2FFF)),
                ]
            )
        try:
            parsed = parse_text("".join(text))
        except ImportProblem:
            continue
        assert parsed.draft.title or any(f.kind == "title-needed" for f in parsed.findings)
        parse_body(parsed.draft.body)


def test_proofing_detectors() -> None:
    from bulletin_app.text.proofing import case_flips, encoding_damage, fix_case_flips, mixed_tone_styles, spacing

    assert [(i.found, i.fix, i.count) for i in case_flips("uBND tỉnh, QĐuBND và KOICa; UBND đúng")] == [
        ("KOICa", "KOICA", 1),
        ("uBND", "UBND", 2),
    ]
    assert fix_case_flips("Quyết định 3468/QĐuBND của uBND") == "Quyết định 3468/QĐ-UBND của UBND"
    assert [(i.found, i.fix) for i in case_flips("số 12/KHuBND, 06/2020/QĐ-TTg")] == [("KHuBND", "KH-UBND")]
    assert mixed_tone_styles("hòa bình và khoẻ mạnh") and not mixed_tone_styles("hòa bình và khỏe mạnh")
    kinds = {i.kind for i in spacing('Hà Nội , ngày  năm,tháng "mười" .')}
    assert {"space-before-punct", "no-space-after-punct", "double-space", "straight-quotes"} <= kinds
    assert {i.kind for i in encoding_damage("Sá»Ÿ Ngoáº¡i vá»¥ \ufffd")} == {"mojibake", "replacement-char"}
    assert encoding_damage("Sở Ngoại vụ tỉnh Thái Nguyên") == []


# Classic legacy spellings, typed from the TCVN3 (ABC) and VNI keyboard tables.
TCVN3_TEXT = (
    "Së Ngo¹i vô tØnh Th¸i Nguyªn\n\nHéi nghÞ ®èi ngo¹i tØnh Th¸i Nguyªn n¨m 2024 ®¹t nhiÒu kÕt qu¶."
    "\n\nNg\u00adêi ViÖt Nam ë n\u00adíc ngoµi."
)  # 0xAD is "ư" in TCVN3, not a soft hyphen
VNI_TEXT = (
    "Sôû Ngoaïi vuï tænh Thaùi Nguyeân\n\nHoäi nghò ñoái ngoaïi tænh Thaùi Nguyeân naêm 2024 ñaït nhieàu keát quaû."
)
UNICODE_TITLE = "Sở Ngoại vụ tỉnh Thái Nguyên"
UNICODE_BODY = "Hội nghị đối ngoại tỉnh Thái Nguyên năm 2024 đạt nhiều kết quả."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tcvn3-8bit.txt", TCVN3_TEXT.encode("cp1252")),
        ("tcvn3-as-utf8.txt", TCVN3_TEXT.encode("utf-8")),
        ("vni-8bit.txt", VNI_TEXT.encode("cp1252")),
    ],
)
def test_legacy_encodings_become_unicode(tmp_path, name, data) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    parsed = read_plain_text(path)
    assert parsed.draft.title == UNICODE_TITLE
    assert block_text(parse_body(parsed.draft.body)[0]) == UNICODE_BODY
    assert parsed.findings[0].kind == "legacy-encoding"
    if name.startswith("tcvn3"):
        assert "Người Việt Nam ở nước ngoài." in parsed.draft.body


def test_unicode_and_windows_1258_are_not_mistaken_for_legacy(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    for seed in seeds.glob("*.txt"):
        assert not any(f.kind == "legacy-encoding" for f in read_plain_text(seed).findings)
    path = tmp_path / "cp1258.txt"
    path.write_bytes("Tin Windows-1258\n\nNô\u0323i dung tiê\u0301ng Viê\u0323t.".encode("cp1258"))
    parsed = read_plain_text(path)
    assert parsed.draft.title == "Tin Windows-1258" and "Nội dung tiếng Việt." in parsed.draft.body


def test_markdown_file_is_the_body_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.importers.registry import reader_for

    path = tmp_path / "tin.md"
    path.write_text(
        "# Hội nghị đối ngoại\n\nĐoạn **một**.\n\n## Mục tiêu\n\n- A\n- B\n\n<script>x</script>", encoding="utf-8"
    )
    parsed = reader_for(path)(path)
    assert parsed.draft.title == "Hội nghị đối ngoại"
    blocks = parse_body(parsed.draft.body)
    assert [type(b) for b in blocks] == [Paragraph, Heading, ListBlock, Paragraph]
    assert block_text(blocks[-1]) == "<script>x</script>"  # raw HTML is text, never markup


def _misread(text: str) -> str:
    """UTF-8 shown as Windows-1252, as a browser does (its five undefined bytes as C1 controls)."""
    undefined = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    return "".join(chr(b) if b in undefined else bytes([b]).decode("cp1252") for b in text.encode("utf-8"))


MOJIBAKE_RIGHT = (
    "Sở Ngoại vụ tỉnh Thái Nguyên\n\n"
    "Đoàn công tác của Sở đã làm việc với người Việt Nam ở nước ngoài về “Nhịp cầu hữu nghị” – "
    "NGÀNH CÔNG THƯƠNG và ĐẢNG BỘ tỉnh cùng dự, tại Linköping (Thụy Điển)."
)


@pytest.mark.parametrize(
    "misread",
    [_misread(MOJIBAKE_RIGHT), MOJIBAKE_RIGHT.encode("utf-8").decode("latin-1"), _misread(_misread(MOJIBAKE_RIGHT))],
    ids=["windows-1252", "latin-1", "misread-twice"],
)
def test_mojibake_is_repaired_on_import(tmp_path, misread: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "loi-ma.txt"
    path.write_text(misread, encoding="utf-8")
    assert "Sở" not in path.read_text(encoding="utf-8")
    parsed = read_plain_text(path)
    assert parsed.draft.title == "Sở Ngoại vụ tỉnh Thái Nguyên"
    assert block_text(parse_body(parsed.draft.body)[0]) == MOJIBAKE_RIGHT.split("\n\n")[1]
    repaired = [f for f in parsed.findings if f.kind == "mojibake-repaired"]
    assert len(repaired) == 1 and repaired[0].count > 20 and "Sở" in repaired[0].message
    assert not any(f.kind in ("mojibake", "legacy-encoding") for f in parsed.findings)


def test_mojibake_with_lost_bytes_is_repaired_where_it_can_be_and_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Read with errors="replace": the bytes Windows-1252 has no character for became "\ufffd".
    path = tmp_path / "mat-chu.txt"
    path.write_text(MOJIBAKE_RIGHT.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    parsed = read_plain_text(path)
    assert parsed.draft.title == "Sở Ngoại vụ tỉnh Thái Nguyên"
    assert "Đoàn công tác của Sở đã làm việc với" in parsed.draft.body
    assert {"mojibake-repaired", "replacement-char"} <= {f.kind for f in parsed.findings}


def test_right_vietnamese_is_never_taken_for_mojibake(seeds) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    from bulletin_app.importers.decoding import repair_mojibake

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts.append((Path(__file__).parent / "data" / "vi_names.txt").read_text(encoding="utf-8"))
    # Capital Ã before a no-break space or a quote is "à"/"Ô" misread, or right text: here right.
    texts.append("ĐÃ\u00a0TRAO “ĐÃ” ĐÃ… CHÚNG TA ĐÃ\u00a0LÀM, Sở đã xong, ông Ngô Bảo Châu nói «được».")
    for text in texts:
        for variant in (text, text.upper(), text.upper().replace(" ", "\u00a0"), unicodedata.normalize("NFD", text)):
            assert repair_mojibake(variant) == (variant, 0)
