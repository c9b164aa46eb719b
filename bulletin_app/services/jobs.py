"""Long work as plain functions a runner can place in a worker process: import, check, export.

The window's process keeps its interpreter lock for the window: CPU-bound Python in a
thread of the same process made every repaint wait for the lock (stalls of 100–300 ms
measured during an import and an export). A worker process has its own interpreter; it
opens the same library (SQLite in WAL mode lets the window read while the worker writes),
reports progress through a queue and is cancelled through an event.

Every job has the signature ``job(services, *args, progress, cancel)`` and takes and
returns plain picklable data, so the same function runs in a thread (tests, fallback) or
in the worker process (``in_worker``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bulletin_app.domain.findings import Finding
from bulletin_app.paths import data_dir
from bulletin_app.services.container import Services
from bulletin_app.services.export import ExportReport, ExportSettings
from bulletin_app.services.imports import ImportReport
from bulletin_app.services.progress import Cancelled, CancelToken, Progress, ProgressCallback

Job = Callable[..., Any]


# ---------------------------------------------------------------- the jobs
def import_job(
    services: Services, paths: list[str], column: str | None, *, progress: ProgressCallback, cancel: CancelToken
) -> ImportReport:
    return services.imports.import_paths([Path(p) for p in paths], column, progress, cancel)


def check_job(
    services: Services, issue_id: int, settings: ExportSettings, *, progress: ProgressCallback, cancel: CancelToken
) -> ExportReport:
    return services.exports.check(issue_id, settings, cancel=cancel)


def export_job(
    services: Services,
    issue_id: int,
    pdf: str | None,
    docx: str | None,
    settings: ExportSettings,
    reference_docx: str | None,
    *,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> ExportReport:
    return services.exports.export(
        issue_id,
        Path(pdf) if pdf else None,
        Path(docx) if docx else None,
        settings,
        Path(reference_docx) if reference_docx else None,
        progress=progress,
        cancel=cancel,
    )


# ---------------------------------------------------------------- the preview
STALE_PREVIEW_SECONDS = 600.0  # a preview file older than this was left by a crash


@dataclass
class PreviewResult:
    issue_id: int
    data: bytes
    pages: int
    findings: list[Finding]
    seconds: float = 0.0


def preview_folder() -> Path:
    return data_dir() / "tmp"


def sweep_stale_previews(folder: Path, older_than: float = STALE_PREVIEW_SECONDS) -> int:
    """Delete preview files a crashed session left behind; returns how many."""
    removed = 0
    cutoff = time.time() - older_than
    for pattern in ("preview-*.pdf", ".preview-*.staged.pdf"):
        for path in folder.glob(pattern):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
    return removed


def render_preview(services: Services, issue_id: int, cancel: CancelToken | None = None) -> PreviewResult:
    """Lay the issue out as the export would (errors do not stop it) and read the PDF back.

    The temporary file lives only for the call: the GUI gets the bytes and the
    preflight findings pointing at what they are about.
    """
    started = time.perf_counter()
    folder = preview_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"preview-{os.getpid()}-{uuid.uuid4().hex[:10]}.pdf"
    try:
        report = services.exports.export(issue_id, pdf=path, settings=ExportSettings(force=True), cancel=cancel)
        data = path.read_bytes()
    finally:
        path.unlink(missing_ok=True)
    findings = services.issues.locate_findings(issue_id, report.findings)
    pages = report.pdf.pages if report.pdf else 0
    return PreviewResult(issue_id, data, pages, findings, time.perf_counter() - started)


def preview_job(
    services: Services, issue_id: int, sweep: bool, *, progress: ProgressCallback, cancel: CancelToken
) -> PreviewResult:
    """The composer's live preview: the issue laid out as exported, as PDF bytes."""
    if sweep and preview_folder().is_dir():
        sweep_stale_previews(preview_folder())
    return render_preview(services, issue_id, cancel)


# ---------------------------------------------------------------- worker-process side
_channel: dict[str, Any] = {}
_open: dict[tuple[str, str], Services] = {}


def init_worker(progress_queue: Any, cancel_event: Any) -> None:
    """Process-pool initializer: the queue and event are inherited when the worker starts."""
    _channel["queue"] = progress_queue
    _channel["cancel"] = cancel_event
    watch_parent()


def watch_parent() -> None:
    """End this worker when the window's process is gone (killed, crashed, the session ended):
    the pool's own pipes do not tell it, and an orphan would keep the library open for ever.
    The parent's sentinel (a pipe on Linux, the process handle on Windows) wakes a thread."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait() -> None:
        parent.join()  # returns when the parent ends
        os._exit(0)  # nothing to flush: a job the window cannot receive is abandoned whole

    threading.Thread(target=wait, name="watch-parent", daemon=True).start()


def warm_up() -> bool:
    """Import the heavy modules (exporters, importers) before the first real job needs them."""
    import bulletin_app.exporters.docx
    import bulletin_app.exporters.pdf
    import bulletin_app.importers.registry  # noqa: F401

    return True


class _EventToken(CancelToken):
    """A cancel token that also listens to the window's cancel event."""

    def __init__(self, event: Any) -> None:
        super().__init__()
        self._shared = event

    @property
    def cancelled(self) -> bool:
        return super().cancelled or bool(self._shared is not None and self._shared.is_set())

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise Cancelled()


def _report(progress: Progress) -> None:
    q = _channel.get("queue")
    if q is not None:
        with contextlib.suppress(queue.Full, OSError, ValueError):
            q.put_nowait((progress.done, progress.total, progress.label))


def in_worker(spec: str, author: str, origin: str, job: Job, args: tuple[Any, ...]) -> Any:
    """Run ``job`` in the worker process on the library at ``spec`` (opened once per worker) as
    part of the window's desk (``origin``): the window applies what the job changed when it ends,
    and its change watch does not reload the library every second while an import writes."""
    key = (spec, author, origin)
    if key not in _open:
        _open[key] = Services.open(spec, author, origin)
    return job(_open[key], *args, progress=_report, cancel=_EventToken(_channel.get("cancel")))
