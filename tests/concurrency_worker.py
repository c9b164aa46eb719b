"""One editor's process in the concurrency tests (tests/test_concurrency.py starts several).

    python -m tests.concurrency_worker MODE URL GO_FILE ARGS…

Every process signals it is ready, waits for GO_FILE, then works flat out, so their writes
overlap; it prints one JSON document: what it did, what was accepted, what was refused.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from bulletin_app.domain.errors import ConflictError
from bulletin_app.services import Services


def _start(url: str, go: Path, author: str) -> Services:
    sv = Services.open(url, author=author)
    go.with_name(go.name + f".ready-{author}").touch()
    deadline = time.monotonic() + 120
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go signal")
        time.sleep(0.002)
    return sv


def imports(url: str, go: Path, me: str, folder: str, column: str) -> dict:
    sv = _start(url, go, me)
    report = sv.imports.import_paths([Path(folder)], column=column)
    return {
        "imported": [r.id for r in report.imported],
        "duplicates": [r.duplicate_of for r in report.duplicates],
        "errors": [f"{r.path}: {r.error}" for r in report.failed],
    }


def tags(url: str, go: Path, me: str, article_id: str, count: str) -> dict:
    """Distinct tags of this process, each added on its own, plus one tag every process adds."""
    sv = _start(url, go, me)
    added = []
    for n in range(int(count)):
        tag = f"{me}-nhãn-{n}"
        sv.articles.set_fields(int(article_id), add_tags=[tag, "Nhãn chung"])
        added.append(tag)
    return {"added": added}


def edits(url: str, go: Path, me: str, ids_csv: str, count: str) -> dict:
    """Interleaved edits of the same articles: versioned text saves (may be refused), a rename,
    tags added by one article and by several at once (merges, never refused)."""
    sv = _start(url, go, me)
    ids = [int(i) for i in ids_csv.split(",")]
    rng = random.Random(me)
    accepted: list[list] = []
    refused = 0
    longest = 0.0
    answered = 0  # operations accepted or refused with a conflict
    for n in range(int(count)):
        started = time.perf_counter()
        article_id = rng.choice(ids)
        kind = rng.choice(("body", "body", "title", "tag", "bulk-tag"))
        marker = f"{me}-{n}"
        if kind in ("body", "title"):
            article = sv.articles.get(article_id)
            value = f"Bản sửa {marker}.\n\nĐoạn hai của bài." if kind == "body" else f"Tiêu đề {marker}"
            try:
                sv.articles.update(article_id, article.version, **{kind: value})
            except ConflictError:
                refused += 1
                answered += 1
                continue
            accepted.append([kind, article_id, value])
        elif kind == "tag":
            sv.articles.set_fields(article_id, add_tags=[f"t-{marker}"])
            accepted.append(["tag", article_id, f"t-{marker}"])
        else:
            two = sorted(rng.sample(ids, 2))
            sv.articles.bulk_update(two, add_tags=[f"b-{marker}"])
            accepted += [["tag", i, f"b-{marker}"] for i in two]
        answered += 1
        longest = max(longest, time.perf_counter() - started)
    return {"accepted": accepted, "refused": refused, "answered": answered, "longest_s": round(longest, 3)}


def main(argv: list[str]) -> int:
    mode, url, go, me, *rest = argv
    result = {"imports": imports, "tags": tags, "edits": edits}[mode](url, Path(go), me, *rest)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
