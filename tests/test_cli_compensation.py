"""``resettle rates / compute / export`` end to end on a real demo file."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from resettle.cli import compensation as cli_compensation
from resettle.cli import main
from resettle.domain.sample_rates import sample_rate_table
from resettle.io.compensation_export import DETAIL_SHEET, SUMMARY_SHEET
from resettle.io.rate_workbook import read_rate_workbook, write_rate_workbook
from resettle.services.compensation import adjustments, summaries
from resettle.store.database import Database


@pytest.fixture
def demo_path(demo_db: Database) -> Path:
    path = demo_db.path
    demo_db.close()
    return path


@pytest.fixture
def rates_file(tmp_path: Path) -> Path:
    path = tmp_path / "rates.xlsx"
    write_rate_workbook(sample_rate_table(), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_publish_compute_json(capsys: pytest.CaptureFixture[str], demo_path: Path, rates_file: Path) -> None:
    db = str(demo_path)
    code, out, _ = run(capsys, "--db", db, "rates", "import", str(rates_file), "--publish", "--project", "1")
    assert code == 0 and "已发布" in out
    code, out, _ = run(capsys, "compute", "--db", db, "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["households"] == 60
    with Database.open(demo_path, startup_backup=False) as opened:
        summary = summaries.project_summary(opened, 1)
    assert Decimal(payload["grand_total"]) == summary.grand_total
    code, out, _ = run(capsys, "--db", db, "--json", "compute")
    assert json.loads(out)["changed"] == 0


def test_refusals_exit_1_with_a_chinese_message(
    capsys: pytest.CaptureFixture[str], demo_path: Path, rates_file: Path
) -> None:
    db = str(demo_path)
    code, _, err = run(capsys, "--db", db, "compute")
    assert code == 1 and "尚未选定补偿标准" in err
    code, _, err = run(capsys, "--db", db, "rates", "import", str(rates_file), "--project", "1")
    assert code == 1 and "--publish" in err
    code, out, _ = run(capsys, "--db", db, "--json", "compute", "--village", "无此村")
    assert code == 1 and json.loads(out) == {"error": "村「无此村」不存在"}


def test_unknown_export_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(demo_path), "export", "bogus", "x.xlsx"])
    assert info.value.code == 2
    assert "compensation" in capsys.readouterr().err


def test_other_areas_can_add_export_kinds(
    capsys: pytest.CaptureFixture[str], demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def roster(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
        return {"out": args.out}, f"花名册 {args.out}"

    monkeypatch.setitem(cli_compensation.EXPORTERS, "roster", roster)
    code, out, _ = run(capsys, "--db", str(demo_path), "export", "roster", "r.xlsx")
    assert (code, out.strip()) == (0, "花名册 r.xlsx")


def test_rates_export_round_trips(
    capsys: pytest.CaptureFixture[str], demo_path: Path, rates_file: Path, tmp_path: Path
) -> None:
    db = str(demo_path)
    run(capsys, "--db", db, "rates", "import", str(rates_file), "--publish", "--project", "1")
    out_file = tmp_path / "back.xlsx"
    code, _, _ = run(capsys, "--db", db, "rates", "export", str(out_file))
    assert code == 0
    assert read_rate_workbook(out_file).table.rules == sample_rate_table().rules


def test_export_compensation_workbook(
    capsys: pytest.CaptureFixture[str], demo_path: Path, rates_file: Path, tmp_path: Path
) -> None:
    db = str(demo_path)
    run(capsys, "--db", db, "rates", "import", str(rates_file), "--publish", "--project", "1")
    run(capsys, "--db", db, "compute")
    with Database.open(demo_path, startup_backup=False) as opened:
        conn = opened.raw_connection()
        hid = int(conn.execute("SELECT min(id) FROM household").fetchone()[0])
        conn.close()
        adjustments.add_adjustment(opened, hid, '=HYPERLINK("http://x")', Decimal("10.00"), "@SUM(A1)", payee="户")
        summary = summaries.project_summary(opened, 1)
    out_file = tmp_path / "comp.xlsx"
    code, out, _ = run(capsys, "--db", db, "--json", "export", "compensation", str(out_file))
    assert code == 0 and json.loads(out)["households"] == 60
    wb = openpyxl.load_workbook(out_file)
    assert wb.sheetnames == [SUMMARY_SHEET, DETAIL_SHEET]
    ws = wb[SUMMARY_SHEET]
    assert "补偿汇总表" in ws["A1"].value and ws["A1"].font.bold
    headers = [c.value for c in ws[3]]
    assert headers[:2] == ["户号", "户主"] and headers[-2:] == ["合计(元)", "状态"]
    assert headers[4:6] == ["土地补偿费", "安置补助费"]
    assert all(c.font.bold for c in ws[3])
    assert ws.freeze_panes == "C4"
    total_col = headers.index("合计(元)") + 1
    last = ws.max_row
    assert ws.cell(last, 1).value == "合计（60 户）"
    assert Decimal(str(ws.cell(last, total_col).value)) == summary.grand_total
    assert ws.cell(4, total_col).number_format == "#,##0.00"
    assert ws.cell(4, 1).data_type == "s"
    evil_header = headers[-3]
    assert evil_header == '=HYPERLINK("http://x")'  # a text cell with the text unchanged, not a formula
    assert ws.cell(3, len(headers) - 2).data_type == "s"
    detail = wb[DETAIL_SHEET]
    assert detail.freeze_panes == "C4"
    for sheet in (ws, detail):  # both print as the office's other tables: A4 landscape, header on every page
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$3:$3" and sheet.oddFooter.center.text == "第 &P 页 共 &N 页"
    cells = [c for sheet in (ws, detail) for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for row in detail.iter_rows(min_row=4) for c in row if isinstance(c.value, str)]
    assert '=HYPERLINK("http://x")' in texts and "人工调整：@SUM(A1)" in texts
    formulas = [row[12].value for row in detail.iter_rows(min_row=4) if row[4].value == "TD-01"]
    assert formulas and all(" 亩 × 62,000.00 元/亩 = " in f for f in formulas)
