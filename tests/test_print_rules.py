"""What must not reach the press: a headline that is a cut sentence or far too long (a preflight
error pointing at the article), and a sapo that only repeats the title or the first paragraph
(printed once, not twice)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.services.document_builder import build_document
from bulletin_app.services.export import ExportSettings

LEAD = (
    "Ngày 20/11, Sở Ngoại vụ tỉnh Thái Nguyên tổ chức hội nghị tổng kết công tác đối ngoại năm 2026 với 120 đại biểu."
)


def _issue(services, *drafts: ArticleDraft) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    ids = [services.articles.add(d, ArticleStatus.APPROVED)[0] for d in drafts]
    issue_id, _ = services.issues.create(9, dt.date(2026, 12, 1), "Thử")
    services.issues.add_articles(issue_id, ids, "Sự kiện – Hoạt động")
    return issue_id, ids


def test_a_cut_or_overlong_title_is_a_preflight_error(services) -> None:  # type: ignore[no-untyped-def]
    cut = ArticleDraft(title="Ngày 20/11, Sở Ngoại vụ tỉnh Thái Nguyên tổ chức hội nghị tổng kết…", body=LEAD)
    long = ArticleDraft(title="Hội nghị " * 20, body=LEAD)
    fine = ArticleDraft(title="Tổng kết công tác đối ngoại năm 2026", body=LEAD)
    issue_id, (cut_id, long_id, _fine) = _issue(services, cut, long, fine)
    report = services.exports.check(issue_id, ExportSettings())
    flagged = {f.article_id for f in report.errors if f.kind == "title-cut"}
    assert flagged == {cut_id, long_id}


def test_a_sapo_repeating_the_first_paragraph_or_the_title_is_printed_once(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    repeated = ArticleDraft(title="Tổng kết đối ngoại 2026", sapo=LEAD, body=f"{LEAD}\n\nĐoạn thứ hai của bài.")
    as_title = ArticleDraft(title="Hợp tác với Gumi", sapo="Hợp tác với  Gumi", body="Một đoạn.")
    own = ArticleDraft(title="Giao lưu Việt – Lào", sapo="Sapo riêng của bài.", body="Một đoạn.")
    issue_id, ids = _issue(services, repeated, as_title, own)
    document, *_ = build_document(services.db, issue_id)
    sapos = {a.article_id: a.sapo for a in document.articles()}
    assert sapos == {ids[0]: "", ids[1]: "", ids[2]: "Sapo riêng của bài."}
    assert services.articles.get(ids[0]).sapo == LEAD  # the library keeps what the editor wrote
    report = services.exports.export_pdf(issue_id, tmp_path / "so.pdf", ExportSettings(force=True))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(report.pdf.path).pages)
    assert text.count("tổng kết công tác đối ngoại năm 2026 với 120 đại biểu") == 1
