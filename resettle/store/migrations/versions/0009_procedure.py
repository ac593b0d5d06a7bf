"""Procedure calendar, project steps, cut-off, grievances and posting records (issue 15).

Adds the office's holiday tables, the steps of each project, posting records, grievances
and their evidence files, and the registration date of structures, attachments and
persons (the cut-off guard compares it with the project's 预公告 date).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 16:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

REGISTERED = ("structure", "attachment", "person")


def _editable() -> list[sa.Column[int] | sa.Column[str]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
    ]


def upgrade() -> None:
    for table in REGISTERED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("registered_on", sa.Date(), nullable=True))

    op.create_table(
        "holiday_year",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year"),
    )
    op.create_table(
        "holiday_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["year_id"], ["holiday_year.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day"),
    )
    with op.batch_alter_table("holiday_day", schema=None) as batch_op:
        batch_op.create_index("ix_holiday_day_year_id", ["year_id"], unique=False)

    op.create_table(
        "procedure_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("family_changes_after_cutoff_count", sa.Boolean(), nullable=False),
        sa.Column("early_agreement_reason", sa.Text(), nullable=False),
        sa.Column("early_agreement_by", sa.String(length=100), nullable=False),
        sa.Column("early_agreement_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id"),
    )

    op.create_table(
        "procedure_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("applicable", sa.Boolean(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("doc_no", sa.String(length=100), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "code", name="uq_procedure_step_code"),
    )
    with op.batch_alter_table("procedure_step", schema=None) as batch_op:
        batch_op.create_index("ix_procedure_step_project", ["project_id", "seq"], unique=False)

    op.create_table(
        "posting_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("chain_head", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["step_id"], ["procedure_step.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("posting_record", schema=None) as batch_op:
        batch_op.create_index("ix_posting_record_project", ["project_id", "start_date"], unique=False)
        batch_op.create_index("ix_posting_record_step_id", ["step_id"], unique=False)

    op.create_table(
        "grievance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("person", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("subject_kind", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("posting_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("period_unit", sa.String(length=10), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("handler", sa.String(length=50), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["posting_id"], ["posting_record.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "number", name="uq_grievance_number"),
    )
    with op.batch_alter_table("grievance", schema=None) as batch_op:
        batch_op.create_index("ix_grievance_project", ["project_id", "closed_on", "due_on"], unique=False)
        batch_op.create_index("ix_grievance_household_id", ["household_id"], unique=False)
        batch_op.create_index("ix_grievance_posting_id", ["posting_id"], unique=False)

    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("grievance_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.ForeignKeyConstraint(["step_id"], ["procedure_step.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["grievance_id"], ["grievance.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.create_index("ix_evidence_file_step_id", ["step_id"], unique=False)
        batch_op.create_index("ix_evidence_file_grievance_id", ["grievance_id"], unique=False)


def downgrade() -> None:
    for table in ("evidence_file", "grievance", "posting_record", "procedure_step", "procedure_setting"):
        op.drop_table(table)
    op.drop_table("holiday_day")
    op.drop_table("holiday_year")
    for table in REGISTERED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("registered_on")
