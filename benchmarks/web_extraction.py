"""How well a web copy's article is found: our structural reader against jusText (the
boilerplate remover trafilatura ships, with its Vietnamese stop-list) and against the reader
before the structural rewrite, on the corpus of tests/data/web.

For each page, the article's expected paragraphs (sapo, paragraphs, headings, list items,
captions) are compared with what each method keeps: precision (kept lines that are the
article's) and recall (the article's lines that were kept), plus exact titles, dates and
bylines where the method gives them.

    python -m benchmarks.web_extraction [--before REV]

``--before REV`` loads ``bulletin_app/importers/web_text.py`` as it was at git revision REV
(default: the last commit before the structural reader) for the "before" column.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import justext

from bulletin_app.domain.body import Figure, Heading, ListBlock, Paragraph, Table, block_text, parse_body
from bulletin_app.importers.decoding import decode_vietnamese
from bulletin_app.importers.web_text import parse_web_text

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "tests" / "data" / "web"
BEFORE = "65b935f"


def _expected_lines(expected: dict[str, Any]) -> list[str]:
    return ([expected["sapo"]] if expected["sapo"] else []) + [text for _kind, text in expected["body"]]


def _draft_lines(draft: Any) -> list[str]:
    out = [draft.sapo] if draft.sapo else []
    for block in parse_body(draft.body):
        if isinstance(block, ListBlock):
            out += [block_text(Paragraph(i.runs)) for i in block.items]
        elif isinstance(block, Figure):
            out.append(block.caption)
        elif isinstance(block, Table):  # rows as the corpus writes them: cells joined by " | "
            for row in ([block.header] if block.header else []) + list(block.rows):
                out.append(" | ".join(block_text(Paragraph(cell)) for cell in row))
        elif isinstance(block, Paragraph | Heading):
            out.append(block_text(block))
    return out


def _justext_lines(text: str, english: bool) -> list[str]:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = f"<html><body>{paragraphs}</body></html>"
    stoplist = justext.get_stoplist("English" if english else "Vietnamese")
    return [p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate]


def _english(lines: list[str]) -> bool:
    text = " ".join(lines)
    return sum(c in "ăâđêôơưĂÂĐÊÔƠƯ" or "\u0300" <= c <= "\u036f" for c in text) < len(text) / 200


def _score(kept: list[str], expected: list[str]) -> tuple[int, int, int]:
    """(kept lines that are the article's, lines kept, the article's lines)."""
    wanted = {" ".join(e.split()) for e in expected}
    hits = sum(1 for k in kept if " ".join(k.split()) in wanted)
    return hits, len(kept), len(expected)


def _load_before(rev: str) -> Any:
    source = subprocess.run(
        ["git", "show", f"{rev}:bulletin_app/importers/web_text.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "web_text_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("web_text_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--corpus", type=Path, default=WEB, help="a folder of NN-slug.txt + .json pages")
    args = parser.parse_args()
    before = _load_before(args.before)
    totals: dict[str, list[int]] = {m: [0, 0, 0] for m in ("ours", "before", "justext")}
    fields: dict[str, list[int]] = {m: [0, 0, 0] for m in ("ours", "before")}  # titles, dates, bylines right
    print(f"{'page':34} {'ours P/R':>11} {'before P/R':>11} {'jusText P/R':>11}")
    pages = sorted(args.corpus.glob("*.txt"))
    for page in pages:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        text = decode_vietnamese(page.read_bytes()).text
        want = _expected_lines(expected)
        published = dt.datetime.fromisoformat(expected["published"]) if expected["published"] else None
        row = []
        for method in ("ours", "before", "justext"):
            if method == "justext":
                kept = _justext_lines(text, english=_english(want))
            else:
                draft = (parse_web_text(text) if method == "ours" else before.parse_web_text(text, page.stem)).draft
                kept = _draft_lines(draft)
                right = (
                    draft.title == expected["title"],
                    draft.published == published,
                    draft.byline == expected["byline"],
                )
                fields[method] = [a + int(b) for a, b in zip(fields[method], right, strict=True)]
            hits, n_kept, n_want = _score(kept, want)
            totals[method] = [a + b for a, b in zip(totals[method], (hits, n_kept, n_want), strict=True)]
            row.append(f"{hits / max(n_kept, 1):.2f}/{hits / max(n_want, 1):.2f}")
        print(f"{page.stem:34} {row[0]:>11} {row[1]:>11} {row[2]:>11}")
    print()
    for method, (hits, kept, want) in totals.items():
        line = (
            f"{method:8} precision {hits / kept:.3f}  recall {hits / want:.3f}  ({hits} of {kept} kept, {want} wanted)"
        )
        if method in fields:
            titles, dates, bylines = fields[method]
            line += f"  titles {titles}/{len(pages)}  dates {dates}/{len(pages)}  bylines {bylines}/{len(pages)}"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
