"""A register with two projects: a generated demo (project 1) and the clean sample survey (project 2)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from resettle.paths_resources import resource_path
from resettle.services.compensation import computing, rate_tables, reviewing
from resettle.services.demo.generate import generate_demo
from resettle.services.livelihood import jobs, labour, social_security, training
from resettle.services.register import imports
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


@pytest.fixture
def busy_db(two_db: Database, sample_project: int) -> Database:
    """The sample project with compensation computed (some reviewed), jobs, training, hires and a reconciled reply."""
    table = rate_tables.import_rate_table(two_db, resource_path("samples", "rates_sample.xlsx"))
    rate_tables.publish_rate_table(two_db, table.id)
    rate_tables.set_project_rate_table(two_db, sample_project, table.id)
    computing.compute(two_db, sample_project)
    with two_db.read() as s:
        from sqlalchemy import select

        from resettle.store.models import Household

        ids = list(s.scalars(select(Household.id).where(Household.project_id == sample_project).limit(7)))
    reviewing.review_many(two_db, ids)
    labour.set_settings(two_db, sample_project, reference=date(2026, 3, 31))
    labour.import_employment(two_db, sample_project, WAVE2 / "jobs_employment.xlsx")
    training.import_training(two_db, sample_project, WAVE2 / "jobs_training.xlsx")
    jobs.import_posts(two_db, sample_project, WAVE2 / "jobs_posts.xlsx")
    jobs.match_jobs(two_db, sample_project)
    for referral in jobs.list_referrals(two_db, sample_project)[:3]:
        jobs.set_referral_status(two_db, sample_project, referral.id, "录用", date(2026, 4, 15))
    social_security.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx", publish=True)
    social_security.reconcile(two_db, sample_project, WAVE2 / "ss_reply.xlsx")
    return two_db


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Printing needs a QGuiApplication; pytest-qt's QApplication serves (and keeps widget tests working)."""
