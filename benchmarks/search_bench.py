"""Search benchmark: FTS5 (the app's search) against a LIKE scan, side by side.

    python benchmarks/search_bench.py benchmarks/data/lib-10k.db benchmarks/data/lib-100k.db

Every query runs end to end through ``SearchService.search`` (parse, filters, FTS5,
exact-accent and adjacency ranking, snippets from the original text; top 20). The LIKE
baseline looks for the same folded words in the same shadow text with LIKE and returns
every match: without an index, ranking the matches (or showing how many there are)
means reading every row.
Prints p50/p95 per query kind for each library and the FTS/LIKE ratio of the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bulletin_app.domain.query import parse_query  # noqa: E402
from bulletin_app.services import Services  # noqa: E402
from bulletin_app.storage.search.fts5 import Fts5Search  # noqa: E402

QUERIES: dict[str, list[str]] = {
    "two words": ["ngoai giao", "hop tac", "dau tu", "thai nguyen", "thuy dien", "han quoc"],
    "phrase": ['"ngoai giao kinh te"', '"hop tac huu nghi"', '"khu cong nghiep"', '"nha may thuy dien"'],
    "prefix": ["gyeong*", "hop*", "nhat*", "linko*"],
    "filtered": [
        "hop tac column:ngoai status:approved",
        "dau tu from:2023-01-01 to:2023-12-31",
        "giao duc lang:en",
        "tag:KOICA y te",
    ],
    "accents typed": ["thụy điển", "hòa bình", "đầu tư nước ngoài"],
}


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm the page cache and statement cache
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def like_query(sv: Services, raw: str) -> list[int]:
    query = parse_query(raw)
    with sv.db.unit() as s:
        return Fts5Search().like_search(s, query)


def bench(db: Path, runs: int) -> dict[str, tuple[list[float], list[float], int]]:
    sv = Services.open(str(db))
    with sv.db.unit() as s:
        count = s.execute(text("SELECT count(*) FROM articles")).scalar()
    print(f"\n{db.name}: {count:,} articles, {db.stat().st_size / 1e6:,.0f} MB", flush=True)
    results = {}
    for kind, queries in QUERIES.items():
        fts: list[float] = []
        like: list[float] = []
        hits = 0
        for q in queries:
            fts += timed(lambda q=q: sv.search.search(q, limit=20), runs)
            like += timed(lambda q=q: like_query(sv, q), max(2, runs // 5))
            hits += len(sv.search.search(q, limit=20).hits)
        results[kind] = (fts, like, hits)
    sv.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dbs", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query (LIKE: a fifth of it)")
    args = parser.parse_args()
    all_results = {db.name: bench(db, args.runs) for db in args.dbs}
    header = f"{'query kind':<16}" + "".join(
        f"| {name[:22]:<22} FTS p50 / p95 ms | LIKE p50 / p95 ms | LIKE÷FTS " for name in all_results
    )
    print("\n" + header)
    print("-" * len(header))
    for kind in QUERIES:
        row = f"{kind:<16}"
        for results in all_results.values():
            fts, like, _ = results[kind]
            f50, f95 = statistics.median(fts), percentile(fts, 95)
            l50, l95 = statistics.median(like), percentile(like, 95)
            row += f"| {'':<22} {f50:7.1f} / {f95:7.1f} | {l50:8.1f} / {l95:7.1f} | {l50 / f50:7.0f}× "
        print(row)


if __name__ == "__main__":
    main()
