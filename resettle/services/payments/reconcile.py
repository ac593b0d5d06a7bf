"""Reconciliation (对账): computed = agreed (+ supplementary) = paid + outstanding, to the 分.

Per household, and summed per village and project. Every household where the equalities
do not hold is listed with its cause, so the totals always add up: the project's
computed total minus its agreed total is exactly the sum of the listed 计算≠协议 differences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, select

from resettle.services.accounts.guard import Need, require
from resettle.services.payments.agreements import lines_digest
from resettle.services.payments.common import RESULT_FAILED, RESULT_PAID, households_in, transfers_paid, yuan
from resettle.store.accounts_models import Instalment, Payment
from resettle.store.compensation_models import STATUS_NONE
from resettle.store.database import Database
from resettle.store.models import Village, VillageGroup

__all__ = ["Difference", "HouseholdBalance", "Reconciliation", "reconcile"]

CAUSE_UNSIGNED = "已计算未签约"
CAUSE_CHANGED = "签约后补偿有变化，复核后应签补充协议"
CAUSE_PLAN = "分期合计与协议金额不符"
CAUSE_PAID = "兑付记录与分期不符"
CAUSE_FAILED = "银行退回，待重新支付"
CAUSE_NOT_COMPUTED = "已签约但补偿已清空或未计算"
CAUSE_LINES = "协议明细与签约时登记的校验值不符（被改动）"


@dataclass(frozen=True)
class HouseholdBalance:
    household_id: int
    household_no: str
    head_name: str
    village: str
    computed: Decimal
    agreed: Decimal
    paid: Decimal
    outstanding: Decimal  # the instalments not yet paid


@dataclass(frozen=True)
class Difference:
    household_no: str
    head_name: str
    cause: str
    amount: Decimal  # computed − agreed for 计算≠协议; otherwise the amount concerned
    detail: str = ""  # what else the clerk needs: the bank's reason for a returned payment


@dataclass(frozen=True)
class Reconciliation:
    computed: Decimal
    agreed: Decimal
    paid: Decimal
    outstanding: Decimal
    households: tuple[HouseholdBalance, ...]
    by_village: dict[str, tuple[Decimal, Decimal, Decimal, Decimal]]
    differences: tuple[Difference, ...]

    @property
    def balanced(self) -> bool:
        return self.computed == self.agreed == self.paid + self.outstanding and not self.differences


def _tampered_agreements(conn: Connection, project_id: int) -> dict[int, int]:
    """Households whose agreement lines no longer match the digest on the agreement (→ lines' sum in 分)."""
    lines: dict[int, list[tuple[str, str, int, str]]] = defaultdict(list)
    for agreement_id, item, formula, amount, payee in conn.exec_driver_sql(
        "SELECT l.agreement_id, l.item, l.formula, l.amount, l.payee FROM agreement_line l "
        "JOIN agreement a ON a.id = l.agreement_id WHERE a.project_id = ? ORDER BY l.agreement_id, l.seq",
        (project_id,),
    ):
        lines[int(agreement_id)].append((str(item), str(formula), int(amount), str(payee)))
    out: dict[int, int] = {}
    for agreement_id, household_id, digest in conn.exec_driver_sql(
        "SELECT id, household_id, lines_digest FROM agreement WHERE project_id = ?", (project_id,)
    ):
        mine = lines.get(int(agreement_id), [])
        if lines_digest(mine) != digest:
            out[int(household_id)] = out.get(int(household_id), 0) + sum(a for _i, _f, a, _p in mine)
    return out


def reconcile(db: Database, project_id: int, village_id: int | None = None) -> Reconciliation:
    require(db, Need.READ, "对账")
    with db.read() as s:
        households = [
            (h.id, h.household_no, h.head_name, h.group_id) for h in households_in(s, project_id, village_id=village_id)
        ]
        villages = {
            int(gid): str(name)
            for gid, name in s.execute(
                select(VillageGroup.id, Village.name)
                .join(Village, Village.id == VillageGroup.village_id)
                .where(Village.project_id == project_id)
            )
        }
        conn = s.connection()
        p = (project_id,)
        computed = {
            int(k): (str(st), int(v or 0))
            for k, st, v in conn.exec_driver_sql(
                "SELECT c.household_id, c.status, c.total FROM household_compensation c "
                "JOIN household h ON h.id = c.household_id WHERE h.project_id = ?",
                p,
            )
        }
        agreed = {
            int(k): int(v or 0)
            for k, v in conn.exec_driver_sql(
                "SELECT household_id, sum(total) FROM agreement WHERE project_id = ? GROUP BY household_id", p
            )
        }
        planned = {
            int(k): int(v or 0)
            for k, v in conn.exec_driver_sql(
                "SELECT household_id, sum(amount) FROM instalment WHERE project_id = ? GROUP BY household_id", p
            )
        }
        inst_paid = {
            int(k): int(v or 0)
            for k, v in conn.exec_driver_sql(
                "SELECT household_id, sum(amount) FROM instalment WHERE project_id = ? AND paid_on IS NOT NULL "
                "GROUP BY household_id",
                p,
            )
        }
        paid = {  # the bank's payments, and the transfers (社保专户, 村集体) that go by no bank batch
            int(k): int(v or 0)
            for k, v in conn.exec_driver_sql(
                "SELECT p.household_id, sum(p.amount) FROM payment p JOIN payment_batch b ON b.id = p.batch_id "
                "WHERE b.project_id = ? AND p.result = ? GROUP BY p.household_id",
                (project_id, RESULT_PAID),
            )
        }
        for hid, amount in transfers_paid(conn, project_id).items():
            paid[hid] = paid.get(hid, 0) + amount
        failed_open = {int(k): int(v or 0) for k, v in conn.exec_driver_sql(
            "SELECT i.household_id, sum(i.amount) FROM instalment i WHERE i.project_id = ? AND i.paid_on IS NULL "
            "AND EXISTS (SELECT 1 FROM payment p WHERE p.instalment_id = i.id AND p.result = ?) "
            "AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.instalment_id = i.id AND p.result = '待回盘') "
            "GROUP BY i.household_id", (project_id, RESULT_FAILED))}  # fmt: skip
        tampered = _tampered_agreements(conn, project_id)
        reasons = {  # the bank's latest reason per household with a returned payment still unpaid
            int(hid): reason or ""
            for hid, reason in conn.execute(
                select(Payment.household_id, Payment.failure_reason)
                .join(Instalment, Instalment.id == Payment.instalment_id)
                .where(
                    Instalment.project_id == project_id, Instalment.paid_on.is_(None), Payment.result == RESULT_FAILED
                )
                .order_by(Payment.id)
            )
        }
    rows: list[HouseholdBalance] = []
    diffs: list[Difference] = []
    per_village: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    totals = [0, 0, 0, 0]
    for hid, household_no, head_name, group_id in households:
        status, comp = computed.get(hid, (STATUS_NONE, 0))
        comp = 0 if status == STATUS_NONE else comp
        ag, plan, ipaid, pd = agreed.get(hid, 0), planned.get(hid, 0), inst_paid.get(hid, 0), paid.get(hid, 0)
        outstanding = plan - ipaid
        if not (comp or ag or pd or plan):
            continue
        village = villages.get(group_id, "")
        rows.append(
            HouseholdBalance(hid, household_no, head_name, village, yuan(comp), yuan(ag), yuan(pd), yuan(outstanding))
        )
        for i, v in enumerate((comp, ag, pd, outstanding)):
            per_village[village][i] += v
            totals[i] += v
        if hid not in agreed:
            diffs.append(Difference(household_no, head_name, CAUSE_UNSIGNED, yuan(comp - ag)))
        elif comp != ag:
            cause = CAUSE_CHANGED if status != STATUS_NONE else CAUSE_NOT_COMPUTED
            diffs.append(Difference(household_no, head_name, cause, yuan(comp - ag)))
        if plan != ag:
            diffs.append(Difference(household_no, head_name, CAUSE_PLAN, yuan(ag - plan)))
        if pd != ipaid:
            diffs.append(Difference(household_no, head_name, CAUSE_PAID, yuan(pd - ipaid)))
        if hid in tampered:
            diffs.append(Difference(household_no, head_name, CAUSE_LINES, yuan(tampered[hid])))
        if failed_open.get(hid):
            diffs.append(
                Difference(household_no, head_name, CAUSE_FAILED, yuan(failed_open[hid]), reasons.get(hid, ""))
            )
    return Reconciliation(
        yuan(totals[0]),
        yuan(totals[1]),
        yuan(totals[2]),
        yuan(totals[3]),
        tuple(rows),
        {v: (yuan(a), yuan(b), yuan(c), yuan(d)) for v, (a, b, c, d) in sorted(per_village.items())},
        tuple(diffs),
    )
