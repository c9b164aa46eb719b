"""Exports as whole processes, side by side in one run (the 64-page benchmark issue of
``export_bench.py``): what an editor or a script waits for, start-up included.

    python benchmarks/export_processes.py [--runs 5]

* `bulletin export --pdf` against LibreOffice converting our DOCX to PDF
  (`soffice --headless --convert-to pdf`, its start included; a profile made once);
* `bulletin export --docx` against pandoc converting the same content from Markdown — with
  the layout of the unchanged issue already made (the preview's), and cold (no layout kept:
  the PDF is laid out first to learn the contents' page numbers).

Medians with min and max; the commands run in turns (one of each per round, after a warm-up of
each), so a drift in the machine's speed touches all alike.
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
from processes import compile_app, interleaved, line  # noqa: E402

from bulletin_app.services.document_builder import build_document  # noqa: E402

COLD = "bulletin export --docx (cold: PDF laid out first)"


def before_tree(rev: str, folder: Path) -> Path:
    """The app's source at ``rev``, checked out beside the benchmark's files and byte-compiled."""
    tree = folder / f"before-{rev}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "bulletin_app")], check=True,
                   capture_output=True)  # fmt: skip
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", metavar="REV", help="also run the app as it was at this commit (a git worktree)")
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
        cache = folder / "data" / "layout-cache"
        commands = {
            "bulletin export --pdf": [*bulletin, "--pdf", str(pdf), "--force"],
            "bulletin export --docx (layout of the unchanged issue kept)": [
                *bulletin, "--docx", str(folder / "d.docx"), "--force"],
            COLD: [*bulletin, "--docx", str(folder / "c.docx"), "--force"],
        }  # fmt: skip
        if args.before:
            old = before_tree(args.before, folder)
            start = f"import sys; sys.path.insert(0, {str(old)!r}); from bulletin_app.cli import main; sys.exit(main())"
            then = [sys.executable, "-c", start, *bulletin[3:]]
            commands[f"bulletin export --pdf (as at {args.before})"] = [*then, "--pdf", str(pdf), "--force"]
            commands[f"bulletin export --docx, layout kept (as at {args.before})"] = [
                *then, "--docx", str(folder / "d-old.docx"), "--force"]  # fmt: skip
        soffice, pandoc = shutil.which("soffice"), shutil.which("pandoc")
        if soffice:
            commands["soffice --convert-to pdf (our DOCX)"] = [
                soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                "--outdir", str(folder / "lo-out"), str(docx)]  # fmt: skip
        if pandoc:
            source, text_only = folder / "issue.md", folder / "issue-text.md"
            source.write_text(markdown, encoding="utf-8")
            text_only.write_text(re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown), encoding="utf-8")
            commands["pandoc Markdown → DOCX (same content: text and pictures)"] = [
                pandoc, str(source), "-o", str(folder / "pandoc.docx")]  # fmt: skip
            commands["pandoc Markdown → DOCX (the text alone, no pictures)"] = [
                pandoc, str(text_only), "-o", str(folder / "pandoc-text.docx")]  # fmt: skip
        times = interleaved(commands, args.runs, env, {COLD: lambda: shutil.rmtree(cache, ignore_errors=True)})
        med = {name: statistics.median(t) for name, t in times.items()}
        rows = [line(name, t, 60) for name, t in times.items()]
        versions = [("", "bulletin export --pdf", "bulletin export --docx (layout of the unchanged issue kept)")]
        if args.before:
            versions.append((
                f" as at {args.before}",
                f"bulletin export --pdf (as at {args.before})",
                f"bulletin export --docx, layout kept (as at {args.before})",
            ))  # fmt: skip
        for label, pdf_name, docx_name in versions:
            if soffice:
                ratio = med["soffice --convert-to pdf (our DOCX)"] / med[pdf_name]
                rows.append(f"  LibreOffice ÷ bulletin --pdf{label} = {ratio:.1f}× (target ≥ 4×)")
            if pandoc:
                for name in ("same content: text and pictures", "the text alone, no pictures"):
                    pd = med[f"pandoc Markdown → DOCX ({name})"]
                    cold = f", {med[COLD] / pd:.2f}× (cold)" if not label else ""
                    rows.append(
                        f"  bulletin --docx{label} ÷ pandoc ({name}) = {med[docx_name] / pd:.2f}× (layout kept)"
                        f"{cold} (target ≤ 1.5×)"
                    )
        print("\n".join(rows))
        if args.before:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False)


if __name__ == "__main__":
    main()
