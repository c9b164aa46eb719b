"""Issue details (cover photo, circulation notice), sections in bulletin order, placing
articles, the editorial letter and preflight findings located — on a real library."""

from __future__ import annotations

import datetime as dt

import pytest

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.domain.errors import ConflictError, NotFoundError, ValidationError
from bulletin_app.domain.findings import error, warning
from bulletin_app.services.document_builder import build_document
from bulletin_app.services.sample import create_sample, sample_photo

DATE = dt.date(2026, 12, 1)


def _article(services, title: str, column: str | None = None) -> int:  # type: ignore[no-untyped-def]
    article_id, _ = services.articles.add(ArticleDraft(title=title, body="Nội dung.", column=column))
    return article_id


def _layout(services, issue_id: int) -> list[tuple[str, list[int]]]:  # type: ignore[no-untyped-def]
    return [(s.name, [e.article_id for e in s.entries]) for s in services.issues.get(issue_id).sections]


def test_details_round_trip_and_partial_update(services) -> None:  # type: ignore[no-untyped-def]
    asset, _ = services.assets.add_bytes(sample_photo(1, 800, 600), "bia.jpg")
    issue_id, changes = services.issues.create(
        7, DATE, "Số cuối năm", "Tháng 11–12", cover_asset=asset.ref, circulation_notice="Phát hành miễn phí"
    )
    assert changes.issues_changed == {issue_id}
    issue = services.issues.get(issue_id)
    assert (issue.cover_asset, issue.circulation_notice) == (asset.ref, "Phát hành miễn phí")

    changes = services.issues.update_details(
        issue_id, issue.version, title="  Số  đặc biệt ", cover_asset=f"asset:{asset.sha256[:20]}"
    )
    assert changes.issues_changed == {issue_id}
    after = services.issues.get(issue_id)
    assert after.title == "Số đặc biệt"  # cleaned
    assert after.cover_asset == asset.ref  # any unique prefix is stored as the asset's ref
    assert (after.number, after.date, after.period_label) == (7, DATE, "Tháng 11–12")  # untouched
    assert after.version > issue.version

    services.issues.update_details(
        issue_id, after.version, number=8, date=dt.date(2027, 1, 5), cover_asset="", circulation_notice=""
    )
    final = services.issues.get(issue_id)
    assert (final.number, final.date, final.cover_asset, final.circulation_notice) == (8, dt.date(2027, 1, 5), "", "")
    assert services.issues.list()[0].number == 8


def test_details_are_validated_with_clear_messages(services) -> None:  # type: ignore[no-untyped-def]
    first, _ = services.issues.create(1, DATE)
    issue_id, _ = services.issues.create(2, DATE)
    version = services.issues.get(issue_id).version
    cases = [
        ({"number": 0}, "Số: phải là số nguyên từ 1 đến 9999"),
        ({"number": 1}, f"Số: đã có số 1 năm 2026 (mã {first})"),
        ({"date": dt.date(1890, 1, 1)}, "Ngày phát hành: năm 1890 nằm ngoài khoảng 1990–2100"),
        ({"date": "2026-12-01"}, "Ngày phát hành: không phải một ngày hợp lệ"),
        ({"cover_asset": "abcdef123456"}, "Ảnh bìa: không có ảnh “abcdef123456” trong thư viện"),
        ({"circulation_notice": "x" * 201}, "Dòng lưu hành: dài 201 ký tự, tối đa 200"),
        ({"period_label": "k" * 201}, "Kỳ: dài 201 ký tự, tối đa 200"),
    ]
    for values, message in cases:
        with pytest.raises(ValidationError) as err:
            services.issues.update_details(issue_id, version, **values)
        assert err.value.message == message
    # the same number in another year is fine
    services.issues.update_details(issue_id, version, number=1, date=dt.date(2027, 2, 1))
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        services.issues.update_details(issue_id, version, title="cũ")
    with pytest.raises(NotFoundError):
        services.issues.update_details(999, None, title="x")


def test_sections_follow_bulletin_order(services) -> None:  # type: ignore[no-untyped-def]
    issue_id, _ = services.issues.create(3, DATE)
    people = _article(services, "Giao lưu nhân dân", "Đối ngoại nhân dân")
    events = _article(services, "Hội nghị", "Sự kiện – Hoạt động")
    own = _article(services, "Ghi chép", None)
    services.issues.add_articles(issue_id, [people, own, events])
    assert [name for name, _ in _layout(services, issue_id)] == ["Sự kiện – Hoạt động", "Đối ngoại nhân dân", "Tin bài"]
    # an empty section from a column goes to its place; names match without accents
    name, _ = services.issues.add_section(issue_id, "van hoa doi ngoai")
    assert name == "Văn hóa đối ngoại"
    letter, changes = services.issues.add_editorial(issue_id)
    assert changes.articles_added == {letter}
    assert _layout(services, issue_id) == [
        ("Thư ngỏ", [letter]),
        ("Sự kiện – Hoạt động", [events]),
        ("Văn hóa đối ngoại", []),
        ("Đối ngoại nhân dân", [people]),
        ("Tin bài", [own]),
    ]
    article = services.articles.get(letter)
    assert (article.title, article.status) == ("Thư ngỏ", ArticleStatus.DRAFT)
    with pytest.raises(ValidationError, match="số này đã có thư ngỏ"):
        services.issues.add_editorial(issue_id)
    services.issues.remove_section(issue_id, "Văn hóa đối ngoại")
    services.issues.remove_section(issue_id, "Tin bài")
    assert [name for name, _ in _layout(services, issue_id)] == ["Thư ngỏ", "Sự kiện – Hoạt động", "Đối ngoại nhân dân"]
    assert own in [a.id for a in services.articles.list()]  # still in the library


def test_place_move_and_remove_articles(services) -> None:  # type: ignore[no-untyped-def]
    issue_id, _ = services.issues.create(4, DATE)
    a, b, c, d = (_article(services, t, "Ngoại giao kinh tế") for t in "ABCD")
    e = _article(services, "E", "Sự kiện – Hoạt động")
    services.issues.add_articles(issue_id, [a, b, c])
    # a drop between B and C of a new article and of A (already there, above the drop)
    added, _ = services.issues.place_articles(issue_id, [d, a], "Ngoại giao kinh tế", 2)
    assert added == [d]
    assert _layout(services, issue_id) == [("Ngoại giao kinh tế", [b, d, a, c])]
    # to the top of a new section; then move back with move_article (position counted without it)
    services.issues.place_articles(issue_id, [e, c], "Sự kiện – Hoạt động", 0)
    assert _layout(services, issue_id) == [("Sự kiện – Hoạt động", [e, c]), ("Ngoại giao kinh tế", [b, d, a])]
    services.issues.move_article(issue_id, c, "Ngoại giao kinh tế", 1)
    assert _layout(services, issue_id)[1] == ("Ngoại giao kinh tế", [b, c, d, a])
    services.issues.remove_articles(issue_id, [d, e])
    assert _layout(services, issue_id) == [("Sự kiện – Hoạt động", []), ("Ngoại giao kinh tế", [b, c, a])]
    with pytest.raises(NotFoundError, match="không có trong số bản tin 4"):
        services.issues.remove_articles(issue_id, [d])
    services.articles.trash([d])
    with pytest.raises(ValidationError, match="đang ở thùng rác"):
        services.issues.place_articles(issue_id, [d], "Ngoại giao kinh tế", 0)


def test_document_uses_cover_photo_and_notice(services) -> None:  # type: ignore[no-untyped-def]
    issue_id, _ = create_sample(services)
    document, issue, *_ = build_document(services.db, issue_id)
    first_photo = next(iter(document.images))
    assert document.cover.image is not None and document.cover.image.ref == first_photo  # fallback
    assert document.cover.notice == "LƯU HÀNH NỘI BỘ"
    assert document.colophon.blocks[0].lines[-1] == ("", "Lưu hành nội bộ")

    own, _ = services.assets.add_bytes(sample_photo(2, 1200, 1600), "bia-rieng.jpg")
    services.issues.update_details(
        issue_id, issue.version, cover_asset=own.ref, circulation_notice="Tài liệu phát hành miễn phí"
    )
    document, *_ = build_document(services.db, issue_id)
    assert document.cover.image is not None and document.cover.image.ref == own.ref
    assert document.cover.image.width_px == 1200
    assert document.cover.notice == "TÀI LIỆU PHÁT HÀNH MIỄN PHÍ"
    assert document.colophon.blocks[0].lines[-1] == ("", "Tài liệu phát hành miễn phí")

    candidates = services.issues.cover_candidates(issue_id)
    assert candidates[0].ref == own.ref  # the chosen one first, then the issue's own photos
    assert {a.ref for a in candidates} >= set(document.images)


def test_findings_point_at_articles_fields_and_sections(services) -> None:  # type: ignore[no-untyped-def]
    issue_id, _ = create_sample(services)
    issue = services.issues.get(issue_id)
    entry = issue.sections[1].entries[0]
    services.issues.add_section(issue_id, "Thông tin – Tư liệu")
    findings = [
        error("not-approved", f"Tin bài “{entry.title}” (mã {entry.article_id}) chưa được duyệt."),
        warning("import-findings", f"Tin bài “{entry.title}” còn 1 điểm cần xem từ khi nhập: x"),
        error("colophon-field", "Trang cuối thiếu nơi in (Luật Báo chí 2016, Điều 34)."),
        error("cover-field", "Trang 1 thiếu ngày phát hành (Luật Báo chí 2016, Điều 34)."),
        error("empty-section", "Chuyên mục “Thông tin – Tư liệu” chưa có tin bài."),
        error("page-limit", "Số bản tin có 40 trang, vượt 32 trang được phép."),
        warning("page-multiple", "9 trang không chia hết cho 4"),
    ]
    photo_owner = next(
        e.article_id for s in issue.sections for e in s.entries if "asset:" in services.articles.get(e.article_id).body
    )
    ref = services.articles.get(photo_owner).body.split("asset:")[1][:12]
    findings.append(warning("image-dpi", f"Ảnh {ref}: độ phân giải thực 250 dpi, nhà in cần 300 dpi."))
    items = services.issues.locate_findings(issue_id, findings)
    where = [(i.article_id, i.field, i.section) for i in items]
    assert where == [
        (entry.article_id, None, None),
        (entry.article_id, None, None),
        (None, "publication.printing_place", None),
        (None, "issue.date", None),
        (None, None, "Thông tin – Tư liệu"),
        (None, "publication.page_limit", None),
        (None, None, None),
        (photo_owner, None, None),
    ]
    assert [i.message for i in items] == [f.message for f in findings]


def test_preview_export_prints_the_notice(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from bulletin_app.services.export import ExportSettings

    issue_id, _ = create_sample(services)
    issue = services.issues.get(issue_id)
    services.issues.update_details(issue_id, issue.version, circulation_notice="Phát hành miễn phí")
    report = services.exports.export(issue_id, pdf=tmp_path / "so.pdf", settings=ExportSettings(force=True))
    assert report.pdf is not None
    last = PdfReader(tmp_path / "so.pdf").pages[-1].extract_text()
    assert "Phát hành miễn phí" in last
    assert all(s.status == ArticleStatus.APPROVED for s in services.articles.summaries(issue.article_ids))


def test_low_resolution_pictures_are_named_by_caption_and_article(services) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.services.export import ExportSettings
    from bulletin_app.services.sample import create_sample

    issue_id, _ = create_sample(services)
    report = services.exports.check(issue_id, ExportSettings())
    dpi = [f for f in report.findings if f.kind == "image-dpi"]
    assert dpi, "the sample's photos are below 300 dpi as placed"
    for finding in dpi:
        assert "trong tin bài “" in finding.message or finding.message.startswith("Ảnh bìa")
    located = services.issues.locate_findings(issue_id, dpi)
    assert all(item.article_id is not None or item.field == "issue.cover_asset" for item in located)
