"""Placement housing: estates, flats, placement standard, lottery, selection, settlement, transition, handover (issue 13).

A flat's selection is unique (``uq_flat_selection_flat``), so a flat is never given twice
even when two clerks save at the same moment. Published placement standards are frozen
by triggers, like published rate tables.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 16:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from resettle.store.dialects import triggers

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

STANDARD_CONTENT = (
    "project_id, revision, status, area_per_person, minimum_area, price_within, band_widths, band_prices, "
    "refund_price, transition_rate, overdue_multiplier, fitout_months, source_file, created_at, published_at, "
    "published_by"
)
FROZEN = "placement standard is published and frozen"
TRIGGERS = {
    "placement_standard_frozen_update": (
        f"BEFORE UPDATE OF {STANDARD_CONTENT} ON placement_standard WHEN OLD.status = '已发布'"
    ),
    "placement_standard_frozen_delete": "BEFORE DELETE ON placement_standard WHEN OLD.status = '已发布'",
}

INDEXES: dict[str, list[tuple[str, list[str]]]] = {
    "estate": [("ix_estate_project_id", ["project_id"])],
    "flat": [("ix_flat_estate_status", ["estate_id", "status"])],
    "placement_exclusion": [("ix_placement_exclusion_household_id", ["household_id"])],
    "lottery_draw": [("ix_lottery_draw_project_id", ["project_id"]), ("ix_lottery_draw_village_id", ["village_id"])],
    "flat_selection": [("ix_flat_selection_household_id", ["household_id"])],
    "handover": [("ix_handover_project_id", ["project_id"])],
}


def _editable() -> list[sa.Column[int] | sa.Column[str]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
    ]


def _integer(table: str, *columns: str) -> list[sa.CheckConstraint]:
    return [sa.CheckConstraint(f"typeof({c}) IN ('integer', 'null')", name=f"ck_{table}_{c}_integer") for c in columns]


def upgrade() -> None:
    op.create_table(
        "estate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("promised_handover_on", sa.Date(), nullable=True),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "name", name="uq_estate_name"),
    )
    op.create_table(
        "flat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("building", sa.String(length=30), nullable=False),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("floor", sa.Integer(), nullable=False),
        sa.Column("room", sa.String(length=30), nullable=False),
        sa.Column("layout", sa.String(length=30), nullable=False),
        sa.Column("area_m2", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("frozen_reason", sa.Text(), nullable=False),
        *_editable(),
        *_integer("flat", "area_m2"),
        sa.CheckConstraint("status IN ('可选', '冻结', '已选', '已交付')", name="ck_flat_status"),
        sa.CheckConstraint("status <> '冻结' OR length(trim(frozen_reason)) > 0", name="ck_flat_frozen_reason"),
        sa.ForeignKeyConstraint(["estate_id"], ["estate.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("estate_id", "building", "unit", "room", name="uq_flat_name"),
    )
    op.create_table(
        "placement_standard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("area_per_person", sa.Integer(), nullable=False),
        sa.Column("minimum_area", sa.Integer(), nullable=True),
        sa.Column("price_within", sa.Integer(), nullable=False),
        sa.Column("band_widths", sa.String(length=200), nullable=False),
        sa.Column("band_prices", sa.String(length=200), nullable=False),
        sa.Column("refund_price", sa.Integer(), nullable=False),
        sa.Column("transition_rate", sa.Integer(), nullable=False),
        sa.Column("overdue_multiplier", sa.Integer(), nullable=False),
        sa.Column("fitout_months", sa.Integer(), nullable=False),
        sa.Column("source_file", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_by", sa.String(length=100), nullable=False),
        *_editable(),
        *_integer(
            "placement_standard",
            "area_per_person",
            "minimum_area",
            "price_within",
            "refund_price",
            "transition_rate",
            "overdue_multiplier",
        ),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "revision", name="uq_placement_standard_revision"),
    )
    op.create_table(
        "placement_household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("moved_out_on", sa.Date(), nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        *_editable(),
        sa.CheckConstraint(
            "mode IN ('产权调换', '货币安置', '宅基地', '集中供养')", name="ck_placement_household_mode"
        ),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("household_id", name="uq_placement_household_household"),
    )
    op.create_table(
        "placement_exclusion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *_editable(),
        sa.CheckConstraint("length(trim(reason)) > 0", name="ck_placement_exclusion_reason"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("person_id", name="uq_placement_exclusion_person"),
    )
    op.create_table(
        "lottery_draw",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=True),
        sa.Column("scope_key", sa.String(length=50), nullable=False),
        sa.Column("seed", sa.String(length=200), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("order_text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("redraw_reason", sa.Text(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(), nullable=True),
        sa.Column("drawn_by", sa.String(length=100), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "flat_selection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("owner_ids", sa.String(length=200), nullable=False),
        sa.Column("ahead_of_order", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("chosen_at", sa.DateTime(), nullable=True),
        sa.Column("chosen_by", sa.String(length=100), nullable=False),
        *_editable(),
        sa.CheckConstraint("slot IN (1, 2)", name="ck_flat_selection_slot"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["flat_id"], ["flat.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("flat_id", name="uq_flat_selection_flat"),
        sa.UniqueConstraint("household_id", "slot", name="uq_flat_selection_slot"),
    )
    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("handed_over_on", sa.Date(), nullable=False),
        sa.Column("keys", sa.Integer(), nullable=False),
        sa.Column("water_reading", sa.Integer(), nullable=True),
        sa.Column("power_reading", sa.Integer(), nullable=True),
        sa.Column("gas_reading", sa.Integer(), nullable=True),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("notice_no", sa.String(length=50), nullable=False),
        sa.Column("title_status", sa.String(length=10), nullable=False),
        *_editable(),
        *_integer("handover", "water_reading", "power_reading", "gas_reading"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("household_id", name="uq_handover_household"),
        sa.UniqueConstraint("project_id", "serial", name="uq_handover_serial"),
    )
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes:
                batch_op.create_index(name, columns, unique=False)
    with op.batch_alter_table("lottery_draw", schema=None) as batch_op:
        batch_op.create_index(
            "uq_lottery_draw_active",
            ["scope_key"],
            unique=True,
            sqlite_where=sa.text("status = '有效'"),
            postgresql_where=sa.text("status = '有效'"),
        )
    for name, when in TRIGGERS.items():
        triggers.create(op, name, when, FROZEN)


def downgrade() -> None:
    for name, when in TRIGGERS.items():
        triggers.drop(op, name, when)
    with op.batch_alter_table("lottery_draw", schema=None) as batch_op:
        batch_op.drop_index("uq_lottery_draw_active")
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _columns in indexes:
                batch_op.drop_index(name)
    for table in (
        "handover",
        "flat_selection",
        "lottery_draw",
        "placement_exclusion",
        "placement_household",
        "placement_standard",
        "flat",
        "estate",
    ):
        op.drop_table(table)
