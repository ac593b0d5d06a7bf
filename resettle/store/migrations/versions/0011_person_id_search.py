"""Search by ID number reads the index only: (id_number, household_id) for the members with an ID.

The unique index on id_number stays (it keeps IDs unique); this one carries the household, so a
typed ID prefix finds its households without reading a person row each (issue 18: on a
million-household register the first such search after opening read 2,000 rows from disk).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 21:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

WITH_ID = "id_number <> ''"


def upgrade() -> None:
    op.create_index(
        "ix_person_id_number_household",
        "person",
        ["id_number", "household_id"],
        unique=False,
        sqlite_where=sa.text(WITH_ID),
        postgresql_where=sa.text(WITH_ID),
    )


def downgrade() -> None:
    op.drop_index("ix_person_id_number_household", table_name="person")
