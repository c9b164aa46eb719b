"""The one object both faces (CLI, GUI) hold: an open library and its use cases."""

from __future__ import annotations

import getpass
from functools import cached_property
from typing import TYPE_CHECKING

from bulletin_app.services.articles import ArticleService
from bulletin_app.services.issues import IssueService
from bulletin_app.services.library import LibraryService
from bulletin_app.services.publication import PublicationService
from bulletin_app.services.search import SearchService
from bulletin_app.storage.database import Database

if TYPE_CHECKING:
    from bulletin_app.services.assets import AssetService
    from bulletin_app.services.export import ExportService
    from bulletin_app.services.imports import ImportService
    from bulletin_app.services.translations import TranslationService


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "biên tập viên"


class Services:
    def __init__(self, db: Database, author: str | None = None) -> None:
        self.db = db
        self.author = author or current_user()
        db.author = self.author
        self.library = LibraryService(db)
        self.articles = ArticleService(db, self.author)
        self.search = SearchService(db)
        self.issues = IssueService(db)
        self.publication = PublicationService(db)

    # The services that bring the importers (trafilatura, python-docx), the renderers and Pillow
    # are made on first use: `bulletin search` or the library list never pays for them.
    @cached_property
    def assets(self) -> AssetService:
        from bulletin_app.services.assets import AssetService

        return AssetService(self.db)

    @cached_property
    def exports(self) -> ExportService:
        from bulletin_app.services.export import ExportService

        return ExportService(self.db)

    @cached_property
    def imports(self) -> ImportService:
        from bulletin_app.services.imports import ImportService

        return ImportService(self.db)

    @cached_property
    def translations(self) -> TranslationService:
        from bulletin_app.services.translations import TranslationService

        return TranslationService(self.db, self.author)

    @classmethod
    def open(cls, spec: str | None = None, author: str | None = None, origin: str | None = None) -> Services:
        """Open (creating and seeding if new, upgrading if old) the library at ``spec``.

        ``origin``: the change log's name for this desk, when the library is open for one
        already (a window's worker process: its saves are the window's own, not another's)."""
        db = Database.open(spec)
        if origin:
            db.origin = origin
        services = cls(db, author)
        services.library.seed_if_empty()
        return services

    def close(self) -> None:
        self.db.close()
