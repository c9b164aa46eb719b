"""Translation pairs: a Vietnamese article and its English translation, linked from both sides.

The link is held on both rows (``translation_id``) and a unique index keeps every article to
one partner. Every change to a row here is a versioned update with a revision, like an edit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, not_, or_, select
from sqlalchemy.orm import Session, aliased

from bulletin_app.domain.article import Language, TranslationState
from bulletin_app.domain.article_rules import FINISHED, check_pair
from bulletin_app.domain.errors import ValidationError
from bulletin_app.storage.models import ArticleRow, RevisionRow, utcnow


def _versioned(s: Session, row: ArticleRow, author: str, snapshot: Any, **values: Any) -> None:
    """Set ``values`` on ``row`` as a saved change: the state before kept as a revision."""
    if all(getattr(row, k) == v for k, v in values.items()):
        return
    s.add(RevisionRow(article_id=row.id, version=row.version, author=author, snapshot=snapshot(row)))
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = utcnow()
    s.flush()


def original_and_translation(a: ArticleRow, b: ArticleRow) -> tuple[ArticleRow, ArticleRow]:
    return (a, b) if a.language == Language.VI.value else (b, a)


def unlink(s: Session, row: ArticleRow, author: str, snapshot: Any) -> int | None:
    """Clear ``row``'s pair on both sides; returns the former partner's id."""
    partner_id = row.translation_id
    if partner_id is None:
        return None
    partner = s.get(ArticleRow, partner_id)
    if partner is not None and partner.translation_id == row.id:
        _versioned(s, partner, author, snapshot, translation_id=None)
    _versioned(s, row, author, snapshot, translation_id=None)
    return partner_id


def link(s: Session, row: ArticleRow, other_id: int, author: str, snapshot: Any) -> list[int]:
    """Make ``row`` and article ``other_id`` a pair (one Vietnamese, one English).

    ``row``'s previous partner is let go; an ``other`` already paired with a third article is
    refused (the editor unlinks it first). Returns the ids whose link changed.
    """
    other = s.get(ArticleRow, other_id) if other_id != row.id else row
    if other is None or other.deleted_at is not None:
        raise ValidationError("Bản dịch", f"không có tin bài số {other_id} (hoặc tin đang ở thùng rác)")
    if row.translation_id == other_id and other.translation_id == row.id:
        return []
    check_pair(row.id, row.language, other_id, other.language, other.translation_id)
    changed = {row.id, other_id}
    former = unlink(s, row, author, snapshot)  # cleared first: the unique index holds at every step
    if former is not None:
        changed.add(former)
    original, translation = original_and_translation(row, other)
    _versioned(s, original, author, snapshot, translation_id=translation.id)
    _versioned(s, translation, author, snapshot, translation_id=original.id, source_hash=original.content_hash)
    return sorted(changed)


def mark_translated(s: Session, translation: ArticleRow) -> None:
    """The translation was (re)written: it now follows its original's current text."""
    if translation.language == Language.VI.value or translation.translation_id is None:
        return
    original = s.get(ArticleRow, translation.translation_id)
    if original is not None:
        translation.source_hash = original.content_hash


def state_clause(state: TranslationState) -> ColumnElement[bool]:
    """SQL condition on ArticleRow: a Vietnamese article whose translation is in ``state``."""
    partner = aliased(ArticleRow)
    is_vi = ArticleRow.language == Language.VI.value
    if state == TranslationState.NONE:
        return and_(is_vi, ArticleRow.translation_id.is_(None))
    of_partner = select(partner.id).where(partner.id == ArticleRow.translation_id)
    finished = partner.status.in_(FINISHED)
    current = or_(partner.source_hash == "", partner.source_hash == ArticleRow.content_hash)
    condition = {
        TranslationState.IN_PROGRESS: not_(finished),
        TranslationState.DONE: and_(finished, current),
        TranslationState.OUTDATED: and_(finished, not_(current)),
    }[state]
    return and_(is_vi, exists(of_partner.where(condition)))
