"""The one migration chain on both backends: from an empty database, and from every past schema
with data in it (the article found by search afterwards, tags that differ only in case merged)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from sqlalchemy import text

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.services import Services
from bulletin_app.storage.engine import create_library_engine
from bulletin_app.storage.location import resolve_location
from bulletin_app.storage.migrate import current_revision, upgrade
from bulletin_app.storage.schema_version import head_revision, known_revisions
from tests.backends import pg_database

PAST = sorted(known_revisions() - {head_revision()})


@contextmanager
def _empty(backend: str, tmp_path):  # type: ignore[no-untyped-def]
    if backend == "sqlite":
        yield str(tmp_path / "library.db")
    else:
        with pg_database(empty=True) as url:
            yield url


def _article(conn, title: str, body: str) -> int:  # type: ignore[no-untyped-def]
    now = dt.datetime(2024, 1, 1)
    conn.execute(
        text(
            "INSERT INTO articles (title, sapo, body, byline, source_name, source_url, published_has_time, "
            "language, status, word_count, title_key, content_hash, created_at, updated_at, version) VALUES "
            "(:title, '', :body, '', '', '', :no, 'vi', 'draft', 7, :key, '', :now, :now, 1)"
        ),
        {"title": title, "body": body, "no": False, "key": b"\x00", "now": now},
    )
    return conn.execute(text("SELECT max(id) FROM articles")).scalar()


def test_an_empty_database_is_created_at_head(backend, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with _empty(backend, tmp_path) as url:
        sv = Services.open(url)
        try:
            assert sv.library.info().schema == head_revision()
            assert len(sv.library.columns()) == 8  # seeded
            article_id, _ = sv.articles.add(ArticleDraft("Đoàn Thụy Điển thăm Thái Nguyên", "Hợp tác giáo dục."))
            assert [h.id for h in sv.search.search("thuy dien").hits] == [article_id]
        finally:
            sv.close()


@pytest.mark.parametrize("past", PAST)
def test_every_past_schema_upgrades_with_its_data(backend, tmp_path, past) -> None:  # type: ignore[no-untyped-def]
    with _empty(backend, tmp_path) as url:
        engine = create_library_engine(resolve_location(url))
        upgrade(engine, past)
        with engine.begin() as conn:
            article_id = _article(conn, "Đoàn Thụy Điển thăm Thái Nguyên", "Hợp tác **giáo dục** với Linköping.")
            for i, name in enumerate(("Hợp tác", "hợp tác", "HỢP TÁC", "Giáo dục")):
                conn.execute(text("INSERT INTO tags (name, sort_key) VALUES (:n, :k)"), {"n": name, "k": b"\x00"})
                tag_id = conn.execute(text("SELECT max(id) FROM tags")).scalar()
                conn.execute(
                    text("INSERT INTO article_tags (article_id, tag_id, position) VALUES (:a, :t, :p)"),
                    {"a": article_id, "t": tag_id, "p": i},
                )
        assert current_revision(engine) == past
        engine.dispose()
        sv = Services.open(url)
        try:
            assert sv.library.info().schema == head_revision()
            assert [h.id for h in sv.search.search("thuy dien giao duc").hits] == [article_id]
            article = sv.articles.get(article_id)
            assert sorted(article.tags) == ["Giáo dục", "Hợp tác"]  # one tag per folded name
            assert [h.id for h in sv.search.search('tag:"hop tac"').hits] == [article_id]
            # the merged key is enforced from now on: a new spelling is the same tag
            sv.articles.update(article_id, None, tags=["HỢP tác", "Mới"])
            assert sorted(sv.articles.get(article_id).tags) == ["Hợp tác", "Mới"]
        finally:
            sv.close()
