"""Whole processes, side by side in one run: `bulletin search` against a bare `python3 -c`
that runs the same FTS5 query through the standard library's sqlite3 on the same file.

    python benchmarks/cold_start.py benchmarks/data/lib-10k.db --runs 15

Prints median, min and max wall time of each and the ratio of the medians (issue 12's target:
≤ 4×). Run ``python -X importtime -m bulletin_app --db FILE search …`` to see where the rest goes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    'print(c.execute("SELECT a.id, a.title FROM article_fts JOIN articles a ON a.id = article_fts.rowid '
    'WHERE article_fts MATCH \'\\"hop\\" \\"tac\\"\' ORDER BY a.id DESC LIMIT 20").fetchall())'
)


def wall(argv: list[str], runs: int) -> list[float]:
    subprocess.run(argv, capture_output=True, check=True)  # warm the page cache
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bulletin = [sys.executable, "-m", "bulletin_app", "--db", str(args.db), "search", "hop tac"]
    bare = wall(["python3", "-c", BARE, str(args.db)], args.runs)
    ours = wall(bulletin, args.runs)
    for name, times in (("python3 -c sqlite3 FTS5", bare), ("bulletin search", ours)):
        print(f"{name:<26} median {statistics.median(times):.3f} s  (min {min(times):.3f}, max {max(times):.3f})")
    print(f"ratio of the medians: {statistics.median(ours) / statistics.median(bare):.1f}×")


if __name__ == "__main__":
    main()
