"""the bilingual bulletin: translation links held on both sides (one partner each), an issue's edition
and arrangement, English names for columns and for the publication record

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PUBLICATION_EN = (
    "bulletin_name_en",
    "publishing_body_en",
    "governing_body_en",
    "licence_issuer_en",
    "frequency_en",
    "printing_place_en",
    "responsible_title_en",
    "address_en",
)
# English names of the columns a library is seeded with (resources/seed/library.toml).
COLUMNS_EN = {
    "Sự kiện – Hoạt động": "Events – Activities",
    "Ngoại giao kinh tế": "Economic Diplomacy",
    "Văn hóa đối ngoại": "Cultural Diplomacy",
    "Đối ngoại nhân dân": "People-to-People Diplomacy",
    "Viện trợ phi chính phủ nước ngoài": "Foreign Non-Governmental Aid",
    "Lãnh sự – Bảo hộ công dân": "Consular Affairs – Citizen Protection",
    "Người Việt Nam ở nước ngoài": "Overseas Vietnamese",
    "Thông tin – Tư liệu": "Information – Documents",
}


def upgrade() -> None:
    bind = op.get_bind()
    # Links were one-way (a bare number): make every link a pair seen from both sides. Where two
    # articles named the same partner, the lower id keeps it and the other link is dropped.
    links = bind.execute(
        sa.text("SELECT id, translation_id FROM articles WHERE translation_id IS NOT NULL ORDER BY id")
    ).all()
    partner: dict[int, int] = {}
    for article_id, other in links:
        if article_id in partner or other in partner or article_id == other:
            continue
        partner[article_id], partner[other] = other, article_id
    bind.execute(sa.text("UPDATE articles SET translation_id = NULL WHERE translation_id IS NOT NULL"))
    for article_id, other in partner.items():
        bind.execute(
            sa.text("UPDATE articles SET translation_id = :o WHERE id = :i AND EXISTS (SELECT 1 FROM articles WHERE id = :o)"),
            {"i": article_id, "o": other},
        )
    # At most one article names a given partner: the database keeps the pair a pair.
    linked = sa.text("translation_id IS NOT NULL")
    op.create_index(
        "ux_articles_translation", "articles", ["translation_id"], unique=True,
        sqlite_where=linked, postgresql_where=linked,
    )
    # The original's content hash when its translation was last written: an original edited
    # since then makes the translation "outdated".
    op.add_column("articles", sa.Column("source_hash", sa.String(64), nullable=False, server_default=""))
    op.add_column("issues", sa.Column("edition", sa.String(16), nullable=False, server_default="vi"))
    op.add_column("issues", sa.Column("arrangement", sa.String(16), nullable=False, server_default="parts"))
    op.add_column("columns", sa.Column("name_en", sa.String(200), nullable=False, server_default=""))
    for name, english in COLUMNS_EN.items():
        bind.execute(sa.text("UPDATE columns SET name_en = :en WHERE name = :vi"), {"en": english, "vi": name})
    for name in PUBLICATION_EN:
        op.add_column("publication", sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_index("ux_articles_translation", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("source_hash")
    with op.batch_alter_table("issues") as batch:
        batch.drop_column("edition")
        batch.drop_column("arrangement")
    with op.batch_alter_table("columns") as batch:
        batch.drop_column("name_en")
    with op.batch_alter_table("publication") as batch:
        for name in PUBLICATION_EN:
            batch.drop_column(name)
