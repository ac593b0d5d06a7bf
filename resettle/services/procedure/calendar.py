"""The working-day calendar: shipped tables overlaid with the years the office loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from resettle.domain.workdays import DayKind, SpecialDay, WorkCalendar, add_working_days
from resettle.io.holidays import read_holiday_workbook, shipped_years, write_holiday_workbook
from resettle.paths_resources import resource_path
from resettle.services.accounts.guard import Need, require
from resettle.store.database import Database
from resettle.store.procedure_models import HolidayDay, HolidayYear

__all__ = [
    "HolidayRow",
    "LoadedYears",
    "calendar_in",
    "export_holiday_workbook",
    "holiday_rows",
    "load_holiday_workbook",
    "nth_working_day",
    "shipped_calendar",
    "work_calendar",
]

SHIPPED_SOURCE = "随程序提供（国务院办公厅节假日安排通知）"


def shipped_calendar(folder: Path | None = None) -> WorkCalendar:
    years = shipped_years(folder or resource_path("holidays"))
    days = [d for ds in years.values() for d in ds]
    return WorkCalendar.of(days, years, {y: SHIPPED_SOURCE for y in years})


def calendar_in(s: Session, base: WorkCalendar | None = None) -> WorkCalendar:
    """The calendar as seen inside a session (services that compute due dates use this)."""
    cal = base or shipped_calendar()
    rows = s.scalars(select(HolidayYear).options(selectinload(HolidayYear.days)).order_by(HolidayYear.year)).all()
    for row in rows:
        days = [SpecialDay(d.day, DayKind(d.kind), d.name) for d in row.days]
        cal = cal.with_year(row.year, days, row.source or "本办导入")
    return cal


def work_calendar(db: Database) -> WorkCalendar:
    require(db, Need.READ, "查看节假日表")
    with db.read() as s:
        return calendar_in(s)


def nth_working_day(db: Database, start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (start not counted)."""
    return add_working_days(work_calendar(db), start, n)


@dataclass(frozen=True)
class HolidayRow:
    day: date
    kind: str
    name: str
    weekday: int
    source: str


def holiday_rows(db: Database, year: int | None = None) -> list[HolidayRow]:
    """The special days of the known years (or of one), for the holiday table page."""
    cal = work_calendar(db)
    years = [year] if year is not None else sorted(cal.years)
    return [
        HolidayRow(d.day, d.kind.value, d.name, d.day.weekday(), cal.sources.get(y, ""))
        for y in years
        for d in cal.days_of(y)
    ]


@dataclass(frozen=True)
class LoadedYears:
    years: tuple[int, ...]
    days: int


def load_holiday_workbook(
    db: Database, path: Path, source: str = "", years: tuple[int, ...] | None = None
) -> LoadedYears:
    """The office enters a newer notice (or corrects one): each year in the workbook replaces that year."""
    require(db, Need.ENTER, "导入节假日表")
    book = read_holiday_workbook(path, years)
    label = source.strip() or f"本办导入：{path.name}"
    with db.write(reason=f"导入节假日表 {path.name}") as s:
        for year in book.years:
            row = s.scalars(select(HolidayYear).where(HolidayYear.year == year)).first()
            if row is not None:
                s.delete(row)
                s.flush()
            row = HolidayYear(year=year, source=label, loaded_at=datetime.now(UTC).replace(tzinfo=None))
            row.days = [HolidayDay(day=d.day, kind=d.kind.value, name=d.name) for d in book.days if d.day.year == year]
            s.add(row)
        s.flush()
    return LoadedYears(book.years, len(book.days))


def export_holiday_workbook(db: Database, out: Path, years: tuple[int, ...] | None = None) -> int:
    """The known years' special days as a ``节假日`` workbook (to check, or as the shape for a new year)."""
    cal = work_calendar(db)
    for y in years or ():
        cal.check(date(y, 1, 1))
    chosen = years or tuple(sorted(cal.years))
    return write_holiday_workbook(out, [d for y in chosen for d in cal.days_of(y)])
