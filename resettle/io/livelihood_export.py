"""Livelihood workbooks out: the social-security roster, the reconciliation, the course roster, the monitoring report.

Same conventions as :mod:`resettle.io.xlsx_style`: written beside the target and renamed at
the end (no half file), user text always as text cells with formula leads shielded, IDs
as text, numbers as numbers with formats, A4 print setup with the header repeated. The
monitoring report carries native Excel charts (xlsxwriter), so the county's office can
restyle them in Excel or WPS.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.errors import Cancelled
from resettle.io.livelihood_records import (
    OUTCOME_LABELS,
    OUTCOMES,
    BandTotal,
    CourseLine,
    CourseSheet,
    MonitoringData,
    ReconcileRow,
    RosterRow,
)
from resettle.io.xlsx_style import atomic_workbook, safe_text

__all__ = ["write_course_roster", "write_monitoring", "write_reconciliation", "write_ss_roster"]


class _Styles:
    def __init__(self, book: Any) -> None:
        base = {"font_name": "宋体", "font_size": 10, "valign": "vcenter"}
        cell = {**base, "border": 1}
        self.title = book.add_format({**base, "bold": True, "font_size": 16, "align": "center"})
        self.note = book.add_format({**base, "font_color": "#404040"})
        self.header = book.add_format(
            {**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#DDEBF7"}
        )
        self.text = book.add_format({**cell, "num_format": "@"})
        self.center = book.add_format({**cell, "num_format": "@", "align": "center"})
        self.date = book.add_format({**cell, "num_format": "yyyy-mm-dd", "align": "center"})
        self.int = book.add_format({**cell, "num_format": "#,##0", "align": "center"})
        self.money = book.add_format({**cell, "num_format": "#,##0.00"})
        self.pct = book.add_format({**cell, "num_format": "0.0", "align": "center"})
        self.total = book.add_format({**cell, "bold": True, "num_format": "@", "align": "center"})
        self.total_int = book.add_format({**cell, "bold": True, "num_format": "#,##0", "align": "center"})
        self.total_money = book.add_format({**cell, "bold": True, "num_format": "#,##0.00"})
        self.blank = book.add_format(cell)


def _text(ws: Any, r: int, c: int, value: str, fmt: Any) -> None:
    if value:
        ws.write_string(r, c, safe_text(value), fmt)
    else:
        ws.write_blank(r, c, None, fmt)


def _num(ws: Any, r: int, c: int, value: Decimal | int | None, fmt: Any) -> None:
    if value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_number(r, c, value, fmt)


def _date(ws: Any, r: int, c: int, value: date | None, fmt: Any) -> None:
    if value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_string(r, c, value.isoformat(), fmt)


def _sheet(
    book: Any,
    st: _Styles,
    name: str,
    title: str,
    note: str,
    headers: Sequence[tuple[str, float]],
    landscape: bool = True,
) -> Any:
    ws = book.add_worksheet(name)
    width = len(headers)
    ws.set_row(0, 28)
    ws.merge_range(0, 0, 0, width - 1, safe_text(title), st.title)
    ws.merge_range(1, 0, 1, width - 1, safe_text(note), st.note)
    for c, (label, w) in enumerate(headers):
        ws.set_column(c, c, w)
        ws.write_string(2, c, label, st.header)
    ws.freeze_panes(3, 0)
    ws.repeat_rows(2)
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&C第 &P 页 共 &N 页")
    return ws


def _tick(cancelled: Callable[[], bool] | None, n: int) -> None:
    if cancelled is not None and n % 2000 == 0 and cancelled():
        raise Cancelled("已取消，未写出文件。")


# -- social-security roster ----------------------------------------------------------------------

ROSTER_HEADERS = (
    ("序号", 6),
    ("姓名", 10),
    ("身份证号码", 21),
    ("性别", 6),
    ("出生日期", 12),
    ("年龄", 6),
    ("年龄段", 12),
    ("待遇", 16),
    ("金额(元)", 13),
    ("村", 12),
    ("组", 8),
    ("户号", 10),
)


def write_ss_roster(
    out: Path,
    rows: Sequence[RosterRow],
    bands: dict[str, BandTotal],
    *,
    project: str,
    reference: date,
    standard: str,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """被征地农民养老保障花名册: one row per person, then the totals by band on a second sheet."""
    with atomic_workbook(out) as book:
        st = _Styles(book)
        note = f"基准日：{reference.isoformat()}（周岁；起始年龄含、截止年龄不含）　标准：{standard}　人数：{len(rows)}"
        ws = _sheet(book, st, "花名册", f"{project}被征地农民养老保障人员花名册", note, ROSTER_HEADERS)
        r = 3
        for n, row in enumerate(rows, 1):
            _tick(cancelled, n)
            ws.write_number(r, 0, n, st.int)
            _text(ws, r, 1, row.name, st.text)
            _text(ws, r, 2, row.id_number, st.center)
            _text(ws, r, 3, row.sex, st.center)
            _date(ws, r, 4, row.birth_date, st.center)
            _num(ws, r, 5, row.age, st.int)
            _text(ws, r, 6, row.band or "（无年龄段）", st.center)
            _text(ws, r, 7, row.benefit, st.text)
            _num(ws, r, 8, row.amount, st.money)
            _text(ws, r, 9, row.village, st.text)
            _text(ws, r, 10, row.group, st.text)
            _text(ws, r, 11, row.household_no, st.center)
            r += 1
        total = sum((b.amount for b in bands.values()), Decimal("0.00"))
        ws.write_string(r, 0, "合计", st.total)
        for c in range(1, len(ROSTER_HEADERS)):
            ws.write_blank(r, c, None, st.blank)
        ws.write_number(r, 5, len(rows), st.total_int)
        ws.write_number(r, 8, total, st.total_money)
        ws.autofilter(2, 0, max(r - 1, 2), len(ROSTER_HEADERS) - 1)
        summary = _sheet(
            book,
            st,
            "按年龄段汇总",
            f"{project}被征地农民养老保障汇总",
            note,
            (("年龄段", 16), ("人数", 10), ("金额(元)", 16)),
            False,
        )
        r = 3
        for name, band in bands.items():
            _text(summary, r, 0, name, st.center)
            summary.write_number(r, 1, band.persons, st.int)
            summary.write_number(r, 2, band.amount, st.money)
            r += 1
        summary.write_string(r, 0, "合计", st.total)
        summary.write_number(r, 1, sum(b.persons for b in bands.values()), st.total_int)
        summary.write_number(r, 2, total, st.total_money)
    return out


# -- reconciliation ------------------------------------------------------------------------------

RECONCILE_HEADERS = (
    ("序号", 6),
    ("对账结果", 12),
    ("身份证号码", 21),
    ("姓名（本办）", 11),
    ("姓名（回执）", 11),
    ("年龄段（本办）", 12),
    ("年龄段（回执）", 12),
    ("审核结果", 10),
    ("备注（回执）", 24),
    ("村", 12),
    ("户号", 10),
    ("回执行号", 8),
    ("处理意见", 24),
)


def _rows_sheet(ws: Any, st: _Styles, rows: Sequence[ReconcileRow]) -> None:
    r = 3
    for n, row in enumerate(rows, 1):
        ws.write_number(r, 0, n, st.int)
        _text(ws, r, 1, row.label, st.center)
        _text(ws, r, 2, row.id_number, st.center)
        _text(ws, r, 3, row.name, st.text)
        _text(ws, r, 4, row.reply_name, st.text)
        _text(ws, r, 5, row.band, st.center)
        _text(ws, r, 6, row.reply_band, st.center)
        _text(ws, r, 7, row.result, st.center)
        _text(ws, r, 8, row.reason, st.text)
        _text(ws, r, 9, row.village, st.text)
        _text(ws, r, 10, row.household_no, st.center)
        _num(ws, r, 11, row.reply_row, st.int)
        ws.write_blank(r, 12, None, st.text)
        r += 1
    if rows:
        ws.autofilter(2, 0, r - 1, len(RECONCILE_HEADERS) - 1)


def write_reconciliation(out: Path, project: str, reference: date, rows: Sequence[ReconcileRow]) -> Path:
    """汇总 (counts by outcome), 待处理 (everything but 一致, with a column for the answer) and 全部明细."""
    with atomic_workbook(out) as book:
        st = _Styles(book)
        note = f"基准日：{reference.isoformat()}　身份证号码已统一（全角数字、小写 x、空格），姓名比对时不计空格"
        summary = _sheet(book, st, "汇总", f"{project}社保回执对账", note, (("对账结果", 16), ("人数", 10)), False)
        r = 3
        for outcome in OUTCOMES:
            _text(summary, r, 0, OUTCOME_LABELS[outcome], st.center)
            summary.write_number(r, 1, sum(1 for x in rows if x.outcome == outcome), st.int)
            r += 1
        summary.write_string(r, 0, "合计", st.total)
        summary.write_number(r, 1, len(rows), st.total_int)
        pending = [x for x in rows if x.outcome != "matched"]
        ws = _sheet(book, st, "待处理", f"{project}社保回执对账：待处理", note, RECONCILE_HEADERS)
        _rows_sheet(ws, st, pending)
        ws = _sheet(book, st, "全部明细", f"{project}社保回执对账：全部明细", note, RECONCILE_HEADERS)
        _rows_sheet(ws, st, rows)
    return out


# -- course roster -------------------------------------------------------------------------------

COURSE_HEADERS = (
    ("序号", 6),
    ("姓名", 10),
    ("身份证号码", 21),
    ("性别", 6),
    ("村", 12),
    ("组", 8),
    ("户号", 10),
    ("出勤学时", 9),
    ("是否结业", 9),
    ("证书名称", 14),
    ("证书编号", 16),
    ("签名", 12),
)


def write_course_roster(out: Path, project: str, course: CourseSheet, rows: Sequence[CourseLine]) -> Path:
    with atomic_workbook(out) as book:
        st = _Styles(book)
        when = "至".join(d.isoformat() for d in (course.start_date, course.end_date) if d)
        note = (
            f"类别：{course.kind or '—'}　培训机构：{course.provider or '—'}　时间：{when or '—'}　学时：{course.hours}"
        )
        ws = _sheet(book, st, "培训花名册", f"{project}{course.name}学员花名册", note, COURSE_HEADERS)
        r = 3
        for n, row in enumerate(rows, 1):
            ws.set_row(r, 24)
            ws.write_number(r, 0, n, st.int)
            _text(ws, r, 1, row.name, st.text)
            _text(ws, r, 2, row.id_number, st.center)
            _text(ws, r, 3, row.sex, st.center)
            _text(ws, r, 4, row.village, st.text)
            _text(ws, r, 5, row.group, st.text)
            _text(ws, r, 6, row.household_no, st.center)
            ws.write_number(r, 7, row.attended_hours, st.int)
            _text(ws, r, 8, "是" if row.completed else "否", st.center)
            _text(ws, r, 9, row.certificate_name, st.text)
            _text(ws, r, 10, row.certificate_no, st.center)
            ws.write_blank(r, 11, None, st.text)
            r += 1
        ws.write_string(
            r + 1, 0, safe_text("培训机构（盖章）：　　　　　　　　　经办人：　　　　　　　　　日期："), st.note
        )
    return out


# -- monitoring report ---------------------------------------------------------------------------

FIGURE_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("households", "调查户数", 9),
    ("computed", "已计算", 8),
    ("reviewed", "已复核", 8),
    ("signed", "已签约", 8),
    ("paid", "已兑付", 8),
    ("partly_paid", "部分兑付", 8),
    ("flats_chosen", "已选房", 8),
    ("handed_over", "已交房", 8),
    ("working_age", "劳动年龄失地人员", 10),
    ("employed", "已就业", 8),
    ("employment_rate", "就业率(%)", 9),
    ("trained", "培训结业", 8),
    ("certified", "取得证书", 8),
    ("placed", "园区企业录用", 10),
)


def _figure(figures: Any, key: str) -> Decimal | int:
    value = getattr(figures, key)
    return value if isinstance(value, Decimal) else int(value)


def write_monitoring(out: Path, data: MonitoringData) -> Path:
    """汇总 by village with bar charts, 社保 by band, 进度 by month with a line chart: native Excel charts."""
    with atomic_workbook(out) as book:
        st = _Styles(book)
        note = f"统计日：{data.reference_date.isoformat()}　（县级月报：征收进度、安置、就业、培训、社保）"
        headers = (("村", 14), *((label, w) for _key, label, w in FIGURE_COLUMNS))
        ws = _sheet(book, st, "汇总", f"{data.project}征迁安置监测月报", note, headers)
        r = 3
        for v in data.villages:
            _text(ws, r, 0, v.village, st.text)
            for c, (key, _label, _w) in enumerate(FIGURE_COLUMNS, 1):
                ws.write_number(r, c, _figure(v.figures, key), st.pct if key == "employment_rate" else st.int)
            r += 1
        last_village_row = r - 1
        ws.write_string(r, 0, "合计", st.total)
        for c, (key, _label, _w) in enumerate(FIGURE_COLUMNS, 1):
            ws.write_number(r, c, _figure(data.total, key), st.pct if key == "employment_rate" else st.total_int)
        total_row = r
        if data.villages:
            col = {key: c for c, (key, _l, _w) in enumerate(FIGURE_COLUMNS, 1)}
            chart = book.add_chart({"type": "column"})
            for key in ("working_age", "employed", "placed", "trained"):
                chart.add_series(
                    {
                        "name": ["汇总", 2, col[key]],
                        "categories": ["汇总", 3, 0, last_village_row, 0],
                        "values": ["汇总", 3, col[key], last_village_row, col[key]],
                    }
                )
            chart.set_title({"name": "各村就业与培训"})
            chart.set_y_axis({"name": "人数"})
            chart.set_size({"width": 720, "height": 320})
            ws.insert_chart(total_row + 2, 0, chart)
            progress = book.add_chart({"type": "bar"})
            for key in ("households", "computed", "signed", "paid", "handed_over"):
                progress.add_series(
                    {
                        "name": ["汇总", 2, col[key]],
                        "categories": ["汇总", 3, 0, last_village_row, 0],
                        "values": ["汇总", 3, col[key], last_village_row, col[key]],
                    }
                )
            progress.set_title({"name": "各村征收与安置进度（户）"})
            progress.set_size({"width": 720, "height": 320})
            ws.insert_chart(total_row + 19, 0, progress)

        bands = _sheet(
            book,
            st,
            "社保",
            f"{data.project}被征地农民社保参保情况",
            note,
            (("年龄段", 16), *((v.village, 12) for v in data.villages), ("合计", 10)),
            False,
        )
        r = 3
        for band in data.bands:
            _text(bands, r, 0, band, st.center)
            for c, v in enumerate(data.villages, 1):
                bands.write_number(r, c, v.figures.ss_enrolled.get(band, 0), st.int)
            bands.write_number(r, len(data.villages) + 1, data.total.ss_enrolled.get(band, 0), st.total_int)
            r += 1
        if data.bands:
            pie = book.add_chart({"type": "column"})
            pie.add_series(
                {
                    "name": "参保人数",
                    "categories": ["社保", 3, 0, r - 1, 0],
                    "values": ["社保", 3, len(data.villages) + 1, r - 1, len(data.villages) + 1],
                }
            )
            pie.set_title({"name": "按年龄段参保人数"})
            pie.set_legend({"none": True})
            bands.insert_chart(r + 1, 0, pie)

        months = _sheet(
            book,
            st,
            "进度",
            f"{data.project}逐月累计进度",
            note,
            (("月份", 10), ("已计算(户)", 11), ("已就业(人)", 11), ("培训结业(人)", 12), ("园区录用(人)", 12)),
            False,
        )
        r = 3
        for m in data.months:
            _text(months, r, 0, m.month, st.center)
            for c, value in enumerate((m.computed, m.employed, m.trained, m.placed), 1):
                months.write_number(r, c, value, st.int)
            r += 1
        if data.months:
            line = book.add_chart({"type": "line"})
            for c in range(1, 5):
                line.add_series(
                    {
                        "name": ["进度", 2, c],
                        "categories": ["进度", 3, 0, r - 1, 0],
                        "values": ["进度", 3, c, r - 1, c],
                        "marker": {"type": "circle"},
                    }
                )
            line.set_title({"name": "逐月累计进度"})
            line.set_size({"width": 720, "height": 320})
            months.insert_chart(r + 1, 0, line)
    return out
