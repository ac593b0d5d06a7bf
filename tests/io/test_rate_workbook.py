from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from resettle.domain.rates import RateTable, Rule
from resettle.domain.sample_rates import sample_rate_table
from resettle.errors import ValidationError
from resettle.io.rate_workbook import SHEET, RateWorkbookError, read_rate_workbook, write_rate_workbook
from resettle.paths_resources import resource_path

HEADER = ["编码", "项目", "依据", "条件", "单价(元)", "单位", "支付对象", "最低(元)", "最高(元)"]
GOOD = ["TD-01", "土地补偿费", "土地面积", "地类=水田", 62000, "亩", "户", None, None]


def book(tmp_path: Path, rows: list[list[object]], sheet: str = SHEET, meta: list[list[object]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in meta if meta is not None else [["名称", "测试标准"], ["版本", 2], []]:
        ws.append(row)
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path = tmp_path / "rates.xlsx"
    wb.save(path)
    return path


def refusal(path: Path) -> RateWorkbookError:
    with pytest.raises(RateWorkbookError) as info:
        read_rate_workbook(path)
    return info.value


def test_round_trip_of_the_sample_table(tmp_path: Path) -> None:
    path = tmp_path / "sample.xlsx"
    table = sample_rate_table()
    write_rate_workbook(table, path)
    found = read_rate_workbook(path)
    assert found.table == table
    assert found.version_given


def test_written_workbook_is_formatted_for_clerks(tmp_path: Path) -> None:
    path = tmp_path / "sample.xlsx"
    write_rate_workbook(sample_rate_table(), path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    header_row = next(r for r in range(1, 12) if ws.cell(r, 1).value == "编码")
    assert [ws.cell(header_row, c).value for c in range(1, 10)] == HEADER
    assert ws.cell(header_row, 1).font.bold
    assert ws.freeze_panes == f"A{header_row + 1}"
    price = ws.cell(header_row + 1, 5)
    assert price.value == 62000 and price.number_format == "#,##0.00"
    assert ws["B3"].value.date() == date(2026, 3, 1)
    assert "说明" in wb.sheetnames


def test_reads_metadata_floats_text_amounts_and_notes(tmp_path: Path) -> None:
    rows = [
        ["QM-01", "青苗补偿费", "面积", "", 1850.5, "", "", None, None],
        ["BQ-01", "搬迁费", "建筑面积", "", "30.00元", "平方米", "农户", "3,000.00", None],
        [],
        ["说明：本表为测试", None, None, None, None, None, None, None, None],
    ]
    meta = [["名称：城西标准"], ["生效日期", "2026年3月1日", "依据文件", "西政〔2026〕3号"], []]
    found = read_rate_workbook(book(tmp_path, rows, meta=meta))
    table = found.table
    assert (table.name, table.version, table.effective_date, table.source_doc) == (
        "城西标准",
        1,
        date(2026, 3, 1),
        "西政〔2026〕3号",
    )
    assert not found.version_given
    qm, bq = table.rules
    assert (qm.unit_price_fen, qm.unit, qm.basis, qm.payee) == (185_050, "亩", "土地面积", "户")
    assert (bq.unit_price_fen, bq.unit, bq.minimum_fen, bq.basis) == (3_000, "㎡", 300_000, "房屋面积")


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (["X1", "土地补偿费", "土地面积", "", "六万", "亩", "户", None, None], "E", "不是金额"),
        (["X1", "土地补偿费", "土地面积", "", 12.345, "亩", "户", None, None], "E", "两位小数"),
        (["X1", "土地补偿费", "土地面积", "", -5, "亩", "户", None, None], "E", "负数"),
        (["X1", "土地补偿费", "土地面积", "", None, "亩", "户", None, None], "E", "单价不能为空"),
        (["X1", "土地补偿费", "按人头", "", 100, "亩", "户", None, None], "C", "依据「按人头」无法识别"),
        (["X1", "土地补偿费", "土地面积", "地类水田", 100, "亩", "户", None, None], "D", "字段=值"),
        (["X1", "安置补助费", "安置人口", "地类=水田", 100, "人", "户", None, None], "D", "不能带条件「地类」"),
        (["X1", "土地补偿费", "土地面积", "", 100, "㎡", "户", None, None], "F", "单位应为「亩」"),
        (["X1", "土地补偿费", "土地面积", "", 100, "亩", "银行", None, None], "G", "支付对象"),
        (["X1", "搬迁费", "房屋面积", "", 100, "㎡", "户", 500, 100], "H", "最低金额不能高于最高金额"),
        (["", "土地补偿费", "土地面积", "", 100, "亩", "户", None, None], "A", "编码不能为空"),
        (["X1", None, "土地面积", "", 100, "亩", "户", None, None], "B", "项目不能为空"),
    ],
)
def test_bad_cells_are_refused_naming_sheet_row_and_column(
    tmp_path: Path, row: list[object], column: str, words: str
) -> None:
    err = refusal(book(tmp_path, [GOOD, row]))
    assert len(err.issues) == 1
    issue = err.issues[0]
    assert (issue.sheet, issue.row, issue.column) == (SHEET, 6, column)
    assert words in issue.message
    assert f"工作表「{SHEET}」第 6 行 {column} 列" in err.message


def test_every_bad_row_is_reported_and_nothing_half_read(tmp_path: Path) -> None:
    rows = [GOOD, ["X1", "a", "土地面积", "", "abc", "亩", "户"], ["TD-01", "b", "土地面积", "", 1, "亩", "户"]]
    err = refusal(book(tmp_path, rows))
    assert [(i.row, i.column) for i in err.issues] == [(6, "E"), (7, "A")]
    assert "与第 5 行重复" in err.issues[1].message
    assert "2 处问题" in err.message


def test_formula_cells_are_refused(tmp_path: Path) -> None:
    err = refusal(book(tmp_path, [["TD-01", "土地补偿费", "土地面积", "", "=1+1", "亩", "户"]]))
    assert (err.issues[0].row, err.issues[0].column) == (5, "E")
    assert "公式" in err.issues[0].message


def test_two_rules_paying_the_same_item_on_the_same_conditions_are_refused(tmp_path: Path) -> None:
    twice = ["TD-09", GOOD[1], GOOD[2], GOOD[3], 48000, GOOD[5], GOOD[6]]
    err = refusal(book(tmp_path, [GOOD, twice]))
    assert [(i.row, i.column) for i in err.issues] == [(6, "D")]
    assert "计算两次" in err.issues[0].message and "第 5 行" in err.issues[0].message
    other = ["TD-09", GOOD[1], GOOD[2], "地类=旱地", 48000, GOOD[5], GOOD[6]]
    assert len(read_rate_workbook(book(tmp_path, [GOOD, other])).table.rules) == 2


def test_an_error_value_is_refused_not_read_as_an_empty_cell(tmp_path: Path) -> None:
    err = refusal(book(tmp_path, [GOOD, ["TD-02", "土地补偿费", "土地面积", "#N/A", 100, "亩", "户"]]))
    assert [(i.row, i.column) for i in err.issues] == [(6, "D")]
    assert "错误值" in err.issues[0].message


def test_missing_sheet_header_or_rules(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="没有名为「补偿标准」的工作表（现有：Sheet1）"):
        read_rate_workbook(book(tmp_path, [GOOD], sheet="Sheet1"))
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(["编码", "项目", "条件"])
    ws.append(["A", "b", ""])
    wb.save(tmp_path / "nohead.xlsx")
    err = refusal(tmp_path / "nohead.xlsx")
    assert {i.message for i in err.issues} == {"表头缺少「依据」列", "表头缺少「单价(元)」列"}
    assert "表头下没有任何规则" in refusal(book(tmp_path, [])).message
    ws.delete_rows(1)
    wb.save(tmp_path / "nohead.xlsx")
    assert "找不到表头行" in refusal(tmp_path / "nohead.xlsx").message


def test_bad_metadata_is_named_by_cell(tmp_path: Path) -> None:
    err = refusal(book(tmp_path, [GOOD], meta=[["名称", "x"], ["版本", "二"], ["生效日期", "下个月"]]))
    assert [(i.row, i.column) for i in err.issues] == [(2, "B"), (3, "B")]


def test_user_text_cannot_become_a_formula_and_survives_a_round_trip(tmp_path: Path) -> None:
    evil = Rule.from_text(
        code="=1+1", item="-HYPERLINK(x)", basis="每户", conditions="标签=@低保户", unit_price_fen=100
    )
    path = tmp_path / "evil.xlsx"
    write_rate_workbook(RateTable("+标准", rules=(evil,)), path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in cells)
    assert {"=1+1", "-HYPERLINK(x)", "+标准"} <= {c.value for c in cells}  # text cells, unchanged (cell_text)
    found = read_rate_workbook(path)
    assert found.table.name == "+标准"
    assert found.table.rules == (evil,)


def test_bundled_sample_workbook_is_the_sample_table() -> None:
    """resources/samples/rates_sample.xlsx is regenerated with
    ``write_rate_workbook(sample_rate_table(), resource_path("samples", "rates_sample.xlsx"))``."""
    found = read_rate_workbook(resource_path("samples", "rates_sample.xlsx"))
    assert found.table == sample_rate_table()
