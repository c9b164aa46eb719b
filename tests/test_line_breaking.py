"""Whole-paragraph line breaking of justified English text: nothing lost, every line fits,
emphasis kept, and in the PDF every word of an English article is still there."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pyphen
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from bulletin_app.domain.body import Run
from bulletin_app.exporters.line_breaking import break_runs
from bulletin_app.exporters.pdf_styles import build_styles
from bulletin_app.exporters.theme import load_theme
from bulletin_app.resources import resource_path

ENGLISH = (Path(__file__).parent / "data" / "english" / "002-bridge-for-integration.txt").read_text("utf-8")
PARAGRAPHS = [p.strip() for p in ENGLISH.split("\n\n")[2:] if p.strip()]
WIDTH = 150.0
SHRINK = 0.2


@pytest.fixture(scope="module")
def measure():  # type: ignore[no-untyped-def]
    styles = build_styles(load_theme(resource_path("themes", "default.toml")))  # registers the fonts
    font = styles.body_font

    def width(text: str, bold: bool, italic: bool) -> float:
        face = (
            f"{font}-bold_italic"
            if bold and italic
            else f"{font}-bold"
            if bold
            else f"{font}-italic"
            if italic
            else font
        )
        return stringWidth(text, face, 10.5)

    return width


def _lines(runs: tuple[Run, ...]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append(Run(part, run.bold, run.italic))
    return lines


def _same_words(broken: str, original: str) -> bool:
    """Whether ``broken`` holds ``original``'s words, a word split at a line's end (after an added
    hyphen, or after its own "-" or "/") read back whole."""
    tokens, words = broken.replace("\n", " \n ").split(" "), original.split()
    tokens = [t for t in tokens if t]
    i = 0
    for word in words:
        if i < len(tokens) and tokens[i] == "\n":
            i += 1
        token = tokens[i] if i < len(tokens) else ""
        if token == word:
            i += 1
            continue
        if tokens[i + 1 : i + 2] == ["\n"] and i + 2 < len(tokens):
            rest = tokens[i + 2]
            if word in (token + rest, token[:-1] + rest if token.endswith("-") else None):
                i += 3
                continue
        return False
    return all(t == "\n" for t in tokens[i:])


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_every_word_kept_and_every_line_fits(measure, text: str) -> None:  # type: ignore[no-untyped-def]
    hyphenate = pyphen.Pyphen(lang="en_GB").positions
    broken = break_runs((Run(text),), lambda n: WIDTH - (12 if n == 0 else 0), measure, hyphenate, SHRINK)
    assert broken is not None
    joined = "".join(r.text for r in broken)
    assert _same_words(joined, text)  # hyphens only where a word was split
    for n, line in enumerate(_lines(broken)[:-1]):
        natural = sum(measure(r.text, r.bold, r.italic) for r in line)
        spaces = sum(r.text.count(" ") for r in line) * measure(" ", False, False)
        assert natural - spaces * SHRINK <= WIDTH - (12 if n == 0 else 0) + 0.02, (n, line)


def test_emphasis_and_links_stay_on_their_words(measure) -> None:  # type: ignore[no-untyped-def]
    runs = (
        Run("The province attracted "),
        Run("more than 200 Korean businesses", bold=True),
        Run(" to the conference on "),
        Run("high-tech agriculture", italic=True, href="https://example.org"),
        Run(" and tea processing, and signed several memoranda of understanding."),
    )
    broken = break_runs(runs, lambda n: 120.0, measure, pyphen.Pyphen(lang="en_GB").positions, SHRINK)
    assert broken is not None
    assert [(r.bold, r.italic, r.href) for r in broken] == [(r.bold, r.italic, r.href) for r in runs]
    for before, after in zip(runs, broken, strict=True):
        assert _same_words(after.text, before.text)


def test_left_alone_when_it_cannot_help(measure) -> None:  # type: ignore[no-untyped-def]
    hyphenate = pyphen.Pyphen(lang="en_GB").positions
    assert break_runs((Run("One line only."),), lambda n: 300.0, measure, hyphenate, SHRINK) is None
    assert break_runs((Run("A line\nwith a forced break in it"),), lambda n: 60.0, measure, hyphenate, SHRINK) is None
    assert (
        break_runs((Run("Word Pneumonoultramicroscopicsilicovolcanoconiosis"),), lambda n: 40.0, measure, None, 0)
        is None
    )


def test_numbers_and_codes_are_never_hyphenated(measure) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In 2015-2020 under Decision 06/2020/QD-TTg the province and its partners "
        "disbursed USD 12,000,000 to 27 projects."
    )
    broken = break_runs((Run(text),), lambda n: 80.0, measure, pyphen.Pyphen(lang="en_GB").positions, SHRINK)
    assert broken is not None
    pieces = re.split(r"\s", "".join(r.text for r in broken))
    for token in ("2015-2020", "06/2020/QD-TTg", "12,000,000"):
        assert token in pieces


def test_english_article_reads_back_whole_from_the_pdf(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from pypdf import PdfReader

    from bulletin_app.domain.article import ArticleStatus
    from bulletin_app.services.export import ExportSettings

    report = services.imports.import_paths([Path(__file__).parent / "data" / "english"])
    english = report.imported[0].id
    services.articles.update(english, None, status=ArticleStatus.APPROVED.value, column="Ngoại giao kinh tế")
    issue_id, _ = services.issues.create(1, dt.date(2026, 12, 15), edition="en")
    services.issues.add_articles(issue_id, [english])
    out = services.exports.export(issue_id, pdf=tmp_path / "en.pdf", settings=ExportSettings(force=True))
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out.pdf.path).pages)
    flat = re.sub(r"-\n", "", text)  # a word split at a line end
    words = re.findall(r"\w+", flat)
    body = [w for p in PARAGRAPHS for w in re.findall(r"\w+", p)]
    # every word of the body, in order (running heads and page numbers may stand between)
    position = 0
    for word in body:
        position = words.index(word, position) + 1


VIETNAMESE = (
    "Tỉnh đã ký kết hợp tác với Quỹ Toàn cầu, Pathfinder International, Medical Innovations, Inc., "
    "Tổ chức Hợp tác Quốc tế Nhật Bản (JICA) theo Quyết định số 06/2020/QĐ-TTg của Thủ tướng Chính phủ "
    "và Kế hoạch số 3468/QĐ-UBND giai đoạn 2021-2025, với tỉnh Gyeongsangbuk-do và trang "
    "thainguyen.gov.vn/tin-tuc/hop-tac-quoc-te của Sở Ngoại vụ tỉnh Thái Nguyên."
)


@pytest.mark.parametrize("width", [110.0, 130.0, 150.0, 170.0, 190.0])
def test_codes_and_ranges_never_break_and_vietnamese_syllables_are_never_hyphenated(measure, width) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.exporters.pdf_flowables import _hyphenation

    broken = break_runs((Run(VIETNAMESE),), lambda n: width, measure, _hyphenation(""), 0.05)
    assert broken is not None
    text = "".join(r.text for r in broken)
    assert _same_words(text, VIETNAMESE)
    for code in ("06/2020/QĐ-TTg", "3468/QĐ-UBND", "2021-2025,"):
        assert code in text.replace("\n", " ").split(), code  # whole, on one line
    lines = text.split("\n")
    for line, following in itertools.pairwise(lines):
        last, first = line.split(" ")[-1], following.split(" ")[0]
        if last.endswith("-") and last + first not in VIETNAMESE:  # a hyphen the breaker added
            assert last[:-1].isascii() and last[:-1].isalpha(), line  # only ever in a long foreign word


def test_a_compound_or_a_path_may_break_after_its_own_hyphen_or_slash(measure) -> None:  # type: ignore[no-untyped-def]
    text = "Xem thêm tại thainguyen.gov.vn/tin-tuc/hop-tac-quoc-te-tinh-gyeongsangbuk-do mỗi tuần."
    broken = break_runs((Run(text),), lambda n: 120.0, measure, None, 0.05)
    assert broken is not None
    joined = "".join(r.text for r in broken)
    assert joined.replace("\n", "").replace(" ", "") == text.replace(" ", "")  # no hyphen added
    assert any(line.endswith(("/", "-")) for line in joined.split("\n")[:-1])
