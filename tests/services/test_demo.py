"""The demo generator writes a realistic, valid, sealed and audited register in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from resettle.domain.ids import check_id
from resettle.domain.pinyin import initials
from resettle.errors import ValidationError
from resettle.services.demo.generate import generate_demo
from resettle.services.register.checks import check_database
from resettle.store.audit import verify_chain
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK

REGISTER_TABLES = (
    "project",
    "village",
    "village_group",
    "household",
    "person",
    "land_parcel",
    "structure",
    "attachment",
)


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = dbraw.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def counts(path: Path) -> dict[str, int]:
    return {t: int(rows(path, f"SELECT count(*) FROM {t}")[0][0]) for t in (*REGISTER_TABLES, "audit_log")}


def test_result_counts_match_the_file(demo_db: Database, demo_template: Path) -> None:
    n = counts(demo_db.path)
    assert n["household"] == 60
    assert n["project"] == 1
    ((kind, households, persons, user, host),) = rows(
        demo_db.path, 'SELECT kind, households, persons, "user", host FROM import_batch'
    )
    assert (kind, households, persons, user, host) == ("demo", 60, n["person"], CLERK.user, CLERK.host)
    assert n["person"] >= 60
    assert n["land_parcel"] >= 60
    assert n["structure"] > 0 and n["attachment"] > 0


def test_progress_and_result(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with Database.open(tmp_path / "d.sqlite3", actor=CLERK) as db:
        result = generate_demo(db, households=25, seed=11, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (25, 25)
    n = counts(tmp_path / "d.sqlite3")
    assert (result.households, result.persons) == (n["household"], n["person"]) == (25, n["person"])
    assert rows(tmp_path / "d.sqlite3", "SELECT id FROM import_batch") == [(result.batch_id,)]
    assert rows(tmp_path / "d.sqlite3", "SELECT id FROM project") == [(result.project_id,)]


def test_the_demo_is_valid_data(demo_db: Database) -> None:
    people = rows(demo_db.path, "SELECT name, name_initials, id_number, sex, CAST(birth_date AS TEXT) FROM person")
    ids = [p[2] for p in people]
    assert len(set(ids)) == len(ids)
    for name, name_initials, id_number, sex, birth in people:
        result = check_id(str(id_number))
        assert result.ok, (id_number, result.errors)
        assert result.sex == sex
        assert result.birth_date is not None and result.birth_date.isoformat() == birth
        assert name_initials == initials(str(name))
    for head, head_initials in rows(demo_db.path, "SELECT head_name, head_initials FROM household"):
        assert head_initials == initials(str(head))
    heads = rows(
        demo_db.path,
        "SELECT count(*) FROM household h WHERE (SELECT name FROM person p WHERE p.household_id = h.id"
        " AND p.relation = '户主') = h.head_name",
    )
    assert heads == [(60,)], "every household's head is its member with relation 户主"


def test_the_demo_is_audited_one_entry_per_household_and_sealed(demo_db: Database) -> None:
    entries = rows(
        demo_db.path, "SELECT action, entity, household_id, batch_id FROM audit_log WHERE entity = 'household'"
    )
    assert len(entries) == 60
    assert {e[0] for e in entries} == {"create"}
    assert {e[2] for e in entries} == {r[0] for r in rows(demo_db.path, "SELECT id FROM household")}
    assert {e[3] for e in entries} == {rows(demo_db.path, "SELECT id FROM import_batch")[0][0]}
    conn = demo_db.raw_connection()
    try:
        assert verify_chain(conn) is None
    finally:
        conn.close()
    assert check_database(demo_db).ok


def test_the_same_seed_gives_the_same_register(tmp_path: Path) -> None:
    def build(name: str, seed: int) -> list[list[tuple[object, ...]]]:
        path = tmp_path / name
        with Database.open(path, actor=CLERK) as db:
            generate_demo(db, households=20, seed=seed)
        return [rows(path, f"SELECT * FROM {t} ORDER BY id") for t in REGISTER_TABLES if t != "household"] + [
            rows(path, "SELECT id, household_no, head_name, phone, bank_account FROM household ORDER BY id")
        ]

    assert build("a.sqlite3", 5) == build("b.sqlite3", 5)
    assert build("c.sqlite3", 6) != build("d.sqlite3", 5)


@pytest.mark.parametrize("households", [0, -3, 5_000_001])
def test_an_impossible_size_is_refused(db: Database, households: int) -> None:
    with pytest.raises(ValidationError) as info:
        generate_demo(db, households=households)
    assert info.value.field == "--households"
    assert counts(db.path)["project"] == 0


def test_a_second_demo_that_clashes_is_refused_and_adds_nothing(demo_db: Database) -> None:
    before = counts(demo_db.path)
    with pytest.raises(ValidationError, match="冲突"):
        generate_demo(demo_db, households=60, seed=7)
    assert counts(demo_db.path) == before
    assert rows(demo_db.path, "SELECT count(*) FROM import_batch") == [(1,)]


def test_a_second_demo_with_another_seed_is_added_beside_the_first(tmp_path: Path) -> None:
    path = tmp_path / "two.sqlite3"
    with Database.open(path, actor=CLERK) as db:
        first = generate_demo(db, households=10, seed=1)
        second = generate_demo(db, households=10, seed=2)
        assert second.project_id != first.project_id
        assert check_database(db).ok
    assert counts(path)["household"] == 20


def test_a_second_demo_project_gets_a_name_of_its_own(db: Database) -> None:
    from resettle.services.register import projects

    generate_demo(db, households=3, seed=1)
    generate_demo(db, households=3, seed=2)
    generate_demo(db, households=3, seed=3)
    names = [p.name for p in projects.tree(db)]
    assert names == ["城东产业园区建设项目", "城东产业园区建设项目（2）", "城东产业园区建设项目（3）"]


def test_the_demo_employment_gives_one_project_a_mix_and_leaves_the_other_alone(tmp_path: Path) -> None:
    """The labour office's picture of the demo: most in work, some seeking (the pink rows), some unregistered;
    only in the named project, every status in the history too, and the register still checks."""
    from collections import Counter

    from resettle.domain.labour import EMPLOYMENT_STATES
    from resettle.services.demo.livelihood import demo_employment
    from resettle.services.livelihood import labour

    with Database.open(tmp_path / "two.sqlite3", actor=CLERK) as db:
        first = generate_demo(db, households=80, seed=1)
        second = generate_demo(db, households=20, seed=2)
        given = demo_employment(db, first.project_id)
        people = [p for p in labour.list_people(db, first.project_id) if p.working_age and p.land_lost]
        states = Counter(p.state for p in people)
        assert given == sum(n for state, n in states.items() if state) > 0
        assert set(states) == {"", *EMPLOYMENT_STATES}  # every kind a clerk meets, and some not yet registered
        assert states["已就业"] > states["未就业·求职"] > 0 and states[""] < len(people) / 2
        hired = next(p for p in people if p.state == "已就业")
        assert hired.employer and hired.post and hired.monthly_income and hired.start_date
        assert [c.state for c in labour.person_history(db, first.project_id, hired.id)] == ["已就业"]
        assert {p.state for p in labour.list_people(db, second.project_id)} == {""}  # the other project untouched
        from resettle.services.livelihood import visits

        due = visits.visits_due(db, first.project_id)  # most were visited lately: 待回访 is a short list
        visited = sum(1 for p in people if visits.list_visits(db, first.project_id, p.id))
        assert 0 < visited < given and len(due) == len(people) - visited
        assert len(visits.visits_due(db, second.project_id)) == len(
            [p for p in labour.list_people(db, second.project_id) if p.working_age and p.land_lost]
        )
        assert check_database(db).ok
