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


def test_a_current_sqlite_library_is_searched_alike_without_sqlalchemy(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    """``bulletin search`` reads a current SQLite file through the standard library: every query
    answers exactly as the library opened the full way (hits, snippets, columns, dates, warnings)."""
    from bulletin_app.services.search import SearchService

    path = tmp_path / "lib.db"
    sv = Services.open(str(path))
    try:
        _fill(sv, seeds)
        with SearchService.read_only(str(path)) as quick:
            assert quick is not None
            for query in QUERIES:
                full, read = sv.search.search(query, limit=200), quick.search(query, limit=200)
                assert read.hits == full.hits, query
                assert read.warnings == full.warnings, query
            dated = quick.search("from:2023-05-10 to:2023-05-10").hits
            assert [h.published for h in dated] == [dt.datetime(2023, 5, 10)]
            assert dated[0].column == "Ngoại giao kinh tế"
    finally:
        sv.close()


def test_the_search_command_reads_without_sqlalchemy_and_writes_nothing(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    path = tmp_path / "lib.db"
    sv = Services.open(str(path))
    _fill(sv, seeds)
    sv.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    probe = (
        "import sys, json; from bulletin_app.cli import main; code = main(sys.argv[1:]); "
        "print(json.dumps({'code': code, 'loaded': sorted(m for m in ('sqlalchemy', 'alembic', 'docx', 'reportlab') "
        "if m in sys.modules)}), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(path), "search", "thuy dien", "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    status = json.loads(done.stderr.strip().splitlines()[-1])
    assert status == {"code": 0, "loaded": []}, done.stderr
    hits = json.loads(done.stdout)
    assert hits and "Thụy Điển" in hits[0]["title"]
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before  # a read: the library's files are byte for byte what they were, none added


def test_a_library_that_needs_the_full_opening_is_not_read_the_quick_way(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """New, older, foreign or server libraries go the full way, which creates, upgrades or explains."""
    import sqlite3

    from bulletin_app.services.search import SearchService

    new = tmp_path / "new.db"
    stranger = tmp_path / "stranger.db"
    sqlite3.connect(stranger).execute("CREATE TABLE x (y)").connection.commit()
    older = tmp_path / "older.db"
    Services.open(str(older)).close()
    conn = sqlite3.connect(older)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    for spec in (new, stranger, older, text_file, f"sqlite:///{tmp_path / 'url.db'}"):
        with SearchService.read_only(str(spec)) as quick:
            assert quick is None, spec
    assert not new.exists()  # nothing created by the attempt
