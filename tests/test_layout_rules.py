"""A layout without holes, measured from the PDF's words (tests/pdf_layout.py): the colophon under
the last article, designed booklet padding, a contents page that fills its page, two columns on
one baseline grid, level column bottoms, no heading at a column's foot; and the theme as the one
table of styles both exporters map."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from docx import Document
from reportlab.platypus import Paragraph

from bulletin_app.domain.article import ArticleStatus
from bulletin_app.exporters.docx_styles import WORD_STYLES
from bulletin_app.exporters.pdf_flowables import Columns
from bulletin_app.exporters.pdf_styles import build_styles
from bulletin_app.exporters.theme import load_theme
from bulletin_app.resources import resource_path
from bulletin_app.services.export import ExportSettings
from tests.pdf_layout import (
    TextArea,
    body_lines,
    broken_codes,
    column_bottoms,
    empty_runs,
    fill,
    read_pages,
    two_column_pages,
    widest_word_space,
)
from tests.test_pdf_export import issue  # noqa: F401  (the fixture: seeds, an editorial, every block kind)

AREA = TextArea(top_mm=20, bottom_mm=20, inner_mm=20, outer_mm=15)  # the default theme's text block
# the seeds' library has no licence yet: preflight's errors about it are not what is measured here
PRINT = ExportSettings(booklet=True, bleed_mm=3, crop_marks=True, force=True)


@pytest.fixture
def seeds_issue(seeded):  # type: ignore[no-untyped-def]
    sv = seeded
    ids = [a.id for a in sv.articles.list()]
    for article_id in ids:
        sv.articles.update(article_id, None, status=ArticleStatus.APPROVED.value, column="Ngoại giao kinh tế")
    issue_id, _ = sv.issues.create(6, dt.date(2026, 12, 15))
    sv.issues.add_articles(issue_id, ids)
    return sv, issue_id


def test_a_booklet_of_the_seeds_has_no_holes(seeds_issue, tmp_path: Path, figure) -> None:  # type: ignore[no-untyped-def]
    sv, issue_id = seeds_issue
    result = sv.exports.export_pdf(issue_id, tmp_path / "so-6.pdf", PRINT).pdf
    pages = read_pages(result.path)
    assert len(pages) % 4 == 0
    inner = pages[1:-1]
    assert empty_runs(inner, AREA) <= 1
    # the padding is designed: the back cover last, a notes page before it; never two blanks in a row
    kinds = [result.added_pages[n] for n in sorted(result.added_pages)]
    assert set(kinds) <= {"back", "notes", "photos", "blank"}
    assert all(not (a == b == "blank") for a, b in itertools.pairwise(kinds))
    if kinds:
        assert kinds[-1] == "back" and max(result.added_pages) == len(pages)
    # the colophon is printed once, at the foot of the last text page when it fits there
    with_colophon = [p.number for p in pages if "Cơ quan xuất bản" in " ".join(ln.text for ln in p.lines)]
    assert len(with_colophon) == 1
    last_text = max(n for n in range(1, len(pages) + 1) if n not in result.added_pages)
    assert with_colophon[0] in (last_text, len(pages))
    # the contents page fills its page
    contents = next(p for p in pages if any(ln.text.startswith("MỤC LỤC") for ln in p.lines))
    assert fill(contents, AREA) >= 0.6
    # two columns on one baseline grid
    columns = two_column_pages(pages, AREA)
    aligned, lines = sum(c.aligned for c in columns), sum(len(c.left) for c in columns)
    assert columns and aligned / lines >= 0.9, [(c.page, c.aligned, len(c.left)) for c in columns]
    # pages the text continues from: column bottoms level within one line of the grid
    bottoms = column_bottoms(pages, AREA)
    assert bottoms and max(d for _, d in bottoms) <= 14.5 + 0.5, bottoms
    text_fill = min(fill(p, AREA) for p in inner if len(body_lines(p, AREA)) > 5)
    # justified lines: no gap wider than the body's size (1.46 em before lines were chosen per
    # paragraph and long foreign names could hyphenate); no code or range split across lines
    widest = widest_word_space(inner, AREA, 10.5)
    assert widest <= 1.0, widest
    assert not broken_codes(pages)
    figure(
        f"{len(pages)} pages, added {kinds}, baselines {aligned}/{lines}, column bottoms "
        f"≤ {max(d for _, d in bottoms):.1f} pt, contents filled {fill(contents, AREA):.0%}, emptiest text page "
        f"{text_fill:.0%}, widest word space {widest:.2f} em"
    )


def test_the_colophon_stands_under_the_last_article_of_the_demo(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.services.sample import create_sample

    issue_id, _ = create_sample(services)
    result = services.exports.export_pdf(issue_id, tmp_path / "demo.pdf", PRINT).pdf
    pages = read_pages(result.path)
    assert len(pages) % 4 == 0 and empty_runs(pages[1:-1], AREA) <= 1
    colophon = [p for p in pages if "Cơ quan xuất bản" in " ".join(ln.text for ln in p.lines)]
    assert len(colophon) == 1
    page = colophon[0]
    if page.number not in result.added_pages:  # it fit under the last article: text above it
        assert any(ln.height > 11 for ln in body_lines(page, AREA))
    assert list(result.added_pages.values()).count("blank") <= 1


@pytest.fixture(scope="module")
def styles():  # type: ignore[no-untyped-def]
    return build_styles(load_theme(resource_path("themes", "default.toml")))


def _paragraphs(styles, n: int, words: int = 60) -> list[Paragraph]:  # type: ignore[no-untyped-def]
    text = " ".join(["hợp tác phát triển bền vững"] * (words // 5))
    return [Paragraph(text, styles.body) for _ in range(n)]


def test_columns_stand_on_the_grid_and_never_end_with_a_heading(styles) -> None:  # type: ignore[no-untyped-def]
    grid = styles.grid
    width, gap = 400.0, 17.0
    height = 30 * grid
    for at in range(2, 12):  # a heading at every position down the first column
        content = [*_paragraphs(styles, at), Paragraph("Những hướng hợp tác mới", styles.heading2)]
        content += _paragraphs(styles, 6)
        columns = Columns(content, 2, gap, height, grid)
        placed, _ = columns._fill((width - gap) / 2, height)
        for column in placed:
            assert all(abs(slot / grid - round(slot / grid)) < 1e-6 for _, _, _, slot in column)  # whole lines
            last = column[-1][0]
            assert getattr(last.style, "keepWithNext", 0) == 0, f"a heading ends a column (after {at} paragraphs)"


def test_a_picture_at_a_column_foot_lets_the_text_fill_the_column(styles) -> None:  # type: ignore[no-untyped-def]
    from reportlab.platypus import Spacer

    grid = styles.grid
    picture = Spacer(180, 12 * grid)  # an unbreakable block twelve lines tall
    content = [*_paragraphs(styles, 3, words=20), picture, *_paragraphs(styles, 6)]
    columns = Columns(content, 2, 17.0, 40 * grid, grid)
    placed, _ = columns._fill(190.0, 20 * grid)
    first = placed[0]
    used = sum(slot for _, _, _, slot in first)
    assert picture not in [f for f, *_ in first]
    assert used >= 19 * grid  # filled to within a line of its foot, not left with a ten-line hole
    assert placed[1][0][0] is picture  # the picture heads the next column


def test_the_theme_is_the_one_table_both_exporters_map(tmp_path: Path, issue) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    theme = load_theme(resource_path("themes", "default.toml"))
    pdf = build_styles(theme)
    sv, issue_id, _ = issue
    doc = Document(str(sv.exports.export(issue_id, docx=tmp_path / "so.docx").docx.path))
    for word_name, key in WORD_STYLES.items():
        text = theme.style(key)
        mapped = getattr(pdf, key)
        word = doc.styles[word_name]
        assert mapped.fontSize == word.font.size.pt == text.size, word_name
        assert mapped.leading == pytest.approx(word.paragraph_format.line_spacing.pt, abs=0.05), word_name
        assert mapped.leftIndent == pytest.approx(word.paragraph_format.left_indent.pt, abs=0.05), word_name
        assert mapped.spaceAfter == pytest.approx(word.paragraph_format.space_after.pt, abs=0.05), word_name
        assert bool(word.font.bold) == text.bold and bool(word.font.italic) == text.italic, word_name
        assert word.font.color.rgb is not None and str(word.font.color.rgb) == theme.colors[text.colour].hex[1:].upper()
    assert theme.style("body").leading == theme.grid  # running text on the grid


def test_an_older_theme_with_sizes_and_spacing_still_loads(tmp_path: Path) -> None:
    old = tmp_path / "cu.toml"
    old.write_text(
        'name = "Cũ"\n[page]\nwidth_mm = 170.0\nheight_mm = 240.0\n'
        '[fonts]\nbody = "Spectral"\nheading = "Be Vietnam Pro"\n'
        "[sizes]\nbody = 11.0\nleading = 15.0\narticle_title = 22.0\n[spacing]\nfirst_line_indent = 10.0\n"
        '[colors]\naccent = "#123456"\n',
        encoding="utf-8",
    )
    theme = load_theme(old)
    assert theme.width_mm == 170 and theme.margin_top_mm == 20  # the rest from the shipped theme
    assert theme.grid == 15 and theme.style("body").size == 11 and theme.style("body").leading == 15
    assert theme.style("article_title").size == 22 and theme.style("body").first_indent == 10
    assert theme.colors["accent"].hex == "#123456"


def test_a_style_naming_an_unknown_colour_is_refused_with_its_name(tmp_path: Path) -> None:
    from bulletin_app.domain.errors import ValidationError

    bad = tmp_path / "sai.toml"
    bad.write_text('[styles]\ncaption = { size = 8, colour = "tim" }\n', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"caption.*tim"):
        load_theme(bad)


def test_a_style_with_a_word_for_a_number_is_refused_in_vietnamese(tmp_path: Path) -> None:
    from bulletin_app.domain.errors import ValidationError

    bad = tmp_path / "sai.toml"
    bad.write_text('[styles]\nbody = { size = "to" }\n', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"body: size = 'to': cần một con số"):
        load_theme(bad)
