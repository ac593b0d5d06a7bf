"""Reading one survey sheet row by row into households.

A household starts on a row that has its own 户号 (or 户主) different from the current
household's, or a second 户主 member; rows below it without their own household cells
belong to it. Cells covered by a merged block count as the block's value only where the
field is read once per household ("fill down over merged ranges only"), so a merge never
spills into the next household.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import compress, count, repeat
from operator import is_not

from resettle.io.grid import CellValue, SheetGrid, column_letter
from resettle.io.headers import HeaderMatch
from resettle.io.survey.cells import add_remark, read_household_cells
from resettle.io.survey.formulas import check_formulas
from resettle.io.survey.persons import read_person
from resettle.io.survey.results import SheetSummary, SurveyAttachment, SurveyHousehold
from resettle.io.survey.rows import (
    HEAD_RELATION_SET,
    HOUSEHOLD_KEYS,
    PERSON_KEYS,
    RepeatedHeader,
    is_blank_row,
    is_numbering_row,
    is_total_row,
)
from resettle.io.survey.sheet import HouseholdState, Shared, SheetContext
from resettle.io.values import clean_name, clean_text, compact, display, is_blank, is_placeholder

__all__ = ["SheetReader"]

_TICK = 500  # rows between progress reports (and cancellation checks)


def _present_rows(ctx: SheetContext, keys: tuple[str, ...]) -> set[int]:
    """Rows where any of these fields holds a value that is not a placeholder (— 无 …).

    Column by column at C speed: the rows with a value (``is not None``, through ``compress``), less
    those holding one of the column's few distinct placeholder texts."""
    rows: set[int] = set()
    for key in keys:
        values = ctx.column.get(key)
        if values is None:
            continue
        present = compress(count(), map(is_not, values, repeat(None)))
        placeholders = {v for v in set(values) if type(v) is str and len(v) <= 8 and is_placeholder(v)}
        if placeholders:
            rows.update(r for r in present if values[r] not in placeholders)
        else:
            rows.update(present)
    return rows


class SheetReader:
    def __init__(self, grid: SheetGrid, match: HeaderMatch, shared: Shared, village: str, group: str) -> None:
        self.ctx = SheetContext(grid, match, shared)
        self.grid = grid
        self.match = match
        self.shared = shared
        self.village = village
        self.group = group
        self.repeated_header = RepeatedHeader(grid, match)
        ctx = self.ctx
        # Rows with a person's / the household's data, found column by column.
        self.person_rows = _present_rows(ctx, PERSON_KEYS)
        self.household_rows = _present_rows(ctx, (*HOUSEHOLD_KEYS, *ctx.wide))
        self.households: list[SurveyHousehold] = []
        self.current: HouseholdState | None = None
        self.gap = False
        self.last_row = -1
        self.seen_data = False
        self.person_count = 0

    def run(self) -> SheetSummary:
        ctx = self.ctx
        if "household_no" not in ctx.cols:
            ctx.issue(
                self.match.header_rows[-1] if self.match.header_rows else 0,
                None,
                "",
                "未找到「户号」列，各户将没有户号，请在导入向导中指定",
                "missing_household_no",
                "warning",
            )
        start = self.match.first_data_row
        n_rows = self.grid.n_rows
        for r in range(start, n_rows):
            if (r - start) % _TICK == _TICK - 1:
                self.shared.tick(_TICK)
            self.read_row(r)
        self.shared.tick((n_rows - start) % _TICK)
        self.close_household()
        if self.grid.hidden_rows:
            self.report_hidden_rows(start)
        return SheetSummary(
            name=self.grid.name,
            households=len(self.households),
            persons=self.person_count,
            header_rows=tuple(r + 1 for r in self.match.header_rows),
            last_row=self.last_row + 1,
            mapping={key: column_letter(c) for key, c in ctx.cols.items()},
        )

    def report_hidden_rows(self, start: int) -> None:
        """One warning per run of rows hidden in Excel that hold data: they are imported like the others,
        although a clerk who hid them may have meant to leave them out."""
        rows = self.grid.rows
        data_rows = sorted(r for r in self.grid.hidden_rows if start <= r < len(rows) and not is_blank_row(rows[r]))
        runs: list[list[int]] = []
        for r in data_rows:
            if runs and r == runs[-1][-1] + 1:
                runs[-1].append(r)
            else:
                runs.append([r])
        for run in runs:
            where = f"第 {run[0] + 1} 行" if len(run) == 1 else f"第 {run[0] + 1}–{run[-1] + 1} 行（{len(run)} 行）"
            self.ctx.issue(
                run[0],
                None,
                "",
                f"{where}在表格中是隐藏的，已照常导入；如果这些行不该导入，请在表格中删除后再导入",
                "hidden_rows",
                "warning",
            )

    def read_row(self, r: int) -> None:
        row = self.grid.rows[r]
        if is_blank_row(row):
            self.gap = True
            return
        if is_total_row(row):
            self.close_household()
            self.current = None
            return
        if self.repeated_header(r):
            return
        if not self.seen_data and is_numbering_row(row):
            return
        ctx = self.ctx
        has_person = r in self.person_rows
        if "name" not in ctx.cols and not is_blank(ctx.head_values[r]):
            has_person = True
        has_household = r in self.household_rows
        if not has_person and not has_household:
            remarks = ctx.remarks_values[r]
            if remarks is not None and self.current is not None and not self.gap:
                add_remark(self.current, remarks)
            return
        self.seen_data = True
        check_formulas(ctx, r)
        household = self.household_for(r)
        read_household_cells(ctx, r, household)
        if has_person:
            read_person(ctx, r, household)
            self.person_count += 1
        household.last_row = r
        self.last_row = r
        self.gap = False

    # -- households --

    def household_for(self, r: int) -> HouseholdState:
        ctx = self.ctx
        number_value = ctx.household_no_values[r]
        number = "" if number_value is None or is_placeholder(number_value) else compact(display(number_value))
        head_value = ctx.head_values[r]
        head = clean_name(head_value) if head_value is not None else ""
        relation = ctx.text(ctx.relation_values[r])
        current = self.current
        ctx.repeat_row = False
        if current is not None:
            record = current.record
            starts = (
                (number and number != current.household_no_key)
                or (head and head != record.head)
                or (relation in HEAD_RELATION_SET and current.has_head_member)
            )
            if not starts:
                ctx.repeat_row = bool(number or head)
                if self.gap and not self.covered_by_household(r, current):
                    ctx.issue(
                        r,
                        "household_no" if "household_no" in ctx.cols else None,
                        "",
                        f"本行与上一户之间有空行且没有户号，已归入上一户"
                        f"（{record.household_no or record.head}），请核对",
                        "ambiguous_household",
                        "warning",
                    )
                return current
            if not number and relation in HEAD_RELATION_SET and self.covered_by_household(r, current):
                ctx.issue(
                    r,
                    "relation",
                    relation,
                    f"第 {r + 1} 行又是一位户主，却在上一户（{record.household_no or record.head}）合并的户号单元格之内："
                    "一户只能有一位户主；如果这是另一户，请拆开合并单元格并填上它的户号，否则改正与户主关系",
                    "head_in_merged_block",
                )
        self.close_household()
        return self.open_household(r, number, head, number_value)

    def covered_by_household(self, r: int, household: HouseholdState) -> bool:
        for key in ("household_no", "head"):
            c = self.ctx.cols.get(key)
            if c is not None:
                anchor = self.grid.anchor(r, c)
                if anchor is not None and anchor[0] == household.record.row - 1:
                    return True
        return False

    def open_household(self, r: int, number: str, head: str, number_value: CellValue) -> HouseholdState:
        ctx = self.ctx
        village = clean_text(ctx.filled(r, "village")) or self.village
        group = clean_text(ctx.filled(r, "group")) or self.group
        record = SurveyHousehold(
            sheet=self.grid.name,
            row=r + 1,
            household_no=number,
            head=head,
            village=village,
            group=group,
            phone="",
            bank_name="",
            bank_account="",
            remarks="",
        )
        household = HouseholdState(record=record, household_no_key=number)
        if number:
            first = self.shared.households.get(number)
            if first is not None:
                ctx.issue(
                    r,
                    "household_no",
                    number_value,
                    f"户号 {number} 重复：已在「{first[0]}」第 {first[1]} 行出现",
                    "duplicate_household",
                )
            else:
                self.shared.households[number] = (self.grid.name, r + 1)
        elif "household_no" in ctx.cols:
            ctx.issue(r, "household_no", number_value, "户号为空", "missing_household_no")
        self.current = household
        return household

    def close_household(self) -> None:
        household = self.current
        if household is None:
            return
        record = household.record
        if household.trees > 0:
            record.attachments.append(SurveyAttachment("果树", household.trees, household.tree_unit))
            household.trees = Decimal(0)
        if not record.head:
            record.head = next((p.name for p in record.persons if p.relation in HEAD_RELATION_SET and p.name), "")
        if record.persons and not household.has_head_member and not household.closed:
            self.ctx.issue(
                record.persons[0].row - 1,
                "relation",
                record.persons[0].relation,
                f"本户（{record.household_no or record.head or '无户号'}）没有一位成员的「与户主关系」是户主，请核对",
                "no_head",
                "warning",
            )
        if not household.closed:
            household.closed = True
            self.households.append(record)
