"""Import benchmark: files/s for seed-like text files, DOCX files with two pictures and
web pages saved from a browser with one picture.

    python benchmarks/import_bench.py [--files 1000]

Each file is imported through ImportService (decode, structure, proofing, duplicate
check, pictures into the library, one transaction per file) into a fresh library.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.shared import Mm  # noqa: E402
from PIL import Image  # noqa: E402

from bulletin_app.services import Services  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def text_files(folder: Path, count: int) -> None:
    sources = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] or [
        (ROOT / "benchmarks" / "corpus_vi.txt").read_text(encoding="utf-8")
    ]
    for n in range(count):
        lines = sources[n % len(sources)].split("\n")
        # A distinct line inside the article: the same text twice would be skipped as a duplicate
        # (a line after "Tin bài liên quan" would be dropped with the rest of the page).
        lines.insert(min(6, len(lines)), f"Ghi chú biên tập số {n}.")
        (folder / f"tin-{n:04d}.txt").write_text("\n".join(lines), encoding="utf-8")


def photo(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.new("RGB", (1200, 800), tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def docx_files(folder: Path, count: int) -> None:
    corpus = (ROOT / "benchmarks" / "corpus_vi.txt").read_text(encoding="utf-8").splitlines()
    for n in range(count):
        doc = Document()
        doc.add_paragraph(f"Tin bài Word số {n}: {corpus[n % len(corpus)][:60]}", style="Title")
        for i in range(8):
            doc.add_paragraph(corpus[(n + i) % len(corpus)])
            if i in (2, 5):
                doc.add_paragraph().add_run().add_picture(io.BytesIO(photo(n * 10 + i)), width=Mm(80))
                doc.add_paragraph(f"Ảnh minh họa {i} của tin {n}", style="Caption")
        doc.save(str(folder / f"tin-{n:04d}.docx"))


PAGE = """<!DOCTYPE html>
<!-- saved from url=(0050)https://songoaivu.thainguyen.gov.vn/tin-tuc/{n}.html -->
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Sở Ngoại vụ tỉnh Thái Nguyên</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Sở Ngoại vụ tỉnh Thái Nguyên">
<meta property="article:published_time" content="2024-03-14T15:30:00+07:00">
<script>var dataLayer = []; gtag('config', 'G-XXXX');</script><style>body {{ font-family: Arial }}</style></head>
<body><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
<li><a href="/van-ban">Văn bản</a></li><li><a href="/lien-he">Liên hệ</a></li></ul>
<article><h1>{title}</h1><div class="date">15:30 | 14/03/2024</div><div class="sapo"><b>{sapo}</b></div>
<div class="content">{body}</div><p class="author"><b>Minh Hằng</b></p></article>
<div class="related"><h3>Tin bài liên quan</h3><ul>{related}</ul></div>
<div class="footer">Bản quyền thuộc Sở Ngoại vụ tỉnh Thái Nguyên. Phiên bản di động</div></body></html>"""


def html_files(folder: Path, count: int) -> None:
    corpus = (ROOT / "benchmarks" / "corpus_vi.txt").read_text(encoding="utf-8").splitlines()
    for n in range(count):
        paragraphs = [f"<p>{corpus[(n + i) % len(corpus)]}</p>" for i in range(8)]
        paragraphs.insert(
            3, f'<figure><img src="./trang-{n:04d}_files/anh.jpg"><figcaption>Ảnh minh họa {n}</figcaption></figure>'
        )
        related = "".join(f'<li><a href="/tin/{n}-{i}.html">{corpus[i][:70]}</a></li>' for i in range(6))
        page = PAGE.format(
            n=n,
            title=f"Tin bài trang web số {n}: {corpus[n % len(corpus)][:60]}",
            sapo=f"Tóm tắt tin số {n}. {corpus[(n + 3) % len(corpus)]}",
            body="".join(paragraphs),
            related=related,
        )
        (folder / f"trang-{n:04d}.html").write_text(page, encoding="utf-8")
        (folder / f"trang-{n:04d}_files").mkdir()
        (folder / f"trang-{n:04d}_files" / "anh.jpg").write_bytes(photo(n))


def timed_import(files: Path, db: Path) -> tuple[float, int, int]:
    sv = Services.open(str(db), author="benchmark")
    start = time.perf_counter()
    report = sv.imports.import_paths([files])
    seconds = time.perf_counter() - start
    sv.close()
    return seconds, len(report.imported), len(report.failed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows = []
        kinds = (
            ("text (seed-like web copies)", text_files),
            ("DOCX with two pictures", docx_files),
            ("HTML (saved page, one picture)", html_files),
        )
        for kind, make in kinds:
            folder = root / kind.split()[0]
            folder.mkdir()
            make(folder, args.files)
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
            seconds, ok, failed = timed_import(folder, root / f"{kind.split()[0]}.db")
            rows.append((kind, args.files, size, seconds, ok, failed))
        print(f"{'files':<30} {'count':>6} {'MB':>7} {'seconds':>8} {'files/s':>8} {'imported':>9} {'failed':>7}")
        for kind, count, size, seconds, ok, failed in rows:
            print(f"{kind:<30} {count:>6} {size:>7.1f} {seconds:>8.2f} {count / seconds:>8.1f} {ok:>9} {failed:>7}")


if __name__ == "__main__":
    main()
