"""The dashboard's headline figures by project and village, and their progress by month.

Households surveyed / computed / reviewed come from the register and the compensation
tables; signed / paid from :func:`resettle.services.payments.progress.payment_counts`;
flats chosen / handed over from :func:`resettle.services.housing.progress.housing_counts`.
Livelihood figures count land-lost persons (members of households with land taken):
working age on the reference date (labour settings' limits), employed (已就业 or
自主创业), trained (completed a course), certified (a completed course with a
certificate), placed (hired through a referral to a park enterprise), and enrolled in
social security by band (the bureau passed them in the last reconciled reply).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.domain.labour import EMPLOYED_STATES
from resettle.io.livelihood_records import Figures, MonitoringData, MonthPoint, VillageFigures
from resettle.services.accounts.guard import Need, require
from resettle.services.housing.progress import housing_counts
from resettle.services.livelihood.common import PersonFacts, load_people, project_name, reference_date
from resettle.services.livelihood.social_security import ENROLLED_OUTCOMES
from resettle.services.payments.progress import PaymentCounts, payment_counts
from resettle.services.procedure.progress import procedure_counts
from resettle.store.compensation_models import STATUS_COMPUTED, STATUS_REVIEWED, HouseholdCompensation
from resettle.store.database import Database
from resettle.store.livelihood_models import (
    SS_PUBLISHED,
    JobPost,
    Referral,
    SocialSecurityEnrolment,
    SocialSecurityStandard,
    TrainingCourse,
    TrainingEnrolment,
)
from resettle.store.models import Household, Village, VillageGroup

__all__ = ["MonitoringData", "dashboard"]


def _household_counts(s: Session, project_id: int) -> dict[int, tuple[int, int, int]]:
    """village id -> (households, computed, reviewed)."""
    rows = s.execute(
        select(
            VillageGroup.village_id,
            func.count(Household.id),
            func.count(HouseholdCompensation.id).filter(
                HouseholdCompensation.status.in_((STATUS_COMPUTED, STATUS_REVIEWED))
            ),
            func.count(HouseholdCompensation.id).filter(HouseholdCompensation.status == STATUS_REVIEWED),
        )
        .join(VillageGroup, Household.group_id == VillageGroup.id)
        .outerjoin(HouseholdCompensation, HouseholdCompensation.household_id == Household.id)
        .where(Household.project_id == project_id)
        .group_by(VillageGroup.village_id)
    )
    return {int(v): (int(n), int(c), int(r)) for v, n, c, r in rows}


def _person_sets(
    s: Session, project_id: int
) -> tuple[dict[int, date | None], dict[int, date | None], dict[int, date | None], dict[int, str]]:
    """trained (person -> first end date), certified, placed (person -> hire date), enrolled (person -> band)."""
    trained: dict[int, date | None] = {}
    certified: dict[int, date | None] = {}
    for pid, end, cert in s.execute(
        select(TrainingEnrolment.person_id, TrainingCourse.end_date, TrainingEnrolment.certificate_name)
        .join(TrainingCourse)
        .where(TrainingCourse.project_id == project_id, TrainingEnrolment.completed.is_(True))
    ):
        for target in (trained, certified) if cert else (trained,):
            old = target.get(pid)
            target[pid] = end if pid not in target else (min(old, end) if old and end else old or end)
    placed: dict[int, date | None] = {}
    for pid, day in s.execute(
        select(Referral.person_id, Referral.decided_on)
        .join(JobPost)
        .where(JobPost.project_id == project_id, Referral.status == "录用")
    ):
        placed.setdefault(pid, day)
    enrolled = {
        int(pid): band
        for pid, band in s.execute(
            select(SocialSecurityEnrolment.person_id, SocialSecurityEnrolment.band)
            .join(SocialSecurityStandard, SocialSecurityEnrolment.standard_id == SocialSecurityStandard.id)
            .where(
                SocialSecurityStandard.project_id == project_id,
                SocialSecurityEnrolment.outcome.in_(ENROLLED_OUTCOMES),
            )
        )
    }
    return trained, certified, placed, enrolled


def _figures(
    people: list[PersonFacts],
    households: tuple[int, int, int],
    pay: PaymentCounts,
    chosen: int,
    handed: int,
    sets: tuple[dict[int, date | None], dict[int, date | None], dict[int, date | None], dict[int, str]],
) -> Figures:
    trained, certified, placed, enrolled = sets
    land = [p for p in people if p.land_lost]
    working = [p for p in land if p.working_age]
    bands: dict[str, int] = defaultdict(int)
    for p in land:
        if p.id in enrolled:
            bands[enrolled[p.id]] += 1
    return Figures(
        households=households[0],
        computed=households[1],
        reviewed=households[2],
        signed=pay.signed,
        paid=pay.paid,
        partly_paid=pay.partly_paid,
        flats_chosen=chosen,
        handed_over=handed,
        working_age=len(working),
        employed=sum(1 for p in working if p.state in EMPLOYED_STATES),
        trained=sum(1 for p in land if p.id in trained),
        certified=sum(1 for p in land if p.id in certified),
        placed=sum(1 for p in land if p.id in placed),
        ss_enrolled=dict(bands),
    )


def _months(
    s: Session,
    project_id: int,
    people: list[PersonFacts],
    trained: dict[int, date | None],
    placed: dict[int, date | None],
    until: date,
) -> tuple[MonthPoint, ...]:
    computed_days = [
        d.date()
        for d in s.execute(
            select(HouseholdCompensation.computed_at)
            .join(Household, HouseholdCompensation.household_id == Household.id)
            .where(
                Household.project_id == project_id,
                HouseholdCompensation.status.in_((STATUS_COMPUTED, STATUS_REVIEWED)),
                HouseholdCompensation.computed_at.is_not(None),
            )
        ).scalars()
        if d is not None
    ]
    land = {p.id for p in people if p.land_lost}
    employed_days = [
        p.start_date for p in people if p.land_lost and p.working_age and p.state in EMPLOYED_STATES and p.start_date
    ]
    trained_days = [d for pid, d in trained.items() if pid in land and d]
    placed_days = [d for pid, d in placed.items() if pid in land and d]
    every = computed_days + employed_days + trained_days + placed_days
    if not every:
        return ()
    start = min(every)
    months: list[tuple[int, int]] = []
    y, m = start.year, start.month
    while (y, m) <= (until.year, until.month) and len(months) < 120:
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def upto(days: list[date], ym: tuple[int, int]) -> int:
        return sum(1 for d in days if (d.year, d.month) <= ym)

    return tuple(
        MonthPoint(
            f"{ym[0]}-{ym[1]:02d}",
            upto(computed_days, ym),
            upto(employed_days, ym),
            upto(trained_days, ym),
            upto(placed_days, ym),
        )
        for ym in months
    )


def dashboard(db: Database, project_id: int, on: date | None = None) -> MonitoringData:
    """All headline figures of a project, per village and in total, and cumulative progress by month."""
    require(db, Need.READ, "查看监测数据")
    with db.read() as s:
        project = project_name(s, project_id)
        day = reference_date(s, project_id, on)
        villages = list(
            s.execute(select(Village.id, Village.name).where(Village.project_id == project_id).order_by(Village.id))
        )
        people = load_people(s, project_id, day)
        counts = _household_counts(s, project_id)
        sets = _person_sets(s, project_id)
        standard = s.scalar(
            select(SocialSecurityStandard)
            .where(SocialSecurityStandard.project_id == project_id, SocialSecurityStandard.status == SS_PUBLISHED)
            .order_by(SocialSecurityStandard.revision.desc())
            .limit(1)
        )
        bands = list(dict.fromkeys(b.band for b in standard.bands)) if standard is not None else []
        months = _months(s, project_id, people, sets[0], sets[2], day)
    for band in {b for b in sets[3].values()} - set(bands):
        bands.append(band)
    by_village: dict[int, list[PersonFacts]] = defaultdict(list)
    for p in people:
        by_village[p.village_id].append(p)
    rows: list[VillageFigures] = []
    for vid, name in villages:
        pay = payment_counts(db, project_id, vid)
        housing = housing_counts(db, project_id, vid)
        rows.append(
            VillageFigures(
                vid,
                name,
                _figures(
                    by_village.get(vid, []),
                    counts.get(vid, (0, 0, 0)),
                    pay,
                    housing.chosen,
                    housing.handed_over,
                    sets,
                ),
            )
        )
    pay = payment_counts(db, project_id, None)
    housing = housing_counts(db, project_id, None)
    total_households = tuple(sum(c[i] for c in counts.values()) for i in range(3))
    total = _figures(
        people,
        (total_households[0], total_households[1], total_households[2]),
        pay,
        housing.chosen,
        housing.handed_over,
        sets,
    )
    grievances = procedure_counts(db, project_id)
    return MonitoringData(
        project_id,
        project,
        day,
        total,
        tuple(rows),
        months,
        tuple(bands),
        grievances.open_grievances,
        grievances.overdue_grievances,
    )
