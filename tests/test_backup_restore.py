"""Backup and restore on both backends: one portable archive, restored into either backend with
every row, every article's content hash and every picture intact; refusals that lose nothing."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.domain.errors import NewerDatabaseError, StorageError
from bulletin_app.services import Services
from bulletin_app.storage.engine import create_library_engine
from bulletin_app.storage.location import resolve_location
from bulletin_app.storage.migrate import upgrade
from tests.backends import BACKENDS, library_url
from tests.conftest import title_untitled


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _fill(sv: Services) -> dict:
    """A library with everything a backup must keep: pairs, tags, pictures, issues, revisions, trash."""
    report = sv.imports.import_paths([Path(__file__).parent / "data" / "seeds"])
    title_untitled(sv)
    ids = [r.id for r in report.imported]
    asset, _ = sv.assets.add_bytes(_png(), "anh-do.png")
    ref = asset.ref
    first = sv.articles.get(ids[0])
    sv.articles.update(
        first.id, first.version, title="Ngoại giao địa phương: dấu ấn 2025", tags=["Hợp tác", "Thụy Điển"]
    )
    sv.articles.update(ids[1], None, body=sv.articles.get(ids[1]).body + f"\n\n![Ảnh đoàn công tác](asset:{ref})")
    partner, _ = sv.translations.create_partner(ids[2])
    sv.articles.update(ids[3], None, status=ArticleStatus.EDITING)
    issue_id, _ = sv.issues.create(12, dt.date(2026, 12, 1), "Số cuối năm")
    sv.issues.add_articles(issue_id, ids[:3])
    sv.articles.trash([ids[4]])
    return {"ids": ids, "partner": partner.id, "ref": ref}


def _state(sv: Services) -> dict:
    ids = sv.articles.list_ids(order="id") + sv.articles.trashed_ids()
    articles = {i: sv.articles.get(i) for i in sorted(ids)}
    return {
        "articles": {
            i: (a.title, a.body, a.tags, a.status, a.translation_id, a.version, a.column) for i, a in articles.items()
        },
        "revisions": {i: len(sv.articles.revisions(i)) for i in articles},
        "issues": [(i.number, i.title) for i in sv.issues.list()],
        "columns": [(c.name, c.name_en) for c in sv.library.columns()],
        "publication": sv.publication.get(),
        "trash": sv.articles.trashed_ids(),
    }


@pytest.mark.parametrize("target", BACKENDS)
def test_backup_restores_into_either_backend(any_services, target, tmp_path) -> None:  # type: ignore[no-untyped-def]
    made = _fill(any_services)
    before = _state(any_services)
    archive = any_services.library.backup(tmp_path / "sao-luu.zip")
    assert archive.suffix == ".zip" and not list(tmp_path.glob(".*.part"))
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["counts"]["articles"] == 6 and manifest["counts"]["assets"] == 1
    if target == "postgresql":
        from tests.backends import pg_admin_url

        pg_admin_url()  # skips without a server
    with library_url(target, tmp_path / "target") as url:
        if target == "sqlite":
            (tmp_path / "target").mkdir()
        copy = Services.open(url)
        try:
            report = copy.library.restore(archive)
            assert report.counts == manifest["counts"] and report.replaced_backup is None
            assert _state(copy) == before
            assert [h.id for h in copy.search.search("thuy dien").hits][:1] == [
                h.id for h in any_services.search.search("thuy dien").hits
            ][:1]
            assert copy.assets.data(copy.assets.get(made["ref"])) == _png()
            # the ids go on after the restored ones
            new_id, _ = copy.articles.add(ArticleDraft("Tin mới sau khôi phục", "Nội dung."))
            assert new_id > max(made["ids"] + [made["partner"]])
        finally:
            copy.close()


def test_restore_refuses_a_library_with_content_unless_forced(any_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fill(any_services)
    archive = any_services.library.backup(tmp_path / "a.zip")
    extra, _ = any_services.articles.add(
        ArticleDraft("Bài viết thêm sau sao lưu", "Sẽ được giữ trong bản sao lưu an toàn.")
    )
    with pytest.raises(StorageError, match="đã có dữ liệu"):
        any_services.library.restore(archive)
    assert any_services.articles.get(extra).title == "Bài viết thêm sau sao lưu"  # untouched
    report = any_services.library.restore(archive, force=True)
    assert report.replaced_backup and Path(report.replaced_backup).exists()
    assert extra not in any_services.articles.list_ids()
    with zipfile.ZipFile(report.replaced_backup) as zf:  # the replaced content is not lost
        assert "Bài viết thêm sau sao lưu" in zf.read("tables/articles.jsonl").decode()


def test_damaged_or_foreign_archives_are_refused_before_anything_changes(any_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fill(any_services)
    archive = any_services.library.backup(tmp_path / "a.zip")
    before = any_services.articles.count()
    target = tmp_path / "empty.db"
    empty = Services.open(str(target))
    try:
        damaged = tmp_path / "damaged.zip"
        with zipfile.ZipFile(archive) as src, zipfile.ZipFile(damaged, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename == "tables/articles.jsonl":
                    data = data.replace("Thụy Điển".encode(), "Thuỵ Điển".encode(), 1)
                dst.writestr(item, data)
        with pytest.raises(StorageError, match=r"articles\.jsonl bị hỏng"):
            empty.library.restore(damaged)
        foreign = tmp_path / "foreign.zip"
        with zipfile.ZipFile(foreign, "w") as zf:
            zf.writestr("hello.txt", "xin chào")
        with pytest.raises(StorageError, match="không phải bản sao lưu"):
            empty.library.restore(foreign)
        (tmp_path / "not-a-zip.zip").write_bytes(b"PK\x03\x04 broken")
        with pytest.raises(StorageError, match="không phải bản sao lưu"):
            empty.library.restore(tmp_path / "not-a-zip.zip")
        newer = tmp_path / "newer.zip"
        with zipfile.ZipFile(archive) as src, zipfile.ZipFile(newer, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename == "manifest.json":
                    m = json.loads(data)
                    m["schema"] = "9999"
                    data = json.dumps(m).encode()
                dst.writestr(item, data)
        with pytest.raises(NewerDatabaseError):
            empty.library.restore(newer)
        assert empty.articles.count() == 0
    finally:
        empty.close()
    assert any_services.articles.count() == before


def test_an_archive_of_an_older_schema_restores_through_the_migrations(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An archive written at schema 0005 (tags differing only in case) restores into today's
    schema: the rows go in at 0005, then 0006 merges the tags."""
    from sqlalchemy import text

    from bulletin_app.storage.archive import write_archive

    path = tmp_path / "old.db"
    engine = create_library_engine(resolve_location(str(path)))
    upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (title, sapo, body, byline, source_name, source_url, published_has_time, "
                "language, status, word_count, title_key, content_hash, created_at, updated_at, version, source_hash) "
                "VALUES ('Đoàn Thụy Điển', '', 'Hợp tác giáo dục.', '', '', '', 0, 'vi', 'draft', 4, x'00', 'abc', "
                "'2024-01-01 00:00:00', '2024-01-01 00:00:00', 1, '')"
            )
        )
        for n, name in enumerate(("Hợp tác", "hợp tác")):
            conn.execute(text("INSERT INTO tags (name, sort_key) VALUES (:n, x'00')"), {"n": name})
            conn.execute(
                text("INSERT INTO article_tags (article_id, tag_id, position) VALUES (1, :t, :p)"), {"t": n + 1, "p": n}
            )
    archive = write_archive(engine, tmp_path / "old.zip").path
    engine.dispose()
    target = Services.open(str(tmp_path / "new.db"))
    try:
        target.library.restore(archive)
        article = target.articles.get(1)
        assert article.title == "Đoàn Thụy Điển" and article.tags == ("Hợp tác",)
        assert [h.id for h in target.search.search("thuy dien").hits] == [1]
    finally:
        target.close()
