"""Reading a whole survey workbook: which sheets, their headers and places, then each sheet.

Nothing the file contains raises here: every problem becomes an :class:`ImportIssue` that
names the sheet, row, column and field. Only unsafe files (:class:`UnsafeFileError`) and
unreadable ones (:class:`UnreadableFileError`) raise, plus :class:`ReadCancelled`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from resettle.collector import paused_collection
from resettle.errors import Cancelled
from resettle.io.grid import SheetGrid, WorkbookReader, open_workbook
from resettle.io.headers import HeaderMatch, apply_overrides, detect_header
from resettle.io.survey.places import sheet_place
from resettle.io.survey.reader import SheetReader
from resettle.io.survey.results import (
    ImportIssue,
    ReadOptions,
    Severity,
    SheetSummary,
    SurveyHousehold,
    SurveyReadResult,
)
from resettle.io.survey.rows import is_blank_row
from resettle.io.survey.sheet import Shared
from resettle.io.values import compact, display

__all__ = ["list_sheets", "preview", "read_survey"]


def _sheet_issue(shared: Shared, sheet: str, message: str, kind: str, severity: Severity) -> None:
    shared.issues.append(ImportIssue(sheet, 1, "A", "", "", message, severity, kind))


def read_survey(
    path: Path,
    options: ReadOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SurveyReadResult:
    """Read every survey sheet of a workbook (or ``options.sheets``).

    Raises UnsafeFileError, UnreadableFileError or ReadCancelled; any problem inside the
    file is returned as an ImportIssue instead.
    """
    with paused_collection():
        return _read_survey(path, options or ReadOptions(), progress, cancelled)


def _read_survey(
    path: Path,
    options: ReadOptions,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> SurveyReadResult:
    shared = Shared(today=options.today or date.today(), progress=progress, cancelled=cancelled)
    households: list[SurveyHousehold] = []
    summaries: list[SheetSummary] = []
    with open_workbook(path) as book:
        explicit = options.sheets is not None
        names = list(options.sheets) if options.sheets is not None else book.sheet_names
        hidden = {sheet.name for sheet in book.sheets if sheet.hidden}
        known = set(book.sheet_names)
        workbook_sheets = tuple(book.sheet_names)
        for name in names:
            if name not in known:
                _sheet_issue(shared, name, f"找不到工作表「{name}」", "missing_sheet", "error")
        wanted = [name for name in names if name in known]
        bounds = [book.row_bound(name) for name in wanted]
        if all(bound is not None for bound in bounds):
            # Rows known before loading: one sheet in memory at a time, counts from its first rows.
            if progress is not None:
                progress(0, len(wanted))  # a count at once (sheets to open), then rows as they are read
            shared.total = sum(bound or 0 for bound in bounds)
            grids: Iterable[SheetGrid] = _loading(book, wanted, shared)
        else:
            loaded: list[SheetGrid] = []
            for n, name in enumerate(wanted):
                if progress is not None:
                    progress(n, len(wanted))  # counts from the first second: sheets opened, then rows read
                _check_cancelled(shared)
                loaded.append(book.load(name))
            shared.total = sum(grid.n_rows for grid in loaded)
            grids = loaded
        skipped = _read_sheets(grids, options, shared, explicit, hidden, summaries, households)
    for name, no_header in skipped:
        if summaries:
            _sheet_issue(shared, name, f"工作表「{name}」没有可识别的表头，已跳过", "sheet_skipped", "warning")
        else:
            _sheet_issue(shared, name, no_header, "no_header", "error")
    if not summaries and not skipped and not any(i.kind in ("no_header", "missing_sheet") for i in shared.issues):
        _sheet_issue(shared, names[0] if names else "", "文件中没有任何数据", "empty_file", "error")
    if progress is not None:
        progress(shared.total, shared.total)
    return SurveyReadResult(
        households=households, issues=shared.issues, sheets=summaries, workbook_sheets=workbook_sheets
    )


def _check_cancelled(shared: Shared) -> None:
    if shared.cancelled is not None and shared.cancelled():
        raise Cancelled("导入已取消，未读入任何数据。")


def _loading(book: WorkbookReader, names: list[str], shared: Shared) -> Iterator[SheetGrid]:
    for name in names:
        _check_cancelled(shared)
        yield book.load(name)


def _read_sheets(
    grids: Iterable[SheetGrid],
    options: ReadOptions,
    shared: Shared,
    explicit: bool,
    hidden: set[str],
    summaries: list[SheetSummary],
    households: list[SurveyHousehold],
) -> list[tuple[str, str]]:
    """Read each survey sheet; returns the sheets without a header that were not asked for
    (name, the message if no sheet had one)."""
    skipped: list[tuple[str, str]] = []
    for grid in grids:
        _check_cancelled(shared)
        last_header = options.header_row - 1 if options.header_row else None
        match = detect_header(grid, last_header_row=last_header, aliases=options.header_aliases)
        if match is None and options.mapping_overrides:
            match = HeaderMatch(header_rows=(last_header,) if last_header is not None else (), columns={})
        if match is not None and options.mapping_overrides:
            for problem in apply_overrides(match, options.mapping_overrides, grid.n_cols):
                _sheet_issue(shared, grid.name, problem, "bad_mapping", "error")
        if match is None or not match.columns:
            if explicit:
                _sheet_issue(shared, grid.name, _no_header_message(grid), "no_header", "error")
            elif not _is_empty(grid):
                skipped.append((grid.name, _no_header_message(grid)))
            shared.tick(grid.n_rows)
            continue
        if grid.name in hidden and not explicit:
            _sheet_issue(shared, grid.name, f"工作表「{grid.name}」是隐藏的，未导入", "hidden_sheet", "warning")
            shared.tick(grid.n_rows)
            continue
        shared.tick(match.first_data_row)
        title_village, title_group = sheet_place(grid, match)
        village = title_village or options.village or ""
        group = title_group or options.group or ""
        for given, found, label in ((options.village, title_village, "村"), (options.group, title_group, "组")):
            if given and found and compact(given) != compact(found):
                _sheet_issue(
                    shared,
                    grid.name,
                    f"表头写的是「{found}」，与选择的{label}「{given}」不同，已按表头",
                    "place_mismatch",
                    "warning",
                )
        reader = SheetReader(grid, match, shared, village, group)
        summaries.append(reader.run())
        households.extend(reader.households)
    return skipped


def _is_empty(grid: SheetGrid) -> bool:
    return all(is_blank_row(row) for row in grid.rows)


def _no_header_message(grid: SheetGrid) -> str:
    if _is_empty(grid):
        return f"工作表「{grid.name}」是空的"
    return (
        f"工作表「{grid.name}」中找不到表头（应有「姓名」「身份证号码」「户主」「户号」等列名），"
        "请在导入向导中指定表头行和各列"
    )


def list_sheets(path: Path | str) -> list[str]:
    """Names of the worksheets, for the wizard (chart sheets left out)."""
    with paused_collection(), open_workbook(path) as book:
        return book.sheet_names


def preview(path: Path | str, sheet: str, rows: int = 30) -> list[list[str]]:
    """The first ``rows`` rows of a sheet as display text (merged blocks not filled)."""
    with paused_collection():
        with open_workbook(path) as book:
            grid = book.load(sheet, max_rows=max(rows, 0))
        return [[display(value) for value in row] for row in grid.rows[: max(rows, 0)]]
