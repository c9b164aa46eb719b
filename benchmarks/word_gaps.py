"""Widest inter-word space in justified English lines, with and without hyphenation.

Builds a library from the seeds and the project's English translation(s), exports the
English edition twice (the default theme, then the same theme with ``hyphenate_english``
off), reads every word box back with ``pdftotext -bbox-layout`` and measures the gaps
between words on lines that are justified (every line of a text block but its last).

    python benchmarks/word_gaps.py [--page-size A5]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bulletin_app.domain.article import ArticleStatus, Language  # noqa: E402
from bulletin_app.exporters.pdf import render_pdf  # noqa: E402
from bulletin_app.services import Services  # noqa: E402
from bulletin_app.services.document_builder import build_document  # noqa: E402
from bulletin_app.services.export import ExportSettings, resolve_theme  # noqa: E402

DATA = ROOT / "tests" / "data"


def build(folder: Path) -> tuple[Services, int]:
    sv = Services.open(str(folder / "lib.db"))
    report = sv.imports.import_paths([DATA / "seeds", DATA / "english"])
    ids = {r.title: r.id for r in report.imported}
    english = [i for i in ids.values() if sv.articles.get(i).language == Language.EN]
    original = ids["Nhịp cầu gắn kết hội nhập và phát triển"]
    for article_id in ids.values():
        sv.articles.update(article_id, None, status=ArticleStatus.APPROVED.value, column="Ngoại giao kinh tế")
    sv.articles.update(english[0], None, translation_id=original)
    issue_id, _ = sv.issues.create(1, __import__("datetime").date(2026, 12, 15), edition="en")
    sv.issues.add_articles(issue_id, [original])
    return sv, issue_id


def gaps(pdf: Path, show: int = 0) -> list[float]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", xml)
    root = ElementTree.fromstring(xml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    found: list[float] = []
    for page in root.findall(".//x:page", ns)[1:-1]:  # not the cover, not the back cover
        for block in page.iterfind(".//x:block", ns):
            lines = block.findall("x:line", ns)
            for line in lines[:-1]:  # a paragraph's last line is set ragged
                words = line.findall("x:word", ns)
                if len(words) < 2 or all(set(w.text or "") <= set(". ") for w in words[-3:]):
                    continue  # a contents line with its dot leaders
                boxes = [(float(w.get("xMin")), float(w.get("xMax"))) for w in words]
                line_gaps = [b[0] - a[1] for a, b in itertools.pairwise(boxes)]
                if show and max(line_gaps) > show:
                    print(f"  {max(line_gaps):5.1f} pt: {' '.join(w.text or '' for w in words)}")
                found += line_gaps
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page-size", default=None)
    parser.add_argument("--show", type=float, default=0, metavar="PT", help="print the lines with a gap above PT")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sv, issue_id = build(folder)
        document, *_ = build_document(sv.db, issue_id)
        theme = resolve_theme(ExportSettings(page_size=args.page_size))
        rows = []
        for label, hyphenate in (("before: no hyphenation", False), ("after: whole-paragraph, hyphenated", True)):
            pdf = folder / f"{hyphenate}.pdf"
            render_pdf(document, dataclasses.replace(theme, hyphenate_english=hyphenate), pdf)
            found = sorted(gaps(pdf, args.show))
            p95 = found[int(len(found) * 0.95)]
            wide = sum(g > 6.0 for g in found)
            rows.append((label, max(found), p95, statistics.median(found), wide, len(found)))
        sv.close()
    size = args.page_size or "19x27cm"
    print(f"English edition, {size}, two justified columns, body 10.5 pt (a normal space ≈ 2.6 pt)")
    print(f"{'':34} {'widest':>8} {'p95':>7} {'median':>7} {'gaps > 6 pt':>12} {'gaps':>6}")
    for label, widest, p95, median, wide, count in rows:
        print(f"{label:34} {widest:7.1f}pt {p95:6.1f}pt {median:6.1f}pt {wide:12d} {count:6d}")


if __name__ == "__main__":
    main()
