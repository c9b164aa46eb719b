"""Library-wide use cases: first-run seed, columns, backup, information."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bulletin_app.domain.changes import Changes, Seen
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.publication import Publication
from bulletin_app.paths import data_dir
from bulletin_app.resources import resource_path
from bulletin_app.storage import articles_repo, columns_repo, publication_repo
from bulletin_app.storage.credentials import save_password, split_password
from bulletin_app.storage.database import Database, probe
from bulletin_app.storage.migrate import current_revision
from bulletin_app.storage.team import users_repo
from bulletin_app.text import fold


@dataclass(frozen=True)
class LibraryInfo:
    location: str
    schema: str | None
    articles: int
    upgraded_backup: str | None


@dataclass(frozen=True)
class ColumnInfo:
    id: int
    name: str
    position: int
    article_count: int
    name_en: str = ""  # the title of its section in the English part


@dataclass(frozen=True)
class Member:
    name: str  # the OS user name the app records as author
    display_name: str
    role: str  # editor | chief

    @property
    def role_label(self) -> str:
        return users_repo.ROLE_LABELS.get(self.role, self.role)


class Watcher(Protocol):
    def poll(self) -> Seen: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class RestoreReport:
    archive: str
    schema: str
    source: str  # the backend the archive was written from
    counts: dict[str, int]
    replaced_backup: str | None  # where the replaced content was saved first


def load_seed() -> dict:
    with resource_path("seed", "library.toml").open("rb") as fh:
        return tomllib.load(fh)


class LibraryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def seed_if_empty(self) -> Changes:
        """Give a new library the usual columns and a publication record to edit."""
        with self._db.read() as s:  # every start: a read, so a busy library is not waited for
            if publication_repo.has_publication(s) and columns_repo.has_columns(s):
                return Changes()
        seed = load_seed()
        with self._db.unit() as s:
            added = columns_repo.seed_columns(s, seed.get("columns", []))
            new_pub = not publication_repo.has_publication(s)
            if new_pub:
                publication_repo.save_publication(s, Publication(**seed.get("publication", {})))
        return Changes(columns_changed=bool(added), publication_changed=new_pub)

    def info(self) -> LibraryInfo:
        with self._db.read() as s:
            count = articles_repo.count_articles(s)
        backup = self._db.upgraded_backup
        return LibraryInfo(
            self._db.location.display, current_revision(self._db.engine), count, str(backup) if backup else None
        )

    def columns(self) -> list[ColumnInfo]:
        with self._db.read() as s:
            return [ColumnInfo(*row) for row in columns_repo.list_columns(s)]

    def column(self, name_or_id: str) -> ColumnInfo:
        """A column by its number or its name (accents and case optional)."""
        columns = self.columns()
        key = name_or_id.strip()
        if key.isdigit():
            found = next((c for c in columns if c.id == int(key)), None)
        else:
            found = next((c for c in columns if c.name == key), None) or next(
                (c for c in columns if fold(c.name) == fold(key)), None
            )
        if found is None:
            raise NotFoundError(f"Không có chuyên mục “{name_or_id}”.")
        return found

    def add_column(self, name: str) -> Changes:
        with self._db.unit() as s:
            columns_repo.get_or_create_column(s, name)
        return Changes(columns_changed=True)

    def rename_column(self, column_id: int, name: str) -> Changes:
        with self._db.unit() as s:
            columns_repo.rename_column(s, column_id, name)
        return Changes(columns_changed=True)

    def set_column_english(self, column_id: int, name_en: str) -> Changes:
        """The column's English title (the English part's section heading)."""
        with self._db.unit() as s:
            columns_repo.set_english_name(s, column_id, name_en)
        return Changes(columns_changed=True)

    # -- the team: members and roles (an editor-in-chief approves)
    def members(self) -> list[Member]:
        with self._db.read() as s:
            return [Member(n, d, r) for n, d, r in users_repo.members(s)]

    def set_member(self, name: str, role: str, display_name: str = "") -> Changes:
        """Add a member or change their role (once there is an editor-in-chief, only one may)."""
        with self._db.unit() as s:
            users_repo.set_member(s, name, role, display_name, self._db.author)
        return Changes()

    def remove_member(self, name: str) -> Changes:
        with self._db.unit() as s:
            users_repo.remove_member(s, name, self._db.author)
        return Changes()

    def may_approve(self, author: str) -> bool:
        with self._db.read() as s:
            return users_repo.may_approve(s, author)

    def watcher(self) -> Watcher:
        """Follows what other windows and processes save to this library: ``poll()`` returns a
        :class:`~bulletin_app.domain.changes.Seen` (cheap when nothing changed)."""
        return self._db.watcher()

    def optimize(self) -> None:
        """Merge the search index segments and refresh planner statistics (after bulk loads)."""
        self._db.optimize()

    def backup(self, dest: Path | None = None) -> Path:
        """The whole library (articles, pictures, issues, revisions) in one file: a portable
        archive (.zip, restores into SQLite or PostgreSQL), or a copy of a SQLite file (.db)."""
        name = f"thu-vien-{dt.datetime.now():%Y%m%d-%H%M%S}.zip"
        if dest is None:
            folder = data_dir() / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            dest = folder / name
        elif dest.is_dir():
            dest = dest / name
        return self._db.backup_to(dest)

    def restore(self, archive: Path, force: bool = False) -> RestoreReport:
        """Replace this library's content with an archive's. Over a library with content (only
        with ``force``), that content is first saved as an archive in the backups folder."""
        from bulletin_app.storage.archive import summary

        summary(archive)  # a wrong or newer file is refused before anything is written
        safety = None
        if force and any(self._db.content().values()):
            safety = self.backup()
        restored = self._db.restore_from(archive, force)
        return RestoreReport(
            str(archive), restored.schema, restored.source, restored.counts, str(safety) if safety else None
        )


def check_location(spec: str, password: str = "") -> str:
    """What a library location holds, in a sentence (the preferences' "Kiểm tra kết nối");
    a StorageError says why it cannot be used."""
    found = probe(spec, password)
    if found.schema is None:
        return f"Kết nối được ({found.server}). Chưa có thư viện ở đây: một thư viện mới sẽ được tạo."
    return f"Kết nối được ({found.server}): thư viện có {found.articles or 0} tin bài (lược đồ {found.schema})."


def save_server_password(spec: str, password: str) -> str:
    """Keep a server library's password in the OS credential store ("" keeps what is there).
    A URL typed with its password gives it up too. Returns the URL to save in the settings:
    without any password."""
    bare, typed = split_password(spec)
    if password or typed:
        save_password(bare, password or typed)
    return bare
