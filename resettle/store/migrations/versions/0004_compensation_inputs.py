"""Compensation: fingerprint of the facts and standard a household's lines were computed from.

With it a recompute skips households whose inputs are unchanged instead of pricing them
again (a project recompute touches only what was edited).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 01:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household_compensation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inputs_digest", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("household_compensation", schema=None) as batch_op:
        batch_op.drop_column("inputs_digest")
