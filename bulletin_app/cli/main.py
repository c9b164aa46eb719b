"""``bulletin`` — argparse command table; each command is ``implementation(services, args)``.

Output: human text by default, one JSON document on stdout with ``--json``.
Errors: one line on stderr and exit 1 (never a traceback); usage errors exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bulletin_app import __version__, argparse_vi
from bulletin_app.cli import records, serialize
from bulletin_app.domain.article import TRANSLATION_WORDS, ArticleStatus, Language
from bulletin_app.domain.errors import BulletinError
from bulletin_app.domain.issue import Edition
from bulletin_app.domain.query import mark_spans
from bulletin_app.domain.wording import padding_text
from bulletin_app.errorlog import log_unexpected
from bulletin_app.services.progress import Progress

if TYPE_CHECKING:  # the services are imported by the commands that use them (a search needs one)
    from bulletin_app.services import Services
    from bulletin_app.services.export import ExportReport, ExportService, ExportSettings
    from bulletin_app.services.imports import ImportResult
    from bulletin_app.services.search import SearchService

Result = tuple[Any, str]  # (JSON-ready data, human text)
ReadOnly = Callable[[argparse.Namespace], Result | None]  # a read's cheap way, None = open fully
STATUSES = [s.value for s in ArticleStatus]
LANGUAGES = [lang.value for lang in Language]
EDITIONS = list(Edition.ALL)


def cmd_init(sv: Services, args: argparse.Namespace) -> Result:
    info = sv.library.info()
    columns = sv.library.columns()
    data = {
        "location": info.location,
        "schema": info.schema,
        "articles": info.articles,
        "columns": [c.name for c in columns],
        "upgraded_backup": info.upgraded_backup,
    }
    text = (
        f"Thư viện: {info.location}\nLược đồ: {info.schema}\nSố tin bài: {info.articles}\n"
        f"Chuyên mục: {', '.join(c.name for c in columns)}"
    )
    return data, text


def _import_line(r: ImportResult) -> str:
    if r.error is not None:
        return f"  ✗ {r.path}: {r.error}"
    if r.duplicate_of is not None:
        return f"  = {r.path}: đã có trong thư viện (tin bài {r.duplicate_of}: {r.title}), bỏ qua"
    return f"  ✓ {r.id}: {r.title or '(chưa có tiêu đề — đặt bằng: bulletin article set ' + str(r.id) + ' --title …)'}"


def cmd_import(sv: Services, args: argparse.Namespace) -> Result:
    report = sv.imports.import_paths([Path(p) for p in args.paths], column=args.column)
    data = [r.as_json() for r in report.results]
    lines = [_import_line(r) for r in report.results]
    lines.append(f"Đã nhập {len(report.imported)} tệp, trùng {len(report.duplicates)}, lỗi {len(report.failed)} tệp.")
    if report.failed:
        raise _Partial(
            data,
            "\n".join(lines),
            f"{len(report.failed)} tệp không nhập được: " + "; ".join(f"{r.path}: {r.error}" for r in report.failed),
        )
    return data, "\n".join(lines)


def cmd_list(sv: Services, args: argparse.Namespace) -> Result:
    translation = TRANSLATION_WORDS[args.translated] if args.translated else None
    items = sv.articles.list(
        column=args.column, status=args.status, language=args.language, limit=args.limit, translation=translation
    )
    data = [serialize.summary_json(a) for a in items]
    lines = [f"{a.id:>6}  {a.status.label_vi:<14} {(a.column or '—')[:24]:<24}  {a.title}" for a in items]
    return data, "\n".join(lines) or "Không có tin bài nào."


def cmd_search(sv: Services, args: argparse.Namespace) -> Result:
    return _search(sv.search, args)


def read_only_search(args: argparse.Namespace) -> Result | None:
    """The search on a current SQLite library, read without opening it the full way (a cold
    start without SQLAlchemy); None when it must be (``cmd_search`` then runs)."""
    from bulletin_app.services.search import SearchService

    with SearchService.read_only(getattr(args, "db", None)) as search:
        return None if search is None else _search(search, args)


def _search(search: SearchService, args: argparse.Namespace) -> Result:
    result = search.search(args.query, limit=args.limit)
    data = [serialize.hit_json(h) for h in result.hits]
    lines = [f"Lưu ý: {w}" for w in result.warnings]
    for h in result.hits:
        lines.append(f"{h.id:>6}  {h.title}")
        lines.append(f"        {mark_spans(h.snippet, h.highlights)}")
    if not result.hits:
        lines.append("Không tìm thấy tin bài nào.")
    return data, "\n".join(lines)


def cmd_show(sv: Services, args: argparse.Namespace) -> Result:
    a = sv.articles.get(args.article_id)
    data = serialize.article_json(a)
    meta = [
        f"Mã: {a.id}   Trạng thái: {a.status.label_vi}   Ngôn ngữ: {a.language.value}   "
        f"Phiên bản: {a.version}   Số từ: {a.word_count}"
    ]
    partner = sv.articles.partner(a.id)
    state = sv.articles.translation_state(a.id)
    data["translation_state"] = state.value if state else None
    if partner is not None:
        role = "Bản dịch tiếng Anh" if a.language == Language.VI else "Bản gốc tiếng Việt"
        meta.append(f"{role}: {partner.id} — {partner.title}")
    if state is not None:
        meta.append(f"Dịch: {state.label_vi}")
    if a.column:
        meta.append(f"Chuyên mục: {a.column}")
    if a.published:
        meta.append(
            f"Ngày đăng: {a.published:%d/%m/%Y %H:%M}" if a.published_has_time else f"Ngày đăng: {a.published:%d/%m/%Y}"
        )
    if a.byline:
        meta.append(f"Tác giả: {a.byline}")
    if a.source_name or a.source_url:
        meta.append(f"Nguồn: {a.source_name} {a.source_url}".rstrip())
    parts = [a.title.upper(), "\n".join(meta)]
    if a.sapo:
        parts.append(a.sapo)
    parts.append(a.body)
    if a.findings:
        parts.append("Cần xem:\n" + "\n".join(f"  ! {f.message}" for f in a.findings))
    return data, "\n\n".join(parts)


def cmd_proof(sv: Services, args: argparse.Namespace) -> Result:
    report = sv.articles.proof(args.article_id, fix=args.fix)
    data = {
        "id": report.article.id,
        "version": report.article.version,
        "fixed": report.fixed,
        "findings": [f.as_dict() for f in report.findings],
    }
    lines = (
        [f"Đã sửa: {', '.join(report.fixed)} (lưu thành phiên bản {report.article.version})"] if report.fixed else []
    )
    lines += [f"  ! {f.message}" for f in report.findings] or ["Không còn gì cần xem."]
    return data, "\n".join(lines)


def cmd_article_set(sv: Services, args: argparse.Namespace) -> Result:
    changes: dict[str, Any] = {}
    for name in ("title", "status", "column", "language"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.no_translation:
        changes["translation_id"] = None
    elif args.translation_of is not None:
        changes["translation_id"] = args.translation_of
    if not changes and not args.add_tag and not args.remove_tag:
        raise BulletinError("Không có gì để sửa: hãy cho ít nhất một tùy chọn (--title, --status, …).")
    article, _ = sv.articles.set_fields(
        args.article_id, args.expect_version, add_tags=args.add_tag, remove_tags=args.remove_tag, **changes
    )
    text = f"Đã lưu tin bài {article.id} (phiên bản {article.version})."
    if article.translation_id:
        text += f" Cặp dịch: {article.id} ↔ {article.translation_id}."
    return serialize.article_json(article), text


def cmd_translation_export(sv: Services, args: argparse.Namespace) -> Result:
    if (args.issue_id is None) == (not args.articles):
        raise BulletinError("Cần chỉ ra một số bản tin (ISSUE_ID) hoặc --articles ID…, không cả hai.")
    ids = args.articles or sv.translations.originals_of_issue(args.issue_id)
    written = sv.translations.export_package(ids, Path(args.out))
    data = {"path": str(written.path), "articles": written.articles, "units": written.units}
    return data, f"Gói dịch: {written.path} ({written.articles} tin bài, {written.units} đoạn cần dịch)"


_OUTCOME_WORDS = {"created": "tạo mới", "updated": "cập nhật", "untouched": "không đổi", "problem": "có vấn đề"}


def cmd_translation_import(sv: Services, args: argparse.Namespace) -> Result:
    report = sv.translations.import_package(Path(args.file), progress=_stderr_progress)
    lines = [f"  ! {p}" for p in report.problems]
    for a in report.articles:
        partner = f" → bản tiếng Anh {a.translation_id}" if a.translation_id else ""
        lines.append(f"  {a.original_id}: {_OUTCOME_WORDS[a.outcome]}{partner} — {a.title}")
        if a.untranslated:
            lines.append(f"      chưa dịch {len(a.untranslated)} đoạn: {', '.join(a.untranslated[:8])}")
        lines += [f"      ! {p}" for p in a.problems]
    lines.append(
        f"Tạo mới {report.count('created')}, cập nhật {report.count('updated')}, "
        f"không đổi {report.count('untouched')}, có vấn đề {report.count('problem')}."
    )
    if report.count("problem") and not report.count("created") + report.count("updated"):
        raise _Partial(report.as_json(), "\n".join(lines), "không nhập được bản dịch nào")
    return report.as_json(), "\n".join(lines)


def cmd_issue_create(sv: Services, args: argparse.Namespace) -> Result:
    issue_id, _ = sv.issues.create(
        args.number, args.date, args.title or "", args.period or "", edition=args.edition, arrangement=args.arrangement
    )
    issue = sv.issues.get(issue_id)
    return serialize.issue_json(issue), f"Đã tạo số {issue.number} (mã {issue.id})."


def cmd_issue_add(sv: Services, args: argparse.Namespace) -> Result:
    added, _ = sv.issues.add_articles(args.issue_id, args.article_ids, args.section)
    skipped = [i for i in args.article_ids if i not in added]
    text = f"Đã thêm {len(added)} tin bài vào số bản tin {args.issue_id}."
    if skipped:
        text += f" Đã có sẵn: {', '.join(map(str, skipped))}."
    return {"issue_id": args.issue_id, "added": added, "already_present": skipped}, text


def cmd_issue_show(sv: Services, args: argparse.Namespace) -> Result:
    issue = sv.issues.get(args.issue_id)
    lines = [f"Số {issue.number} — {issue.date:%d/%m/%Y} — {issue.title or '(chưa đặt tên)'}"]
    for sec in issue.sections:
        lines.append(f"  {sec.name}")
        lines.extend(f"    {e.position + 1}. [{e.article_id}] {e.title}" for e in sec.entries)
    return serialize.issue_json(issue), "\n".join(lines)


def cmd_issue_list(sv: Services, args: argparse.Namespace) -> Result:
    issues = sv.issues.list()
    lines = [f"{i.id:>4}  Số {i.number:<4} {i.date:%d/%m/%Y}  {i.article_count:>3} bài  {i.title}" for i in issues]
    return [serialize.issue_summary_json(i) for i in issues], "\n".join(lines) or "Chưa có số bản tin nào."


def cmd_backup(sv: Services, args: argparse.Namespace) -> Result:
    dest = sv.library.backup(Path(args.dest) if args.dest else None)
    return {"backup": str(dest), "bytes": dest.stat().st_size}, f"Đã sao lưu vào {dest}"


def cmd_restore(sv: Services, args: argparse.Namespace) -> Result:
    report = sv.library.restore(Path(args.archive), force=args.force)
    counts = report.counts
    lines = [
        f"Đã khôi phục {args.archive} vào {sv.db.location.display}: {counts['articles']} tin bài, "
        f"{counts['issues']} số bản tin, {counts['assets']} ảnh, {counts['revisions']} bản lưu "
        f"(đã kiểm tra số dòng, mã băm nội dung và ảnh)."
    ]
    if report.replaced_backup:
        lines.append(f"Nội dung cũ của thư viện đã được sao lưu vào {report.replaced_backup}")
    data = {
        "archive": report.archive,
        "library": sv.db.location.display,
        "schema": report.schema,
        "source": report.source,
        "counts": counts,
        "replaced_backup": report.replaced_backup,
    }
    return data, "\n".join(lines)


def _export_settings(args: argparse.Namespace) -> ExportSettings:
    from bulletin_app.services.export import ExportSettings

    return ExportSettings(
        theme=args.theme,
        page_size=args.page_size,
        booklet=args.booklet,
        bleed_mm=args.bleed,
        crop_marks=args.crop_marks,
        force=getattr(args, "force", False),
        edition=args.edition,
        profile=args.profile,
        output_profile=args.output_profile,
    )


def _findings_json(report: ExportReport) -> dict[str, Any]:
    return {
        "errors": [{"code": f.kind, "message": f.message} for f in report.errors],
        "warnings": [{"code": f.kind, "message": f.message} for f in report.warnings],
    }


def _findings_text(report: ExportReport) -> list[str]:
    return [f"  ✗ {f.message}" for f in report.errors] + [f"  ! {f.message}" for f in report.warnings]


def _read_only_exports(call: Callable[[ExportService, argparse.Namespace], Result]) -> ReadOnly:
    """``call`` on a current SQLite library read through the standard library's sqlite3 (an
    export reads the issue and writes its own files, no record of the library: no SQLAlchemy to
    import); None when the library must be opened the full way."""

    def read_only(args: argparse.Namespace) -> Result | None:
        from bulletin_app.services.export import ExportService

        with ExportService.read_only(getattr(args, "db", None)) as exports:
            if exports is None:
                return None
            _opened()
            return call(exports, args)

    return read_only


def cmd_check(sv: Services, args: argparse.Namespace) -> Result:
    return _check(sv.exports, args)


def _check(exports: ExportService, args: argparse.Namespace) -> Result:
    report = exports.check(args.issue_id, _export_settings(args))
    data = _findings_json(report)
    lines = _findings_text(report) or ["Không có lỗi nào."]
    if report.errors:
        raise _Partial(data, "\n".join(lines), f"{len(report.errors)} lỗi phải sửa trước khi xuất bản.")
    return data, "\n".join(lines)


def _stderr_progress(step: Progress) -> None:
    """Progress of long work on stderr, for a person at a terminal (never mixed into pipes)."""
    if sys.stderr.isatty():
        end = "\n" if step.done >= step.total else ""
        sys.stderr.write(f"\r[{step.done}/{step.total}] {step.label}…\033[K{end}")
        sys.stderr.flush()


def cmd_export(sv: Services, args: argparse.Namespace) -> Result:
    return _export(sv.exports, args)


def _export(exports: ExportService, args: argparse.Namespace) -> Result:
    if not args.pdf and not args.docx:
        raise BulletinError("Cần chỉ ra tệp đích: --pdf FILE và/hoặc --docx FILE.")
    report = exports.export(
        args.issue_id,
        pdf=Path(args.pdf) if args.pdf else None,
        docx=Path(args.docx) if args.docx else None,
        settings=_export_settings(args),
        reference_docx=Path(args.reference_docx) if args.reference_docx else None,
        progress=_stderr_progress,
    )
    data: dict[str, Any] = _findings_json(report)
    lines = _findings_text(report)
    if report.refused:
        raise _Partial(
            data,
            "\n".join(lines),
            f"không xuất: {len(report.errors)} lỗi kiểm tra (sửa lỗi, hoặc dùng --force để vẫn xuất).",
        )
    if report.pdf is not None:
        pdf = report.pdf
        added = {str(page): kind for page, kind in sorted(pdf.added_pages.items())}
        data["pdf"] = {
            "path": str(pdf.path),
            "pages": pdf.pages,
            "seconds": round(pdf.seconds, 3),
            "added_pages": added,
        }
        lines.append(f"PDF: {pdf.path} ({pdf.pages} trang, {pdf.seconds:.2f} giây)")
        if added:
            lines.append(f"  Thêm để đủ bội số của 4: {padding_text(pdf.added_pages)}")
    if report.docx is not None:
        data["docx"] = {"path": str(report.docx.path), "seconds": round(report.docx.seconds, 3)}
        lines.append(f"DOCX: {report.docx.path} ({report.docx.seconds:.2f} giây)")
    return data, "\n".join(lines)


def cmd_demo(args: argparse.Namespace) -> Result:
    """A sample library and issue in DIR, exported to PDF and DOCX, Vietnamese and bilingual
    (no --db: DIR holds its own)."""
    from bulletin_app.services import Services
    from bulletin_app.services.export import ExportSettings
    from bulletin_app.services.sample import create_sample

    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "thu-vien-mau.db"
    if db.exists():
        raise BulletinError(f"{db} đã có: hãy chọn thư mục khác hoặc xóa tệp này.")
    services = Services.open(str(db))
    try:
        issue_id, _ = create_sample(services)
        reports = {
            edition: services.exports.export(
                issue_id,
                pdf=folder / f"ban-tin-mau{suffix}.pdf",
                docx=folder / f"ban-tin-mau{suffix}.docx",
                settings=ExportSettings(booklet=True, edition=edition),
            )
            for edition, suffix in (("vi", ""), ("bilingual", "-song-ngu"))
        }
    finally:
        services.close()
    data: dict[str, Any] = {"library": str(db), "issue_id": issue_id}
    lines = [f"Thư viện mẫu: {db}"]
    for edition, report in reports.items():
        if report.refused or report.pdf is None or report.docx is None:
            raise BulletinError("Số mẫu không qua kiểm tra: " + "; ".join(f.message for f in report.errors))
        key = "" if edition == "vi" else "bilingual_"
        data[f"{key}pdf"] = {
            "path": str(report.pdf.path),
            "pages": report.pdf.pages,
            "seconds": round(report.pdf.seconds, 3),
        }
        data[f"{key}docx"] = {"path": str(report.docx.path), "seconds": round(report.docx.seconds, 3)}
        data[f"{key}warnings"] = [f.message for f in report.warnings]
        lines.append(
            f"PDF ({edition}): {report.pdf.path} ({report.pdf.pages} trang)\nDOCX ({edition}): {report.docx.path}"
        )
    return data, "\n".join(lines)


class _Partial(Exception):
    def __init__(self, data: Any, text: str, error: str) -> None:
        super().__init__(error)
        self.data, self.text, self.error = data, text, error


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ “{value}” (cần YYYY-MM-DD)") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” không phải số nguyên") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"“{value}” phải lớn hơn 0")
    return number


def build_parser() -> argparse.ArgumentParser:
    argparse_vi.install()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH_OR_URL",
        help="tệp thư viện hoặc URL SQLAlchemy (mặc định: $BULLETIN_DB hoặc thư mục dữ liệu)",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="in một tài liệu JSON ra stdout")
    parser = argparse.ArgumentParser(
        prog="bulletin", parents=[common], description="Thư viện và số Bản tin đối ngoại Thái Nguyên."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    def add(
        name: str,
        func: Callable[[Services, argparse.Namespace], Result],
        help_: str,
        into: Any = sub,
        extra: tuple[argparse.ArgumentParser, ...] = (),
    ) -> argparse.ArgumentParser:
        p = into.add_parser(name, parents=[common, *extra], help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    add("init", cmd_init, "tạo (hoặc nâng cấp) thư viện và in thông tin")
    p = add("import", cmd_import, "nhập tệp hoặc thư mục tin bài")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--column", metavar="NAME", help="đưa tin bài vào chuyên mục này")
    p = add("list", cmd_list, "liệt kê tin bài")
    p.add_argument("--column", metavar="NAME")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--language", choices=LANGUAGES)
    p.add_argument(
        "--translated",
        choices=["no", "partial", "yes", "outdated"],
        help="tin tiếng Việt theo tình trạng bản dịch (no = cần dịch)",
    )
    p.add_argument("--limit", type=_positive, metavar="N")
    p = add("search", cmd_search, "tìm tin bài (không dấu cũng được)")
    p.set_defaults(read_only=read_only_search)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=20, metavar="N")
    p = add("show", cmd_show, "xem một tin bài")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p = add("proof", cmd_proof, "soát lỗi một tin bài (chữ hoa/thường, kiểu dấu, khoảng trắng, bảng mã)")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--fix", action="store_true", help="sửa các lỗi an toàn và lưu thành phiên bản mới")
    article = sub.add_parser("article", parents=[common], help="sửa tin bài")
    article_sub = article.add_subparsers(dest="article_command", required=True, metavar="LỆNH")
    p = add("set", cmd_article_set, "sửa trường của một tin bài (lưu có phiên bản như trình soạn)", article_sub)
    p.add_argument("article_id", type=int, metavar="ID")
    p.add_argument("--title", metavar="T")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--column", metavar="NAME", help='chuyên mục ("" để bỏ)')
    p.add_argument("--language", choices=LANGUAGES)
    link = p.add_mutually_exclusive_group()
    link.add_argument("--translation-of", type=int, metavar="ID", help="nối thành cặp dịch với tin bài ID (hai chiều)")
    link.add_argument("--no-translation", action="store_true", help="gỡ cặp dịch (cả hai phía)")
    p.add_argument("--add-tag", action="append", default=[], metavar="T")
    p.add_argument("--remove-tag", action="append", default=[], metavar="T")
    p.add_argument(
        "--expect-version", type=int, metavar="N", help="chỉ lưu nếu tin bài vẫn ở phiên bản N (không ghi đè)"
    )
    translation = sub.add_parser("translation", parents=[common], help="gói dịch cho người dịch (DOCX, XLIFF)")
    translation_sub = translation.add_subparsers(dest="translation_command", required=True, metavar="LỆNH")
    p = add("export", cmd_translation_export, "xuất gói dịch Việt → Anh (bảng DOCX hoặc XLIFF 1.2)", translation_sub)
    p.add_argument("issue_id", type=int, nargs="?", metavar="ISSUE_ID", help="các tin tiếng Việt của số bản tin")
    p.add_argument("--articles", type=int, nargs="+", metavar="ID", help="hoặc các tin bài này")
    p.add_argument("--out", required=True, metavar="FILE", help="tệp .docx hoặc .xlf")
    p = add("import", cmd_translation_import, "nhập gói dịch đã điền: tạo/cập nhật bản tiếng Anh", translation_sub)
    p.add_argument("file", metavar="FILE")
    p = add(
        "backup",
        cmd_backup,
        "sao lưu toàn bộ thư viện thành một tệp: .zip khôi phục được vào SQLite hoặc PostgreSQL "
        "(mặc định), hoặc .db — bản sao tệp SQLite",
    )
    p.add_argument("dest", nargs="?", metavar="DEST", help="tệp hoặc thư mục (mặc định: thư mục sao lưu)")
    p = add(
        "restore",
        cmd_restore,
        "khôi phục một bản sao lưu .zip vào thư viện --db (SQLite hoặc PostgreSQL), kiểm tra số dòng và mã băm",
    )
    p.add_argument("archive", metavar="ARCHIVE")
    p.add_argument(
        "--force",
        action="store_true",
        help="thay thế thư viện đã có dữ liệu (nội dung cũ được sao lưu trước vào thư mục sao lưu)",
    )

    layout = argparse.ArgumentParser(add_help=False)
    layout.add_argument("--theme", metavar="NAME", help="giao diện (mặc định: default)")
    layout.add_argument("--page-size", metavar="SIZE", help="19x27cm (mặc định), A4, A5 hoặc RộngxCaomm")
    layout.add_argument("--booklet", action="store_true", help="thêm trang trống để số trang chia hết cho 4")
    layout.add_argument("--bleed", type=float, default=0.0, metavar="MM", help="tràn lề (thường 3 mm)")
    layout.add_argument("--crop-marks", action="store_true", help="dấu cắt ngoài vùng tràn lề")
    layout.add_argument(
        "--profile",
        choices=("print", "screen"),
        default="print",
        help="print: PDF/X-4 cho nhà in (CMYK, không liên kết, mặc định); screen: PDF màu RGB có liên kết để gửi thư, "
        "đăng web",
    )
    layout.add_argument(
        "--output-profile",
        type=Path,
        metavar="FILE.icc",
        help="hồ sơ màu đầu ra (CMYK) của nhà in; mặc định: FOGRA39 cho giấy tráng phủ",
    )
    layout.add_argument(
        "--edition", choices=EDITIONS, help="ấn bản: vi, en hoặc bilingual (mặc định: ấn bản của số bản tin)"
    )
    p = add("export", cmd_export, "xuất số bản tin ra PDF in ấn và DOCX", extra=(layout,))
    p.add_argument("issue_id", type=int, metavar="ISSUE_ID")
    p.add_argument("--pdf", metavar="FILE")
    p.add_argument("--docx", metavar="FILE")
    p.add_argument("--reference-docx", metavar="FILE", help="tệp .docx mẫu: lấy kiểu chữ, trang, đầu/chân trang")
    p.add_argument("--force", action="store_true", help="vẫn xuất khi kiểm tra còn lỗi")
    p.set_defaults(read_only=_read_only_exports(_export))
    p = add("check", cmd_check, "kiểm tra số bản tin trước khi in", extra=(layout,))
    p.add_argument("issue_id", type=int, metavar="ISSUE_ID")
    p.set_defaults(read_only=_read_only_exports(_check))

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="tạo thư viện và số bản tin mẫu rồi xuất PDF, DOCX",
        description="tạo thư viện và số bản tin mẫu trong DIR rồi xuất PDF, DOCX",
    )
    p.set_defaults(func=None, standalone=cmd_demo)
    p.add_argument("dir", metavar="DIR")

    issue = sub.add_parser("issue", parents=[common], help="các số bản tin")
    issue_sub = issue.add_subparsers(dest="issue_command", required=True, metavar="LỆNH")
    p = add("create", cmd_issue_create, "tạo số bản tin mới", issue_sub)
    p.add_argument("--number", type=_positive, required=True, metavar="N")
    p.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--title", metavar="T")
    p.add_argument("--period", metavar="P", help="kỳ, ví dụ “Tháng 11–12/2026”")
    p.add_argument("--edition", choices=EDITIONS, default="vi", help="vi (mặc định), en hoặc bilingual (song ngữ)")
    p.add_argument(
        "--arrangement",
        choices=["parts", "interleaved"],
        default="parts",
        help="song ngữ: parts = phần tiếng Việt rồi phần tiếng Anh; interleaved = mỗi bài kèm bản dịch",
    )
    p = add("add", cmd_issue_add, "thêm tin bài vào số bản tin", issue_sub)
    p.add_argument("issue_id", type=int, metavar="ISSUE_ID")
    p.add_argument("article_ids", type=int, nargs="+", metavar="ARTICLE_ID")
    p.add_argument("--section", metavar="NAME", help="chuyên mục trong số (mặc định: chuyên mục của tin bài)")
    records.register(sub, issue_sub, add, _date)
    p = add("show", cmd_issue_show, "xem một số bản tin", issue_sub)
    p.add_argument("issue_id", type=int, metavar="ISSUE_ID")
    add("list", cmd_issue_list, "liệt kê các số bản tin", issue_sub)
    return parser


def _emit(data: Any, text: str, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif text:
        sys.stdout.write(text + "\n")


def _answer(command: Callable[[], Result | None], as_json: bool) -> int | None:
    """Run ``command`` and print its answer: the exit code, or None when it had none to give
    (a read-only way that found the library must be opened the full way)."""
    try:
        found = command()
    except _Partial as partial:
        _emit(partial.data, partial.text, as_json)
        print(f"bulletin: {partial.error}", file=sys.stderr)
        return 1
    except BulletinError as exc:
        print(f"bulletin: {exc.message}", file=sys.stderr)
        return 1
    if found is None:
        return None
    _emit(*found, as_json)
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    as_json = getattr(args, "json", False)
    if getattr(args, "standalone", None) is not None:  # commands that open their own library
        return _answer(lambda: args.standalone(args), as_json) or 0
    if getattr(args, "read_only", None) is not None:  # a read that may not need the full opening
        code = _answer(lambda: args.read_only(args), as_json)
        if code is not None:
            return code
    from bulletin_app.services import Services

    try:
        services = Services.open(getattr(args, "db", None))
    except BulletinError as exc:
        print(f"bulletin: {exc.message}", file=sys.stderr)
        return 1
    _opened()
    try:
        return _answer(lambda: args.func(services, args), as_json) or 0
    finally:
        services.close()


def _opened() -> None:
    """The library is open: what this short process imported and built is frozen out of the
    collector's sight (see process_main)."""
    if _SHORT_PROCESS:
        gc.freeze()


_SHORT_PROCESS = False  # set by process_main: this process ends with the command


def process_main() -> int:
    """The ``bulletin`` process (the console script, ``python -m bulletin_app``). A command is a
    short process: what it imported and built stays to its end, so it is frozen out of the
    collector's sight once the library is open and again at the end — the collector walked it in
    every full collection and once more at exit (0.3 s of an export's 1.5 s). The library is
    closed before, as always. ``main`` alone (tests, scripts calling it in their own process)
    leaves the collector as it is."""
    global _SHORT_PROCESS
    _SHORT_PROCESS = True
    try:
        return main()
    finally:
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to a code page
    try:
        return run(argv)
    except KeyboardInterrupt:
        print("bulletin: đã dừng.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        where = log_unexpected(exc)
        hint = f" (chi tiết: {where})" if where else ""
        print(f"bulletin: lỗi không mong đợi: {type(exc).__name__}: {exc}{hint}", file=sys.stderr)
        return 1
