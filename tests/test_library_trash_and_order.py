"""Library lists: Vietnamese sort orders both ways, filters, a recoverable trash, bulk edits."""

from __future__ import annotations

import datetime as dt

import pytest

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.domain.errors import ValidationError


def _titles(services, ids: list[int]) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.title for s in services.articles.summaries(ids)]


@pytest.fixture
def small(services):  # type: ignore[no-untyped-def]
    for title, column, day in (
        ("Đà Nẵng hợp tác", "Ngoại giao kinh tế", 3),
        ("An Giang giao lưu", None, 1),
        ("Ăn Tết cùng kiều bào", "Người Việt Nam ở nước ngoài", 2),
        ("Dự án KOICA", "Ngoại giao kinh tế", None),
    ):
        published = dt.datetime(2026, 11, day, 9) if day else None
        services.articles.add(ArticleDraft(title=title, body=f"{title} nội dung.", column=column, published=published))
    return services


def test_title_order_is_vietnamese_both_ways(small) -> None:  # type: ignore[no-untyped-def]
    up = _titles(small, small.articles.list_ids(order="title"))
    assert up == ["An Giang giao lưu", "Ăn Tết cùng kiều bào", "Dự án KOICA", "Đà Nẵng hợp tác"]
    assert _titles(small, small.articles.list_ids(order="title", descending=True)) == up[::-1]


def test_published_and_column_orders_keep_blanks_last(small) -> None:  # type: ignore[no-untyped-def]
    newest = _titles(small, small.articles.list_ids(order="published"))
    assert newest == ["Đà Nẵng hợp tác", "Ăn Tết cùng kiều bào", "An Giang giao lưu", "Dự án KOICA"]
    oldest = _titles(small, small.articles.list_ids(order="published", descending=True))
    assert oldest == ["An Giang giao lưu", "Ăn Tết cùng kiều bào", "Đà Nẵng hợp tác", "Dự án KOICA"]
    by_column = _titles(small, small.articles.list_ids(order="column"))
    assert by_column[-1] == "An Giang giao lưu"  # no column: last
    assert by_column[:2] == ["Dự án KOICA", "Đà Nẵng hợp tác"]  # “Ngoại giao kinh tế”, titles in order
    assert _titles(small, small.articles.list_ids(order="column", descending=True))[-1] == "An Giang giao lưu"


def test_date_filter(small) -> None:  # type: ignore[no-untyped-def]
    ids = small.articles.list_ids(since=dt.date(2026, 11, 2), until=dt.date(2026, 11, 2))
    assert _titles(small, ids) == ["Ăn Tết cùng kiều bào"]


def test_trash_is_recoverable_and_hidden_from_lists_and_search(small) -> None:  # type: ignore[no-untyped-def]
    target = small.search.search("koica").hits[0].id
    changes = small.articles.trash([target])
    assert changes.articles_removed == {target}
    assert target not in small.articles.list_ids()
    assert small.articles.trashed_ids() == [target]
    assert small.search.search("koica").hits == []
    assert small.articles.count() == 3
    assert small.articles.summaries([target])[0].trashed
    assert small.articles.restore_from_trash([target]).articles_added == {target}
    assert [h.id for h in small.search.search("koica").hits] == [target]
    small.articles.trash([target])
    small.articles.empty_trash()
    assert small.articles.trashed_ids() == []
    assert small.articles.count() == 3


def test_article_in_an_issue_cannot_be_trashed(small) -> None:  # type: ignore[no-untyped-def]
    target = small.articles.list_ids(order="title")[0]
    issue_id, _ = small.issues.create(7, dt.date(2026, 12, 1))
    small.issues.add_articles(issue_id, [target])
    with pytest.raises(ValidationError, match="đang nằm trong 1 số bản tin"):
        small.articles.trash([target, *small.articles.list_ids()])
    assert small.articles.trashed_ids() == []  # all or none


def test_bulk_update_records_revisions(small) -> None:  # type: ignore[no-untyped-def]
    ids = small.articles.list_ids()
    small.articles.bulk_update(ids, column="Văn hóa đối ngoại", add_tags=["Hàn Quốc"])
    for summary in small.articles.summaries(ids):
        assert summary.column == "Văn hóa đối ngoại"
    for article_id in ids:
        assert "Hàn Quốc" in small.articles.get(article_id).tags
        assert len(small.articles.revisions(article_id)) == 1


def test_sort_ids_orders_a_given_set(small) -> None:  # type: ignore[no-untyped-def]
    every = small.articles.list_ids(order="title")
    some = [every[3], every[0], every[2]]
    assert small.articles.sort_ids(some, "title") == [every[0], every[2], every[3]]
    assert small.articles.sort_ids(some, "title", descending=True) == [every[3], every[2], every[0]]
    assert small.articles.list_ids(order="title", limit=2) == every[:2]
