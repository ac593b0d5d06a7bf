"""Adjustments (调整): amounts a clerk adds to or takes from a household's computed lines, with a reason."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from resettle.domain.compensation import Adjustment
from resettle.domain.compensation_records import (
    HouseholdCompensationView,
)
from resettle.domain.money import to_fen
from resettle.domain.rates import RateError
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation.common import (
    household_of,
    yuan,
)
from resettle.services.compensation.freshness import fingerprint_if_current, fingerprint_now
from resettle.services.compensation.reviewing import get_household_compensation, state_of
from resettle.store.compensation_models import (
    STATUS_COMPUTED,
    STATUS_REVIEWED,
    CompensationAdjustment,
)
from resettle.store.database import Database


def _checked_adjustment(item: str, amount: Decimal, reason: str, payee: str) -> Adjustment:
    if isinstance(amount, float):
        raise ValidationError("金额不能用浮点数", field="金额")
    try:
        return Adjustment(item.strip(), to_fen(amount), reason.strip(), payee)
    except RateError as exc:
        raise ValidationError(str(exc), field="调整") from exc


def _current_before(s: Session, household_id: int) -> bool:
    """Whether the household's stored result is current before the adjustment changes."""
    h = household_of(s, household_id)
    return fingerprint_if_current(s, h.project_id, household_id) is not None


def _after_amount_change(s: Session, household_id: int, was_current: bool) -> None:
    """Refresh the total snapshot; a reviewed result goes back to 已计算 (review is reset). A result
    that was current stays current (the adjustment is in the total now); one that was outdated
    stays outdated: its facts changed too."""
    s.flush()
    state = state_of(s, household_id)
    conn = s.connection()
    lines = conn.exec_driver_sql(
        "SELECT coalesce(sum(amount), 0) FROM compensation_line WHERE household_id = ?", (household_id,)
    ).scalar()
    adjustments = conn.exec_driver_sql(
        "SELECT coalesce(sum(amount), 0) FROM compensation_adjustment WHERE household_id = ?", (household_id,)
    ).scalar()
    total = yuan(int(lines or 0) + int(adjustments or 0))
    if state.total != total:
        state.total = total
    if state.status == STATUS_REVIEWED:
        state.status = STATUS_COMPUTED
        state.reviewed_by = ""
        state.reviewed_at = None
    if was_current:
        now = fingerprint_now(s, household_of(s, household_id).project_id, household_id)
        if now is not None and state.inputs_digest != now:
            state.inputs_digest = now
    s.flush()


def add_adjustment(
    db: Database, household_id: int, item: str, amount: Decimal, reason: str, payee: str = "户"
) -> HouseholdCompensationView:
    """A manual amount (positive or negative) outside the rules; resets a review."""
    require(db, Need.ENTER, "录入人工调整")
    adj = _checked_adjustment(item, amount, reason, payee)
    with db.write(reason=adj.reason) as s:
        household_of(s, household_id)
        was_current = _current_before(s, household_id)
        s.add(
            CompensationAdjustment(
                household_id=household_id,
                item=adj.item,
                amount=yuan(adj.amount_fen),
                payee=adj.payee,
                reason=adj.reason,
                created_by=db.actor.user,
                created_at=datetime.now(),
            )
        )
        _after_amount_change(s, household_id, was_current)
    return get_household_compensation(db, household_id)


def _adjustment(s: Session, adjustment_id: int, expected_version: int | None) -> CompensationAdjustment:
    adj = s.get(CompensationAdjustment, adjustment_id)
    if adj is None:
        raise NotFoundError(f"人工调整（编号 {adjustment_id}）不存在，可能已被删除。")
    if expected_version is not None and adj.version != expected_version:
        raise ConflictError("这条人工调整已被他人修改，您的修改未保存。请刷新后再改。")
    return adj


def update_adjustment(
    db: Database,
    adjustment_id: int,
    *,
    amount: Decimal,
    reason: str,
    item: str | None = None,
    payee: str | None = None,
    expected_version: int | None = None,
) -> HouseholdCompensationView:
    """Change an adjustment's amount; the new reason is required and the review is reset."""
    require(db, Need.ENTER, "修改人工调整")
    with db.read() as s:
        current = _adjustment(s, adjustment_id, expected_version)
        checked = _checked_adjustment(item or current.item, amount, reason, payee or current.payee)
    with db.write(reason=checked.reason) as s:
        adj = _adjustment(s, adjustment_id, expected_version)
        was_current = _current_before(s, adj.household_id)
        for attr, value in (
            ("item", checked.item),
            ("amount", yuan(checked.amount_fen)),
            ("payee", checked.payee),
            ("reason", checked.reason),
        ):
            if getattr(adj, attr) != value:
                setattr(adj, attr, value)
        adj.created_by = db.actor.user
        household_id = adj.household_id
        _after_amount_change(s, household_id, was_current)
    return get_household_compensation(db, household_id)


def delete_adjustment(
    db: Database, adjustment_id: int, reason: str, expected_version: int | None = None
) -> HouseholdCompensationView:
    require(db, Need.ENTER, "删除人工调整")
    if not reason.strip():
        raise ValidationError("删除人工调整必须填写原因", field="原因")
    with db.write(reason=reason.strip()) as s:
        adj = _adjustment(s, adjustment_id, expected_version)
        household_id = adj.household_id
        was_current = _current_before(s, household_id)
        s.delete(adj)
        _after_amount_change(s, household_id, was_current)
    return get_household_compensation(db, household_id)
