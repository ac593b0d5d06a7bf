"""Livelihood: labour status, employment, training, jobs and referrals, follow-up, social security (issue 14).

Money is INTEGER 分 with typeof() checks. Triggers freeze a published social-security
standard and its bands, so the standard a roster was sent on cannot change, not even by
raw SQL.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 16:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from resettle.store.dialects import triggers

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PUBLISHED = "已发布"
BAND_CONTENT = "standard_id, seq, band, sex, start_age, end_age, benefit, amount"
STANDARD_CONTENT = "project_id, revision, reference_date, status, source_file, created_at, published_at, published_by"
FROZEN = "social-security standard is published and frozen"
TRIGGERS = {
    "ss_standard_frozen_update": f"BEFORE UPDATE OF {STANDARD_CONTENT} ON ss_standard WHEN OLD.status = '{PUBLISHED}'",
    "ss_standard_frozen_delete": f"BEFORE DELETE ON ss_standard WHEN OLD.status = '{PUBLISHED}'",
    "ss_band_frozen_insert": (
        f"BEFORE INSERT ON ss_band WHEN (SELECT status FROM ss_standard WHERE id = NEW.standard_id) = '{PUBLISHED}'"
    ),
    "ss_band_frozen_update": (
        f"BEFORE UPDATE OF {BAND_CONTENT} ON ss_band "
        f"WHEN (SELECT status FROM ss_standard WHERE id = OLD.standard_id) = '{PUBLISHED}' "
        f"OR (SELECT status FROM ss_standard WHERE id = NEW.standard_id) = '{PUBLISHED}'"
    ),
    "ss_band_frozen_delete": (
        f"BEFORE DELETE ON ss_band WHEN (SELECT status FROM ss_standard WHERE id = OLD.standard_id) = '{PUBLISHED}'"
    ),
}
TABLES = (
    "ss_enrolment",
    "ss_band",
    "ss_standard",
    "follow_up_visit",
    "referral",
    "job_post",
    "training_enrolment",
    "training_course",
    "employment_record",
    "labour_person",
    "labour_settings",
)


def _editable() -> list[sa.Column[int] | sa.Column[str]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
    ]


def _integer(table: str, *columns: str) -> list[sa.CheckConstraint]:
    return [sa.CheckConstraint(f"typeof({c}) IN ('integer', 'null')", name=f"ck_{table}_{c}_integer") for c in columns]


def upgrade() -> None:
    op.create_table(
        "labour_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=True),
        sa.Column("min_age", sa.Integer(), nullable=False),
        sa.Column("male_retirement", sa.Integer(), nullable=False),
        sa.Column("female_retirement", sa.Integer(), nullable=False),
        sa.Column("visit_interval_months", sa.Integer(), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("project_id", name="uq_labour_settings_project"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "labour_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("post", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("monthly_income", sa.Integer(), nullable=True),
        sa.Column("unemployed_since", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        *_editable(),
        *_integer("labour_person", "monthly_income"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("person_id", name="uq_labour_person_person"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "employment_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("post", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("monthly_income", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        *_editable(),
        *_integer("employment_record", "monthly_income"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("employment_record", schema=None) as batch_op:
        batch_op.create_index("ix_employment_record_person", ["person_id", "id"], unique=False)

    op.create_table(
        "training_course",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("hours", sa.Integer(), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("training_course", schema=None) as batch_op:
        batch_op.create_index("ix_training_course_project", ["project_id", "name", "start_date"], unique=False)

    op.create_table(
        "training_enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("attended_hours", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("certificate_name", sa.String(length=100), nullable=False),
        sa.Column("certificate_no", sa.String(length=100), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("course_id", "person_id", name="uq_training_enrolment"),
        sa.ForeignKeyConstraint(["course_id"], ["training_course.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("training_enrolment", schema=None) as batch_op:
        batch_op.create_index("ix_training_enrolment_person", ["person_id"], unique=False)

    op.create_table(
        "job_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("enterprise", sa.String(length=200), nullable=False),
        sa.Column("post", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=2), nullable=False),
        sa.Column("certificate", sa.String(length=100), nullable=False),
        sa.Column("wage", sa.Integer(), nullable=True),
        *_editable(),
        *_integer("job_post", "wage"),
        sa.UniqueConstraint("project_id", "enterprise", "post", name="uq_job_post"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.CheckConstraint("places >= 0", name="ck_job_post_places"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_editable(),
        sa.CheckConstraint("status IN ('推荐', '面试', '录用', '未录用')", name="ck_referral_status"),
        sa.ForeignKeyConstraint(["post_id"], ["job_post.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("post_id", "person_id", name="uq_referral"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index("ix_referral_person", ["person_id"], unique=False)

    op.create_table(
        "follow_up_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("monthly_income", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_editable(),
        *_integer("follow_up_visit", "monthly_income"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("follow_up_visit", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_visit_person", ["person_id", "visit_date"], unique=False)

    op.create_table(
        "ss_standard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("source_file", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_by", sa.String(length=100), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("project_id", "revision", name="uq_ss_standard_revision"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "ss_band",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=50), nullable=False),
        sa.Column("sex", sa.String(length=2), nullable=False),
        sa.Column("start_age", sa.Integer(), nullable=False),
        sa.Column("end_age", sa.Integer(), nullable=False),
        sa.Column("benefit", sa.String(length=100), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        *_editable(),
        *_integer("ss_band", "amount"),
        sa.ForeignKeyConstraint(["standard_id"], ["ss_standard.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ss_band", schema=None) as batch_op:
        batch_op.create_index("ix_ss_band_standard", ["standard_id", "seq"], unique=False)

    op.create_table(
        "ss_enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Integer(), nullable=True),
        sa.Column("band", sa.String(length=50), nullable=False),
        sa.Column("reply_band", sa.String(length=50), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reconciled_at", sa.DateTime(), nullable=True),
        *_editable(),
        sa.UniqueConstraint("person_id", name="uq_ss_enrolment_person"),
        sa.ForeignKeyConstraint(["standard_id"], ["ss_standard.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ss_enrolment", schema=None) as batch_op:
        batch_op.create_index("ix_ss_enrolment_standard_id", ["standard_id"], unique=False)

    for name, when in TRIGGERS.items():
        triggers.create(op, name, when, FROZEN)


def downgrade() -> None:
    for name, when in TRIGGERS.items():
        triggers.drop(op, name, when)
    for table in TABLES:
        op.drop_table(table)
