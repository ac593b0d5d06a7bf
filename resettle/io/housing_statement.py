"""The 过渡费发放表 (transition fee statement) as xlsx: one row per household, a signature column, the total.

Written with :func:`resettle.io.xlsx_style.atomic_workbook` (temp file renamed at the end), text
cells as text, amounts as numbers with two places.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resettle.io.xlsx_style import atomic_workbook, safe_text

if TYPE_CHECKING:
    from resettle.domain.transition import TransitionStatement

__all__ = ["STATEMENT_HEADERS", "write_transition_statement"]

STATEMENT_HEADERS = (
    "序号",
    "村",
    "户号",
    "户主",
    "安置人口",
    "搬迁日期",
    "承诺交房日期",
    "交房日期",
    "本期月数",
    "正常月数",
    "逾期月数",
    "装修期月数",
    "本期金额(元)",
    "计算式（截至期末累计）",
    "领款人签字",
)
_WIDTHS = (6, 10, 12, 10, 8, 12, 12, 12, 8, 8, 8, 9, 14, 46, 14)


def write_transition_statement(statement: TransitionStatement, project: str, out: Path | str) -> None:
    with atomic_workbook(out) as book:
        ws = book.add_worksheet("过渡费发放表")
        title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
        head = book.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "bg_color": "#DDEBF7"}
        )
        text = book.add_format({"border": 1})
        money = book.add_format({"border": 1, "num_format": "#,##0.00"})
        bold_money = book.add_format({"border": 1, "num_format": "#,##0.00", "bold": True})
        for c, width in enumerate(_WIDTHS):
            ws.set_column(c, c, width)
        period = f"{statement.since.isoformat()} 至 " if statement.since else "截至 "
        ws.merge_range(0, 0, 0, len(STATEMENT_HEADERS) - 1, f"{safe_text(project)} 过渡费发放表", title)
        ws.merge_range(1, 0, 1, len(STATEMENT_HEADERS) - 1, f"发放期：{period}{statement.until.isoformat()}", text)
        for c, name in enumerate(STATEMENT_HEADERS):
            ws.write_string(2, c, name, head)
        r = 3
        for i, row in enumerate(statement.rows, start=1):
            values = (
                str(i),
                row.village,
                row.household_no,
                row.head_name,
                str(row.persons),
                row.moved_out_on.isoformat(),
                row.promised_handover_on.isoformat() if row.promised_handover_on else "",
                row.handed_over_on.isoformat() if row.handed_over_on else "",
            )
            for c, value in enumerate(values):
                ws.write_string(r, c, safe_text(value), text)
            for c, number in enumerate(
                (row.months, row.fee.normal_months, row.fee.overdue_months, row.fee.fitout_months), start=8
            ):
                ws.write_number(r, c, number, text)
            ws.write_number(r, 12, row.amount, money)
            ws.write_string(r, 13, safe_text(row.fee.formula), text)
            ws.write_string(r, 14, "", text)
            r += 1
        ws.merge_range(r, 0, r, 11, "合计", head)
        ws.write_number(r, 12, statement.total, bold_money)
        ws.write_string(r, 13, f"{len(statement.rows)} 户", text)
        ws.write_string(r, 14, "", text)
        ws.write_string(
            r + 2, 0, "经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿", book.add_format({})
        )
        ws.freeze_panes(3, 0)
        ws.repeat_rows(2)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
