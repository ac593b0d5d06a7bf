"""Working days after the State Council's yearly holiday notice (节假日安排, 调休).

A year is *known* only when its table was loaded (shipped in ``resources/holidays`` or
entered by the office from the notice). Within a known year a weekday is a working day
unless the table says 休, and a Saturday or Sunday is a day off unless the table says 班.
A date in a year nobody loaded is refused with a message: guessing a holiday would put a
statutory deadline on the wrong day.

Counting follows the usual rule for legal periods: the day the period starts is not
counted (期间开始的当日不计入); the N-th working day after DATE is the answer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import cached_property

from resettle.errors import ValidationError

__all__ = [
    "DayKind",
    "SpecialDay",
    "UnknownYear",
    "WorkCalendar",
    "add_calendar_days",
    "add_working_days",
    "calendar_days_between",
    "is_working_day",
    "working_days_between",
]


class DayKind(Enum):
    OFF = "休"
    WORK = "班"


@dataclass(frozen=True)
class SpecialDay:
    """One line of a notice: a holiday (休) or a make-up working day (班)."""

    day: date
    kind: DayKind
    name: str = ""


class UnknownYear(ValidationError):
    """A date in a year whose holiday notice the program does not have."""


@dataclass(frozen=True)
class WorkCalendar:
    """The known years and their special days; built from the shipped tables and the office's own."""

    years: frozenset[int]
    special: Mapping[date, SpecialDay] = field(default_factory=dict)
    sources: Mapping[int, str] = field(default_factory=dict)  # year -> where its table came from

    @classmethod
    def of(
        cls, days: Iterable[SpecialDay], years: Iterable[int], sources: Mapping[int, str] | None = None
    ) -> WorkCalendar:
        known = frozenset(years)
        table: dict[date, SpecialDay] = {}
        for d in days:
            if d.day.year not in known:
                raise ValidationError(f"{d.day.isoformat()} 不在所列年份内", field="日期")
            table[d.day] = d
        return cls(years=known, special=table, sources=dict(sources or {}))

    def check(self, day: date) -> None:
        if day.year not in self.years:
            known = "、".join(str(y) for y in sorted(self.years)) or "无"
            raise UnknownYear(
                f"日历里没有 {day.year} 年的节假日安排（已知年份：{known}），无法判断 {day.isoformat()} "
                f"是否工作日。请在「程序 → 节假日表」中导入国务院办公厅公布的 {day.year} 年安排后再算。",
                field="日期",
            )

    def is_working_day(self, day: date) -> bool:
        self.check(day)
        sp = self.special.get(day)
        if sp is not None:
            return sp.kind is DayKind.WORK
        return day.weekday() < 5

    @cached_property
    def working_days(self) -> tuple[date, ...]:
        """Every working day of the known years, in order (built once per calendar)."""
        out: list[date] = []
        for year in sorted(self.years):
            day, end = date(year, 1, 1), date(year, 12, 31)
            while day <= end:
                sp = self.special.get(day)
                if (sp.kind is DayKind.WORK) if sp is not None else day.weekday() < 5:
                    out.append(day)
                day += timedelta(days=1)
        return tuple(out)

    def first_unknown_after(self, day: date) -> date:
        year = day.year + 1
        while year in self.years:
            year += 1
        return date(year, 1, 1)

    def days_of(self, year: int) -> list[SpecialDay]:
        return sorted((d for d in self.special.values() if d.day.year == year), key=lambda d: d.day)

    def with_year(self, year: int, days: Iterable[SpecialDay], source: str) -> WorkCalendar:
        """The same calendar with ``year`` replaced by ``days`` (the office loads a newer notice)."""
        kept = [d for d in self.special.values() if d.day.year != year]
        sources = {**self.sources, year: source}
        return WorkCalendar.of([*kept, *days], {*self.years, year}, sources)


def is_working_day(cal: WorkCalendar, day: date) -> bool:
    return cal.is_working_day(day)


def add_working_days(cal: WorkCalendar, start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself not counted); ``n`` = 0 is ``start``."""
    if n < 0:
        raise ValidationError("工作日数不能为负数", field="天数")
    cal.check(start)
    if n == 0:
        return start
    working = cal.working_days
    target = bisect.bisect_right(working, start) + n - 1
    gap = cal.first_unknown_after(start)
    if target >= len(working) or working[target] >= gap:
        cal.check(gap)  # the count runs into a year the calendar does not know
    return working[target]


def add_calendar_days(cal: WorkCalendar | None, start: date, n: int, *, roll_to_working_day: bool = False) -> date:
    """``start`` + ``n`` calendar days (start not counted).

    With ``roll_to_working_day`` a period whose last day is a day off ends on the next
    working day (民法典 第二百零三条); that needs the calendar."""
    if n < 0:
        raise ValidationError("天数不能为负数", field="天数")
    end = start + timedelta(days=n)
    if roll_to_working_day:
        if cal is None:
            raise ValidationError("顺延到工作日需要节假日表", field="天数")
        while not cal.is_working_day(end):
            end += timedelta(days=1)
    return end


def working_days_between(cal: WorkCalendar, start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
    cal.check(start)
    cal.check(end)
    if end <= start:
        return 0
    if end >= cal.first_unknown_after(start):
        cal.check(cal.first_unknown_after(start))
    working = cal.working_days
    return bisect.bisect_right(working, end) - bisect.bisect_right(working, start)


def calendar_days_between(start: date, end: date) -> int:
    """Days after ``start`` up to and including ``end`` (a posting 6-01 → 6-30 has 29)."""
    return max(0, (end - start).days)
