"""What the livelihood services share: the project's people with their labour facts, dates, errors.

A "land-lost person" (失地农民) is a member of a household of the project that has land
taken (a parcel with an area above zero). Ages are full years on the project's reference
date: the date the clerk gives, else the one set in the labour settings, else the
project's own reference date once the register has one, else today.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVarTuple

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from resettle.domain.ids import birth_and_sex
from resettle.domain.labour import WorkingAgeLimits, age_on, labour_category
from resettle.errors import ValidationError
from resettle.io.livelihood_sheets import SheetIssue
from resettle.services.common import CancelCheck, Progress, check_cancel, project_of
from resettle.store.livelihood_models import LabourPerson, LabourSettings
from resettle.store.models import Household, LandParcel, Person, Project, Village, VillageGroup

__all__ = [
    "CancelCheck",
    "LivelihoodImportError",
    "PersonFacts",
    "Progress",
    "check_cancel",
    "limits_of",
    "load_people",
    "now",
    "people_by_id_number",
    "project_name",
    "reference_date",
    "settings_of",
    "where_person_lives",
]

_CHUNK = 900
Ts = TypeVarTuple("Ts")


class LivelihoodImportError(ValidationError):
    """A sheet was refused; ``issues`` names every bad cell (nothing was saved)."""

    def __init__(self, what: str, issues: Sequence[SheetIssue]) -> None:
        shown = "\n".join(str(i) for i in issues)
        super().__init__(f"{what}未导入（共 {len(issues)} 处问题，未保存任何内容）：\n{shown}")
        self.issues = list(issues)


def where_person_lives(query: Select[*Ts]) -> Select[*Ts]:
    """``query`` (over Person) joined to the person's household, group and village, in register order."""
    return (
        query.join(Household, Person.household_id == Household.id)
        .join(VillageGroup, Household.group_id == VillageGroup.id)
        .join(Village, VillageGroup.village_id == Village.id)
        .order_by(Village.id, VillageGroup.id, Household.household_no, Person.seq)
    )


def project_name(s: Session, project_id: int) -> str:
    return project_of(s, project_id).name


def settings_of(s: Session, project_id: int) -> LabourSettings | None:
    return s.scalar(select(LabourSettings).where(LabourSettings.project_id == project_id))


def limits_of(settings: LabourSettings | None) -> WorkingAgeLimits:
    if settings is None:
        return WorkingAgeLimits()
    return WorkingAgeLimits(settings.min_age, settings.male_retirement, settings.female_retirement)


def reference_date(s: Session, project_id: int, explicit: date | None = None) -> date:
    if explicit is not None:
        return explicit
    settings = settings_of(s, project_id)
    if settings is not None and settings.reference_date is not None:
        return settings.reference_date
    project = s.get(Project, project_id)
    own = getattr(project, "reference_date", None)  # the register's project details, where present
    if isinstance(own, date):
        return own
    return date.today()


@dataclass(frozen=True)
class PersonFacts:
    """One member of the project with what livelihood needs about them (plain data)."""

    id: int
    household_id: int
    household_no: str
    village_id: int
    village: str
    group: str
    name: str
    id_number: str
    sex: str
    birth_date: date | None
    land_lost: bool
    age: int | None
    category: str  # labour.labour_category
    condition: str
    state: str
    employer: str
    post: str
    start_date: date | None
    monthly_income: Decimal | None
    unemployed_since: date | None

    @property
    def working_age(self) -> bool:
        return self.category == "劳动年龄"


def load_people(
    s: Session, project_id: int, on: date, village_id: int | None = None, limits: WorkingAgeLimits | None = None
) -> list[PersonFacts]:
    """Every member of the project (or one village) with age, category and current labour status."""
    limits = limits or limits_of(settings_of(s, project_id))
    land = exists().where(LandParcel.household_id == Household.id, LandParcel.area_mu > 0)
    query = (
        where_person_lives(
            select(
                Person.id,
                Household.id,
                Household.household_no,
                Village.id,
                Village.name,
                VillageGroup.name,
                Person.name,
                Person.id_number,
                Person.sex,
                Person.birth_date,
                land,
                LabourPerson.condition,
                LabourPerson.state,
                LabourPerson.employer,
                LabourPerson.post,
                LabourPerson.start_date,
                LabourPerson.monthly_income,
                LabourPerson.unemployed_since,
            ).outerjoin(LabourPerson, LabourPerson.person_id == Person.id)
        )
        .where(Household.project_id == project_id)
        .order_by(Person.id)
    )
    if village_id is not None:
        query = query.where(Village.id == village_id)
    out: list[PersonFacts] = []
    for row in s.execute(query):
        birth, sex = birth_and_sex(row[9], row[8] or "", row[7] or "")
        age = age_on(birth, on) if birth is not None and birth <= on else None
        condition = row[11] or ""
        out.append(
            PersonFacts(
                id=row[0],
                household_id=row[1],
                household_no=row[2],
                village_id=row[3],
                village=row[4],
                group=row[5],
                name=row[6],
                id_number=row[7] or "",
                sex=sex,
                birth_date=birth,
                land_lost=bool(row[10]),
                age=age,
                category=labour_category(age, sex, limits, condition),
                condition=condition,
                state=row[12] or "",
                employer=row[13] or "",
                post=row[14] or "",
                start_date=row[15],
                monthly_income=row[16],
                unemployed_since=row[17],
            )
        )
    return out


def people_by_id_number(people: Iterable[PersonFacts]) -> dict[str, PersonFacts]:
    return {p.id_number: p for p in people if p.id_number}


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
