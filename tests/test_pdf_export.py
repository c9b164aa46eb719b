"""The PDF of an issue, read back: text, fonts, boxes, booklet, contents, preflight."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from PIL import Image
from pypdf import PdfReader

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.domain.body import block_text, parse_body
from bulletin_app.services.export import ExportSettings, parse_page_size

HOSTILE = 'Thẻ <b>đậm</b> và <img src="/etc/passwd"/> & R&D; </para> <font color=red>x</font>'


def _approve_all(sv) -> None:  # type: ignore[no-untyped-def]
    for article_id in sv.articles.list_ids():
        sv.articles.update(article_id, None, status=ArticleStatus.APPROVED)


@pytest.fixture
def issue(seeded, tmp_path):  # type: ignore[no-untyped-def]
    """The five seeds plus an editorial, a hostile-markup article and one with every block kind."""
    sv = seeded
    photo = tmp_path / "anh.jpg"
    Image.new("RGB", (2400, 1600), (30, 90, 160)).save(photo, quality=90)
    asset, _ = sv.assets.add_file(photo)
    body = (
        f"Đoạn mở đầu **đậm** và *nghiêng*.\n\n## Mục tiêu trọng tâm\n\n> “Gốc vững, thân chắc”\n\n"
        f"- Một\n- Hai\n\n1. Thứ nhất\n2. Thứ hai\n\n| Đối tác | Năm |\n|---|---|\n| Gyeongsangbuk-do | 2012 |\n\n"
        f'![Lãnh đạo tỉnh tiếp đoàn KOICA](asset:{asset.ref} "Ảnh: TNGOV")\n\nĐoạn kết.'
    )
    rich, _ = sv.articles.add(
        ArticleDraft(
            title="Bài có đủ loại khối",
            sapo="Sapo của bài viết.",
            body=body,
            byline="Nhất Nam",
            source_name="Báo Thái Nguyên",
        )
    )
    hostile, _ = sv.articles.add(ArticleDraft(title=f"Tiêu đề {HOSTILE}", body=HOSTILE, sapo=HOSTILE))
    editorial, _ = sv.articles.add(ArticleDraft(title="Thư ngỏ", body="Kính gửi bạn đọc, số này…"))
    _approve_all(sv)
    pub = sv.publication.get()
    pub.licence_number, pub.licence_date = "12/GP-STTTT", dt.date(2026, 1, 5)
    pub.licence_issuer, pub.licence_expiry = "Sở Văn hóa, Thể thao và Du lịch", dt.date(2026, 12, 31)
    pub.printing_place, pub.responsible_person = "Công ty In Thái Nguyên", "Nguyễn Văn A"
    pub.editorial_board = ["Trần Thị B", "Lê Văn C"]
    sv.publication.save(pub)
    issue_id, _ = sv.issues.create(12, dt.date(2026, 12, 15), "Số cuối năm", "Tháng 11–12/2026")
    seeds = [i for i in sv.articles.list_ids(order="id") if i not in (rich, hostile, editorial)]
    sv.issues.add_articles(issue_id, [editorial], "Thư ngỏ")
    sv.issues.add_articles(issue_id, seeds[:3], "Sự kiện – Hoạt động")
    sv.issues.add_articles(issue_id, [rich, hostile, *seeds[3:]], "Ngoại giao kinh tế")
    return sv, issue_id, {"rich": rich, "hostile": hostile, "editorial": editorial, "asset": asset}


def _text(reader: PdfReader) -> str:
    return " ".join((page.extract_text() or "") for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_every_article_reads_back(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, _ = issue
    report = sv.exports.export_pdf(issue_id, tmp_path / "so-12.pdf")
    assert not report.errors, report.errors
    reader = PdfReader(report.pdf.path)
    pages = [_flat(p.extract_text() or "") for p in reader.pages]
    # Running header (bulletin name or section) and page number end each page's text
    # (drawn after the content): drop them before joining the pages.
    headers = ["Bản tin Đối ngoại Thái Nguyên"] + [sec.name for sec in sv.issues.get(issue_id).sections]
    running = re.compile(r"(?: (?:" + "|".join(map(re.escape, headers)) + r"))? \d+$")
    # a word split at a line's end (a long foreign name hyphenated, a compound at its own hyphen)
    # reads back with "- ": compare with the hyphens between letters taken out on both sides
    joined = re.compile(r"(?<=[^\W\d_])-\s?(?=[^\W\d_])")
    whole = joined.sub("", _flat(" ".join(running.sub("", p) for p in pages)))
    for article_id in sv.issues.get(issue_id).article_ids:
        article = sv.articles.get(article_id)
        assert joined.sub("", _flat(article.title)) in whole
        if article.sapo:
            assert joined.sub("", _flat(article.sapo)) in whole
        for block in parse_body(article.body):
            for line in block_text(block).split("\n"):
                assert joined.sub("", _flat(line)) in whole, (article.title, line[:80])


def test_hostile_markup_prints_literally(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, _ = issue
    report = sv.exports.export_pdf(issue_id, tmp_path / "so-12.pdf")
    text = _flat(_text(PdfReader(report.pdf.path)))
    assert _flat(HOSTILE) in text
    assert text.count(_flat(HOSTILE)) >= 3  # title, sapo, body


def test_fonts_embedded_no_base14(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, _ = issue
    report = sv.exports.export_pdf(issue_id, tmp_path / "so-12.pdf")
    reader = PdfReader(report.pdf.path)
    fonts = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts.add(str(font["/BaseFont"]))
            assert descriptor is not None, font["/BaseFont"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile2", "/FontFile", "/FontFile3")), font["/BaseFont"]
    assert fonts and not any(re.search(r"Helvetica|Times-|Courier|Symbol|ZapfDingbats", f) for f in fonts)
    assert all(re.match(r"^/[A-Z]{6}\+", f) for f in fonts)  # subset


def test_contents_has_exact_page_numbers_and_links(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, ids = issue
    printed = PdfReader(sv.exports.export_pdf(issue_id, tmp_path / "in.pdf").pdf.path)
    assert not any(p.get("/Annots") for p in printed.pages) and printed.outline  # print: bookmarks, no links
    report = sv.exports.export_pdf(issue_id, tmp_path / "so-12.pdf", ExportSettings(profile="screen"))
    reader = PdfReader(report.pdf.path)
    page_of = report.pdf.page_of
    contents_page = next(i for i, p in enumerate(reader.pages) if "MỤC LỤC" in (p.extract_text() or ""))
    toc = _flat(reader.pages[contents_page].extract_text())
    rich = sv.articles.get(ids["rich"])
    pattern = re.escape(_flat(rich.title)) + r"[ .]*" + str(page_of[f"article-{rich.id}"])
    assert re.search(pattern, toc), toc
    for key, page in page_of.items():
        if key.startswith("article-"):
            title = _flat(sv.articles.get(int(key.split("-")[1])).title)[:30]
            assert title in _flat(reader.pages[page - 1].extract_text()), (key, page)
    links = [a.get_object() for a in reader.pages[contents_page].get("/Annots", [])]
    assert len(links) >= len(page_of) - 1
    outline_titles = [o["/Title"] for o in reader.outline if isinstance(o, dict)]
    assert "Sự kiện – Hoạt động" in outline_titles
    assert reader.metadata.title.startswith("Bản tin Đối ngoại Thái Nguyên")
    assert reader.trailer["/Root"]["/Lang"] == "vi-VN"
    assert b"<dc:language>" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_booklet_bleed_and_crop_marks(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, _ = issue
    plain = sv.exports.export_pdf(issue_id, tmp_path / "plain.pdf").pdf
    settings = ExportSettings(booklet=True, bleed_mm=3, crop_marks=True)
    printed = sv.exports.export_pdf(issue_id, tmp_path / "print.pdf", settings).pdf
    assert printed.pages % 4 == 0 and printed.pages >= plain.pages
    # the padding is designed pages ending with the back cover, never a run of blanks
    added = sorted(printed.added_pages)
    assert added == list(range(printed.pages - len(added) + 1, printed.pages + 1)) and len(added) <= 4
    assert not printed.added_pages or printed.added_pages[printed.pages] == "back"
    assert len(printed.blank_pages) <= 1
    reader = PdfReader(printed.path)
    mm = 72 / 25.4
    for page in (reader.pages[0], reader.pages[-1]):
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert float(trim.width) == pytest.approx(190 * mm, abs=0.01)
        assert float(trim.height) == pytest.approx(270 * mm, abs=0.01)
        assert float(bleed.width) == pytest.approx(196 * mm, abs=0.01)
        assert float(trim.left) - float(bleed.left) == pytest.approx(3 * mm, abs=0.01)
        assert float(media.width) > float(bleed.width)  # room for crop marks outside the bleed
    colophon = _flat(next(p.extract_text() for p in reader.pages[::-1] if "12/GP-STTTT" in p.extract_text()))
    assert "12/GP-STTTT" in colophon and "Công ty In Thái Nguyên" in colophon and "1.000 bản" in colophon
    cover = _flat(reader.pages[0].extract_text())
    for required in ("BẢN TIN", "ĐỐI NGOẠI THÁI NGUYÊN", "SỞ NGOẠI VỤ TỈNH THÁI NGUYÊN", "Ngày 15 tháng 12 năm 2026"):
        assert required in cover


def test_page_sizes(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, _ = issue
    a5 = sv.exports.export_pdf(issue_id, tmp_path / "a5.pdf", ExportSettings(page_size="A5", force=True)).pdf
    page = PdfReader(a5.path).pages[1]
    assert float(page.trimbox.width) == pytest.approx(148 * 72 / 25.4, abs=0.01)
    assert parse_page_size("170x240mm") == (170.0, 240.0)
    assert parse_page_size("19 x 27 cm") == (190.0, 270.0)
    report = sv.exports.check(issue_id, ExportSettings(page_size="A4"), scratch=tmp_path)
    assert any(f.kind == "trim-size" for f in report.errors)  # A4 is larger than a bản tin may be


def test_preflight_catches_each_error(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, ids = issue
    assert not sv.exports.check(issue_id, scratch=tmp_path).errors
    pub = sv.publication.get()
    pub.licence_number, pub.printing_place = "", ""
    pub.licence_expiry = dt.date(2026, 12, 1)  # before the issue date
    pub.page_limit = 8
    sv.publication.save(pub)
    sv.articles.update(ids["hostile"], None, status=ArticleStatus.EDITING, body="Chữ Hán 漢字 không có trong phông.")
    small = tmp_path / "nho.png"
    Image.new("RGB", (120, 80)).save(small)
    tiny, _ = sv.assets.add_file(small)
    sv.articles.update(ids["rich"], None, body=f"![Ảnh nhỏ](asset:{tiny.ref})\n\n![Mất](asset:ffffffffffff)")
    sv.issues.move_article(issue_id, ids["editorial"], "Chuyên mục trống tạm", 0)
    sv.issues.move_article(issue_id, ids["editorial"], "Thư ngỏ", 0)
    report = sv.exports.check(issue_id, scratch=tmp_path)
    codes = {f.kind for f in report.errors}
    assert {
        "colophon-field",
        "licence-expired",
        "page-limit",
        "not-approved",
        "glyph-missing",
        "image-dpi",
        "image-missing",
        "empty-section",
    } <= codes, codes
    glyph = next(f for f in report.errors if f.kind == "glyph-missing")
    assert "漢" in glyph.message and glyph.message.startswith("Tin bài “")  # names the article
    dest = tmp_path / "refused.pdf"
    refused = sv.exports.export_pdf(issue_id, dest)
    assert refused.refused and not dest.exists() and not list(tmp_path.glob(".refused*"))
    forced = sv.exports.export_pdf(issue_id, dest, ExportSettings(force=True))
    assert forced.pdf is not None and dest.exists()


def test_failed_export_leaves_no_partial_file(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id, _ = issue
    dest = tmp_path / "missing-dir" / "x.pdf"
    from bulletin_app.domain.errors import BulletinError

    with pytest.raises(BulletinError):
        sv.exports.export_pdf(issue_id, dest)
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old content")
    with pytest.raises(BulletinError):
        sv.exports.export_pdf(issue_id, target, ExportSettings(theme="no-such-theme"))
    assert target.read_bytes() == b"old content"


def test_an_interrupted_exports_leftovers_are_cleaned(issue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An export killed mid-write leaves hidden staged files; the next export to that folder
    removes its own at once and other stale ones, never a fresh one another window is writing."""
    import os
    import time

    from bulletin_app.atomic_file import clean_leftovers

    sv, issue_id, _ = issue
    tmp_path = tmp_path / "xuat"  # the export folder (the library lives beside it)
    tmp_path.mkdir()
    own = [tmp_path / ".so-12.staged.pdf", tmp_path / ".so-12.staged.docx", tmp_path / ".so-12.pdf.part"]
    stale, fresh = tmp_path / ".so-11.staged.pdf", tmp_path / ".so-13.docx.part"
    keep = tmp_path / ".thu-vien.db.part"  # not an export's: never touched
    for path in [*own, stale, fresh, keep]:
        path.write_bytes(b"%PDF-1.4 half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(keep, (old, old))
    report = sv.exports.export(issue_id, pdf=tmp_path / "so-12.pdf", docx=tmp_path / "so-12.docx",
                               settings=ExportSettings(force=True))  # fmt: skip
    assert report.pdf is not None
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"so-12.pdf", "so-12.docx", fresh.name, keep.name}
    os.utime(fresh, (old, old))
    assert clean_leftovers(tmp_path) == [fresh]  # what the app does at start-up


def test_an_overlong_paragraph_is_laid_out_in_pieces_that_lose_nothing() -> None:
    """pdf_flowables.pieces: every character kept, in order (the pieces rejoin with the space
    they were cut at), emphasis kept, no piece over the limit, short paragraphs untouched."""
    from bulletin_app.domain.body import Run
    from bulletin_app.exporters.pdf_flowables import pieces

    short = (Run("Một đoạn ngắn."),)
    assert pieces(short) == [short]
    words = "hợp tác đối ngoại Thái Nguyên phát triển. Đầu tư nước ngoài? Có!".split(" ")
    text = " ".join(words[i % len(words)] for i in range(20000))
    cut = text.rfind(" ", 0, 5000), text.rfind(" ", 0, 30000)
    endless = "Siêu" * 4000  # one endless word: cut where the piece is full
    runs = (
        Run(text[: cut[0] + 1]),
        Run(text[cut[0] + 1 : cut[1] + 1], bold=True),
        Run(endless),
        Run(" " + text[cut[1] + 1 :], italic=True),
    )
    parts = pieces(runs, limit=3000)
    assert len(parts) > 10 and all(sum(len(r.text) for r in p) <= 3001 for p in parts)
    joined = " ".join("".join(r.text for r in p) for p in parts)
    original = "".join(r.text for r in runs)
    assert joined.replace(" ", "") == original.replace(" ", "")  # every character, in order
    assert [w for w in joined.split() if "Siêu" not in w] == [w for w in original.split() if w != endless]
    assert {r.bold for p in parts for r in p} == {True, False} and any(r.italic for p in parts for r in p)


def test_a_one_megabyte_paragraph_exports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Pathological input is bounded: one paragraph of ~250 KB (it took minutes when reportlab
    re-wrapped the rest of it at every column) exports, all of it, first and last words included."""
    from bulletin_app.services import Services

    sv = Services.open(str(tmp_path / "lib.db"))
    try:
        words = "hợp tác đối ngoại tỉnh Thái Nguyên phát triển kinh tế đầu tư Hàn Quốc".split()
        body = "Mởđầu " + " ".join(words[i % len(words)] for i in range(45000)) + " Kếtthúc."
        article_id, _ = sv.articles.add(ArticleDraft("Một đoạn rất dài", body), ArticleStatus.APPROVED)
        issue_id, _ = sv.issues.create(1, dt.date(2026, 12, 1))
        sv.issues.add_articles(issue_id, [article_id])
        report = sv.exports.export(issue_id, pdf=tmp_path / "dai.pdf", settings=ExportSettings(force=True))
        assert report.pdf is not None and report.pdf.pages > 40
        text = "".join(page.extract_text() or "" for page in PdfReader(tmp_path / "dai.pdf").pages)
        assert "Mởđầu" in text and "Kếtthúc" in text
    finally:
        sv.close()
