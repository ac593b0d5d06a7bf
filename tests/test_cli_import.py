"""``resettle import`` end to end on the two sample workbooks and corrected copies of them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from resettle.cli import main
from resettle.errors import ValidationError
from resettle.io.error_report import LIST_SHEET
from resettle.services.register import imports
from resettle.store.database import Database

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"  # /work/shared/data
DAMAGED = DATA / "sample_survey.xlsx"
CLEAN = DATA / "sample_survey_clean.xlsx"


def truth(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.truth.json").read_text(encoding="utf-8"))
    return data


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


def stored(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, Any]:
    code, payload = run(capsys, "--db", str(db), "households", "--json", "--limit", "1000")
    assert code == 0
    return payload


def test_damaged_sample_is_refused_with_its_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    report = tmp_path / "report.xlsx"
    code, payload = run(capsys, "--db", str(db), "import", str(DAMAGED), "--json", "--report", str(report))
    assert code == 1
    assert payload["batch"] is None and payload["applied"] is False
    assert set(payload) >= {"households", "persons", "errors", "warnings", "batch"}
    found = {(e["sheet"], e["row"], e["column"]) for e in payload["errors"]}
    assert len(found) == len(payload["errors"])
    for e in payload["errors"]:
        assert set(e) >= {"sheet", "row", "column", "field", "value", "message"} and e["message"]
    expected = {(e["sheet"], e["row"], e["column"]) for e in truth("sample_survey")["errors"]}
    # Either occurrence of the repeated ID may be the one reported.
    dup = next(e for e in truth("sample_survey")["errors"] if e["kind"] == "duplicate_id")
    reported = next(e for e in payload["errors"] if e["kind"] == "duplicate_id")
    if (reported["sheet"], reported["row"], reported["column"]) != (dup["sheet"], dup["row"], dup["column"]):
        assert reported["value"] in reported["message"]
        found = (found - {(reported["sheet"], reported["row"], reported["column"])}) | {
            (dup["sheet"], dup["row"], dup["column"])
        }
    assert found == expected
    assert stored(capsys, db) == {"total": 0, "households": []}
    assert payload["report"] == str(report)
    book = openpyxl.load_workbook(report)
    try:
        assert book.sheetnames == [LIST_SHEET, "一组", "二组"]
    finally:
        book.close()


def test_clean_sample_imports_completely(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    code, payload = run(capsys, "--db", str(db), "import", str(CLEAN), "--json")
    expect = truth("sample_survey_clean")
    assert code == 0 and payload["errors"] == []
    assert (payload["households"], payload["persons"]) == (expect["households"], expect["members"]) == (40, 148)
    assert isinstance(payload["batch"], int) and payload["applied"] is True
    listed = stored(capsys, db)
    assert listed["total"] == 40
    homes = listed["households"]
    assert sum(len(h["persons"]) for h in homes) == 148
    land = sum(Decimal(x["area_mu"]) for h in homes for x in h["parcels"])
    house = sum(Decimal(s["floor_area_m2"]) for h in homes for s in h["structures"])
    trees = sum(Decimal(a["quantity"]) for h in homes for a in h["attachments"] if a["kind"] == "果树")
    assert {a["kind"] for h in homes for a in h["attachments"]} == {"果树"}
    assert (land, house, trees) == (Decimal(expect["land_mu"]), Decimal(expect["house_m2"]), expect["trees"])
    assert (land, house, trees) == (Decimal("93.11"), Decimal("6214.12"), 512)
    # The same file again: nothing to do.
    code, again = run(capsys, "--db", str(db), "import", str(CLEAN), "--json")
    assert code == 0 and again["batch"] is None and again["unchanged"] == 40 and again["added"] == []


def test_dry_run_stores_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    code, payload = run(capsys, "--db", str(db), "import", str(CLEAN), "--dry-run", "--json")
    assert code == 0 and payload["dry_run"] is True and payload["batch"] is None
    assert len(payload["added"]) == 40
    assert stored(capsys, db)["total"] == 0


def _corrected(tmp_path: Path, edits: dict[tuple[str, str], Any], name: str = "corrected.xlsx") -> Path:
    book = openpyxl.load_workbook(CLEAN)
    try:
        for (sheet, cell), value in edits.items():
            book[sheet][cell].value = value
        out = tmp_path / name
        book.save(out)
    finally:
        book.close()
    return out


def test_reimport_shows_changes_and_applies_them_only_with_yes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "reg.sqlite3"
    code, first = run(capsys, "--db", str(db), "import", str(CLEAN), "--json")
    assert code == 0
    fixed = _corrected(tmp_path, {("一组", "I5"): "13900000001", ("一组", "K5"): 2.75})
    code, plan = run(capsys, "--db", str(db), "import", str(fixed), "--json")
    assert code == 1 and plan["needs_confirmation"] is True and plan["batch"] is None
    assert plan["errors"] == [] and plan["added"] == [] and plan["removed"] == []
    (change,) = plan["changed"]
    assert (change["household_no"], change["sheet"], change["row"]) == ("东岗01001", "一组", 5)
    fields = {c["field"]: (c["before"], c["after"]) for c in change["changes"]}
    assert fields["联系电话"] == ("13531783929", "13900000001")
    assert [after for field, (_, after) in fields.items() if field.endswith("面积(亩)")] == ["2.75"]
    homes = {h["household_no"]: h for h in stored(capsys, db)["households"]}
    assert homes["东岗01001"]["phone"] == "13531783929"  # not applied

    code, done = run(capsys, "--db", str(db), "import", str(fixed), "--json", "--yes")
    assert code == 0 and done["result"]["changed"] == 1 and done["result"]["added"] == 0
    homes = {h["household_no"]: h for h in stored(capsys, db)["households"]}
    assert homes["东岗01001"]["phone"] == "13900000001"
    assert homes["东岗01001"]["parcels"][0]["area_mu"] == "2.75"

    # Undo the first batch: the households it created go (one was edited since, so it asks first).
    with Database.open(db, startup_backup=False) as opened:
        with pytest.raises(ValidationError, match="1 户"):
            imports.undo_batch(opened, first["batch"], "导入错了文件")
        assert imports.undo_batch(opened, first["batch"], "导入错了文件", force=True) == 40
    assert stored(capsys, db)["total"] == 0


def test_new_households_are_added_without_yes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    book = openpyxl.load_workbook(CLEAN)
    try:
        del book["二组"]
        only_one = tmp_path / "one.xlsx"
        book.save(only_one)
    finally:
        book.close()
    code, payload = run(capsys, "--db", str(db), "import", str(only_one), "--json")
    assert code == 0 and len(payload["added"]) == 20
    code, payload = run(capsys, "--db", str(db), "import", str(CLEAN), "--json")
    assert code == 0 and payload["applied"] is True
    assert (len(payload["added"]), payload["changed"], payload["unchanged"]) == (20, [], 20)
    assert stored(capsys, db)["total"] == 40


def _without_last_household(tmp_path: Path) -> tuple[Path, str]:
    """The clean sample with the last household of 一组 blanked out."""
    book = openpyxl.load_workbook(CLEAN)
    try:
        ws = book["一组"]
        total_row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
        top = max(r for r in range(5, total_row) if ws.cell(r, 2).value)
        number = str(ws.cell(top, 2).value)
        for merged in [m for m in ws.merged_cells.ranges if m.min_row >= top and m.max_row < total_row]:
            ws.unmerge_cells(str(merged))
        for r in range(top, total_row):
            for c in range(1, ws.max_column + 1):
                ws.cell(r, c).value = None
        out = tmp_path / "missing.xlsx"
        book.save(out)
    finally:
        book.close()
    return out, number


def test_removals_only_with_remove_missing_and_yes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    run(capsys, "--db", str(db), "import", str(CLEAN), "--json")
    missing, number = _without_last_household(tmp_path)
    code, payload = run(capsys, "--db", str(db), "import", str(missing), "--json")
    assert code == 0 and payload["batch"] is None
    assert [r["household_no"] for r in payload["removed"]] == [number]
    code, payload = run(capsys, "--db", str(db), "import", str(missing), "--json", "--remove-missing")
    assert code == 1 and payload["needs_confirmation"] is True
    assert stored(capsys, db)["total"] == 40
    code, payload = run(capsys, "--db", str(db), "import", str(missing), "--json", "--remove-missing", "--yes")
    assert code == 0 and payload["result"]["removed"] == 1
    numbers = {h["household_no"] for h in stored(capsys, db)["households"]}
    assert len(numbers) == 39 and number not in numbers


def test_text_output_prints_the_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    assert main(["--db", str(db), "import", str(CLEAN)]) == 0
    capsys.readouterr()
    fixed = _corrected(tmp_path, {("二组", "I5"): "13900000002"})
    assert main(["--db", str(db), "import", str(fixed)]) == 1
    out = capsys.readouterr().out
    assert "修改 东岗02001" in out and "13900000002" in out and "--yes" in out


def test_missing_file_is_a_chinese_refusal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, payload = run(capsys, "--db", str(tmp_path / "reg.sqlite3"), "--json", "import", str(tmp_path / "无.xlsx"))
    assert code == 1 and "不存在" in payload["error"]


def test_export_kinds_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite3"
    run(capsys, "--db", str(db), "import", str(CLEAN), "--json")
    for kind in ("roster", "disclosure", "payments"):
        out = tmp_path / f"{kind}.xlsx"
        code, payload = run(capsys, "--db", str(db), "export", kind, str(out), "--json", "--village", "东岗村")
        assert code == 0 and payload["households"] == 40 and out.exists()
    code, payload = run(capsys, "--db", str(db), "import", str(tmp_path / "roster.xlsx"), "--json")
    assert code == 0 and payload["unchanged"] == 40 and payload["changed"] == []
