"""A member's 文化程度 (education), for job matching and training (issue 10's example of one new field).

Empty for every member already in the register. Adding a column changes what a person row's
seal covers, so the members whose seal matched their content are sealed again (their content is
unchanged); a row tampered with before the upgrade keeps a seal that does not match.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 20:10:00.000000
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHUNK = 5000


def upgrade() -> None:
    intact = _intact_persons()
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("education", sa.String(length=20), nullable=False, server_default=""))
    _reseal(intact)


def _person_rows() -> Iterator[tuple[object, ...]]:
    """(id, seal, sealed columns present now…) in the model's column order."""
    from resettle.store.models import Person
    from resettle.store.seal import sealed_columns

    conn = op.get_bind()
    present = {c["name"] for c in sa.inspect(conn).get_columns("person")}
    columns = [c for c in sealed_columns(Person.__table__) if c in present]  # type: ignore[arg-type]
    table = sa.table("person", *(sa.column(c) for c in ["id", "seal", *columns]))
    for row in conn.execute(sa.select(table).order_by(table.c.id)):
        yield tuple(row)


def _intact_persons() -> set[int]:
    from resettle.store.seal import seal_of

    return {int(str(r[0])) for r in _person_rows() if seal_of("person", int(str(r[0])), r[2:]) == r[1]}


def _reseal(intact: set[int]) -> None:
    from resettle.store.seal import seal_of

    conn = op.get_bind()
    person = sa.table("person", sa.column("id"), sa.column("seal"))
    update = sa.update(person).where(person.c.id == sa.bindparam("pid")).values(seal=sa.bindparam("new_seal"))
    batch: list[dict[str, object]] = []
    for row in _person_rows():
        pid = int(str(row[0]))
        if pid in intact:
            batch.append({"pid": pid, "new_seal": seal_of("person", pid, row[2:])})
        if len(batch) >= CHUNK:
            conn.execute(update, batch)
            batch = []
    if batch:
        conn.execute(update, batch)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("education")
