"""A synthetic library of N articles of realistic Vietnamese text (~3 KB each).

A bigram model trained on benchmarks/corpus_vi.txt (and ../shared/seeds when present)
writes the text, so word frequencies follow real Vietnamese news (common words such as
"hợp tác", "đầu tư", "ngoại giao" in most articles, place names rare). Real place names
come from tests/data/vi_names.txt. Deterministic for a given seed.

    python benchmarks/generate.py --count 10000 --db benchmarks/data/lib-10k.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language  # noqa: E402
from bulletin_app.domain.body import paragraphs_to_body  # noqa: E402
from bulletin_app.services import Services  # noqa: E402

COLUMNS = [
    "Sự kiện – Hoạt động",
    "Ngoại giao kinh tế",
    "Văn hóa đối ngoại",
    "Đối ngoại nhân dân",
    "Viện trợ phi chính phủ nước ngoài",
    "Lãnh sự – Bảo hộ công dân",
    "Người Việt Nam ở nước ngoài",
    "Thông tin – Tư liệu",
]
TAGS = [
    "KOICA",
    "JICA",
    "Hàn Quốc",
    "Nhật Bản",
    "Lào",
    "Thụy Điển",
    "Pháp",
    "Hoa Kỳ",
    "đầu tư",
    "giáo dục",
    "y tế",
    "văn hóa",
    "du lịch",
    "nông nghiệp",
    "xúc tiến thương mại",
    "kiều bào",
]
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def corpus_text() -> str:
    parts = [(HERE / "corpus_vi.txt").read_text(encoding="utf-8")]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        parts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seeds.glob("*.txt"))]
    return "\n".join(parts)


class Bigram:
    def __init__(self, text: str) -> None:
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            tokens = _TOKEN.findall(sentence)
            if len(tokens) < 6:
                continue
            self.starts.append(tokens[0])
            for a, b in zip(tokens, [*tokens[1:], "."], strict=True):
                self.next[a].append(b)

    def sentence(self, rng: random.Random, names: list[str], max_words: int = 40) -> str:
        word = rng.choice(self.starts)
        out = [word]
        while len(out) < max_words:
            if rng.random() < 0.02:
                out.extend(rng.choice(names).split())
            word = rng.choice(self.next.get(word) or ["."])
            if word in ".!?":
                break
            out.append(word)
        text = " ".join(out)
        text = re.sub(r" ([,;:)\]”])", r"\1", text)
        text = re.sub(r"([(\[“]) ", r"\1", text)
        return text[:1].upper() + text[1:] + "."


def make_drafts(count: int, seed: int = 7) -> list[ArticleDraft]:
    rng = random.Random(seed)
    model = Bigram(corpus_text())
    names = [
        n
        for n in (ROOT / "tests" / "data" / "vi_names.txt").read_text(encoding="utf-8").splitlines()
        if n and not n.startswith("#")
    ]
    drafts = []
    start = dt.datetime(2015, 1, 1)
    for _ in range(count):
        paragraphs: list[str] = []
        size = 0
        while size < 2900:
            para = " ".join(model.sentence(rng, names) for _ in range(rng.randint(2, 5)))
            paragraphs.append(para)
            size += len(para.encode("utf-8")) * 0 + len(para)
        title = model.sentence(rng, names, max_words=rng.randint(7, 14)).rstrip(".")
        drafts.append(
            ArticleDraft(
                title=title,
                sapo=model.sentence(rng, names, 30),
                body=paragraphs_to_body(paragraphs),
                byline=rng.choice(["Nhất Nam", "Thu Hà", "Minh Phương", "Hồng Nhung", ""]),
                published=start + dt.timedelta(days=rng.randint(0, 4300), hours=rng.randint(7, 18)),
                column=rng.choice(COLUMNS),
                tags=rng.sample(TAGS, rng.randint(0, 3)),
                language=Language.EN if rng.random() < 0.05 else Language.VI,
            )
        )
    return drafts


def build(db: Path, count: int, batch: int = 1000) -> dict[str, float]:
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    sv = Services.open(str(db), author="benchmark")
    t0 = time.perf_counter()
    drafts = make_drafts(count)
    t_gen = time.perf_counter() - t0
    rng = random.Random(11)
    statuses = list(ArticleStatus)
    t0 = time.perf_counter()
    for i in range(0, count, batch):
        sv.articles.add_many(drafts[i : i + batch], status=statuses[rng.randrange(len(statuses))])
    t_insert = time.perf_counter() - t0
    sv.library.optimize()
    sv.close()
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    text_bytes = sum(len(d.body.encode()) + len(d.title.encode()) + len(d.sapo.encode()) for d in drafts)
    return {
        "count": count,
        "generate_s": t_gen,
        "insert_s": t_insert,
        "per_second": count / t_insert,
        "db_mb": size / 1e6,
        "text_mb": text_bytes / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--db", type=Path, default=HERE / "data" / "lib.db")
    args = parser.parse_args()
    stats = build(args.db, args.count)
    print(", ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in stats.items()))


if __name__ == "__main__":
    main()
