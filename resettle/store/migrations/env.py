"""Alembic environment: runs on the connection the program hands over (batch mode for SQLite)."""

from __future__ import annotations

from alembic import context

from resettle.store.schema import models

Base = models.Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the program always passes its own connection
    raise RuntimeError("migrations run through resettle.store.migrate only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
