"""The error report: the clerk's sheets back with bad cells marked, plus the 错误清单."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.workbook.workbook import Workbook

from resettle.io.error_report import ERROR_FILL, LIST_HEADERS, LIST_SHEET, WARNING_FILL, write_error_report
from resettle.io.guards import UnreadableFileError, UnsafeFileError
from resettle.io.survey import ImportIssue, read_survey

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # /work/shared/data
SAMPLE = DATA / "sample_survey.xlsx"


@contextmanager
def opened(path: Path, data_only: bool = False) -> Iterator[Workbook]:
    book = openpyxl.load_workbook(path, data_only=data_only)
    try:
        yield book
    finally:
        book.close()


@pytest.fixture
def report(tmp_path: Path) -> tuple[Path, list[ImportIssue]]:
    issues = read_survey(SAMPLE).issues
    out = tmp_path / "report.xlsx"
    info = write_error_report(SAMPLE, issues, out)
    assert info.path == out and info.sheets == ("一组", "二组")
    assert info.errors == len([i for i in issues if i.severity == "error"]) > 0
    return out, issues


def test_bad_cells_are_red_with_a_comment(report: tuple[Path, list[ImportIssue]]) -> None:
    out, issues = report
    errors = [i for i in issues if i.severity == "error"]
    with opened(out) as book:
        for issue in errors:
            cell = book[issue.sheet][f"{issue.column}{issue.row}"]
            assert cell.fill.fgColor.rgb == ERROR_FILL, issue
            assert cell.comment is not None and issue.message in cell.comment.text
            assert "【错误】" in cell.comment.text
        warning = next(i for i in issues if i.severity == "warning" and i.field)
        cell = book[warning.sheet][f"{warning.column}{warning.row}"]
        if not any((e.sheet, e.row, e.column) == (warning.sheet, warning.row, warning.column) for e in errors):
            assert cell.fill.fgColor.rgb == WARNING_FILL
        assert cell.comment is not None and warning.message in cell.comment.text
        # A cell without an issue is left alone.
        assert book["一组"]["D5"].comment is None
        assert book["一组"]["D5"].fill.fgColor.rgb != ERROR_FILL


def test_sheets_are_copied_with_values_and_merges(report: tuple[Path, list[ImportIssue]]) -> None:
    out, _ = report
    with opened(SAMPLE) as source, opened(out) as copy:
        assert copy.sheetnames == [LIST_SHEET, "一组", "二组"]
        for name in ("一组", "二组"):
            src, dst = source[name], copy[name]
            assert {str(r) for r in src.merged_cells.ranges} == {str(r) for r in dst.merged_cells.ranges}
            for row in src.iter_rows():
                for cell in row:
                    if cell.data_type == "f" or cell.coordinate in dst.merged_cells:
                        continue  # formulas come over as their saved results
                    other = dst[cell.coordinate]
                    assert other.value == cell.value, (name, cell.coordinate)
        # An ID Excel stored as a number stays a number, so the clerk sees what went wrong.
        assert copy["一组"]["G6"].data_type == "n"


def test_error_list_sheet(report: tuple[Path, list[ImportIssue]]) -> None:
    out, issues = report
    with opened(out) as book:
        ws = book[LIST_SHEET]
        assert book.sheetnames[0] == LIST_SHEET
        assert tuple(c.value for c in ws[2]) == LIST_HEADERS
        rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=3)]
        assert len(rows) == len(issues)
        # An empty original value is an empty cell in the list (openpyxl reads it back as None).
        expected = {(i.sheet, i.row, i.column, i.field, i.value or None, i.message) for i in issues}
        assert {r[:6] for r in rows} == expected
        levels = [r[6] for r in rows]
        assert levels == sorted(levels, key=lambda v: v != "错误")  # errors first
        assert levels.count("错误") == len([i for i in issues if i.severity == "error"])
        first = ws["A3"]
        assert first.hyperlink is not None and first.hyperlink.location == f"'{rows[0][0]}'!{rows[0][2]}{rows[0][1]}"
        assert ws.freeze_panes == "A3"
        assert ws["E3"].data_type == "s"  # 原值 as text: an ID never becomes a number here


def test_the_report_can_be_corrected_and_imported_again(report: tuple[Path, list[ImportIssue]]) -> None:
    out, issues = report
    again = read_survey(out)
    assert {(i.sheet, i.row, i.column, i.kind) for i in again.errors} == {
        (i.sheet, i.row, i.column, i.kind) for i in issues if i.severity == "error"
    }
    assert [i.kind for i in again.warnings if i.sheet == LIST_SHEET] == ["sheet_skipped"]
    assert len(again.households) == len(read_survey(SAMPLE).households)


def test_formula_looking_text_stays_text_and_sheet_issues_are_listed_only(tmp_path: Path) -> None:
    source = tmp_path / "src.xlsx"
    book = xlsxwriter.Workbook(str(source))
    ws = book.add_worksheet("一组")
    ws.write_string(0, 0, "姓名")
    ws.write_string(1, 0, '=HYPERLINK("http://x")')
    ws.write_string(1, 1, "bad\x01char")
    book.close()
    issues = [
        ImportIssue("一组", 2, "A", "姓名", "=HYPERLINK", "姓名不像是名字", "error", "bad_name"),
        ImportIssue("一组", 1, "A", "", "", "工作表没有户号列", "warning", "missing_household_no"),
        ImportIssue("三组", 1, "A", "", "", "找不到工作表「三组」", "error", "missing_sheet"),
    ]
    out = tmp_path / "report.xlsx"
    info = write_error_report(source, issues, out)
    assert info.marked_cells == 1
    with opened(out) as report:
        cell = report["一组"]["A2"]
        assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'
        assert cell.fill.fgColor.rgb == ERROR_FILL
        assert report["一组"]["B2"].value == "badchar"
        assert report["一组"]["A1"].comment is None  # a sheet-level issue is not pinned on a cell
        listed = [row[5].value for row in report[LIST_SHEET].iter_rows(min_row=3)]
        assert listed == ["姓名不像是名字", "找不到工作表「三组」", "工作表没有户号列"]
        missing = report[LIST_SHEET]["A4"]
        assert missing.value == "三组" and missing.hyperlink is None


def test_an_unsafe_source_is_refused_and_nothing_written(tmp_path: Path) -> None:
    source = tmp_path / "bomb.xlsx"
    source.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    out = tmp_path / "report.xlsx"
    with pytest.raises((UnsafeFileError, UnreadableFileError)) as info:
        write_error_report(source, [], out)
    assert "bomb.xlsx" in info.value.message
    assert not out.exists()
