"""The rate workbook (补偿标准表): one rule per row on sheet ``补偿标准``.

Layout (what :func:`write_rate_workbook` produces and :func:`read_rate_workbook` expects):
optional ``名称 / 版本 / 生效日期 / 依据文件`` pairs above the header, then the header row
``编码 | 项目 | 依据 | 条件 | 单价(元) | 单位 | 支付对象`` (optionally ``最低(元)``, ``最高(元)``),
then one rule per row. A bad row is refused with its sheet, row and column letter and the
reason in Chinese; nothing is imported until every row is right.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from resettle.domain.money import parse_decimal_text, to_yuan
from resettle.domain.rates import (
    BASES,
    CONDITION_FIELDS,
    PAYEES,
    RateError,
    RateTable,
    Rule,
    normalise_basis,
    normalise_payee,
    parse_conditions,
    parse_date_text,
)
from resettle.errors import ValidationError
from resettle.io.cell_text import put_text, restore
from resettle.io.grid import CellValue, SheetGrid, column_letter, open_workbook
from resettle.io.keyed_sheet import KeyedRows, header_row

if TYPE_CHECKING:
    from openpyxl import Workbook  # imported where a workbook is written: not at start-up

__all__ = ["SHEET", "CellIssue", "RateWorkbookError", "WorkbookTable", "read_rate_workbook", "write_rate_workbook"]

SHEET = "补偿标准"
HEADERS = ("编码", "项目", "依据", "条件", "单价(元)", "单位", "支付对象", "最低(元)", "最高(元)")
_KEYS = ("code", "item", "basis", "conditions", "price", "unit", "payee", "minimum", "maximum")
_REQUIRED = ("code", "item", "basis", "price")
_HEADER_ALIASES = {
    "code": ("编码", "规则编码", "代码"),
    "item": ("项目", "补偿项目"),
    "basis": ("依据", "计算依据"),
    "conditions": ("条件", "适用条件"),
    "price": ("单价(元)", "单价", "标准(元)", "补偿标准(元)"),
    "unit": ("单位", "计量单位"),
    "payee": ("支付对象", "支付给", "收款方"),
    "minimum": ("最低(元)", "最低", "最低金额(元)", "最低金额"),
    "maximum": ("最高(元)", "最高", "最高金额(元)", "最高金额"),
}
_META = {"名称": "name", "标准名称": "name", "版本": "version", "生效日期": "effective_date", "依据文件": "source_doc"}
_META_ALIASES = {"文号": "source_doc", "文件": "source_doc", "版本号": "version"}
NOTES_SHEET = "说明"
MISSING_NAME = "表中没有补偿标准的名称：请在表头上方加标题行或「名称 | …」一行（或「说明」工作表），或导入时填写名称"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CellIssue:
    sheet: str
    row: int  # 1-based, as Excel shows it
    column: str  # letter, "" when the whole row or sheet is meant
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行 {self.column} 列" if self.column else f"第 {self.row} 行"
        return f"工作表「{self.sheet}」{where}：{self.message}"


class RateWorkbookError(ValidationError):
    """The workbook was refused; ``issues`` names every bad cell."""

    def __init__(self, issues: list[CellIssue]) -> None:
        shown = "\n".join(str(i) for i in issues)  # every one: the dialog scrolls, the report lists them too
        super().__init__(f"补偿标准表有 {len(issues)} 处问题，未导入：\n{shown}", field=SHEET)
        self.issues = issues


@dataclass(frozen=True)
class WorkbookTable:
    """What a workbook holds: the table, and whether it stated its own version number."""

    table: RateTable
    version_given: bool


# --- reading -----------------------------------------------------------------------------


def _norm_header(value: CellValue) -> str:
    text = _SPACE.sub("", str(value)) if value is not None else ""
    return text.replace("（", "(").replace("）", ")")


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return restore(str(value).replace("\u3000", " ").strip())


def _money_fen(value: CellValue, label: str) -> int:
    """A price cell to 分; more than two decimals is refused rather than rounded."""
    if isinstance(value, bool):
        raise RateError(f"{label}不是金额")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RateError(f"{label}不是金额")
        amount: Decimal | None = Decimal(str(round(value, 6)))
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        raw = _text(value)
        cleaned = raw.removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
        amount = parse_decimal_text(cleaned)
        if amount is None:
            raise RateError(f"{label}「{raw}」不是金额")
    assert amount is not None
    if amount < 0:
        raise RateError(f"{label}不能为负数")
    fen = amount.scaleb(2)
    if fen != fen.to_integral_value():
        raise RateError(f"{label}「{amount}」最多两位小数（精确到分）")
    return int(fen)


def _find_header(grid: SheetGrid) -> tuple[int, dict[str, int]] | None:
    return header_row(grid, _HEADER_ALIASES, ("code", "item"), _norm_header, 30)


@dataclass(frozen=True)
class _MetaCell:
    value: CellValue
    row: int  # 1-based
    column: str


def _metadata(grid: SheetGrid, header_row: int) -> dict[str, _MetaCell]:
    """``名称 | 城东…`` pairs (or ``名称：城东…`` in one cell) above the header."""
    meta: dict[str, _MetaCell] = {}
    for r in range(header_row):
        cells = [grid.value(r, c) for c in range(grid.n_cols)]
        for c, cell in enumerate(cells):
            label = _SPACE.sub("", _text(cell))
            key_text, sep, inline = label.partition("：") if "：" in label else label.partition(":")
            key = _META.get(key_text) or _META_ALIASES.get(key_text)
            if key is None or key in meta:
                continue
            if sep and inline:
                meta[key] = _MetaCell(inline, r + 1, column_letter(c))
                continue
            at = next((i for i in range(c + 1, len(cells)) if _text(cells[i])), None)
            if at is not None:
                meta[key] = _MetaCell(cells[at], r + 1, column_letter(at))
    return meta


def _title(grid: SheetGrid, header_row: int) -> _MetaCell | None:
    """A title row above the header: one text cell (usually merged across) that is not a ``名称：…`` pair."""
    for r in range(header_row):
        texts = [(c, _text(grid.value(r, c))) for c in range(grid.n_cols)]
        filled = [(c, t) for c, t in texts if t]
        if not filled or len({t for _, t in filled}) != 1:
            continue  # a title is one text (a merged cell reads as that text in each of its columns)
        c, text = filled[0]
        key = _SPACE.sub("", text).partition("：")[0].partition(":")[0]
        if key in _META or key in _META_ALIASES or text.startswith(("说明", "注")):
            continue
        return _MetaCell(text.removesuffix("表").strip() if text.endswith("标准表") else text, r + 1, column_letter(c))
    return None


class _RowReader(KeyedRows):
    def __init__(self, grid: SheetGrid, columns: dict[str, int], issues: list[CellIssue]) -> None:
        super().__init__(grid, columns)
        self.issues = issues

    def issue(self, r: int, key: str | None, message: str) -> None:
        self.issues.append(CellIssue(self.grid.name, r + 1, self.letter(key), message))

    def rule(self, r: int) -> Rule | None:
        before = len(self.issues)
        parsed: dict[str, object] = {}
        for key in ("code", "item", "basis", "unit", "payee", "conditions"):
            parsed[key] = _text(self.cell(r, key))
        for key in _REQUIRED:
            if key != "price" and not parsed[key]:
                self.issue(r, key, f"{HEADERS[_KEYS.index(key)]}不能为空")
        try:
            parsed["basis"] = normalise_basis(str(parsed["basis"])) if parsed["basis"] else ""
        except RateError as exc:
            self.issue(r, "basis", str(exc))
        try:
            parsed["payee"] = normalise_payee(str(parsed["payee"]))
        except RateError as exc:
            self.issue(r, "payee", str(exc))
        try:
            parse_conditions(str(parsed["conditions"]))
        except RateError as exc:
            self.issue(r, "conditions", str(exc))
        amounts: dict[str, int | None] = {}
        for key, label in (("price", "单价"), ("minimum", "最低金额"), ("maximum", "最高金额")):
            value = self.cell(r, key)
            if value is None or _text(value) == "":
                if key == "price":
                    self.issue(r, key, "单价不能为空")
                amounts[key] = None
                continue
            try:
                amounts[key] = _money_fen(value, label)
            except RateError as exc:
                self.issue(r, key, str(exc))
        if len(self.issues) > before:
            return None
        price = amounts["price"]
        assert price is not None
        try:
            return Rule.from_text(
                code=str(parsed["code"]),
                item=str(parsed["item"]),
                basis=str(parsed["basis"]),
                conditions=str(parsed["conditions"]),
                unit_price_fen=price,
                unit=str(parsed["unit"]),
                minimum_fen=amounts.get("minimum"),
                maximum_fen=amounts.get("maximum"),
                payee=str(parsed["payee"]),
            )
        except RateError as exc:
            self.issue(r, _blame(str(exc)), str(exc))
            return None


def _blame(message: str) -> str:
    """The column a rule-level refusal is about, from what its message names."""
    for word, key in (("单位", "unit"), ("最低", "minimum"), ("最高", "maximum"), ("条件", "conditions")):
        if word in message:
            return key
    if "编码" in message:
        return "code"
    if "项目" in message:
        return "item"
    return "basis"


def _is_note(grid: SheetGrid, r: int, columns: dict[str, int]) -> bool:
    """A trailing ``说明：…`` or ``注：…`` line under the rules."""
    first = _text(grid.value(r, min(columns.values())))
    others = [c for c in columns.values() if c != min(columns.values()) and _text(grid.value(r, c))]
    return first.startswith(("说明", "注")) and not others


def _table_meta(
    meta: dict[str, _MetaCell], sheet: str, name: str | None, path: Path, issues: list[CellIssue]
) -> RateTable:
    version = 1
    cell = meta.get("version")
    if cell is not None:
        text = _text(cell.value).lstrip("第").rstrip("版").lstrip("vV")
        if not text.isdigit() or int(text) < 1:
            issues.append(CellIssue(sheet, cell.row, cell.column, f"版本「{_text(cell.value)}」应为正整数"))
        else:
            version = int(text)
    effective: date | None = None
    cell = meta.get("effective_date")
    if cell is not None:
        if isinstance(cell.value, datetime):
            effective = cell.value.date()
        elif isinstance(cell.value, date):
            effective = cell.value
        else:
            try:
                effective = parse_date_text(_text(cell.value))
            except RateError as exc:
                issues.append(CellIssue(sheet, cell.row, cell.column, f"生效日期：{exc}"))
    named = meta.get("name")
    source = meta.get("source_doc")
    title = (name or (_text(named.value) if named else "")).strip()
    if not title:
        # never the file name: it would be printed on notices as the standard they follow
        issues.append(CellIssue(sheet, 1, "", MISSING_NAME))
        title = "?"
    return RateTable(
        name=title,
        version=version,
        effective_date=effective,
        source_doc=_text(source.value) if source else "",
    )


def read_rate_workbook(path: Path | str, name: str | None = None) -> WorkbookTable:
    """The draft table a workbook describes, or RateWorkbookError naming every bad cell."""
    path = Path(path)
    with open_workbook(path) as book:
        sheet = next((s for s in book.sheet_names if s.strip() == SHEET), None)
        if sheet is None:
            raise ValidationError(
                f"工作簿「{path.name}」中没有名为「{SHEET}」的工作表（现有：{'、'.join(book.sheet_names)}）",
                field=SHEET,
            )
        grid = book.load(sheet)
        notes_name = next((s for s in book.sheet_names if s.strip() == NOTES_SHEET), None)
        notes = book.load(notes_name) if notes_name is not None else None
    found = _find_header(grid)
    if found is None:
        raise RateWorkbookError([CellIssue(grid.name, 1, "", "找不到表头行（应含 编码、项目、依据、单价(元) 等列）")])
    header_row, columns = found
    issues: list[CellIssue] = []
    for key in _REQUIRED:
        if key not in columns:
            issues.append(CellIssue(grid.name, header_row + 1, "", f"表头缺少「{HEADERS[_KEYS.index(key)]}」列"))
    if issues:
        raise RateWorkbookError(issues)
    reader = _RowReader(grid, columns, issues)
    rules: list[Rule] = []
    first_row: dict[str, int] = {}
    same_terms: dict[tuple[object, ...], tuple[int, str]] = {}  # item, basis, payee, conditions → row, code
    for r in range(header_row + 1, grid.n_rows):
        if all(_text(grid.value(r, c)) == "" for c in columns.values()) or _is_note(grid, r, columns):
            continue
        if not reader.formula_free(r):
            continue
        rule = reader.rule(r)
        if rule is None:
            continue
        if rule.code in first_row:
            reader.issue(r, "code", f"编码「{rule.code}」与第 {first_row[rule.code]} 行重复")
            continue
        first_row[rule.code] = r + 1
        terms = (rule.item, rule.basis, rule.payee, frozenset(rule.by_field.items()))
        if terms in same_terms:  # both would be paid to the same household: twice the 土地补偿费
            row, code = same_terms[terms]
            reader.issue(
                r,
                "conditions",
                f"规则「{rule.code}」与第 {row} 行「{code}」的项目、依据、支付对象和条件都相同，同一户会被计算两次；"
                "请改正条件（如 地类=水田 与 地类=旱地），或删去一行",
            )
            continue
        same_terms[terms] = (r + 1, rule.code)
        rules.append(rule)
    meta = _metadata(grid, header_row)
    if notes is not None:
        for key, cell in _metadata(notes, notes.n_rows).items():
            meta.setdefault(key, cell)
    if "name" not in meta:
        title = _title(grid, header_row)
        if title is not None:
            meta["name"] = title
    table = _table_meta(meta, grid.name, name, path, issues)
    if not rules and not issues:
        issues.append(CellIssue(grid.name, header_row + 2, "", "表头下没有任何规则"))
    if issues:
        raise RateWorkbookError(issues)
    return WorkbookTable(
        RateTable(table.name, table.version, table.effective_date, table.source_doc, rules=tuple(rules)),
        version_given="version" in meta,
    )


# --- writing -----------------------------------------------------------------------------

_MONEY_FORMAT = "#,##0.00"
_WIDTHS = (10, 14, 14, 34, 14, 8, 10, 12, 12)


def _explanation(book: Workbook) -> None:
    from openpyxl.styles import Font

    ws = book.create_sheet("说明")
    lines = [
        ("依据", "、".join(BASES)),
        ("条件字段", "、".join(CONDITION_FIELDS)),
        ("条件写法", "字段=值;字段=值，多个取值用「、」分隔，如 地类=水田、旱地;标签=低保户"),
        ("签约截止", "签约截止=2026-06-30：在该日（含）之前签约的户才享受"),
        ("合法性", "不写合法性条件时只补偿合法房屋；违法建筑须写明 合法性=违法 才有对应项目"),
        ("支付对象", "、".join(PAYEES)),
        (
            "社保年龄段",
            "按本项目已发布的社保标准逐人计算：失地户每名成员按基准日周岁所在年龄段的金额相加；单价填 1.00，单位 元，支付对象 社保",
        ),
        ("最低/最高", "按户计算后不足最低的按最低计，超过最高的按最高计；可留空"),
    ]
    for r, (key, text) in enumerate(lines, start=1):
        put_text(ws.cell(row=r, column=1), key)
        put_text(ws.cell(row=r, column=2), text)
        ws.cell(row=r, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 90


def write_rate_workbook(table: RateTable, path: Path | str) -> None:
    """The table as a workbook the clerk can edit and import again."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = SHEET
    meta: list[tuple[str, object]] = [
        ("名称", table.name),
        ("版本", table.version),
        ("生效日期", table.effective_date),
        ("依据文件", table.source_doc),
        ("状态", table.status),
    ]
    for r, (label, value) in enumerate(meta, start=1):
        put_text(ws.cell(row=r, column=1), label)
        ws.cell(row=r, column=1).font = bold
        target = ws.cell(row=r, column=2)
        if isinstance(value, str):
            put_text(target, value)
        elif isinstance(value, date):
            target.value = value
            target.number_format = "yyyy-mm-dd"
            target.alignment = Alignment(horizontal="left")
        elif value is not None:
            target.value = value
            target.alignment = Alignment(horizontal="left")
    header_row = len(meta) + 2
    for c, title in enumerate(HEADERS, start=1):
        cell = ws.cell(row=header_row, column=c)
        put_text(cell, title)
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = _WIDTHS[c - 1]
    for r, rule in enumerate(table.rules, start=header_row + 1):
        for c, text in enumerate((rule.code, rule.item, rule.basis, rule.conditions_text), start=1):
            put_text(ws.cell(row=r, column=c), text)
        for c, fen in ((5, rule.unit_price_fen), (8, rule.minimum_fen), (9, rule.maximum_fen)):
            if fen is not None:
                cell = ws.cell(row=r, column=c, value=to_yuan(fen))
                cell.number_format = _MONEY_FORMAT
        put_text(ws.cell(row=r, column=6), rule.unit)
        put_text(ws.cell(row=r, column=7), rule.payee)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _explanation(book)
    book.save(Path(path))
