"""The same library on SQLite and on PostgreSQL answers every query alike: the same articles,
in the same order (the rank order is shared; ties go to the newest)."""

from __future__ import annotations

import datetime as dt

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language
from bulletin_app.services import Services
from tests.backends import pg_database

QUERIES = [
    "thuy dien", "thụy điển", "Thủy điện", "hoa binh", "hòa bình", "hoà bình", "da nang", "ngoai giao",
    '"ngoai giao kinh te"', "gyeong*", "hop tac -linkoping", 'thuy dien -"hoa binh"', "-thuy", "uBND",
    "case:uBND", "ubnd", "column:ngoai", "column:ngoai thuy", 'tag:"hợp tác"', "lang:en", "status:approved",
    "from:2022-01-01 to:2023-12-31", "translated:no", "2021-2025", "06/2020/QĐ-TTg", "han quoc dau tu",
    "jica", "kathina", "dong hy", "lao", "nhat ban", "ky", "viet nam", "*", '"', "a",
]  # fmt: skip


def _fill(sv: Services, seeds) -> None:  # type: ignore[no-untyped-def]
    sv.imports.import_paths([seeds])
    extra = [
        ArticleDraft("Nhà máy thủy điện Hòa Bình", "Công suất thủy điện tăng 480 MW.", column="Thông tin – Tư liệu"),
        ArticleDraft("Hợp tác với Linköping, Thụy Điển", "Đoàn công tác sang Thụy Điển.", column="Ngoại giao kinh tế",
                     tags=["Thụy Điển", "hợp tác"], published=dt.datetime(2023, 5, 10)),
        ArticleDraft("Lễ dâng y Kathina tại Đà Nẵng", "Phật tử gặp nhau.", published=dt.datetime(2022, 11, 2)),
        ArticleDraft("Diễn đàn Hoà bình", "Thông điệp hoà bình của thanh niên.", language=Language.EN),
        ArticleDraft("Tỉnh Gyeongsangbuk-do thăm Thái Nguyên", "Đoàn Gyeongsangbuk-do làm việc về giai đoạn 2021-2025.",
                     column="Ngoại giao kinh tế", published=dt.datetime(2021, 1, 15)),
        ArticleDraft("Quyết định 06/2020/QĐ-TTg", "Lãnh đạo uBND tỉnh tiếp đoàn JICA, Nhật Bản."),
    ]  # fmt: skip
    for draft in extra:
        sv.articles.add(draft)
    sv.articles.update(sv.articles.list_ids(order="id")[1], None, status=ArticleStatus.APPROVED)


def test_both_backends_find_the_same_articles_in_the_same_order(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    with pg_database() as url:
        lite, server = Services.open(str(tmp_path / "lib.db")), Services.open(url)
        try:
            _fill(lite, seeds)
            _fill(server, seeds)
            assert lite.articles.list_ids(order="id") == server.articles.list_ids(order="id")
            for query in QUERIES:
                a = lite.search.search(query, limit=200)
                b = server.search.search(query, limit=200)
                assert [h.id for h in a.hits] == [h.id for h in b.hits], query
                assert [h.exact for h in a.hits] == [h.exact for h in b.hits], query
                assert [(h.snippet, h.highlights) for h in a.hits] == [(h.snippet, h.highlights) for h in b.hits]
                assert a.warnings == b.warnings
        finally:
            lite.close()
            server.close()


def test_near_duplicates_are_found_on_both(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    """A seed retold by another outlet (a different first line, a paragraph dropped) is flagged as a
    near-duplicate of the original on both backends, with the same overlap."""
    original = sorted(seeds.glob("*.txt"))[2].read_text(encoding="utf-8")
    paragraphs = original.split("\n\n")
    retold = tmp_path / "dang-lai.txt"
    retold.write_text("\n\n".join(["(Theo Báo Thái Nguyên)", *paragraphs[:-1]]), encoding="utf-8")
    with pg_database() as url:
        lite, server = Services.open(str(tmp_path / "lib.db")), Services.open(url)
        try:
            flagged = []
            for sv in (lite, server):
                sv.imports.import_paths([seeds])
                (result,) = sv.imports.import_paths([retold]).results
                flagged.append([(f.found, f.count) for f in result.findings if f.kind == "near-duplicate"])
            assert flagged[0] == flagged[1] and flagged[0]
        finally:
            lite.close()
            server.close()
