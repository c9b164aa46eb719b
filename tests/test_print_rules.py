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


ORPHAN_BODY = (
    f"{LEAD}\n\n![Đồng chí Nguyễn Thanh Hải tiếp bà Mélanie Joly, Bộ trưởng Ngoại giao Canada.](asset:)\n\n"
    'Đoạn thứ hai của bài, **có chữ đậm**.\n\n![Lãnh đạo tỉnh chụp ảnh lưu niệm](asset: "Ảnh: TNGOV")\n\nĐoạn cuối.'
)


def test_a_caption_without_its_picture_is_an_error_that_proof_fix_removes(services) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.domain.body import Figure, parse_body

    orphan = ArticleDraft(title="Tiếp Bộ trưởng Ngoại giao Canada", body=ORPHAN_BODY)
    fine = ArticleDraft(title="Tổng kết công tác đối ngoại năm 2026", body=LEAD)
    issue_id, (orphan_id, _fine_id) = _issue(services, orphan, fine)
    errors = [f for f in services.exports.check(issue_id, ExportSettings()).errors if f.kind == "caption-without-image"]
    assert [(f.article_id, f.count) for f in errors] == [(orphan_id, 2)]
    assert "Đồng chí Nguyễn Thanh Hải" in errors[0].message
    before = services.articles.get(orphan_id)
    report = services.articles.proof(orphan_id, fix=True)
    assert "caption-without-image" in report.fixed
    after = services.articles.get(orphan_id)
    assert after.version == before.version + 1  # a versioned save, in the article's history
    assert not [b for b in parse_body(after.body) if isinstance(b, Figure)]
    assert after.body == f"{LEAD}\n\nĐoạn thứ hai của bài, **có chữ đậm**.\n\nĐoạn cuối."  # the rest as written
    left = services.exports.check(issue_id, ExportSettings()).errors
    assert not [f for f in left if f.kind == "caption-without-image"]
    # nothing left to drop: the fix is idempotent
    assert services.articles.drop_orphan_captions([orphan_id])[0] == 0


def test_proof_fix_on_the_command_line_drops_them_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_cli import ok_json

    db = tmp_path / "lib.db"
    source = tmp_path / "bai.md"
    source.write_text(f"# Tiếp Bộ trưởng Ngoại giao Canada\n\n{ORPHAN_BODY}\n", encoding="utf-8")
    (record,) = ok_json("import", str(source), db=db)
    report = ok_json("proof", str(record["id"]), "--fix", db=db)
    assert "caption-without-image" in report["fixed"]
    assert "![" not in ok_json("show", str(record["id"]), db=db)["body"]


def test_the_same_file_imported_again_after_the_fix_is_still_a_duplicate(services, seeds) -> None:  # type: ignore[no-untyped-def]
    first = services.imports.import_paths([seeds])
    ids = [r.id for r in first.imported]
    dropped, _ = services.articles.drop_orphan_captions(ids)
    assert dropped > 0
    again = services.imports.import_paths([seeds])
    assert not again.imported and sorted(r.duplicate_of for r in again.duplicates) == sorted(ids)
