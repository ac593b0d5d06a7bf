"""A member field added after registers exist (文化程度, migration 0010): entered, kept on re-import,
shown in the history, and an older register upgraded with its seals renewed and `check` green."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from resettle.domain.household import EDUCATION_LEVELS
from resettle.io.survey import ReadOptions
from resettle.services.demo.generate import generate_demo
from resettle.services.register import checks, households, imports, projects
from resettle.services.register.labels import FIELD_LABELS
from resettle.services.register.records import HouseholdDetail
from resettle.store.database import Database
from resettle.store.migrate import MigrationOutcome, head_revision
from resettle.store.models import Person
from resettle.store.seal import seal_of, sealed_columns
from tests.conftest import CLERK

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CLEAN = SAMPLES / "sample_survey_clean.xlsx"


def test_education_is_entered_stored_and_in_the_history(db: Database) -> None:
    project = projects.create_project(db, "甲项目")
    other = projects.create_project(db, "乙项目")
    group = projects.add_group(db, project, "东岗村", "一组")
    other_group = projects.add_group(db, other, "西岗村", "一组")
    from resettle.domain.household import HouseholdData, PersonData

    made = households.create_household(
        db, HouseholdData("DG001", group, "张三", persons=(PersonData("张三", relation="户主", education="初中"),))
    )
    households.create_household(db, HouseholdData("DG001", other_group, "李四", persons=(PersonData("李四"),)))
    assert made.data.persons[0].education == "初中"
    changed = replace(made.data, persons=(replace(made.data.persons[0], education=EDUCATION_LEVELS[2]),))
    after = households.update_household(db, made, changed, reason="补录文化程度")
    assert households.get_household(db, after.id).data.persons[0].education == "高中/中专"
    entries = households.history(db, after.id)
    assert any(e.field == "education" and e.old == "初中" and e.new == "高中/中专" for e in entries)
    assert FIELD_LABELS["education"] == "文化程度"  # how the history names the change
    other_id = households.find_household_id(db, "DG001", other)
    assert households.get_household(db, other_id).data.persons[0].education == ""  # the other project untouched
    assert checks.check_database(db).ok


@pytest.mark.skipif(not CLEAN.exists(), reason="sample survey workbook not found")
def test_a_reimport_keeps_the_education_the_survey_does_not_carry(db: Database, tmp_path: Path) -> None:
    import openpyxl

    from resettle.errors import ValidationError

    project = projects.create_project(db, "东岗村征地项目")
    projects.create_project(db, "另一个项目")  # two projects: every call names its own
    options = ReadOptions(village="东岗村")
    imports.apply_import(db, imports.preview_import(db, CLEAN, project, options))
    hid = households.find_household_id(db, "东岗01001", project)
    detail = households.get_household(db, hid)
    person = detail.data.persons[0]
    households.update_household(
        db, detail, replace(detail.data, persons=(replace(person, education="大专"), *detail.data.persons[1:]))
    )
    preview = imports.preview_import(db, CLEAN, project, options)
    assert preview.changed == [] and preview.added == []  # a field the survey does not carry is no change
    with pytest.raises(ValidationError, match="完全一致"):
        imports.apply_import(db, preview)  # nothing to import: no empty batch
    book = openpyxl.load_workbook(CLEAN)  # the same survey with the household's phone changed
    sheet = book.worksheets[0]
    assert sheet["B5"].value == "东岗01001" and sheet["I3"].value == "联系电话"
    sheet["I5"].value = "13900001111"
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    preview = imports.preview_import(db, changed, project, options)
    assert [c.household_no for c in preview.changed] == ["东岗01001"]
    imports.apply_import(db, preview)
    assert households.get_household(db, hid).data.phone == "13900001111"
    again = households.get_household(db, hid).data.persons
    assert [p.education for p in again if p.id_number == person.id_number] == ["大专"]
    assert checks.check_database(db).ok


def _as_revision_0009(path: Path) -> int:
    """The register as the program before 0010 left it: no education column, seals over the
    columns it had then, at revision 0009. Returns the id of a member tampered with by hand."""
    old_columns = [c for c in sealed_columns(Person.__table__) if c != "education"]  # type: ignore[arg-type]
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX IF EXISTS ix_person_id_number_household")  # added by 0011, after 0010
    conn.execute("DROP INDEX IF EXISTS uq_person_id_number")
    conn.execute("ALTER TABLE person DROP COLUMN education")
    conn.execute("CREATE UNIQUE INDEX uq_person_id_number ON person (id_number) WHERE id_number <> ''")
    rows = conn.execute(f"SELECT id, {', '.join(old_columns)} FROM person").fetchall()
    conn.executemany("UPDATE person SET seal = ? WHERE id = ?", [(seal_of("person", r[0], r[1:]), r[0]) for r in rows])
    tampered = int(rows[3][0])
    conn.execute("UPDATE person SET name = '改过的名字' WHERE id = ?", (tampered,))  # behind the program's back
    conn.execute("UPDATE alembic_version SET version_num = '0009'")
    conn.commit()
    conn.close()
    return tampered


@pytest.mark.sqlite_only  # a register file of revision 0009 rebuilt with sqlite3; servers start at the head
def test_an_older_register_is_upgraded_with_its_seals_renewed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as database:
        generate_demo(database, households=12, seed=5)
        assert checks.check_database(database).ok
    tampered = _as_revision_0009(path)
    with Database.open(path, actor=CLERK, startup_backup=False) as database:
        assert database.migration is MigrationOutcome.UPGRADED
        report = checks.check_database(database)
        assert {p.id for h in _all(database) for p in h.data.persons if p.id is not None} >= {tampered}
        assert all(p.education == "" for h in _all(database) for p in h.data.persons)
    sealed_problems = [p for p in report.problems if "person" in p]
    assert sealed_problems and all(str(tampered) in p for p in sealed_problems)  # only the hand edit is reported
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    conn.close()


def _all(database: Database) -> list[HouseholdDetail]:
    from resettle.services.register import search
    from resettle.services.register.records import HouseholdQuery

    page = search.list_households(database, HouseholdQuery(), 0, 1000)
    return [households.get_household(database, r.id) for r in page.rows]
