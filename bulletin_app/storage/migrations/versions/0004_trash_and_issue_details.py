"""articles go to a recoverable trash; issues get a cover photo and a circulation notice

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
    op.create_index("ix_articles_deleted_at", "articles", ["deleted_at"])
    op.add_column("issues", sa.Column("cover_asset", sa.String(64), nullable=False, server_default=""))
    op.add_column("issues", sa.Column("circulation_notice", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_index("ix_articles_deleted_at", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("deleted_at")
    with op.batch_alter_table("issues") as batch:
        batch.drop_column("cover_asset")
        batch.drop_column("circulation_notice")
