"""articles go to a recoverable trash and are listed newest-changed first by an index; issues get a cover photo and a circulation notice

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: no table rebuild, the search index and foreign keys stay as they are.
    op.add_column("articles", sa.Column("deleted_at", sa.DateTime(), nullable=True))
    # Partial: nearly every article is out of the trash, and a full index on the column
    # led SQLite to prefer it over the order's index (a sort of every row for the list).
    trashed = sa.text("deleted_at IS NOT NULL")
    op.create_index(
        "ix_articles_trashed", "articles", ["deleted_at"], sqlite_where=trashed, postgresql_where=trashed
    )
    # the library opens newest-changed first: without an index that is a sort of every row
    op.create_index("ix_articles_updated_at", "articles", ["updated_at"])
    op.add_column("issues", sa.Column("cover_asset", sa.String(64), nullable=False, server_default=""))
    op.add_column("issues", sa.Column("circulation_notice", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_index("ix_articles_trashed", "articles")
    op.drop_index("ix_articles_updated_at", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("deleted_at")
    with op.batch_alter_table("issues") as batch:
        batch.drop_column("cover_asset")
        batch.drop_column("circulation_notice")
