"""Reading what documents print, in bulk (a thousand notices must not be three thousand queries).

Everything here runs inside a read session the caller opened and returns the plain data of
:mod:`resettle.documents.data`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.documents.data import (
    Compensation,
    HouseholdInfo,
    ItemLine,
    PlanLine,
    ProjectInfo,
)
from resettle.domain.compensation_records import HouseholdCompensationView
from resettle.domain.instalments import CONDITIONS
from resettle.domain.posting import ChainStamp
from resettle.errors import NotFoundError, ValidationError
from resettle.services.payments.common import STATUS_DRAFTED
from resettle.services.register.mapping import detail_of, whole_household
from resettle.store.accounts_models import AGREEMENT_MAIN, Agreement, AgreementLine, Instalment
from resettle.store.audit import chain_head_info
from resettle.store.compensation_models import (
    STATUS_NONE,
    CompensationAdjustment,
    CompensationLine,
    HouseholdCompensation,
    RateTableRecord,
)
from resettle.store.models import Household, Project, Village, VillageGroup

__all__ = [
    "PrintScope",
    "adjustment_formula",
    "chain_stamp",
    "lines_of_view",
    "load_compensation",
    "load_households",
    "load_project",
    "scope_from_key",
    "scope_households",
    "signed_agreement_lines",
]

CHUNK = 500


@dataclass(frozen=True)
class PrintScope:
    """Which households a print run covers: explicit ids, or a group, a village or a whole project."""

    project_id: int | None = None
    village_id: int | None = None
    group_id: int | None = None
    household_ids: tuple[int, ...] | None = None

    @property
    def key(self) -> str:
        """How the register names the scope of a 公示表."""
        if self.household_ids is not None:
            return "households:" + ",".join(str(i) for i in sorted(self.household_ids))[:40]
        if self.group_id is not None:
            return f"group:{self.group_id}"
        if self.village_id is not None:
            return f"village:{self.village_id}"
        return f"project:{self.project_id}"


def scope_from_key(key: str, snapshot: dict[str, Any]) -> PrintScope:
    """The scope a register row names (a list of households is read back from its snapshot)."""
    what, _, value = key.partition(":")
    if what == "group":
        return PrintScope(group_id=int(value))
    if what == "village":
        return PrintScope(village_id=int(value))
    if what == "project":
        return PrintScope(project_id=int(value))
    return PrintScope(household_ids=tuple(int(row[0]) for row in snapshot.get("households", [])))


def adjustment_formula(reason: str) -> str:
    return f"人工调整：{reason}"


def load_project(s: Session, project_id: int) -> ProjectInfo:
    p = s.get(Project, project_id)
    if p is None:
        raise NotFoundError(f"项目（编号 {project_id}）不存在。")
    return ProjectInfo(p.id, p.name, p.approval_no, p.approval_date, p.posting_days)


def chain_stamp(conn: Any, on: date | None = None) -> ChainStamp:
    """The audit chain head (sequence number and hash) that a posted list prints, dated ``on`` (today)."""
    head = chain_head_info(conn)
    return ChainStamp(head.seq, head.hash, on or date.today())


def scope_households(s: Session, scope: PrintScope) -> tuple[int, list[int], str]:
    """(project id, household ids in village/group/户号 order, label of the scope)."""
    q = (
        select(Household.id, Household.project_id, Village.name, VillageGroup.name, Household.household_no)
        .join(VillageGroup, VillageGroup.id == Household.group_id)
        .join(Village, Village.id == VillageGroup.village_id)
        .order_by(Village.name, VillageGroup.name, Household.household_no, Household.id)
    )
    if scope.household_ids is not None:
        wanted = sorted(set(scope.household_ids))
        rows: list[Any] = []
        for start in range(0, len(wanted), CHUNK):
            rows.extend(s.execute(q.where(Household.id.in_(wanted[start : start + CHUNK]))).all())
        missing = set(wanted) - {int(r[0]) for r in rows}
        if missing:
            raise NotFoundError(f"户（编号 {min(missing)}）不存在，可能已被删除。")
        projects = {int(r[1]) for r in rows}
        if len(projects) > 1:
            raise ValidationError("一次打印的户须属于同一个项目。")
        rows.sort(key=lambda r: (r[2], r[3], r[4], r[0]))
        places = {(r[2], r[3]) for r in rows}
        label = rows[0][2] + rows[0][3] if len(places) == 1 else f"{len(rows)} 户"
        project_id = projects.pop() if projects else (scope.project_id or 0)
        return project_id, [int(r[0]) for r in rows], label
    if scope.group_id is not None:
        g = s.get(VillageGroup, scope.group_id)
        if g is None:
            raise NotFoundError(f"村民小组（编号 {scope.group_id}）不存在。")
        ids = [int(r[0]) for r in s.execute(q.where(Household.group_id == scope.group_id))]
        return g.village.project_id, ids, f"{g.village.name}{g.name}"
    if scope.village_id is not None:
        v = s.get(Village, scope.village_id)
        if v is None:
            raise NotFoundError(f"村（编号 {scope.village_id}）不存在。")
        ids = [int(r[0]) for r in s.execute(q.where(Village.id == scope.village_id))]
        return v.project_id, ids, v.name
    if scope.project_id is None:
        raise ValidationError("请指定要打印的户、村民小组、村或项目。")
    project = load_project(s, scope.project_id)
    ids = [int(r[0]) for r in s.execute(q.where(Household.project_id == scope.project_id))]
    return project.id, ids, "全项目"


def _info(h: Household) -> HouseholdInfo:
    return HouseholdInfo(h.id, h.group.village.name, h.group.name, detail_of(h).data)


def load_households(s: Session, ids: Sequence[int]) -> dict[int, HouseholdInfo]:
    out: dict[int, HouseholdInfo] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        for h in s.scalars(select(Household).where(Household.id.in_(chunk)).options(*whole_household())):
            out[h.id] = _info(h)
    return out


def load_compensation(s: Session, ids: Sequence[int], default_months: int | None = None) -> dict[int, Compensation]:
    """Stored lines and adjustments per household, in the order the compensation view shows them.

    ``default_months``: the project's transition period, for households without their own."""
    lines: dict[int, list[ItemLine]] = defaultdict(list)
    adjustments: dict[int, list[ItemLine]] = defaultdict(list)
    states: dict[int, HouseholdCompensation] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        for ln in s.scalars(
            select(CompensationLine)
            .where(CompensationLine.household_id.in_(chunk))
            .order_by(CompensationLine.household_id, CompensationLine.seq)
        ):
            lines[ln.household_id].append(ItemLine(ln.item, ln.formula, ln.amount, ln.payee))
        for a in s.scalars(
            select(CompensationAdjustment)
            .where(CompensationAdjustment.household_id.in_(chunk))
            .order_by(CompensationAdjustment.id)
        ):
            adjustments[a.household_id].append(ItemLine(a.item, adjustment_formula(a.reason), a.amount, a.payee, True))
        for st in s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id.in_(chunk))):
            states[st.household_id] = st
    tables = {
        t.id: t
        for t in s.scalars(
            select(RateTableRecord).where(
                RateTableRecord.id.in_({st.rate_table_id for st in states.values() if st.rate_table_id is not None})
            )
        )
    }
    out: dict[int, Compensation] = {}
    for hid in ids:
        state = states.get(hid)
        table = tables.get(state.rate_table_id) if state is not None and state.rate_table_id is not None else None
        out[hid] = Compensation(
            status=state.status if state is not None else STATUS_NONE,
            lines=(*lines.get(hid, []), *adjustments.get(hid, [])),
            table_label=f"{table.name}（第{table.revision}版）" if table is not None else "",
            table_source=table.source_doc if table is not None else "",
            transition_months=(
                state.transition_months if state is not None and state.transition_months is not None else default_months
            ),
        )
    return out


def signed_agreement_lines(s: Session, ids: Sequence[int]) -> dict[int, tuple[ItemLine, ...]]:
    """Per household with a signed agreement: the lines frozen into it at signing (协议, not 补充协议).

    A printed agreement states what was agreed, never a later recomputation."""
    out: dict[int, list[ItemLine]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        rows = s.execute(
            select(AgreementLine.household_id, AgreementLine.item, AgreementLine.formula, AgreementLine.amount,
                   AgreementLine.payee)
            .join(Agreement, Agreement.id == AgreementLine.agreement_id)
            .where(
                AgreementLine.household_id.in_(chunk),
                Agreement.kind == AGREEMENT_MAIN,
                Agreement.status != STATUS_DRAFTED,
            )
            .order_by(AgreementLine.household_id, AgreementLine.seq)
        )  # fmt: skip
        for hid, item, formula, amount, payee in rows:
            out[int(hid)].append(ItemLine(item, formula, amount, payee))
    return {hid: tuple(lines) for hid, lines in out.items()}


def signed_agreement_plans(s: Session, ids: Sequence[int]) -> dict[int, tuple[PlanLine, ...]]:
    """Per household with a signed agreement: its payment plan's instalments to the family, as signed (the
    transfers to 社保 or 集体 are printed as such by the agreement's own lines)."""
    out: dict[int, list[PlanLine]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        rows = s.execute(
            select(Instalment.household_id, Instalment.seq, Instalment.percent, Instalment.condition,
                   Instalment.amount)
            .join(Agreement, Agreement.id == Instalment.agreement_id)
            .where(
                Instalment.household_id.in_(chunk),
                Agreement.kind == AGREEMENT_MAIN,
                Agreement.status != STATUS_DRAFTED,
                Instalment.condition.in_(sorted(CONDITIONS)),
            )
            .order_by(Instalment.household_id, Instalment.seq)
        )  # fmt: skip
        for hid, seq, percent, condition, amount in rows:
            out[int(hid)].append(PlanLine(int(seq), percent, condition, amount))
    return {hid: tuple(lines) for hid, lines in out.items()}


def lines_of_view(view: HouseholdCompensationView) -> tuple[ItemLine, ...]:
    """The same lines as :func:`load_compensation`, from the compensation service's view."""
    return (
        *(ItemLine(ln.item, ln.formula, ln.amount, ln.payee) for ln in view.lines),
        *(ItemLine(a.item, adjustment_formula(a.reason), a.amount, a.payee, True) for a in view.adjustments),
    )
