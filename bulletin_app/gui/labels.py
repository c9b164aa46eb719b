"""Translatable names for the domain's enums (the domain keeps Vietnamese labels for the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bulletin_app.domain.article import ArticleStatus, Language


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: ArticleStatus | str) -> str:
    match ArticleStatus(status):
        case ArticleStatus.DRAFT:
            return _tr("Bản nháp")
        case ArticleStatus.EDITING:
            return _tr("Đang biên tập")
        case ArticleStatus.APPROVED:
            return _tr("Đã duyệt")
        case ArticleStatus.ARCHIVED:
            return _tr("Lưu trữ")
    return str(status)


def language_label(language: Language | str) -> str:
    match Language(language):
        case Language.VI:
            return _tr("Tiếng Việt")
        case Language.EN:
            return _tr("Tiếng Anh")
    return str(language)
