"""The bank batch workbook in the office layout (兑付批次), and the bank's reply to it.

Layout (one sheet, "兑付批次"): a title naming the batch number, a note with the project,
instalment, count, total and the audit chain head, then the header row
``序号 户号 收款人 身份证号码 开户银行 银行账号 金额(元)`` and one row per payment, then 合计.
The bank answers with the same sheet plus ``结果`` (成功/失败) and ``失败原因``. IDs and
account numbers are text cells, so no leading zero or digit is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from resettle.domain.ids import normalize_id
from resettle.errors import Cancelled, ValidationError
from resettle.io.grid import column_letter, open_workbook
from resettle.io.values import clean_text
from resettle.io.xlsx_style import atomic_workbook, safe_text

__all__ = [
    "BANK_HEADERS",
    "RESULT_FAILED",
    "RESULT_PAID",
    "BankLine",
    "BankReply",
    "ReplyLine",
    "read_bank_reply",
    "write_bank_workbook",
]

SHEET = "兑付批次"
BANK_HEADERS = ("序号", "户号", "收款人", "身份证号码", "开户银行", "银行账号", "金额(元)")
REPLY_HEADERS = ("结果", "失败原因")
RESULT_PAID = "成功"
RESULT_FAILED = "失败"
_WIDTHS = (6, 12, 10, 21, 24, 24, 14, 8, 24)
_BATCH_NO = re.compile(r"批次号[：:]\s*([A-Za-z0-9\-]+)")
_RESULT_WORDS = {"成功": RESULT_PAID, "已成功": RESULT_PAID, "失败": RESULT_FAILED, "不成功": RESULT_FAILED}


@dataclass(frozen=True)
class BankLine:
    seq: int
    household_no: str
    payee: str
    id_number: str
    bank_name: str
    bank_account: str
    amount: Decimal  # 元, two places


@dataclass(frozen=True)
class ReplyLine:
    row: int  # 1-based sheet row, for messages
    seq: int | None
    household_no: str
    bank_account: str
    amount: Decimal | None
    result: str
    reason: str


@dataclass
class BankReply:
    batch_no: str
    sheet: str
    lines: list[ReplyLine] = field(default_factory=list)


def write_bank_workbook(
    path: Path | str,
    batch_no: str,
    lines: Sequence[BankLine],
    *,
    project: str,
    instalment: int,
    chain_head: str,
    made_at: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Decimal:
    """Write the batch; returns its total. Written beside ``path`` and renamed at the end."""
    total = sum((line.amount for line in lines), Decimal("0.00"))
    stamp = (made_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    with atomic_workbook(path) as book:
        title = book.add_format({"bold": True, "font_size": 15, "align": "center", "valign": "vcenter"})
        note = book.add_format({"font_size": 10})
        header = book.add_format({"bold": True, "border": 1, "align": "center", "bg_color": "#EEEEEE"})
        text = book.add_format({"border": 1, "num_format": "@"})
        number = book.add_format({"border": 1, "num_format": "0", "align": "center"})
        money = book.add_format({"border": 1, "num_format": "#,##0.00"})
        bold_money = book.add_format({"border": 1, "num_format": "#,##0.00", "bold": True})
        ws = book.add_worksheet(SHEET)
        for c, w in enumerate(_WIDTHS[: len(BANK_HEADERS)]):
            ws.set_column(c, c, w)
        ws.set_row(0, 28)
        ws.write_string(0, 0, f"{project}征收补偿款兑付批次 {batch_no}", title)
        ws.write_string(
            1,
            0,
            f"批次号：{batch_no}　第 {instalment} 期　共 {len(lines):,} 笔　合计 {total:,} 元　"
            f"生成时间：{stamp}　审计链头：{chain_head}",
            note,
        )
        for c, h in enumerate(BANK_HEADERS):
            ws.write_string(2, c, h, header)
        ws.freeze_panes(3, 0)
        string, num = ws.write_string, ws.write_number
        r = 3
        for i, line in enumerate(lines, start=1):
            if cancelled is not None and i % 500 == 0 and cancelled():
                raise Cancelled("已取消，未写出银行文件。")
            num(r, 0, line.seq, number)
            string(r, 1, safe_text(line.household_no), text)
            string(r, 2, safe_text(line.payee), text)
            string(r, 3, line.id_number, text)
            string(r, 4, safe_text(line.bank_name), text)
            string(r, 5, line.bank_account, text)
            num(r, 6, line.amount, money)
            r += 1
            if progress is not None and i % 1000 == 0:
                progress(i, len(lines))
        string(r, 0, "合计", header)
        string(r, 1, f"{len(lines)} 笔", header)
        num(r, 6, total, bold_money)
    if progress is not None:
        progress(len(lines), len(lines))
    return total


def _money(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, float):
            dec = Decimal(repr(value))
        else:
            dec = Decimal(str(value).replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        return None
    q = dec.quantize(Decimal("0.01"))
    return q if q == dec else None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed where text belongs
    return clean_text(value)


def read_bank_reply(path: Path | str) -> BankReply:
    """The bank's answer. Every row that cannot be read is listed (row, column); nothing is half read."""
    name = Path(path).name
    with open_workbook(path) as wb:
        sheets = wb.sheet_names
        sheet = SHEET if SHEET in sheets else sheets[0]
        grid = wb.load(sheet)
    batch_no = ""
    header_row = -1
    cols: dict[str, int] = {}
    for r in range(min(grid.n_rows, 20)):
        texts = [_text(grid.value(r, c)) for c in range(grid.n_cols)]
        if not batch_no:
            for t in texts:
                m = _BATCH_NO.search(t)
                if m:
                    batch_no = m.group(1)
                    break
        if "户号" in texts and "结果" in texts:
            header_row = r
            cols = {t: c for c, t in enumerate(texts) if t}
            break
    problems: list[str] = []
    if header_row < 0:
        raise ValidationError(f"「{name}」工作表「{sheet}」中找不到含「户号」和「结果」的表头行，不是银行回盘文件。")
    missing = [h for h in (*BANK_HEADERS, *REPLY_HEADERS) if h not in cols and h != "失败原因"]
    if missing:
        raise ValidationError(f"「{name}」工作表「{sheet}」第 {header_row + 1} 行缺少列：" + "、".join(missing))
    if not batch_no:
        raise ValidationError(f"「{name}」中找不到批次号（表头上方应有「批次号：…」）。")
    reply = BankReply(batch_no, sheet)
    for r in range(header_row + 1, grid.n_rows):
        first = _text(grid.value(r, cols["序号"]))
        household_no = _text(grid.value(r, cols["户号"]))
        if first == "合计" or household_no.endswith(" 笔"):
            break
        if not household_no and not first:
            continue
        place = f"工作表「{sheet}」第 {r + 1} 行"
        seq = _int(grid.value(r, cols["序号"]))
        amount = _money(grid.value(r, cols["金额(元)"]))
        if amount is None:
            problems.append(
                f"{place} {column_letter(cols['金额(元)'])} 列：金额「{_text(grid.value(r, cols['金额(元)']))}」无法识别"
            )
        raw_result = _text(grid.value(r, cols["结果"]))
        result = _RESULT_WORDS.get(raw_result)
        if result is None:
            problems.append(f"{place} {column_letter(cols['结果'])} 列：结果「{raw_result}」应为 成功 或 失败")
        reason = _text(grid.value(r, cols["失败原因"])) if "失败原因" in cols else ""
        if result == RESULT_FAILED and not reason:
            reason = "银行未说明原因"
        account = re.sub(r"\s", "", _text(grid.value(r, cols["银行账号"])))
        reply.lines.append(ReplyLine(r + 1, seq, household_no, account, amount, result or "", reason))
    if problems:
        raise ValidationError(
            f"回盘文件「{name}」有 {len(problems)} 处无法识别，未作任何处理：\n" + "\n".join(problems)
        )
    return reply


def id_text(value: str) -> str:
    """ID numbers as written to the bank (normalised, upper-case X)."""
    return normalize_id(value) if value else ""
