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
        center, text, wrap, f_int, money = f.text_center, f.text, f.text_wrap, f.int, f.money
        households = persons = 0
        for row in rows:
            h = row.household
            households += 1
            number(r, 0, households, f_int)
            no, village, group, payee = h.household_no, h.village, h.group, h.head_name
            head_id, bank, account, note = h.head_id, h.bank_name, h.bank_account, row.note
            string(r, 1, safe_text(no), center) if no else blank(r, 1, None, center)
            string(r, 2, safe_text(village), center) if village else blank(r, 2, None, center)
            string(r, 3, safe_text(group), center) if group else blank(r, 3, None, center)
            string(r, 4, safe_text(payee), center) if payee else blank(r, 4, None, center)
            string(r, 5, safe_text(head_id), text) if head_id else blank(r, 5, None, text)
            string(r, 6, safe_text(bank), text) if bank else blank(r, 6, None, text)
            string(r, 7, safe_text(account), text) if account else blank(r, 7, None, text)
            number(r, 8, row.amount, money)
            string(r, 9, safe_text(note), wrap) if note else blank(r, 9, None, wrap)
            amount_sum += row.amount
            persons += h.person_count
            r += 1
            ticker.tick()
        info.households, info.persons = households, persons
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
