"""Document register: issued notices, agreements, 公示表 and vouchers with number, code and snapshot.

Triggers make issued documents permanent: no DELETE, and no UPDATE of what a document
asserted; only its printing record (print_count, last_printed_*) and row version/seal change.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from resettle.store.dialects import triggers

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FROZEN = (
    "kind, series, year, seq, number, code, project_id, household_id, household_no, head_name, "
    "scope, scope_label, issued_at, issued_by, snapshot, total"
)
TRIGGERS = {
    "issued_document_no_delete": "BEFORE DELETE ON issued_document",
    "issued_document_frozen": f"BEFORE UPDATE OF {FROZEN} ON issued_document",
}
REFUSE = "issued documents are permanent"


def upgrade() -> None:
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("series", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("household_no", sa.String(length=50), nullable=False),
        sa.Column("head_name", sa.String(length=50), nullable=False),
        sa.Column("scope", sa.String(length=50), nullable=False),
        sa.Column("scope_label", sa.String(length=200), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("last_printed_at", sa.DateTime(), nullable=True),
        sa.Column("last_printed_by", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.CheckConstraint("typeof(total) IN ('integer', 'null')", name="ck_issued_document_total_integer"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "year", "seq", name="uq_issued_document_number"),
        sa.UniqueConstraint("code", name="uq_issued_document_code"),
    )
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.create_index("ix_issued_document_household", ["household_id", "kind", "id"], unique=False)
        batch_op.create_index("ix_issued_document_scope", ["scope", "kind", "id"], unique=False)
        batch_op.create_index("ix_issued_document_project", ["project_id"], unique=False)
    for name, when in TRIGGERS.items():
        triggers.create(op, name, when, REFUSE)


def downgrade() -> None:
    for name, when in TRIGGERS.items():
        triggers.drop(op, name, when)
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.drop_index("ix_issued_document_project")
        batch_op.drop_index("ix_issued_document_scope")
        batch_op.drop_index("ix_issued_document_household")
    op.drop_table("issued_document")
