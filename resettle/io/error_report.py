"""The error report: the clerk's own workbook back, with every problem marked where it is.

A list of "row 64, column G" is hard to act on; the clerk's own sheet with the bad cell
filled red and a comment saying what is wrong is not. The report is a copy of the
workbook's sheets (values as read, merged ranges kept; formulas as their saved results),
with error cells filled red and warning cells yellow, one comment per marked cell, and a
first sheet 错误清单 listing every issue (工作表, 行, 列, 字段, 原值, 说明, 级别), each
linked to its cell. The clerk corrects the copied sheets and imports the report itself
again: the list sheet has no survey header and is skipped by the reader.

Written with openpyxl in write-only mode (rows streamed, bounded memory). The source is
read through the same guarded reader as an import, so a hostile file is refused here too.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resettle.errors import Cancelled, ResettleError
from resettle.io.grid import CellValue, SheetGrid, open_workbook
from resettle.io.guards import column_index
from resettle.io.rate_workbook import CellIssue
from resettle.io.survey import ImportIssue
from resettle.io.xlsx_style import safe_text

if TYPE_CHECKING:  # openpyxl is imported when a report is written, not at start-up
    from openpyxl import Workbook

__all__ = ["ERROR_FILL", "LIST_HEADERS", "LIST_SHEET", "WARNING_FILL", "ErrorReportInfo", "write_error_report"]

LIST_SHEET = "错误清单"
LIST_HEADERS = ("工作表", "行", "列", "字段", "原值", "说明", "级别")
ERROR_FILL = "FFFF9999"
WARNING_FILL = "FFFFEB9C"
_AUTHOR = "征迁安置管理"
_SEVERITY = {"error": "错误", "warning": "提示"}

Progress = Callable[[int, int], None] | None


@dataclass(frozen=True)
class ErrorReportInfo:
    path: Path
    errors: int
    warnings: int
    marked_cells: int  # cells filled and commented in the copied sheets
    sheets: tuple[str, ...]  # copied sheets


@dataclass
class _Mark:
    severity: str
    lines: list[str]


def _clean(text: str) -> str:
    """Text openpyxl can store (control characters removed) and Excel cannot run."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return safe_text(ILLEGAL_CHARACTERS_RE.sub("", text))


def _cell_value(value: CellValue) -> Any:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, timedelta):
        return str(value)
    return value


def _width(value: CellValue) -> float:
    if value is None:
        return 0
    text = value.isoformat() if isinstance(value, date | datetime | time) else str(value)
    longest = max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in text.splitlines()), default=0)
    return float(longest)  # float ok: a column width


def _marks(issues: Sequence[ImportIssue], grid: SheetGrid) -> dict[tuple[int, int], _Mark]:
    """Issues of one sheet by the cell they point at (0-based; a merged cell's top-left)."""
    marks: dict[tuple[int, int], _Mark] = {}
    for issue in issues:
        if not issue.field or not issue.column or issue.row < 1:
            continue  # about the sheet as a whole: listed only
        r, c = issue.row - 1, column_index(issue.column) - 1
        r, c = grid.anchor(r, c) or (r, c)
        mark = marks.setdefault((r, c), _Mark(issue.severity, []))
        if issue.severity == "error":
            mark.severity = "error"
        mark.lines.append(f"【{_SEVERITY.get(issue.severity, issue.severity)}】{issue.field}：{issue.message}")
    return marks


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="FF808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fills = {
            "error": PatternFill("solid", fgColor=ERROR_FILL),
            "warning": PatternFill("solid", fgColor=WARNING_FILL),
        }
        self.bold = Font(bold=True)
        self.red = Font(color="FFC00000")
        self.link = Font(color="FF0563C1", underline="single")
        self.header_fill = PatternFill("solid", fgColor="FFDDEBF7")
        self.wrap = Alignment(wrap_text=True, vertical="top")


def _copy_sheet(book: Workbook, grid: SheetGrid, issues: Sequence[ImportIssue], styles: _Styles) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    ws = book.create_sheet(grid.name)
    marks = _marks(issues, grid)
    widths: dict[int, float] = defaultdict(float)
    wide = {(m.top, m.left) for m in grid.merges if m.right > m.left}  # titles spanning columns: no width
    for r, row in enumerate(grid.rows[:200]):
        for c, value in enumerate(row):
            if (r, c) not in wide:
                widths[c] = max(widths[c], _width(value))
    for c in range(grid.n_cols):
        ws.column_dimensions[get_column_letter(c + 1)].width = min(max(widths[c] + 2, 6), 40)
    if grid.hidden:
        ws.sheet_state = "hidden"
    for merge in grid.merges:
        ws.merged_cells.add(CellRange(min_row=merge.top + 1, min_col=merge.left + 1, max_row=merge.bottom + 1,
                                      max_col=merge.right + 1))  # fmt: skip
    n_cols = max([grid.n_cols, *(c + 1 for _, c in marks)])
    n_rows = max([grid.n_rows, *(r + 1 for r, _ in marks)])
    for r in range(n_rows):
        row = grid.rows[r] if r < grid.n_rows else []
        out: list[Any] = []
        for c in range(n_cols):
            value = _cell_value(row[c]) if c < len(row) else None
            mark = marks.get((r, c))
            if mark is None and not isinstance(value, str | datetime):
                out.append(value)
                continue
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, even if it looks like a formula
            elif isinstance(value, datetime) and value.time() == time():
                cell.number_format = "yyyy-mm-dd"
            if mark is not None:
                cell.fill = styles.fills[mark.severity]
                cell.border = styles.border
                comment = Comment("\n".join(mark.lines), _AUTHOR)
                comment.width = 320
                comment.height = min(60 + 24 * len(mark.lines), 400)
                cell.comment = comment
            out.append(cell)
        ws.append(out)
    return len(marks)


def _list_sheet(book: Workbook, issues: Sequence[ImportIssue], copied: Sequence[str], styles: _Styles) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws = book.create_sheet(LIST_SHEET, 0)
    for letter, width in zip("ABCDEFG", (12, 7, 6, 14, 24, 70, 7), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    errors = sum(1 for i in issues if i.severity == "error")
    title = WriteOnlyCell(
        ws,
        value=f"导入检查：{errors} 处错误，{len(issues) - errors} 条提示。红色单元格为错误，黄色为提示；改正后可直接导入本文件。",
    )
    title.font = styles.bold
    ws.append([title])
    header = []
    for text in LIST_HEADERS:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = styles.bold
        cell.fill = styles.header_fill
        cell.border = styles.border
        header.append(cell)
    ws.append(header)
    position = {name: n for n, name in enumerate(copied)}  # the workbook's sheet order, then the others
    ordered = sorted(
        issues,
        key=lambda i: (i.severity != "error", position.get(i.sheet, len(position)), i.sheet, i.row,
                       column_index(i.column or "A")),
    )  # fmt: skip
    for issue in ordered:
        cells = []
        values: tuple[Any, ...] = (issue.sheet, issue.row, issue.column, issue.field, issue.value, issue.message,
                                   _SEVERITY.get(issue.severity, issue.severity))  # fmt: skip
        for k, value in enumerate(values):
            cell = WriteOnlyCell(ws, value=_clean(value) if isinstance(value, str) else value)
            if isinstance(value, str):
                cell.data_type = "s"
            cell.border = styles.border
            if k == 5:
                cell.alignment = styles.wrap
            if k == 6 and issue.severity == "error":
                cell.font = styles.red
            cells.append(cell)
        if issue.sheet in copied and issue.column and issue.row >= 1:
            target = cells[0]
            quoted = issue.sheet.replace("'", "''")
            target.hyperlink = Hyperlink(ref="", location=f"'{quoted}'!{issue.column}{issue.row}", display=issue.sheet)
            target.font = styles.link
        ws.append(cells)
    ws.auto_filter.ref = f"A2:G{len(ordered) + 2}"


def write_error_report(
    source: Path | str,
    issues: Sequence[ImportIssue],
    out: Path | str,
    progress: Progress = None,
    cancelled: Callable[[], bool] | None = None,
) -> ErrorReportInfo:
    """Write the report for ``issues`` found in ``source`` (e.g. an ImportPreview's issues) to ``out``.

    Raises UnsafeFileError / UnreadableFileError when the source cannot be read safely, and
    ResettleError when the report cannot be written. The file appears whole or not at all.
    """
    out = Path(out)
    by_sheet: dict[str, list[ImportIssue]] = defaultdict(list)
    for issue in issues:
        by_sheet[issue.sheet].append(issue)
    from openpyxl import Workbook

    styles = _Styles()
    book = Workbook(write_only=True)
    copied: list[str] = []
    marked = 0
    with open_workbook(source) as reader:
        names = [name for name in reader.sheet_names if name != LIST_SHEET]
        for n, name in enumerate(names, start=1):
            if cancelled is not None and cancelled():
                for sheet in book.worksheets:  # finish the write-only sheets' writers; nothing reaches ``out``
                    with contextlib.suppress(Exception):
                        sheet.close()
                raise Cancelled("已取消，错误报告没有写出。")
            grid = reader.load(name)
            marked += _copy_sheet(book, grid, by_sheet.get(name, []), styles)
            copied.append(name)
            if progress is not None:
                progress(n, len(names) + 1)
    _list_sheet(book, issues, copied, styles)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        book.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise ResettleError(f"无法写入错误报告「{out.name}」：{exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(len(copied) + 1, len(copied) + 1)
    errors = sum(1 for i in issues if i.severity == "error")
    return ErrorReportInfo(out, errors, len(issues) - errors, marked, tuple(copied))


def write_rate_error_report(source: Path | str, issues: Sequence[CellIssue], out: Path | str) -> ErrorReportInfo:
    """The same report for a refused rate workbook: its sheets with the bad cells marked, and the list."""
    listed = [ImportIssue(i.sheet, i.row, i.column, "", "", i.message, "error", "rate_table") for i in issues]
    return write_error_report(source, listed, out)
