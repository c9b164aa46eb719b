"""Export use cases: preflight, the print-ready PDF and the DOCX of an issue."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bulletin_app.atomic_file import clean_leftovers
from bulletin_app.domain.article import Article, TranslationState
from bulletin_app.domain.errors import ValidationError
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Edition, Issue
from bulletin_app.domain.publication import Publication
from bulletin_app.exporters.fonts import resolve_family
from bulletin_app.exporters.preflight import Finding, check_document, check_languages, check_layout, image_names
from bulletin_app.exporters.theme import PdfOptions, Theme, load_theme
from bulletin_app.paths import data_dir
from bulletin_app.resources import resource_path
from bulletin_app.services import layout_cache
from bulletin_app.services.document_builder import build_document
from bulletin_app.services.progress import CancelToken, Progress, ProgressCallback, no_progress
from bulletin_app.storage import records_read
from bulletin_app.storage.records_read import Reads
from bulletin_app.text import fold

if TYPE_CHECKING:
    from bulletin_app.exporters.docx import DocxResult
    from bulletin_app.exporters.pdf import PdfResult

# The renderers (reportlab, python-docx) are imported when an export runs, not when the
# window starts: together they are ~0.3 s of start-up the library screen does not need.

PAGE_SIZES_MM = {"19x27cm": (190.0, 270.0), "a4": (210.0, 297.0), "a5": (148.0, 210.0)}
_CUSTOM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm)\s*$", re.IGNORECASE)


def parse_page_size(value: str) -> tuple[float, float]:
    """ "19x27cm", "A4", "A5" or "WxHmm"/"WxHcm" → (width, height) in millimetres."""
    key = value.strip().lower().replace(" ", "")
    if key in PAGE_SIZES_MM:
        return PAGE_SIZES_MM[key]
    m = _CUSTOM.match(value)
    if not m:
        raise ValidationError("Khổ giấy", f"“{value}” không hợp lệ (19x27cm, A4, A5 hoặc RộngxCaomm)")
    factor = 10.0 if m.group(3).lower() == "cm" else 1.0
    width, height = (float(g.replace(",", ".")) * factor for g in m.group(1, 2))
    if not (50 <= width <= 1000 and 50 <= height <= 1000):
        raise ValidationError("Khổ giấy", f"“{value}” ngoài khoảng 5–100 cm")
    return width, height


@dataclass(frozen=True)
class ExportSettings:
    theme: str | None = None
    page_size: str | None = None
    booklet: bool = False
    bleed_mm: float = 0.0
    crop_marks: bool = False
    force: bool = False
    body_font: str | None = None  # None = the theme's own font
    heading_font: str | None = None
    edition: str | None = None  # vi | en | bilingual; None = the issue's own edition
    profile: str = "print"  # "print": PDF/X-4 in CMYK for the press; "screen": RGB with links
    output_profile: Path | None = None  # the print shop's .icc; None = the shipped FOGRA39 profile


@dataclass
class ExportReport:
    findings: list[Finding] = field(default_factory=list)
    pdf: PdfResult | None = None
    docx: DocxResult | None = None
    refused: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]


def theme_dirs() -> list[Path]:
    return [data_dir() / "themes", resource_path("themes")]


def available_themes() -> list[str]:
    names = {p.stem for d in theme_dirs() if d.is_dir() for p in d.glob("*.toml")}
    return sorted(names)


def resolve_theme(settings: ExportSettings) -> Theme:
    name = settings.theme or "default"
    for folder in theme_dirs():
        path = folder / f"{name}.toml"
        if path.is_file():
            theme = load_theme(path)
            break
    else:
        raise ValidationError("Giao diện", f"không có giao diện “{name}” (có: {', '.join(available_themes())})")
    if settings.page_size:
        theme = theme.with_page(*parse_page_size(settings.page_size))
    if settings.body_font:
        theme = replace(theme, body_font=settings.body_font)
    if settings.heading_font:
        theme = replace(theme, heading_font=settings.heading_font)
    return theme


def export_font_available(name: str) -> bool:
    """Whether the exporters can embed ``name`` (static .ttf faces from a font package or the system)."""
    try:
        resolve_family(name)
    except ValidationError:
        return False
    return True


def _page_hook(cancel: CancelToken | None, progress: ProgressCallback, done: int, total: int) -> Callable[[int], None]:
    def on_page(page: int) -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(Progress(done, total, f"Dàn trang PDF — trang {page}"))

    return on_page


class ExportService:
    def __init__(self, db: Reads) -> None:
        self._db = db

    @staticmethod
    @contextmanager
    def read_only(spec: str | None) -> Iterator[ExportService | None]:
        """Exports from the library at ``spec`` read through the standard library's sqlite3 alone
        (an export reads the library's records and writes none: a cold ``bulletin export`` without
        SQLAlchemy's import); None when the library must be opened the full way."""
        from bulletin_app.storage.sqlite_reader import SqliteReader

        with SqliteReader.reading(spec) as reader:
            yield None if reader is None else ExportService(reader)

    def _prepare(self, issue_id: int, settings: ExportSettings):  # type: ignore[no-untyped-def]
        if settings.bleed_mm < 0 or settings.bleed_mm > 10:
            raise ValidationError("Tràn lề", "phải từ 0 đến 10 mm")
        theme = resolve_theme(settings)
        if settings.edition is not None and settings.edition not in Edition.ALL:
            raise ValidationError("Ấn bản", f"“{settings.edition}” không hợp lệ (vi, en hoặc bilingual)")
        document, issue, pub, articles = build_document(
            self._db,
            issue_id,
            settings.edition,
            section_new_page=theme.section_new_page,
            part_on_right=theme.part_on_right,
        )
        empty = [s.name for s in issue.sections if not s.entries]
        findings = check_document(document, pub, theme, issue.date, empty)
        findings += self._language_findings(document.edition, issue, pub, articles)
        options = PdfOptions(
            settings.booklet, settings.bleed_mm, settings.crop_marks, settings.profile, settings.output_profile
        )
        return theme, document, pub, options, findings

    def _language_findings(
        self, edition: str, issue: Issue, pub: Publication, articles: list[Article]
    ) -> list[Finding]:
        by_id = {a.id: a for a in articles}
        placed = [by_id[i] for i in issue.article_ids if i in by_id]
        partners = {a.id: by_id[a.translation_id] for a in articles if a.translation_id in by_id}
        with self._db.read() as s:
            states = records_read.translation_states(s, [a.id for a in placed])
        outdated = {i for i, state in states.items() if state == TranslationState.OUTDATED}
        editorial = fold(EDITORIAL_SECTION_NAME)
        unnamed = [
            sec.name for sec in issue.sections if sec.entries and not sec.name_en and fold(sec.name) != editorial
        ]
        return check_languages(edition, placed, partners, outdated, pub, unnamed)

    def check(
        self,
        issue_id: int,
        settings: ExportSettings | None = None,
        scratch: Path | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportReport:
        """Every preflight finding, including those that need the layout (pages, image dpi)."""
        settings = settings or ExportSettings()
        theme, document, pub, options, findings = self._prepare(issue_id, settings)
        digest = layout_cache.key(document, theme, options)
        result: Any = layout_cache.load(digest)
        if result is None:  # not laid out since it last changed
            folder = scratch or data_dir() / "tmp"
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f"check-{issue_id}-{os.getpid()}.pdf"
            try:
                from bulletin_app.exporters.pdf import render_pdf

                result = render_pdf(document, theme, probe, options, _page_hook(cancel, no_progress, 0, 1))
                layout_cache.store(digest, result)
            finally:
                probe.unlink(missing_ok=True)
        findings += check_layout(result.pages, result.image_dpi, pub, settings.booklet, image_names(document))
        return ExportReport(findings)

    def export(
        self,
        issue_id: int,
        pdf: Path | None = None,
        docx: Path | None = None,
        settings: ExportSettings | None = None,
        reference_docx: Path | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> ExportReport:
        """Preflight, lay out, check the layout, then write the requested files — or refuse, writing nothing.

        The DOCX takes its contents' page numbers from the PDF layout of the same theme: a
        DOCX-only export reuses the last layout of the unchanged issue (``layout_cache``: the
        preview has usually made it) and lays the PDF out only when there is none. Both files are staged
        beside their targets and moved into place together at the end, so a cancellation
        (``Cancelled``, checked between steps and before every PDF page) or a failure
        leaves neither a partial nor a staged file behind.
        """
        if pdf is None and docx is None:
            raise ValidationError("Xuất", "cần chỉ ra tệp PDF và/hoặc DOCX")
        if reference_docx is not None and not reference_docx.is_file():
            raise ValidationError("Tệp DOCX mẫu", f"không có tệp {reference_docx}")

        def checkpoint(done: int, label: str) -> None:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(Progress(done, steps, label))

        settings = settings or ExportSettings()
        steps = 3 + (docx is not None)
        checkpoint(0, "Kiểm tra số bản tin")
        theme, document, pub, options, findings = self._prepare(issue_id, settings)
        report = ExportReport(findings)
        if report.errors and not settings.force:
            report.refused = True
            return report
        checkpoint(1, "Dàn trang PDF")
        target = (pdf or docx or Path("issue")).resolve()
        staged_pdf = target.with_name(f".{target.stem}.staged.pdf")
        staged_docx = docx.resolve().with_name(f".{docx.stem}.staged.docx") if docx is not None else None
        # An interrupted export's leftovers: this export's own names at once, others once stale.
        targets = [p.resolve() for p in (pdf, docx) if p is not None]
        for own in [staged_pdf, staged_docx] + [t.with_name(f".{t.name}.part") for t in targets]:
            if own is not None:
                own.unlink(missing_ok=True)
        for folder in {t.parent for t in targets}:
            clean_leftovers(folder)
        digest = layout_cache.key(document, theme, options)
        try:
            result: Any = layout_cache.load(digest) if pdf is None else None
            if result is None:
                from bulletin_app.exporters.pdf import render_pdf

                result = render_pdf(document, theme, staged_pdf, options, _page_hook(cancel, progress, 1, steps))
                layout_cache.store(digest, result)
            report.findings += check_layout(
                result.pages, result.image_dpi, pub, settings.booklet, image_names(document)
            )
            if report.errors and not settings.force:
                report.refused = True
                return report
            if docx is not None and staged_docx is not None:
                checkpoint(2, "Ghi DOCX")
                from bulletin_app.exporters.docx import render_docx

                report.docx = render_docx(document, theme, staged_docx, result.page_of, reference_docx)
            checkpoint(steps - 1, "Lưu tệp")
            # From here on nothing is cancellable: both files land, or (on an OS error) what
            # landed is the complete file it names.
            if docx is not None and staged_docx is not None and report.docx is not None:
                os.replace(staged_docx, docx.resolve())
                report.docx.path = docx.resolve()
            if pdf is not None:
                os.replace(staged_pdf, pdf.resolve())
                result.path = pdf.resolve()
                report.pdf = result
        finally:
            staged_pdf.unlink(missing_ok=True)
            if staged_docx is not None:
                staged_docx.unlink(missing_ok=True)
        progress(Progress(steps, steps, "Xong"))
        return report

    def export_pdf(self, issue_id: int, dest: Path, settings: ExportSettings | None = None) -> ExportReport:
        return self.export(issue_id, pdf=dest, settings=settings)
