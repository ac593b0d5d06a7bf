"""Plain records the livelihood services produce and the livelihood writers print (no database here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

__all__ = [
    "OUTCOMES",
    "OUTCOME_LABELS",
    "BandTotal",
    "CourseLine",
    "CourseSheet",
    "Figures",
    "MonitoringData",
    "MonthPoint",
    "ReconcileRow",
    "RosterRow",
    "VillageFigures",
]

OUTCOMES = ("matched", "name_differs", "band_differs", "refused", "missing_in_reply", "unknown_in_reply")
OUTCOME_LABELS = {
    "matched": "一致",
    "name_differs": "姓名不符",
    "band_differs": "年龄段不符",
    "refused": "未通过",
    "missing_in_reply": "回执中缺少",
    "unknown_in_reply": "本项目无此人",
}


@dataclass(frozen=True)
class RosterRow:
    person_id: int
    name: str
    id_number: str
    sex: str
    birth_date: date | None
    age: int | None
    band: str
    benefit: str
    amount: Decimal | None
    village: str
    group: str
    household_no: str


@dataclass(frozen=True)
class BandTotal:
    persons: int
    amount: Decimal


@dataclass(frozen=True)
class ReconcileRow:
    outcome: str  # one of OUTCOMES
    id_number: str
    name: str  # ours ("" when unknown here)
    reply_name: str
    band: str  # ours
    reply_band: str
    result: str  # the bureau's 审核结果
    reason: str  # the bureau's 备注
    village: str = ""
    household_no: str = ""
    reply_row: int | None = None

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


@dataclass(frozen=True)
class CourseSheet:
    name: str
    kind: str
    provider: str
    start_date: date | None
    end_date: date | None
    hours: int


@dataclass(frozen=True)
class CourseLine:
    name: str
    id_number: str
    sex: str
    village: str
    group: str
    household_no: str
    attended_hours: int
    completed: bool
    certificate_name: str
    certificate_no: str


@dataclass(frozen=True)
class Figures:
    """The county's headline figures for a project or one village (issue 14, 6)."""

    households: int = 0  # surveyed
    computed: int = 0
    reviewed: int = 0
    signed: int = 0
    paid: int = 0
    partly_paid: int = 0  # signed, some instalment paid, not all yet
    flats_chosen: int = 0
    handed_over: int = 0
    working_age: int = 0  # working-age land-lost persons
    employed: int = 0
    trained: int = 0
    certified: int = 0
    placed: int = 0  # hired in park enterprises through referrals
    ss_enrolled: dict[str, int] = field(default_factory=dict)  # band -> persons

    @property
    def employment_rate(self) -> Decimal:
        """Employed / working age, in per cent with one decimal (0 when nobody is of working age)."""
        if not self.working_age:
            return Decimal("0.0")
        return (Decimal(self.employed * 100) / Decimal(self.working_age)).quantize(Decimal("0.1"))

    @property
    def ss_total(self) -> int:
        return sum(self.ss_enrolled.values())


@dataclass(frozen=True)
class VillageFigures:
    village_id: int
    village: str
    figures: Figures


@dataclass(frozen=True)
class MonthPoint:
    month: str  # 2026-03
    computed: int  # cumulative households computed by the end of the month
    employed: int  # cumulative working-age land-lost persons employed (by start date)
    trained: int  # cumulative persons who completed a course (by end date)
    placed: int  # cumulative hires through referrals


@dataclass(frozen=True)
class MonitoringData:
    project_id: int
    project: str
    reference_date: date
    total: Figures
    villages: tuple[VillageFigures, ...]
    months: tuple[MonthPoint, ...]
    bands: tuple[str, ...]  # band names in the standard's order
    grievances_open: int = 0  # 信访/异议 not yet closed (procedure area)
    grievances_overdue: int = 0  # of these, past their due date
