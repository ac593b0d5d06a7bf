"""Household workbooks out: the survey roster (花名册), the public list (公示表), the bank list (兑付清册).

The roster has the shape of the clerks' own survey sheets (domain.md, "Real spreadsheets"):
merged title, a line under it, two header rows where 家庭成员 / 被征收土地 / 房屋 span
their children, one row per person, household cells merged over the member rows, one
sheet per village group, a 合计 row. The header words are the ones the survey reader
recognises, so exporting and importing again gives back exactly what is stored.

Everything streams through xlsxwriter in constant-memory mode: rows go out in order and
only the current row is held, so 100,000 households export in bounded memory. Merged
blocks are therefore registered once their rows are written (:func:`_merge`), and kept
packed four integers apiece.

Office-ready: title row, bold bordered headers, column widths, frozen header, numbers as
numeric cells with number formats, IDs and accounts as text, a totals row, A4 landscape
print setup with the header rows repeated, fit to page width, "第 N 页 共 M 页" footer.
Totals are written as numbers, not ``=SUM`` formulas: the survey reader has to parse a
sheet's whole XML to locate formula cells once a sheet holds any, which makes importing
a roster again several times slower; and the bank's batch import wants plain values.

Injection (data-safety.md, "Excel in and out"): every user text goes through
``write_string`` (never ``write``, which would turn ``=…`` into a formula) as a text cell
with its content unchanged: :func:`safe_text` is :func:`resettle.io.cell_text.xlsx_text`,
the one rule every workbook writer follows (a text cell is never evaluated, and an added
apostrophe or space would be printed and kept by a re-import). Only CSV is shielded.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import xlsxwriter

from resettle.domain.head import HEAD_RELATIONS, head_member
from resettle.domain.mask import mask
from resettle.domain.posting import ChainStamp
from resettle.errors import Cancelled as CancelledError
from resettle.errors import ResettleError
from resettle.io.cell_text import xlsx_text
from resettle.io.survey import place_from_text

__all__ = [
    "HEAD_RELATIONS",
    "MAX_ROWS",
    "DisclosureOptions",
    "ExportCancelled",
    "ExportInfo",
    "GroupCount",
    "PaymentRow",
    "RosterAttachment",
    "RosterHousehold",
    "RosterPerson",
    "atomic_workbook",
    "safe_text",
    "sheet_title",
    "write_disclosure",
    "write_payments",
    "write_roster",
]

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

MAX_ROWS = 1_048_576
_TREE_KINDS = ("果树",)
_FOOTER = "&C第 &P 页 共 &N 页"
_A4 = 9


ExportCancelled = CancelledError  # the one cancellation error (issue 9); the old name stays for callers


# --- the data the writers take (built by resettle.services.register.exports) ----------------------------


class RosterPerson(NamedTuple):  # a tuple: hundreds of thousands are made per export
    name: str
    relation: str
    sex: str
    id_number: str
    birth_date: date | None


class RosterAttachment(NamedTuple):
    kind: str
    quantity: Decimal
    unit: str
    spec: str = ""


class RosterHousehold(NamedTuple):  # a tuple: cheap to build a hundred thousand times
    household_no: str
    head_name: str
    village: str
    group: str
    phone: str = ""
    bank_name: str = ""
    bank_account: str = ""
    remarks: str = ""
    persons: tuple[RosterPerson, ...] = ()
    parcels: tuple[tuple[str, Decimal], ...] = ()  # (land class, 亩)
    structures: tuple[tuple[str, Decimal], ...] = ()  # (structure type, ㎡)
    attachments: tuple[RosterAttachment, ...] = ()
    # One-row lists need only these two; a loader may give them instead of ``persons``.
    members: int | None = None
    head_id_number: str | None = None
    address: str = ""  # 家庭住址 (last: the loader builds these positionally)

    @property
    def person_count(self) -> int:
        return self.members if self.members is not None else len(self.persons)

    @property
    def head_id(self) -> str:
        """The head's ID number (resettle.domain.head)."""
        if self.head_id_number is not None:
            return self.head_id_number
        head = head_member(self.persons, self.head_name, lambda p: p.name, lambda p: p.relation)
        return head.id_number if head is not None else ""

    @property
    def land_mu(self) -> Decimal:
        return sum((area for _, area in self.parcels), Decimal("0.00"))

    @property
    def floor_area_m2(self) -> Decimal:
        return sum((area for _, area in self.structures), Decimal("0.00"))


@dataclass(frozen=True)
class GroupCount:
    """A village group in export order, with its totals (the title row is written before the rows)."""

    village: str
    group: str
    households: int
    persons: int


@dataclass(frozen=True)
class PaymentRow:
    household: RosterHousehold
    amount: Decimal  # payable to the household's account
    note: str = ""


@dataclass(frozen=True)
class DisclosureOptions:
    land_classes: tuple[str, ...]  # one column each, in this order
    items: tuple[str, ...] = ()  # compensation items with amounts; empty: no amount columns
    posting_period: str = ""  # e.g. posting_period_text(...); a line to fill in by hand when empty
    complaint_phone: str = ""
    chain_head: ChainStamp | None = None  # the audit chain head printed under the totals


@dataclass
class ExportInfo:
    path: Path
    sheets: list[str] = field(default_factory=list)
    households: int = 0
    persons: int = 0
    rows: int = 0
    total: Decimal = Decimal("0.00")


# --- shared pieces -----------------------------------------------------------------------------


safe_text = xlsx_text  # user text in a text cell: unchanged (the rule is in resettle.io.cell_text)


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique worksheet name (31 characters, none of []:*?/\\, not starting with ')."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip().strip("'") or "Sheet"
    base = cleaned[:31]
    candidate, n = base, 1
    while candidate.lower() in {u.lower() for u in used}:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate)
    return candidate


@contextlib.contextmanager
def atomic_workbook(path: Path | str) -> Iterator[Any]:
    """A constant-memory xlsxwriter workbook written beside ``path`` and renamed into place.

    A crash, an error or a cancel leaves the old file (if any) untouched and no half file.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    book = xlsxwriter.Workbook(str(tmp), options)
    closed = False
    try:
        yield book
        book.close()
        closed = True
        os.replace(tmp, out)
    except OSError as exc:
        raise ResettleError(f"无法写入文件「{out.name}」：{exc.strerror or exc}") from exc
    finally:
        if not closed:
            with contextlib.suppress(Exception):
                book.close()
        tmp.unlink(missing_ok=True)


class _MergeRanges:
    """Stands in for the list in which an xlsxwriter worksheet keeps its merged ranges.

    xlsxwriter's ``merge_range`` pads the block with blank cells, which in constant-memory
    mode must be written in row order, and records every covered cell in a dict; for a
    roster that is millions of entries. The roster writes the covered cells itself and
    registers the block here, four integers per block. The worksheet only appends to the
    list, takes its length and iterates over it when it writes ``<mergeCells>``.
    """

    def __init__(self) -> None:
        self._data = array("l")

    def append(self, block: Sequence[int]) -> None:
        self._data.extend(block)

    def __len__(self) -> int:
        return len(self._data) // 4

    def __bool__(self) -> bool:
        return bool(self._data)

    def __iter__(self) -> Iterator[tuple[int, int, int, int]]:
        data = self._data
        for i in range(0, len(data), 4):
            yield data[i], data[i + 1], data[i + 2], data[i + 3]


def _new_sheet(book: Any, name: str) -> Any:
    ws = book.add_worksheet(name)
    ws.merge = _MergeRanges()
    return ws


def _merge(ws: Any, top: int, left: int, bottom: int, right: int) -> None:
    """Register a merged block whose cells the caller has written (value top-left, formatted blanks)."""
    if (top, left) != (bottom, right):
        ws.merge.append((top, left, bottom, right))


class _Formats:
    def __init__(self, book: Any) -> None:
        base = {"font_name": "宋体", "font_size": 10, "valign": "vcenter"}
        cell = {**base, "border": 1}

        def add(*layers: dict[str, Any], **props: Any) -> Any:
            merged: dict[str, Any] = {}
            for layer in (*layers, props):
                merged.update(layer)
            return book.add_format(merged)

        self.title = add(base, bold=True, font_size=16, align="center")
        self.note = add(base, font_color="#404040")
        self.line = add(base)
        self.header = add(cell, bold=True, align="center", text_wrap=True, bg_color="#DDEBF7")
        self.text = add(cell, num_format="@")
        self.text_center = add(cell, num_format="@", align="center")
        self.text_wrap = add(cell, num_format="@", text_wrap=True)
        self.date = add(cell, num_format="yyyy-mm-dd", align="center")
        self.int = add(cell, num_format="#,##0", align="center")
        self.area = add(cell, num_format="#,##0.00")
        self.money = add(cell, num_format="#,##0.00")
        self.blank = add(cell)
        self.total_label = add(cell, bold=True, align="center", num_format="@")
        self.total_int = add(cell, bold=True, num_format="#,##0", align="center")
        self.total_area = add(cell, bold=True, num_format="#,##0.00")
        self.total_money = add(cell, bold=True, num_format="#,##0.00")


def _text(ws: Any, r: int, c: int, value: str, fmt: Any) -> None:
    if value:
        ws.write_string(r, c, safe_text(value), fmt)
    else:
        ws.write_blank(r, c, None, fmt)


def _number(ws: Any, r: int, c: int, value: Decimal | int | None, fmt: Any) -> None:
    if value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_number(r, c, value, fmt)


def _banner(ws: Any, f: _Formats, r: int, width: int, text: str, fmt: Any, height: float | None = None) -> None:
    """A line of text across the sheet (title, note, signature line)."""
    if height is not None:
        ws.set_row(r, height)
    ws.write_string(r, 0, safe_text(text), fmt)
    for c in range(1, width):
        ws.write_blank(r, c, None, fmt)
    if width > 1:
        _merge(ws, r, 0, r, width - 1)


@dataclass(frozen=True)
class _Column:
    key: str
    header: str
    width: float
    parent: str = ""


def _headers(ws: Any, f: _Formats, r: int, columns: Sequence[_Column]) -> int:
    """Two header rows; a parent header spans its children, a lone header spans both rows."""
    ws.set_row(r, 20)
    ws.set_row(r + 1, 30)
    spans: list[tuple[int, int]] = []
    c = 0
    while c < len(columns):
        parent = columns[c].parent
        end = c
        while parent and end + 1 < len(columns) and columns[end + 1].parent == parent:
            end += 1
        if parent:
            ws.write_string(r, c, parent, f.header)
            for k in range(c + 1, end + 1):
                ws.write_blank(r, k, None, f.header)
            spans.append((c, end))
        else:
            ws.write_string(r, c, columns[c].header, f.header)
        c = end + 1
    for c, column in enumerate(columns):
        if column.parent:
            ws.write_string(r + 1, c, column.header, f.header)
        else:
            ws.write_blank(r + 1, c, None, f.header)
            _merge(ws, r, c, r + 1, c)
    for left, right in spans:
        _merge(ws, r, left, r, right)
    for c, column in enumerate(columns):
        ws.set_column(c, c, column.width)
    return r + 2


def _print_setup(ws: Any, header_top: int, header_bottom: int, freeze_cols: int) -> None:
    ws.set_landscape()
    ws.set_paper(_A4)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_top, header_bottom)
    ws.set_footer(_FOOTER)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.center_horizontally()
    ws.freeze_panes(header_bottom + 1, freeze_cols)


class _Ticker:
    def __init__(self, total: int, progress: Progress, cancelled: Cancelled, every: int = 200) -> None:
        self.total, self.progress, self.cancelled, self.every = total, progress, cancelled, every
        self.done = 0

    def tick(self) -> None:
        self.done += 1
        if self.done % self.every == 0:
            if self.cancelled is not None and self.cancelled():
                raise CancelledError("导出已取消，未生成文件")
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _quantity_text(value: Decimal) -> str:
    """``35.00`` -> ``35``, ``2.50`` -> ``2.5`` (never ``3.5E+1``)."""
    return format(value.normalize(), "f")


def _stamp(when: datetime | None) -> str:
    return (when or datetime.now()).strftime("%Y-%m-%d %H:%M")


# --- roster (花名册, the survey shape) ----------------------------------------------------------

_ROSTER_COLUMNS = (
    _Column("seq", "序号", 5),
    _Column("household_no", "户号", 11),
    _Column("head", "户主姓名", 9),
    _Column("name", "姓名", 9, "家庭成员"),
    _Column("relation", "与户主关系", 7, "家庭成员"),
    _Column("sex", "性别", 5, "家庭成员"),
    _Column("id_number", "身份证号码", 20, "家庭成员"),
    _Column("birth_date", "出生日期", 11, "家庭成员"),
    _Column("phone", "联系电话", 13),
    _Column("address", "家庭住址", 18),
    _Column("land_class", "地类", 10, "被征收土地"),
    _Column("land_area_mu", "面积(亩)", 9, "被征收土地"),
    _Column("structure_type", "结构", 7, "房屋"),
    _Column("floor_area_m2", "建筑面积\n(㎡)", 10, "房屋"),
    _Column("trees", "果树(棵)", 8),
    _Column("other", "其他附着物", 16),
    _Column("bank_name", "开户银行", 14),
    _Column("bank_account", "银行账号", 22),
    _Column("remarks", "备注", 16),
)
_PLACE_COLUMNS = (_Column("village", "村", 8), _Column("group", "组", 6))
# Cells written once per household and merged down over its rows.
_HOUSEHOLD_KEYS = frozenset(
    {
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
    }
)


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
        parts.append(f"{label} {_quantity_text(a.quantity)}{a.unit}")
    return "；".join(parts)


class _RosterSheet:
    """One group's sheet (or a continuation when a group outgrows Excel's row limit)."""

    def __init__(
        self, book: Any, f: _Formats, name: str, count: GroupCount, project: str, stamp: str, part: int
    ) -> None:
        self.f = f
        self.ws = ws = _new_sheet(book, name)
        title = roster_title(count.village, count.group) + (f"（续{part - 1}）" if part > 1 else "")
        note = f"项目：{project}　　共 {count.households:,} 户 {count.persons:,} 人　　导出时间：{stamp}"
        place = _reader_place([title, note, name])
        self.columns = list(_ROSTER_COLUMNS)
        if place != (count.village or None, count.group or None):
            # The title alone would not give the reader this village/group back: say it per row.
            self.columns.extend(_PLACE_COLUMNS)
        self.index = index = {column.key: i for i, column in enumerate(self.columns)}
        self.household_columns = [(key, c) for key, c in index.items() if key in _HOUSEHOLD_KEYS]
        self.person_columns = tuple(index[k] for k in ("name", "relation", "sex", "id_number", "birth_date"))
        self.pair_columns = tuple(index[k] for k in ("land_class", "land_area_mu", "structure_type", "floor_area_m2"))
        width = len(self.columns)
        _banner(ws, f, 0, width, title, f.title, 30)
        _banner(ws, f, 1, width, note, f.note)
        self.first = _headers(ws, f, 2, self.columns)
        _print_setup(ws, 2, 3, 3)
        self.row = self.first
        self.seq = 0

    def fits(self, height: int) -> bool:
        return self.row + height + 1 <= MAX_ROWS

    def write(self, h: RosterHousehold) -> int:
        """Write one household's rows (in row order, as constant memory needs); returns how many."""
        f, ws = self.f, self.ws
        string, number, blank, when = ws.write_string, ws.write_number, ws.write_blank, ws.write_datetime
        persons, parcels, structures = h.persons, h.parcels, h.structures
        height = max(1, len(persons), len(parcels), len(structures))
        top = self.row
        self.seq += 1
        trees, tree_unit = _trees(h)
        if tree_unit == "株" and trees is not None:
            tree_cell: tuple[object, Any] = (f"{_quantity_text(trees)}株", f.text_center)
        else:
            whole = trees is None or trees == trees.to_integral_value()
            tree_cell = (trees, f.int if whole else f.area)
        values: dict[str, tuple[object, Any]] = {
            "seq": (self.seq, f.int),
            "household_no": (h.household_no, f.text_center),
            "head": (h.head_name, f.text_center),
            "phone": (h.phone, f.text_center),
            "address": (h.address, f.text_wrap),
            "trees": tree_cell,
            "other": (_other_attachments(h), f.text_wrap),
            "bank_name": (h.bank_name, f.text),
            "bank_account": (h.bank_account, f.text),
            "remarks": (h.remarks, f.text_wrap),
            "village": (h.village, f.text_center),
            "group": (h.group, f.text_center),
        }
        household_cells = [(c, *values[key]) for key, c in self.household_columns]
        # One parcel (or house) is written once and merged down, like the household cells.
        merged_parcel = len(parcels) == 1 and height > 1
        merged_structure = len(structures) == 1 and height > 1
        c_name, c_relation, c_sex, c_id, c_birth = self.person_columns
        c_class, c_area, c_type, c_floor = self.pair_columns
        for i in range(height):
            r = top + i
            if i == 0:
                for c, value, fmt in household_cells:
                    if isinstance(value, str):
                        if value:
                            string(r, c, safe_text(value), fmt)
                        else:
                            blank(r, c, None, fmt)
                    elif value is None:
                        blank(r, c, None, fmt)
                    else:
                        number(r, c, value, fmt)
            else:
                for c, _, fmt in household_cells:
                    blank(r, c, None, fmt)
            if i < len(persons):
                p = persons[i]
                for c, text, fmt in (
                    (c_name, p.name, f.text_center),
                    (c_relation, p.relation, f.text_center),
                    (c_sex, p.sex, f.text_center),
                    (c_id, p.id_number, f.text),
                ):
                    if text:
                        string(r, c, safe_text(text), fmt)
                    else:
                        blank(r, c, None, fmt)
                if p.birth_date is None:
                    blank(r, c_birth, None, f.date)
                else:
                    when(r, c_birth, p.birth_date, f.date)
            else:
                for c in self.person_columns:
                    blank(r, c, None, f.blank)
            for items, merged, c_label, c_value in (
                (parcels, merged_parcel, c_class, c_area),
                (structures, merged_structure, c_type, c_floor),
            ):
                if i < len(items) and (i == 0 or not merged):
                    label, amount = items[i]
                    if label:
                        string(r, c_label, safe_text(label), f.text_center)
                    else:
                        blank(r, c_label, None, f.text_center)
                    number(r, c_value, amount, f.area)
                else:
                    blank(r, c_label, None, f.text_center)
                    blank(r, c_value, None, f.area)
        if height > 1:
            bottom = top + height - 1
            for c, _, _ in household_cells:
                _merge(ws, top, c, bottom, c)
            if merged_parcel:
                _merge(ws, top, c_class, bottom, c_class)
                _merge(ws, top, c_area, bottom, c_area)
            if merged_structure:
                _merge(ws, top, c_type, bottom, c_type)
                _merge(ws, top, c_floor, bottom, c_floor)
        self.row += height
        return height

    def close(self, land: Decimal, floor: Decimal, trees: Decimal) -> None:
        """The 合计 row, with the sums as numbers (see the module doc on why not formulas)."""
        f, ws, r = self.f, self.ws, self.row
        index = self.index
        ws.write_string(r, 0, "合计", f.total_label)
        for c in range(1, len(self.columns)):
            ws.write_blank(r, c, None, f.total_label)
        _merge(ws, r, 0, r, 2)
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
    ticker = _Ticker(total, progress, cancelled)
    stamp = _stamp(exported_at)
    names = _group_sheet_names(groups)
    used: set[str] = set()
    with atomic_workbook(path) as book:
        f = _Formats(book)
        sheet: _RosterSheet | None = None
        key: tuple[str, str] | None = None
        sums = [Decimal(0), Decimal(0), Decimal(0)]
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
                    sheet.close(*sums)
                    info.rows += sheet.row
                part = part + 1 if place == key else 1
                sheet, key, sums = open_sheet(place, part), place, [Decimal(0), Decimal(0), Decimal(0)]
            sheet.write(h)
            trees, unit = _trees(h)
            sums[0] += h.land_mu
            sums[1] += h.floor_area_m2
            sums[2] += trees if trees is not None and unit != "株" else 0
            info.households += 1
            info.persons += len(h.persons)
            ticker.tick()
        if sheet is not None:
            sheet.close(*sums)
            info.rows += sheet.row
        else:
            ws = _new_sheet(book, "花名册")
            _banner(ws, f, 0, 6, "没有可导出的户", f.title, 30)
            info.sheets.append("花名册")
    ticker.finish()
    return info


def _group_sheet_names(groups: Sequence[GroupCount]) -> dict[tuple[str, str], str]:
    counts: dict[str, int] = {}
    for g in groups:
        counts[g.group] = counts.get(g.group, 0) + 1
    return {(g.village, g.group): g.group if counts[g.group] == 1 else f"{g.village}{g.group}" for g in groups}


# --- disclosure (公示表) ----------------------------------------------------------------------


def _disclosure_columns(options: DisclosureOptions) -> list[_Column]:
    columns = [
        _Column("seq", "序号", 5),
        _Column("household_no", "户号", 11),
        _Column("head", "户主", 9),
        _Column("group", "组", 7),
        _Column("id", "户主身份证号码", 20),
        _Column("phone", "联系电话", 13),
        _Column("persons", "家庭人口", 6),
    ]
    land_parent = "被征收土地面积（亩）"
    columns += [_Column(f"land:{c}", c or "未分类", 9, land_parent) for c in options.land_classes]
    columns.append(_Column("land_total", "合计", 9, land_parent))
    columns.append(_Column("floor", "房屋建筑面积\n(㎡)", 11))
    if options.items:
        money_parent = "补偿金额（元）"
        columns += [_Column(f"item:{i}", i, max(11, 2 * len(i) + 2), money_parent) for i in options.items]
        columns.append(_Column("money_total", "合计", 13, money_parent))
    columns.append(_Column("remarks", "备注", 12))
    return columns


def write_disclosure(
    path: Path | str,
    rows: Iterable[tuple[RosterHousehold, dict[str, Decimal] | None]],
    villages: Sequence[tuple[str, int]],
    options: DisclosureOptions,
    *,
    project: str = "",
    progress: Progress = None,
    cancelled: Cancelled = None,
    exported_at: datetime | None = None,
) -> ExportInfo:
    """The public list, one sheet per village (``villages``: name and household count, in order).

    Each row: household, group, masked head ID and phone, persons, land by class, floor area,
    and (when ``options.items``) the amounts by item. IDs and phones go through :func:`mask`.
    """
    info = ExportInfo(Path(path))
    total = sum(n for _, n in villages)
    ticker = _Ticker(total, progress, cancelled)
    stamp = _stamp(exported_at)
    columns = _disclosure_columns(options)
    index = {column.key: i for i, column in enumerate(columns)}
    width = len(columns)
    number_columns = [
        i for i, column in enumerate(columns) if column.key.startswith(("land", "floor", "item", "money"))
    ]
    money_columns = {i for i, column in enumerate(columns) if column.key.startswith(("item", "money"))}
    used: set[str] = set()
    with atomic_workbook(path) as book:
        f = _Formats(book)
        number_plan = [(c, f.money if c in money_columns else f.area) for c in number_columns]
        ws: Any = None
        village: str | None = None
        state: dict[str, Any] = {}

        def open_sheet(name: str, count: int) -> Any:
            sheet = _new_sheet(book, sheet_title(name or "公示表", used))
            info.sheets.append(sheet.name)
            _banner(sheet, f, 0, width, f"{project}{name}征收土地及地上附着物调查结果公示表", f.title, 30)
            note = f"共 {count:,} 户　　面积单位：亩、平方米" + ("　金额单位：元" if options.items else "")
            _banner(sheet, f, 1, width, f"{note}　　制表时间：{stamp}", f.note)
            first = _headers(sheet, f, 2, columns)
            _print_setup(sheet, 2, 3, 3)
            state.update(row=first, seq=0, sums={}, persons=0)
            return sheet

        def close_sheet(sheet: Any) -> None:
            r = state["row"]
            sums: dict[int, Decimal] = state["sums"]
            sheet.write_string(r, 0, "合计", f.total_label)
            for c in range(1, width):
                sheet.write_blank(r, c, None, f.total_label)
            _merge(sheet, r, 0, r, 5)
            sheet.write_number(r, index["persons"], state["persons"], f.total_int)
            for c, value in sorted(sums.items()):
                sheet.write_number(r, c, value, f.total_money if c in money_columns else f.total_area)
            lines = [
                "公示期：" + (options.posting_period or "自　　年　　月　　日至　　年　　月　　日（不少于 30 日）"),
                "监督（异议）电话："
                + (options.complaint_phone or "＿＿＿＿＿＿＿＿")
                + "　　对公示内容有异议的，请在公示期内向镇征迁办书面提出。",
                "注：身份证号码和联系电话已按个人信息保护规定隐去部分数字。",
            ]
            if options.chain_head is not None:
                lines.append(options.chain_head.text)
            lines.append("公示单位（盖章）：　　　　　　　　　　　　　　公示日期：　　　　年　　月　　日")
            for offset, line in enumerate(lines, start=2):
                _banner(sheet, f, r + offset, width, line, f.line)
            info.rows += r + len(lines) + 2

        c_seq, c_no, c_head, c_group, c_id, c_phone, c_persons, c_land, c_floor, c_remarks = (
            index[k]
            for k in (
                "seq",
                "household_no",
                "head",
                "group",
                "id",
                "phone",
                "persons",
                "land_total",
                "floor",
                "remarks",
            )
        )
        class_columns = {land_class: index[f"land:{land_class}"] for land_class in options.land_classes}
        item_columns = [(item, index[f"item:{item}"]) for item in options.items]
        c_money = index.get("money_total", -1)
        string = number = blank = None
        for h, amounts in rows:
            if ws is None or h.village != village:
                if ws is not None:
                    close_sheet(ws)
                village = h.village
                count = next((n for name, n in villages if name == village), 0)
                ws = open_sheet(village, count)
                string, number, blank = ws.write_string, ws.write_number, ws.write_blank
            assert string is not None and number is not None and blank is not None
            r = state["row"]
            state["seq"] += 1
            sums: dict[int, Decimal] = state["sums"]
            number(r, c_seq, state["seq"], f.int)
            for c, text in (
                (c_no, h.household_no),
                (c_head, h.head_name),
                (c_group, h.group),
                (c_id, mask(h.head_id, "id")),
                (c_phone, mask(h.phone, "phone")),
            ):
                if text:
                    string(r, c, safe_text(text), f.text_center)
                else:
                    blank(r, c, None, f.text_center)
            members = h.person_count
            number(r, c_persons, members, f.int)
            state["persons"] += members
            cells: dict[int, Decimal] = {}
            for land_class, area in h.parcels:
                c = class_columns[land_class]
                cells[c] = cells[c] + area if c in cells else area
            cells[c_land] = h.land_mu
            if h.structures:
                cells[c_floor] = h.floor_area_m2
            if amounts is not None:
                for item, c in item_columns:
                    if item in amounts:
                        cells[c] = amounts[item]
                if item_columns:
                    cells[c_money] = sum(amounts.values(), Decimal("0.00"))
            for c, fmt in number_plan:
                value = cells.get(c)
                if value is None:
                    blank(r, c, None, fmt)
                else:
                    number(r, c, value, fmt)
                    sums[c] = sums[c] + value if c in sums else value
            remark = "" if amounts is not None or not options.items else "尚未计算补偿"
            if remark:
                string(r, c_remarks, remark, f.text)
            else:
                blank(r, c_remarks, None, f.text)
            state["row"] = r + 1
            info.households += 1
            info.persons += members
            ticker.tick()
        if ws is not None:
            close_sheet(ws)
        else:
            sheet = _new_sheet(book, "公示表")
            _banner(sheet, f, 0, width, "没有可公示的户", f.title, 30)
            info.sheets.append("公示表")
    ticker.finish()
    return info


# --- payments (兑付清册 for the bank's batch transfer) -------------------------------------------

_PAYMENT_COLUMNS = (
    _Column("seq", "序号", 6),
    _Column("household_no", "户号", 11),
    _Column("village", "村", 9),
    _Column("group", "组", 7),
    _Column("payee", "收款人", 9),
    _Column("id", "身份证号码", 20),
    _Column("bank_name", "开户银行", 16),
    _Column("account", "银行账号", 23),
    _Column("amount", "金额(元)", 14),
    _Column("note", "备注", 26),
)


def write_payments(
    path: Path | str,
    rows: Iterable[PaymentRow],
    total: int,
    *,
    project: str = "",
    chain_head: ChainStamp | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
    exported_at: datetime | None = None,
) -> ExportInfo:
    """One row per household: payee (the head), full ID, bank, full account (text) and amount."""
    info = ExportInfo(Path(path))
    ticker = _Ticker(total, progress, cancelled)
    stamp = _stamp(exported_at)
    columns = list(_PAYMENT_COLUMNS)
    width = len(columns)
    with atomic_workbook(path) as book:
        f = _Formats(book)
        ws = _new_sheet(book, "兑付清册")
        info.sheets.append("兑付清册")
        _banner(ws, f, 0, width, f"{project}征收补偿款兑付清册", f.title, 30)
        _banner(ws, f, 1, width, f"金额单位：元　　共 {total:,} 户　　制表时间：{stamp}", f.note)
        ws.set_row(2, 24)
        for c, column in enumerate(columns):
            ws.write_string(2, c, column.header, f.header)
            ws.set_column(c, c, column.width)
        _print_setup(ws, 2, 2, 5)
        r = 3
        amount_sum = Decimal("0.00")
        string, number, blank = ws.write_string, ws.write_number, ws.write_blank
        for row in rows:
            h = row.household
            number(r, 0, info.households + 1, f.int)
            for c, value, fmt in (
                (1, h.household_no, f.text_center),
                (2, h.village, f.text_center),
                (3, h.group, f.text_center),
                (4, h.head_name, f.text_center),
                (5, h.head_id, f.text),
                (6, h.bank_name, f.text),
                (7, h.bank_account, f.text),
            ):
                if value:
                    string(r, c, safe_text(value), fmt)
                else:
                    blank(r, c, None, fmt)
            number(r, 8, row.amount, f.money)
            _text(ws, r, 9, row.note, f.text_wrap)
            amount_sum += row.amount
            info.households += 1
            info.persons += h.person_count
            r += 1
            ticker.tick()
        ws.write_string(r, 0, "合计", f.total_label)
        for c in range(1, width):
            ws.write_blank(r, c, None, f.total_label)
        _merge(ws, r, 0, r, 3)
        ws.write_string(r, 4, f"{info.households:,} 户", f.total_label)
        ws.write_number(r, 8, amount_sum, f.total_money)
        lines = ["制表：　　　　　　　　复核：　　　　　　　　审批：　　　　　　　　财务："]
        if chain_head is not None:
            lines.append(chain_head.text)
        for offset, line in enumerate(lines, start=2):
            _banner(ws, f, r + offset, width, line, f.line)
        info.rows = r + len(lines) + 2
        info.total = amount_sum
    ticker.finish()
    return info
