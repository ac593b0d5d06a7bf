"""`check` finds what was changed behind the program's back: row seals, audit chain, foreign keys."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal

import pytest

from resettle.domain.ids import check_character
from resettle.services import households, projects
from resettle.services.checks import check_database
from resettle.services.records import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.store.database import Database

# (table, column, SQL expression giving a different value of the right kind)
HAND_EDITS = [
    ("project", "name", "name || '改'"),
    ("village", "name", "name || '改'"),
    ("village_group", "name", "name || '改'"),
    ("household", "head_name", "'李四'"),
    ("household", "bank_account", "'6228480402564890026'"),
    ("person", "name", "'王五'"),
    ("person", "id_number", "'110101199003070012'"),
    ("land_parcel", "area_mu", "area_mu + 10000"),
    ("structure", "decoration_value", "decoration_value * 10"),
    ("structure", "legal_status", "'合法'"),
    ("attachment", "quantity", "quantity + 100"),
]


def person_id(birth: str, seq: str) -> str:
    first17 = f"330802{birth}{seq}"
    return first17 + check_character(first17)


@pytest.fixture
def register(db: Database) -> Database:
    pid = projects.create_project(db, "测试项目")
    gid = projects.add_group(db, pid, "东岗村", "一组")
    data = HouseholdData(
        household_no="DG01001",
        group_id=gid,
        head_name="张三",
        bank_account="6228480402564890018",
        persons=(PersonData("张三", person_id("19700101", "001"), "户主"), PersonData("王芳", "")),
        parcels=(ParcelData("水田", Decimal("1.25")),),
        structures=(StructureData("砖混", Decimal("120.00"), legal_status="违法", decoration_value=Decimal("5000")),),
        attachments=(AttachmentData("果树", Decimal("3"), "棵"),),
    )
    created = households.create_household(db, data)
    households.update_household(db, created, replace(created.data, phone="13800138000"))
    return db


def hand_edit(db: Database, *statements: str) -> None:
    conn = sqlite3.connect(db.path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_a_register_written_by_the_program_passes(register: Database) -> None:
    report = check_database(register)
    assert report.ok, report.problems
    assert report.audit_entries > 0
    assert len(report.chain_head) == 64


def test_the_demo_register_passes(demo_db: Database) -> None:
    report = check_database(demo_db)
    assert report.ok, report.problems
    conn = demo_db.raw_connection()
    try:
        assert report.audit_entries == conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        assert report.chain_head == conn.execute("SELECT hash FROM audit_log ORDER BY id DESC").fetchone()[0]
    finally:
        conn.close()


def test_a_register_still_passes_after_edits_and_deletes(demo_db: Database) -> None:
    first = households.get_household(demo_db, 1)
    households.update_household(
        demo_db, first, replace(first.data, head_name="改名", persons=first.data.persons[:1], parcels=())
    )
    households.delete_household(demo_db, 2, "重复登记")
    report = check_database(demo_db)
    assert report.ok, report.problems


@pytest.mark.parametrize(("table", "column", "expression"), HAND_EDITS, ids=[f"{t}.{c}" for t, c, _ in HAND_EDITS])
def test_a_hand_edited_row_is_reported_by_table_and_row(
    register: Database, table: str, column: str, expression: str
) -> None:
    conn = register.raw_connection()
    try:
        row_id = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
    finally:
        conn.close()
    hand_edit(register, f"UPDATE {table} SET {column} = {expression} WHERE id = {row_id}")
    report = check_database(register)
    assert not report.ok
    assert any(f"表 {table} 第 {row_id} 行" in p for p in report.problems), report.problems


def test_putting_the_old_value_back_passes_again(register: Database) -> None:
    hand_edit(register, "UPDATE person SET name = '王五' WHERE name = '王芳'")
    assert not check_database(register).ok
    hand_edit(register, "UPDATE person SET name = '王芳' WHERE name = '王五'")
    assert check_database(register).ok


def test_a_row_inserted_by_hand_is_reported(register: Database) -> None:
    hand_edit(
        register,
        "INSERT INTO structure (household_id, seq, use, structure_type, floor_area_m2, legal_status, decoration_value,"
        " version, seal) VALUES (1, 9, '住宅', '框架', 10000, '合法', 99999900, 1, 'a3f1')",
    )
    report = check_database(register)
    assert any("表 structure" in p for p in report.problems), report.problems


def test_a_copied_seal_does_not_hide_an_edit(register: Database) -> None:
    """A seal binds the row's id too: copying another row's seal over does not make it pass."""
    hand_edit(
        register,
        "UPDATE person SET name = (SELECT name FROM person WHERE id = 1), seal = (SELECT seal FROM person WHERE id = 1)"
        " WHERE id = 2",
    )
    report = check_database(register)
    assert any("表 person 第 2 行" in p for p in report.problems), report.problems


def test_a_tampered_audit_chain_is_reported(register: Database) -> None:
    hand_edit(
        register,
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET new = '篡改' WHERE id = 3",
    )
    report = check_database(register)
    assert any("审计记录 3" in p for p in report.problems), report.problems


def test_a_broken_foreign_key_is_reported(register: Database) -> None:
    hand_edit(register, "PRAGMA foreign_keys = OFF", "UPDATE person SET household_id = 999 WHERE id = 2")
    report = check_database(register)
    assert any("外键" in p and "person" in p for p in report.problems), report.problems
