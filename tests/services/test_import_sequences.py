"""Imports that always end in a clear answer: mixed change-and-add re-imports, a lost 户号 column,
and random sequences of import, edit, re-import and undo that keep ``check`` green."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resettle.errors import ResettleError, ValidationError
from resettle.services.demo.generate import generate_demo
from resettle.services.register import checks, households, imports, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK
from tests.io.builders import COLUMNS, household, person, survey_layout, write_xlsx
from tests.services.test_households import without_ids

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
CLEAN = DATA / "sample_survey_clean.xlsx"
SURNAMES = "王李张刘陈杨赵黄周吴"


def _family(rng: random.Random, no: str, size: int) -> dict[str, Any]:
    surname = rng.choice(SURNAMES)
    members = [person(surname + "建国", "户主", date(1960 + rng.randrange(20), 1 + rng.randrange(12), 9), "男", rng)]
    for i in range(1, size):
        members.append(person(f"{surname}小{i}", "子", date(1990 + i, 3, 1 + rng.randrange(27)), "男", rng))
    return household(
        no,
        members,
        phone=f"139{rng.randrange(10**8):08d}",
        land_class="水田",
        land_area_mu=round(rng.uniform(0.2, 3), 2),
        structure_type="砖混",
        floor_area_m2=round(rng.uniform(60, 240), 1),
        trees=rng.randrange(10),
        bank_name="农村信用社",
        bank_account="",
    )


def _workbook(path: Path, families: list[dict[str, Any]]) -> Path:
    return write_xlsx(path, {"一组": survey_layout(families, title="东岗村入户调查表（一组）")})


def _state(db: Database) -> dict[str, tuple[str, int]]:
    page = search.list_households(db, HouseholdQuery(), 0, 10_000)
    return {r.household_no: (r.head_name, r.persons) for r in page.rows}


def test_reimport_of_a_corrected_sheet_after_demo_changes_and_adds(tmp_path: Path) -> None:
    """The reproduction of issue 9: demo 30 households (seed 3), then the clean sample with --yes."""
    with Database.open(tmp_path / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=30, seed=3)
        preview = imports.preview_import(db, CLEAN)
        assert preview.errors == []
        assert preview.changed and preview.added  # both paths in one transaction
        result = imports.apply_import(db, preview)
        assert (result.added, result.changed) == (len(preview.added), len(preview.changed))
        assert checks.check_database(db).ok
        state = _state(db)
        assert len(state) == 30 + result.added


def test_a_sheet_without_its_household_number_column_is_refused_naming_each_household(tmp_path: Path) -> None:
    rng = random.Random(4)
    columns = [c for c in COLUMNS if c[0] != "household_no"]
    families = [_family(rng, f"H{i:03d}", 2) for i in range(1, 4)]
    path = write_xlsx(tmp_path / "lost.xlsx", {"一组": survey_layout(families, columns=columns)})
    with Database.open(tmp_path / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        preview = imports.preview_import(db, path)
        missing = [e for e in preview.errors if e.kind == "missing_household_no"]
        assert len(missing) == 3
        assert sorted(e.row for e in missing) == sorted(h.row for h in preview.read.households)
        assert all("户号" in e.message and e.sheet == "一组" for e in missing)
        with pytest.raises(ValidationError, match="未导入任何数据"):
            imports.apply_import(db, preview)
        assert _state(db) == {}
        assert checks.check_database(db).ok


def test_an_empty_household_number_cell_is_an_error_at_that_cell(tmp_path: Path) -> None:
    rng = random.Random(5)
    families = [_family(rng, "H001", 2), _family(rng, "", 2)]
    path = _workbook(tmp_path / "blank.xlsx", families)
    with Database.open(tmp_path / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        preview = imports.preview_import(db, path)
        missing = [e for e in preview.errors if e.kind == "missing_household_no"]
        assert missing and all(e.column == "B" for e in missing)
        with pytest.raises(ValidationError):
            imports.apply_import(db, preview)
        assert _state(db) == {}


def test_several_projects_need_the_project_named(tmp_path: Path) -> None:
    with Database.open(tmp_path / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=5, seed=1)
        first = imports.apply_import(db, imports.preview_import(db, CLEAN, project="德源村项目"))
        assert first.added == 40
        with pytest.raises(ValidationError, match="2 个项目"):
            imports.preview_import(db, CLEAN)
        again = imports.preview_import(db, CLEAN, project="德源村项目")
        assert again.errors == [] and again.added == [] and again.changed == []


def test_new_households_are_stored_as_the_read_model_makes_them(tmp_path: Path) -> None:
    """The importer writes a new household's rows straight from the survey (no read model in between):
    read back, each is what ``to_data`` makes of its survey household, and the seals and content digests
    check; in a register with a second project."""
    from resettle.services.register.import_rows import to_data

    rng = random.Random(5)
    families = [_family(rng, f"东岗{n:03d}", 1 + rng.randrange(6)) for n in range(1, 40)]
    with Database.open(tmp_path / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=5, seed=1)
        for workbook, project in ((CLEAN, "德源村项目"), (_workbook(tmp_path / "random.xlsx", families), "东岗村项目")):
            preview = imports.preview_import(db, workbook, project=project)
            assert preview.errors == [] and len(preview.added) == len(preview.read.households)
            imports.apply_import(db, preview)
            project_id = projects.resolve_project(db, project)
            compared = 0
            for h in preview.read.households:
                stored = households.get_household(db, households.find_household_id(db, h.household_no, project_id))
                assert without_ids(stored.data) == without_ids(to_data(h, stored.data.group_id)), h.household_no
                compared += 1
            assert compared == len(preview.read.households) > 0
        assert any(h.parcels and h.structures and h.attachments for h in preview.read.households)
        assert checks.check_database(db).ok


def _counts(db: Database) -> tuple[int, ...]:
    return tuple(dbraw.rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("household", "person", "audit_log"))


@pytest.mark.sqlite_only  # on a server the deletion runs to its end
def test_an_undo_stopped_midway_deletes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resettle.errors import Cancelled
    from resettle.store import database

    with Database.open(tmp_path / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=5, seed=1)  # a second project the undo must not touch either
        batch = imports.apply_import(db, imports.preview_import(db, CLEAN, project="德源村项目")).batch_id
        before = _counts(db)
        monkeypatch.setattr(database, "_CANCEL_CHECK_STEPS", 10)  # looked at every 10 steps: inside the statement
        asked: list[int] = []

        def cancelled() -> bool:
            asked.append(1)
            return len(asked) > 20  # past the first look (before the statement) and well into the deletion

        with pytest.raises(Cancelled, match="未删除任何户"):
            imports.undo_batch(db, batch, "导错了项目", cancelled=cancelled)
        assert len(asked) > 20, "stopped by the engine's check, mid-statement"
        assert _counts(db) == before
        assert not [b for b in imports.list_batches(db) if b.id == batch and b.undone_at is not None]
        assert checks.check_database(db).ok
        assert imports.undo_batch(db, batch, "导错了项目", cancelled=lambda: False) == 40  # then it is undone whole
        assert _counts(db)[0] == before[0] - 40
        assert checks.check_database(db).ok


OPS = st.lists(
    st.tuples(st.sampled_from(["import", "edit", "reimport", "undo", "edit_member"]), st.integers(0, 10**6)),
    min_size=1,
    max_size=7,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_random_sequences_keep_check_green_and_never_raise(tmp_path_factory: pytest.TempPathFactory, ops: Any) -> None:
    folder = tmp_path_factory.mktemp("seq")
    rng = random.Random(len(ops))
    families = [_family(rng, f"H{i:03d}", 1 + rng.randrange(3)) for i in range(1, 7)]
    with Database.open(folder / "r.sqlite3", actor=CLERK, startup_backup=False) as db:
        version = 0
        for kind, seed in ops:
            r = random.Random(seed)
            try:
                if kind in ("import", "reimport"):
                    version += 1
                    if kind == "reimport":
                        # a corrected sheet: some families change phone, some are new, some leave
                        families = [
                            replace_phone(f, r) if r.random() < 0.5 else f for f in families if r.random() < 0.9
                        ] + [_family(r, f"N{version}{i}", 1 + r.randrange(3)) for i in range(r.randrange(3))]
                    path = _workbook(folder / f"v{version}.xlsx", families)
                    preview = imports.preview_import(db, path)
                    if not preview.errors:
                        imports.apply_import(db, preview, remove_missing=r.random() < 0.3)
                elif kind in ("edit", "edit_member"):
                    rows = search.list_households(db, HouseholdQuery(), 0, 100).rows
                    if rows:
                        detail = households.get_household(db, r.choice(rows).id)
                        data = detail.data
                        if kind == "edit":
                            data = replace(data, phone=f"137{r.randrange(10**8):08d}")
                        elif data.persons:
                            data = replace(data, persons=data.persons[:-1] if len(data.persons) > 1 else data.persons)
                        households.update_household(db, detail, data, reason="核对")
                else:
                    batches = [b for b in imports.list_batches(db) if b.undone_at is None]
                    if batches:
                        imports.undo_batch(db, r.choice(batches).id, "测试撤销", force=True)
            except ResettleError as exc:
                # a clear refusal is an answer; it must leave the register as it was
                assert exc.message
            report = checks.check_database(db)
            assert report.ok, (kind, report.problems)
        conn = dbraw.connect(folder / "r.sqlite3")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()


def replace_phone(family: dict[str, Any], r: random.Random) -> dict[str, Any]:
    return {**family, "phone": f"135{r.randrange(10**8):08d}"}
