"""What PDF/X-4 costs: the same 64-page issue (40 articles, 20 photos of 2400 × 1600 px) exported
as the print PDF (CMYK, photos converted through the output profile, the profile embedded) and
as the screen PDF (RGB, links), alternating, medians with min/max of N runs each.

    python benchmarks/print_profile.py [--runs 5]
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from export_bench import build_issue  # noqa: E402

from bulletin_app.services.export import ExportSettings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        services, issue_id = build_issue(folder, 6000)
        times: dict[str, list[float]] = {"print": [], "screen": []}
        sizes: dict[str, int] = {}
        pages = 0
        for _ in range(args.runs):
            for profile in ("screen", "print"):
                dest = folder / f"{profile}.pdf"
                started = time.perf_counter()
                report = services.exports.export_pdf(issue_id, dest, ExportSettings(profile=profile, force=True))
                times[profile].append(time.perf_counter() - started)
                assert report.pdf is not None
                pages, sizes[profile] = report.pdf.pages, dest.stat().st_size
        services.close()
    print(f"{pages} pages, {args.runs} runs each")
    for profile, values in times.items():
        print(
            f"{profile:6} median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}),"
            f" {sizes[profile] / 1e6:.1f} MB"
        )
    ratio = statistics.median(times["print"]) / statistics.median(times["screen"])
    print(f"print ÷ screen: {ratio:.2f}×")


if __name__ == "__main__":
    main()
