"""Reading agreements: a household's agreement with its supplements, lines and instalments; the project's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.services.accounts.guard import Need, require
from resettle.services.common import view_of
from resettle.services.payments.common import (
    RESULT_PAID,
    households_in,
    transfers_paid,
    yuan,
)
from resettle.store.accounts_models import (
    Agreement,
    AgreementLine,
    Instalment,
)
from resettle.store.compensation_models import (
    HouseholdCompensation,
)
from resettle.store.database import Database

__all__ = [
    "AgreementLineView",
    "AgreementRow",
    "AgreementView",
    "HouseholdAgreements",
    "InstalmentView",
    "get_agreements",
    "household_agreements",
    "household_ids",
    "list_agreements",
]


@dataclass(frozen=True)
class AgreementLineView:
    item: str
    formula: str
    amount: Decimal
    payee: str


@dataclass(frozen=True)
class InstalmentView:
    id: int
    seq: int
    percent: str
    condition: str
    amount: Decimal
    paid_on: date | None


@dataclass(frozen=True)
class AgreementView:
    id: int
    seq: int
    kind: str
    mode: str
    status: str
    total: Decimal
    plan: str
    signed_on: date | None
    vacated_on: date | None
    reason: str
    created_by: str
    lines: tuple[AgreementLineView, ...]
    instalments: tuple[InstalmentView, ...]


@dataclass(frozen=True)
class HouseholdAgreements:
    household_id: int
    household_no: str
    head_name: str
    agreements: tuple[AgreementView, ...]  # the agreement first, then supplements in order

    @property
    def agreed(self) -> Decimal:
        return sum((a.total for a in self.agreements), Decimal("0.00"))


def _view(s: Session, ag: Agreement) -> AgreementView:
    lines = tuple(
        AgreementLineView(ln.item, ln.formula, ln.amount, ln.payee)
        for ln in s.scalars(
            select(AgreementLine).where(AgreementLine.agreement_id == ag.id).order_by(AgreementLine.seq)
        )
    )
    inst = tuple(
        view_of(InstalmentView, i)
        for i in s.scalars(select(Instalment).where(Instalment.agreement_id == ag.id).order_by(Instalment.seq))
    )
    return view_of(AgreementView, ag, lines=lines, instalments=inst)


def household_agreements(s: Session, project_id: int, household_id: int) -> HouseholdAgreements:
    """A household's agreement and supplements as read inside the caller's session."""
    h = households_in(s, project_id, [household_id])[0]
    ags = s.scalars(select(Agreement).where(Agreement.household_id == household_id).order_by(Agreement.seq))
    return HouseholdAgreements(h.id, h.household_no, h.head_name, tuple(_view(s, a) for a in ags))


def household_ids(
    db: Database, project_id: int, village_id: int | None = None, *, compensation_status: str | None = None
) -> list[int]:
    """Households of the project (or one village), optionally only those whose compensation is in a state."""
    require(db, Need.READ, "查看户")
    with db.read() as s:
        ids = [h.id for h in households_in(s, project_id, village_id=village_id)]
        if compensation_status is None:
            return ids
        having = set(
            s.scalars(
                select(HouseholdCompensation.household_id).where(
                    HouseholdCompensation.status == compensation_status, HouseholdCompensation.household_id.in_(ids)
                )
            )
        )
        return [i for i in ids if i in having]


def get_agreements(db: Database, project_id: int, household_id: int) -> HouseholdAgreements:
    require(db, Need.READ, "查看协议")
    with db.read() as s:
        return household_agreements(s, project_id, household_id)


@dataclass(frozen=True)
class AgreementRow:
    household_id: int
    household_no: str
    head_name: str
    status: str
    signed_on: date | None
    vacated_on: date | None
    total: Decimal  # agreement plus supplements
    supplements: int
    paid: Decimal


def list_agreements(db: Database, project_id: int, village_id: int | None = None) -> list[AgreementRow]:
    """One row per household with an agreement (status of the agreement itself)."""
    require(db, Need.READ, "查看协议")
    with db.read() as s:
        households = {h.id: h for h in households_in(s, project_id, village_id=village_id)}
        conn = s.connection()
        sums = {
            int(hid): (int(total or 0), int(n))
            for hid, total, n in conn.exec_driver_sql(
                "SELECT household_id, sum(total), count(*) - 1 FROM agreement WHERE project_id = ? GROUP BY household_id",
                (project_id,),
            )
        }
        paid = {
            int(hid): int(total or 0)
            for hid, total in conn.exec_driver_sql(
                "SELECT household_id, sum(amount) FROM payment WHERE result = ? AND household_id IN "
                "(SELECT household_id FROM agreement WHERE project_id = ?) GROUP BY household_id",
                (RESULT_PAID, project_id),
            )
        }
        for hid, amount in transfers_paid(conn, project_id).items():  # 社保专户, 村集体: paid by transfer
            paid[hid] = paid.get(hid, 0) + amount
        rows = []
        for ag in s.scalars(
            select(Agreement).where(Agreement.project_id == project_id, Agreement.seq == 0).order_by(Agreement.id)
        ):
            h = households.get(ag.household_id)
            if h is None:
                continue
            total, n = sums.get(h.id, (0, 0))
            rows.append(
                AgreementRow(
                    h.id,
                    h.household_no,
                    h.head_name,
                    ag.status,
                    ag.signed_on,
                    ag.vacated_on,
                    yuan(total),
                    n,
                    yuan(paid.get(h.id, 0)),
                )
            )
        rows.sort(key=lambda r: r.household_no)
        return rows
