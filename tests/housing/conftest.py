"""A register with the sample survey, the sample stock list and the sample placement standard."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from resettle.domain.township import TownshipDetails
from resettle.services.housing import stock
from resettle.services.register import imports, settings
from resettle.store.database import Database
from tests.conftest import CLERK

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
WAVE2 = DATA / "wave2"
SURVEY = DATA / "sample_survey_clean.xlsx"
STOCK = WAVE2 / "housing_stock.xlsx"
STANDARD = WAVE2 / "placement_standard.xlsx"
EXPECTED: dict[str, Any] = json.loads((WAVE2 / "housing_expected.json").read_text(encoding="utf-8"))
PROJECT = "东岗项目"
TOWNSHIP = TownshipDetails(
    township="东岗镇",
    office="东岗镇征迁办公室",
    phone="0571-86660000",
    signing_place="东岗镇政府",
    complaint_phone="12345",
)


def import_survey(db: Database, project: str = PROJECT) -> int:
    preview = imports.preview_import(db, SURVEY, project=project)
    assert preview.errors == []
    imports.apply_import(db, preview)
    from resettle.services.register import projects

    return projects.resolve_project(db, project)


def choices_workbook(path: Path, rows: list[tuple[Any, ...]], sheet: str = "选房结果") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(["户号", "安置方式", "房号", "房号2"])
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def expected_choice_rows() -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for no, choice in EXPECTED["choices"].items():
        if choice == "cash":
            rows.append((no, "货币安置", None, None))
        else:
            rows.append((no, "产权调换", *choice, *([None] * (2 - len(choice)))))
    return rows


@pytest.fixture(scope="session")
def housing_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Survey + stock + published standard, built once; tests get copies."""
    path = tmp_path_factory.mktemp("housing") / "housing.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        pid = import_survey(db)
        stock.import_stock(db, pid, STOCK)
        stock.import_standard(db, pid, STANDARD, publish=True)
        settings.save_township(db, TOWNSHIP)
    return path


@pytest.fixture
def hdb(tmp_path: Path, housing_template: Path) -> Iterator[Database]:
    path = tmp_path / "housing.sqlite3"
    shutil.copyfile(housing_template, path)
    database = Database.open(path, actor=CLERK, startup_backup=False)
    yield database
    database.close()


@pytest.fixture
def pid(hdb: Database) -> int:
    from resettle.services.register import projects

    return projects.resolve_project(hdb, PROJECT)


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Printing needs a QGuiApplication; pytest-qt's QApplication serves (and keeps widget tests working)."""
