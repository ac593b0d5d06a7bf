"""Placement-housing workbooks: the developer's stock list (房源), the placement standard (安置标准),
the selection results typed from the day's paper record (选房结果), and the stock list written back.

Every reader lists each bad cell with its sheet, row and column letter and returns nothing
until all are right (all-or-nothing), like the other imports.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from resettle.domain.money import parse_decimal_text
from resettle.domain.placement import MODES, PlacementStandard, StandardError
from resettle.errors import ResettleError, ValidationError
from resettle.io.cell_text import put_text, restore
from resettle.io.grid import SheetGrid, open_workbook
from resettle.io.keyed_sheet import KeyedRows, header_row
from resettle.io.values import CellProblem, compact, display, is_blank, parse_quantity_cell

__all__ = [
    "CHOICE_SHEET",
    "STANDARD_SHEET",
    "STOCK_SHEET",
    "ChoiceRow",
    "FlatPlace",
    "HousingCellIssue",
    "HousingSheetError",
    "StockRow",
    "read_choices",
    "read_standard",
    "read_stock",
    "write_stock",
]

STOCK_SHEET = "房源"
STANDARD_SHEET = "安置标准"
CHOICE_SHEET = "选房结果"
STOCK_HEADERS = ("小区", "楼号", "单元", "层", "房号", "户型", "建筑面积(㎡)", "状态")
_MAX_SHOWN = 12


@dataclass(frozen=True)
class HousingCellIssue:
    sheet: str
    row: int  # 1-based as Excel shows it
    column: str  # letter; "" when the whole row is meant
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行 {self.column} 列" if self.column else f"第 {self.row} 行"
        return f"工作表「{self.sheet}」{where}：{self.message}"


class HousingSheetError(ValidationError):
    """The workbook was refused; ``issues`` names every bad cell. Nothing was saved."""

    def __init__(self, what: str, issues: Sequence[HousingCellIssue]) -> None:
        shown = "\n".join(str(i) for i in issues[:_MAX_SHOWN])
        more = f"\n……另有 {len(issues) - _MAX_SHOWN} 处问题" if len(issues) > _MAX_SHOWN else ""
        super().__init__(f"{what}有 {len(issues)} 处问题，未导入：\n{shown}{more}", field=what)
        self.issues = list(issues)


def _norm(value: object) -> str:
    return compact(display(value)).replace("（", "(").replace("）", ")").replace("m2", "㎡").replace("m²", "㎡")


def _text(value: object) -> str:
    return restore(display(value).replace("\u3000", " ").strip()) if not is_blank(value) else ""


def _sheet(path: Path, name: str) -> SheetGrid:
    with open_workbook(path) as book:
        sheet = next((s for s in book.sheet_names if s.strip() == name), None)
        if sheet is None:
            raise ValidationError(
                f"工作簿「{path.name}」中没有名为「{name}」的工作表（现有：{'、'.join(book.sheet_names)}）", field=name
            )
        return book.load(sheet)


def _header(
    grid: SheetGrid, names: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[int, dict[str, int]]:
    found = header_row(grid, names, required, _norm, 20)
    if found is not None:
        return found
    wanted = "、".join(names[k][0] for k in required)
    raise HousingSheetError(
        f"「{grid.name}」表", [HousingCellIssue(grid.name, 1, "", f"找不到表头行（应含 {wanted}）")]
    )


class _Rows(KeyedRows):
    def __init__(self, grid: SheetGrid, columns: dict[str, int]) -> None:
        super().__init__(grid, columns)
        self.issues: list[HousingCellIssue] = []

    def issue(self, r: int, key: str | None, message: str) -> None:
        self.issues.append(HousingCellIssue(self.grid.name, r + 1, self.letter(key), message))

    def blank(self, r: int) -> bool:
        return all(is_blank(self.grid.value(r, c)) for c in self.columns.values())

    def required_text(self, r: int, key: str, label: str) -> str:
        text = _text(self.cell(r, key))
        if not text:
            self.issue(r, key, f"{label}不能为空")
        return text


# -- 房源 ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlatPlace:
    """Where a flat is and what it is (a row of the 房源 sheet; a stored flat's view adds its state)."""

    building: str
    unit: str
    floor: int
    room: str
    layout: str
    area_m2: Decimal

    @property
    def name(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


@dataclass(frozen=True)
class StockRow(FlatPlace):
    row: int  # 1-based
    estate: str
    status: str  # 可选 or 冻结


_STOCK_NAMES = {
    "estate": ("小区", "安置小区", "小区名称"),
    "building": ("楼号", "幢号", "楼栋"),
    "unit": ("单元",),
    "floor": ("层", "楼层"),
    "room": ("房号", "室号"),
    "layout": ("户型",),
    "area": ("建筑面积(㎡)", "建筑面积", "面积(㎡)", "面积"),
    "status": ("状态", "房源状态"),
}


def _floor(value: object) -> int:
    if isinstance(value, bool):
        raise CellProblem("楼层应为整数")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = _text(value).removesuffix("层").removeprefix("第")
        if not text.lstrip("-").isdigit():
            raise CellProblem(f"楼层「{display(value)}」应为整数")
        number = int(text)
    if number == 0 or abs(number) > 200:
        raise CellProblem(f"楼层「{display(value)}」不合理")
    return number


def read_stock(path: Path | str) -> list[StockRow]:
    """The flats of the stock list, or HousingSheetError naming every bad cell."""
    grid = _sheet(Path(path), STOCK_SHEET)
    header, columns = _header(grid, _STOCK_NAMES, ("estate", "building", "unit", "floor", "room", "area"))
    rows = _Rows(grid, columns)
    out: list[StockRow] = []
    seen: dict[tuple[str, str], int] = {}
    for r in range(header + 1, grid.n_rows):
        if rows.blank(r) or not rows.formula_free(r):
            continue
        before = len(rows.issues)
        estate = rows.required_text(r, "estate", "小区")
        building = rows.required_text(r, "building", "楼号")
        unit = rows.required_text(r, "unit", "单元")
        room = rows.required_text(r, "room", "房号")
        floor = 0
        try:
            floor = _floor(rows.cell(r, "floor"))
        except CellProblem as exc:
            rows.issue(r, "floor", str(exc))
        area: Decimal | None = None
        try:
            area = parse_quantity_cell(rows.cell(r, "area"), ("㎡", "平方米", "平米"))
            if area is None:
                rows.issue(r, "area", "建筑面积不能为空")
            elif area <= 0:
                rows.issue(r, "area", "建筑面积必须大于 0")
        except CellProblem as exc:
            rows.issue(r, "area", str(exc))
        status = _text(rows.cell(r, "status")) or "可选"
        if status not in ("可选", "冻结"):
            rows.issue(r, "status", f"状态「{status}」只能是 可选 或 冻结")
        if len(rows.issues) > before or area is None:
            continue
        key = (estate, f"{building}-{unit}-{room}")
        if key in seen:
            rows.issue(r, "room", f"房号 {key[1]} 与第 {seen[key]} 行重复")
            continue
        seen[key] = r + 1
        layout = _text(rows.cell(r, "layout"))
        out.append(StockRow(building, unit, floor, room, layout, area, row=r + 1, estate=estate, status=status))
    if not out and not rows.issues:
        rows.issue(header + 1, None, "表头下没有任何房源")
    if rows.issues:
        raise HousingSheetError("房源表", rows.issues)
    return out


def write_stock(rows: Sequence[StockRow], path: Path | str) -> None:
    """The stock list in the import's own layout (so it can be edited and imported again).

    Written to a temp file beside ``path`` and renamed, so a failure leaves no half file."""
    from openpyxl import Workbook  # here, not at start-up
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = STOCK_SHEET
    for c, name in enumerate(STOCK_HEADERS, start=1):
        cell = ws.cell(row=1, column=c)
        put_text(cell, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for r, row in enumerate(rows, start=2):
        for c, value in ((1, row.estate), (2, row.building), (3, row.unit), (5, row.room), (6, row.layout)):
            put_text(ws.cell(row=r, column=c), value)
        ws.cell(row=r, column=4, value=row.floor)
        area = ws.cell(row=r, column=7, value=row.area_m2)
        area.number_format = "0.00"
        put_text(ws.cell(row=r, column=8), row.status)
    for letter, width in zip("ABCDEFGH", (16, 8, 8, 6, 8, 12, 14, 8), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise ResettleError(f"无法写入文件「{out.name}」：{exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


# -- 安置标准 ------------------------------------------------------------------------------------

_STANDARD_ITEMS = {
    "人均安置面积(㎡)": "area_per_person",
    "每户最低安置面积(㎡)": "minimum_area",
    "安置价(元/㎡)": "price_within",
    "超出面积分档(㎡)": "band_widths",
    "超出面积单价(元/㎡)": "band_prices",
    "不足面积退还单价(元/㎡)": "refund_price",
    "过渡费(元/人·月)": "transition_rate",
    "逾期过渡费倍数": "overdue_multiplier",
    "装修期(月)": "fitout_months",
}
_OPTIONAL = ("minimum_area", "band_widths", "transition_rate", "overdue_multiplier", "fitout_months")


def _number(value: object, label: str) -> Decimal:
    if isinstance(value, bool):
        raise CellProblem(f"{label}不是数值")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return _plain(Decimal(str(round(value, 6))))
    text = _text(value).removesuffix("元").removesuffix("㎡").removesuffix("倍").removesuffix("个月").removesuffix("月")
    parsed = parse_decimal_text(text)
    if parsed is None:
        raise CellProblem(f"{label}「{display(value)}」不是数值")
    return _plain(parsed)


def _plain(number: Decimal) -> Decimal:
    """``8.0`` -> ``8``, ``1.50`` -> ``1.5``: the value as a clerk reads it (never an exponent)."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return Decimal(f"{number.normalize():f}")


def _numbers(value: object, label: str) -> tuple[Decimal, ...]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (_number(value, label),)
    parts = [p for p in _text(value).replace("；", ";").replace("，", ";").replace(",", ";").split(";") if p.strip()]
    return tuple(_number(p.strip(), label) for p in parts)


def read_standard(path: Path | str) -> PlacementStandard:
    """The placement standard of sheet 安置标准 (``项目 | 数值``)."""
    grid = _sheet(Path(path), STANDARD_SHEET)
    header, columns = _header(grid, {"item": ("项目",), "value": ("数值", "标准", "值")}, ("item", "value"))
    rows = _Rows(grid, columns)
    raw: dict[str, tuple[int, object]] = {}
    for r in range(header + 1, grid.n_rows):
        if rows.blank(r) or not rows.formula_free(r):
            continue
        label = _norm(rows.cell(r, "item"))
        key = _STANDARD_ITEMS.get(label)
        if key is None:
            rows.issue(
                r, "item", f"不认识的项目「{_text(rows.cell(r, 'item'))}」（可用：{'、'.join(_STANDARD_ITEMS)}）"
            )
            continue
        if key in raw:
            rows.issue(r, "item", f"项目「{label}」与第 {raw[key][0] + 1} 行重复")
            continue
        raw[key] = (r, rows.cell(r, "value"))
    values: dict[str, object] = {}
    for label, key in _STANDARD_ITEMS.items():
        if key not in raw or is_blank(raw[key][1]):
            if key not in _OPTIONAL:
                at = raw[key][0] if key in raw else header + 1
                rows.issue(at, "value" if key in raw else None, f"缺少「{label}」")
            continue
        r, value = raw[key]
        try:
            if key in ("band_widths", "band_prices"):
                values[key] = _numbers(value, label)
            elif key == "fitout_months":
                months = _number(value, label)
                if months != months.to_integral_value() or months < 0:
                    raise CellProblem(f"{label}应为非负整数")
                values[key] = int(months)
            else:
                number = _number(value, label)
                if number < 0:
                    raise CellProblem(f"{label}不能为负数")
                values[key] = number
        except CellProblem as exc:
            rows.issue(r, "value", str(exc))
    if rows.issues:
        raise HousingSheetError("安置标准表", rows.issues)
    try:
        return PlacementStandard(
            area_per_person=_as(values["area_per_person"]),
            minimum_area=_as(values["minimum_area"]) if "minimum_area" in values else None,
            price_within=_as(values["price_within"]),
            band_widths=_tuple(values.get("band_widths", ())),
            band_prices=_tuple(values["band_prices"]),
            refund_price=_as(values["refund_price"]),
            transition_rate=_as(values.get("transition_rate", Decimal(0))),
            overdue_multiplier=_as(values.get("overdue_multiplier", Decimal(1))),
            fitout_months=int(str(values.get("fitout_months", 0))),
        )
    except StandardError as exc:
        at = raw.get("band_prices", (header + 1, None))[0]
        raise HousingSheetError(
            "安置标准表", [HousingCellIssue(grid.name, at + 1, rows.letter("value"), str(exc))]
        ) from exc


def _as(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _tuple(value: object) -> tuple[Decimal, ...]:
    assert isinstance(value, tuple)
    return tuple(_as(v) for v in value)


# -- 选房结果 ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceRow:
    row: int  # 1-based
    household_no: str
    mode: str
    flats: tuple[str, ...]  # flat names as typed (楼号-单元-房号), 0–2
    columns: dict[str, str]  # key -> column letter, for messages


def read_choices(path: Path | str) -> tuple[str, list[ChoiceRow], list[HousingCellIssue]]:
    """The rows of sheet 选房结果 (``户号 | 安置方式 | 房号 | 房号2``) and the problems found in the sheet alone.

    The register checks (unknown household or flat, frozen or chosen flat …) are the service's."""
    grid = _sheet(Path(path), CHOICE_SHEET)
    names = {
        "household_no": ("户号",),
        "mode": ("安置方式",),
        "flat1": ("房号", "房号1", "安置房号"),
        "flat2": ("房号2", "第二套房号"),
    }
    header, columns = _header(grid, names, ("household_no", "mode"))
    rows = _Rows(grid, columns)
    letters = {k: rows.letter(k) for k in names}
    out: list[ChoiceRow] = []
    for r in range(header + 1, grid.n_rows):
        if rows.blank(r) or not rows.formula_free(r):
            continue
        before = len(rows.issues)
        number = compact(_text(rows.cell(r, "household_no")))
        if not number:
            rows.issue(r, "household_no", "户号不能为空")
        mode = compact(_text(rows.cell(r, "mode")))
        if mode in ("货币", "货币补偿", "cash"):
            mode = "货币安置"
        if mode in ("产权", "安置房", "选房"):
            mode = "产权调换"
        if mode not in MODES:
            rows.issue(r, "mode", f"安置方式「{mode}」应为 {'、'.join(MODES)} 之一")
        flats = tuple(f for f in (compact(_text(rows.cell(r, "flat1"))), compact(_text(rows.cell(r, "flat2")))) if f)
        if len(rows.issues) > before:
            continue
        out.append(ChoiceRow(r + 1, number, mode, flats, letters))
    return grid.name, out, rows.issues
