"""The survey roster (花名册): the shape of the clerks' own survey sheets (domain.md, "Real spreadsheets").

Merged title, a line under it, two header rows where 家庭成员 / 被征收土地 / 房屋 span their
children, one row per person, household cells merged over the member rows, one sheet per
village group, a 合计 row. The header words are the ones the survey reader recognises, so
exporting and importing again gives back exactly what is stored.

Totals are written as numbers, not ``=SUM`` formulas: the survey reader has to parse a
sheet's whole XML to locate formula cells once a sheet holds any, which makes importing a
roster again several times slower.

Injection (data-safety.md, "Excel in and out"): every user text goes through
``write_string`` as a text cell with its content unchanged (:func:`resettle.io.xlsx_style.safe_text`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.io.exports.common import (
    Cancelled,
    ExportInfo,
    Progress,
    RosterHousehold,
    Ticker,
    quantity_text,
    stamp_text,
)
from resettle.io.survey import place_from_text
from resettle.io.xlsx_style import (
    Column,
    Styles,
    atomic_workbook,
    banner,
    headers,
    merge,
    new_sheet,
    print_setup,
    safe_text,
    sheet_title,
)

__all__ = ["MAX_ROWS", "GroupCount", "roster_title", "write_roster"]

MAX_ROWS = 1_048_576  # Excel's rows per sheet: a bigger group goes on continuation sheets
_TREE_KINDS = ("果树",)


@dataclass(frozen=True)
class GroupCount:
    """A village group in export order, with its totals (the title row is written before the rows)."""

    village: str
    group: str
    households: int
    persons: int


_ROSTER_COLUMNS = (
    Column("seq", "序号", 5),
    Column("household_no", "户号", 11),
    Column("head", "户主姓名", 9),
    Column("name", "姓名", 9, "家庭成员"),
    Column("relation", "与户主关系", 7, "家庭成员"),
    Column("sex", "性别", 5, "家庭成员"),
    Column("id_number", "身份证号码", 20, "家庭成员"),
    Column("birth_date", "出生日期", 11, "家庭成员"),
    Column("phone", "联系电话", 13),
    Column("address", "家庭住址", 18),
    Column("land_class", "地类", 10, "被征收土地"),
    Column("land_area_mu", "面积(亩)", 9, "被征收土地"),
    Column("structure_type", "结构", 7, "房屋"),
    Column("floor_area_m2", "建筑面积\n(㎡)", 10, "房屋"),
    Column("trees", "果树(棵)", 8),
    Column("other", "其他附着物", 16),
    Column("bank_name", "开户银行", 14),
    Column("bank_account", "银行账号", 22),
    Column("remarks", "备注", 16),
)
_PLACE_COLUMNS = (Column("village", "村", 8), Column("group", "组", 6))
# Cells written once per household and merged down over its rows, in the order _RosterSheet.write gives them.
_HOUSEHOLD_KEYS = (
    "seq",
    "household_no",
    "head",
    "phone",
    "address",
    "trees",
    "other",
    "bank_name",
    "bank_account",
    "remarks",
    "village",
    "group",
)
_TREE_POSITION = _HOUSEHOLD_KEYS.index("trees")


def roster_title(village: str, group: str) -> str:
    return f"{village}征地拆迁入户调查登记表（{group}）"


def _reader_place(texts: Sequence[str]) -> tuple[str | None, str | None]:
    """The village and group the survey reader will take from the title lines, then the sheet name."""
    village = group = None
    for text in texts:
        found_village, found_group = place_from_text(text)
        village = village or found_village
        group = group or found_group
    return village, group


def _trees(household: RosterHousehold) -> tuple[Decimal | None, str]:
    trees = [a for a in household.attachments if a.kind in _TREE_KINDS]
    if not trees:
        return None, "棵"
    unit = "株" if any(a.unit == "株" for a in trees) else "棵"
    return sum((a.quantity for a in trees), Decimal(0)), unit


def _other_attachments(household: RosterHousehold) -> str:
    parts = []
    for a in household.attachments:
        if a.kind in _TREE_KINDS:
            continue
        label = f"{a.kind}（{a.spec}）" if a.spec else a.kind
        parts.append(f"{label} {quantity_text(a.quantity)}{a.unit}")
    return "；".join(parts)


class _RosterSheet:
    """One group's sheet (or a continuation when a group outgrows Excel's row limit)."""

    def __init__(self, book: Any, f: Styles, name: str, count: GroupCount, project: str, stamp: str, part: int) -> None:
        self.f = f
        self.ws = ws = new_sheet(book, name)
        title = roster_title(count.village, count.group) + (f"（续{part - 1}）" if part > 1 else "")
        note = f"项目：{project}　　共 {count.households:,} 户 {count.persons:,} 人　　导出时间：{stamp}"
        place = _reader_place([title, note, name])
        self.columns = list(_ROSTER_COLUMNS)
        if place != (count.village or None, count.group or None):
            # The title alone would not give the reader this village/group back: say it per row.
            self.columns.extend(_PLACE_COLUMNS)
        self.index = index = {column.key: i for i, column in enumerate(self.columns)}
        formats = {
            "seq": f.int,
            "address": f.text_wrap,
            "other": f.text_wrap,
            "bank_name": f.text,
            "bank_account": f.text,
        }
        formats["remarks"] = f.text_wrap
        self.household_plan = [
            (c, _HOUSEHOLD_KEYS.index(key), formats.get(key, f.text_center))
            for key, c in index.items()
            if key in _HOUSEHOLD_KEYS
        ]
        self.person_columns = tuple(index[k] for k in ("name", "relation", "sex", "id_number", "birth_date"))
        self.pair_columns = tuple(index[k] for k in ("land_class", "land_area_mu", "structure_type", "floor_area_m2"))
        width = len(self.columns)
        banner(ws, 0, width, title, f.title, 30)
        banner(ws, 1, width, note, f.note)
        self.first = headers(ws, f, 2, self.columns)
        print_setup(ws, 2, 3, 3)
        self.row = self.first
        self.seq = 0
        self.land, self.floor, self.trees = Decimal("0.00"), Decimal("0.00"), Decimal(0)  # the 合计 row's sums

    def fits(self, height: int) -> bool:
        return self.row + height + 1 <= MAX_ROWS

    def write(self, h: RosterHousehold) -> int:
        """Write one household's rows (in row order, as constant memory needs); returns how many.

        The hot loop of the roster (hundreds of thousands of rows): plain locals, no per-cell tuples."""
        f, ws = self.f, self.ws
        string, number, blank, when = ws.write_string, ws.write_number, ws.write_blank, ws.write_datetime
        persons, parcels, structures = h.persons, h.parcels, h.structures
        n_persons, n_parcels, n_structures = len(persons), len(parcels), len(structures)
        height = max(1, n_persons, n_parcels, n_structures)
        top = self.row
        self.seq += 1
        trees, tree_unit = _trees(h) if h.attachments else (None, "棵")
        if tree_unit == "株" and trees is not None:
            tree_value: object = f"{quantity_text(trees)}株"
            tree_fmt = f.text_center
        else:
            tree_value = trees
            tree_fmt = f.int if trees is None or trees == trees.to_integral_value() else f.area
        values = (
            self.seq, h.household_no, h.head_name, h.phone, h.address, tree_value,
            _other_attachments(h) if h.attachments else "", h.bank_name, h.bank_account, h.remarks, h.village,
            h.group,
        )  # fmt: skip
        household_cells = [
            (c, values[position], tree_fmt if position == _TREE_POSITION else fmt)
            for c, position, fmt in self.household_plan
        ]
        # One parcel (or house) is written once and merged down, like the household cells.
        merged_parcel = n_parcels == 1 and height > 1
        merged_structure = n_structures == 1 and height > 1
        c_name, c_relation, c_sex, c_id, c_birth = self.person_columns
        c_class, c_area, c_type, c_floor = self.pair_columns
        center, text, date_fmt, area_fmt, empty = f.text_center, f.text, f.date, f.area, f.blank
        for c, value, fmt in household_cells:
            if value is None or value == "":
                blank(top, c, None, fmt)
            elif isinstance(value, str):
                string(top, c, safe_text(value), fmt)
            else:
                number(top, c, value, fmt)
        for i in range(height):
            r = top + i
            if i:
                for c, _, fmt in household_cells:
                    blank(r, c, None, fmt)
            if i < n_persons:
                name, relation, sex, id_number, born = persons[i]
                string(r, c_name, safe_text(name), center) if name else blank(r, c_name, None, center)
                string(r, c_relation, safe_text(relation), center) if relation else blank(r, c_relation, None, center)
                string(r, c_sex, safe_text(sex), center) if sex else blank(r, c_sex, None, center)
                string(r, c_id, safe_text(id_number), text) if id_number else blank(r, c_id, None, text)
                when(r, c_birth, born, date_fmt) if born is not None else blank(r, c_birth, None, date_fmt)
            else:
                for c in self.person_columns:
                    blank(r, c, None, empty)
            if i < n_parcels and (i == 0 or not merged_parcel):
                label, amount = parcels[i]
                string(r, c_class, safe_text(label), center) if label else blank(r, c_class, None, center)
                number(r, c_area, amount, area_fmt)
            else:
                blank(r, c_class, None, center)
                blank(r, c_area, None, area_fmt)
            if i < n_structures and (i == 0 or not merged_structure):
                label, amount = structures[i]
                string(r, c_type, safe_text(label), center) if label else blank(r, c_type, None, center)
                number(r, c_floor, amount, area_fmt)
            else:
                blank(r, c_type, None, center)
                blank(r, c_floor, None, area_fmt)
        if height > 1:
            bottom = top + height - 1
            for c, _, _ in household_cells:
                merge(ws, top, c, bottom, c)
            if merged_parcel:
                merge(ws, top, c_class, bottom, c_class)
                merge(ws, top, c_area, bottom, c_area)
            if merged_structure:
                merge(ws, top, c_type, bottom, c_type)
                merge(ws, top, c_floor, bottom, c_floor)
        self.row += height
        for _, area in parcels:
            self.land += area
        for _, area in structures:
            self.floor += area
        if trees is not None and tree_unit != "株":
            self.trees += trees
        return height

    def close(self) -> None:
        """The 合计 row, with the sheet's sums as numbers (see the module doc on why not formulas)."""
        f, ws, r = self.f, self.ws, self.row
        land, floor, trees = self.land, self.floor, self.trees
        index = self.index
        ws.write_string(r, 0, "合计", f.total_label)
        for c in range(1, len(self.columns)):
            ws.write_blank(r, c, None, f.total_label)
        merge(ws, r, 0, r, 2)
        ws.write_number(r, index["land_area_mu"], land, f.total_area)
        ws.write_number(r, index["floor_area_m2"], floor, f.total_area)
        ws.write_number(r, index["trees"], trees, f.total_int)
        self.row += 1


def write_roster(
    path: Path | str,
    groups: Sequence[GroupCount],
    households: Iterable[RosterHousehold],
    *,
    project: str = "",
    progress: Progress = None,
    cancelled: Cancelled = None,
    exported_at: datetime | None = None,
) -> ExportInfo:
    """The survey-shaped roster, one sheet per group in ``groups`` order.

    ``households`` must come group by group in that order (they are written as they come).
    A sheet is named by its group, or village + group when several villages share a group name.
    """
    info = ExportInfo(Path(path))
    total = sum(g.households for g in groups)
    ticker = Ticker(total, progress, cancelled)
    stamp = stamp_text(exported_at)
    names = _group_sheet_names(groups)
    used: set[str] = set()
    with atomic_workbook(path) as book:
        f = Styles(book)
        sheet: _RosterSheet | None = None
        key: tuple[str, str] | None = None
        part = 1
        by_place = {(g.village, g.group): g for g in groups}

        def open_sheet(place: tuple[str, str], part: int) -> _RosterSheet:
            base = names[place] + (f"(续{part - 1})" if part > 1 else "")
            new = _RosterSheet(book, f, sheet_title(base, used), by_place[place], project, stamp, part)
            info.sheets.append(new.ws.name)
            return new

        for h in households:
            place = (h.village, h.group)
            if place not in by_place:
                raise ValueError(f"household {h.household_no} of {place} is not in the group list")
            height = max(1, len(h.persons), len(h.parcels), len(h.structures))
            if sheet is None or place != key or not sheet.fits(height):
                if sheet is not None:
                    sheet.close()
                    info.rows += sheet.row
                part = part + 1 if place == key else 1
                sheet, key = open_sheet(place, part), place
            sheet.write(h)
            info.households += 1
            info.persons += len(h.persons)
            ticker.tick()
        if sheet is not None:
            sheet.close()
            info.rows += sheet.row
        else:
            ws = new_sheet(book, "花名册")
            banner(ws, 0, 6, "没有可导出的户", f.title, 30)
            info.sheets.append("花名册")
    ticker.finish()
    return info


def _group_sheet_names(groups: Sequence[GroupCount]) -> dict[tuple[str, str], str]:
    counts: dict[str, int] = {}
    for g in groups:
        counts[g.group] = counts.get(g.group, 0) + 1
    return {(g.village, g.group): g.group if counts[g.group] == 1 else f"{g.village}{g.group}" for g in groups}
