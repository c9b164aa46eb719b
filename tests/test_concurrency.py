"""Several editors' processes on one library at once, on both backends: real processes writing
flat out at the same moment. Nothing accepted is lost, nothing refused goes untold, no import
makes a duplicate, and no get-or-create fails on a race."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.domain.body import body_to_plain
from tests.conftest import ROOT, SEEDS


def _run_together(mode: str, url: str, tmp: Path, jobs: list[list[str]]) -> list[dict]:
    go = tmp / f"go-{mode}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.concurrency_worker", mode, url, str(go), f"p{n}", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, args in enumerate(jobs)
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp.glob(f"go-{mode}.ready-*"))) < len(procs):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), [
            p.communicate() for p in procs if p.poll() is not None
        ]
        time.sleep(0.01)
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _thirty_files(folder: Path) -> Path:
    """30 different articles written from the seeds' paragraphs."""
    folder.mkdir()
    paragraphs = []
    for seed in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p.strip() for p in seed.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    for n in range(30):
        chosen = [paragraphs[(n * 7 + k) % len(paragraphs)] for k in range(4)]
        body = "\n\n".join(chosen)
        (folder / f"tin-{n:02d}.md").write_text(f"# Tin đối ngoại số {n + 1}\n\n{body}\n", encoding="utf-8")
    return folder


def test_two_imports_of_the_same_files_make_no_duplicates(any_services, library_url, tmp_path, figure) -> None:  # type: ignore[no-untyped-def]
    folder = _thirty_files(tmp_path / "tin")
    a, b = _run_together("imports", library_url, tmp_path, [[str(folder), "Hợp tác địa phương"]] * 2)
    figure(
        f"imports: {len(a['imported'])} + {len(b['imported'])} imported, "
        f"{len(a['duplicates'])} + {len(b['duplicates'])} reported as duplicates"
    )
    assert a["errors"] == [] and b["errors"] == []
    assert len(a["imported"]) + len(b["imported"]) == 30
    assert len(a["duplicates"]) + len(b["duplicates"]) == 30
    assert set(a["duplicates"] + b["duplicates"]) == set(a["imported"] + b["imported"])
    assert any_services.articles.count() == 30
    columns = [c for c in any_services.library.columns() if c.name == "Hợp tác địa phương"]
    assert len(columns) == 1 and columns[0].article_count == 30


def test_four_processes_adding_tags_to_one_article_lose_none(any_services, library_url, tmp_path, figure) -> None:  # type: ignore[no-untyped-def]
    article_id, _ = any_services.articles.add(ArticleDraft("Hội nghị hợp tác", "Nội dung.", tags=["Ban đầu"]))
    results = _run_together("tags", library_url, tmp_path, [[str(article_id), "25"]] * 4)
    expected = {"Ban đầu", "Nhãn chung"} | {t for r in results for t in r["added"]}
    final = set(any_services.articles.get(article_id).tags)
    figure(f"tags: {len(expected)} expected, {len(final)} present")
    assert final == expected and len(expected) == 102


def test_four_processes_editing_the_same_articles_lose_nothing(any_services, library_url, tmp_path, figure) -> None:  # type: ignore[no-untyped-def]
    ids = []
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        text = seed.read_text(encoding="utf-8")
        article_id, _ = any_services.articles.add(ArticleDraft(f"Bài {seed.stem}", text[:2000]))
        ids.append(article_id)
    results = _run_together("edits", library_url, tmp_path, [[",".join(map(str, ids)), "250"]] * 4)
    accepted = [a for r in results for a in r["accepted"]]
    refused = sum(r["refused"] for r in results)
    lost = []
    for kind, article_id, value in accepted:
        article = any_services.articles.get(article_id)
        if kind == "tag":
            if value not in article.tags:
                lost.append((kind, article_id, value))
            continue
        if getattr(article, kind) == value:
            continue
        if not any(rev.snapshot.get(kind) == value for rev in any_services.articles.revisions(article_id)):
            lost.append((kind, article_id, value))
    longest = max(r["longest_s"] for r in results)
    figure(
        f"edits: {len(accepted)} accepted, {refused} refused with a conflict, {len(lost)} lost; "
        f"longest edit {longest:.2f} s"
    )
    assert sum(r["answered"] for r in results) == 1000  # every edit was accepted or refused, none failed
    assert lost == []
    for article_id in ids:  # the index followed every saved text
        article = any_services.articles.get(article_id)
        assert article_id in [h.id for h in any_services.search.search(f'"{article.title}"', limit=200).hits]
        assert body_to_plain(article.body)


def test_only_the_editor_in_chief_approves_once_the_team_has_one(any_services) -> None:  # type: ignore[no-untyped-def]
    """A single desk approves as before; once a chief is recorded, the service refuses others —
    through every way of saving — and every revision says who saved it."""
    import pytest

    from bulletin_app.domain.article import ArticleStatus
    from bulletin_app.domain.errors import ValidationError
    from bulletin_app.services import Services

    sv = any_services  # author "tester"
    first, _ = sv.articles.add(ArticleDraft("Tin một", "Nội dung."))
    sv.articles.update(first, None, status=ArticleStatus.APPROVED)  # no roles: the desk approves
    sv.library.set_member("tester", "editor")
    sv.library.set_member("thu", "chief", "Trần Thu Hà")
    with pytest.raises(ValidationError, match="chỉ tổng biên tập sửa được"):
        sv.library.set_member("tester", "chief")  # nobody promotes themselves
    second, _ = sv.articles.add(ArticleDraft("Tin hai", "Nội dung khác."))
    for attempt in (
        lambda: sv.articles.update(second, None, status=ArticleStatus.APPROVED),
        lambda: sv.articles.set_fields(second, status="approved"),
        lambda: sv.articles.bulk_update([second], status="approved"),
        lambda: sv.articles.add(ArticleDraft("Tin ba", "Khác nữa."), ArticleStatus.APPROVED),
    ):
        with pytest.raises(ValidationError, match="chỉ tổng biên tập"):
            attempt()
    assert sv.articles.get(second).status == ArticleStatus.DRAFT
    chief = Services.open(sv.db.location.url, author="thu")
    try:
        chief.articles.update(second, None, status=ArticleStatus.APPROVED)
        assert chief.articles.get(second).status == ArticleStatus.APPROVED
        assert [r.author for r in chief.articles.revisions(second)] == ["thu"]
    finally:
        chief.close()


def test_a_move_decided_on_a_stale_view_of_the_issue_is_a_conflict(any_services) -> None:  # type: ignore[no-untyped-def]
    """Appending is a merge (two desks add articles: both land); a move or removal is decided on
    the positions the editor saw, so it is checked against the issue's version."""
    import datetime as dt

    import pytest

    from bulletin_app.domain.errors import ConflictError
    from bulletin_app.services import Services

    sv = any_services
    ids = [sv.articles.add(ArticleDraft(f"Tin {n}", f"Nội dung {n}."))[0] for n in range(4)]
    issue_id, _ = sv.issues.create(7, dt.date(2026, 12, 1))
    sv.issues.add_articles(issue_id, ids[:2], "Sự kiện – Hoạt động")
    seen = sv.issues.get(issue_id).version
    other = Services.open(sv.db.location.url, author="huy")
    try:
        other.issues.add_articles(issue_id, [ids[2]], "Sự kiện – Hoạt động")  # a merge, no version
        sv.issues.add_articles(issue_id, [ids[3]], "Sự kiện – Hoạt động")
        with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
            sv.issues.place_articles(issue_id, [ids[1]], "Sự kiện – Hoạt động", 0, seen)
        with pytest.raises(ConflictError):
            sv.issues.remove_articles(issue_id, [ids[0]], seen)
        current = sv.issues.get(issue_id)
        assert current.article_ids == ids  # nothing moved, nothing lost, both additions in
        sv.issues.place_articles(issue_id, [ids[1]], "Sự kiện – Hoạt động", 0, current.version)
        assert sv.issues.get(issue_id).article_ids[0] == ids[1]
    finally:
        other.close()
