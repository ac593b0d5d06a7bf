"""Two projects in one register, each computed and reviewed: the ground for agreements and payments."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from resettle.services.compensation import reviewing
from resettle.services.demo.generate import demo_compensation, demo_township, generate_demo
from resettle.services.register import projects
from resettle.store.audit import Actor
from resettle.store.database import Database
from tests.conftest import CLERK

REVIEWER = Actor(user="reviewer1", host="office-pc2")


@dataclass(frozen=True)
class Two:
    db: Database
    a: int  # project ids
    b: int


def household_ids(db: Database, project_id: int) -> list[int]:
    with db.read() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT id FROM household WHERE project_id = ? ORDER BY household_no", (project_id,)
        )
        return [int(r[0]) for r in rows]


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Printing needs a QGuiApplication; pytest-qt's QApplication serves (and keeps widget tests working)."""


@pytest.fixture(scope="session")
def two_project_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pay-template") / "two.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        first = generate_demo(db, households=12, seed=11).project_id
        second = generate_demo(db, households=8, seed=12).project_id
        for pid in (first, second):
            demo_compensation(db, pid)
        demo_township(db)  # the papers printed here name their issuer
    with Database.open(path, actor=REVIEWER, startup_backup=False) as db:
        for pid in (first, second):
            reviewing.review_many(db, household_ids(db, pid))
        assert len(projects.tree(db, with_counts=False)) == 2
    return path


@pytest.fixture
def two(tmp_path: Path, two_project_template: Path) -> Iterator[Two]:
    path = tmp_path / "two.sqlite3"
    shutil.copyfile(two_project_template, path)
    db = Database.open(path, actor=CLERK, startup_backup=False)
    ids = [p.id for p in projects.tree(db, with_counts=False)]
    yield Two(db, ids[0], ids[1])
    db.close()
