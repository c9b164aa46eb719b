"""The editorial team's members and roles: who may approve.

A library with no editor-in-chief recorded is a single desk: its user approves, nothing
changes for one editor. Once a member has the ``chief`` role, only members with that role may
set an article to approved — checked here, under every way of saving (editor, list, CLI).
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bulletin_app.domain.errors import NotFoundError, ValidationError
from bulletin_app.storage.models import UserRow
from bulletin_app.text import clean_line

ROLES = ("editor", "chief")
ROLE_LABELS = {"editor": "biên tập viên", "chief": "tổng biên tập"}


def members(s: Session) -> list[tuple[str, str, str]]:
    """(name, display name, role), chiefs first."""
    rows = s.execute(select(UserRow.name, UserRow.display_name, UserRow.role)).all()
    return sorted(((r[0], r[1], r[2]) for r in rows), key=lambda m: (m[2] != "chief", m[0]))


def _require_team_manager(s: Session, author: str) -> None:
    """Once there is an editor-in-chief, only an editor-in-chief changes the team."""
    if not may_approve(s, author):
        raise ValidationError("Ban biên tập", f"chỉ tổng biên tập sửa được danh sách thành viên; “{author}” không phải")


def set_member(s: Session, name: str, role: str, display_name: str = "", author: str = "") -> None:
    _require_team_manager(s, author)
    name = clean_line(name)
    if not name:
        raise ValidationError("Thành viên", "tên đăng nhập không được để trống")
    if role not in ROLES:
        raise ValidationError("Vai trò", f"“{role}” không hợp lệ (editor hoặc chief)")
    row = s.get(UserRow, name)
    if row is None:
        s.add(UserRow(name=name, role=role, display_name=clean_line(display_name)))
    else:
        row.role = role
        if display_name:
            row.display_name = clean_line(display_name)


def remove_member(s: Session, name: str, author: str = "") -> None:
    _require_team_manager(s, author)
    if s.get(UserRow, name) is None:
        raise NotFoundError(f"Không có thành viên “{name}”.")
    s.execute(delete(UserRow).where(UserRow.name == name))


def may_approve(s: Session, author: str) -> bool:
    chiefs = set(s.scalars(select(UserRow.name).where(UserRow.role == "chief")))
    return not chiefs or author in chiefs


def require_approver(s: Session, author: str) -> None:
    if not may_approve(s, author):
        chiefs = ", ".join(n for n, _d, r in members(s) if r == "chief")
        raise ValidationError(
            "Trạng thái",
            f"chỉ tổng biên tập ({chiefs}) được duyệt tin bài; “{author}” chưa có vai trò đó trong thư viện",
        )
