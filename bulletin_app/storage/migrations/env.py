"""Alembic environment: always run with a connection handed in by ``migrate.py``."""

from alembic import context

from bulletin_app.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
