"""An office's own rate sheet: price units (元/亩), title rows and 说明 sheets, every problem listed."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from resettle.cli import main
from resettle.domain.sample_rates import sample_rate_table
from resettle.io.error_report import LIST_SHEET
from resettle.io.rate_workbook import MISSING_NAME, SHEET, RateWorkbookError, read_rate_workbook, write_rate_workbook
from resettle.services.compensation import rate_tables
from resettle.services.register import projects
from resettle.store.database import Database
from tests.conftest import CLERK

HEADER = ["编码", "项目", "依据", "条件", "单价(元)", "单位", "支付对象"]


def office_sheet(
    tmp_path: Path, rows: list[list[object]], *, title: str | None, notes: dict[str, object] | None = None
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    if title is not None:
        ws.append([title])
        ws.merge_cells("A1:G1")
        ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if notes is not None:
        info = wb.create_sheet("说明")
        for key, value in notes.items():
            info.append([key, value])
    path = tmp_path / "office_rates.xlsx"
    wb.save(path)
    return path


PRICE_UNITS = [
    ["TD-01", "土地补偿费", "土地面积", "地类=水田", 62000, "元/亩", "户"],
    ["FW-01", "房屋补偿", "建筑面积", "结构=砖混", 1500, "元/㎡", "户"],
    ["FW-02", "房屋补偿", "建筑面积", "结构=框架", 1800, "元/平方米", "户"],
    ["FW-03", "房屋补偿", "建筑面积", "结构=砖木", 1200, "元/m2", "户"],
    ["FJ-01", "附着物补偿", "附着物数量", "附着物=果树", 300, "元/棵", "户"],
    ["FJ-02", "附着物补偿", "附着物数量", "附着物=苗木", 20, "株", "户"],
    ["BQ-01", "搬迁费", "每户", "", 3000, "元/户", "户"],
]


def test_price_units_and_the_usual_spellings_are_accepted(tmp_path: Path) -> None:
    path = office_sheet(tmp_path, PRICE_UNITS, title="城东产业园区征收补偿标准")
    table = read_rate_workbook(path).table
    units = {r.code: r.unit for r in table.rules}
    assert units == {
        "TD-01": "亩",
        "FW-01": "㎡",
        "FW-02": "㎡",
        "FW-03": "㎡",
        "FJ-01": "棵",
        "FJ-02": "株",
        "BQ-01": "户",
    }
    assert table.name == "城东产业园区征收补偿标准"  # from the title row, not the file name


def test_a_conflicting_unit_is_still_an_error_naming_the_cell(tmp_path: Path) -> None:
    rows = [["TD-01", "土地补偿费", "土地面积", "地类=水田", 62000, "元/㎡", "户"]]
    with pytest.raises(RateWorkbookError) as info:
        read_rate_workbook(office_sheet(tmp_path, rows, title="某标准"))
    (issue,) = info.value.issues
    assert (issue.row, issue.column) == (4, "F")
    assert "元/㎡" in issue.message and "亩" in issue.message


def test_every_problem_is_listed_none_hidden(tmp_path: Path) -> None:
    rows = [[f"TD-{i:02d}", "土地补偿费", "土地面积", "地类=水田", 62000, "元/株", "户"] for i in range(1, 14)]
    with pytest.raises(RateWorkbookError) as info:
        read_rate_workbook(office_sheet(tmp_path, rows, title="某标准"))
    assert len(info.value.issues) == 13
    assert "另有" not in info.value.message
    assert all(f"第 {r} 行 F 列" in info.value.message for r in range(4, 17))


def test_name_number_and_date_from_a_notes_sheet(tmp_path: Path) -> None:
    notes = {"名称": "德源村征收补偿标准", "文号": "某政发〔2026〕12号", "生效日期": "2026年6月30日"}
    table = read_rate_workbook(office_sheet(tmp_path, PRICE_UNITS, title=None, notes=notes)).table
    assert (table.name, table.source_doc, str(table.effective_date)) == (
        "德源村征收补偿标准",
        "某政发〔2026〕12号",
        "2026-06-30",
    )


def test_a_sheet_without_a_name_is_refused_never_named_after_the_file(tmp_path: Path) -> None:
    with pytest.raises(RateWorkbookError) as info:
        read_rate_workbook(office_sheet(tmp_path, PRICE_UNITS, title=None))
    assert [i.message for i in info.value.issues] == [MISSING_NAME]
    assert read_rate_workbook(office_sheet(tmp_path, PRICE_UNITS, title=None), name="手填名称").table.name == "手填名称"


def test_cli_names_the_standard_and_one_project_takes_the_published_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db_path = tmp_path / "r.sqlite3"
    with Database.open(db_path, actor=CLERK, startup_backup=False) as db:
        pid = projects.create_project(db, "德源村项目")
    path = office_sheet(tmp_path, PRICE_UNITS, title=None)
    report = tmp_path / "rates_report.xlsx"
    code = main(["--db", str(db_path), "--json", "rates", "import", str(path), "--publish", "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 1 and "名称" in json.loads(out)["error"]
    book = openpyxl.load_workbook(report)
    try:
        assert book.sheetnames[0] == LIST_SHEET and SHEET in book.sheetnames
    finally:
        book.close()
    argv = ["--db", str(db_path), "--json", "rates", "import", str(path), "--publish", "--name", "德源村征收补偿标准"]
    code = main([*argv, "--source-doc", "某政发〔2026〕12号", "--effective-date", "2026-06-30"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and payload["project_id"] == pid  # one project: the published standard is its standard
    with Database.open(db_path, actor=CLERK, startup_backup=False) as db:
        link = rate_tables.get_project_rate_table(db, pid)
        assert link is not None
        detail = rate_tables.get_rate_table(db, link.table.id)
    assert (detail.table.name, detail.table.source_doc, str(detail.table.effective_date)) == (
        "德源村征收补偿标准",
        "某政发〔2026〕12号",
        "2026-06-30",
    )


def test_the_programs_own_workbook_still_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sample.xlsx"
    write_rate_workbook(sample_rate_table(), path)
    assert read_rate_workbook(path).table == sample_rate_table()
