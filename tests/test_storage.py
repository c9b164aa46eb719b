"""The store on real SQLite files: opening, bad files, migrations, revisions, concurrency, disk full."""

import datetime as dt
import hashlib
import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import event, text

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.domain.errors import ConflictError, NewerDatabaseError, StorageError, ValidationError
from bulletin_app.domain.publication import Publication
from bulletin_app.services import Services
from bulletin_app.storage.engine import create_library_engine
from bulletin_app.storage.location import resolve_location
from bulletin_app.storage.migrate import upgrade
from bulletin_app.storage.schema_version import head_revision


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_library_is_seeded_and_tuned(services) -> None:  # type: ignore[no-untyped-def]
    names = [c.name for c in services.library.columns()]
    assert names[:3] == ["Sự kiện – Hoạt động", "Ngoại giao kinh tế", "Văn hóa đối ngoại"]
    assert "Lãnh sự – Bảo hộ công dân" in names
    pub = services.publication.get()
    assert pub.bulletin_name == "Bản tin Đối ngoại Thái Nguyên"
    assert pub.trim_width_mm == 190 and pub.trim_height_mm == 270
    with services.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    assert services.library.info().schema == head_revision()


def test_default_location_is_the_user_data_dir(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BULLETIN_DATA_DIR", str(tmp_path / "data"))
    location = resolve_location(None)
    assert location.path == tmp_path / "data" / "library.db"
    monkeypatch.setenv("BULLETIN_DB", str(tmp_path / "other.db"))
    assert resolve_location(None).path == tmp_path / "other.db"
    assert resolve_location(f"sqlite:///{tmp_path}/u.db").path == tmp_path / "u.db"


@pytest.mark.parametrize(
    "content",
    [b"This is not a database, just text.\n" * 50, b"\x00\x01garbage" * 500, b"SQLite format 3\x00" + b"\xff" * 2000],
)
def test_corrupt_or_foreign_file_is_refused_untouched(tmp_path, content) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "library.db"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(StorageError) as err:
        Services.open(str(path))
    assert str(path) in err.value.message
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.db"]


def test_other_sqlite_database_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "accounts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StorageError, match="không phải thư viện bản tin"):
        Services.open(str(path))
    assert _digest(path) == before


def test_missing_or_wrong_directory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StorageError, match="không tồn tại"):
        Services.open(str(tmp_path / "no" / "such" / "library.db"))
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(StorageError, match="không phải là thư mục"):
        Services.open(str(a_file / "library.db"))
    with pytest.raises(StorageError, match="là một thư mục"):
        Services.open(str(tmp_path))


def test_newer_database_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "library.db"
    Services.open(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerDatabaseError, match="phiên bản mới hơn"):
        Services.open(str(path))
    assert _digest(path) == before


def test_older_database_is_backed_up_then_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A library at schema 0001 (before the search index) opens, upgraded after a backup."""
    path = tmp_path / "library.db"
    engine = create_library_engine(resolve_location(str(path)))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (title, sapo, body, byline, source_name, source_url, published_has_time, "
                "language, status, word_count, title_key, content_hash, created_at, updated_at, version) VALUES "
                "('Đoàn Thụy Điển thăm Thái Nguyên', '', 'Hợp tác **giáo dục** với Linköping.', '', '', '', 0, "
                "'vi', 'draft', 7, x'00', '', '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
            )
        )
    engine.dispose()
    sv = Services.open(str(path))
    try:
        backup = sv.library.info().upgraded_backup
        assert backup is not None and Path(backup).exists()
        old = sqlite3.connect(backup)
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT title FROM articles").fetchone() == ("Đoàn Thụy Điển thăm Thái Nguyên",)
        old.close()
        assert sv.library.info().schema == head_revision()
        hits = sv.search.search("thuy dien giao duc").hits
        assert [h.title for h in hits] == ["Đoàn Thụy Điển thăm Thái Nguyên"]
    finally:
        sv.close()
    Services.open(str(path)).close()  # opening again makes no second backup
    assert len(list(tmp_path.glob("library.before-*"))) == 1


def test_text_is_stored_clean_and_nfc(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    nfd = unicodedata.normalize("NFD", "Thủy điện Dương")
    article_id, _ = services.articles.add(
        ArticleDraft(
            title=f"  {nfd}\u00a0\u200b mới\x07 ",
            sapo="Ðà Nẵng\u2028ngày mới",
            body="Đoạn  một\x0bvẫn một\n\n\n\nĐoạn\u00a0hai\x00",
            byline="\ufeffNhất Nam",
            tags=[" Hòa\u200bbình "],
        )
    )
    a = services.articles.get(article_id)
    assert a.title == "Thủy điện Dương mới"
    assert a.sapo == "Đà Nẵng\nngày mới"
    assert a.body == "Đoạn một\nvẫn một\n\nĐoạn hai"
    assert a.byline == "Nhất Nam"
    assert a.tags == ("Hòabình",)
    for value in (a.title, a.sapo, a.body):
        assert unicodedata.is_normalized("NFC", value)


def test_only_a_draft_may_be_untitled(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    draft_id, _ = services.articles.add(ArticleDraft(title=" \u200b\u00a0", body="Một đoạn."))
    assert services.articles.get(draft_id).title == ""  # an import without a headline
    with pytest.raises(ValidationError, match="Tiêu đề"):
        services.articles.update(draft_id, None, status=ArticleStatus.EDITING.value)
    with pytest.raises(ValidationError, match="Tiêu đề"):
        services.articles.add(ArticleDraft(title=""), ArticleStatus.EDITING)
    titled, _ = services.articles.add(ArticleDraft(title="Có tiêu đề"), ArticleStatus.EDITING)
    with pytest.raises(ValidationError, match="Tiêu đề"):
        services.articles.update(titled, None, title=" ")
    assert services.articles.get(titled).title == "Có tiêu đề"


def test_revisions_record_and_restore(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    article_id, _ = services.articles.add(ArticleDraft(title="Bản đầu", body="Nội dung một."))
    a1 = services.articles.get(article_id)
    a2, changes = services.articles.update(article_id, a1.version, title="Bản hai", body="Nội dung hai.")
    assert changes.articles_changed == {article_id}
    assert a2.version == a1.version + 1
    _a3, _ = services.articles.update(article_id, a2.version, status=ArticleStatus.EDITING, tags=["KOICA"])
    revisions = services.articles.revisions(article_id)
    assert [r.version for r in revisions] == [2, 1]
    assert revisions[-1].snapshot["title"] == "Bản đầu" and revisions[-1].author == "tester"
    restored, _ = services.articles.restore(article_id, revisions[-1].id)
    assert (restored.title, restored.body, restored.tags, restored.status) == (
        "Bản đầu",
        "Nội dung một.",
        (),
        ArticleStatus.DRAFT,
    )
    assert len(services.articles.revisions(article_id)) == 3  # restoring is itself a saved change
    assert [h.id for h in services.search.search("noi dung mot").hits] == [article_id]


def test_saving_without_changes_makes_no_revision(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    article_id, _ = services.articles.add(ArticleDraft(title="Tin", body="Thân bài."))
    a = services.articles.get(article_id)
    same, _ = services.articles.update(article_id, a.version, title="Tin", body="Thân bài.")
    assert same.version == a.version and services.articles.revisions(article_id) == []


def test_optimistic_concurrency(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    article_id, _ = services.articles.add(ArticleDraft(title="Tin chung"))
    seen_by_both = services.articles.get(article_id).version
    services.articles.update(article_id, seen_by_both, title="Sửa của người thứ nhất")
    with pytest.raises(ConflictError, match="Sửa của người thứ nhất"):
        services.articles.update(article_id, seen_by_both, title="Sửa của người thứ hai")
    assert services.articles.get(article_id).title == "Sửa của người thứ nhất"


def test_status_workflow(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    article_id, _ = services.articles.add(ArticleDraft(title="Tin"))
    services.articles.update(article_id, None, status="approved")
    with pytest.raises(ValidationError, match="Trạng thái"):
        services.articles.update(article_id, None, status="draft")
    with pytest.raises(ValidationError, match="Trạng thái"):
        services.articles.update(article_id, None, status="published-yesterday")
    services.articles.update(article_id, None, status="archived")
    assert services.articles.get(article_id).status is ArticleStatus.ARCHIVED


def test_translation_link(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    vi, _ = services.articles.add(ArticleDraft(title="Hợp tác với KOICA"))
    en, _ = services.articles.add(ArticleDraft(title="Cooperation with KOICA", language="en"))
    a, _ = services.articles.update(en, None, translation_id=vi)
    assert a.translation_id == vi and a.language.value == "en"
    with pytest.raises(ValidationError):
        services.articles.update(en, None, translation_id=en)


def test_issues_sections_entries(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    ids = [
        services.articles.add(ArticleDraft(title=f"Tin {n}", column=col))[0]
        for n, col in ((1, "Ngoại giao kinh tế"), (2, "Văn hóa đối ngoại"), (3, "Ngoại giao kinh tế"))
    ]
    issue_id, _ = services.issues.create(5, dt.date(2026, 12, 1), "Số cuối năm", "Tháng 11–12/2026")
    added, _ = services.issues.add_articles(issue_id, ids)
    assert added == ids
    again, _ = services.issues.add_articles(issue_id, [ids[0]])
    assert again == []
    issue = services.issues.get(issue_id)
    assert [(s.name, [e.article_id for e in s.entries]) for s in issue.sections] == [
        ("Ngoại giao kinh tế", [ids[0], ids[2]]),
        ("Văn hóa đối ngoại", [ids[1]]),
    ]
    services.issues.move_article(issue_id, ids[2], "Ngoại giao kinh tế", 0)
    services.issues.move_article(issue_id, ids[1], "Sự kiện – Hoạt động", 0)
    issue = services.issues.get(issue_id)
    # sections keep the bulletin's order (the columns'), whatever order they were made in
    assert [(s.name, [e.article_id for e in s.entries]) for s in issue.sections if s.entries] == [
        ("Sự kiện – Hoạt động", [ids[1]]),
        ("Ngoại giao kinh tế", [ids[2], ids[0]]),
    ]
    with pytest.raises(ValidationError, match="đã có số 5"):
        services.issues.create(5, dt.date(2026, 1, 10))
    services.issues.create(5, dt.date(2027, 1, 10))  # numbering restarts each year
    with pytest.raises(ValidationError, match="số bản tin"):
        services.articles.delete(ids[0])
    services.issues.remove_article(issue_id, ids[0])
    services.articles.delete(ids[0])
    assert [i.article_count for i in services.issues.list() if i.id == issue_id] == [2]


def test_publication_record_is_validated_data(any_services) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    pub = services.publication.get()
    pub.licence_number = "  12/GP-STTTT "
    pub.licence_date = dt.date(2026, 1, 5)
    pub.licence_expiry = dt.date(2026, 12, 31)
    pub.editorial_board = ["Nguyễn Văn A", " ", "Trần Thị B"]
    services.publication.save(pub)
    saved = services.publication.get()
    assert saved.licence_number == "12/GP-STTTT"
    assert saved.editorial_board == ["Nguyễn Văn A", "Trần Thị B"]
    too_big = Publication(**{**saved.__dict__, "trim_width_mm": 210.0, "trim_height_mm": 297.0})
    with pytest.raises(ValidationError, match="19 × 27"):
        services.publication.save(too_big)
    with pytest.raises(ValidationError, match="64"):
        services.publication.save(Publication(**{**saved.__dict__, "page_limit": 80}))
    with pytest.raises(ValidationError, match="một năm"):
        services.publication.save(Publication(**{**saved.__dict__, "licence_expiry": dt.date(2027, 6, 1)}))


def test_disk_full_rolls_back_and_keeps_going(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """SQLITE_FULL (the real error, through max_page_count) during an import."""
    small = tmp_path / "small.txt"
    small.write_text("Tin ngắn\nMột đoạn ngắn về Thái Nguyên.", encoding="utf-8")
    big = tmp_path / "big.txt"
    paragraphs = "".join(f"Đoạn {n}: " + "văn dài về hợp tác quốc tế. " * 40 + "\n" for n in range(1500))
    big.write_text("Tin rất dài\n" + paragraphs, encoding="utf-8")
    before = services.articles.count()
    engine = services.db.engine
    with engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar()

    def limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 40}")

    engine.dispose()
    event.listen(engine, "connect", limit)
    report = services.imports.import_paths([big, small])
    assert [Path(r.path).name for r in report.failed] == ["big.txt"]
    assert "đầy" in report.failed[0].error
    assert [r.title for r in report.imported] == ["Tin ngắn"]
    assert services.articles.count() == before + 1
    assert services.search.search("rat dai").hits == []
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_backup_is_a_complete_library(seeded, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dest = seeded.library.backup(tmp_path / "copy.db")
    assert not list(tmp_path.glob("*.part"))
    copy = Services.open(str(dest))
    try:
        assert copy.articles.count() == 5
        assert len(copy.search.search("ngoai giao").hits) == 5
    finally:
        copy.close()
    with pytest.raises(StorageError, match="không tồn tại"):
        seeded.library.backup(tmp_path / "missing" / "x.db")


def test_assets_are_deduplicated_with_pixel_size(any_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    from PIL import Image

    path = tmp_path / "anh.png"
    Image.new("RGB", (640, 427), (200, 30, 30)).save(path)
    asset, _ = services.assets.add_file(path)
    assert (asset.width, asset.height, asset.mime) == (640, 427, "image/png")
    copy = tmp_path / "ban-sao.png"
    copy.write_bytes(path.read_bytes())
    again, _ = services.assets.add_file(copy)
    assert again.id == asset.id and again.filename == "anh.png"
    assert services.assets.get(asset.ref) == asset
    assert services.assets.data(asset) == path.read_bytes()
    jpeg = tmp_path / "anh.jpg"
    Image.new("RGB", (300, 200)).save(jpeg, dpi=(300, 300))
    assert services.assets.add_file(jpeg)[0].id != asset.id


def test_broken_images_are_refused_by_name(any_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = any_services
    from PIL import Image

    good = tmp_path / "tot.jpg"
    Image.new("RGB", (800, 600), (10, 120, 200)).save(good, quality=95)
    truncated = tmp_path / "cut.jpg"
    truncated.write_bytes(good.read_bytes()[:300])
    text_file = tmp_path / "not-image.png"
    text_file.write_text("không phải ảnh", encoding="utf-8")
    for bad in (truncated, text_file, tmp_path / "missing.png"):
        with pytest.raises(ValidationError, match=bad.name):
            services.assets.add_file(bad)
    with services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM assets")).scalar() == 0


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_is_a_clear_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="quyền ghi"):
            Services.open(str(folder / "library.db"))
    finally:
        folder.chmod(0o700)


def test_revision_chain_read_from_headers_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from bulletin_app.storage.migrate import alembic_config
    from bulletin_app.storage.schema_version import known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_the_change_log_forgets_old_entries_when_a_library_opens(any_services, library_url) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from sqlalchemy import text

    any_services.articles.add(ArticleDraft("Tin mới", "Nội dung."))
    old = "INSERT INTO change_log (at, origin, author, kind, ref_id, action) VALUES (:at, 'x', 'y', 'article', 1, 'c')"
    with any_services.db.engine.begin() as conn:
        conn.execute(text(old), {"at": dt.datetime(2020, 1, 1)})
        recent = conn.execute(text("SELECT count(*) FROM change_log WHERE at > '2021-01-01'")).scalar()
        assert recent >= 1
    Services.open(library_url).close()
    with any_services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM change_log WHERE at < '2021-01-01'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM change_log")).scalar() == recent  # the recent ones stay
