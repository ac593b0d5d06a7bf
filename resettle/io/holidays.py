"""Holiday tables in and out: the shipped ``resources/holidays/YYYY.csv`` and the office's ``节假日`` workbook.

The shipped files (UTF-8, header ``日期,休班,节日``) were generated once from the
``chinesecalendar`` package (which transcribes the State Council's notices) and checked
against the notices; the program reads them at run time, without the package and
without network. A newer year is entered by the office as a small workbook with a sheet
``节假日`` (or its only sheet): a date column and a 休/班 column, optionally a name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from resettle.domain.workdays import DayKind, SpecialDay
from resettle.errors import ValidationError
from resettle.io.grid import CellValue, column_letter, open_workbook
from resettle.io.values import clean_text
from resettle.io.xlsx_style import atomic_workbook, safe_text

__all__ = ["SHEET_NAME", "HolidayWorkbook", "read_holiday_workbook", "shipped_years", "write_holiday_workbook"]

SHEET_NAME = "节假日"
KIND_WORDS = {"休": DayKind.OFF, "放假": DayKind.OFF, "假": DayKind.OFF, "班": DayKind.WORK, "上班": DayKind.WORK}
_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def _kind(text: str) -> DayKind | None:
    return KIND_WORDS.get(text.strip())


def shipped_years(folder: Path) -> dict[int, list[SpecialDay]]:
    """Every ``YYYY.csv`` in ``folder``: the year is known even when it lists nothing special."""
    years: dict[int, list[SpecialDay]] = {}
    for path in sorted(folder.glob("*.csv")):
        if not path.stem.isdigit():
            continue
        year = int(path.stem)
        days: list[SpecialDay] = []
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            next(reader, None)
            for line_no, row in enumerate(reader, start=2):
                if not row or not row[0].strip():
                    continue
                kind = _kind(row[1]) if len(row) > 1 else None
                try:
                    day = date.fromisoformat(row[0].strip())
                except ValueError:
                    day = None
                if day is None or kind is None or day.year != year:
                    raise ValidationError(f"节假日表 {path.name} 第 {line_no} 行无法识别：{','.join(row)}")
                days.append(SpecialDay(day, kind, row[2].strip() if len(row) > 2 else ""))
        years[year] = days
    return years


def _as_date(value: CellValue) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = _DATE_TEXT.match(value)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


@dataclass(frozen=True)
class HolidayWorkbook:
    """What the office's workbook says: the years it covers and their special days."""

    years: tuple[int, ...]
    days: tuple[SpecialDay, ...]


def read_holiday_workbook(path: Path, years: tuple[int, ...] | None = None) -> HolidayWorkbook:
    """Read the ``节假日`` sheet; every problem is listed with its cell, nothing half-read.

    The years covered are those of the dates found, or ``years`` when given (a year whose
    notice moves no day off a weekend still has to be declared known by the office)."""
    with open_workbook(path) as book:
        names = book.sheet_names
        name = SHEET_NAME if SHEET_NAME in names else (names[0] if len(names) == 1 else None)
        if name is None:
            raise ValidationError(f"文件「{path.name}」中没有名为「{SHEET_NAME}」的工作表", field="工作表")
        grid = book.load(name)
    problems: list[str] = []
    days: dict[date, SpecialDay] = {}
    for r in range(grid.n_rows):
        first = grid.value(r, 0)
        second = clean_text(grid.value(r, 1))
        if first is None and not second:
            continue
        day = _as_date(first)
        kind = _kind(second)
        if day is None and kind is None and r == 0:
            continue  # header row (日期 / 休班)
        where = f"「{name}」第 {r + 1} 行"
        if day is None:
            problems.append(f"{where} {column_letter(0)} 列：「{clean_text(first)}」不是日期")
            continue
        if kind is None:
            problems.append(f"{where} {column_letter(1)} 列：应填「休」或「班」，而不是「{second}」")
            continue
        if day in days and days[day].kind is not kind:
            problems.append(f"{where}：{day.isoformat()} 既写了休又写了班")
            continue
        days[day] = SpecialDay(day, kind, clean_text(grid.value(r, 2)))
    if years is not None:
        for d in days.values():
            if d.day.year not in years:
                problems.append(f"{d.day.isoformat()} 不在所选年份 {'、'.join(map(str, years))} 内")
    if problems:
        raise ValidationError("节假日表有问题，未导入：\n" + "\n".join(problems), field="节假日")
    covered = years if years is not None else tuple(sorted({d.year for d in days}))
    if not covered:
        raise ValidationError(f"文件「{path.name}」的「{name}」表中没有日期", field="节假日")
    return HolidayWorkbook(tuple(covered), tuple(sorted(days.values(), key=lambda d: d.day)))


def write_holiday_workbook(out: Path, days: Sequence[SpecialDay]) -> int:
    """The ``节假日`` sheet the office fills in for a new year (or these years, to check or correct)."""
    with atomic_workbook(out) as book:
        ws = book.add_worksheet(SHEET_NAME)
        head = book.add_format({"bold": True, "border": 1, "bg_color": "#EEEEEE", "align": "center"})
        cell = book.add_format({"border": 1})
        when = book.add_format({"border": 1, "num_format": "yyyy-mm-dd"})
        for c, (name, width) in enumerate((("日期", 14), ("休/班", 8), ("节日", 14))):
            ws.set_column(c, c, width)
            ws.write_string(0, c, name, head)
        for r, d in enumerate(days, start=1):
            ws.write_datetime(r, 0, datetime(d.day.year, d.day.month, d.day.day), when)
            ws.write_string(r, 1, d.kind.value, cell)
            ws.write_string(r, 2, safe_text(d.name), cell)
        ws.freeze_panes(1, 0)
    return len(days)
