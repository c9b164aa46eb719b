"""Export benchmark: a 64-page issue (40 articles, 20 images), side by side, medians of N runs.

    python benchmarks/export_bench.py [--runs 3]

* our PDF export vs a bare one-pass reportlab build of the same flowables (no contents,
  no outline forms, no booklet logic);
* our PDF export vs LibreOffice converting our DOCX to PDF (start-up included);
* our DOCX export vs pandoc converting the same content from Markdown (if installed);
* peak memory of the export (Python heap via tracemalloc, and the process's max RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import COLUMNS, make_drafts  # noqa: E402
from reportlab.platypus import BaseDocTemplate  # noqa: E402

from bulletin_app.domain.article import ArticleStatus  # noqa: E402
from bulletin_app.exporters.docx import render_docx  # noqa: E402
from bulletin_app.exporters.pdf import _Renderer, render_pdf  # noqa: E402
from bulletin_app.exporters.theme import PdfOptions  # noqa: E402
from bulletin_app.services import Services  # noqa: E402
from bulletin_app.services.document_builder import build_document  # noqa: E402
from bulletin_app.services.export import ExportSettings, resolve_theme  # noqa: E402
from bulletin_app.services.sample import sample_photo  # noqa: E402

ARTICLES, IMAGES, TARGET_PAGES = 40, 20, 64


def build_issue(folder: Path, body_chars: int) -> tuple[Services, int]:
    sv = Services.open(str(folder / "lib.db"), author="benchmark")
    refs = [sv.assets.add_bytes(sample_photo(n, 2400, 1600), f"anh-{n}.jpg")[0].ref for n in range(IMAGES)]
    drafts = make_drafts(ARTICLES, seed=3)
    ids = []
    for i, draft in enumerate(drafts):
        paragraphs = draft.body.split("\n\n")
        body, size = [], 0
        for p in paragraphs * 3:
            if size > body_chars:
                break
            body.append(p)
            size += len(p)
        if i < IMAGES:
            body.insert(len(body) // 2, f'![Ảnh minh họa số {i + 1}](asset:{refs[i]} "Ảnh: benchmark")')
        draft.body = "\n\n".join(body)
        ids.append(sv.articles.add(draft, ArticleStatus.APPROVED)[0])
    pub = sv.publication.get()
    pub.licence_number, pub.licence_date, pub.printing_place = "1/GP", dt.date(2026, 1, 1), "Nhà in"
    pub.responsible_person, pub.page_limit = "Người chịu trách nhiệm", 64
    sv.publication.save(pub)
    issue_id, _ = sv.issues.create(1, dt.date(2026, 12, 1), "Benchmark")
    for n, article_id in enumerate(ids):
        sv.issues.add_articles(issue_id, [article_id], COLUMNS[n * len(COLUMNS) // len(ids)])
    return sv, issue_id


def median_time(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_build(document, theme, dest: Path) -> int:  # type: ignore[no-untyped-def]
    """The same article flowables through one plain reportlab pass: no cover, contents, outline forms."""
    renderer = _Renderer(document, theme, PdfOptions())
    renderer.scratch = dest.parent  # images as files, as the real export does
    story = []
    for section in document.sections:
        for article in section.articles:
            story += renderer._article(article, theme.columns_for("article"), level=0)
    template = BaseDocTemplate(
        str(dest),
        pagesize=renderer.geo.media,
        pageTemplates=[renderer._template("article", renderer._nothing, renderer._nothing)],
    )
    template.build(story)
    return template.page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        body_chars = 4200
        theme = resolve_theme(ExportSettings())
        for attempt in range(6):  # tune the article length to a 64-page issue
            library = folder / f"try-{attempt}"
            library.mkdir()
            sv, issue_id = build_issue(library, body_chars)
            document, *_ = build_document(sv.db, issue_id)
            pages = render_pdf(document, theme, folder / "probe.pdf").pages
            if abs(pages - TARGET_PAGES) <= 1:
                break
            sv.close()
            body_chars = int(body_chars * TARGET_PAGES / pages)
        print(f"issue: {len(document.articles())} articles, {len(document.images)} images, {pages} pages")
        pdf, docx = folder / "issue.pdf", folder / "issue.docx"
        ours = median_time(lambda: render_pdf(document, theme, pdf), args.runs)
        bare = median_time(lambda: bare_build(document, theme, folder / "bare.pdf"), args.runs)
        result = render_pdf(document, theme, pdf)
        docx_time = median_time(lambda: render_docx(document, theme, docx, result.page_of), args.runs)
        rows = [
            ("our PDF export (cover, contents, outline, colophon)", ours, ""),
            ("bare one-pass reportlab build, same article flowables", bare, f"ours ÷ bare = {ours / bare:.2f}×"),
        ]
        soffice = shutil.which("soffice")
        if soffice:
            profile = (folder / "lo-profile").as_uri()
            convert = [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "lo"),
                str(docx),
            ]
            subprocess.run(convert, capture_output=True, check=True)  # first start creates the profile
            lo = median_time(lambda: subprocess.run(convert, capture_output=True, check=True), args.runs)
            rows.append(
                (
                    "LibreOffice --convert-to pdf of our DOCX (start included)",
                    lo,
                    f"LibreOffice ÷ ours = {lo / ours:.1f}×",
                )
            )
        else:
            rows.append(("LibreOffice", float("nan"), "not installed"))
        rows.append(("our DOCX export", docx_time, ""))
        pandoc = shutil.which("pandoc")
        if pandoc:
            markdown = "\n\n".join(
                f"# {s.title}\n\n"
                + "\n\n".join(f"## {a.title}\n\n{a.sapo}\n\n" + sv.articles.get(a.article_id).body for a in s.articles)
                for s in document.sections
            )
            source = folder / "issue.md"
            source.write_text(markdown, encoding="utf-8")
            command = [pandoc, str(source), "-o", str(folder / "pandoc.docx")]
            pd = median_time(lambda: subprocess.run(command, capture_output=True, check=True), args.runs)
            rows.append(
                ("pandoc Markdown → DOCX (same content, no images)", pd, f"ours ÷ pandoc = {docx_time / pd:.2f}×")
            )
        else:
            rows.append(("pandoc", float("nan"), "not installed"))
        tracemalloc.start()
        render_pdf(document, theme, pdf)
        render_docx(document, theme, docx, result.page_of)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{'what':<60} {'median s':>9}  comparison")
        for name, seconds, note in rows:
            print(f"{name:<60} {seconds:9.3f}  {note}")
        print(f"\npeak Python heap during PDF + DOCX export: {peak / 1e6:.0f} MB; process max RSS: {rss:.0f} MB")
        print(f"PDF {pdf.stat().st_size / 1e6:.1f} MB, DOCX {docx.stat().st_size / 1e6:.1f} MB")
        sv.close()


if __name__ == "__main__":
    main()
