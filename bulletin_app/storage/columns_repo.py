"""Columns (chuyên mục) and tags.

Each has a folded name key the database keeps unique: "Hợp tác" and "hợp tác" are one tag, and
two processes creating the same new column at once get one row (``INSERT … ON CONFLICT DO
NOTHING``, then read), never a constraint error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletin_app.domain.errors import NotFoundError, ValidationError
from bulletin_app.storage import upsert
from bulletin_app.storage.models import ArticleRow, ColumnRow, TagRow
from bulletin_app.storage.team import change_feed
from bulletin_app.text import clean_line, collation_key
from bulletin_app.text.fold import name_key


def list_columns(s: Session) -> list[tuple[int, str, int, int, str]]:
    """(id, name, position, article count, English name) in the bulletin's order."""
    counts = dict(
        s.execute(
            select(ArticleRow.column_id, func.count())
            .where(ArticleRow.deleted_at.is_(None))  # the trash is not counted
            .group_by(ArticleRow.column_id)
        ).all()
    )
    rows = s.scalars(select(ColumnRow).order_by(ColumnRow.position, ColumnRow.sort_key)).all()
    return [(c.id, c.name, c.position, counts.get(c.id, 0), c.name_en) for c in rows]


def _insert_ignoring_duplicate(s: Session, model: Any, values: dict[str, Any]) -> None:
    """INSERT … ON CONFLICT (name_key) DO NOTHING, in the library's dialect."""
    done = s.execute(upsert.insert(s, model).values(**values).on_conflict_do_nothing(index_elements=["name_key"]))
    if model is ColumnRow and done.rowcount:  # not an ORM flush: tell the change log ourselves
        change_feed.record(s, [("columns", None, "changed")])


def find_column(s: Session, name: str) -> ColumnRow | None:
    """The column of that name, accents and case ignored ("ngoai giao kinh te")."""
    return s.scalar(select(ColumnRow).where(ColumnRow.name_key == name_key(name)))


def get_or_create_column(s: Session, name: str) -> ColumnRow:
    name = clean_line(name)
    if not name:
        raise ValidationError("Chuyên mục", "tên không được để trống")
    row = find_column(s, name)
    if row is None:
        position = (s.scalar(select(func.max(ColumnRow.position))) or 0) + 1
        values = {"name": name, "name_key": name_key(name), "name_en": "", "position": position}
        _insert_ignoring_duplicate(s, ColumnRow, {**values, "sort_key": collation_key(name)})
        row = find_column(s, name)
        assert row is not None
    return row


def rename_column(s: Session, column_id: int, new_name: str) -> None:
    row = s.get(ColumnRow, column_id)
    if row is None:
        raise NotFoundError(f"Không có chuyên mục số {column_id}.")
    new_name = clean_line(new_name)
    if not new_name:
        raise ValidationError("Chuyên mục", "tên không được để trống")
    other = find_column(s, new_name)
    if other is not None and other.id != column_id:
        raise ValidationError("Chuyên mục", f"đã có chuyên mục “{other.name}”")
    row.name = new_name
    row.name_key = name_key(new_name)
    row.sort_key = collation_key(new_name)


def has_columns(s: Session) -> bool:
    return s.scalar(select(ColumnRow.id).limit(1)) is not None


def seed_columns(s: Session, columns: list[str | dict[str, str]]) -> int:
    """The first columns of a new library: names, or {name, name_en} tables."""
    if s.scalar(select(func.count()).select_from(ColumnRow)):
        return 0
    for position, column in enumerate(columns, start=1):
        name, english = (column, "") if isinstance(column, str) else (column["name"], column.get("name_en", ""))
        clean = clean_line(name)
        s.add(
            ColumnRow(
                name=clean,
                name_key=name_key(clean),
                name_en=clean_line(english),
                position=position,
                sort_key=collation_key(clean),
            )
        )
    return len(columns)


def set_english_name(s: Session, column_id: int, name_en: str) -> None:
    row = s.get(ColumnRow, column_id)
    if row is None:
        raise NotFoundError(f"Không có chuyên mục mã {column_id}.")
    row.name_en = clean_line(name_en)


def get_or_create_tags(s: Session, names: list[str]) -> list[TagRow]:
    """The tags of those names (an existing tag's spelling wins), created when new."""
    result: list[TagRow] = []
    seen: set[str] = set()
    for raw in names:
        name = clean_line(raw)
        key = name_key(name)
        if not name or key in seen:
            continue
        seen.add(key)
        row = s.scalar(select(TagRow).where(TagRow.name_key == key))
        if row is None:
            _insert_ignoring_duplicate(s, TagRow, {"name": name, "name_key": key, "sort_key": collation_key(name)})
            row = s.scalar(select(TagRow).where(TagRow.name_key == key))
            assert row is not None
        result.append(row)
    return result
