import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_app.domain.query import Term, parse_query


def test_words_phrases_prefix_exclude_filters() -> None:
    q = parse_query(
        'ngoại giao "thụy điển" hợp* -lào -"phần lan" column:"Ngoại giao kinh tế" status:approved '
        "tag:KOICA lang:vi from:2020-01-01 to:2022-12-31"
    )
    assert q.terms == [Term("ngoại"), Term("giao"), Term("thụy điển", phrase=True), Term("hợp", prefix=True)]
    assert q.excluded == [Term("lào"), Term("phần lan", phrase=True)]
    assert q.column == "Ngoại giao kinh tế"
    assert q.status == "approved"
    assert q.tags == ["KOICA"]
    assert q.language == "vi"
    assert q.date_from == dt.date(2020, 1, 1)
    assert q.date_to == dt.date(2022, 12, 31)
    assert q.warnings == []


def test_bad_dates_are_warnings_not_errors() -> None:
    q = parse_query("from:2020-13-45 ngoại")
    assert q.date_from is None
    assert q.warnings and "2020-13-45" in q.warnings[0]
    assert q.terms == [Term("ngoại")]


def test_unknown_filter_is_text() -> None:
    q = parse_query("http://tnu.edu.vn 10:24")
    assert [t.text for t in q.terms] == ["http://tnu.edu.vn", "10:24"]


@given(st.text())
@settings(max_examples=500, deadline=None)
def test_parser_never_raises(raw: str) -> None:
    parse_query(raw)
