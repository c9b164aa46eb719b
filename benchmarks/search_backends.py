"""Search on both backends, side by side: the same library on SQLite (FTS5) and on PostgreSQL
(tsvector + GIN), the same queries through ``SearchService.search``.

    python benchmarks/search_backends.py benchmarks/data/lib-10k.db \\
        postgresql+psycopg://postgres@127.0.0.1:5432/bench10k --load --runs 20

``--load`` fills the (empty) server library from the SQLite one the way an office would move:
``bulletin backup`` then ``bulletin restore`` (both timed). Prints p50/p95 per query kind on
each backend, and per query whether both find the same articles and put the same one first.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.search_bench import QUERIES, percentile, timed  # noqa: E402
from bulletin_app.services import Services  # noqa: E402


def load(source: Services, target: Services) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        archive = source.library.backup(Path(tmp) / "lib.zip")
        backed = time.perf_counter() - started
        started = time.perf_counter()
        report = target.library.restore(archive, force=True)
        restored = time.perf_counter() - started
        size = archive.stat().st_size / 1e6
    print(
        f"backup {backed:.1f} s ({size:,.0f} MB archive), restore into the server {restored:.1f} s "
        f"({report.counts['articles']:,} articles, counts and hashes verified)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sqlite", type=Path)
    parser.add_argument("server")
    parser.add_argument("--load", action="store_true", help="restore the SQLite library into the server first")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    lite, server = Services.open(str(args.sqlite)), Services.open(args.server)
    if args.load:
        load(lite, server)
    server.library.optimize()  # ANALYZE after the bulk load
    print(f"{lite.articles.count():,} articles on SQLite, {server.articles.count():,} on PostgreSQL\n")
    header = f"{'query kind':<14}| SQLite p50 / p95 ms | PostgreSQL p50 / p95 ms | same hits | same first"
    print(header)
    print("-" * len(header))
    disagreements = []
    for kind, queries in QUERIES.items():
        a: list[float] = []
        b: list[float] = []
        same_hits = same_top = 0
        for q in queries:
            a += timed(lambda q=q: lite.search.search(q, limit=20), args.runs)
            b += timed(lambda q=q: server.search.search(q, limit=20), args.runs)
            ha = lite.search.ids(q, limit=100_000)
            hb = server.search.ids(q, limit=100_000)
            same_hits += set(ha) == set(hb)
            same_top += ha[:1] == hb[:1]
            if set(ha) != set(hb) or ha[:1] != hb[:1]:
                disagreements.append((q, len(ha), len(hb), ha[:1], hb[:1]))
        print(
            f"{kind:<14}| {statistics.median(a):7.1f} / {percentile(a, 95):7.1f} "
            f"| {statistics.median(b):9.1f} / {percentile(b, 95):9.1f} "
            f"| {same_hits}/{len(queries):<7} | {same_top}/{len(queries)}"
        )
    for q, na, nb, ta, tb in disagreements:
        print(f"  {q!r}: SQLite {na} hits, first {ta}; PostgreSQL {nb} hits, first {tb}")


if __name__ == "__main__":
    main()
