"""search index: folded shadow text + two FTS5 indexes (folded, exact accents)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # other backends get their own search backend
    from bulletin_app.storage.search.fts5 import SCHEMA_SQL, Fts5Search

    for statement in SCHEMA_SQL:
        op.execute(statement)
    Fts5Search().rebuild(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name in ("article_search_ai", "article_search_ad", "article_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS article_fts")
    op.execute("DROP TABLE IF EXISTS article_fts_exact")
    op.execute("DROP TABLE IF EXISTS article_search")
