"""What an editor may change in an article, and the rules a change must follow.

``ArticlePatch`` is the one list of editable fields (the editor's fields, the CLI's
``article set``, the service's ``update`` and the repository take it); :func:`clean_patch`
cleans and checks a patch on every way in; the workflow, the title and the translation pair
have their rules here, not in the storage.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any, TypedDict

from bulletin_app.domain.article import (
    STATUS_TRANSITIONS,
    Article,
    ArticleDraft,
    ArticleStatus,
    Language,
    TranslationState,
)
from bulletin_app.domain.errors import ValidationError
from bulletin_app.text import clean_line, clean_text


class ArticlePatch(TypedDict, total=False):
    """Changes to an article: a key present is a field changed."""

    title: str
    sapo: str
    body: str
    byline: str
    source_name: str
    source_url: str
    published: dt.datetime | None
    published_has_time: bool
    column: str | None
    tags: list[str]
    language: str  # a Language value
    translation_id: int | None  # the partner's id links the pair, None unlinks it
    status: str  # an ArticleStatus value


EDITABLE_FIELDS: tuple[str, ...] = tuple(ArticlePatch.__annotations__)
_LINE_FIELDS = frozenset({"title", "byline", "source_name", "source_url"})


def clean_patch(changes: Mapping[str, Any]) -> ArticlePatch:
    """``changes`` cleaned (NFC, debris, spaces) and checked: an unknown field, an unknown
    language or status is a ValidationError naming the field."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError("Tin bài", f"không sửa được trường {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "body":
            out[key] = clean_text(value or "")
        elif key == "sapo":
            out[key] = clean_text(value or "").replace("\n\n", "\n")
        elif key in _LINE_FIELDS:
            out[key] = clean_line(value or "")
        elif key == "tags":
            out[key] = [clean_line(t) for t in value or [] if clean_line(t)]
        elif key == "column":
            out[key] = clean_line(value) if value else None
        elif key == "language":
            try:
                out[key] = Language(str(value)).value
            except ValueError:
                raise ValidationError("Ngôn ngữ", f"“{value}” không hỗ trợ (vi hoặc en)") from None
        elif key == "status":
            try:
                out[key] = ArticleStatus(str(value)).value
            except ValueError:
                raise ValidationError("Trạng thái", f"“{value}” không hợp lệ") from None
        else:
            out[key] = value
    return ArticlePatch(**out)  # type: ignore[typeddict-item]


def check_title(title: str, status: ArticleStatus) -> None:
    """Only a draft may be without a title (an import that found no headline leaves it empty
    and says so, rather than inventing one from a cut sentence)."""
    if not title.strip() and status != ArticleStatus.DRAFT:
        raise ValidationError("Tiêu đề", "không được để trống (chỉ bản nháp mới được chưa có tiêu đề)")


def check_status_change(old: ArticleStatus, new: ArticleStatus) -> None:
    """The workflow: forward through editing to approval, back for rework, archived to draft."""
    if new != old and new not in STATUS_TRANSITIONS[old]:
        raise ValidationError("Trạng thái", f"không chuyển được từ “{old.label_vi}” sang “{new.label_vi}”")


def check_pair(article_id: int, language: str, other_id: int, other_language: str, other_partner: int | None) -> None:
    """A translation pair is two different articles, one Vietnamese and one English, neither
    paired with a third one."""
    if other_id == article_id:
        raise ValidationError("Bản dịch", "tin bài không thể là bản dịch của chính nó")
    if other_language == language:
        name = "Anh" if language == Language.EN else "Việt"
        raise ValidationError(
            "Bản dịch",
            f"tin bài số {other_id} cũng là tiếng {name}: bản dịch nối một tin tiếng Việt với một tin tiếng Anh",
        )
    if other_partner is not None and other_partner != article_id:
        raise ValidationError(
            "Bản dịch", f"tin bài số {other_id} đã nối với tin bài số {other_partner}; hãy gỡ liên kết đó trước"
        )


def editable_values(article: Article) -> ArticlePatch:
    """Every editable field of ``article``, as a patch would give it (the editor's fields)."""
    values: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        value = getattr(article, name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Language | ArticleStatus):
            value = value.value
        values[name] = value
    return ArticlePatch(**values)  # type: ignore[typeddict-item]


_DRAFT_FIELDS = frozenset(f.name for f in dataclasses.fields(ArticleDraft))


def draft_from_values(values: Mapping[str, Any], title: str | None = None) -> ArticleDraft:
    """A new article from editable values (the editor's first save, a conflict's copy)."""
    kept = {k: v for k, v in values.items() if k in _DRAFT_FIELDS}
    if title is not None:
        kept["title"] = title
    if "language" in kept:
        kept["language"] = Language(kept["language"])
    if "tags" in kept:
        kept["tags"] = list(kept["tags"] or [])
    return ArticleDraft(**kept)


# A translation counts as finished once approved (or archived after printing).
FINISHED = (ArticleStatus.APPROVED.value, ArticleStatus.ARCHIVED.value)


def translation_state(
    language: str, partner_status: str | None, partner_source_hash: str | None, content_hash: str
) -> TranslationState | None:
    """A Vietnamese article's translation state from its partner's columns (None for English)."""
    if language != Language.VI.value:
        return None
    if partner_status is None:
        return TranslationState.NONE
    if partner_status not in FINISHED:
        return TranslationState.IN_PROGRESS
    if partner_source_hash and partner_source_hash != content_hash:
        return TranslationState.OUTDATED
    return TranslationState.DONE
