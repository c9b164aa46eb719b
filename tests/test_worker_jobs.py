"""Work done in the worker process: errors and reports survive the trip back to the window."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.domain.errors import ImportFailedError, NotFoundError, ValidationError
from bulletin_app.services import Services, jobs


def test_errors_pickle_with_their_fields() -> None:
    for error in (
        ValidationError("Tiêu đề", "không được để trống"),
        ImportFailedError("tin-hỏng.txt", "tệp rỗng"),
        NotFoundError("Không có tin bài số 7."),
    ):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert back.message == error.message
        assert back.__dict__ == error.__dict__
    assert pickle.loads(pickle.dumps(ValidationError("Khổ giấy", "sai"))).field == "Khổ giấy"


def _import_in_worker(services, folder, cancelled: bool = False):  # type: ignore[no-untyped-def]
    """(report, progress queue) of importing ``folder`` in a spawned worker, as the window does."""
    context = get_context("spawn")
    progress, cancel = context.Queue(), context.Event()
    if cancelled:
        cancel.set()  # pressed before the worker got to the first file
    with ProcessPoolExecutor(1, mp_context=context, initializer=jobs.init_worker, initargs=(progress, cancel)) as pool:
        job = pool.submit(
            jobs.in_worker,
            services.db.location.url,
            "tester",
            services.db.origin,
            jobs.import_job,
            ([str(folder)], None),
        )
        return job.result(120), progress


def test_import_job_runs_in_a_spawned_worker(services, seeds) -> None:  # type: ignore[no-untyped-def]
    report, progress = _import_in_worker(services, seeds)
    assert len(report.imported) == 5
    assert services.articles.count() == 5  # written by the worker, read here
    # The worker saves as the window's own desk: the window applies the report once at the end,
    # and its change watch does not take the import for another editor's saves (nor reload the
    # library every second while it runs); another desk's save is still seen.
    watcher = services.db.watcher()
    try:
        assert not watcher.poll()
        other = Services.open(services.db.location.url, author="huy")
        try:
            other.articles.add(ArticleDraft("Tin của bàn khác", "Nội dung."))
        finally:
            other.close()
        seen = watcher.poll()
        assert len(seen.articles_added) == 1 and seen.authors == {"huy"}
    finally:
        watcher.close()
    steps = []
    while not progress.empty():
        steps.append(progress.get())
    assert steps[-1] == (5, 5, "")


def test_cancel_reaches_the_worker(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "tin"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02}.txt").write_text(f"Tin số {n}\nHợp tác số {n} với đối tác {n * 3}.", encoding="utf-8")
    report, _ = _import_in_worker(services, folder, cancelled=True)
    assert report.cancelled and report.imported == []
    assert services.articles.count() == 0
