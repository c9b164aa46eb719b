"""Translatable names for the domain's enums (the domain keeps Vietnamese labels for the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bulletin_app.domain.article import ArticleStatus, Language


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
