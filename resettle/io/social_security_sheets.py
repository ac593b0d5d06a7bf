"""The social-security bureau's sheets: the 社保标准 (age bands and amounts) and its reply (回执) to the roster.

Read like the labour office's sheets (:mod:`resettle.io.livelihood_sheets`): every bad cell is
named by sheet, row and column, and nothing is half-read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from resettle.domain.ids import normalize_id
from resettle.domain.social_security import AgeBand, check_bands
from resettle.io.grid import CellValue, column_letter, open_workbook
from resettle.io.livelihood_sheets import (
    SheetIssue,
    SheetRead,
    SheetRow,
    blank_row,
    cell_date,
    cell_money,
    cell_whole,
    data_rows,
    fixed_header,
    open_sheet,
    person_header,
)
from resettle.io.values import (
    CellProblem,
    clean_name,
    clean_text,
    compact,
    display,
    is_blank,
    is_placeholder,
)

__all__ = ["REPLY_SHEET", "STANDARD_SHEET", "ReplyRow", "StandardRead", "read_reply", "read_standard"]

STANDARD_SHEET = "社保标准"
REPLY_SHEET = "回执"


@dataclass(frozen=True)
class ReplyRow:
    row: int
    name: str
    id_number: str  # normalised (not checked: an unknown or broken number is reported as unknown)
    band: str
    result: str
    remark: str

    @property
    def accepted(self) -> bool:
        return compact(self.result) in ("通过", "审核通过", "同意", "合格", "已通过", "")


@dataclass
class StandardRead(SheetRead[AgeBand]):
    reference_date: date | None = None


# -- 社保标准 ------------------------------------------------------------------------------------

_BAND_WORDS: dict[str, tuple[str, ...]] = {
    "band": ("年龄段", "年龄段名称", "档次"),
    "sex": ("性别",),
    "start": ("起始年龄", "起始", "年龄下限"),
    "end": ("截止年龄", "截止", "年龄上限"),
    "benefit": ("待遇", "待遇类型", "保障方式"),
    "amount": ("金额", "金额(元)", "标准(元)", "补贴金额"),
}


def _sex(value: CellValue) -> str | None:
    text = compact(display(value)) if not is_placeholder(value) else ""
    if text in ("男", "男性"):
        return "男"
    if text in ("女", "女性"):
        return "女"
    raise CellProblem(f"性别应为「男」或「女」，实为「{display(value)}」")


def _reference_date(path: Path) -> date | None:
    """基准日 from a 说明 sheet (``基准日 | 2026-03-31``), or None."""
    with open_workbook(path) as book:
        for name in book.sheet_names:
            grid = book.load(name, max_rows=40)
            for r in range(grid.n_rows):
                for c in range(grid.n_cols - 1):
                    value = grid.value(r, c)
                    if isinstance(value, str) and compact(value).rstrip(":：") in ("基准日", "参照日", "基准日期"):
                        try:
                            return cell_date(grid.value(r, c + 1))
                        except CellProblem:
                            return None
    return None


def read_standard(path: Path) -> StandardRead:
    read = StandardRead(STANDARD_SHEET)
    found = open_sheet(
        path,
        STANDARD_SHEET,
        lambda g: fixed_header(g, _BAND_WORDS, tuple(_BAND_WORDS)),
        "社保标准表（年龄段、性别、起始年龄…）",
        read,
    )
    if found is None:
        return read
    grid, cols = found
    for r in data_rows(grid, cols):
        if blank_row(grid, r, cols):
            continue
        row = SheetRow(read, grid, r, cols)
        name = row.required("band", "年龄段")
        sex = row.parsed("sex", _sex)
        start, end = row.parsed("start", cell_whole), row.parsed("end", cell_whole)
        amount = row.parsed("amount", cell_money)
        for key, label, value in (("start", "起始年龄", start), ("end", "截止年龄", end), ("amount", "金额", amount)):
            if value is None and row.ok:
                row.problem(key, f"{label}为空")
        if row.ok and sex is not None and start is not None and end is not None and amount is not None:
            read.rows.append(AgeBand(name, sex, start, end, row.text("benefit"), amount))
    if read.rows and not read.errors:
        for problem in check_bands(read.rows):
            read.issues.append(SheetIssue("error", grid.name, cols["_first"], "", problem))
    read.reference_date = _reference_date(path)
    return read


# -- the bureau's reply --------------------------------------------------------------------------

_REPLY_ALIASES = {
    "年龄段": "band",
    "参保年龄段": "band",
    "审核结果": "result",
    "审核意见": "result",
    "结果": "result",
    "备注": "remark",
    "原因": "remark",
    "不通过原因": "remark",
}


def _cell(value: CellValue) -> CellValue:
    return None if is_blank(value) else value


def read_reply(path: Path) -> SheetRead[ReplyRow]:
    read: SheetRead[ReplyRow] = SheetRead(REPLY_SHEET)
    found = open_sheet(
        path,
        REPLY_SHEET,
        lambda g: person_header(g, _REPLY_ALIASES),
        "回执（姓名、身份证号码、年龄段、审核结果）",
        read,
    )
    if found is None:
        return read
    grid, cols = found
    fields = {k: c for k, c in cols.items() if not k.startswith("_")}
    id_col = column_letter(cols["id_number"])

    def text(value: CellValue) -> str:
        if value is None:
            return ""
        return compact(value if type(value) is str else display(value))

    for r in data_rows(grid, cols):
        # own_values: one dict per row without the per-cell merge lookups (a reply has 100,000 rows).
        values = (
            grid.own_values(r, fields) if not grid.merges else {k: _cell(grid.value(r, c)) for k, c in fields.items()}
        )
        if all(v is None for v in values.values()):  # own_values gives None for blank cells
            continue
        name_value = values.get("name")
        first = text(name_value) + text(values.get("seq"))
        if first in ("合计", "总计", "小计"):
            continue
        raw = values.get("id_number")
        if raw is None:
            read.issues.append(SheetIssue("warning", grid.name, r + 1, id_col, "身份证号码为空"))
            continue
        if not isinstance(raw, str):
            read.issues.append(SheetIssue("warning", grid.name, r + 1, id_col, "身份证号码存成了数字，末位可能已丢失"))
        remark = values.get("remark")
        read.rows.append(
            ReplyRow(
                r + 1,
                clean_name(name_value) if name_value is not None else "",
                normalize_id(display(raw)),
                text(values.get("band")),
                text(values.get("result")),
                "" if is_placeholder(remark) else clean_text(remark),
            )
        )
    return read
