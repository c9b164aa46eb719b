"""Importing files into the library: each file its own transaction."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bulletin_app.domain.article import ArticleDraft, language_findings, text_language
from bulletin_app.domain.body import body_to_plain, parse_body
from bulletin_app.domain.body_writer import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, blocks_to_body, bounded_tables
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError, ValidationError
from bulletin_app.domain.findings import Finding
from bulletin_app.errorlog import log_unexpected
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.registry import expand_paths, reader_for
from bulletin_app.services.assets import inspect_image
from bulletin_app.services.progress import CancelToken, Progress, ProgressCallback, no_progress
from bulletin_app.storage import articles_repo, assets_repo
from bulletin_app.storage.database import Database


def os_error_message(exc: OSError) -> str:
    """What the system refused, in words for the editor (the system's own text is English)."""
    if isinstance(exc, PermissionError):
        return "không có quyền đọc tệp hoặc thư mục này"
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp (đã bị xóa, đổi tên, hoặc là lối tắt hỏng)"
    if isinstance(exc, IsADirectoryError):
        return "là thư mục, không phải tệp"
    return f"không đọc được tệp ({exc.strerror or exc})"


@dataclass(frozen=True)
class ImportResult:
    path: str
    id: int | None = None
    title: str | None = None
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    duplicate_of: int | None = None

    def as_json(self) -> dict[str, object]:
        if self.error is not None:
            return {"path": self.path, "error": self.error}
        if self.duplicate_of is not None:
            return {
                "path": self.path,
                "duplicate_of": self.duplicate_of,
                "title": self.title,
                "message": f"đã có trong thư viện (tin bài số {self.duplicate_of}), bỏ qua",
            }
        return {"path": self.path, "id": self.id, "title": self.title, "findings": [f.as_dict() for f in self.findings]}


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    cancelled: bool = False

    @property
    def imported(self) -> list[ImportResult]:
        return [r for r in self.results if r.error is None and r.duplicate_of is None]

    @property
    def duplicates(self) -> list[ImportResult]:
        return [r for r in self.results if r.duplicate_of is not None]

    @property
    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.error is not None]


class ImportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def import_paths(
        self,
        paths: list[Path],
        column: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        report = ImportReport()
        files = []
        for p in paths:
            try:
                if not p.exists():
                    report.results.append(ImportResult(str(p), error="không tìm thấy tệp hoặc thư mục"))
                    continue
                if p.is_dir():
                    with os.scandir(p):  # an unreadable folder would otherwise just yield nothing
                        pass
            except OSError as exc:
                report.results.append(ImportResult(str(p), error=os_error_message(exc)))
                continue
            files.extend(expand_paths([p]))
        added: set[int] = set()
        for done, (path, _explicit) in enumerate(files):
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            progress(Progress(done, len(files), path.name))
            report.results.append(self._import_one(path, column, added))
        progress(Progress(len(files), len(files), ""))
        report.changes = Changes(articles_added=frozenset(added))
        return report

    @staticmethod
    def _store_images(s: object, draft: ArticleDraft, findings: list[Finding]) -> None:
        """Pictures that came with the file go into the library; the body points at them."""
        for placeholder, data, name in draft.images:
            try:
                mime, width, height = inspect_image(data, name)
            except ValidationError as exc:
                findings.append(Finding("image-unreadable", exc.message))
                draft.body = draft.body.replace(f"(asset:{placeholder})", "(asset:)")
                continue
            asset, _ = assets_repo.add_asset(s, data, name, mime, width, height)  # type: ignore[arg-type]
            draft.body = draft.body.replace(f"asset:{placeholder}", f"asset:{asset.ref}")
        draft.findings = findings
        draft.images = []

    def _import_one(self, path: Path, column: str | None, added: set[int]) -> ImportResult:
        try:
            parsed = reader_for(path)(path)
            draft = parsed.draft
            if column:
                draft.column = column
            blocks, flattened = bounded_tables(parse_body(draft.body))
            if flattened:
                draft.body = blocks_to_body(blocks)
                parsed.findings.append(
                    Finding(
                        "table-too-large",
                        f"{flattened} bảng quá lớn để in (hơn {MAX_TABLE_COLUMNS} cột hoặc {MAX_TABLE_CELLS} ô) "
                        "được chuyển thành đoạn văn, mỗi hàng một đoạn.",
                        count=flattened,
                    )
                )
            language, mixed = text_language(draft.title, draft.sapo, body_to_plain(draft.body))
            draft.language = language or draft.language
            parsed.findings += language_findings(language, mixed)
            with self._db.unit() as s:
                existing = articles_repo.find_duplicate(s, draft)
                if existing is not None:  # the same text is in the library already: skip it
                    return ImportResult(str(path), title=existing[1], duplicate_of=existing[0])
                near = articles_repo.near_duplicates(s, draft)
                for other_id, other_title, overlap in near:
                    if not draft.title and overlap > 0.99 and articles_repo.same_text(s, other_id, draft):
                        # the same file, imported before without a headline and titled since
                        return ImportResult(str(path), title=other_title, duplicate_of=other_id)
                for other_id, other_title, overlap in near:
                    parsed.findings.append(
                        Finding(
                            "near-duplicate",
                            f"Gần trùng {overlap:.0%} với tin bài số {other_id} “{other_title}”.",
                            found=str(other_id),
                            count=round(overlap * 100),
                        )
                    )
                self._store_images(s, draft, parsed.findings)
                article_id = articles_repo.add_article(s, draft)
        except ImportProblem as exc:
            return ImportResult(str(path), error=str(exc))
        except BulletinError as exc:
            return ImportResult(str(path), error=exc.message)
        except OSError as exc:
            return ImportResult(str(path), error=os_error_message(exc))
        except Exception as exc:  # a bug or a library failing on one file must not stop the batch
            where = log_unexpected(exc)
            detail = f" (chi tiết: {where})" if where else ""
            return ImportResult(str(path), error=f"lỗi không mong đợi khi đọc tệp: {type(exc).__name__}: {exc}{detail}")
        added.add(article_id)
        return ImportResult(str(path), article_id, draft.title, findings=tuple(parsed.findings))
