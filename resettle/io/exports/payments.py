"""The bank list (兑付清册) for the bank's batch transfer: one row per household.

Payee (the head), full ID, bank, full account (as text) and the amount; a 合计 row and the
signature line. Plain values only (no formulas): the bank's batch import wants values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from resettle.domain.posting import ChainStamp
from resettle.io.exports.common import Cancelled, ExportInfo, Progress, RosterHousehold, Ticker, stamp_text
from resettle.io.xlsx_style import Column, Styles, atomic_workbook, banner, merge, new_sheet, print_setup, safe_text

__all__ = ["PaymentRow", "write_payments"]


@dataclass(frozen=True)
class PaymentRow:
    household: RosterHousehold
    amount: Decimal  # payable to the household's account
    note: str = ""


_PAYMENT_COLUMNS = (
    Column("seq", "序号", 6),
    Column("household_no", "户号", 11),
    Column("village", "村", 9),
    Column("group", "组", 7),
    Column("payee", "收款人", 9),
    Column("id", "身份证号码", 20),
    Column("bank_name", "开户银行", 16),
    Column("account", "银行账号", 23),
    Column("amount", "金额(元)", 14),
    Column("note", "备注", 26),
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
    ticker = Ticker(total, progress, cancelled)
    stamp = stamp_text(exported_at)
    columns = list(_PAYMENT_COLUMNS)
    width = len(columns)
    with atomic_workbook(path) as book:
        f = Styles(book)
        ws = new_sheet(book, "兑付清册")
        info.sheets.append("兑付清册")
        banner(ws, 0, width, f"{project}征收补偿款兑付清册", f.title, 30)
        banner(ws, 1, width, f"金额单位：元　　共 {total:,} 户　　制表时间：{stamp}", f.note)
        ws.set_row(2, 24)
        for c, column in enumerate(columns):
            ws.write_string(2, c, column.header, f.header)
            ws.set_column(c, c, column.width)
        print_setup(ws, 2, 2, 5)
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
            if row.note:
                string(r, 9, safe_text(row.note), f.text_wrap)
            else:
                blank(r, 9, None, f.text_wrap)
            amount_sum += row.amount
            info.households += 1
            info.persons += h.person_count
            r += 1
            ticker.tick()
        ws.write_string(r, 0, "合计", f.total_label)
        for c in range(1, width):
            ws.write_blank(r, c, None, f.total_label)
        merge(ws, r, 0, r, 3)
        ws.write_string(r, 4, f"{info.households:,} 户", f.total_label)
        ws.write_number(r, 8, amount_sum, f.total_money)
        lines = ["制表：　　　　　　　　复核：　　　　　　　　审批：　　　　　　　　财务："]
        if chain_head is not None:
            lines.append(chain_head.text)
        for offset, line in enumerate(lines, start=2):
            banner(ws, r + offset, width, line, f.line)
        info.rows = r + len(lines) + 2
        info.total = amount_sum
    ticker.finish()
    return info
