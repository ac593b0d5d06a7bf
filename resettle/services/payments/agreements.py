"""Agreements (协议) and supplementary agreements (补充协议): sign, vacate, supplement, archive, read.

Signing freezes the household's reviewed compensation lines (and adjustments) into the
agreement and splits its total by the payment plan. A signed agreement is never edited
(migration 0006 refuses it even by raw SQL); a later change is a supplementary agreement
with its own lines and reason. A positive supplement adds an instalment due on its signing;
a negative one reduces the instalments not yet paid or sent to the bank, latest first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from resettle.domain.instalments import (
    CONDITIONS,
    HOUSEHOLD_PAYEE,
    ON_SIGNING,
    TRANSFER_CONDITIONS,
    PlanError,
    parse_plan,
    split_total,
)
from resettle.domain.money import MoneyError, to_fen
from resettle.errors import Cancelled, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation.freshness import OUTDATED, outdated_among
from resettle.services.payments.agreement_views import (  # named here for callers
    AgreementLineView as AgreementLineView,
)
from resettle.services.payments.agreement_views import (
    AgreementRow as AgreementRow,
)
from resettle.services.payments.agreement_views import (
    AgreementView as AgreementView,
)
from resettle.services.payments.agreement_views import (
    HouseholdAgreements as HouseholdAgreements,
)
from resettle.services.payments.agreement_views import (
    InstalmentView as InstalmentView,
)
from resettle.services.payments.agreement_views import (
    get_agreements as get_agreements,
)
from resettle.services.payments.agreement_views import (
    household_agreements,
)
from resettle.services.payments.agreement_views import (
    household_ids as household_ids,
)
from resettle.services.payments.agreement_views import (
    list_agreements as list_agreements,
)
from resettle.services.payments.common import (
    RESULT_PAID,
    RESULT_PENDING,
    STATUS_ARCHIVED,
    STATUS_PAID,
    STATUS_SIGNED,
    STATUS_VACATED,
    fen,
    households_in,
    yuan,
)
from resettle.store.accounts_models import (
    AGREEMENT_MAIN,
    AGREEMENT_SUPPLEMENT,
    Agreement,
    AgreementLine,
    Instalment,
    Payment,
)
from resettle.store.compensation_models import (
    STATUS_REVIEWED,
    HouseholdCompensation,
)
from resettle.store.database import Database
from resettle.store.models import Household

__all__ = [
    "SignResult",
    "archive_agreements",
    "mark_vacated",
    "sign_agreements",
    "supplement",
    "supplement_from_recompute",
]


@dataclass(frozen=True)
class SignResult:
    signed: int
    total: Decimal
    skipped: tuple[str, ...]  # "户号：原因"


def _lines_by_household(s: Session, household_ids: Sequence[int]) -> dict[int, list[tuple[str, str, int, str]]]:
    """Computed lines then adjustments of many households, in two queries (no ORM objects, no autoflush)."""
    out: dict[int, list[tuple[str, str, int, str]]] = {hid: [] for hid in household_ids}
    conn = s.connection()
    ids = list(household_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for hid, item, formula, amount, payee in conn.exec_driver_sql(
            "SELECT household_id, item, formula, amount, payee FROM compensation_line "
            f"WHERE household_id IN ({marks}) ORDER BY household_id, seq",
            tuple(chunk),
        ):
            out[int(hid)].append((str(item), str(formula or ""), int(amount), str(payee)))
        for hid, item, reason, amount, payee in conn.exec_driver_sql(
            "SELECT household_id, item, reason, amount, payee FROM compensation_adjustment "
            f"WHERE household_id IN ({marks}) ORDER BY household_id, id",
            tuple(chunk),
        ):
            out[int(hid)].append((str(item), f"人工调整：{reason}", int(amount), str(payee)))
    return out


def lines_digest(lines: Sequence[tuple[str, str, int, str]]) -> str:
    """SHA-256 of an agreement's lines (item, formula, 分, payee in order): kept on the audited agreement row."""
    payload = json.dumps([list(line) for line in lines], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _write_lines(s: Session, rows: list[dict[str, object]]) -> None:
    """Agreement lines in one executemany (frozen by triggers; their digest is on the agreement)."""
    if rows:
        s.execute(insert(AgreementLine.__table__), rows)  # type: ignore[arg-type]


def _line_rows(agreement: Agreement, lines: Sequence[tuple[str, str, int, str]]) -> list[dict[str, object]]:
    return [
        {
            "agreement_id": agreement.id,
            "household_id": agreement.household_id,
            "seq": seq,
            "item": item,
            "formula": formula,
            "amount": yuan(amount),
            "payee": payee,
        }
        for seq, (item, formula, amount, payee) in enumerate(lines, start=1)
    ]


def _by_payee(lines: Sequence[tuple[str, str, int, str]]) -> tuple[int, dict[str, int]]:
    """The household's part of ``lines`` and what each other payee (社保, 集体) is owed, in 分."""
    household = 0
    others: dict[str, int] = {}
    for _item, _formula, amount, payee in lines:
        if payee in TRANSFER_CONDITIONS:
            others[payee] = others.get(payee, 0) + amount
        else:
            household += amount
    return household, others


def _instalment(agreement: Agreement, seq: int, percent: str, condition: str, amount_fen: int) -> Instalment:
    return Instalment(
        agreement_id=agreement.id,
        household_id=agreement.household_id,
        project_id=agreement.project_id,
        seq=seq,
        percent=percent,
        condition=condition,
        amount=yuan(amount_fen),
    )


def _add_instalments(
    s: Session, agreement: Agreement, plan_text: str, lines: Sequence[tuple[str, str, int, str]]
) -> None:
    """The plan's instalments of the household's part, then one transfer per other payee (not in any bank batch:
    社保费用 goes into the social-security account, not to the family)."""
    household, others = _by_payee(lines)
    parts = split_total(household, parse_plan(plan_text))
    for part in parts:
        s.add(_instalment(agreement, part.seq, format(part.percent.normalize(), "f"), part.condition, part.amount_fen))
    for seq, payee in enumerate((p for p in TRANSFER_CONDITIONS if others.get(p)), start=len(parts) + 1):
        s.add(_instalment(agreement, seq, "", TRANSFER_CONDITIONS[payee], others[payee]))


def sign_agreements(
    db: Database,
    project_id: int,
    household_ids: Sequence[int] | None,
    signed_on: date,
    plan: str = "100",
    *,
    mode: str = "货币补偿",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SignResult:
    """Sign for the given households (None: every household of the project); each must be reviewed.

    Households not reviewed or already signed are skipped and named; the rest are signed in one
    transaction (all or nothing)."""
    require(db, Need.ENTER, "签订协议")
    try:
        parse_plan(plan)
    except PlanError as exc:
        raise ValidationError(str(exc), field="付款计划") from exc
    signed = 0
    total = 0
    skipped: list[str] = []
    now = datetime.now()
    with db.write(reason=f"签订协议（{signed_on.isoformat()}，付款计划 {plan}）") as s:
        households = households_in(s, project_id, household_ids)
        states = {
            st.household_id: st
            for st in s.scalars(
                select(HouseholdCompensation).where(HouseholdCompensation.household_id.in_([h.id for h in households]))
            )
        }
        have = set(
            s.scalars(
                select(Agreement.household_id).where(
                    Agreement.household_id.in_([h.id for h in households]), Agreement.seq == 0
                )
            )
        )
        lines_of = _lines_by_household(s, [h.id for h in households])
        outdated = outdated_among(s, project_id, [h.id for h in households if h.id not in have])
        made: list[tuple[Agreement, list[tuple[str, str, int, str]], int]] = []
        for i, h in enumerate(households, start=1):
            if cancelled is not None and i % 200 == 0 and cancelled():
                raise Cancelled("已取消，未签订任何协议。")
            state = states.get(h.id)
            if h.id in have:
                skipped.append(f"{h.household_no}：已签约")
                continue
            if state is None or state.status != STATUS_REVIEWED:
                skipped.append(f"{h.household_no}：补偿尚未复核")
                continue
            if h.id in outdated:
                skipped.append(f"{h.household_no}：{OUTDATED}，请重新计算并复核后再签约")
                continue
            lines = lines_of[h.id]
            amount = sum(a for _i, _f, a, _p in lines)
            if amount != fen(state.total):
                skipped.append(f"{h.household_no}：补偿明细与合计不符，请重新计算")
                continue
            try:
                split_total(_by_payee(lines)[0], parse_plan(plan))
            except PlanError as exc:
                skipped.append(f"{h.household_no}：{exc}")
                continue
            ag = Agreement(
                project_id=project_id,
                household_id=h.id,
                seq=0,
                kind=AGREEMENT_MAIN,
                mode=mode,
                status=STATUS_SIGNED,
                total=yuan(amount),
                plan=plan,
                signed_on=signed_on,
                reason="",
                lines_digest=lines_digest(lines),
                created_by=db.actor.user,
                created_at=now,
            )
            s.add(ag)
            made.append((ag, lines, amount))
            if progress is not None and i % 100 == 0:
                progress(i, len(households) * 2)
        s.flush()  # one flush for every agreement: their ids
        rows: list[dict[str, object]] = []
        for n, (ag, lines, amount) in enumerate(made, start=1):
            if cancelled is not None and n % 200 == 0 and cancelled():
                raise Cancelled("已取消，未签订任何协议。")
            rows.extend(_line_rows(ag, lines))
            _add_instalments(s, ag, plan, lines)
            signed += 1
            total += amount
            if n % 1000 == 0:
                s.flush()
                if progress is not None:
                    progress(len(households) + n * len(households) // max(1, len(made)), len(households) * 2)
        _write_lines(s, rows)
    return SignResult(signed, yuan(total), tuple(skipped))


def _main(s: Session, project_id: int, household_id: int) -> Agreement:
    ag = s.scalar(
        select(Agreement).where(
            Agreement.project_id == project_id, Agreement.household_id == household_id, Agreement.seq == 0
        )
    )
    if ag is None:
        h = s.get(Household, household_id)
        raise NotFoundError(f"户 {h.household_no if h else household_id} 尚未签订协议。")
    return ag


def mark_vacated(db: Database, project_id: int, household_ids: Sequence[int], vacated_on: date) -> int:
    """已签约 → 已腾房: the instalments due on vacating become payable."""
    require(db, Need.ENTER, "登记腾房")
    count = 0
    with db.write(reason=f"登记腾房（{vacated_on.isoformat()}）") as s:
        for h in households_in(s, project_id, household_ids):
            ag = _main(s, project_id, h.id)
            if ag.vacated_on is not None:
                continue
            if ag.signed_on is not None and vacated_on < ag.signed_on:
                raise ValidationError(f"户 {h.household_no} 的腾房日期早于签约日期", field="腾房日期")
            ag.vacated_on = vacated_on
            if ag.status == STATUS_SIGNED:
                ag.status = STATUS_VACATED
            count += 1
    return count


def _unpaid(s: Session, household_id: int, conditions: Sequence[str] = tuple(sorted(CONDITIONS))) -> list[Instalment]:
    """The household's instalments of these conditions (the family's own by default) neither paid nor waiting
    for the bank, latest agreement and instalment first (the family's money and a transfer are apart)."""
    pending = select(Payment.instalment_id).where(
        Payment.household_id == household_id, Payment.result.in_((RESULT_PENDING, RESULT_PAID))
    )
    return list(
        s.scalars(
            select(Instalment)
            .join(Agreement, Agreement.id == Instalment.agreement_id)
            .where(
                Instalment.household_id == household_id,
                Instalment.paid_on.is_(None),
                Instalment.id.not_in(pending),
                Instalment.condition.in_(list(conditions)),
            )
            .order_by(Agreement.seq.desc(), Instalment.seq.desc())
        )
    )


def supplement(
    db: Database,
    project_id: int,
    household_id: int,
    lines: Sequence[tuple[str, Decimal]],
    reason: str,
    signed_on: date,
    payees: Mapping[str, str] | None = None,
) -> AgreementView:
    """补充协议 with its own lines (item, amount ± 元) and reason; never an edit of the agreement.

    ``payees`` names who an item is owed to (户 unless said: a recomputed 社保费用 is 社保's). Each payee's
    part is settled on its own: an increase is one more instalment (the family's, due on signing) or one more
    transfer; a decrease takes from that payee's unpaid instalments, latest first."""
    require(db, Need.ENTER, "签订补充协议")
    if not reason.strip():
        raise ValidationError("补充协议必须写明原因", field="原因")
    if not lines:
        raise ValidationError("补充协议至少要有一项金额", field="明细")
    parsed: list[tuple[str, int]] = []
    for n, (item, amount) in enumerate(lines, start=1):
        if isinstance(amount, float) or not item.strip():
            raise ValidationError(f"补充协议第 {n} 项的项目或金额不正确", field="明细")
        try:
            parsed.append((item.strip(), to_fen(amount)))
        except MoneyError as exc:
            raise ValidationError(f"补充协议第 {n} 项：{exc}", field="明细") from exc
    total = sum(a for _i, a in parsed)
    owed_to = payees or {}
    sup_lines = [(item, reason.strip(), amount, owed_to.get(item, HOUSEHOLD_PAYEE)) for item, amount in parsed]
    with db.write(reason=f"补充协议：{reason.strip()}") as s:
        main = _main(s, project_id, household_id)
        if main.status == STATUS_ARCHIVED:
            raise ValidationError("协议已归档，不能再签补充协议", field="协议")
        seq = int(s.scalar(select(func.max(Agreement.seq)).where(Agreement.household_id == household_id)) or 0) + 1
        ag = Agreement(
            project_id=project_id,
            household_id=household_id,
            seq=seq,
            kind=AGREEMENT_SUPPLEMENT,
            mode=main.mode,
            status=STATUS_SIGNED if main.vacated_on is None else STATUS_VACATED,
            total=yuan(total),
            plan="100" if total > 0 else "",
            signed_on=signed_on,
            vacated_on=main.vacated_on,
            reason=reason.strip(),
            lines_digest=lines_digest(sup_lines),
            created_by=db.actor.user,
            created_at=datetime.now(),
        )
        s.add(ag)
        s.flush()
        _write_lines(s, _line_rows(ag, sup_lines))
        family, others = _by_payee(sup_lines)
        next_seq = 1
        for payee, part in ((HOUSEHOLD_PAYEE, family), *others.items()):
            if part > 0:  # one more instalment of the family's, or one more transfer to this payee
                if payee == HOUSEHOLD_PAYEE:
                    s.add(_instalment(ag, next_seq, "100", ON_SIGNING, part))
                else:
                    s.add(_instalment(ag, next_seq, "", TRANSFER_CONDITIONS[payee], part))
                next_seq += 1
            elif part < 0:
                _reduce_unpaid(s, household_id, payee, -part)
        s.flush()
        _refresh_paid(s, household_id)
    with db.read() as s:
        return household_agreements(s, project_id, household_id).agreements[-1]


def _reduce_unpaid(s: Session, household_id: int, payee: str, left: int) -> None:
    """Take ``left`` 分 from the payee's unpaid instalments (the family's, or its transfers), latest first."""
    wanted = sorted(CONDITIONS) if payee == HOUSEHOLD_PAYEE else [TRANSFER_CONDITIONS[payee]]
    unpaid = _unpaid(s, household_id, wanted)
    if sum(fen(i.amount) for i in unpaid) < left:
        whose = "" if payee == HOUSEHOLD_PAYEE else f"（{payee}部分）"
        raise ValidationError(
            f"补充协议减少{whose} {yuan(left)} 元，超过尚未支付（且未送银行）的金额，须另行追回", field="明细"
        )
    for inst in unpaid:
        cut = min(left, fen(inst.amount))
        if cut:
            inst.amount = yuan(fen(inst.amount) - cut)
            left -= cut
        if not left:
            break


def supplement_from_recompute(
    db: Database, project_id: int, household_id: int, reason: str, signed_on: date
) -> AgreementView:
    """The supplement that brings the agreed lines to the current (re-reviewed) computation, item by item."""
    require(db, Need.ENTER, "签订补充协议")
    with db.read() as s:
        state = s.scalar(select(HouseholdCompensation).where(HouseholdCompensation.household_id == household_id))
        if state is None or state.status != STATUS_REVIEWED:
            raise ValidationError(
                "该户补偿重新计算后尚未复核，不能据此签补充协议：请先在户信息窗口的「补偿」页核对并「复核通过」，再签补充协议",
                field="复核",
            )
        now: dict[str, int] = {}
        payees: dict[str, str] = {}
        for item, _f, amount, payee in _lines_by_household(s, [household_id])[household_id]:
            now[item] = now.get(item, 0) + amount
            payees[item] = payee
        agreed: dict[str, int] = {}
        for ln in s.scalars(
            select(AgreementLine)
            .join(Agreement, Agreement.id == AgreementLine.agreement_id)
            .where(Agreement.household_id == household_id)
        ):
            agreed[ln.item] = agreed.get(ln.item, 0) + fen(ln.amount)
            payees.setdefault(ln.item, ln.payee)
    diff = [(item, yuan(now.get(item, 0) - agreed.get(item, 0))) for item in dict.fromkeys([*now, *agreed])]
    diff = [(item, amount) for item, amount in diff if amount]
    if not diff:
        raise ValidationError("现行计算结果与已签协议（含补充协议）一致，无需补充协议", field="明细")
    return supplement(db, project_id, household_id, diff, reason, signed_on, payees=payees)


def _refresh_paid(s: Session, household_id: int | Sequence[int]) -> None:
    """An agreement whose instalments are all paid is 已兑付; a new unpaid instalment reopens it.

    Works on many households at once (two queries per 500 households)."""
    ids = [household_id] if isinstance(household_id, int) else list(household_id)
    s.flush()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        unpaid = dict(
            s.execute(
                select(Instalment.agreement_id, func.count())
                .where(Instalment.household_id.in_(chunk), Instalment.paid_on.is_(None), Instalment.amount != 0)
                .group_by(Instalment.agreement_id)
            ).all()
        )
        for ag in s.scalars(select(Agreement).where(Agreement.household_id.in_(chunk))):
            if ag.status == STATUS_ARCHIVED:
                continue
            if not unpaid.get(ag.id):
                if ag.status != STATUS_PAID:
                    ag.status = STATUS_PAID
            elif ag.status == STATUS_PAID:
                ag.status = STATUS_VACATED if ag.vacated_on is not None else STATUS_SIGNED


def archive_agreements(db: Database, project_id: int, household_ids: Sequence[int]) -> int:
    """已兑付 → 已归档 (every agreement of the household must be paid)."""
    require(db, Need.ENTER, "协议归档")
    count = 0
    with db.write(reason="协议归档") as s:
        for h in households_in(s, project_id, household_ids):
            ags = list(s.scalars(select(Agreement).where(Agreement.household_id == h.id)))
            if not ags or any(a.status not in (STATUS_PAID, STATUS_ARCHIVED) for a in ags):
                raise ValidationError(f"户 {h.household_no} 的协议尚未全部兑付，不能归档", field="协议")
            for a in ags:
                if a.status != STATUS_ARCHIVED:
                    a.status = STATUS_ARCHIVED
                    count += 1
    return count
