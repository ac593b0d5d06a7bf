"""Accounts and roles, review, agreements, payment batches, supporting documents (issue 12).

Triggers keep what was signed and what the bank answered: the lines of an agreement are
never changed or deleted, a signed agreement's terms are frozen, and a payment's result,
once the bank answered, stays.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 16:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from resettle.store.dialects import triggers

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

AGREEMENT_TERMS = "household_id, project_id, seq, kind, mode, total, plan, signed_on, reason, lines_digest"
TRIGGERS = {
    "agreement_line_frozen_update": "BEFORE UPDATE OF agreement_id, household_id, seq, item, formula, amount, payee ON agreement_line",
    "agreement_line_frozen_delete": "BEFORE DELETE ON agreement_line",
    "agreement_frozen_update": f"BEFORE UPDATE OF {AGREEMENT_TERMS} ON agreement WHEN OLD.status <> '草拟'",
    "agreement_frozen_delete": "BEFORE DELETE ON agreement WHEN OLD.status <> '草拟'",
    "payment_result_frozen": (
        "BEFORE UPDATE OF result, amount, bank_account, household_no ON payment WHEN OLD.result <> '待回盘'"
    ),
    "payment_frozen_delete": "BEFORE DELETE ON payment",
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
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("must_change", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.UniqueConstraint("name", name="uq_user_account_name"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("plan", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("vacated_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("lines_digest", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        *_editable(),
        *_integer("agreement", "total"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="RESTRICT"),
        sa.CheckConstraint("kind = '协议' OR length(trim(reason)) > 0", name="ck_agreement_supplement_reason"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.UniqueConstraint("household_id", "seq", name="uq_agreement_household_seq"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index("ix_agreement_project", ["project_id", "status"], unique=False)

    op.create_table(
        "agreement_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=50), nullable=False),
        sa.Column("formula", sa.Text(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("payee", sa.String(length=10), nullable=False),
        *_integer("agreement_line", "amount"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreement_line", schema=None) as batch_op:
        batch_op.create_index("ix_agreement_line_agreement", ["agreement_id", "seq"], unique=False)

    op.create_table(
        "instalment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("percent", sa.String(length=10), nullable=False),
        sa.Column("condition", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        *_editable(),
        *_integer("instalment", "amount"),
        sa.UniqueConstraint("agreement_id", "seq", name="uq_instalment_agreement_seq"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("instalment", schema=None) as batch_op:
        batch_op.create_index("ix_instalment_household", ["household_id"], unique=False)
        batch_op.create_index("ix_instalment_project", ["project_id", "seq"], unique=False)

    op.create_table(
        "payment_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("batch_no", sa.String(length=30), nullable=False),
        sa.Column("instalment", sa.Integer(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("bank_format", sa.String(length=30), nullable=False),
        sa.Column("chain_head", sa.String(length=64), nullable=False),
        sa.Column("reply_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("replied_at", sa.DateTime(), nullable=True),
        *_editable(),
        *_integer("payment_batch", "total"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.UniqueConstraint("batch_no", name="uq_payment_batch_no"),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment_batch", schema=None) as batch_op:
        batch_op.create_index("ix_payment_batch_project", ["project_id"], unique=False)

    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("instalment_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("household_no", sa.String(length=50), nullable=False),
        sa.Column("payee", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("bank_name", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("failure_reason", sa.String(length=200), nullable=False),
        sa.Column("result_at", sa.DateTime(), nullable=True),
        *_editable(),
        *_integer("payment", "amount"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["instalment_id"], ["instalment.id"], ondelete="RESTRICT"),
        sa.UniqueConstraint("batch_id", "seq", name="uq_payment_batch_seq"),
        sa.ForeignKeyConstraint(["batch_id"], ["payment_batch.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index("ix_payment_household", ["household_id"], unique=False)
        batch_op.create_index("ix_payment_instalment", ["instalment_id"], unique=False)

    op.create_table(
        "supporting_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supporting_document", schema=None) as batch_op:
        batch_op.create_index("ix_supporting_document_household", ["household_id"], unique=False)
        batch_op.create_index("ix_supporting_document_sha256", ["sha256"], unique=False)

    op.create_table(
        "supporting_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )

    for name, when in TRIGGERS.items():
        triggers.create(op, name, when, "signed agreements and bank results are frozen")


def downgrade() -> None:
    for name, when in TRIGGERS.items():
        triggers.drop(op, name, when)
    for table in (
        "supporting_blob",
        "supporting_document",
        "payment",
        "payment_batch",
        "instalment",
        "agreement_line",
        "agreement",
        "user_account",
    ):
        op.drop_table(table)
