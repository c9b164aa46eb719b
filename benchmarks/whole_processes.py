"""The reproducible-install issue's figures in one run: whole processes against their peers,
then the in-process export figures as before.

    python benchmarks/whole_processes.py [--library benchmarks/data/lib-10k.db] [--runs 7]

1. ``cold_start.py``: ``bulletin search`` ÷ a bare ``python3 -c`` running the FTS5 query through
   the standard library's sqlite3 (target ≤ 4×), when the benchmark library exists;
2. ``export_processes.py``: LibreOffice ÷ ``bulletin export --pdf`` (target ≥ 4×) and
   ``bulletin export --docx`` ÷ pandoc (target ≤ 1.5×);
3. ``export_bench.py``: the in-process export figures (ours ÷ bare reportlab, LibreOffice,
   pandoc, memory).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--library", type=Path, default=HERE / "data" / "lib-10k.db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    steps = []
    if args.library.exists():
        steps.append(("cold start of bulletin search", ["cold_start.py", str(args.library), "--runs", "15"]))
    else:
        print(f"(no {args.library}: `python benchmarks/generate.py --count 10000 --db {args.library}` makes it)")
    steps.append(("exports as whole processes", ["export_processes.py", "--runs", str(args.runs)]))
    steps.append(("exports in process", ["export_bench.py", "--runs", "3"]))
    for title, (script, *rest) in steps:
        print(f"\n== {title}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *rest], check=True)


if __name__ == "__main__":
    main()
