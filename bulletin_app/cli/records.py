"""CLI commands for the records an issue needs besides its articles: the publication record
(licence, masthead, colophon), the columns and an issue's own details — so an issue can be
finished, checked and exported from the command line alone."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bulletin_app.cli import serialize
from bulletin_app.domain.errors import BulletinError
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Arrangement, Edition
from bulletin_app.domain.publication import Publication

if TYPE_CHECKING:
    from bulletin_app.services import Services

Result = tuple[Any, str]
Add = Callable[..., argparse.ArgumentParser]


# ---------------------------------------------------------------- publication
def publication_json(pub: Publication) -> dict[str, Any]:
    return {
        f.name: (value.isoformat() if isinstance(value, dt.date) else value)
        for f in dataclasses.fields(pub)
        for value in [getattr(pub, f.name)]
    }


def cmd_publication_show(sv: Services, args: argparse.Namespace) -> Result:
    pub = sv.publication.get()
    data = publication_json(pub)
    lines = [f"{name}: {value if value not in ('', None, []) else '—'}" for name, value in data.items()]
    return data, "\n".join(lines)


def cmd_publication_set(sv: Services, args: argparse.Namespace) -> Result:
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Publication):
        value = getattr(args, f.name)
        if value is None:
            continue
        if "date" in str(f.type) and value == "":
            value = None  # a date cleared
        elif isinstance(value, list):
            value = [name for name in value if name.strip()]  # --editorial-board "" clears the board
        values[f.name] = value
    if not values:
        raise BulletinError("Không có gì để sửa: hãy cho ít nhất một trường (xem bulletin publication set --help).")
    pub, _ = sv.publication.update(**values)
    return publication_json(pub), f"Đã lưu thông tin xuất bản ({', '.join(sorted(values))})."


def _date_or_none(value: str) -> dt.date | str:
    if value == "":
        return ""  # cleared
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'ngày không hợp lệ “{value}” (cần YYYY-MM-DD, hoặc "" để xóa)') from None


def _yes_no(value: str) -> bool:
    if value.lower() in ("yes", "có", "co", "true", "1"):
        return True
    if value.lower() in ("no", "không", "khong", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"“{value}”: cần yes hoặc no")


def _publication_options(p: argparse.ArgumentParser) -> None:
    """One option per field of the record, typed as the field is."""
    for f in dataclasses.fields(Publication):
        flag = "--" + f.name.replace("_", "-")
        kind = str(f.type)
        if "date" in kind:
            p.add_argument(flag, type=_date_or_none, metavar="YYYY-MM-DD")
        elif kind == "int":
            p.add_argument(flag, type=int, metavar="N")
        elif kind == "float":
            p.add_argument(flag, type=float, metavar="MM" if f.name.endswith("_mm") else "X")
        elif kind == "bool":
            p.add_argument(flag, type=_yes_no, metavar="yes|no")
        elif kind.startswith("list"):
            p.add_argument(flag, action="append", metavar="NAME", help='nhắc lại cho mỗi người; "" để xóa hết')
        else:
            p.add_argument(flag, metavar="TEXT")


# ---------------------------------------------------------------- columns
def cmd_column_list(sv: Services, args: argparse.Namespace) -> Result:
    columns = sv.library.columns()
    data = [{"id": c.id, "name": c.name, "name_en": c.name_en, "articles": c.article_count} for c in columns]
    lines = [
        f"{c.id:>4}  {c.name} ({c.article_count} tin bài){' — ' + c.name_en if c.name_en else ''}" for c in columns
    ]
    return data, "\n".join(lines) or "Chưa có chuyên mục nào."


def cmd_column_add(sv: Services, args: argparse.Namespace) -> Result:
    sv.library.add_column(args.name)
    column = sv.library.column(args.name)
    if args.english is not None:
        sv.library.set_column_english(column.id, args.english)
        column = sv.library.column(str(column.id))
    return dataclasses.asdict(column), f"Chuyên mục {column.id}: {column.name}"


def cmd_column_rename(sv: Services, args: argparse.Namespace) -> Result:
    column = sv.library.column(args.column)
    if args.new_name is None and args.english is None:
        raise BulletinError("Cần tên mới và/hoặc --english TÊN.")
    if args.new_name is not None and args.new_name.strip() != column.name:
        sv.library.rename_column(column.id, args.new_name)
    if args.english is not None:
        sv.library.set_column_english(column.id, args.english)
    column = sv.library.column(str(column.id))
    return dataclasses.asdict(
        column
    ), f"Chuyên mục {column.id}: {column.name} — {column.name_en or '(chưa có tên tiếng Anh)'}"


# ---------------------------------------------------------------- the team
def _members(sv: Services) -> Result:
    members = sv.library.members()
    data = [{**dataclasses.asdict(m), "role_label": m.role_label} for m in members]
    lines = [f"{m.name:<20} {m.role_label:<16} {m.display_name}" for m in members]
    if not members:
        lines = ["Chưa ghi thành viên nào: người dùng máy này được duyệt tin bài (một bàn biên tập)."]
    return data, "\n".join(lines)


def cmd_member_list(sv: Services, args: argparse.Namespace) -> Result:
    return _members(sv)


def cmd_member_set(sv: Services, args: argparse.Namespace) -> Result:
    sv.library.set_member(args.name, args.role, args.display_name or "")
    return _members(sv)


def cmd_member_remove(sv: Services, args: argparse.Namespace) -> Result:
    sv.library.remove_member(args.name)
    return _members(sv)


# ---------------------------------------------------------------- issue details
def cmd_issue_set(sv: Services, args: argparse.Namespace) -> Result:
    issue = sv.issues.get(args.issue_id)
    values: dict[str, Any] = {}
    for name, attr in (
        ("number", "number"),
        ("date", "date"),
        ("title", "title"),
        ("period", "period_label"),
        ("notice", "circulation_notice"),
        ("edition", "edition"),
        ("arrangement", "arrangement"),
    ):
        if getattr(args, name) is not None:
            values[attr] = getattr(args, name)
    if args.cover is not None:
        path = Path(args.cover)
        values["cover_asset"] = sv.assets.add_file(path)[0].ref if path.is_file() else args.cover
    if not values and args.editorial is None:
        raise BulletinError("Không có gì để sửa: hãy cho ít nhất một tùy chọn (--title, --notice, …).")
    if values:
        sv.issues.update_details(issue.id, issue.version, **values)
    if args.editorial is not None:  # an article of the library becomes the editorial letter
        sv.issues.place_articles(issue.id, [args.editorial], EDITORIAL_SECTION_NAME, 0)
    issue = sv.issues.get(issue.id)
    return serialize.issue_json(issue), f"Đã lưu số {issue.number} (mã {issue.id}, phiên bản {issue.version})."


def register(sub: Any, issue_sub: Any, add: Add, date_type: Callable[[str], dt.date]) -> None:
    publication = sub.add_parser("publication", help="thông tin xuất bản (giấy phép, măng-sét, trang cuối)")
    pub_sub = publication.add_subparsers(dest="publication_command", required=True, metavar="LỆNH")
    add("show", cmd_publication_show, "xem thông tin xuất bản", pub_sub)
    p = add("set", cmd_publication_set, "sửa thông tin xuất bản (kiểm tra như trong ứng dụng)", pub_sub)
    _publication_options(p)

    column = sub.add_parser("column", help="các chuyên mục")
    column_sub = column.add_subparsers(dest="column_command", required=True, metavar="LỆNH")
    add("list", cmd_column_list, "liệt kê chuyên mục", column_sub)
    p = add("add", cmd_column_add, "thêm chuyên mục", column_sub)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--english", metavar="NAME_EN", help="tên in trong phần tiếng Anh")
    p = add("rename", cmd_column_rename, "đổi tên chuyên mục (và/hoặc tên tiếng Anh)", column_sub)
    p.add_argument("column", metavar="ID_OR_NAME")
    p.add_argument("new_name", nargs="?", metavar="NEW_NAME")
    p.add_argument("--english", metavar="NAME_EN", help="tên in trong phần tiếng Anh")

    member = sub.add_parser("member", help="thành viên ban biên tập và vai trò (ai được duyệt tin bài)")
    member_sub = member.add_subparsers(dest="member_command", required=True, metavar="LỆNH")
    add("list", cmd_member_list, "liệt kê thành viên và vai trò", member_sub)
    p = add(
        "set",
        cmd_member_set,
        "thêm hoặc đổi vai trò một thành viên (khi đã có tổng biên tập, chỉ tổng biên tập được duyệt)",
        member_sub,
    )
    p.add_argument("name", metavar="USER", help="tên đăng nhập máy tính (được ghi là người sửa)")
    p.add_argument(
        "--role", choices=("editor", "chief"), required=True, help="editor: biên tập viên; chief: tổng biên tập"
    )
    p.add_argument("--display-name", metavar="NAME", help="họ tên hiển thị")
    p = add("remove", cmd_member_remove, "bỏ một thành viên", member_sub)
    p.add_argument("name", metavar="USER")

    p = add("set", cmd_issue_set, "sửa thông tin của một số bản tin", issue_sub)
    p.add_argument("issue_id", type=int, metavar="ISSUE_ID")
    p.add_argument("--number", type=int, metavar="N")
    p.add_argument("--date", type=date_type, metavar="YYYY-MM-DD")
    p.add_argument("--title", metavar="T")
    p.add_argument("--period", metavar="P", help="kỳ, ví dụ “Tháng 11–12/2026”")
    p.add_argument(
        "--cover", metavar="FILE_OR_REF", help='ảnh bìa: tệp ảnh, hoặc mã ảnh trong thư viện ("" = ảnh đầu tiên)'
    )
    p.add_argument("--notice", metavar="TEXT", help='dòng lưu hành ("" = theo thông tin xuất bản)')
    p.add_argument("--edition", choices=list(Edition.ALL))
    p.add_argument("--arrangement", choices=list(Arrangement.ALL))
    p.add_argument("--editorial", type=int, metavar="ARTICLE_ID", help="tin bài làm thư ngỏ (đặt đầu số)")
