"""Rows of a survey sheet that are not household data: blank lines, 合计/小计 rows, the row
of column numbers under the header, the header repeated on every printed page."""

from __future__ import annotations

import re

from resettle.domain.head import HEAD_RELATIONS
from resettle.io.grid import CellValue, SheetGrid
from resettle.io.headers import CORE_FIELDS, HeaderMatch
from resettle.io.values import compact, display, is_placeholder

__all__ = [
    "HEAD_RELATION_SET",
    "HOUSEHOLD_KEYS",
    "PERSON_KEYS",
    "RepeatedHeader",
    "is_blank_row",
    "is_numbering_row",
    "is_total_row",
    "present",
]

_TOTAL = re.compile(r"(?:本页|本组|本村|全村|全组|总)?(?:合计|小计|总计|累计)[:：]?.{0,6}")
PERSON_KEYS = ("name", "id_number", "relation", "sex", "birth_date")
HOUSEHOLD_KEYS = (
    "household_no",
    "head",
    "phone",
    "address",
    "land_class",
    "land_area_mu",
    "structure_type",
    "floor_area_m2",
    "trees",
    "bank_name",
    "bank_account",
)
HEAD_RELATION_SET = frozenset(HEAD_RELATIONS)  # resettle.domain.head


def present(value: CellValue) -> bool:
    """Not blank and not a placeholder such as — or 无 (for values already known not blank)."""
    if value is None:
        return False
    return not (type(value) is str and len(value) <= 8 and is_placeholder(value))


def is_total_row(row: list[CellValue]) -> bool:
    marked = [value for value in row if isinstance(value, str) and "计" in value]  # mostly none
    return any(_TOTAL.fullmatch(compact(value)) for value in marked)


def is_blank_row(row: list[CellValue]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)


def is_numbering_row(row: list[CellValue]) -> bool:
    """A row of column numbers (1 2 3 …) printed under the header."""
    numbers: list[int] = []
    for value in row:
        if value is None:
            continue
        text = display(value).strip()
        if not text.isascii() or not text.isdigit():
            return False
        numbers.append(int(text))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


class RepeatedHeader:
    """Spots the header written again further down the sheet (each printed page has one)."""

    def __init__(self, grid: SheetGrid, match: HeaderMatch) -> None:
        self.grid = grid
        cols = {key: column.column for key, column in match.columns.items()}
        self.words = {
            column.column: {compact(part) for part in column.header.split("/") if compact(part)}
            for column in match.columns.values()
        }
        self.longest = max((len(w) for words in self.words.values() for w in words), default=0)
        # The column checked first: a core field such as 姓名.
        self.probe = next((cols[key] for key in (*CORE_FIELDS, *cols) if key in cols), None)

    def __call__(self, r: int) -> bool:
        probe = self.probe
        if probe is None:
            return False
        value = self.grid.raw(r, probe)
        if not isinstance(value, str) or len(value) > self.longest * 3:
            return False
        if compact(value) not in self.words.get(probe, ()):
            return False
        hits = 0
        longest = self.longest * 3
        for c, words in self.words.items():
            value = self.grid.raw(r, c)
            if isinstance(value, str) and len(value) <= longest and compact(value) in words:
                hits += 1
        return hits >= 2
