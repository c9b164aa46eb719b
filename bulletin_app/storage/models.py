"""SQLAlchemy 2 typed ORM models of the library.

These objects never leave ``storage``: repositories convert them to the
dataclasses of ``bulletin_app.domain``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class ColumnRow(Base):
    """A chuyên mục (column) of the bulletin."""

    __tablename__ = "columns"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")  # the English part's section title
    position: Mapped[int] = mapped_column(Integer, default=0)
    sort_key: Mapped[bytes] = mapped_column(LargeBinary)
    # The folded name ("ngoai giao kinh te"), unique: two names differing only in accents or case
    # are one column, and two processes creating it at once make one (INSERT … ON CONFLICT).
    name_key: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (Index("ux_columns_name_key", "name_key", unique=True),)


class TagRow(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sort_key: Mapped[bytes] = mapped_column(LargeBinary)
    name_key: Mapped[str] = mapped_column(String(200), default="")  # folded, unique (as for columns)
    __table_args__ = (Index("ux_tags_name_key", "name_key", unique=True),)


class ArticleTagRow(Base):
    __tablename__ = "article_tags"
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    tag: Mapped[TagRow] = relationship(lazy="joined")


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    sapo: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    byline: Mapped[str] = mapped_column(String(500), default="")
    source_name: Mapped[str] = mapped_column(String(500), default="")
    source_url: Mapped[str] = mapped_column(String(2000), default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    published_has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    column_id: Mapped[int | None] = mapped_column(ForeignKey("columns.id", ondelete="SET NULL"), nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="vi")
    # The translation partner, held on both sides of the pair (a unique index: one partner each).
    translation_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), nullable=True)
    # On a translation: its original's content hash when the translation was last written.
    source_hash: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    title_key: Mapped[bytes] = mapped_column(LargeBinary)  # Vietnamese collation key
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    findings: Mapped[list] = mapped_column(JSON, default=list)  # import/proofing findings
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)  # in the trash since
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    column: Mapped[ColumnRow | None] = relationship(lazy="joined")
    tag_links: Mapped[list[ArticleTagRow]] = relationship(
        order_by="ArticleTagRow.position", cascade="all, delete-orphan", lazy="selectin"
    )

    # SQLAlchemy checks the version on every UPDATE: a concurrent save fails loudly.
    __mapper_args__ = {"version_id_col": version}
    # The migrations create these indexes on both engines (partial on PostgreSQL too); only the
    # SQLite spelling is repeated here: a ``postgresql_where`` makes SQLAlchemy import its whole
    # PostgreSQL dialect (~0.1 s) in every process, a SQLite `bulletin search` included.
    __table_args__ = (
        Index("ix_articles_status", "status"),
        Index("ix_articles_column", "column_id"),
        Index("ix_articles_published", "published_at"),
        Index("ix_articles_title_key", "title_key"),
        Index("ix_articles_content_hash", "content_hash"),
        Index(
            "ix_articles_trashed",
            "deleted_at",
            sqlite_where=text("deleted_at IS NOT NULL"),
        ),
        Index("ix_articles_updated_at", "updated_at"),
        Index(
            "ux_articles_translation",
            "translation_id",
            unique=True,
            sqlite_where=text("translation_id IS NOT NULL"),
        ),
    )


class RevisionRow(Base):
    """The state of an article before a saved change."""

    __tablename__ = "revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    snapshot: Mapped[dict] = mapped_column(JSON)


class AssetRow(Base):
    """An image kept inside the library file (one-file backup), deduplicated by hash."""

    __tablename__ = "assets"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(500), default="")
    mime: Mapped[str] = mapped_column(String(100), default="")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    byte_size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class IssueRow(Base):
    __tablename__ = "issues"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text, default="")
    period_label: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="planning")
    cover_asset: Mapped[str] = mapped_column(String(64), default="")  # asset ref of the cover photo
    circulation_notice: Mapped[str] = mapped_column(Text, default="")  # "" = the publication's default
    edition: Mapped[str] = mapped_column(String(16), default="vi")  # vi | en | bilingual
    arrangement: Mapped[str] = mapped_column(String(16), default="parts")  # parts | interleaved
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    sections: Mapped[list[SectionRow]] = relationship(
        order_by="SectionRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("number", "year", name="uq_issue_number_year"),)


class SectionRow(Base):
    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    column_id: Mapped[int | None] = mapped_column(ForeignKey("columns.id", ondelete="SET NULL"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    entries: Mapped[list[EntryRow]] = relationship(
        order_by="EntryRow.position", cascade="all, delete-orphan", lazy="selectin"
    )


class EntryRow(Base):
    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    # RESTRICT: an article used in an issue cannot silently disappear from it.
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    article: Mapped[ArticleRow] = relationship(lazy="joined")


class PublicationRow(Base):
    """Single row (id = 1): the licence and masthead/colophon data."""

    __tablename__ = "publication"
    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_name: Mapped[str] = mapped_column(Text, default="")
    publishing_body: Mapped[str] = mapped_column(Text, default="")
    governing_body: Mapped[str] = mapped_column(Text, default="")
    licence_number: Mapped[str] = mapped_column(String(200), default="")
    licence_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    licence_issuer: Mapped[str] = mapped_column(Text, default="")
    licence_expiry: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    frequency: Mapped[str] = mapped_column(String(200), default="")
    print_run: Mapped[int] = mapped_column(Integer, default=0)
    printing_place: Mapped[str] = mapped_column(Text, default="")
    responsible_person: Mapped[str] = mapped_column(String(200), default="")
    responsible_title: Mapped[str] = mapped_column(String(200), default="")
    editorial_board: Mapped[list] = mapped_column(JSON, default=list)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    internal_circulation: Mapped[bool] = mapped_column(Boolean, default=True)
    trim_width_mm: Mapped[float] = mapped_column(Float, default=190.0)
    trim_height_mm: Mapped[float] = mapped_column(Float, default=270.0)
    page_limit: Mapped[int] = mapped_column(Integer, default=64)
    # The English part's masthead and colophon.
    bulletin_name_en: Mapped[str] = mapped_column(Text, default="")
    publishing_body_en: Mapped[str] = mapped_column(Text, default="")
    governing_body_en: Mapped[str] = mapped_column(Text, default="")
    licence_issuer_en: Mapped[str] = mapped_column(Text, default="")
    frequency_en: Mapped[str] = mapped_column(Text, default="")
    printing_place_en: Mapped[str] = mapped_column(Text, default="")
    responsible_title_en: Mapped[str] = mapped_column(Text, default="")
    address_en: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ChangeLogRow(Base):
    """What was saved, by whom, from which open library (a window, a CLI run): other windows
    read it to show each other's work. Written in the saving transaction; kept two days."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    origin: Mapped[str] = mapped_column(String(32), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16))  # article | issue | columns | publication | library
    ref_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(8), default="changed")  # added | changed | removed
    __table_args__ = (Index("ix_change_log_at", "at"),)


class PresenceRow(Base):
    """Who has an article open in an editor (advisory: it expires unless renewed)."""

    __tablename__ = "presence"
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    origin: Mapped[str] = mapped_column(String(32), primary_key=True)  # the window holding it
    holder: Mapped[str] = mapped_column(String(200))
    since: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class UserRow(Base):
    """A member of the editorial team and their role. No rows: one desk, its user may approve."""

    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)  # the OS user (or server role)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16), default="editor")  # editor | chief
