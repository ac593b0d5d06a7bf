"""Initial register tables, audit trail made append-only by triggers.

Money and measured quantities are INTEGER (分, or 10^-places units) with typeof() checks.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 00:36:08.629417
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from resettle.store.dialects import triggers

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

AUDIT_TRIGGERS = {
    "audit_log_no_update": "BEFORE UPDATE ON audit_log",
    "audit_log_no_delete": "BEFORE DELETE ON audit_log",
}


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ts", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("host", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=50), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_batch", ["batch_id"], unique=False)
        batch_op.create_index("ix_audit_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index("ix_audit_household", ["household_id", "id"], unique=False)

    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("host", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("approval_no", sa.String(length=100), nullable=False),
        sa.Column("approval_date", sa.Date(), nullable=True),
        sa.Column("cutoff_date", sa.Date(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "village",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "name", name="uq_village_name"),
    )
    with op.batch_alter_table("village", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_village_project_id"), ["project_id"], unique=False)

    op.create_table(
        "village_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("village_id", "name", name="uq_group_name"),
    )
    with op.batch_alter_table("village_group", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_village_group_village_id"), ["village_id"], unique=False)

    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("household_no", sa.String(length=50), nullable=False),
        sa.Column("head_name", sa.String(length=50), nullable=False),
        sa.Column("head_initials", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("bank_name", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=False),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["group_id"], ["village_group.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "household_no", name="uq_household_no"),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index("ix_household_batch", ["batch_id"], unique=False)
        batch_op.create_index("ix_household_group", ["group_id", "household_no"], unique=False)
        batch_op.create_index("ix_household_no", ["household_no"], unique=False)
        batch_op.create_index("ix_household_head", ["head_name"], unique=False)
        batch_op.create_index("ix_household_initials", ["head_initials"], unique=False)
        batch_op.create_index("ix_household_phone", ["phone"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("spec", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.CheckConstraint("typeof(quantity) IN ('integer', 'null')", name="ck_attachment_quantity_integer"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_household_id"), ["household_id"], unique=False)

    op.create_table(
        "land_parcel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("parcel_no", sa.String(length=50), nullable=False),
        sa.Column("land_class", sa.String(length=30), nullable=False),
        sa.Column("area_mu", sa.Integer(), nullable=False),
        sa.Column("contract_no", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.CheckConstraint("typeof(area_mu) IN ('integer', 'null')", name="ck_land_parcel_area_mu_integer"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("land_parcel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_land_parcel_household_id"), ["household_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("name_initials", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("sex", sa.String(length=2), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("hukou_type", sa.String(length=20), nullable=False),
        sa.Column("resettled", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_household", ["household_id", "seq"], unique=False)
        batch_op.create_index("ix_person_initials", ["name_initials", "household_id"], unique=False)
        batch_op.create_index("ix_person_name", ["name", "household_id"], unique=False)
        batch_op.create_index(
            "uq_person_id_number",
            ["id_number"],
            unique=True,
            sqlite_where=sa.text("id_number <> ''"),
            postgresql_where=sa.text("id_number <> ''"),
        )

    op.create_table(
        "structure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("use", sa.String(length=20), nullable=False),
        sa.Column("structure_type", sa.String(length=20), nullable=False),
        sa.Column("floor_area_m2", sa.Integer(), nullable=False),
        sa.Column("legal_status", sa.String(length=20), nullable=False),
        sa.Column("year_built", sa.Integer(), nullable=True),
        sa.Column("decoration_value", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "typeof(decoration_value) IN ('integer', 'null')", name="ck_structure_decoration_value_integer"
        ),
        sa.CheckConstraint("typeof(floor_area_m2) IN ('integer', 'null')", name="ck_structure_floor_area_m2_integer"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("structure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_structure_household_id"), ["household_id"], unique=False)
    for name, when in AUDIT_TRIGGERS.items():
        triggers.create(op, name, when, "audit_log is append-only")
    if op.get_bind().dialect.name == "postgresql":
        from resettle.store.dialects.postgresql import COMPAT_DDL

        for statement in COMPAT_DDL:
            op.execute(statement)


def downgrade() -> None:
    for name, when in reversed(AUDIT_TRIGGERS.items()):
        triggers.drop(op, name, when)
    with op.batch_alter_table("structure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_structure_household_id"))

    op.drop_table("structure")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("uq_person_id_number")
        batch_op.drop_index("ix_person_name")
        batch_op.drop_index("ix_person_initials")
        batch_op.drop_index("ix_person_household")

    op.drop_table("person")
    with op.batch_alter_table("land_parcel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_land_parcel_household_id"))

    op.drop_table("land_parcel")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_household_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index("ix_household_phone")
        batch_op.drop_index("ix_household_initials")
        batch_op.drop_index("ix_household_head")
        batch_op.drop_index("ix_household_group")
        batch_op.drop_index("ix_household_no")
        batch_op.drop_index("ix_household_batch")

    op.drop_table("household")
    with op.batch_alter_table("village_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_group_village_id"))

    op.drop_table("village_group")
    with op.batch_alter_table("village", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_project_id"))

    op.drop_table("village")
    op.drop_table("setting")
    op.drop_table("project")
    op.drop_table("import_batch")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_household")
        batch_op.drop_index("ix_audit_entity")
        batch_op.drop_index("ix_audit_batch")

    op.drop_table("audit_log")
