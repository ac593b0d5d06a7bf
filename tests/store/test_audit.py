"""Every change leaves who/what/old/new/why in an append-only, hash-chained log."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import IntegrityError

from resettle.domain.household import HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.ids import check_character
from resettle.errors import ValidationError
from resettle.services.register import households, projects
from resettle.store.audit import GENESIS, verify_chain
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK

COLUMNS = 'action, entity, entity_id, household_id, field, old, new, "user", host, reason'


def person_id(birth: str, seq: str) -> str:
    first17 = f"330802{birth}{seq}"
    return first17 + check_character(first17)


def audit_rows(db: Database, after_id: int = 0) -> list[dict[str, object]]:
    sql = f"SELECT id, {COLUMNS} FROM audit_log WHERE id > ? ORDER BY id"
    return dbraw.dict_rows(db, sql, (after_id,))


def last_audit_id(db: Database) -> int:
    conn = db.raw_connection()
    try:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0])
    finally:
        conn.close()


def changes(rows: list[dict[str, object]]) -> set[tuple[object, ...]]:
    return {(r["action"], r["entity"], r["field"], r["old"], r["new"]) for r in rows}


@pytest.fixture
def group_id(db: Database) -> int:
    pid = projects.create_project(db, "测试项目")
    return projects.add_group(db, pid, "东岗村", "一组")


def household_data(group_id: int) -> HouseholdData:
    return HouseholdData(
        household_no="DG01001",
        group_id=group_id,
        head_name="张三",
        phone="13800138000",
        persons=(
            PersonData("张三", person_id("19700101", "001"), "户主"),
            PersonData("王芳", person_id("19720202", "002"), "配偶"),
        ),
        parcels=(ParcelData("水田", Decimal("1.2500")),),
        structures=(StructureData("砖混", Decimal("120.00"), decoration_value=Decimal("100.00")),),
    )


def test_project_and_group_creation_are_audited(db: Database) -> None:
    pid = projects.create_project(db, "城东项目", approval_no="浙政土〔2026〕1号")
    projects.add_group(db, pid, "东岗村", "一组")
    got = changes(audit_rows(db))
    assert ("create", "project", "name", None, "城东项目") in got
    assert ("create", "project", "approval_no", None, "浙政土〔2026〕1号") in got
    assert ("create", "village", "name", None, "东岗村") in got
    assert ("create", "village_group", "name", None, "一组") in got


def test_create_update_delete_write_audit_rows_with_old_and_new_values(db: Database, group_id: int) -> None:
    start = last_audit_id(db)
    created = households.create_household(db, household_data(group_id), reason="入户调查")
    rows = audit_rows(db, start)
    assert rows, "creating a household wrote no audit rows"
    assert {(r["user"], r["host"], r["reason"]) for r in rows} == {(CLERK.user, CLERK.host, "入户调查")}
    assert {r["household_id"] for r in rows} == {created.id}
    got = changes(rows)
    assert ("create", "household", "household_no", None, "DG01001") in got
    assert ("create", "household", "head_name", None, "张三") in got
    assert ("create", "household", "phone", None, "13800138000") in got
    assert ("create", "person", "name", None, "王芳") in got
    assert ("create", "person", "id_number", None, person_id("19720202", "002")) in got
    assert ("create", "land_parcel", "area_mu", None, "1.2500") in got
    assert ("create", "structure", "decoration_value", None, "100.00") in got
    assert all(r["action"] == "create" and r["old"] is None for r in rows)

    start = last_audit_id(db)
    spouse = created.data.persons[1]
    edited = replace(
        created.data,
        head_name="李四",
        persons=(replace(created.data.persons[0], name="李四"),),  # spouse removed
        parcels=(*created.data.parcels, ParcelData("旱地", Decimal("0.75"))),
        structures=(replace(created.data.structures[0], decoration_value=Decimal("250.50")),),
    )
    households.update_household(db, created, edited, reason="户主更正")
    rows = audit_rows(db, start)
    assert {(r["user"], r["host"], r["reason"]) for r in rows} == {(CLERK.user, CLERK.host, "户主更正")}
    assert {r["household_id"] for r in rows} == {created.id}
    got = changes(rows)
    assert ("update", "household", "head_name", "张三", "李四") in got
    assert ("update", "person", "name", "张三", "李四") in got
    assert ("update", "structure", "decoration_value", "100.00", "250.50") in got
    assert ("delete", "person", "name", "王芳", None) in got
    assert ("delete", "person", "id_number", spouse.id_number, None) in got
    assert ("create", "land_parcel", "land_class", None, "旱地") in got
    # nothing unchanged is reported as changed
    assert not any(r["action"] == "update" and r["field"] in ("phone", "household_no") for r in rows)
    assert not any(r["action"] == "update" and r["entity"] == "land_parcel" for r in rows)

    start = last_audit_id(db)
    households.delete_household(db, created.id, reason="重复登记")
    rows = audit_rows(db, start)
    assert {(r["user"], r["host"], r["reason"]) for r in rows} == {(CLERK.user, CLERK.host, "重复登记")}
    assert all(r["action"] == "delete" and r["new"] is None for r in rows)
    got = changes(rows)
    assert ("delete", "household", "head_name", "李四", None) in got
    assert ("delete", "person", "name", "李四", None) in got
    assert ("delete", "land_parcel", "land_class", "旱地", None) in got
    assert ("delete", "structure", "decoration_value", "250.50", None) in got
    assert verify_chain_of(db) is None


def verify_chain_of(db: Database) -> object:
    conn = db.raw_connection()
    try:
        return verify_chain(conn)
    finally:
        conn.close()


def test_a_refused_save_writes_no_audit_rows(db: Database, group_id: int) -> None:
    households.create_household(db, household_data(group_id))
    start = last_audit_id(db)
    with pytest.raises(ValidationError):
        households.create_household(db, replace(household_data(group_id), persons=()))  # same 户号
    assert audit_rows(db, start) == []


def test_entries_are_hash_chained_from_genesis(db: Database, group_id: int) -> None:
    households.create_household(db, household_data(group_id))
    conn = db.raw_connection()
    try:
        rows = conn.execute("SELECT prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()
    assert rows[0][0] == GENESIS
    assert all(rows[i][0] == rows[i - 1][1] for i in range(1, len(rows)))
    assert len({h for _, h in rows}) == len(rows)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET new = '篡改' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1", "DELETE FROM audit_log"],
)
def test_triggers_refuse_update_and_delete_of_audit_rows(db: Database, group_id: int, statement: str) -> None:
    before = audit_rows(db)
    assert before
    with dbraw.opened(db) as raw:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="append-only"):
            raw.execute(statement)
        raw.rollback()
    with pytest.raises(IntegrityError, match="append-only"), db.write() as s:
        s.execute(text(statement))
    assert audit_rows(db) == before


def tamper(db: Database, *statements: str) -> None:
    """What someone with the sqlite3 shell (or a server superuser) could do: switch the triggers off and edit."""
    dbraw.execute(db, *statements, triggers=False)


def middle_entry(db: Database) -> int:
    rows = audit_rows(db)
    assert len(rows) > 10
    return int(rows[len(rows) // 2]["id"])  # type: ignore[call-overload]


def test_verify_chain_detects_an_altered_entry(db: Database, group_id: int) -> None:
    households.create_household(db, household_data(group_id))
    assert verify_chain_of(db) is None
    target = middle_entry(db)
    tamper(db, f"UPDATE audit_log SET new = '篡改' WHERE id = {target}")
    problem = verify_chain_of(db)
    assert problem is not None
    assert problem.entry_id == target  # type: ignore[attr-defined]
    assert "改动" in problem.message  # type: ignore[attr-defined]


def test_verify_chain_detects_an_altered_entry_whose_own_hash_was_recomputed(db: Database, group_id: int) -> None:
    households.create_household(db, household_data(group_id))
    target = middle_entry(db)
    tamper(db, f"UPDATE audit_log SET reason = '篡改', hash = '{'f' * 64}' WHERE id = {target}")
    problem = verify_chain_of(db)
    assert problem is not None
    assert problem.entry_id == target  # type: ignore[attr-defined]


def test_verify_chain_detects_a_deleted_entry(db: Database, group_id: int) -> None:
    households.create_household(db, household_data(group_id))
    target = middle_entry(db)
    tamper(db, f"DELETE FROM audit_log WHERE id = {target}")
    problem = verify_chain_of(db)
    assert problem is not None
    assert problem.entry_id == target + 1  # type: ignore[attr-defined]
    assert "删除" in problem.message  # type: ignore[attr-defined]


def test_verify_chain_detects_a_reordered_pair(db: Database, group_id: int) -> None:
    households.create_household(db, household_data(group_id))
    target = middle_entry(db)
    tamper(
        db,
        f"UPDATE audit_log SET id = -1 WHERE id = {target}",
        f"UPDATE audit_log SET id = {target} WHERE id = {target + 1}",
        f"UPDATE audit_log SET id = {target + 1} WHERE id = -1",
    )
    problem = verify_chain_of(db)
    assert problem is not None
    assert problem.entry_id == target  # type: ignore[attr-defined]


# -- the chain head, for printing and for the witness ---------------------------------------------


def test_chain_head_info_is_the_newest_entry_through_either_kind_of_connection(db: Database, group_id: int) -> None:
    from resettle.store.audit import ChainHead, chain_head_info, entry_hash_at

    raw = db.raw_connection()
    try:
        head = chain_head_info(raw)
        newest = raw.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        assert head == ChainHead(newest[0], newest[1])
        assert entry_hash_at(raw, head.seq) == head.hash
        assert entry_hash_at(raw, head.seq + 1) is None
    finally:
        raw.close()
    with db.read() as s:
        assert chain_head_info(s.connection()) == head
    households.create_household(db, household_data(group_id))
    assert db.chain_head().seq > head.seq


def test_an_empty_trail_has_the_genesis_head(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from resettle.store.audit import ChainHead, chain_head_info

    with Database.open(tmp_path / "empty.sqlite3", actor=CLERK) as empty:
        raw = empty.raw_connection()
        try:
            assert chain_head_info(raw) == ChainHead(0, GENESIS)
        finally:
            raw.close()


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_each_save_moves_the_witness_to_the_new_head(db: Database, group_id: int) -> None:
    from resettle.store import witness

    households.create_household(db, household_data(group_id))
    w = witness.load(db.path)
    assert w is not None and w.head == db.chain_head() and not w.gaps
    with db.read() as s:  # reads never touch it
        s.execute(text("SELECT 1"))
    assert witness.load(db.path) == w


def test_a_flush_of_many_rows_seals_each_table_in_one_statement_and_audits_only_what_changed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A write that changes many rows of two tables (two projects' households and persons) seals every row as
    before, with one seal UPDATE per table (it was one per row), and audits the changed fields only."""
    from sqlalchemy import event, select

    from resettle.services.demo.generate import generate_demo
    from resettle.services.register.checks import check_database
    from resettle.store.models import Household, Person

    with Database.open(tmp_path / "two.sqlite3", actor=CLERK, startup_backup=False) as db:
        first = generate_demo(db, households=30, seed=1)
        second = generate_demo(db, households=20, seed=2)
        before = last_audit_id(db)
        statements: list[str] = []

        def seen(_conn, _cursor, statement, _params, _context, _many):  # type: ignore[no-untyped-def]
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            with db.write(reason="批量改电话和备注") as s:
                for h in s.scalars(select(Household)):
                    h.phone = "13800000000"
                for p in s.scalars(select(Person)):
                    p.education = "大专"
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
        sealing = [st for st in statements if st.startswith("UPDATE") and "SET seal=" in st]
        assert sorted(st.split()[1] for st in sealing) == ["household", "person"]
        rows = audit_rows(db, before)
        assert {(r["entity"], r["field"]) for r in rows} == {("household", "phone"), ("person", "education")}
        with db.read() as s:
            households = s.scalar(select(func.count()).select_from(Household))
            persons = s.scalar(select(func.count()).select_from(Person))
        assert [r["entity"] for r in rows].count("household") == households == 50
        assert [r["entity"] for r in rows].count("person") == persons
        assert {first.project_id, second.project_id} == {1, 2}
        assert check_database(db).ok  # every row's seal is what its values give
