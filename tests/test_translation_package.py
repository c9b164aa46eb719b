"""The translator's package round trip: DOCX table and XLIFF 1.2 out, filled in, read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language
from bulletin_app.domain.body import Figure, Heading, ListBlock, Paragraph, parse_body
from bulletin_app.domain.errors import ValidationError
from bulletin_app.domain.translation_units import unit_id_of_bookmark, units_of
from tests.conftest import title_untitled
from tests.test_cli import ok_json, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STRUCTURED = """## Hợp tác kinh tế

Thái Nguyên thu hút **hơn 200** doanh nghiệp Hàn Quốc.

- Nông nghiệp công nghệ cao
- Chế biến chè

![Lãnh đạo tỉnh tiếp Đoàn công tác](asset:abc123 "Ảnh: Minh Hằng")

| Năm | Dự án |
|---|---|
| 2025 | 12 |
"""


def _fake_english(text: str) -> str:
    return f"EN[{len(text)}] translated text about cooperation"


def _fill_docx(path: Path, skip: set[str] = frozenset(), out: Path | None = None) -> Path:
    """Type an English text into each right-hand cell, as a translator does in Word."""
    doc = Document(str(path))
    for table in doc.tables:
        for row in table.rows[1:]:
            marks = [b.get(f"{W}name") for b in row._tr.iter(f"{W}bookmarkStart")]
            unit_id = unit_id_of_bookmark(marks[0]) if marks else None
            if unit_id is None or unit_id in skip:
                continue
            source, target = row.cells
            target.paragraphs[0].add_run(_fake_english(source.text))
            if unit_id.endswith(":b1"):
                target.paragraphs[0].add_run(" with emphasis").bold = True
    dest = out or path.with_name("filled-" + path.name)
    doc.save(str(dest))
    return dest


@pytest.fixture
def three_seeds(services, seeds):  # type: ignore[no-untyped-def]
    report = services.imports.import_paths(sorted(seeds.glob("*.txt"))[:3])
    title_untitled(services)
    ids = [r.id for r in report.imported]
    structured, _ = services.articles.add(ArticleDraft("Tin có cấu trúc", STRUCTURED, "Sapo của tin."))
    return [*ids, structured]


def test_docx_package_round_trips_and_keeps_the_structure(services, three_seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = services.translations.export_package(three_seeds, tmp_path / "goi-dich.docx")
    assert written.articles == 4
    assert written.units == sum(len(units_of(services.articles.get(i))) for i in three_seeds)
    doc = Document(str(written.path))
    assert len(doc.tables) == 4 and all(len(t.columns) == 2 for t in doc.tables)
    filled = _fill_docx(written.path)
    report = services.translations.import_package(filled)
    assert [a.outcome for a in report.articles] == ["created"] * 4, report.as_json()
    for outcome in report.articles:
        original = services.articles.get(outcome.original_id)
        english = services.articles.get(outcome.translation_id)
        assert english.language == Language.EN and english.translation_id == original.id
        assert original.translation_id == english.id
        assert not outcome.untranslated and not outcome.problems
        assert english.title.startswith("EN[")
        kinds = [type(b) for b in parse_body(original.body)]
        assert [type(b) for b in parse_body(english.body)] == kinds  # same structure
    structured = services.articles.get(report.articles[-1].translation_id)
    blocks = parse_body(structured.body)
    assert isinstance(blocks[0], Heading) and blocks[0].level == 2
    assert isinstance(blocks[1], Paragraph) and any(r.bold for r in blocks[1].runs)  # emphasis kept
    assert isinstance(blocks[2], ListBlock) and len(blocks[2].items) == 2
    figure = blocks[3]
    assert isinstance(figure, Figure) and figure.asset == "abc123" and figure.caption.startswith("EN[")
    assert figure.credit == "Ảnh: Minh Hằng"  # the credit is a name, kept
    # Importing the same file again changes nothing.
    again = services.translations.import_package(filled)
    assert [a.outcome for a in again.articles] == ["untouched"] * 4


def test_half_filled_package_imports_what_is_there(services, three_seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = services.translations.export_package(three_seeds[:1], tmp_path / "goi.docx")
    article = services.articles.get(three_seeds[0])
    units = units_of(article)
    skipped = {u.id for u in units[len(units) // 2 :]}
    report = services.translations.import_package(_fill_docx(written.path, skip=skipped))
    (outcome,) = report.articles
    assert outcome.outcome == "created" and set(outcome.untranslated) == skipped
    english = services.articles.get(outcome.translation_id)
    # nothing dropped: the untranslated paragraphs are still there (in Vietnamese) for the editor to see
    assert len(parse_body(english.body)) == len(parse_body(article.body))
    # the translator finishes the rest: the same article is updated, not duplicated
    report = services.translations.import_package(_fill_docx(written.path))
    assert report.articles[0].outcome == "updated" and report.articles[0].translation_id == english.id
    assert not report.articles[0].untranslated


def test_rows_lost_added_and_edited_in_the_wrong_place_are_reported(services, three_seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = services.translations.export_package(three_seeds[:1], tmp_path / "goi.docx")
    filled = _fill_docx(written.path)
    doc = Document(str(filled))
    table = doc.tables[0]
    lost = table.rows[3]
    lost_id = unit_id_of_bookmark(next(lost._tr.iter(f"{W}bookmarkStart")).get(f"{W}name"))
    table._tbl.remove(lost._tr)
    extra = table.add_row().cells
    extra[1].paragraphs[0].add_run("A sentence the translator added")
    table.rows[2].cells[0].paragraphs[0].add_run(" (sửa nhầm)")
    # a row moved to the end still lands in its place
    table._tbl.append(table.rows[1]._tr)
    doc.save(str(filled))
    report = services.translations.import_package(filled)
    (outcome,) = report.articles
    assert outcome.outcome == "created"
    assert any("không có mã" in p for p in report.problems)
    assert any(lost_id in p and "thiếu hàng" in p for p in outcome.problems)
    assert any("cột tiếng Việt bị sửa" in p for p in outcome.problems)
    assert outcome.untranslated == [lost_id]
    english = services.articles.get(outcome.translation_id)
    assert english.title.startswith("EN[")  # the moved title row


def test_unknown_article_and_bad_files(services, three_seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = services.translations.export_package(three_seeds[:1], tmp_path / "goi.xlf")
    xml = written.path.read_bytes().replace(f'id="{three_seeds[0]}:'.encode(), b'id="99999:')
    stranger = tmp_path / "la.xlf"
    stranger.write_bytes(xml)
    report = services.translations.import_package(stranger)
    assert report.articles[0].outcome == "problem" and "99999" in report.articles[0].problems[0]
    for name, data in (("hong.docx", b"PK\x03\x04 not a zip"), ("hong.xlf", b"<xliff><unclosed"), ("x.txt", b"x")):
        bad = tmp_path / name
        bad.write_bytes(data)
        with pytest.raises(ValidationError, match=name.replace(".", r"\.")):
            services.translations.import_package(bad)
    plain = tmp_path / "thuong.docx"
    Document().save(str(plain))
    with pytest.raises(ValidationError, match="không phải gói dịch"):
        services.translations.import_package(plain)
    english, _ = services.articles.add(ArticleDraft("English", "Text.", language=Language.EN))
    with pytest.raises(ValidationError, match="không phải tiếng Việt"):
        services.translations.export_package([english], tmp_path / "x.docx")


def test_xliff_is_version_1_2_and_round_trips_emphasis(services, three_seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = services.translations.export_package(three_seeds[3:], tmp_path / "goi.xlf")
    root = etree.parse(str(written.path)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    assert root.get("version") == "1.2"
    units = root.findall(".//x:trans-unit", ns)
    assert len(units) == written.units
    for unit in units:
        source = unit.find("x:source", ns).text
        target = etree.SubElement(unit, "{urn:oasis:names:tc:xliff:document:1.2}target")
        target.text = source.replace("**hơn 200**", "**more than 200**") if "**" in source else "EN " + source
    written.path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    report = services.translations.import_package(written.path)
    (outcome,) = report.articles
    assert outcome.outcome == "created" and not outcome.untranslated, outcome
    english = services.articles.get(outcome.translation_id)
    paragraph = parse_body(english.body)[1]
    assert [r.text for r in paragraph.runs if r.bold] == ["more than 200"]


def test_cli_round_trip_then_a_bilingual_export(tmp_path, seeds) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.db"
    imported = ok_json("import", *[str(p) for p in sorted(seeds.glob("*.txt"))[:3]], db=db)
    ids = [str(r["id"]) for r in imported]
    for record in imported:
        if not record["title"]:  # no headline in the file: the editor gives one first
            ok_json("article", "set", str(record["id"]), "--title", "Ngoại giao Thái Nguyên", db=db)
    package = tmp_path / "goi.docx"
    written = ok_json("translation", "export", "--articles", *ids, "--out", str(package), db=db)
    assert written["articles"] == 3
    report = ok_json("translation", "import", str(_fill_docx(package)), db=db)
    assert report["created"] == 3
    english = [a["translation_id"] for a in report["articles"]]
    for article_id in ids + [str(i) for i in english]:
        ok_json("article", "set", article_id, "--status", "approved", db=db)
    issue = ok_json("issue", "create", "--number", "3", "--date", str(dt.date(2026, 12, 15)), "--edition", "bilingual",
                    db=db)  # fmt: skip
    ok_json("issue", "add", str(issue["id"]), *ids, db=db)
    out = tmp_path / "song-ngu.pdf"
    proc = run("export", str(issue["id"]), "--pdf", str(out), "--force", "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "BULLETIN" in text and text.count("EN[") >= 3
    assert ArticleStatus.APPROVED.value == "approved"
