"""Every long job stops midway when ``cancelled()`` turns true: one error type, no file, no rows.

Each test passes a ``cancelled`` that turns true after the job has reported progress a
few times (a real midway cancel, not a cancel before the start), then checks that the
job raised :class:`resettle.errors.Cancelled` and left nothing behind.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from resettle.documents.kinds import DocumentKind
from resettle.errors import Cancelled
from resettle.io.survey import ReadOptions
from resettle.services.compensation import computing, rate_tables
from resettle.services.demo.generate import demo_compensation, demo_township, generate_demo
from resettle.services.documents import printing as documents
from resettle.services.register import exports, imports, projects
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data"
HOUSEHOLDS = 1500


class CancelAfter:
    """``progress``/``cancelled`` callbacks: cancelled once ``progress`` was called ``calls`` times with done > 0."""

    def __init__(self, calls: int = 1) -> None:
        self.calls, self.seen, self.asked = calls, 0, 0

    def progress(self, done: int, total: int) -> None:
        if done > 0 and done < total:
            self.seen += 1

    def cancelled(self) -> bool:
        self.asked += 1
        return self.seen >= self.calls


@pytest.fixture(scope="module")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cancel") / "big.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as database:
        result = generate_demo(database, households=HOUSEHOLDS, seed=11)
        demo_township(database)
        demo_compensation(database, result.project_id)
    return path


@pytest.fixture
def big(tmp_path: Path, big_template: Path) -> Iterator[Database]:
    path = tmp_path / "big.sqlite3"
    shutil.copyfile(big_template, path)
    database = Database.open(path, actor=CLERK, startup_backup=False)
    yield database
    database.close()


def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    conn = dbraw.connect(database.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _state(database: Database) -> tuple[object, ...]:
    """Everything a cancelled write could have touched: counts, compensation sums, the audit trail length."""
    return (
        _rows(database, "SELECT count(*), coalesce(sum(version), 0) FROM household"),
        _rows(database, "SELECT count(*), coalesce(sum(amount), 0) FROM compensation_line"),
        _rows(database, "SELECT count(*), coalesce(sum(version), 0) FROM household_compensation"),
        _rows(database, "SELECT count(*) FROM audit_log"),
        _rows(database, "SELECT project_id, rate_table_id FROM project_rate ORDER BY project_id"),
    )


ExportFn = Callable[..., object]


@pytest.mark.parametrize(
    "export",
    [exports.export_roster, exports.export_disclosure, exports.export_payments, exports.export_compensation],
    ids=["roster", "disclosure", "payments", "compensation"],
)
def test_a_cancelled_export_leaves_no_file_and_the_old_one_untouched(
    big: Database, tmp_path: Path, export: ExportFn
) -> None:
    out = tmp_path / "out" / "list.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"the clerk's earlier file")
    stop = CancelAfter(2)
    with pytest.raises(Cancelled):
        export(big, out, progress=stop.progress, cancelled=stop.cancelled)
    assert stop.seen >= 2  # it really was midway
    assert out.read_bytes() == b"the clerk's earlier file"
    assert sorted(p.name for p in out.parent.iterdir()) == ["list.xlsx"]  # no temporary left behind
    info = export(big, out)  # and without a cancel it writes
    assert out.stat().st_size > 1000 and getattr(info, "households", 0) == HOUSEHOLDS


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compute checks for a cancel every CHUNK (5,000) households; a smaller chunk makes 1,500 enough."""
    from resettle.services.compensation import bulk as compensation_bulk

    monkeypatch.setattr(compensation_bulk, "CHUNK", 500)


def test_a_cancelled_compute_writes_nothing(big: Database, small_chunks: None) -> None:
    import dataclasses
    from decimal import Decimal

    from resettle.services.register import households, search
    from resettle.services.register.records import HouseholdQuery

    (project,) = projects.tree(big, with_counts=False)
    first = search.list_households(big, HouseholdQuery(), 0, 1).rows[0].id  # priced before the cancel at 500
    detail = households.get_household(big, first)
    parcels = tuple(dataclasses.replace(p, area_mu=p.area_mu + Decimal("1.00")) for p in detail.data.parcels)
    assert parcels, "the first demo household has land"
    # a save prices its household at once; a change of the standard waits for the next compute
    households.update_household(big, detail, dataclasses.replace(detail.data, parcels=parcels), "测量更正")
    current = rate_tables.get_project_rate_table(big, project.id)
    assert current is not None
    rate_tables.set_project_rate_table(
        big, project.id, current.table.id, transition_months=current.transition_months + 6
    )

    def lines_of_first() -> list[tuple[object, ...]]:
        return _rows(big, f"SELECT rule_code, amount FROM compensation_line WHERE household_id = {first} ORDER BY id")

    old_lines, before = lines_of_first(), _state(big)
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):
        computing.compute(big, project.id, progress=stop.progress, cancelled=stop.cancelled)
    assert stop.seen >= 1 and _state(big) == before and lines_of_first() == old_lines  # no partial rows
    result = computing.compute(big, project.id)  # without the cancel the same run writes the change
    assert result.households == HOUSEHOLDS and lines_of_first() != old_lines


def test_a_cancelled_change_of_standard_keeps_the_old_one_and_its_amounts(big: Database, small_chunks: None) -> None:
    (project,) = projects.tree(big, with_counts=False)
    current = rate_tables.get_project_rate_table(big, project.id)
    assert current is not None
    before = _state(big)
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):
        computing.change_project_rate_table(
            big, project.id, current.table.id, transition_months=6, progress=stop.progress, cancelled=stop.cancelled
        )
    assert stop.seen >= 1 and _state(big) == before


def test_the_preview_of_a_change_of_standard_stops_midway(big: Database) -> None:
    (project,) = projects.tree(big, with_counts=False)
    current = rate_tables.get_project_rate_table(big, project.id)
    assert current is not None
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):
        computing.preview_rate_table_change(
            big, project.id, current.table.id, progress=stop.progress, cancelled=stop.cancelled
        )
    assert stop.seen >= 1 and stop.asked >= 2  # asked again after progress was reported: a midway stop
    done = computing.preview_rate_table_change(big, project.id, current.table.id)
    assert done.households == () and done.unchanged == HOUSEHOLDS  # the same table changes nobody


def test_a_cancelled_batch_pdf_leaves_no_file(big: Database, tmp_path: Path) -> None:
    (project,) = projects.tree(big, with_counts=False)
    out = tmp_path / "notices.pdf"
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):
        documents.export_pdf(
            big, DocumentKind.NOTICE, out, project_id=project.id, draft=True,
            progress=stop.progress, cancelled=stop.cancelled,
        )  # fmt: skip
    assert stop.seen >= 1 and not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_a_cancelled_import_stores_nothing(big: Database) -> None:
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):  # reading the workbook
        imports.preview_import(
            big, SAMPLES / "sample_survey_clean.xlsx", project="德源村征地项目", options=ReadOptions(village="德源村"),
            progress=stop.progress, cancelled=stop.cancelled,
        )  # fmt: skip
    found = imports.preview_import(
        big, SAMPLES / "sample_survey_clean.xlsx", project="德源村征地项目", options=ReadOptions(village="德源村")
    )
    before = _state(big)
    stop = CancelAfter(0)  # the apply reports progress only every 500 households: stop at its first check
    with pytest.raises(Cancelled):
        imports.apply_import(big, found, progress=stop.progress, cancelled=stop.cancelled)
    assert stop.asked >= 1 and _state(big) == before
    assert [p.name for p in projects.tree(big, with_counts=False)] == [projects.tree(big, with_counts=False)[0].name]


def test_a_cancelled_demo_generates_nothing(db: Database) -> None:
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):
        generate_demo(db, households=12_000, progress=stop.progress, cancelled=stop.cancelled)
    assert stop.seen >= 1
    assert _rows(db, "SELECT count(*) FROM household") == [(0,)]


def test_a_cancelled_error_report_leaves_no_file(tmp_path: Path) -> None:
    from resettle.io.error_report import write_error_report
    from resettle.io.survey import read_survey

    source = SAMPLES / "sample_survey.xlsx"
    issues = read_survey(source).issues
    out = tmp_path / "report.xlsx"
    stop = CancelAfter(1)
    with pytest.raises(Cancelled):
        write_error_report(source, issues, out, progress=stop.progress, cancelled=stop.cancelled)
    assert stop.seen == 1  # the first sheet was copied, then it stopped
    assert list(tmp_path.iterdir()) == []  # no report, no temporary file
