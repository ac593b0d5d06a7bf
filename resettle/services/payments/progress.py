"""Headline counts of agreements and payments for the dashboard (issue 12 fills these in)."""

from __future__ import annotations

from dataclasses import dataclass

from resettle.domain.instalments import TRANSFER_CONDITIONS
from resettle.services.accounts.guard import Need, require
from resettle.services.payments.common import STATUS_ARCHIVED, STATUS_PAID
from resettle.store.compensation_models import STATUS_REVIEWED
from resettle.store.database import Database

TRANSFERS = tuple(sorted(TRANSFER_CONDITIONS.values()))


@dataclass(frozen=True)
class PaymentCounts:
    """Households of a project (or one village of it) by how far their agreement and payment went."""

    reviewed: int = 0
    signed: int = 0
    paid: int = 0
    partly_paid: int = 0  # signed, the family paid some instalment, not yet everything (transfers included)


def payment_counts(db: Database, project_id: int, village_id: int | None = None) -> PaymentCounts:
    """Reviewed (已复核), signed (an agreement), paid (agreement 已兑付 or 已归档) and partly paid (the family
    received some instalment, the agreement is not yet 已兑付; a transfer to 社保 or the village alone is not
    money the family received) households."""
    require(db, Need.READ, "查看兑付进度")
    scope = "h.project_id = ?"
    params: tuple[object, ...] = (project_id,)
    if village_id is not None:
        scope += " AND h.group_id IN (SELECT id FROM village_group WHERE village_id = ?)"
        params += (village_id,)
    transfers = ", ".join("?" for _ in TRANSFERS)
    with db.read() as s:
        conn = s.connection()
        reviewed = conn.exec_driver_sql(
            f"SELECT count(*) FROM household_compensation c JOIN household h ON h.id = c.household_id "
            f"WHERE {scope} AND c.status = ?",
            (*params, STATUS_REVIEWED),
        ).scalar()
        signed, paid, partly = conn.exec_driver_sql(
            "SELECT count(*), coalesce(sum(CASE WHEN a.status IN (?, ?) THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN a.status NOT IN (?, ?) AND EXISTS (SELECT 1 FROM instalment i "
            f"WHERE i.household_id = h.id AND i.paid_on IS NOT NULL AND i.condition NOT IN ({transfers})) "
            "THEN 1 ELSE 0 END), 0) "
            f"FROM agreement a JOIN household h ON h.id = a.household_id WHERE {scope} AND a.seq = 0",
            (STATUS_PAID, STATUS_ARCHIVED, STATUS_PAID, STATUS_ARCHIVED, *TRANSFERS, *params),
        ).one()
    return PaymentCounts(int(reviewed or 0), int(signed or 0), int(paid or 0), int(partly or 0))
