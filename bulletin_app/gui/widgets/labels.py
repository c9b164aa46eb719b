"""Translatable names for the domain's enums (the domain keeps Vietnamese labels for the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bulletin_app.domain.article import ArticleStatus, Language, TranslationState


def status_label(status: ArticleStatus | str) -> str:
    match ArticleStatus(status):
        case ArticleStatus.DRAFT:
            return QCoreApplication.translate("labels", "Bản nháp")
        case ArticleStatus.EDITING:
            return QCoreApplication.translate("labels", "Đang biên tập")
        case ArticleStatus.APPROVED:
            return QCoreApplication.translate("labels", "Đã duyệt")
        case ArticleStatus.ARCHIVED:
            return QCoreApplication.translate("labels", "Lưu trữ")
    return str(status)


def language_label(language: Language | str) -> str:
    match Language(language):
        case Language.VI:
            return QCoreApplication.translate("labels", "Tiếng Việt")
        case Language.EN:
            return QCoreApplication.translate("labels", "Tiếng Anh")
    return str(language)


def translation_label(state: TranslationState | None) -> str:
    """A Vietnamese article's translation state ("" for an English article)."""
    match state:
        case TranslationState.NONE:
            return QCoreApplication.translate("labels", "Cần dịch")
        case TranslationState.IN_PROGRESS:
            return QCoreApplication.translate("labels", "Đang dịch")
        case TranslationState.DONE:
            return QCoreApplication.translate("labels", "Đã dịch")
        case TranslationState.OUTDATED:
            return QCoreApplication.translate("labels", "Bản dịch cũ")
    return ""
