"""Placement housing: estates, flats, placement standard, lottery, selection, settlement, transition, handover (issue 13).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 16:30:00.000000
"""

from __future__ import annotations

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
