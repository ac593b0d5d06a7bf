"""The compensation workbook: a per-household summary sheet and a per-line detail sheet.

Streamed with xlsxwriter (constant memory, :func:`resettle.io.xlsx_style.atomic_workbook`: written
beside the target and renamed at the end, so a cancel or an error leaves no half file), so a whole
project of 100,000 households exports without holding the sheet in memory. Amounts are written as numbers (from
Decimal, never through float arithmetic here); every user text is written as a text
cell with its content unchanged, never a formula (:mod:`resettle.io.cell_text`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.domain.compensation_records import DetailLine, HouseholdTotalsRow
from resettle.io.cell_text import xlsx_text
from resettle.io.xlsx_style import HEADER_FILL, MONEY_FORMAT, TEXT_FORMAT, atomic_workbook, print_setup

__all__ = ["DETAIL_SHEET", "SUMMARY_SHEET", "write_compensation_workbook"]

SUMMARY_SHEET = "补偿汇总"
DETAIL_SHEET = "补偿明细"
MAX_ROWS = 1_048_576
_DETAIL_HEADERS = (
    "户号",
    "户主",
    "村",
    "组",
    "编码",
    "项目",
    "数量",
    "单位",
    "单价(元)",
    "金额(元)",
    "支付对象",
    "标准版本",
    "计算式 / 说明",
)
_DETAIL_WIDTHS = (12, 10, 10, 8, 8, 12, 12, 8, 12, 14, 8, 8, 60)


class _Formats:
    def __init__(self, book: Any) -> None:
        self.title = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        self.note = book.add_format({"font_color": "#555555"})
        self.header = book.add_format(
            {
                "bold": True,
                "bg_color": HEADER_FILL,
                "border": 1,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
            }
        )
        self.text = book.add_format({"num_format": TEXT_FORMAT})
        self.money = book.add_format({"num_format": MONEY_FORMAT})
        self.quantity = book.add_format({"num_format": "#,##0.00##"})
        self.total_label = book.add_format({"bold": True, "num_format": TEXT_FORMAT})
        self.total_money = book.add_format({"bold": True, "num_format": MONEY_FORMAT, "top": 1})


def _text(ws: Any, row: int, col: int, value: str, fmt: Any) -> None:
    ws.write_string(row, col, xlsx_text(value), fmt)


def _heading(ws: Any, f: _Formats, title: str, note: str, headers: Sequence[str], widths: Sequence[int]) -> int:
    """Title row, note row, bold header row; the header stays frozen and is printed on every page
    (A4 landscape, fit to the width, page numbers). Returns the first data row."""
    ws.set_row(0, 28)
    if len(headers) > 1:
        ws.merge_range(0, 0, 0, len(headers) - 1, xlsx_text(title), f.title)
    else:
        _text(ws, 0, 0, title, f.title)
    _text(ws, 1, 0, note, f.note)
    for c, (name, width) in enumerate(zip(headers, widths, strict=True)):
        _text(ws, 2, c, name, f.header)
        ws.set_column(c, c, width)
    print_setup(ws, 2, 2, 2)
    return 3


def _summary(
    book: Any, f: _Formats, title: str, note: str, items: Sequence[str], rows: Sequence[HouseholdTotalsRow]
) -> None:
    ws = book.add_worksheet(SUMMARY_SHEET)
    headers = ["户号", "户主", "村", "组", *items, "合计(元)", "状态"]
    widths = [12, 10, 10, 8, *(max(12, 2 * len(i) + 4) for i in items), 16, 8]
    r = _heading(ws, f, f"{title}补偿汇总表", note, headers, widths)
    sums: dict[str, Decimal] = dict.fromkeys(items, Decimal("0.00"))
    grand = Decimal("0.00")
    for row in rows:
        for c, value in enumerate((row.household_no, row.head_name, row.village, row.group)):
            _text(ws, r, c, value, f.text)
        for c, item in enumerate(items, start=4):
            amount = row.by_item.get(item)
            if amount is not None:
                ws.write_number(r, c, amount, f.money)
                sums[item] += amount
        ws.write_number(r, 4 + len(items), row.total, f.money)
        _text(ws, r, 5 + len(items), row.status, f.text)
        grand += row.total
        r += 1
    ws.write_string(r, 0, f"合计（{len(rows)} 户）", f.total_label)
    for c, item in enumerate(items, start=4):
        ws.write_number(r, c, sums[item], f.total_money)
    ws.write_number(r, 4 + len(items), grand, f.total_money)
    ws.autofilter(2, 0, max(r - 1, 2), len(headers) - 1)


def _detail(book: Any, f: _Formats, title: str, note: str, lines: Iterable[DetailLine]) -> int:
    """Write the detail sheet(s); returns how many lines were written."""
    count = 0
    part = 1
    ws = book.add_worksheet(DETAIL_SHEET)
    r = _heading(ws, f, f"{title}补偿明细表", note, _DETAIL_HEADERS, _DETAIL_WIDTHS)
    for line in lines:
        if r >= MAX_ROWS:
            part += 1
            ws = book.add_worksheet(f"{DETAIL_SHEET}{part}")
            r = _heading(ws, f, f"{title}补偿明细表（续{part - 1}）", note, _DETAIL_HEADERS, _DETAIL_WIDTHS)
        texts = (line.household_no, line.head_name, line.village, line.group, line.rule_code, line.item)
        for c, value in enumerate(texts):
            _text(ws, r, c, value, f.text)
        if line.quantity is not None:
            ws.write_number(r, 6, line.quantity, f.quantity)
        _text(ws, r, 7, line.unit, f.text)
        if line.unit_price is not None:
            ws.write_number(r, 8, line.unit_price, f.money)
        ws.write_number(r, 9, line.amount, f.money)
        _text(ws, r, 10, line.payee, f.text)
        if line.table_version is not None:
            ws.write_string(r, 11, f"第{line.table_version}版", f.text)
        _text(ws, r, 12, line.formula, f.text)
        r += 1
        count += 1
    return count


def write_compensation_workbook(
    path: Path | str,
    *,
    title: str,
    table_label: str,
    items: Sequence[str],
    rows: Sequence[HouseholdTotalsRow],
    lines: Iterable[DetailLine],
    exported_at: datetime | None = None,
) -> int:
    """Write the workbook; ``lines`` may be a stream (written as it comes). Returns the detail line count.

    An error or a cancel raised by ``lines`` leaves the old file (if any) and no half file.

    ``title`` is the project (and village) name the sheets are headed with."""
    stamp = (exported_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    note = f"补偿标准：{table_label or '（未选定）'}　金额单位：元　导出时间：{stamp}"
    with atomic_workbook(path) as book:
        f = _Formats(book)
        _summary(book, f, title, note, items, rows)
        count = _detail(book, f, title, note, lines)
    return count
