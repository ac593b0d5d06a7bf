"""Compensation: rate tables and rules, project's standard, computed lines, review state, adjustments.

Money is INTEGER 分 with typeof() checks. Triggers freeze published rate tables and their
rules, so a standard that households were paid on cannot change, not even by raw SQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:43:20.141732
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from resettle.store.dialects import triggers

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PUBLISHED = "已发布"
RULE_CONTENT = "rate_table_id, seq, code, item, basis, conditions, unit_price, unit, minimum, maximum, payee"
TABLE_CONTENT = (
    "name, revision, effective_date, source_doc, status, based_on_id, created_at, published_at, published_by"
)
FROZEN = "rate table is published and frozen"
TRIGGERS = {
    "rate_table_frozen_update": (f"BEFORE UPDATE OF {TABLE_CONTENT} ON rate_table WHEN OLD.status = '{PUBLISHED}'"),
    "rate_table_frozen_delete": f"BEFORE DELETE ON rate_table WHEN OLD.status = '{PUBLISHED}'",
    "rate_rule_frozen_insert": (
        f"BEFORE INSERT ON rate_rule WHEN (SELECT status FROM rate_table WHERE id = NEW.rate_table_id) = '{PUBLISHED}'"
    ),
    "rate_rule_frozen_update": (
        f"BEFORE UPDATE OF {RULE_CONTENT} ON rate_rule "
        f"WHEN (SELECT status FROM rate_table WHERE id = OLD.rate_table_id) = '{PUBLISHED}' "
        f"OR (SELECT status FROM rate_table WHERE id = NEW.rate_table_id) = '{PUBLISHED}'"
    ),
    "rate_rule_frozen_delete": (
        f"BEFORE DELETE ON rate_rule WHEN (SELECT status FROM rate_table WHERE id = OLD.rate_table_id) = '{PUBLISHED}'"
    ),
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
        "rate_table",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=True),
        sa.Column("source_doc", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("based_on_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_by", sa.String(length=100), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["based_on_id"], ["rate_table.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", "revision", name="uq_rate_table_revision"),
    )
    with op.batch_alter_table("rate_table", schema=None) as batch_op:
        batch_op.create_index("ix_rate_table_based_on_id", ["based_on_id"], unique=False)

    op.create_table(
        "project_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("rate_table_id", sa.Integer(), nullable=False),
        sa.Column("transition_months", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=True),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["rate_table_id"], ["rate_table.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", name="uq_project_rate_project"),
    )
    with op.batch_alter_table("project_rate", schema=None) as batch_op:
        batch_op.create_index("ix_project_rate_rate_table_id", ["rate_table_id"], unique=False)

    op.create_table(
        "rate_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rate_table_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("item", sa.String(length=50), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("conditions", sa.String(length=500), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=True),
        sa.Column("maximum", sa.Integer(), nullable=True),
        sa.Column("payee", sa.String(length=10), nullable=False),
        *_editable(),
        *_integer("rate_rule", "maximum", "minimum", "unit_price"),
        sa.ForeignKeyConstraint(["rate_table_id"], ["rate_table.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("rate_table_id", "code", name="uq_rate_rule_code"),
    )
    with op.batch_alter_table("rate_rule", schema=None) as batch_op:
        batch_op.create_index("ix_rate_rule_table", ["rate_table_id", "seq"], unique=False)

    op.create_table(
        "compensation_adjustment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=50), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("payee", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        *_editable(),
        *_integer("compensation_adjustment", "amount"),
        sa.CheckConstraint("length(trim(reason)) > 0", name="ck_compensation_adjustment_reason"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("compensation_adjustment", schema=None) as batch_op:
        batch_op.create_index("ix_compensation_adjustment_household_id", ["household_id"], unique=False)

    op.create_table(
        "compensation_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("rate_table_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("rule_code", sa.String(length=30), nullable=False),
        sa.Column("item", sa.String(length=50), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("payee", sa.String(length=10), nullable=False),
        sa.Column("table_version", sa.Integer(), nullable=False),
        sa.Column("formula", sa.Text(), nullable=False),
        *_editable(),
        *_integer("compensation_line", "amount", "quantity", "unit_price"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["rate_table_id"], ["rate_table.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("compensation_line", schema=None) as batch_op:
        batch_op.create_index("ix_compensation_line_household", ["household_id", "seq"], unique=False)
        batch_op.create_index("ix_compensation_line_rate_table_id", ["rate_table_id"], unique=False)

    op.create_table(
        "household_compensation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("rate_table_id", sa.Integer(), nullable=True),
        sa.Column("table_version", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("lines_digest", sa.String(length=64), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=True),
        sa.Column("computed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("transition_months", sa.Integer(), nullable=True),
        *_editable(),
        sa.CheckConstraint("status IN ('未计算', '已计算', '已复核')", name="ck_household_compensation_status"),
        *_integer("household_compensation", "total"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["rate_table_id"], ["rate_table.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("household_id", name="uq_household_compensation_household"),
    )
    with op.batch_alter_table("household_compensation", schema=None) as batch_op:
        batch_op.create_index("ix_household_compensation_rate_table_id", ["rate_table_id"], unique=False)

    for name, when in TRIGGERS.items():
        triggers.create(op, name, when, FROZEN)


def downgrade() -> None:
    for name, when in TRIGGERS.items():
        triggers.drop(op, name, when)
    for table, indexes in (
        ("household_compensation", ["ix_household_compensation_rate_table_id"]),
        ("compensation_line", ["ix_compensation_line_rate_table_id", "ix_compensation_line_household"]),
        ("compensation_adjustment", ["ix_compensation_adjustment_household_id"]),
        ("rate_rule", ["ix_rate_rule_table"]),
        ("project_rate", ["ix_project_rate_rate_table_id"]),
        ("rate_table", ["ix_rate_table_based_on_id"]),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(table)
