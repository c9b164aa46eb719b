"""Search over real libraries on both backends (a SQLite file, a PostgreSQL server): folding,
ranking, query language, index upkeep."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language
from bulletin_app.domain.query import mark_spans


def _add(sv, title, body="", **kw):  # type: ignore[no-untyped-def]
    article_id, _ = sv.articles.add(ArticleDraft(title=title, body=body, **kw))
    return article_id


@pytest.fixture
def library(any_services):  # type: ignore[no-untyped-def]
    sv = any_services
    ids = {
        "thuydien": _add(
            sv,
            "Nhà máy thủy điện Hòa Bình mở rộng",
            "Công suất thủy điện tăng thêm 480 MW.",
            column="Thông tin – Tư liệu",
        ),
        "thuydien2": _add(sv, "Thủy điện nhỏ ở vùng cao", "Dự án thủy điện tại Đồng Hỷ."),
        "sweden": _add(
            sv,
            "Hợp tác với Linköping, Thụy Điển",
            "Đoàn công tác sang Thụy Điển tháng 5.",
            column="Ngoại giao kinh tế",
            tags=["Thụy Điển", "hợp tác"],
            published=dt.datetime(2023, 5, 10),
        ),
        "danang": _add(
            sv,
            "Lễ dâng y Kathina tại Đà Nẵng",
            "Phật giáo các nước gặp nhau ở Đà Nẵng.",
            column="Văn hóa đối ngoại",
            published=dt.datetime(2022, 11, 2),
        ),
        "hoabinh_old": _add(sv, "Giải thưởng Hòa bình", "Vun đắp hòa bình, hữu nghị.", tags=["hòa bình"]),
        "hoabinh_new": _add(
            sv,
            "Diễn đàn Hoà bình",
            "Thông điệp hoà bình của thanh niên.",
            language=Language.EN,
            published=dt.datetime(2024, 3, 1),
        ),
        "korea": _add(
            sv,
            "Tỉnh Gyeongsangbuk-do thăm Thái Nguyên",
            "Đoàn Gyeongsangbuk-do (Hàn Quốc) làm việc.",
            column="Ngoại giao kinh tế",
            published=dt.datetime(2021, 1, 15),
        ),
    }
    return sv, ids


def _ids(sv, query, limit=50):  # type: ignore[no-untyped-def]
    return [h.id for h in sv.search.search(query, limit=limit).hits]


def test_folded_queries_find_accented_text(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    assert set(_ids(sv, "da nang")) == {ids["danang"]}
    assert {ids["hoabinh_old"], ids["hoabinh_new"], ids["thuydien"]} <= set(_ids(sv, "hoa binh"))
    assert set(_ids(sv, "dong hy")) == {ids["thuydien2"]}  # đ folds to d


def test_accents_typed_rank_exact_matches_first(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    hits = sv.search.search("thụy điển").hits
    assert {h.id for h in hits} == {ids["sweden"], ids["thuydien"], ids["thuydien2"]}
    assert hits[0].id == ids["sweden"] and hits[0].exact
    assert not any(h.exact for h in hits[1:])
    hits = sv.search.search("thủy điện").hits
    assert {h.id for h in hits[:2]} == {ids["thuydien"], ids["thuydien2"]}
    assert hits[-1].id == ids["sweden"] and not hits[-1].exact


def test_both_tone_styles_count_as_exact(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    hits = sv.search.search("hòa bình").hits
    exact = {h.id for h in hits if h.exact}
    assert {ids["hoabinh_old"], ids["hoabinh_new"], ids["thuydien"]} <= exact


def test_unaccented_words_side_by_side_rank_first(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    hits = _ids(sv, "thuy dien")
    assert set(hits) == {ids["sweden"], ids["thuydien"], ids["thuydien2"]}


def test_snippet_highlights_the_original_text(library) -> None:  # type: ignore[no-untyped-def]
    sv, _ = library
    hit = sv.search.search("da nang").hits[0]
    assert "«Đà Nẵng»" in mark_spans(hit.snippet, hit.highlights)
    for start, end in hit.highlights:
        assert hit.snippet[start:end] == "Đà Nẵng"


@pytest.mark.parametrize(
    "query",
    [
        "gyeongsangbuk-do",
        '"',
        "AND",
        "*",
        "(",
        ")",
        "OR NOT",
        "NEAR(",
        '"abc',
        "a:b",
        "-",
        "--",
        "^",
        "title:x",
        "'",
        "\\",
        "{}",
        "\x00",
        "column:",
        "%",
        "_",
    ],
)
def test_no_query_is_a_syntax_error(library, query) -> None:  # type: ignore[no-untyped-def]
    sv, _ = library
    sv.search.search(query)


def test_hyphenated_name(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    assert _ids(sv, "gyeongsangbuk-do") == [ids["korea"]]
    assert _ids(sv, "Gyeongsangbuk") == [ids["korea"]]


@given(st.text(max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzed_queries_never_fail(library, raw) -> None:  # type: ignore[no-untyped-def]
    sv, _ = library
    sv.search.search(raw, limit=5)


def test_phrase_prefix_and_exclude(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    assert set(_ids(sv, '"thuy dien"')) == {ids["thuydien"], ids["thuydien2"], ids["sweden"]}
    assert set(_ids(sv, '"dien thuy"')) == set()
    assert ids["korea"] in _ids(sv, "gyeong*")
    assert set(_ids(sv, "thuy dien -linkoping")) == {ids["thuydien"], ids["thuydien2"]}
    assert set(_ids(sv, 'thuy dien -"hoa binh"')) == {ids["thuydien2"], ids["sweden"]}
    only_excludes = set(_ids(sv, "-thuy"))
    assert ids["danang"] in only_excludes and ids["sweden"] not in only_excludes


def test_filters(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    assert set(_ids(sv, "column:ngoai")) == {ids["sweden"], ids["korea"]}
    assert set(_ids(sv, 'column:"Ngoại giao kinh tế" thuy')) == {ids["sweden"]}
    assert set(_ids(sv, "tag:hop tac")) == set()  # tag values with spaces need quotes
    assert set(_ids(sv, 'tag:"hợp tác"')) == {ids["sweden"]}
    assert set(_ids(sv, "tag:thuy")) == set()
    assert set(_ids(sv, "lang:en")) == {ids["hoabinh_new"]}
    assert set(_ids(sv, "from:2022-01-01 to:2023-12-31")) == {ids["sweden"], ids["danang"]}
    assert set(_ids(sv, "from:2024-03-01")) == {ids["hoabinh_new"]}
    assert set(_ids(sv, "to:2021-01-15")) == {ids["korea"]}
    assert _ids(sv, "status:approved") == []
    sv.articles.update(ids["danang"], None, status=ArticleStatus.APPROVED)
    assert _ids(sv, "status:approved") == [ids["danang"]]
    assert _ids(sv, 'status:"da duyet"') == [ids["danang"]]  # the Vietnamese label works too
    result = sv.search.search("status:nonsense")
    assert result.hits == [] and result.warnings


def test_index_follows_edits_and_deletes(library) -> None:  # type: ignore[no-untyped-def]
    sv, ids = library
    article = sv.articles.get(ids["danang"])
    sv.articles.update(article.id, article.version, title="Lễ hội tại Huế", body="Cố đô Huế đón khách.")
    assert _ids(sv, "da nang") == []
    assert _ids(sv, "co do hue") == [ids["danang"]]
    sv.articles.update(ids["sweden"], None, tags=["Bắc Âu"])
    assert _ids(sv, "bac au") == [ids["sweden"]]
    sv.articles.delete(ids["korea"])
    assert _ids(sv, "gyeongsangbuk-do") == []


def test_seeds_are_found_without_accents(any_seeded) -> None:  # type: ignore[no-untyped-def]
    seeded = any_seeded
    assert len(_ids(seeded, "ngoai giao")) == 5
    sweden = _ids(seeded, "thuy dien")
    hits = seeded.search.search("thụy điển").hits
    exact = [h.id for h in hits if h.exact]
    assert len(exact) == 4 and sweden[:4] == exact
    assert len(_ids(seeded, "gyeongsangbuk-do")) == 4


@pytest.mark.parametrize("query", ["thuy dien", "da nang", "hoa binh", "ngoai giao", "gyeongsangbuk-do", "ky"])
def test_index_finds_exactly_what_a_full_scan_finds(any_seeded, query) -> None:  # type: ignore[no-untyped-def]
    """Cross-check the index against a scan of every article's folded text for the whole words."""
    import re

    from bulletin_app.domain.body import body_to_plain
    from bulletin_app.text import fold

    sv = any_seeded
    found = set(_ids(sv, query, limit=1000))
    texts = {}
    for article_id in sv.articles.list_ids():
        a = sv.articles.get(article_id)
        texts[article_id] = fold("\n".join([a.title, a.sapo, body_to_plain(a.body), a.byline, " ; ".join(a.tags)]))
    words = [re.escape(w) for w in re.findall(r"[^\W_]+", fold(query))]
    whole_words = {i for i, t in texts.items() if all(re.search(rf"(?<!\w){w}(?!\w)", t) for w in words)}
    assert found == whole_words and found


def test_case_filter_finds_the_flipped_spellings_only(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    from bulletin_app.domain.article import ArticleDraft

    flipped, _ = services.articles.add(ArticleDraft("Tin sao chép từ PDF", "Lãnh đạo uBND tỉnh tiếp đoàn KOICa."))
    right, _ = services.articles.add(ArticleDraft("Tin đúng", "Lãnh đạo UBND tỉnh tiếp đoàn KOICA."))
    assert {h.id for h in services.search.search("ubnd").hits} == {flipped, right}
    (hit,) = services.search.search("case:uBND").hits
    assert hit.id == flipped
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["uBND"]  # the flipped spelling, marked
    assert [h.id for h in services.search.search("case:UBND").hits] == [right]
    assert [h.id for h in services.search.search("case:KOICa lãnh đạo").hits] == [flipped]
    assert services.search.search("case:Ubnd").hits == []
