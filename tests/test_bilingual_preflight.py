"""Preflight of a bilingual or English edition: one test per rule."""

from __future__ import annotations

import datetime as dt

import pytest

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language
from bulletin_app.services.export import ExportSettings

VI_TEXT = "Tỉnh Thái Nguyên đẩy mạnh hợp tác với các địa phương của Hàn Quốc trong lĩnh vực giáo dục và nông nghiệp."
EN_TEXT = "Thai Nguyen province is stepping up cooperation with Korean localities in education and agriculture."


@pytest.fixture
def pair(services):  # type: ignore[no-untyped-def]
    vi, _ = services.articles.add(ArticleDraft("Hợp tác với Hàn Quốc", VI_TEXT, column="Ngoại giao kinh tế"),
                                  ArticleStatus.APPROVED)  # fmt: skip
    en, _ = services.articles.add(ArticleDraft("Cooperation with Korea", EN_TEXT, language=Language.EN),
                                  ArticleStatus.APPROVED)  # fmt: skip
    services.articles.update(en, None, translation_id=vi)
    issue_id, _ = services.issues.create(5, dt.date(2026, 12, 15), edition="bilingual")
    services.issues.add_articles(issue_id, [vi])
    return services, issue_id, vi, en


def codes(services, issue_id, edition=None) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    report = services.exports.check(issue_id, ExportSettings(edition=edition))
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.kind, []).append(f.level)
    return out


def test_a_complete_pair_raises_no_language_finding(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, *_ = pair
    found = codes(services, issue_id)
    language_rules = {"translation-missing", "original-missing", "translation-not-approved", "language-mismatch",
                      "translation-outdated", "english-field", "section-english-name", "mixed-language"}  # fmt: skip
    assert not language_rules & set(found), found


def test_vietnamese_article_without_partner(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, *_ = pair
    lone, _ = services.articles.add(ArticleDraft("Tin chưa dịch", VI_TEXT + " Thêm một câu."), ArticleStatus.APPROVED)
    services.issues.add_articles(issue_id, [lone], "Ngoại giao kinh tế")
    assert codes(services, issue_id)["translation-missing"] == ["error"]
    assert "translation-missing" not in codes(services, issue_id, "vi")  # a Vietnamese edition needs none


def test_english_article_whose_original_is_not_in_the_issue(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, _vi, _en = pair
    other_en, _ = services.articles.add(ArticleDraft("Another story", EN_TEXT + " More.", language=Language.EN),
                                        ArticleStatus.APPROVED)  # fmt: skip
    services.issues.add_articles(issue_id, [other_en], "Ngoại giao kinh tế")
    assert codes(services, issue_id, "en")["original-missing"] == ["error"]


def test_partner_not_approved(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, _vi, en = pair
    services.articles.update(en, None, status=ArticleStatus.EDITING.value)
    found = codes(services, issue_id)
    assert found["translation-not-approved"] == ["error"]


def test_detected_language_disagrees_with_the_field(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, vi, _en = pair
    services.articles.update(vi, None, body=EN_TEXT + " The text was pasted in English by mistake.")
    assert codes(services, issue_id)["language-mismatch"] == ["error"]
    assert codes(services, issue_id, "vi")["language-mismatch"] == ["warning"]


def test_translation_older_than_its_original(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, vi, _en = pair
    services.articles.update(vi, None, body=VI_TEXT + " Hai bên ký biên bản ghi nhớ.")
    assert codes(services, issue_id)["translation-outdated"] == ["warning"]


def test_english_masthead_fields_and_section_names(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, _vi, _en = pair
    pub = services.publication.get()
    pub.bulletin_name_en = ""
    services.publication.save(pub)
    column = next(c for c in services.library.columns() if c.name == "Ngoại giao kinh tế")
    services.library.set_column_english(column.id, "")
    found = codes(services, issue_id)
    assert found["english-field"] == ["error"]
    assert found["section-english-name"] == ["warning"]
    assert "english-field" not in codes(services, issue_id, "vi")


def test_english_colophon_borrowing_vietnamese_values_is_said(pair) -> None:  # type: ignore[no-untyped-def]
    services, issue_id, *_ = pair
    pub = services.publication.get()
    pub.printing_place, pub.printing_place_en = "Công ty Cổ phần In Thái Nguyên", ""
    services.publication.save(pub)
    report = services.exports.check(issue_id)
    borrowed = [f for f in report.findings if f.kind == "english-field"]
    assert [f.level for f in borrowed] == ["warning"] and "nơi in" in borrowed[0].message
