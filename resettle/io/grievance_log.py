"""The grievance log (信访登记台账) as an office-ready workbook: one row per grievance, overdue ones in red."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from resettle.io.xlsx_style import atomic_workbook, safe_text

__all__ = ["GrievanceLogRow", "write_grievance_log"]


@dataclass(frozen=True)
class GrievanceLogRow:
    number: str
    person: str
    phone: str
    channel: str
    category: str
    subject: str
    received_on: date
    due_on: date
    handler: str
    status: str
    closed_on: date | None
    answer: str
    overdue: bool


COLUMNS: tuple[tuple[str, float], ...] = (
    ("编号", 10),
    ("姓名", 10),
    ("电话", 14),
    ("渠道", 10),
    ("类别", 10),
    ("事项", 28),
    ("受理日期", 12),
    ("办理期限", 12),
    ("承办人", 10),
    ("状态", 10),
    ("办结日期", 12),
    ("答复", 40),
)


def write_grievance_log(out: Path, title: str, rows: Sequence[GrievanceLogRow], chain_head: str = "") -> int:
    """Write the log to ``out`` (temp file renamed at the end); returns the number of rows."""
    with atomic_workbook(out) as book:
        ws = book.add_worksheet("信访台账")
        f_title = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        f_head = book.add_format(
            {"bold": True, "border": 1, "align": "center", "bg_color": "#EEEEEE", "text_wrap": True}
        )
        f_text = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
        f_date = book.add_format({"border": 1, "valign": "top", "num_format": "yyyy-mm-dd"})
        f_late_text = book.add_format({"border": 1, "valign": "top", "text_wrap": True, "font_color": "#C00000"})
        f_late_date = book.add_format(
            {"border": 1, "valign": "top", "num_format": "yyyy-mm-dd", "font_color": "#C00000", "bold": True}
        )
        f_note = book.add_format({"font_size": 9, "italic": True})
        ws.merge_range(0, 0, 0, len(COLUMNS) - 1, safe_text(title), f_title)
        ws.set_row(0, 28)
        for c, (name, width) in enumerate(COLUMNS):
            ws.set_column(c, c, width)
            ws.write_string(1, c, name, f_head)
        r = 2
        for row in rows:
            ft, fd = (f_late_text, f_late_date) if row.overdue else (f_text, f_date)
            texts = (row.number, row.person, row.phone, row.channel, row.category, row.subject)
            for c, value in enumerate(texts):
                ws.write_string(r, c, safe_text(value), ft)
            ws.write_datetime(r, 6, _dt(row.received_on), fd)
            ws.write_datetime(r, 7, _dt(row.due_on), fd)
            ws.write_string(r, 8, safe_text(row.handler), ft)
            ws.write_string(r, 9, safe_text(row.status), ft)
            if row.closed_on is not None:
                ws.write_datetime(r, 10, _dt(row.closed_on), fd)
            else:
                ws.write_blank(r, 10, None, ft)
            ws.write_string(r, 11, safe_text(row.answer), ft)
            r += 1
        if chain_head:
            ws.write_string(r + 1, 0, f"导出时审计链校验值：{chain_head}", f_note)
        ws.freeze_panes(2, 0)
        ws.repeat_rows(1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_footer("&C第 &P 页 共 &N 页")
    return len(rows)


def _dt(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)
