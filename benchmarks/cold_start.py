"""Whole processes, side by side in one run: `bulletin search` against a bare `python3 -c`
that runs the same FTS5 query through the standard library's sqlite3 on the same file.

    python benchmarks/cold_start.py benchmarks/data/lib-10k.db --runs 15

Prints median, min and max wall time of each and the ratio of the medians (issue 12's target:
≤ 4×), and the same search through the library's full opening (a ``sqlite:///`` URL: SQLAlchemy,
the schema check — what a server library costs). Run
``python -X importtime -m bulletin_app --db FILE search …`` to see where the rest goes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import compile_app, interleaved, line

BARE = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    'print(c.execute("SELECT a.id, a.title FROM article_fts JOIN articles a ON a.id = article_fts.rowid '
    'WHERE article_fts MATCH \'\\"hop\\" \\"tac\\"\' ORDER BY a.id DESC LIMIT 20").fetchall())'
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    compile_app()
    bulletin = [sys.executable, "-m", "bulletin_app", "--db", str(args.db), "search", "hop tac"]
    # The same library as a URL: opened the full way (SQLAlchemy, the schema check), as a server is.
    full = [sys.executable, "-m", "bulletin_app", "--db", f"sqlite:///{args.db.resolve()}", "search", "hop tac"]
    times = interleaved(
        {
            "python3 -c sqlite3 FTS5": ["python3", "-c", BARE, str(args.db)],
            "bulletin search": bulletin,
            "bulletin search, full opening": full,
        },
        args.runs,
    )
    bare = statistics.median(times["python3 -c sqlite3 FTS5"])
    for name, taken in times.items():
        print(line(name, taken, 30))
    print(f"bulletin search ÷ bare: {statistics.median(times['bulletin search']) / bare:.2f}× (target ≤ 4×)")
    full_ratio = statistics.median(times["bulletin search, full opening"]) / bare
    print(f"bulletin search, full opening ÷ bare: {full_ratio:.2f}× (what a server's library costs; reported)")


if __name__ == "__main__":
    main()
