"""Import service: all or nothing under kill -9, duplicates against the register, what re-imports keep."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from resettle.domain.household import AttachmentData
from resettle.errors import ValidationError
from resettle.services.demo.generate import generate_demo
from resettle.services.register import checks, exports, households, imports, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK
from tests.io.builders import household, person, survey_layout, write_xlsx

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # /work/shared/data
CLEAN = DATA / "sample_survey_clean.xlsx"
BIG = 3_000


def _import(db: Database, path: Path, project: str | None = None) -> imports.ImportResult:
    preview = imports.preview_import(db, path, project=project)
    assert preview.errors == [], preview.errors[:3]
    return imports.apply_import(db, preview)


def _copy_db(src: Path, dst: Path) -> None:
    """File copy of a closed database (with its WAL, if one was left)."""
    shutil.copyfile(src, dst)
    for suffix in ("-wal", "-shm"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            shutil.copyfile(side, dst.with_name(dst.name + suffix))


def _state(path: Path) -> tuple[str, int, int]:
    conn = dbraw.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        count = conn.execute("SELECT count(*) FROM household").fetchone()[0]
    finally:
        conn.close()
    return integrity, foreign, count


@pytest.mark.slow
def test_kill_9_during_an_import_leaves_nothing_or_everything(tmp_path: Path) -> None:
    # A 3,000-household survey workbook: a generated register exported as a roster.
    with Database.open(tmp_path / "source.sqlite3", actor=CLERK, startup_backup=False) as source:
        generate_demo(source, households=BIG, seed=4242)
        survey = tmp_path / "survey.xlsx"
        assert exports.export_roster(source, survey).households == BIG
    # The register before: the clean sample (40 households) in another project.
    base = tmp_path / "base.sqlite3"
    with Database.open(base, actor=CLERK, startup_backup=False) as before:
        _import(before, CLEAN)
    before_count = _state(base)[2]
    assert before_count == 40

    command = [
        sys.executable,
        "-m",
        "resettle",
        "--db",
        "{db}",
        "import",
        str(survey),
        "--project",
        "压力测试",
        "--json",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    def start(db: Path) -> subprocess.Popen[bytes]:
        argv = [part.replace("{db}", str(db)) for part in command]
        return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    # A full run first: it must succeed, and it tells how long an import takes here.
    reference = tmp_path / "reference.sqlite3"
    _copy_db(base, reference)
    started = time.monotonic()
    proc = start(reference)
    _, err = proc.communicate(timeout=600)
    duration = time.monotonic() - started
    assert proc.returncode == 0, err.decode()
    assert _state(reference) == ("ok", 0, before_count + BIG)

    rng = random.Random(20260301)
    outcomes: list[tuple[float, int | None, int]] = []
    for n, fraction in enumerate((0.3, 0.5, 0.7, 0.85, 0.95)):
        trial = tmp_path / f"trial{n}.sqlite3"
        _copy_db(base, trial)
        proc = start(trial)
        moment = duration * (fraction + rng.uniform(-0.05, 0.05))
        time.sleep(moment)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        integrity, foreign, count = _state(trial)
        assert integrity == "ok" and foreign == 0, (moment, integrity)
        assert count in (before_count, before_count + BIG), (moment, count)
        outcomes.append((moment, proc.returncode, count))
        with Database.open(trial, actor=CLERK, startup_backup=False) as reopened:
            report = checks.check_database(reopened)
            assert report.ok, report.problems
    killed = [o for o in outcomes if o[1] == -signal.SIGKILL]
    assert len(killed) >= 3, outcomes  # the kills did land while the import was running


def test_an_id_registered_in_another_project_names_that_project(db: Database) -> None:
    _import(db, CLEAN, project="甲项目")
    preview = imports.preview_import(db, CLEAN, project="乙项目")
    errors = [e for e in preview.errors if e.kind == "duplicate_id_db"]
    assert errors and all("已登记在项目「甲项目」的户" in e.message for e in errors)


def test_an_id_already_in_the_register_is_an_error_naming_its_cell(db: Database, tmp_path: Path) -> None:
    _import(db, CLEAN)
    stored = households.get_household(db, households.find_household_id(db, "东岗01001"))
    taken = stored.data.persons[1]
    rng = random.Random(3)
    newcomer = person("新来人", "户主", date(1980, 1, 1), "男", rng)
    twin = {
        **person("重复人", "配偶", taken.birth_date or date(1970, 1, 1), taken.sex, rng),
        "id_number": taken.id_number,
    }
    layout = survey_layout([household("新01", [newcomer, twin])], title="东岗村征地拆迁入户调查登记表（三组）")
    path = write_xlsx(tmp_path / "new.xlsx", {"三组": layout})
    preview = imports.preview_import(db, path)
    (error,) = preview.errors
    assert (error.sheet, error.row, error.column, error.field) == ("三组", 6, "G", "身份证号码")
    assert error.kind == "duplicate_id_db" and "东岗01001" in error.message and taken.id_number in error.message
    with pytest.raises(ValidationError):
        imports.apply_import(db, preview)
    assert search.count_households(db, HouseholdQuery()) == 40


def test_reimport_keeps_attachments_the_survey_has_no_column_for(db: Database, tmp_path: Path) -> None:
    _import(db, CLEAN)
    hid = households.find_household_id(db, "东岗01001")
    detail = households.get_household(db, hid)
    well = AttachmentData("水井", Decimal(1), "口")
    households.update_household(db, detail, replace(detail.data, attachments=(well, *detail.data.attachments)))
    book = openpyxl.load_workbook(CLEAN)
    try:
        book["一组"]["N5"].value = 20  # 果树 15 -> 20
        fixed = tmp_path / "fixed.xlsx"
        book.save(fixed)
    finally:
        book.close()
    preview = imports.preview_import(db, fixed)
    (change,) = preview.changed
    assert [c for c in change.changes if "附着物" in c[0]] == [("附着物 果树 · 数量", "15.00", "20")]
    imports.apply_import(db, preview)
    after = households.get_household(db, hid).data.attachments
    assert [(a.kind, a.quantity) for a in after] == [("水井", Decimal("1.00")), ("果树", Decimal("20.00"))]


def test_apply_refuses_a_file_changed_after_preview(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "clean.xlsx"
    shutil.copyfile(CLEAN, path)
    preview = imports.preview_import(db, path)
    with path.open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ValidationError, match="修改"):
        imports.apply_import(db, preview)
    assert search.count_households(db, HouseholdQuery()) == 0


def test_a_household_without_its_number_is_one_error_not_a_cascade(db: Database, tmp_path: Path) -> None:
    """Re-importing the survey with one 户号 cleared: one 户号为空 error at its cell (naming the head),
    not a second bare one, and its members are not also reported as registered in another household."""
    _import(db, CLEAN)
    book = openpyxl.load_workbook(CLEAN)
    sheet = book.worksheets[0]
    assert sheet["B9"].value == "东岗01002"
    sheet["B9"].value = None
    changed = tmp_path / "no-number.xlsx"
    book.save(changed)
    preview = imports.preview_import(db, changed)
    missing = [i for i in preview.errors if i.kind == "missing_household_no"]
    assert [(i.row, i.column) for i in missing] == [(9, "B")]
    assert "户主 侯鹏波" in missing[0].message
    assert [i for i in preview.errors if i.kind == "duplicate_id_db"] == []
    assert len(preview.errors) == 1


def test_a_second_head_inside_a_merged_household_number_is_explained_once(db: Database, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(CLEAN)
    sheet = book.worksheets[0]
    block = next(m for m in sheet.merged_cells.ranges if m.min_col == 2 and m.max_row > m.min_row)
    relation_col = next(
        c
        for c in range(1, sheet.max_column + 1)
        if "关系" in "".join(str(sheet.cell(r, c).value or "") for r in (3, 4))
    )
    second = block.min_row + 1
    sheet.cell(second, relation_col).value = "户主"
    path = tmp_path / "two_heads.xlsx"
    book.save(path)
    preview = imports.preview_import(db, path, project="甲项目")
    here = [e for e in preview.errors if (e.sheet, e.row) == (sheet.title, second)]
    assert [e.kind for e in here] == ["head_in_merged_block"], [(e.kind, e.message) for e in preview.errors]
    assert "合并的户号单元格" in here[0].message
