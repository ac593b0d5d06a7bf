"""The two sample workbooks in shared/data against their truth files."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from resettle.io.survey import SurveyHousehold, SurveyReadResult, read_survey

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # /work/shared/data


def _load(name: str) -> tuple[SurveyReadResult, dict[str, Any]]:
    path = DATA / f"{name}.xlsx"
    if not path.exists():
        pytest.fail(f"sample workbook missing: {path}")
    truth = json.loads((DATA / f"{name}.truth.json").read_text(encoding="utf-8"))
    return read_survey(path), truth


def _totals(result: SurveyReadResult) -> dict[str, Any]:
    households = result.households
    return {
        "households": len(households),
        "members": sum(len(h.persons) for h in households),
        "land_mu": str(sum((p.area_mu for h in households for p in h.parcels), Decimal("0.00"))),
        "house_m2": str(sum((s.floor_area_m2 for h in households for s in h.structures), Decimal("0.00"))),
        "trees": int(sum((a.quantity for h in households for a in h.attachments if a.kind == "果树"), Decimal(0))),
    }


def _sheet_counts(result: SurveyReadResult) -> dict[str, dict[str, int]]:
    return {s.name: {"households": s.households, "members": s.persons, "last_row": s.last_row} for s in result.sheets}


def _check_record(household: SurveyHousehold, record: dict[str, Any], refused_rows: set[int]) -> None:
    assert household.household_no == record["household_no"]
    assert household.head == record["head"]
    assert len(household.persons) == record["members"]
    land = sum((p.area_mu for p in household.parcels), Decimal("0.00"))
    assert str(land) == record["land_mu"]
    assert [p.land_class for p in household.parcels] == [record["land_class"]]
    house = sum((s.floor_area_m2 for s in household.structures), Decimal("0.00"))
    assert str(house) == record["house_m2"]
    structures = [s.structure_type for s in household.structures]
    assert structures == ([record["structure"]] if record["structure"] else [])
    trees = sum((a.quantity for a in household.attachments), Decimal(0))
    assert trees == record["trees"]
    assert all(a.unit == "棵" for a in household.attachments)
    for person, expected in zip(household.persons, record["ids"], strict=True):
        if person.row not in refused_rows:  # a damaged cell cannot give back the true number
            assert person.id_number == expected


def _records_match(result: SurveyReadResult, truth: dict[str, Any]) -> None:
    by_place = {(h.sheet, h.row): h for h in result.households}
    assert len(by_place) == len(truth["records"])
    refused = {(e.sheet, e.row) for e in result.errors if e.field == "身份证号码"}
    for record in truth["records"]:
        household = by_place[(record["sheet"], record["row"])]
        rows = {row for sheet, row in refused if sheet == record["sheet"]}
        _check_record(household, record, rows)


def test_sample_survey_totals_and_sheets() -> None:
    result, truth = _load("sample_survey")
    assert _totals(result) == {k: truth[k] for k in ("households", "members", "land_mu", "house_m2", "trees")}
    assert _sheet_counts(result) == truth["sheets"]
    assert {s.name: s.header_rows for s in result.sheets} == {"一组": (3, 4), "二组": (3, 4)}


def test_sample_survey_errors_are_exactly_the_damaged_cells() -> None:
    result, truth = _load("sample_survey")
    found = [(e.sheet, e.row, e.column, e.kind) for e in result.errors]
    assert len(found) == len(set(found))
    expected = {(e["sheet"], e["row"], e["column"], e["kind"]) for e in truth["errors"]}
    duplicate = [e for e in truth["errors"] if e["kind"] == "duplicate_id"]
    assert len(duplicate) == 1
    # Either occurrence of the repeated ID may be reported.
    found_set = set(found)
    dup_truth = (duplicate[0]["sheet"], duplicate[0]["row"], duplicate[0]["column"], "duplicate_id")
    dup_found = [f for f in found if f[3] == "duplicate_id"]
    assert len(dup_found) == 1
    if dup_found[0] != dup_truth:
        same_id = {p.id_number for h in result.households for p in h.persons if (h.sheet, p.row) == dup_truth[:2]}
        other = {p.id_number for h in result.households for p in h.persons if (h.sheet, p.row) == dup_found[0][:2]}
        assert same_id == other
        found_set = (found_set - {dup_found[0]}) | {dup_truth}
    assert found_set == expected


def test_sample_survey_issues_name_their_cell() -> None:
    result, _ = _load("sample_survey")
    by_kind = {e.kind: e for e in result.errors}
    number = by_kind["id_as_number"]
    assert number.field == "身份证号码"
    assert "15" in number.message and "数字" in number.message
    assert "e+17" in number.value
    duplicate = by_kind["duplicate_id"]
    assert "一组" in duplicate.message and "5" in duplicate.message
    assert by_kind["bad_date"].value == "1985.13.45"
    assert by_kind["bad_checksum"].value == "321283198311028230"


def test_sample_survey_records() -> None:
    result, truth = _load("sample_survey")
    _records_match(result, truth)


def test_sample_survey_clean_imports_completely() -> None:
    result, truth = _load("sample_survey_clean")
    assert result.errors == []
    assert _totals(result) == {k: truth[k] for k in ("households", "members", "land_mu", "house_m2", "trees")}
    assert _sheet_counts(result) == truth["sheets"]
    _records_match(result, truth)
    for household in result.households:
        assert household.village == "东岗村"
        assert household.group == household.sheet
        assert household.phone.isdigit() and len(household.phone) == 11
        assert 16 <= len(household.bank_account) <= 19
        assert household.persons[0].relation == "户主"
        for person in household.persons:
            assert person.birth_date is not None and person.sex in ("男", "女")


@pytest.mark.slow
def test_ten_thousand_households(tmp_path: Path) -> None:
    from tests.io.builders import large_survey

    path = tmp_path / "big.xlsx"
    households, persons = large_survey(path, 10_000)
    result = read_survey(path)
    assert result.issues == []
    assert len(result.households) == households
    assert sum(len(h.persons) for h in result.households) == persons
    assert len(result.sheets) == 20
    assert len({h.household_no for h in result.households}) == households


@pytest.mark.parametrize("cell", ["M9", "G9"])
def test_an_error_value_pasted_into_the_clean_sample_is_an_error_not_an_empty_cell(tmp_path: Path, cell: str) -> None:
    """#REF! pasted as a value (no formula behind it): calamine reads an empty cell, so without a
    look at the sheet XML a house or an ID number would be dropped without a word."""
    import openpyxl

    book = openpyxl.load_workbook(DATA / "sample_survey_clean.xlsx")
    sheet = book.worksheets[0]
    sheet[cell] = "#REF!"  # openpyxl stores the Excel error codes as error values (t="e")
    assert sheet[cell].data_type == "e"
    path = tmp_path / "ref.xlsx"
    book.save(path)
    result = read_survey(path)
    errors = [i for i in result.issues if i.severity == "error"]
    assert [(e.sheet, e.row, e.column) for e in errors] == [(sheet.title, 9, cell[0])]
    assert "错误值" in errors[0].message


def test_a_household_without_a_head_is_named_in_a_warning(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(DATA / "sample_survey_clean.xlsx")
    sheet = book.worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "户主" and c.row > 4)
    cell.value = "父亲"
    path = tmp_path / "no_head.xlsx"
    book.save(path)
    result = read_survey(path)
    warned = [i for i in result.issues if i.kind == "no_head"]
    assert [(w.sheet, w.row, w.severity) for w in warned] == [(sheet.title, cell.row, "warning")]
    assert not [i for i in read_survey(DATA / "sample_survey_clean.xlsx").issues if i.kind == "no_head"]
