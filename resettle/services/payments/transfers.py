"""划转: the parts of agreements owed to another payee than the family, paid into that payee's account.

社保费用 goes into the social-security special account (the bureau's enrolment, not the household's bank
account), the collective's share to the village. Signing makes one instalment per such payee
(``TRANSFER_CONDITIONS``); no bank batch of households ever carries it. Finance records the transfer once
it is made: the instalments of the chosen households (or of every signed household) are paid on that day,
and an agreement whose every instalment is paid becomes 已兑付 as with the bank's reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from resettle.domain.instalments import TRANSFER_CONDITIONS
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.payments.agreements import _refresh_paid
from resettle.services.payments.common import fen, households_in, yuan
from resettle.store.accounts_models import Instalment
from resettle.store.database import Database


@dataclass(frozen=True)
class TransferResult:
    payee: str
    households: int
    total: Decimal


def _condition(payee: str) -> str:
    condition = TRANSFER_CONDITIONS.get(payee)
    if condition is None:
        raise ValidationError(
            f"支付对象「{payee}」不是划转对象，应为 {'、'.join(TRANSFER_CONDITIONS)}", field="支付对象"
        )
    return condition


def transfers_due(db: Database, project_id: int, payee: str) -> TransferResult:
    """What is still to be transferred to ``payee`` for the project's signed agreements."""
    require(db, Need.READ, "查看划转")
    condition = _condition(payee)
    with db.read() as s:  # an archived agreement is paid in full, so an unpaid transfer is never one of its
        rows = s.execute(
            select(Instalment.household_id, Instalment.amount).where(
                Instalment.project_id == project_id, Instalment.condition == condition, Instalment.paid_on.is_(None)
            )
        ).all()
    return TransferResult(payee, len({h for h, _a in rows}), yuan(sum(fen(amount) for _h, amount in rows)))


def record_transfers(
    db: Database, project_id: int, payee: str, paid_on: date, household_ids: Sequence[int] | None = None
) -> TransferResult:
    """The transfer to ``payee`` was made on ``paid_on`` for these households (None: every one still due)."""
    require(db, Need.PAY, "登记划转")
    condition = _condition(payee)
    with db.write(reason=f"登记划转：{condition}（{paid_on.isoformat()}）") as s:
        query = select(Instalment).where(
            Instalment.project_id == project_id, Instalment.condition == condition, Instalment.paid_on.is_(None)
        )
        if household_ids is not None:
            ids = [h.id for h in households_in(s, project_id, household_ids)]  # refuses another project's
            query = query.where(Instalment.household_id.in_(ids))
        due = list(s.scalars(query.order_by(Instalment.household_id)))
        if not due:
            raise ValidationError(f"没有待登记的划转（{condition}）：所选户都已划转或没有这部分款项", field="户")
        total = 0
        for inst in due:
            inst.paid_on = paid_on
            total += fen(inst.amount)
        _refresh_paid(s, sorted({inst.household_id for inst in due}))
    return TransferResult(payee, len({inst.household_id for inst in due}), yuan(total))
