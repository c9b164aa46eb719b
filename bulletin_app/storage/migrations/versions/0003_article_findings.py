"""article findings: what the importer and proofing ask an editor to look at

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: no table rebuild, so the search index, revisions and issue
    # entries that point at articles are untouched.
    op.add_column("articles", sa.Column("findings", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("findings")
