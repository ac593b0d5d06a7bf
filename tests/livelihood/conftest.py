"""A register with two projects: a generated demo (project 1) and the clean sample survey (project 2)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from resettle.services import imports
from resettle.services.demo import generate_demo
from resettle.store.database import Database
from tests.conftest import CLERK

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # /work/shared/data
WAVE2 = DATA / "wave2"
SAMPLE = DATA / "sample_survey_clean.xlsx"
SAMPLE_PROJECT = "东岗项目"


@pytest.fixture(scope="session")
def two_project_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("livelihood") / "two.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=30, seed=14)
        preview = imports.preview_import(db, SAMPLE, project=SAMPLE_PROJECT)
        assert preview.errors == [], preview.errors[:3]
        imports.apply_import(db, preview)
    return path


@pytest.fixture
def two_db(tmp_path: Path, two_project_template: Path) -> Iterator[Database]:
    path = tmp_path / "two.sqlite3"
    shutil.copyfile(two_project_template, path)
    database = Database.open(path, actor=CLERK, startup_backup=False)
    yield database
    database.close()


@pytest.fixture
def demo_project() -> int:
    return 1


@pytest.fixture
def sample_project() -> int:
    return 2
