"""Project details for several projects in one register (issue 9): reference date, posting period, township details per project.

The township fields are empty by default: a project then prints with the office's
township details kept in settings. Adding columns changes what a project row's seal
covers, so the existing project rows are sealed again (their content is unchanged).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 16:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    ("township", 200),
    ("office", 200),
    ("office_phone", 100),
    ("signing_place", 200),
    ("complaint_phone", 100),
)


def upgrade() -> None:
    intact = _intact_projects()
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reference_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("posting_days", sa.Integer(), nullable=True))
        for name, length in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False, server_default=""))
    _reseal_projects(intact)


def _project_rows() -> list[tuple[object, ...]]:
    """(id, seal, sealed columns present now…) in the model's column order."""
    from resettle.store.models import Project
    from resettle.store.seal import sealed_columns

    conn = op.get_bind()
    present = {c["name"] for c in sa.inspect(conn).get_columns("project")}
    columns = [c for c in sealed_columns(Project.__table__) if c in present]  # type: ignore[arg-type]
    return [tuple(r) for r in conn.exec_driver_sql(f"SELECT id, seal, {', '.join(columns)} FROM project")]


def _intact_projects() -> set[int]:
    """Projects whose seal matches their content before the upgrade (a tampered row stays detectable)."""
    from resettle.store.seal import seal_of

    return {int(str(r[0])) for r in _project_rows() if seal_of("project", int(str(r[0])), r[2:]) == r[1]}


def _reseal_projects(intact: set[int]) -> None:
    from resettle.store.seal import seal_of

    conn = op.get_bind()
    for row in _project_rows():
        pid = int(str(row[0]))
        if pid in intact:
            conn.exec_driver_sql("UPDATE project SET seal = ? WHERE id = ?", (seal_of("project", pid, row[2:]), pid))


def downgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        for name, _length in reversed(TEXT_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("posting_days")
        batch_op.drop_column("reference_date")
