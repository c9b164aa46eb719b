"""a library for a team: search on PostgreSQL too, one folded name key per column and tag that the
database keeps unique (race-free get-or-create), a change log other windows follow, who has an
article open, and the team's roles

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _key(name: str) -> str:
    from bulletin_app.text.fold import name_key

    return name_key(name)


def _merge_tags(bind: sa.Connection) -> set[int]:
    """Tags were looked up by exact name, so "Hợp tác" and "hợp tác" could both exist: the
    oldest keeps the name, the others' articles move to it. Returns the articles touched."""
    touched: set[int] = set()
    keep: dict[str, int] = {}
    for tag_id, name in bind.execute(sa.text("SELECT id, name FROM tags ORDER BY id")).all():
        key = _key(name)
        target = keep.setdefault(key, tag_id)
        if target == tag_id:
            bind.execute(sa.text("UPDATE tags SET name_key = :k WHERE id = :i"), {"k": key, "i": tag_id})
            continue
        touched.update(
            r[0] for r in bind.execute(sa.text("SELECT article_id FROM article_tags WHERE tag_id = :o"), {"o": tag_id})
        )
        bind.execute(
            sa.text(
                "UPDATE article_tags SET tag_id = :t WHERE tag_id = :o AND article_id NOT IN "
                "(SELECT article_id FROM article_tags WHERE tag_id = :t)"
            ),
            {"t": target, "o": tag_id},
        )
        bind.execute(sa.text("DELETE FROM article_tags WHERE tag_id = :o"), {"o": tag_id})
        bind.execute(sa.text("DELETE FROM tags WHERE id = :o"), {"o": tag_id})
    return touched


def _merge_columns(bind: sa.Connection) -> None:
    keep: dict[str, int] = {}
    for column_id, name in bind.execute(sa.text("SELECT id, name FROM columns ORDER BY id")).all():
        key = _key(name)
        target = keep.setdefault(key, column_id)
        if target == column_id:
            bind.execute(sa.text("UPDATE columns SET name_key = :k WHERE id = :i"), {"k": key, "i": column_id})
            continue
        for table in ("articles", "sections"):
            bind.execute(sa.text(f"UPDATE {table} SET column_id = :t WHERE column_id = :o"), {"t": target, "o": column_id})
        bind.execute(sa.text("DELETE FROM columns WHERE id = :o"), {"o": column_id})


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("tags", sa.Column("name_key", sa.String(200), nullable=False, server_default=""))
    op.add_column("columns", sa.Column("name_key", sa.String(200), nullable=False, server_default=""))
    touched = _merge_tags(bind)
    _merge_columns(bind)
    op.create_index("ux_tags_name_key", "tags", ["name_key"], unique=True)
    op.create_index("ux_columns_name_key", "columns", ["name_key"], unique=True)
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(32), nullable=False, server_default=""),
        sa.Column("author", sa.String(200), nullable=False, server_default=""),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(8), nullable=False, server_default="changed"),
    )
    op.create_index("ix_change_log_at", "change_log", ["at"])
    op.create_table(
        "presence",
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("origin", sa.String(32), primary_key=True),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("role", sa.String(16), nullable=False, server_default="editor"),
    )
    if bind.dialect.name == "postgresql":
        from bulletin_app.storage.search.postgres import SCHEMA_SQL, PostgresSearch

        for statement in SCHEMA_SQL:
            op.execute(statement)
        PostgresSearch().rebuild(bind)
    elif touched:  # their indexed tags changed
        from bulletin_app.storage.search.fields import stored_fields
        from bulletin_app.storage.search.fts5 import Fts5Search

        Fts5Search().index_many(bind, stored_fields(bind, touched))


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_table("users")
    op.drop_table("presence")
    op.drop_index("ix_change_log_at", "change_log")
    op.drop_table("change_log")
    if bind.dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS article_search")
    op.drop_index("ux_tags_name_key", "tags")
    op.drop_index("ux_columns_name_key", "columns")
    with op.batch_alter_table("tags") as batch:
        batch.drop_column("name_key")
    with op.batch_alter_table("columns") as batch:
        batch.drop_column("name_key")
