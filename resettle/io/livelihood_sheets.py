"""The labour office's and the bureau's sheets: 就业, 培训, 岗位, 社保标准 and the 社保 reply.

Each reader returns rows plus every problem it found, with sheet, row and column letter;
nothing here touches the database (matching IDs to the register is the service's job).
Sheets with people (就业, 培训, the reply) have their header found as in survey sheets
(:func:`resettle.io.headers.detect_header`: title rows, two-row headers, wording
variants); 岗位 and 社保标准 are our own layouts, found by their header words anywhere
in the first rows. IDs are normalised (full-width digits, lower-case x, spaces) and names
lose every space, also full-width ones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Generic, TypeVar

from resettle.domain.ids import check_id
from resettle.domain.labour import normalize_employment_state
from resettle.io.grid import CellValue, SheetGrid, column_letter, open_workbook
from resettle.io.headers import detect_header, normalize_header
from resettle.io.sheet_xml import ERROR_VALUE
from resettle.io.values import (
    CellProblem,
    clean_name,
    clean_text,
    compact,
    display,
    is_placeholder,
    parse_birth_date,
)
from resettle.io.values import parse_quantity_cell as _quantity

__all__ = [
    "EMPLOYMENT_SHEET",
    "POSTS_SHEET",
    "TRAINING_SHEET",
    "EmploymentRow",
    "PostRow",
    "PostTerms",
    "SheetIssue",
    "SheetRead",
    "SheetRow",
    "TrainingRow",
    "blank_row",
    "cell_date",
    "cell_money",
    "cell_whole",
    "data_rows",
    "fixed_header",
    "open_sheet",
    "person_header",
    "read_employment",
    "read_posts",
    "read_training",
]

EMPLOYMENT_SHEET = "就业"
TRAINING_SHEET = "培训"
POSTS_SHEET = "岗位"
_FAR_FUTURE = date(9999, 12, 31)

T = TypeVar("T")


@dataclass(frozen=True)
class SheetIssue:
    severity: str  # error / warning
    sheet: str
    row: int  # 1-based, as Excel shows it
    column: str  # letter, "" for the whole row or sheet
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行 {self.column} 列" if self.column else f"第 {self.row} 行"
        return f"工作表「{self.sheet}」{where}：{self.message}"


@dataclass
class SheetRead(Generic[T]):
    sheet: str
    rows: list[T] = field(default_factory=list)
    issues: list[SheetIssue] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field key -> column letter

    @property
    def errors(self) -> list[SheetIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[SheetIssue]:
        return [i for i in self.issues if i.severity == "warning"]


@dataclass(frozen=True)
class EmploymentRow:
    row: int
    name: str
    id_number: str
    state: str
    employer: str
    post: str
    start_date: date | None
    monthly_income: Decimal | None


@dataclass(frozen=True)
class TrainingRow:
    row: int
    name: str
    id_number: str
    course: str
    kind: str
    start_date: date | None
    end_date: date | None
    hours: int
    completed: bool
    certificate_name: str
    certificate_no: str


@dataclass(frozen=True)
class PostTerms:
    """What a park enterprise's post asks (a row of the 岗位 sheet; a stored post's view adds its counts)."""

    enterprise: str
    post: str
    kind: str
    places: int
    min_age: int | None
    max_age: int | None
    sex: str
    certificate: str
    wage: Decimal | None


@dataclass(frozen=True)
class PostRow(PostTerms):
    row: int


# -- shared helpers ---------------------------------------------------------------------------


class SheetRow:
    """One data row with its column map: values by key, problems recorded against the cell."""

    def __init__(self, read: SheetRead[T], grid: SheetGrid, r: int, cols: Mapping[str, int]) -> None:
        self.read, self.grid, self.r, self.cols = read, grid, r, cols
        self.ok = True
        self._error_values: set[str] = set()

    def raw(self, key: str) -> CellValue:
        c = self.cols.get(key)
        if c is None:
            return None
        if self.grid.formulas and self.grid.formula(self.r, c) == "error_value":  # read as empty: say so, once
            if key not in self._error_values:
                self._error_values.add(key)
                self.problem(key, ERROR_VALUE)
            return None
        return self.grid.value(self.r, c)

    def problem(self, key: str, message: str, severity: str = "error") -> None:
        c = self.cols.get(key)
        self.read.issues.append(
            SheetIssue(severity, self.grid.name, self.r + 1, "" if c is None else column_letter(c), message)
        )
        if severity == "error":
            self.ok = False

    def text(self, key: str) -> str:
        value = self.raw(key)
        return "" if is_placeholder(value) else clean_text(value)

    def parsed(self, key: str, parse: Callable[[CellValue], T | None]) -> T | None:
        try:
            return parse(self.raw(key))
        except CellProblem as exc:
            self.problem(key, str(exc))
            return None

    def required(self, key: str, label: str) -> str:
        text = self.text(key)
        if not text:
            self.problem(key, f"{label}为空")
        return text


def cell_date(value: CellValue) -> date | None:
    parts = parse_birth_date(value, today=_FAR_FUTURE)
    if parts is None:
        return None
    full = parts.full
    if full is None:
        raise CellProblem(f"日期应写到日：{display(value)}")
    return full


def cell_money(value: CellValue) -> Decimal | None:
    amount = _quantity(value, ("元",), 2)
    if amount is not None and amount < 0:
        raise CellProblem(f"金额不能为负数：{display(value)}")
    return amount


def cell_whole(value: CellValue) -> int | None:
    number = _quantity(value, ("岁", "人", "个", "学时", "小时", "课时"), 4)
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        raise CellProblem(f"应为不小于 0 的整数：{display(value)}")
    return int(number)


def _yes(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    text = compact(display(value))
    if text in ("是", "已结业", "结业", "合格", "Y", "y", "1", "√", "✓"):
        return True
    if text in ("", "否", "未结业", "不合格", "N", "n", "0", "×"):
        return False
    raise CellProblem(f"应填「是」或「否」，实为「{display(value)}」")


def _pick_sheet(names: list[str], wanted: str) -> list[str]:
    """The sheet named ``wanted`` first (also with spaces or a suffix), then the others in order."""
    exact = [n for n in names if compact(n) == wanted]
    near = [n for n in names if wanted in compact(n) and n not in exact]
    return exact + near + [n for n in names if n not in exact and n not in near]


def person_header(grid: SheetGrid, aliases: Mapping[str, str]) -> dict[str, int] | None:
    match = detect_header(grid, aliases=aliases)
    if match is None or "id_number" not in match.columns:
        return None
    cols = {key: column.column for key, column in match.columns.items()}
    cols["_first"] = match.first_data_row
    return cols


def fixed_header(
    grid: SheetGrid, words: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> dict[str, int] | None:
    """A header of our own layout: the first row (of 30) naming every required column."""
    lookup = {word: key for key, spelled in words.items() for word in spelled}
    for r in range(min(grid.n_rows, 30)):
        cols: dict[str, int] = {}
        for c in range(grid.n_cols):
            value = grid.value(r, c)
            if not isinstance(value, str):
                continue
            name = normalize_header(value)[0]
            key = lookup.get(name) or lookup.get(compact(unicodedata.normalize("NFKC", value)))
            if key and key not in cols:
                cols[key] = c
        if all(k in cols for k in required):
            cols["_first"] = r + 1
            return cols
    return None


def open_sheet(
    path: Path, wanted: str, locate: Callable[[SheetGrid], dict[str, int] | None], what: str, read: SheetRead[T]
) -> tuple[SheetGrid, dict[str, int]] | None:
    with open_workbook(path) as book:
        for name in _pick_sheet(book.sheet_names, wanted):
            grid = book.load(name)
            cols = locate(grid)
            if cols is not None:
                read.sheet = name
                read.columns = {k: column_letter(c) for k, c in cols.items() if not k.startswith("_")}
                return grid, cols
    read.issues.append(SheetIssue("error", wanted, 1, "", f"文件「{path.name}」中找不到{what}的表头"))
    return None


def data_rows(grid: SheetGrid, cols: Mapping[str, int]) -> range:
    return range(cols["_first"], grid.n_rows)


def blank_row(grid: SheetGrid, r: int, cols: Mapping[str, int]) -> bool:
    return all(is_placeholder(grid.value(r, c)) for k, c in cols.items() if not k.startswith("_"))


def _total_row(row: SheetRow) -> bool:
    first = compact(display(row.raw("name"))) + compact(display(row.raw("seq")))
    return first in ("合计", "总计", "小计")


def _id(row: SheetRow) -> str:
    raw = row.raw("id_number")
    result = check_id(raw)
    if not result.ok:
        row.problem("id_number", "；".join(result.errors))
        return ""
    return result.normalized


def _person_rows(
    read: SheetRead[T], path: Path, wanted: str, aliases: Mapping[str, str], what: str, need: tuple[str, str]
) -> Iterator[tuple[int, SheetRow, str, str]]:
    """(index, row, name, ID) of each data row of a person sheet (姓名, 身份证号码 and ``aliases``' columns).

    Blank and total rows are passed over; a sheet without the ``need`` column (key, label) is an error."""
    found = open_sheet(path, wanted, lambda g: person_header(g, aliases), what, read)
    if found is None:
        return
    grid, cols = found
    key, label = need
    if key not in cols:
        read.issues.append(SheetIssue("error", grid.name, cols["_first"], "", f"表头中没有「{label}」列"))
        return
    for r in data_rows(grid, cols):
        if blank_row(grid, r, cols):
            continue
        row = SheetRow(read, grid, r, cols)
        if _total_row(row):
            continue
        name = clean_name(row.raw("name")) if "name" in cols else ""
        yield r, row, name, _id(row)


# -- 就业 --------------------------------------------------------------------------------------

_EMPLOYMENT_ALIASES = {
    "就业状态": "state",
    "状态": "state",
    "就业情况": "state",
    "单位": "employer",
    "就业单位": "employer",
    "工作单位": "employer",
    "岗位": "post",
    "工种": "post",
    "开始日期": "start_date",
    "入职日期": "start_date",
    "就业日期": "start_date",
    "月收入": "income",
    "月收入(元)": "income",
    "月工资": "income",
}


def read_employment(path: Path) -> SheetRead[EmploymentRow]:
    read: SheetRead[EmploymentRow] = SheetRead(EMPLOYMENT_SHEET)
    what = "就业表（姓名、身份证号码、就业状态…）"
    for r, row, name, id_number in _person_rows(
        read, path, EMPLOYMENT_SHEET, _EMPLOYMENT_ALIASES, what, ("state", "就业状态")
    ):
        state_text = row.text("state")
        state = normalize_employment_state(state_text)
        if state is None:
            row.problem("state", f"就业状态应为 已就业、自主创业、未就业·求职 或 不愿就业，实为「{state_text}」")
        start = row.parsed("start_date", cell_date)
        income = row.parsed("income", cell_money)
        if row.ok and state is not None:
            read.rows.append(
                EmploymentRow(r + 1, name, id_number, state, row.text("employer"), row.text("post"), start, income)
            )
    return read


# -- 培训 --------------------------------------------------------------------------------------

_TRAINING_ALIASES = {
    "课程": "course",
    "课程名称": "course",
    "培训项目": "course",
    "培训班": "course",
    "类别": "kind",
    "培训类别": "kind",
    "工种": "kind",
    "开始日期": "start_date",
    "开班日期": "start_date",
    "结束日期": "end_date",
    "结业日期": "end_date",
    "学时": "hours",
    "课时": "hours",
    "是否结业": "completed",
    "结业": "completed",
    "证书名称": "certificate_name",
    "证书": "certificate_name",
    "证书编号": "certificate_no",
    "证书号": "certificate_no",
}


def read_training(path: Path) -> SheetRead[TrainingRow]:
    read: SheetRead[TrainingRow] = SheetRead(TRAINING_SHEET)
    what = "培训表（姓名、身份证号码、课程…）"
    for r, row, name, id_number in _person_rows(
        read, path, TRAINING_SHEET, _TRAINING_ALIASES, what, ("course", "课程")
    ):
        course = row.required("course", "课程")
        start = row.parsed("start_date", cell_date)
        end = row.parsed("end_date", cell_date)
        if start and end and end < start:
            row.problem("end_date", f"结束日期 {end} 早于开始日期 {start}")
        hours = row.parsed("hours", cell_whole) or 0
        completed = bool(row.parsed("completed", _yes))
        cert_name, cert_no = row.text("certificate_name"), row.text("certificate_no")
        if cert_no and not cert_name:
            row.problem("certificate_name", "有证书编号但没有证书名称")
        if row.ok:
            read.rows.append(
                TrainingRow(
                    r + 1, name, id_number, course, row.text("kind"), start, end, hours, completed, cert_name, cert_no
                )
            )
    return read


# -- 岗位 --------------------------------------------------------------------------------------

_POST_WORDS: dict[str, tuple[str, ...]] = {
    "enterprise": ("企业", "企业名称", "用工单位", "单位"),
    "post": ("岗位", "岗位名称"),
    "kind": ("类别", "岗位类别", "工种"),
    "places": ("人数", "招聘人数", "需求人数"),
    "min_age": ("最低年龄",),
    "max_age": ("最高年龄",),
    "sex": ("性别要求", "性别"),
    "certificate": ("证书要求", "所需证书", "证书"),
    "wage": ("月薪", "月薪(元)", "工资", "月工资"),
}


def _sex_requirement(value: CellValue) -> str:
    text = compact(display(value)) if not is_placeholder(value) else ""
    if text in ("", "不限", "男女不限", "无"):
        return ""
    if text in ("男", "男性", "限男"):
        return "男"
    if text in ("女", "女性", "限女"):
        return "女"
    raise CellProblem(f"性别要求应为「男」「女」或空，实为「{display(value)}」")


def read_posts(path: Path) -> SheetRead[PostRow]:
    read: SheetRead[PostRow] = SheetRead(POSTS_SHEET)
    found = open_sheet(
        path,
        POSTS_SHEET,
        lambda g: fixed_header(g, _POST_WORDS, ("enterprise", "post", "places")),
        "岗位表（企业、岗位、人数…）",
        read,
    )
    if found is None:
        return read
    grid, cols = found
    seen: dict[tuple[str, str], int] = {}
    for r in data_rows(grid, cols):
        if blank_row(grid, r, cols):
            continue
        row = SheetRow(read, grid, r, cols)
        enterprise = row.required("enterprise", "企业")
        post = row.required("post", "岗位")
        places = row.parsed("places", cell_whole)
        if places is None and row.ok:
            row.problem("places", "人数为空")
        low, high = row.parsed("min_age", cell_whole), row.parsed("max_age", cell_whole)
        if low is not None and high is not None and high < low:
            row.problem("max_age", f"最高年龄 {high} 小于最低年龄 {low}")
        sex = row.parsed("sex", _sex_requirement) or ""
        wage = row.parsed("wage", cell_money)
        key = (enterprise, post)
        if enterprise and post and key in seen:
            row.problem("post", f"{enterprise}的岗位「{post}」与第 {seen[key]} 行重复")
        seen.setdefault(key, r + 1)
        if row.ok and places is not None:
            read.rows.append(
                PostRow(
                    enterprise, post, row.text("kind"), places, low, high, sex, row.text("certificate"), wage, row=r + 1
                )
            )
    return read
