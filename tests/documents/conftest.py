"""Registers with computed compensation, and reading printed PDFs back as text."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from resettle.domain.sample_rates import sample_rate_table
from resettle.domain.township import TownshipDetails
from resettle.services.compensation import computing, rate_tables
from resettle.services.demo.generate import generate_demo
from resettle.services.register import projects, settings
from resettle.store.database import Database
from tests.conftest import CLERK

TOWNSHIP = TownshipDetails(
    township="城东镇",
    office="城东镇征迁办公室",
    phone="0571-88881234",
    signing_place="城东镇人民政府一楼征迁办",
    complaint_phone="0571-88889999",
)
ID_NUMBER = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9X])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Printing needs a QGuiApplication; pytest-qt's QApplication serves (and keeps widget tests working)."""


def price(db: Database, months: int = 24) -> int:
    """Publish the sample standard for the (only) project, compute every household, set the township."""
    project_id = projects.resolve_project(db, None)
    table = sample_rate_table()
    info = rate_tables.create_rate_table(
        db, table.name, effective_date=table.effective_date, source_doc=table.source_doc, rules=table.rules
    )
    rate_tables.publish_rate_table(db, info.id)
    rate_tables.set_project_rate_table(db, project_id, info.id, transition_months=months)
    computing.compute(db, project_id)
    settings.save_township(db, TOWNSHIP)
    return project_id


def _copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    for suffix in ("-wal", "-shm"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            shutil.copyfile(side, dst.with_name(dst.name + suffix))
    return dst


@pytest.fixture(scope="session")
def priced_template(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """The 60-household demo register with the sample standard computed (built once)."""
    path = _copy(demo_template, tmp_path_factory.mktemp("priced") / "priced.sqlite3")
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        price(db)
    return path


@pytest.fixture
def priced_db(tmp_path: Path, priced_template: Path) -> Iterator[Database]:
    database = Database.open(_copy(priced_template, tmp_path / "priced.sqlite3"), actor=CLERK, startup_backup=False)
    yield database
    database.close()


@pytest.fixture(scope="session")
def priced_200_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 households (7 village groups in 2 villages), computed: for the multi-page 公示表."""
    path = tmp_path_factory.mktemp("priced200") / "priced200.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=200, seed=11)
        price(db)
    return path


@pytest.fixture
def priced_200_db(tmp_path: Path, priced_200_template: Path) -> Iterator[Database]:
    path = _copy(priced_200_template, tmp_path / "priced200.sqlite3")
    database = Database.open(path, actor=CLERK, startup_backup=False)
    yield database
    database.close()


def _pages(pdf: Path) -> list[str]:
    """Each page's text: poppler's pdftotext when installed (fast), else pypdf."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return [page.extract_text() for page in PdfReader(pdf).pages]
    done = subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as extracted, whitespace removed (table cells and wrapped lines run together)."""
    return ["".join(text.split()) for text in _pages(pdf)]


def raw_text(pdf: Path) -> str:
    return "\n".join(_pages(pdf))


def pdf_text(pdf: Path) -> str:
    return "".join(page_texts(pdf))


def first_id(db: Database) -> int:
    """The register's first household (the tests' usual subject)."""
    conn = db.raw_connection()
    try:
        return int(conn.execute("SELECT min(id) FROM household").fetchone()[0])
    finally:
        conn.close()
