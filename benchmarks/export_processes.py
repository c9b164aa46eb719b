"""Exports as whole processes, side by side in one run (the 64-page benchmark issue of
``export_bench.py``): what an editor or a script waits for, start-up included.

    python benchmarks/export_processes.py [--runs 5]

* `bulletin export --pdf` against LibreOffice converting our DOCX to PDF
  (`soffice --headless --convert-to pdf`, its start included; a profile made once);
* `bulletin export --docx` against pandoc converting the same content from Markdown — with
  the layout of the unchanged issue already made (the preview's), and cold (no layout kept:
  the PDF is laid out first to learn the contents' page numbers).

Medians with min and max; each process gets the same warm page cache.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from export_bench import TARGET_PAGES, build_issue  # noqa: E402
from processes import compile_app, line, wall  # noqa: E402

from bulletin_app.services.document_builder import build_document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        compile_app()
        sv, issue_id = build_issue(folder, 4200)
        document, *_ = build_document(sv.db, issue_id)
        pictures = folder / "pictures"
        pictures.mkdir()

        def picture(match: re.Match[str]) -> str:  # the library's picture as a file pandoc can read
            asset = sv.assets.get(match.group(2))
            path = pictures / f"{asset.sha256[:16]}.jpg"
            if not path.exists():
                path.write_bytes(sv.assets.data(asset))
            return f"![{match.group(1)}]({path}"

        bodies = {a.article_id: sv.articles.get(a.article_id).body for s in document.sections for a in s.articles}
        markdown = "\n\n".join(
            f"# {s.title}\n\n"
            + "\n\n".join(
                f"## {a.title}\n\n{a.sapo}\n\n" + re.sub(r"!\[([^\]]*)\]\(asset:(\w+)", picture, bodies[a.article_id])
                for a in s.articles
            )
            for s in document.sections
        )
        sv.close()
        env = {**os.environ, "BULLETIN_DATA_DIR": str(folder / "data")}
        bulletin = [sys.executable, "-m", "bulletin_app", "--db", str(folder / "lib.db"), "export", str(issue_id)]
        pdf, docx = folder / "issue.pdf", folder / "issue.docx"
        subprocess.run([*bulletin, "--pdf", str(pdf), "--docx", str(docx), "--force"], check=True, env=env)
        print(f"issue: {len(document.articles())} articles (target {TARGET_PAGES} pages)\n")
        ours_pdf = wall([*bulletin, "--pdf", str(pdf), "--force"], args.runs, env)
        rows = [line("bulletin export --pdf", ours_pdf)]
        soffice = shutil.which("soffice")
        if soffice:
            lo = [soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                  "--outdir", str(folder / "lo-out"), str(docx)]  # fmt: skip
            office = wall(lo, args.runs, env)
            rows.append(line("soffice --convert-to pdf (our DOCX)", office))
            rows.append(f"  LibreOffice ÷ bulletin = {statistics.median(office) / statistics.median(ours_pdf):.1f}×")
        warm = wall([*bulletin, "--docx", str(folder / "d.docx"), "--force"], args.runs, env)
        cache = folder / "data" / "layout-cache"
        cold = wall([*bulletin, "--docx", str(folder / "d.docx"), "--force"], args.runs, env,
                    before=lambda: shutil.rmtree(cache, ignore_errors=True))  # fmt: skip
        rows.append(line("bulletin export --docx (layout of the unchanged issue kept)", warm))
        rows.append(line("bulletin export --docx (cold: PDF laid out first)", cold))
        pandoc = shutil.which("pandoc")
        if pandoc:
            source, text_only = folder / "issue.md", folder / "issue-text.md"
            source.write_text(markdown, encoding="utf-8")
            text_only.write_text(re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown), encoding="utf-8")
            same = wall([pandoc, str(source), "-o", str(folder / "pandoc.docx")], args.runs, env)
            text = wall([pandoc, str(text_only), "-o", str(folder / "pandoc-text.docx")], args.runs, env)
            rows.append(line("pandoc Markdown → DOCX (same content: text and pictures)", same))
            rows.append(line("pandoc Markdown → DOCX (the text alone, no pictures)", text))
            for name, pd in (("same content", same), ("pandoc given the text alone", text)):
                rows.append(
                    f"  bulletin ÷ pandoc ({name}) = {statistics.median(warm) / statistics.median(pd):.2f}× "
                    f"(layout kept), {statistics.median(cold) / statistics.median(pd):.2f}× (cold)"
                )
        print("\n".join(rows))


if __name__ == "__main__":
    main()
