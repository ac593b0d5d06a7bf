"""One survey sheet as the readers see it: its mapped columns read once, column by column,
the issues it raises, and the state shared across the sheets of a workbook.

Each mapped column is taken out of the grid once (:meth:`SheetGrid.own_column`: blank
cells and cells covered by a merged block are None), so a row's field is one list index.
Parses that depend only on the cell's value (areas, counts, sexes, dates, names) are
cached per distinct value for the whole workbook: a sheet of 30,000 members has a few
hundred distinct values in those columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import compress, count, repeat
from operator import is_not
from typing import Any

from resettle.errors import Cancelled
from resettle.io.grid import CellValue, SheetGrid, column_letter
from resettle.io.headers import HeaderMatch, field_label
from resettle.io.survey.results import ImportIssue, Severity, SurveyHousehold
from resettle.io.values import CellProblem, compact, display, is_blank, parse_birth_date, parse_sex

__all__ = ["HouseholdState", "Shared", "SheetContext"]

_MISSING = object()
# The household's fields read once per household (phone, bank …): most member rows have none.
_ONCE_KEYS = ("phone", "address", "bank_name", "bank_account", "remarks", "trees")


def _compact_text(value: CellValue) -> str:
    return compact(display(value))


@dataclass
class Shared:
    """State across sheets: issues, the IDs and household numbers already seen, parse caches."""

    today: date
    issues: list[ImportIssue] = field(default_factory=list)
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    households: dict[str, tuple[str, int]] = field(default_factory=dict)
    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    done: int = 0
    total: int = 0
    # parser and its arguments -> {cell value (with its type unless text) -> parsed value or _Failed}
    caches: dict[tuple[Any, ...], dict[Any, Any]] = field(default_factory=dict)

    def tick(self, rows: int) -> None:
        self.done += rows
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("导入已取消，未读入任何数据。")
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def parsed(self, parser: Callable[..., Any], value: CellValue, *args: Any) -> Any:
        """``parser(value, *args)`` once per distinct value; a CellProblem is raised again each
        time. A number's type is part of its key: 1, 1.0 and True are equal in Python but not
        in a cell."""
        return self.cached(parser, *args)(value)

    def cached(self, parser: Callable[..., Any], *args: Any) -> Callable[[CellValue], Any]:
        """``lambda value: self.parsed(parser, value, *args)``, its cache looked up once (for a sheet's rows)."""
        cache = self.caches.get((parser, args))
        if cache is None:
            cache = self.caches[(parser, args)] = {}
        get = cache.get

        def parse(value: CellValue) -> Any:
            key = value if type(value) is str else (type(value), value)
            hit = get(key, _MISSING)
            if hit is _MISSING:
                try:
                    hit = parser(value, *args)
                except CellProblem as exc:
                    hit = _Failed(str(exc))
                cache[key] = hit
            if type(hit) is _Failed:
                raise CellProblem(hit.message)
            return hit

        return parse


class _Failed:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


@dataclass
class HouseholdState:
    """A household being read: its record and what is needed until its last row."""

    record: SurveyHousehold
    household_no_key: str
    has_head_member: bool = False
    trees: Decimal = Decimal(0)
    tree_counts: list[Decimal] = field(default_factory=list)
    tree_unit: str = "棵"
    last_row: int = 0  # 0-based
    closed: bool = False


class SheetContext:
    """A sheet's mapped columns and how issues are raised on it."""

    def __init__(self, grid: SheetGrid, match: HeaderMatch, shared: Shared) -> None:
        self.grid = grid
        self.match = match
        self.shared = shared
        self.cols = {key: column.column for key, column in match.columns.items()}
        self.units = {key: column.unit for key, column in match.columns.items()}
        self.wide = [key for key in self.cols if ":" in key]  # one column per land class / structure
        # Each mapped field's own values, row by row (None: blank, or covered by a merge).
        self.column = {key: grid.own_column(c) for key, c in self.cols.items()}
        self.blank_column: list[CellValue] = [None] * grid.n_rows
        self.formula_rows = {r for r, _ in grid.formulas}
        # Rows where a field read once per household has a value of its own (others skip those reads).
        self.household_cell_rows = self.rows_with_values(_ONCE_KEYS)
        # The fields every row reads, by row (all None when not mapped): one list index each.
        values = self.values
        self.name_values = values("name")
        self.head_values = values("head")
        self.household_no_values = values("household_no")
        self.relation_values = values("relation")
        self.id_values = values("id_number")
        self.sex_values = values("sex")
        self.birth_values = values("birth_date")
        self.remarks_values = values("remarks")
        self.land_class_values = values("land_class")
        self.structure_type_values = values("structure_type")
        self._text = shared.cached(_compact_text)
        self.parse_sex = shared.cached(parse_sex)
        self.parse_birth = shared.cached(parse_birth_date, shared.today)
        self.parsers: dict[Any, Callable[[CellValue], Any]] = {}  # more parsers, made when first needed
        # Whether the row repeats the current household's 户号/户主 (a sheet that writes the
        # household cells on every member row): identical household values are then repeats.
        self.repeat_row = False

    def rows_with_values(self, keys: tuple[str, ...]) -> set[int]:
        """Rows where any of these fields has a value of its own (column by column)."""
        rows: set[int] = set()
        for key in keys:
            values = self.column.get(key)
            if values is not None:
                rows.update(compress(count(), map(is_not, values, repeat(None))))  # C speed: most are None
        return rows

    def text(self, value: CellValue) -> str:
        """``compact(display(value))``, once per distinct value."""
        if value is None:
            return ""
        result: str = self._text(value)
        return result

    def values(self, key: str) -> list[CellValue]:
        """The field's own values by row; all None when the field is not mapped."""
        return self.column.get(key, self.blank_column)

    def own(self, r: int, key: str) -> CellValue:
        """The value in this very cell of the field (None when blank or covered by a merge)."""
        values = self.column.get(key)
        return None if values is None else values[r]

    def filled(self, r: int, key: str) -> CellValue:
        """The value shown in the field's cell: a merged block's value fills its cells."""
        c = self.cols.get(key)
        if c is None:
            return None
        value = self.grid.value(r, c)
        return None if is_blank(value) else value

    def issue(
        self, r: int, key: str | None, value: object, message: str, kind: str, severity: Severity = "error"
    ) -> None:
        c = self.cols.get(key) if key else None
        self.shared.issues.append(
            ImportIssue(
                sheet=self.grid.name,
                row=r + 1,
                column=column_letter(c if c is not None else 0),
                field=field_label(key) if key else "",
                value=display(value),
                message=message,
                severity=severity,
                kind=kind,
            )
        )
