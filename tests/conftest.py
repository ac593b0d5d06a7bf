"""Shared fixtures: every test works on a real SQLite file in tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from resettle.services.demo import generate_demo
from resettle.store.audit import Actor
from resettle.store.database import Database

CLERK = Actor(user="clerk1", host="office-pc")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program's data folder (default database, settings, templates) lives in tmp_path."""
    monkeypatch.setenv("RESETTLE_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new, empty register file."""
    database = Database.open(tmp_path / "register.sqlite3", actor=CLERK)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 60-household demo database built once per run; tests get copies."""
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "demo.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as database:
        generate_demo(database, households=60, seed=7)
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    """A copy of the demo database, opened (file copy is safe: the template is closed)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    for suffix in ("-wal", "-shm"):
        side = demo_template.with_name(demo_template.name + suffix)
        if side.exists():
            shutil.copyfile(side, path.with_name(path.name + suffix))
    database = Database.open(path, actor=CLERK, startup_backup=False)
    yield database
    database.close()
