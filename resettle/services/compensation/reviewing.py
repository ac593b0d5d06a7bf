"""A household's compensation: its view, its terms, and the review by a second person."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.domain.compensation_records import (
    HouseholdCompensationView,
)
from resettle.errors import ConflictError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation.bulk import (
    Scope,
)
from resettle.services.compensation.common import (
    household_of,
    project_link,
    run_compute,
    view_of,
)
from resettle.services.compensation.freshness import refuse_outdated
from resettle.services.compensation.rate_tables import (
    MAX_TRANSITION_MONTHS,
    load_table,
)
from resettle.store.compensation_models import (
    STATUS_COMPUTED,
    STATUS_NONE,
    STATUS_REVIEWED,
    CompensationAdjustment,
    HouseholdCompensation,
    ProjectRateTable,
)
from resettle.store.database import Database


def get_household_compensation(db: Database, household_id: int) -> HouseholdCompensationView:
    require(db, Need.READ, "查看补偿")
    with db.read() as s:
        return view_of(s, household_id)


def state_of(s: Session, household_id: int) -> HouseholdCompensation:
    """The household's review-state row, created (未计算) when missing."""
    household_of(s, household_id)
    state = s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id == household_id)).first()
    if state is None:
        state = HouseholdCompensation(household_id=household_id, status=STATUS_NONE, total=Decimal("0.00"))
        s.add(state)
        s.flush()
    return state


def set_household_terms(
    db: Database, household_id: int, *, signed_on: date | None, transition_months: int | None, reason: str = ""
) -> HouseholdCompensationView:
    """Signing date (for the signing reward) and the household's own transition months (None: project default).

    When the project has a standard, the household is recomputed in the same transaction."""
    require(db, Need.ENTER, "修改补偿条件")
    if transition_months is not None and not 0 <= transition_months <= MAX_TRANSITION_MONTHS:
        raise ValidationError(f"过渡月数应在 0 到 {MAX_TRANSITION_MONTHS} 之间", field="过渡月数")
    with db.write(reason=reason.strip() or "修改签约日期/过渡月数") as s:
        state = state_of(s, household_id)
        if state.signed_on != signed_on:
            state.signed_on = signed_on
        if state.transition_months != transition_months:
            state.transition_months = transition_months
        s.flush()
        h = household_of(s, household_id)
        link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == h.project_id)).one_or_none()
        if link is not None:
            rec = load_table(s, link.rate_table_id)
            s.expunge(state)  # the bulk path rewrites this row; the session must not flush a stale copy
            run_compute(db.actor, s.connection(), Scope(h.project_id, household_ids=(household_id,)), link, rec)
    return get_household_compensation(db, household_id)


def _refuse_own(s: Session, household_id: int, user: str) -> None:
    own = s.scalar(
        select(CompensationAdjustment.id).where(
            CompensationAdjustment.household_id == household_id, CompensationAdjustment.created_by == user
        )
    )
    if own is not None:
        h = household_of(s, household_id)
        raise ValidationError(f"户 {h.household_no} 含有您本人录入的人工调整，须由其他人复核。", field="复核")


def _review_one(s: Session, state: HouseholdCompensation, user: str, current_table_id: int) -> None:
    h = household_of(s, state.household_id)
    if state.status == STATUS_REVIEWED:
        raise ValidationError(f"户 {h.household_no} 已复核", field="复核")
    if state.status != STATUS_COMPUTED:
        raise ValidationError(f"户 {h.household_no} 尚未计算补偿，不能复核", field="复核")
    if state.rate_table_id != current_table_id:
        raise ValidationError(f"户 {h.household_no} 的补偿不是按项目现行标准计算的，请先重新计算", field="复核")
    _refuse_own(s, state.household_id, user)
    state.status = STATUS_REVIEWED
    state.reviewed_by = user
    state.reviewed_at = datetime.now()


def review(db: Database, household_id: int, expected_version: int | None = None) -> HouseholdCompensationView:
    """已计算 → 已复核 by the current user (who must not have entered an adjustment of this household)."""
    require(db, Need.REVIEW, "复核补偿")
    with db.write(reason="复核补偿") as s:
        state = state_of(s, household_id)
        if expected_version is not None and state.version != expected_version:
            raise ConflictError("该户补偿已被他人重新计算或修改，请刷新后再复核。")
        project_id = household_of(s, household_id).project_id
        _link, rec = project_link(s, project_id)
        if state.status == STATUS_COMPUTED and state.rate_table_id == rec.id:
            refuse_outdated(s, project_id, [household_id], "复核")  # amounts of earlier facts are not reviewed
        _review_one(s, state, db.actor.user, rec.id)
    return get_household_compensation(db, household_id)


def review_many(db: Database, household_ids: Iterable[int]) -> int:
    """Review several households at once (all or none); households already reviewed are skipped."""
    require(db, Need.REVIEW, "复核补偿")
    ids = list(dict.fromkeys(household_ids))
    with db.write(reason="批量复核补偿") as s:
        states = s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id.in_(ids))).all()
        by_household = {st.household_id: st for st in states}
        count = 0
        current: dict[int, int] = {}
        by_project: dict[int, list[int]] = {}
        for hid in ids:
            if (st := by_household.get(hid)) is not None and st.status == STATUS_COMPUTED:
                by_project.setdefault(household_of(s, hid).project_id, []).append(hid)
        for project_id, listed in by_project.items():  # all or none: amounts of earlier facts are not reviewed
            refuse_outdated(s, project_id, listed, "复核")
        for hid in ids:
            state = by_household.get(hid)
            if state is None:
                raise ValidationError(f"户 {household_of(s, hid).household_no} 尚未计算补偿，不能复核", field="复核")
            if state.status == STATUS_REVIEWED:
                continue
            project_id = household_of(s, hid).project_id
            if project_id not in current:
                current[project_id] = project_link(s, project_id)[1].id
            _review_one(s, state, db.actor.user, current[project_id])
            count += 1
        return count
