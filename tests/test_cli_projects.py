"""Two projects in one register: every ``resettle`` command acts on the project it names, never "the first"."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from resettle.cli import main
from resettle.paths_resources import resource_path
from resettle.services.compensation import summaries
from resettle.services.register import imports, projects
from resettle.store.database import Database
from tests.conftest import CLERK

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CLEAN = DATA / "sample_survey_clean.xlsx"
SECOND = "德源村项目"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        payload: Any = json.loads(out.strip().splitlines()[-1]) if out.strip() else None
    except json.JSONDecodeError:
        payload = out
    return code, payload, err


@pytest.fixture
def two(tmp_path: Path, demo_template: Path) -> Path:
    """The demo project (60 households, computed) and the clean sample imported as a second project."""
    path = tmp_path / "two.sqlite3"
    shutil.copyfile(demo_template, path)
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        imports.apply_import(db, imports.preview_import(db, CLEAN, project=SECOND))
    return path


def _totals(path: Path) -> dict[int, Any]:
    with Database.open(path, actor=CLERK, lock=False, startup_backup=False) as db:
        return {p.id: summaries.project_summary(db, p.id).grand_total for p in projects.tree(db, with_counts=False)}


def test_commands_without_a_project_are_refused_listing_both(capsys: pytest.CaptureFixture[str], two: Path) -> None:
    for argv in (["compute"], ["export", "roster", str(two.parent / "r.xlsx")], ["import", str(CLEAN)]):
        code, payload, err = run(capsys, "--db", str(two), "--json", *argv)
        assert code == 1, argv
        assert "2 个项目" in payload["error"] and SECOND in payload["error"], argv
        assert "错误" in err
    assert not (two.parent / "r.xlsx").exists()


def test_rates_and_compute_touch_only_the_named_project(capsys: pytest.CaptureFixture[str], two: Path) -> None:
    before = _totals(two)
    rates = str(resource_path("samples", "rates_sample.xlsx"))
    code, payload, _ = run(
        capsys, "--db", str(two), "--json", "rates", "import", rates, "--publish", "--project", SECOND
    )
    assert code == 0 and payload["project_id"] == 2
    code, payload, _ = run(capsys, "--db", str(two), "--json", "compute", "--project", SECOND)
    assert code == 0 and payload["households"] == 40
    after = _totals(two)
    assert after[1] == before[1]  # the demo project is untouched
    assert after[2] > 0 and after[2] != before.get(2)


def test_exports_and_prints_hold_only_the_named_projects_households(
    capsys: pytest.CaptureFixture[str], two: Path
) -> None:
    out = two.parent / "roster.xlsx"
    code, payload, _ = run(capsys, "--db", str(two), "--json", "export", "roster", str(out), "--project", SECOND)
    assert code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        text = "\n".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    finally:
        book.close()
    with Database.open(two, actor=CLERK, lock=False, startup_backup=False) as db:
        first_nos = {r[0] for r in _numbers(db, 1)}
        second_nos = {r[0] for r in _numbers(db, 2)}
    assert all(no in text for no in second_nos)
    assert not any(no in text for no in first_nos - second_nos)

    rates = str(resource_path("samples", "rates_sample.xlsx"))
    assert run(capsys, "--db", str(two), "rates", "import", rates, "--publish", "--project", SECOND)[0] == 0
    assert run(capsys, "--db", str(two), "compute", "--project", SECOND)[0] == 0
    pdf = two.parent / "disclosure.pdf"
    code, payload, _ = run(
        capsys, "--db", str(two), "--json", "print", "disclosure", str(pdf), "--project", SECOND, "--draft"
    )
    assert code == 0, payload
    # NFKC: this test is about which households are printed; the text layer itself is tested in tests/documents
    printed = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert SECOND in printed
    assert not any(no in printed for no in first_nos - second_nos)


def test_households_lists_one_project_and_finds_its_village(capsys: pytest.CaptureFixture[str], two: Path) -> None:
    code, payload, _ = run(capsys, "--db", str(two), "--json", "households", "--project", SECOND, "--limit", "500")
    assert code == 0 and payload["total"] == 40
    village = payload["households"][0]["village"]
    code, payload, _ = run(
        capsys, "--db", str(two), "--json", "households", "--project", SECOND, "--village", village, "--limit", "500"
    )
    assert code == 0 and payload["total"] >= 1
    assert {h["village"] for h in payload["households"]} == {village}
    code, payload, _ = run(capsys, "--db", str(two), "--json", "households", "--village", village)
    assert code == 1 and "2 个项目" in payload["error"]


def _numbers(db: Database, project_id: int) -> list[tuple[str]]:
    from sqlalchemy import select

    from resettle.store.models import Household

    with db.read() as s:
        return [
            (str(no),) for (no,) in s.execute(select(Household.household_no).where(Household.project_id == project_id))
        ]


def test_township_sets_the_office_default_and_one_projects_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "t.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        east = projects.create_project(db, "城东项目")
        west = projects.create_project(db, "城西项目")
    db_args = ("--db", str(path), "--json", "township")
    code, payload, _ = run(capsys, *db_args, "--office", "东岗镇征迁办公室", "--complaint-phone", "12345")
    assert code == 0 and payload["office"] == "东岗镇征迁办公室" and payload["phone"] == ""
    code, payload, _ = run(capsys, *db_args, "--project", "城西项目", "--office", "西岗征迁组", "--phone", "0579-2")
    assert code == 0 and payload["own"]["office"] == "西岗征迁组"
    assert payload["printed"] == {**payload["own"], "complaint_phone": "12345"}  # the rest from the office default
    with Database.open(path, actor=CLERK, lock=False, startup_backup=False) as db:
        assert projects.township_for(db, east).office == "东岗镇征迁办公室"  # the other project keeps the default
        assert projects.township_for(db, west).office == "西岗征迁组"
    code, payload, _ = run(capsys, *db_args, "--project", "城西项目", "--office", "")  # cleared: the default again
    assert code == 0 and payload["printed"]["office"] == "东岗镇征迁办公室" and payload["printed"]["phone"] == "0579-2"
    code, payload, _ = run(capsys, *db_args, "--phone", "0579-1")  # the default's other fields stay
    assert code == 0 and payload["office"] == "东岗镇征迁办公室" and payload["phone"] == "0579-1"
    code, payload, _ = run(capsys, "--db", str(path), "township", "--project", "城北项目")
    assert code == 1
