"""Translation pairs: detection on import, a link seen from both sides, one partner each, the
trash and deletion, translation state as a list filter and a search filter, ``article set``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language, TranslationState
from bulletin_app.domain.errors import ConflictError, ValidationError
from tests.test_cli import ok_json, run

ENGLISH = Path(__file__).parent / "data" / "english"


def _pair(services):  # type: ignore[no-untyped-def]
    vi, _ = services.articles.add(ArticleDraft("Nhịp cầu gắn kết hội nhập", "Thái Nguyên mở rộng hợp tác."))
    en, _ = services.articles.add(
        ArticleDraft("A bridge for integration", "Thai Nguyen widens its cooperation.", language=Language.EN)
    )
    return vi, en


def test_import_detects_english_and_mixed_text(services, seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = services.imports.import_paths([seeds, ENGLISH])
    languages = {r.id: (r.title, services.articles.get(r.id).language) for r in report.imported}
    assert ("A bridge for integration and development", Language.EN) in languages.values()
    assert sum(lang == Language.VI for _, lang in languages.values()) == 5
    both = tmp_path / "song-ngu.txt"
    english = (ENGLISH / "002-bridge-for-integration.txt").read_text("utf-8").split("\n\n")
    vietnamese = (seeds / "002_6bab0a02df88b849.txt").read_text("utf-8").split("\n\n")
    both.write_text(
        "Tin song ngữ\n\n" + "\n\n".join(v + "\n\n" + e for v, e in zip(vietnamese[1:5], english[1:5], strict=True))
    )
    result = services.imports.import_paths([both]).results[0]
    assert result.error is None
    assert any(f.kind == "mixed-language" for f in result.findings)


def test_link_is_seen_from_both_sides_and_unlinks_both(services) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    _, changes = services.articles.update(en, None, translation_id=vi)
    assert changes.articles_changed == {vi, en}
    assert services.articles.get(vi).translation_id == en
    assert services.articles.get(en).translation_id == vi
    assert services.articles.partner(vi).id == en and services.articles.partner(en).id == vi
    # each side's change is a versioned save with its revision
    assert services.articles.get(vi).version == 2 and len(services.articles.revisions(vi)) == 1
    services.articles.update(vi, None, translation_id=None)
    assert services.articles.get(vi).translation_id is None and services.articles.get(en).translation_id is None


def test_one_partner_each_and_only_across_languages(services) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    other_vi, _ = services.articles.add(ArticleDraft("Tin khác", "Một tin tiếng Việt khác."))
    other_en, _ = services.articles.add(ArticleDraft("Another story", "Another text.", language=Language.EN))
    services.articles.update(en, None, translation_id=vi)
    with pytest.raises(ValidationError, match="đã nối với tin bài số"):
        services.articles.update(other_vi, None, translation_id=en)
    with pytest.raises(ValidationError, match="cũng là tiếng Việt"):
        services.articles.update(other_vi, None, translation_id=vi)
    with pytest.raises(ValidationError, match="chính nó"):
        services.articles.update(vi, None, translation_id=vi)
    with pytest.raises(ValidationError, match="cùng ngôn ngữ"):
        services.articles.update(en, None, language="vi")
    # relinking from the original lets the old partner go, on both sides
    services.articles.update(vi, None, translation_id=other_en)
    assert services.articles.get(en).translation_id is None
    assert services.articles.get(other_en).translation_id == vi


def test_the_database_refuses_a_second_link_to_one_article(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    other, _ = services.articles.add(ArticleDraft("Tin khác", "Một tin tiếng Việt khác."))
    services.articles.update(en, None, translation_id=vi)
    conn = sqlite3.connect(tmp_path / "library.db")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE articles SET translation_id = ? WHERE id = ?", (vi, other))
    conn.close()


def test_trash_and_delete_leave_no_dangling_link(services) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    services.articles.update(en, None, translation_id=vi)
    services.articles.trash([en])
    assert services.articles.get(vi).translation_id is None
    assert services.articles.translation_state(vi) == TranslationState.NONE
    services.articles.restore_from_trash([en])
    assert services.articles.get(en).translation_id is None  # linked again by choice only
    services.articles.update(vi, None, translation_id=en)
    services.articles.delete(vi)
    assert services.articles.get(en).translation_id is None
    with pytest.raises(ValidationError, match="thùng rác"):
        other, _ = services.articles.add(ArticleDraft("Tin khác", "Một tin tiếng Việt khác."))
        services.articles.trash([other])
        services.articles.update(en, None, translation_id=other)


def test_translation_state_follows_the_partner_and_the_original(services) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    assert services.articles.translation_state(vi) == TranslationState.NONE
    assert services.articles.translation_state(en) is None
    services.articles.update(en, None, translation_id=vi)
    assert services.articles.translation_state(vi) == TranslationState.IN_PROGRESS
    services.articles.update(en, None, status=ArticleStatus.APPROVED.value)
    assert services.articles.translation_state(vi) == TranslationState.DONE
    services.articles.update(vi, None, status=ArticleStatus.APPROVED.value)  # not a text change
    assert services.articles.translation_state(vi) == TranslationState.DONE
    services.articles.update(vi, None, body="Thái Nguyên mở rộng hợp tác với nhiều địa phương.")
    assert services.articles.translation_state(vi) == TranslationState.OUTDATED
    for state, expected in (
        (TranslationState.OUTDATED, [vi]),
        (TranslationState.DONE, []),
        (TranslationState.NONE, []),
    ):
        assert services.articles.list_ids(translation=state) == expected
    hits = services.search.search("translated:outdated").hits
    assert [h.id for h in hits] == [vi]
    services.articles.update(en, None, body="Thai Nguyen widens cooperation with many localities.")
    assert services.articles.translation_state(vi) == TranslationState.DONE
    assert [h.id for h in services.search.search("hop tac translated:yes").hits] == [vi]
    assert services.search.search("translated:maybe").warnings


def test_a_stale_link_save_is_a_conflict(services) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    version = services.articles.get(en).version
    services.articles.update(en, version, title="A bridge for integration and growth")
    with pytest.raises(ConflictError):
        services.articles.update(en, version, translation_id=vi)
    assert services.articles.get(vi).translation_id is None


def test_cli_article_set_links_both_ways(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    imported = ok_json("import", str(seeds), str(ENGLISH), db=db)
    ids = {r["title"]: r["id"] for r in imported}
    en = ids["A bridge for integration and development"]
    vi = ids["Nhịp cầu gắn kết hội nhập và phát triển"]
    assert ok_json("show", str(en), db=db)["language"] == "en"
    set_ = ok_json("article", "set", str(en), "--translation-of", str(vi), "--status", "approved", db=db)
    assert set_["translation_id"] == vi and set_["status"] == "approved"
    assert ok_json("show", str(vi), db=db)["translation_id"] == en
    assert ok_json("show", str(vi), db=db)["translation_state"] == "done"
    assert ok_json("show", str(en), db=db)["translation_id"] == vi
    listed = ok_json("list", "--translated", "no", db=db)
    assert vi not in [a["id"] for a in listed] and len(listed) == 4
    assert ok_json("article", "set", str(vi), "--add-tag", "Hàn Quốc", "--column", "Ngoại giao kinh tế", db=db)[
        "tags"
    ] == ["Hàn Quốc"]
    stale = run("article", "set", str(en), "--title", "X", "--expect-version", "1", db=db)
    assert stale.returncode == 1 and "phiên bản" in stale.stderr and stale.stderr.count("\n") == 1
    same = run("article", "set", str(vi), "--translation-of", str(ids["Dấu ấn một chặng đường"]), db=db)
    assert same.returncode == 1 and "tiếng Việt" in same.stderr
    unlinked = ok_json("article", "set", str(vi), "--no-translation", db=db)
    assert unlinked["translation_id"] is None
    assert ok_json("show", str(en), db=db)["translation_id"] is None
    usage = run("article", "set", str(vi), "--translation-of", "3", "--no-translation", db=db)
    assert usage.returncode == 2
    assert json.loads(run("issue", "create", "--number", "7", "--date", "2026-12-15", "--edition", "bilingual",
                          "--json", db=db).stdout)["edition"] == "bilingual"  # fmt: skip


def test_upgrade_from_0004_makes_one_way_links_pairs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A library at schema 0004 held links one way (and could name one partner twice): after
    the upgrade every link is seen from both sides, one partner each, columns have English names."""
    from sqlalchemy import text

    from bulletin_app.services import Services
    from bulletin_app.storage.engine import create_library_engine
    from bulletin_app.storage.location import resolve_location
    from bulletin_app.storage.migrate import upgrade

    path = tmp_path / "library.db"
    engine = create_library_engine(resolve_location(str(path)))
    upgrade(engine, "0004")
    insert = text(
        "INSERT INTO articles (title, sapo, body, byline, source_name, source_url, published_has_time, language, "
        "translation_id, status, word_count, title_key, content_hash, created_at, updated_at, version) VALUES "
        "(:t, '', 'Nội dung.', '', '', '', 0, :lang, :tid, 'draft', 2, x'00', :h, '2024-01-01', '2024-01-01', 1)"
    )
    with engine.begin() as conn:
        conn.execute(insert, {"t": "Bản gốc", "lang": "vi", "tid": None, "h": "a"})  # 1
        conn.execute(insert, {"t": "Translation", "lang": "en", "tid": 1, "h": "b"})  # 2 → 1
        conn.execute(insert, {"t": "Second translation", "lang": "en", "tid": 1, "h": "c"})  # 3 → 1 as well
        conn.execute(text("INSERT INTO columns (name, position, sort_key) VALUES ('Ngoại giao kinh tế', 1, x'00')"))
    engine.dispose()
    sv = Services.open(str(path))
    try:
        assert sv.articles.get(1).translation_id == 2 and sv.articles.get(2).translation_id == 1
        assert sv.articles.get(3).translation_id is None  # the second claim on one partner is dropped
        assert [c.name_en for c in sv.library.columns()] == ["Economic Diplomacy"]
        assert sv.issues.get(sv.issues.create(1, __import__("datetime").date(2026, 1, 1))[0]).edition == "vi"
    finally:
        sv.close()


def test_a_new_article_and_its_link_are_one_transaction(services) -> None:  # type: ignore[no-untyped-def]
    vi, en = _pair(services)
    services.articles.update(en, None, translation_id=vi)
    before = services.articles.count()
    other_en = ArticleDraft("Another English text", "Cooperation again.", language=Language.EN)
    with pytest.raises(ValidationError, match="đã nối với tin bài số"):
        services.articles.add(other_en, translation_of=vi)  # vi already has a partner
    assert services.articles.count() == before  # refused whole: no article without its link
    lone, _ = services.articles.add(ArticleDraft("Tin mới", "Nội dung mới."))
    new_en, changes = services.articles.add(other_en, translation_of=lone)
    assert services.articles.get(lone).translation_id == new_en and changes.articles_changed == {lone}
