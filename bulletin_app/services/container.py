"""The one object both faces (CLI, GUI) hold: an open library and its use cases."""

from __future__ import annotations

import getpass

from bulletin_app.services.articles import ArticleService
from bulletin_app.services.assets import AssetService
from bulletin_app.services.export import ExportService
from bulletin_app.services.imports import ImportService
from bulletin_app.services.issues import IssueService
from bulletin_app.services.library import LibraryService
from bulletin_app.services.publication import PublicationService
from bulletin_app.services.search import SearchService
from bulletin_app.services.translations import TranslationService
from bulletin_app.storage.database import Database


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "biên tập viên"


class Services:
    def __init__(self, db: Database, author: str | None = None) -> None:
        self.db = db
        self.author = author or current_user()
        self.library = LibraryService(db)
        self.articles = ArticleService(db, self.author)
        self.assets = AssetService(db)
        self.exports = ExportService(db)
        self.imports = ImportService(db)
        self.search = SearchService(db)
        self.issues = IssueService(db)
        self.publication = PublicationService(db)
        self.translations = TranslationService(db, self.author)

    @classmethod
    def open(cls, spec: str | None = None, author: str | None = None) -> Services:
        """Open (creating and seeding if new, upgrading if old) the library at ``spec``."""
        services = cls(Database.open(spec), author)
        services.library.seed_if_empty()
        return services

    def close(self) -> None:
        self.db.close()
