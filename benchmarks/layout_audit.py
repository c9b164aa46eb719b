"""The print audit of issue 10, as figures: the demo issue and an issue of the five seeds, exported
with ``--booklet --bleed 3 --crop-marks`` through the real CLI (PDF and DOCX; the DOCX rendered
by LibreOffice), measured from the words' boxes (tests/pdf_layout.py).

    python benchmarks/layout_audit.py [--out DIR] [--png]

Prints per document: pages, the longest run of empty pages, the emptiest page (how far down its
text block the text reaches), the baseline alignment of two-column pages, the largest
column-bottom difference on pages filled to the foot, the widest word space on justified lines,
and (for LibreOffice's rendering of the DOCX) lines printed over other lines.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdf_layout import (  # noqa: E402
    TextArea,
    column_bottoms,
    empty_runs,
    fill,
    overlaps,
    read_pages,
    two_column_pages,
    widest_word_space,
)

SEEDS = ROOT / "tests" / "data" / "seeds"
SEED_TITLES = ("Sở Ngoại vụ đưa Thái Nguyên đến gần bạn bè quốc tế", "Vận dụng sáng tạo ngoại giao “cây tre Việt Nam”")
AREA = TextArea(top_mm=20, bottom_mm=20, inner_mm=20, outer_mm=15)  # the default theme's text block
BODY_SIZE = 10.5


def cli(*args: str, db: Path) -> object:
    done = subprocess.run(
        [sys.executable, "-m", "bulletin_app.cli", "--db", str(db), *args, "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if done.returncode:
        raise SystemExit(f"bulletin {' '.join(args)}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def seeds_issue(folder: Path) -> tuple[Path, str]:
    db = folder / "seeds.db"
    imported = cli("import", str(SEEDS), db=db)
    assert isinstance(imported, list)
    untitled = iter(SEED_TITLES)
    for record in imported:
        if not record["title"]:
            cli("article", "set", str(record["id"]), "--title", next(untitled), db=db)
        cli("proof", str(record["id"]), "--fix", db=db)  # as an editor does: captions without photos dropped
        cli("article", "set", str(record["id"]), "--status", "approved", "--column", "Ngoại giao kinh tế", db=db)
    issue = cli("issue", "create", "--number", "6", "--date", "2026-12-15", db=db)
    assert isinstance(issue, dict)
    cli("issue", "add", str(issue["id"]), *(str(r["id"]) for r in imported), db=db)
    return db, str(issue["id"])


def export(db: Path, issue: str, out: Path, name: str) -> tuple[Path, Path]:
    pdf, docx = out / f"{name}.pdf", out / f"{name}.docx"
    cli(
        "export", issue, "--pdf", str(pdf), "--docx", str(docx),
        "--booklet", "--bleed", "3", "--crop-marks", "--force", db=db,
    )  # fmt: skip
    return pdf, docx


def libreoffice(docx: Path, out: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lo-"))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out / "lo"), str(docx)],
        capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    return out / "lo" / f"{docx.stem}.pdf"


def figures(pdf: Path, area: TextArea) -> dict[str, object]:
    pages = read_pages(pdf)
    inner = pages[1:-1]  # not the front and back covers
    # text pages only: a notes page is meant to be empty but for its title
    fills = [(round(fill(p, area), 2), p.number) for p in inner if len(p.lines) > 5]
    columns = two_column_pages(pages, area)
    aligned = sum(c.aligned for c in columns)
    left = sum(len(c.left) for c in columns)
    bottoms = column_bottoms(pages, area)
    return {
        "pages": len(pages),
        "empty pages in a row": empty_runs(inner, area),
        "emptiest page (fill, page)": min(fills, default=None),
        "two-column pages": len(columns),
        "baseline alignment": f"{aligned}/{left} = {aligned / left:.0%}" if left else "–",
        "worst page alignment": min(
            (f"p.{c.page} {c.aligned}/{len(c.left)}" for c in columns), key=lambda s: s, default="–"
        ),
        "column-bottom difference max (pt)": round(max((d for _, d in bottoms), default=0.0), 1),
        "widest word space (× body size)": round(widest_word_space(inner, area, BODY_SIZE), 2),
        "overlapping lines": sum(len(overlaps(p)) for p in pages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--png", action="store_true", help="render every page to PNG (60 dpi) beside the files")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="layout-audit-"))
    out.mkdir(parents=True, exist_ok=True)
    demo = cli("demo", str(out / "demo"), db=out / "unused.db")
    assert isinstance(demo, dict)
    documents = {"demo": export(Path(demo["library"]), str(demo["issue_id"]), out, "demo")}
    documents["seeds"] = export(*seeds_issue(out), out, "seeds")
    for name, (pdf, docx) in documents.items():
        lo_pdf = libreoffice(docx, out)
        for label, path in ((f"{name} PDF", pdf), (f"{name} DOCX→LibreOffice", lo_pdf)):
            print(f"{label}: {path}")
            for key, value in figures(path, AREA).items():
                print(f"    {key:38} {value}")
            if args.png:
                subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(path.with_suffix(""))], check=True)


if __name__ == "__main__":
    main()
