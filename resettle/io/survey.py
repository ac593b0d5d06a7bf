"""Reading clerks' survey workbooks (入户调查登记表) into households, persons and issues.

The shape handled (domain.md, "Real spreadsheets"): a merged title, a filler line, one or
two header rows, one row per person, household cells (户号, 户主, phone, land, house,
trees, bank) written once and often merged down over the household's member rows, blank
rows between households, 合计/小计 rows, one sheet per village group.

A household starts on a row that has its own 户号 (or 户主) different from the current
household's, or a second 户主 member; rows below it without their own household cells
belong to it. Cells covered by a merged block count as the block's value ("fill down over
merged ranges only"), so a merge never spills into the next household.

Nothing the file contains raises here: every problem becomes an :class:`ImportIssue` that
names the sheet, row, column and field. Only unsafe files (:class:`UnsafeFileError`) and
unreadable ones (:class:`UnreadableFileError`) raise, plus :class:`ReadCancelled`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from resettle.domain.area import M2_WORDS, MU_WORDS, m2_to_mu
from resettle.domain.contacts import check_bank_account, check_phone
from resettle.domain.head import HEAD_RELATIONS
from resettle.domain.ids import ID_AS_NUMBER_MESSAGE, IdCheck, check_character, check_id
from resettle.errors import Cancelled
from resettle.io.grid import CellValue, SheetGrid, column_letter, open_workbook
from resettle.io.guards import UnreadableFileError, UnsafeFileError
from resettle.io.headers import (
    CORE_FIELDS,
    FIELD_LABELS,
    HeaderMatch,
    MappingProfile,
    apply_overrides,
    detect_header,
    field_label,
)
from resettle.io.values import (
    CellProblem,
    PartialDate,
    clean_name,
    clean_text,
    compact,
    display,
    is_blank,
    is_placeholder,
    parse_birth_date,
    parse_count,
    parse_quantity_cell,
    parse_sex,
)

__all__ = [
    "FIELD_LABELS",
    "ImportIssue",
    "ReadCancelled",
    "ReadOptions",
    "SheetSummary",
    "SurveyAttachment",
    "SurveyHousehold",
    "SurveyParcel",
    "SurveyPerson",
    "SurveyReadResult",
    "SurveyStructure",
    "UnreadableFileError",
    "UnsafeFileError",
    "list_sheets",
    "options_from_profile",
    "preview",
    "read_survey",
]

Severity = Literal["error", "warning"]


@dataclass
class ImportIssue:
    sheet: str
    row: int  # 1-based Excel row
    column: str  # column letter
    field: str  # Chinese field name
    value: str  # raw cell text
    message: str  # Chinese
    severity: Severity
    kind: str


@dataclass
class SurveyPerson:
    name: str
    relation: str
    sex: str | None
    id_number: str  # normalised; for a refused ID what could be normalised (may be "")
    birth_date: date | None
    row: int


@dataclass
class SurveyParcel:
    land_class: str
    area_mu: Decimal


@dataclass
class SurveyStructure:
    structure_type: str
    floor_area_m2: Decimal


@dataclass
class SurveyAttachment:
    kind: str
    quantity: Decimal
    unit: str


@dataclass
class SurveyHousehold:
    sheet: str
    row: int
    household_no: str
    head: str
    village: str
    group: str
    phone: str
    bank_name: str
    bank_account: str
    remarks: str
    persons: list[SurveyPerson] = field(default_factory=list)
    address: str = ""  # 家庭住址 (read like the phone: once per household)
    parcels: list[SurveyParcel] = field(default_factory=list)
    structures: list[SurveyStructure] = field(default_factory=list)
    attachments: list[SurveyAttachment] = field(default_factory=list)


@dataclass
class SheetSummary:
    name: str
    households: int
    persons: int
    header_rows: tuple[int, ...]  # 1-based
    last_row: int  # 1-based, last row that held household data (0 when none)
    mapping: dict[str, str]  # field key -> column letter


@dataclass
class SurveyReadResult:
    households: list[SurveyHousehold]
    issues: list[ImportIssue]
    sheets: list[SheetSummary]
    workbook_sheets: tuple[str, ...] = ()  # every sheet of the file, in the workbook's order

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.severity == "warning"]


@dataclass
class ReadOptions:
    village: str | None = None
    group: str | None = None
    sheets: list[str] | None = None  # None: every visible sheet that looks like a survey
    mapping_overrides: dict[str, str] | None = None  # field key -> column letter ("" unmaps)
    today: date | None = None
    header_row: int | None = None  # 1-based last header row, when the wizard fixes it
    header_aliases: dict[str, str] | None = None  # extra header spellings -> field key


def options_from_profile(profile: MappingProfile, **kwargs: object) -> ReadOptions:
    """ReadOptions from a saved mapping profile; keyword arguments set the other options."""
    options = ReadOptions(
        mapping_overrides=dict(profile.columns) or None,
        header_row=profile.header_row,
        header_aliases=dict(profile.aliases) or None,
    )
    for name, value in kwargs.items():
        if not hasattr(options, name):
            raise TypeError(f"unknown option {name}")
        setattr(options, name, value)
    return options


ReadCancelled = Cancelled  # the one cancellation error (issue 9); the old name stays for callers


# --- rows that are not data ----------------------------------------------------------------

_TOTAL = re.compile(r"(?:本页|本组|本村|全村|全组|总)?(?:合计|小计|总计|累计)[:：]?.{0,6}")
_PERSON_KEYS = ("name", "id_number", "relation", "sex", "birth_date")
_HOUSEHOLD_KEYS = (
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
_HEAD_RELATIONS = frozenset(HEAD_RELATIONS)  # resettle.domain.head

# Village and group from a title such as 东岗村征地拆迁入户调查登记表（一组）.
_GROUP = re.compile(r"第?[一二三四五六七八九十百零〇两0-9]{1,4}(?:村民)?小?组")
_VILLAGE_END = re.compile(r"村(?![民委级集])")
_PLACE_STOPS = frozenset("省市县区镇乡道年的于在及关")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def place_from_text(text: str) -> tuple[str | None, str | None]:
    """(village, group) named in a title or sheet name, each None when absent."""
    text = compact(unicodedata.normalize("NFKC", text))
    group_match = _GROUP.search(text)
    group = group_match.group(0) if group_match else None
    village = None
    for end in _VILLAGE_END.finditer(text):
        start = end.start()
        stem = ""
        while start > 0 and _is_cjk(text[start - 1]) and len(stem) < 6:
            start -= 1
            stem = text[start] + stem
        for i in range(len(stem) - 2, -1, -1):
            if stem[i] in _PLACE_STOPS:
                stem = stem[i + 1 :]
                break
        if stem:
            village = stem + "村"
            break
    return village, group


def _present(value: CellValue) -> bool:
    """Not blank and not a placeholder such as — or 无 (for values already known not blank)."""
    if value is None:
        return False
    return not (type(value) is str and len(value) <= 8 and is_placeholder(value))


def _is_total_row(row: list[CellValue]) -> bool:
    return any(isinstance(value, str) and "计" in value and _TOTAL.fullmatch(compact(value)) for value in row)


def _is_blank_row(row: list[CellValue]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)


def _is_numbering_row(row: list[CellValue]) -> bool:
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


# --- reading one sheet ----------------------------------------------------------------------


@dataclass
class _Shared:
    """State across sheets: issues, and the IDs and household numbers already seen."""

    today: date
    issues: list[ImportIssue] = field(default_factory=list)
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    households: dict[str, tuple[str, int]] = field(default_factory=dict)
    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    done: int = 0
    total: int = 0

    def tick(self, rows: int) -> None:
        self.done += rows
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("导入已取消，未读入任何数据。")
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


@dataclass
class _Household:
    record: SurveyHousehold
    household_no_key: str
    has_head_member: bool = False
    trees: Decimal = Decimal(0)
    tree_counts: list[Decimal] = field(default_factory=list)
    tree_unit: str = "棵"
    last_row: int = 0  # 0-based
    closed: bool = False


class _SheetReader:
    def __init__(self, grid: SheetGrid, match: HeaderMatch, shared: _Shared, village: str, group: str) -> None:
        self.grid = grid
        self.match = match
        self.shared = shared
        self.village = village
        self.group = group
        self.cols = {key: column.column for key, column in match.columns.items()}
        self.units = {key: column.unit for key, column in match.columns.items()}
        self.wide = [key for key in self.cols if ":" in key]
        # Header words per column, to spot the header repeated further down (printed pages).
        self.header_words = {
            column.column: {compact(part) for part in column.header.split("/") if compact(part)}
            for column in match.columns.values()
        }
        self.header_longest = max((len(w) for words in self.header_words.values() for w in words), default=0)
        # The column checked first for a repeated header: a core field such as 姓名.
        self.header_probe = next((self.cols[key] for key in (*CORE_FIELDS, *self.cols) if key in self.cols), None)
        self.households: list[SurveyHousehold] = []
        self.current: _Household | None = None
        self.gap = False
        # Whether the row repeats the current household's 户号/户主 (a sheet that writes the
        # household cells on every member row): identical household values are then repeats.
        self.repeat_row = False
        self.row_index = -1
        self.row_own: dict[str, CellValue] = {}
        self.last_row = -1
        self.seen_data = False
        self.person_count = 0

    # -- cell access --

    def row_values(self, r: int) -> dict[str, CellValue]:
        """Field -> value in this very row (None when blank or covered by a merge), computed once per row."""
        if r != self.row_index:
            self.row_index = r
            self.row_own = self.grid.own_values(r, self.cols)
        return self.row_own

    def own(self, r: int, key: str) -> CellValue:
        """The value in this very cell of the field (None when blank or covered by a merge)."""
        return self.row_values(r).get(key)

    def filled(self, r: int, key: str) -> CellValue:
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

    # -- the rows --

    def run(self) -> SheetSummary:
        if "household_no" not in self.cols:
            self.issue(
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
            if (r - start) % 500 == 499:
                self.shared.tick(500)
            self.read_row(r)
        self.shared.tick((n_rows - start) % 500)
        self.close_household()
        return SheetSummary(
            name=self.grid.name,
            households=len(self.households),
            persons=self.person_count,
            header_rows=tuple(r + 1 for r in self.match.header_rows),
            last_row=self.last_row + 1,
            mapping={key: column_letter(c) for key, c in self.cols.items()},
        )

    def read_row(self, r: int) -> None:
        row = self.grid.rows[r]
        if _is_blank_row(row):
            self.gap = True
            return
        if _is_total_row(row):
            self.close_household()
            self.current = None
            return
        if self.is_repeated_header(r):
            return
        if not self.seen_data and _is_numbering_row(row):
            return
        values = self.row_values(r)
        has_person = any(_present(values.get(key)) for key in _PERSON_KEYS)
        if "name" not in self.cols and not is_blank(self.own(r, "head")):
            has_person = True
        has_household = any(_present(values.get(key)) for key in (*_HOUSEHOLD_KEYS, *self.wide))
        if not has_person and not has_household:
            remarks = self.own(r, "remarks")
            if remarks is not None and self.current is not None and not self.gap:
                self.add_remark(self.current, remarks)
            return
        self.seen_data = True
        self.check_formulas(r)
        household = self.household_for(r)
        self.read_household_cells(r, household)
        if has_person:
            self.read_person(r, household)
        household.last_row = r
        self.last_row = r
        self.gap = False

    def is_repeated_header(self, r: int) -> bool:
        probe = self.header_probe
        if probe is None:
            return False
        value = self.grid.raw(r, probe)
        if not isinstance(value, str) or len(value) > self.header_longest * 3:
            return False
        if compact(value) not in self.header_words.get(probe, ()):
            return False
        hits = 0
        longest = self.header_longest * 3
        for c, words in self.header_words.items():
            value = self.grid.raw(r, c)
            if isinstance(value, str) and len(value) <= longest and compact(value) in words:
                hits += 1
        return hits >= 2

    def check_formulas(self, r: int) -> None:
        if not self.grid.formulas:
            return
        for key, c in self.cols.items():
            if key == "seq" or self.grid.anchor(r, c) is not None:
                continue
            state = self.grid.formulas.get((r, c))
            if state is None:
                continue
            value = self.grid.raw(r, c)
            if state == "cached":
                self.issue(
                    r,
                    key,
                    value,
                    f"单元格是公式，已按 Excel 保存的计算结果「{display(value)}」读取",
                    "formula",
                    "warning",
                )
            elif state == "error":
                self.issue(r, key, value, "单元格是公式且计算出错，请改为数值后再导入", "formula")
            else:
                self.issue(
                    r,
                    key,
                    value,
                    "单元格是公式但文件里没有计算结果，请在 Excel 中打开并保存，或改为数值后再导入",
                    "formula",
                )

    # -- households --

    def household_for(self, r: int) -> _Household:
        number_value = self.own(r, "household_no")
        number = "" if is_placeholder(number_value) else compact(display(number_value))
        head_value = self.own(r, "head")
        head = clean_name(head_value) if head_value is not None else ""
        relation = compact(display(self.own(r, "relation")))
        current = self.current
        self.repeat_row = False
        if current is not None:
            record = current.record
            starts = (
                (number and number != current.household_no_key)
                or (head and head != record.head)
                or (relation in _HEAD_RELATIONS and current.has_head_member)
            )
            if not starts:
                self.repeat_row = bool(number or head)
                if self.gap and not self.covered_by_household(r, current):
                    self.issue(
                        r,
                        "household_no" if "household_no" in self.cols else None,
                        "",
                        f"本行与上一户之间有空行且没有户号，已归入上一户"
                        f"（{record.household_no or record.head}），请核对",
                        "ambiguous_household",
                        "warning",
                    )
                return current
        self.close_household()
        return self.open_household(r, number, head, number_value)

    def covered_by_household(self, r: int, household: _Household) -> bool:
        for key in ("household_no", "head"):
            c = self.cols.get(key)
            if c is not None:
                anchor = self.grid.anchor(r, c)
                if anchor is not None and anchor[0] == household.record.row - 1:
                    return True
        return False

    def open_household(self, r: int, number: str, head: str, number_value: CellValue) -> _Household:
        village = clean_text(self.filled(r, "village")) or self.village
        group = clean_text(self.filled(r, "group")) or self.group
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
        household = _Household(record=record, household_no_key=number)
        if number:
            first = self.shared.households.get(number)
            if first is not None:
                self.issue(
                    r,
                    "household_no",
                    number_value,
                    f"户号 {number} 重复：已在「{first[0]}」第 {first[1]} 行出现",
                    "duplicate_household",
                )
            else:
                self.shared.households[number] = (self.grid.name, r + 1)
        elif "household_no" in self.cols:
            self.issue(r, "household_no", number_value, "户号为空", "missing_household_no")
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
            head = next((p.name for p in record.persons if p.relation in _HEAD_RELATIONS and p.name), "")
            record.head = head
        if not household.closed:
            household.closed = True
            self.households.append(record)

    def add_remark(self, household: _Household, value: CellValue) -> None:
        text = clean_text(value)
        record = household.record
        if text and text not in record.remarks.split("；"):
            record.remarks = f"{record.remarks}；{text}" if record.remarks else text

    def read_household_cells(self, r: int, household: _Household) -> None:
        phone = self.own(r, "phone")
        if not is_placeholder(phone):
            check = check_phone(phone)  # the editor's rule too (resettle.domain.contacts)
            if check.ok:
                self.set_once(r, "phone", phone, household, "phone", check.normalized)
            else:
                self.issue(r, "phone", phone, "；".join(check.errors), "bad_phone", "error")
        address = self.own(r, "address")
        if not is_placeholder(address):
            self.set_once(r, "address", address, household, "address", clean_text(address))
        bank_name = self.own(r, "bank_name")
        if not is_placeholder(bank_name):
            self.set_once(r, "bank_name", bank_name, household, "bank_name", clean_text(bank_name))
        account = self.own(r, "bank_account")
        if not is_placeholder(account):
            self.read_account(r, account, household)
        remarks = self.own(r, "remarks")
        if remarks is not None:
            self.add_remark(household, remarks)
        self.read_parcel(r, household)
        self.read_structure(r, household)
        self.read_trees(r, household)
        for key in self.wide:
            self.read_wide(r, key, household)

    def set_once(self, r: int, key: str, value: CellValue, household: _Household, attribute: str, text: str) -> None:
        record = household.record
        existing = getattr(record, attribute)
        if not existing:
            setattr(record, attribute, text)
        elif existing != text:
            self.issue(
                r,
                key,
                value,
                f"该户已有{field_label(key)}「{existing}」，本行的「{display(value)}」未导入",
                "conflicting_value",
                "warning",
            )

    def read_account(self, r: int, value: CellValue, household: _Household) -> None:
        check = check_bank_account(value)
        if not check.ok:
            message = "；".join(check.errors)
            if message == ID_AS_NUMBER_MESSAGE:
                message = (
                    f"银行账号被 Excel 存成了数字（{display(value)}），末几位可能已丢失；请把该列设为文本后重新录入"
                )
            self.issue(r, "bank_account", value, message, "bad_account")
            return
        for warning in check.warnings:
            self.issue(r, "bank_account", value, warning, "bad_account", "warning")
        self.set_once(r, "bank_account", value, household, "bank_account", check.normalized)

    def quantity(self, r: int, key: str, unit_words: tuple[str, ...], kind: str) -> Decimal | None:
        value = self.own(r, key)
        if value is None:
            return None
        unit = self.units.get(key, "")
        try:
            if key.startswith("land_area_mu") and unit == "㎡":
                m2 = parse_quantity_cell(value, M2_WORDS)
                return None if m2 is None else m2_to_mu(m2, places=4)
            return parse_quantity_cell(value, unit_words)
        except CellProblem as exc:
            self.issue(r, key, value, str(exc), kind)
            return None

    def read_parcel(self, r: int, household: _Household) -> None:
        area = self.quantity(r, "land_area_mu", MU_WORDS, "bad_area")
        land_class_value = self.own(r, "land_class")
        land_class = compact(display(land_class_value)) if not is_placeholder(land_class_value) else ""
        if area is None:
            if land_class and "land_area_mu" in self.cols and self.own(r, "land_area_mu") is None:
                self.issue(r, "land_area_mu", "", f"有地类「{land_class}」但没有面积", "bad_area", "warning")
            return
        if area > 0:
            if not land_class:
                land_class = compact(display(self.filled(r, "land_class")))
            self.add_parcel(household, SurveyParcel(land_class, area))

    def read_structure(self, r: int, household: _Household) -> None:
        area = self.quantity(r, "floor_area_m2", M2_WORDS, "bad_area")
        type_value = self.own(r, "structure_type")
        structure = compact(display(type_value)) if not is_placeholder(type_value) else ""
        if area is None:
            if structure and "floor_area_m2" in self.cols and self.own(r, "floor_area_m2") is None:
                self.issue(r, "floor_area_m2", "", f"有房屋结构「{structure}」但没有建筑面积", "bad_area", "warning")
            return
        if area > 0:
            if not structure:
                structure = compact(display(self.filled(r, "structure_type")))
            self.add_structure(household, SurveyStructure(structure, area))

    def read_trees(self, r: int, household: _Household) -> None:
        value = self.own(r, "trees")
        if value is None:
            return
        try:
            count = parse_count(value, ("棵", "株"))
        except CellProblem as exc:
            self.issue(r, "trees", value, str(exc), "bad_quantity")
            return
        if count and not (self.repeat_row and count in household.tree_counts):
            household.tree_counts.append(count)
            household.trees += count
            if isinstance(value, str) and "株" in value:
                household.tree_unit = "株"

    def read_wide(self, r: int, key: str, household: _Household) -> None:
        base, _, detail = key.partition(":")
        if base == "land_area_mu":
            area = self.quantity(r, key, MU_WORDS, "bad_area")
            if area:
                self.add_parcel(household, SurveyParcel(detail, area))
        else:
            area = self.quantity(r, key, M2_WORDS, "bad_area")
            if area:
                self.add_structure(household, SurveyStructure(detail, area))

    def add_parcel(self, household: _Household, parcel: SurveyParcel) -> None:
        if not (self.repeat_row and parcel in household.record.parcels):
            household.record.parcels.append(parcel)

    def add_structure(self, household: _Household, structure: SurveyStructure) -> None:
        if not (self.repeat_row and structure in household.record.structures):
            household.record.structures.append(structure)

    # -- persons --

    def read_person(self, r: int, household: _Household) -> None:
        record = household.record
        if "name" in self.cols:
            name_key = "name"
            name_value = self.own(r, "name")
        else:
            name_key = "head"
            name_value = self.own(r, "head")
        name = clean_name(name_value) if name_value is not None else ""
        if not name:
            self.issue(r, name_key, name_value, "姓名为空", "missing_name")
        elif isinstance(name_value, bool) or not isinstance(name_value, str):
            self.issue(r, name_key, name_value, f"姓名不像是文字：{display(name_value)}", "bad_name")
        relation = clean_name(self.own(r, "relation"))
        if not relation and ("name" not in self.cols or (name and name == record.head)):
            relation = "户主" if not household.has_head_member else ""
        if relation in _HEAD_RELATIONS:
            household.has_head_member = True
        elif not relation and "relation" in self.cols:
            self.issue(r, "relation", "", "与户主关系为空", "missing_relation", "warning")

        id_check_sex, id_birth, id_number = self.read_id(r)
        sex = self.read_sex(r, id_check_sex)
        birth = self.read_birth(r, id_birth)
        record.persons.append(SurveyPerson(name, relation, sex, id_number, birth, r + 1))
        self.person_count += 1

    def read_id(self, r: int) -> tuple[str | None, date | None, str]:
        """(sex, birth date, normalised number) from the ID cell; issues for anything wrong."""
        value = self.own(r, "id_number")
        if value is None:
            if "id_number" in self.cols:
                self.issue(r, "id_number", "", "身份证号码为空", "missing_id", "warning")
            return None, None, ""
        check = check_id(value, today=self.shared.today)
        if not check.ok:
            self.issue(r, "id_number", value, self.id_message(value, check.errors), self.id_kind(value, check))
            return None, None, check.normalized
        for warning in check.warnings:
            kind = "id_converted_15" if check.converted_from_15 and "15" in warning else "id_warning"
            self.issue(r, "id_number", value, warning, kind, "warning")
        first = self.shared.ids.get(check.normalized)
        if first is not None:
            self.issue(
                r,
                "id_number",
                value,
                f"身份证号码 {check.normalized} 重复：已在「{first[0]}」第 {first[1]} 行出现",
                "duplicate_id",
            )
        else:
            self.shared.ids[check.normalized] = (self.grid.name, r + 1)
        return check.sex, check.birth_date, check.normalized

    @staticmethod
    def id_message(value: CellValue, errors: tuple[str, ...]) -> str:
        if ID_AS_NUMBER_MESSAGE in errors:
            return (
                f"{ID_AS_NUMBER_MESSAGE}（读到的是 {display(value)}，Excel 只保留 15 位有效数字）；"
                "请把该列设为文本格式后重新录入号码"
            )
        return "身份证号码有误：" + "；".join(errors)

    @staticmethod
    def id_kind(value: CellValue, check: IdCheck) -> str:
        errors, normalized = check.errors, check.normalized
        if ID_AS_NUMBER_MESSAGE in errors or (isinstance(value, int | float) and not isinstance(value, bool)):
            return "id_as_number"
        if len(normalized) == 18 and normalized[:17].isascii() and normalized[:17].isdigit():
            try:
                if check_character(normalized[:17]) != normalized[17]:
                    return "bad_checksum"
            except ValueError:
                pass
        return "bad_id"

    def read_sex(self, r: int, from_id: str | None) -> str | None:
        value = self.own(r, "sex")
        try:
            written = parse_sex(value)
        except CellProblem as exc:
            self.issue(r, "sex", value, str(exc), "bad_sex", "warning")
            written = None
        if from_id is not None and written is not None and written != from_id:
            self.issue(
                r,
                "sex",
                value,
                f"性别「{written}」与身份证号码（{from_id}）不符，已按身份证号码",
                "sex_mismatch",
                "warning",
            )
        return from_id or written

    def read_birth(self, r: int, from_id: date | None) -> date | None:
        value = self.own(r, "birth_date")
        try:
            written: PartialDate | None = parse_birth_date(value, self.shared.today)
        except CellProblem as exc:
            self.issue(r, "birth_date", value, str(exc), "bad_date")
            return from_id
        if written is None:
            return from_id
        if from_id is not None:
            if not written.agrees_with(from_id):
                self.issue(
                    r,
                    "birth_date",
                    value,
                    f"出生日期 {written} 与身份证号码中的 {from_id.isoformat()} 不符，已按身份证号码",
                    "birth_date_mismatch",
                    "warning",
                )
            return from_id
        if written.full is None:
            self.issue(r, "birth_date", value, f"出生日期只有「{written}」，不完整", "partial_date", "warning")
        return written.full


# --- the workbook ------------------------------------------------------------------------------


def _sheet_place(grid: SheetGrid, match: HeaderMatch) -> tuple[str | None, str | None]:
    village = group = None
    for r in range(match.header_rows[0] if match.header_rows else 0):
        for value in grid.rows[r]:
            if isinstance(value, str) and value.strip():
                found_village, found_group = place_from_text(value)
                village = village or found_village
                group = group or found_group
    sheet_village, sheet_group = place_from_text(grid.name)
    return village or sheet_village, group or sheet_group


def _sheet_issue(shared: _Shared, sheet: str, message: str, kind: str, severity: Severity) -> None:
    shared.issues.append(ImportIssue(sheet, 1, "A", "", "", message, severity, kind))


def read_survey(
    path: Path,
    options: ReadOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SurveyReadResult:
    """Read every survey sheet of a workbook (or ``options.sheets``).

    Raises UnsafeFileError, UnreadableFileError or ReadCancelled; any problem inside the
    file is returned as an ImportIssue instead.
    """
    options = options or ReadOptions()
    shared = _Shared(today=options.today or date.today(), progress=progress, cancelled=cancelled)
    households: list[SurveyHousehold] = []
    summaries: list[SheetSummary] = []
    with open_workbook(path) as book:
        explicit = options.sheets is not None
        names = list(options.sheets) if options.sheets is not None else book.sheet_names
        hidden = {sheet.name for sheet in book.sheets if sheet.hidden}
        known = set(book.sheet_names)
        workbook_sheets = tuple(book.sheet_names)
        for name in names:
            if name not in known:
                _sheet_issue(shared, name, f"找不到工作表「{name}」", "missing_sheet", "error")
        wanted = [name for name in names if name in known]
        grids: list[SheetGrid] = []
        for n, name in enumerate(wanted):
            if progress is not None:
                progress(n, len(wanted))  # counts from the first second: sheets opened, then rows read
            if shared.cancelled is not None and shared.cancelled():
                raise Cancelled("导入已取消，未读入任何数据。")
            grids.append(book.load(name))
    shared.total = sum(grid.n_rows for grid in grids)
    skipped: list[SheetGrid] = []
    for grid in grids:
        if shared.cancelled is not None and shared.cancelled():
            raise Cancelled("导入已取消，未读入任何数据。")
        last_header = options.header_row - 1 if options.header_row else None
        match = detect_header(grid, last_header_row=last_header, aliases=options.header_aliases)
        if match is None and options.mapping_overrides:
            match = HeaderMatch(header_rows=(last_header,) if last_header is not None else (), columns={})
        if match is not None and options.mapping_overrides:
            for problem in apply_overrides(match, options.mapping_overrides, grid.n_cols):
                _sheet_issue(shared, grid.name, problem, "bad_mapping", "error")
        if match is None or not match.columns:
            if explicit:
                _sheet_issue(shared, grid.name, _no_header_message(grid), "no_header", "error")
            elif not _is_empty(grid):
                skipped.append(grid)
            shared.tick(grid.n_rows)
            continue
        if grid.name in hidden and not explicit:
            _sheet_issue(shared, grid.name, f"工作表「{grid.name}」是隐藏的，未导入", "hidden_sheet", "warning")
            shared.tick(grid.n_rows)
            continue
        shared.tick(match.first_data_row)
        title_village, title_group = _sheet_place(grid, match)
        village = title_village or options.village or ""
        group = title_group or options.group or ""
        for given, found, label in ((options.village, title_village, "村"), (options.group, title_group, "组")):
            if given and found and compact(given) != compact(found):
                _sheet_issue(
                    shared,
                    grid.name,
                    f"表头写的是「{found}」，与选择的{label}「{given}」不同，已按表头",
                    "place_mismatch",
                    "warning",
                )
        reader = _SheetReader(grid, match, shared, village, group)
        summaries.append(reader.run())
        households.extend(reader.households)
    for grid in skipped:
        if summaries:
            _sheet_issue(
                shared, grid.name, f"工作表「{grid.name}」没有可识别的表头，已跳过", "sheet_skipped", "warning"
            )
        else:
            _sheet_issue(shared, grid.name, _no_header_message(grid), "no_header", "error")
    if not summaries and not skipped and not any(i.kind in ("no_header", "missing_sheet") for i in shared.issues):
        _sheet_issue(shared, names[0] if names else "", "文件中没有任何数据", "empty_file", "error")
    if progress is not None:
        progress(shared.total, shared.total)
    return SurveyReadResult(
        households=households, issues=shared.issues, sheets=summaries, workbook_sheets=workbook_sheets
    )


def _is_empty(grid: SheetGrid) -> bool:
    return all(_is_blank_row(row) for row in grid.rows)


def _no_header_message(grid: SheetGrid) -> str:
    if _is_empty(grid):
        return f"工作表「{grid.name}」是空的"
    return (
        f"工作表「{grid.name}」中找不到表头（应有「姓名」「身份证号码」「户主」「户号」等列名），"
        "请在导入向导中指定表头行和各列"
    )


def list_sheets(path: Path | str) -> list[str]:
    """Names of the worksheets, for the wizard (chart sheets left out)."""
    with open_workbook(path) as book:
        return book.sheet_names


def preview(path: Path | str, sheet: str, rows: int = 30) -> list[list[str]]:
    """The first ``rows`` rows of a sheet as display text (merged blocks not filled)."""
    with open_workbook(path) as book:
        grid = book.load(sheet, max_rows=max(rows, 0))
    return [[display(value) for value in row] for row in grid.rows[: max(rows, 0)]]
