"""`check` finds what was changed behind the program's back: row seals, audit chain, foreign keys."""

from __future__ import annotations

import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.ids import check_character
from resettle.services.register import households, projects
from resettle.services.register.checks import check_database
from resettle.store.database import Database
from tests import dbraw

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
    conn = dbraw.connect(db.path)
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
        households_n = conn.execute("SELECT count(*) FROM household").fetchone()[0]
        assert report.households_replayed == households_n  # the rows of no household are not a household
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
    if table in ("household", "person"):  # the clerk is told whose record it is
        assert any(f"第 {row_id} 行（户 " in p for p in report.problems), report.problems


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


# -- the replay: edits that recompute the seal ------------------------------------------------------


def reseal(db: Database, table: str, row_id: int) -> None:
    from resettle.store.models import Base
    from resettle.store.seal import seal_of, sealed_columns

    cols = sealed_columns(Base.metadata.tables[table])
    conn = dbraw.connect(db.path)
    try:
        values = conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
        conn.execute(f"UPDATE {table} SET seal = ? WHERE id = ?", (seal_of(table, row_id, values), row_id))
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(("table", "column", "expression"), HAND_EDITS, ids=[f"{t}.{c}" for t, c, _ in HAND_EDITS])
def test_a_hand_edit_with_its_seal_recomputed_is_caught_by_the_replay(
    register: Database, table: str, column: str, expression: str
) -> None:
    conn = register.raw_connection()
    try:
        row_id = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
    finally:
        conn.close()
    hand_edit(register, f"UPDATE {table} SET {column} = {expression} WHERE id = {row_id}")
    reseal(register, table, row_id)
    report = check_database(register)
    assert not any("不是经本程序写入的（可能被手工改动）" in p for p in report.problems), "the seal is valid"
    assert any(f"表 {table} 第 {row_id} 行" in p and column in p for p in report.problems), report.problems


def test_a_bulk_written_household_edited_behind_the_program_is_caught(demo_db: Database) -> None:
    hand_edit(demo_db, "UPDATE person SET name = '冒名' WHERE id = (SELECT min(id) FROM person WHERE household_id = 9)")
    reseal(demo_db, "person", int(demo_db.raw_connection().execute(
        "SELECT min(id) FROM person WHERE household_id = 9").fetchone()[0]))  # fmt: skip
    report = check_database(demo_db)
    no, head = demo_db.raw_connection().execute("SELECT household_no, head_name FROM household WHERE id = 9").fetchone()
    assert [p for p in report.problems if p.startswith(f"户 {no} {head}（id 9）：批量写入时")], report.problems
    assert len(report.problems) == 1, report.problems


def test_rows_added_or_deleted_behind_the_program_are_caught(register: Database) -> None:
    hand_edit(register, "DELETE FROM attachment", "DELETE FROM land_parcel")
    report = check_database(register)
    assert any("表 attachment" in p and "已不在表中" in p for p in report.problems), report.problems
    assert any("表 land_parcel" in p and "已不在表中" in p for p in report.problems), report.problems


def test_a_row_inserted_with_a_valid_seal_is_caught(register: Database) -> None:
    hand_edit(
        register,
        "INSERT INTO structure (id, household_id, seq, use, structure_type, floor_area_m2, legal_status,"
        " decoration_value, version, seal) VALUES (77, 1, 9, '住宅', '框架', 10000, '合法', 99999900, 1, '')",
    )
    reseal(register, "structure", 77)
    report = check_database(register)
    assert any("表 structure 第 77 行没有任何审计记录" in p for p in report.problems), report.problems


def test_tampering_in_one_project_is_reported_there_and_the_other_stays_clean(register: Database) -> None:
    pid = projects.create_project(register, "第二项目")
    gid = projects.add_group(register, pid, "德源村", "一组")
    other = households.create_household(register, HouseholdData(household_no="DY001", group_id=gid, head_name="赵六"))
    assert check_database(register).ok
    hand_edit(register, f"UPDATE household SET phone = '13999999999' WHERE id = {other.id}")
    reseal(register, "household", other.id)
    report = check_database(register)
    assert report.problems and all(f"表 household 第 {other.id} 行" in p for p in report.problems), report.problems


# -- the chain head against its witnesses -----------------------------------------------------------


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_deleting_the_newest_audit_entries_is_caught_by_the_witness(register: Database) -> None:
    hand_edit(
        register,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)",
    )
    report = check_database(register)
    assert any("审计链比见证文件记录的短" in p for p in report.problems), report.problems


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_an_entry_appended_with_a_valid_hash_is_caught_by_the_witness(register: Database) -> None:
    from resettle.store.audit import AUDIT_COLUMNS, entry_hash

    conn = dbraw.connect(register.path)
    try:
        prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        content = (
            "2026-01-01T00:00:00.000000Z",
            "clerk1",
            "pc",
            "update",
            "household",
            1,
            1,
            "remarks",
            None,
            "补",
            "",
            None,
        )
        cols = ", ".join(f'"{c}"' for c in AUDIT_COLUMNS)
        conn.execute(f"INSERT INTO audit_log ({cols}, prev_hash, hash) VALUES ({', '.join('?' * 14)})",
                     (*content, prev, entry_hash(prev, content)))  # fmt: skip
        conn.execute("UPDATE household SET remarks = '补' WHERE id = 1")
        conn.commit()
    finally:
        conn.close()
    reseal(register, "household", 1)
    report = check_database(register)
    assert any("多出 1 条记录" in p for p in report.problems), report.problems


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_a_file_swapped_for_an_older_backup_is_reported_as_a_restore_to_an_older_state(register: Database) -> None:
    from resettle.store.backup import auto_backup

    older = auto_backup(register.path, "manual")
    projects.create_project(register, "之后的项目")
    path = register.path
    register.close()
    shutil.copyfile(older, path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with Database.open(path, startup_backup=False) as reopened:
        report = check_database(reopened)
    assert any("恢复到较早状态（未经本程序）" in p and older.name in p for p in report.problems), report.problems


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_a_restore_through_the_program_is_a_notice_not_a_problem(register: Database) -> None:
    from resettle.store.backup import auto_backup

    older = auto_backup(register.path, "manual")
    projects.create_project(register, "之后的项目")
    register.restore_from(older)
    projects.create_project(register, "恢复后的项目")
    report = check_database(register)
    assert report.ok, report.problems
    assert any(n.startswith("恢复到较早状态") and older.name in n for n in report.notices), report.notices


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_many_restores_are_summed_up_and_a_restore_to_the_same_state_says_so(register: Database) -> None:
    from resettle.services.register.checks import RESTORES_LISTED
    from resettle.store.backup import auto_backup

    same = auto_backup(register.path, "manual")
    for _ in range(RESTORES_LISTED + 2):
        register.restore_from(same)  # nothing written since: the audit chain stays where it was
    projects.create_project(register, "之后的项目")
    older = auto_backup(register.path, "manual")
    projects.create_project(register, "再之后的项目")
    register.restore_from(older)
    report = check_database(register)
    assert report.ok, report.problems
    restores = [n for n in report.notices if "经本程序" in n]
    assert len(restores) == RESTORES_LISTED + 1  # one line for the earliest three, then the latest five one by one
    assert restores[0].startswith("此前另有 3 次经本程序的恢复")
    assert all("恢复的数据与当时的相同" in n and "较早" not in n for n in restores[1:-1]), restores
    assert restores[-1].startswith("恢复到较早状态") and older.name in restores[-1]


@pytest.mark.sqlite_only  # witness_head: the witness file beside a register file
def test_the_cli_reports_the_new_findings_in_json(register: Database, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from resettle.cli import main

    path = register.path
    register.close()
    assert main(["check", "--json", "--db", str(path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {"ok", "problems", "audit_entries", "chain_head", "chain_seq", "witness_head", "notices"} <= set(payload)
    assert payload["witness_head"] == {"seq": payload["chain_seq"], "hash": payload["chain_head"]}
    hand_edit_path(path, "UPDATE household SET phone = '13000000000'")
    assert main(["check", "--json", "--db", str(path)]) == 1
    assert any("「phone」" in p for p in json.loads(capsys.readouterr().out)["problems"])


def hand_edit_path(path: Path, statement: str) -> None:
    conn = dbraw.connect(path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_compensation_computed_by_an_earlier_version_is_a_notice(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before content digests, compute recorded each household's total only; check says so and goes on."""
    from resettle.services.demo.generate import demo_compensation
    from resettle.store import replay

    monkeypatch.setattr(replay, "table_digests_note", lambda digests: "")  # what the earlier writer recorded
    demo_compensation(demo_db, 1)
    monkeypatch.undo()
    report = check_database(demo_db)
    assert report.ok, report.problems
    assert any("由旧版本计算" in n for n in report.notices), report.notices
    hand_edit(demo_db, "UPDATE household SET phone = '13000000001' WHERE id = 3")
    reseal(demo_db, "household", 3)
    assert any("（id 3）" in p for p in check_database(demo_db).problems)  # the rest is still replayed


def test_rows_removed_with_a_deleted_member_are_explained(register: Database) -> None:
    """A member's labour record goes with him (ON DELETE CASCADE): the trail has his deletion, not the record's."""
    from resettle.store.livelihood_models import LabourPerson
    from resettle.store.models import Person

    with register.write(reason="登记就业") as s:
        member = s.query(Person).filter(Person.name == "王芳").one()
        s.add(LabourPerson(person_id=member.id, state="务工", employer="城东厂"))
    with register.write(reason="再改") as s:
        s.query(LabourPerson).one().post = "装配"
    assert check_database(register).ok
    detail = households.get_household(register, 1)
    households.update_household(register, detail, replace(detail.data, persons=detail.data.persons[:1]))
    report = check_database(register)
    assert report.ok, report.problems


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_a_process_killed_during_a_commit_leaves_a_witness_that_accepts_either_outcome(
    register: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resettle.store import witness
    from resettle.store.audit import ChainHead

    # Killed after the commit landed, before the witness was confirmed:
    monkeypatch.setattr(witness, "advance", lambda *a: None)
    projects.create_project(register, "提交后中断")
    monkeypatch.undo()
    assert check_database(register).ok, check_database(register).problems
    # … and killed before a commit landed (the witness announced a head that never came):
    head = register.chain_head()
    witness.expect(register.path, head, ChainHead(head.seq + 7, "f" * 64))
    assert check_database(register).ok
    projects.create_project(register, "之后照常保存")
    report = check_database(register)
    assert report.ok, report.problems
    w = witness.load(register.path)
    assert w is not None and w.head == register.chain_head() and w.pending is None and not w.gaps


@pytest.mark.sqlite_only  # the witness file beside a register file
def test_the_entries_of_the_last_save_cut_off_are_caught(register: Database) -> None:
    """The witness is confirmed after each commit, so even the newest save's entries are missed when cut."""
    before = register.chain_head()
    projects.create_project(register, "最后一次保存")
    hand_edit(register, "DROP TRIGGER audit_log_no_delete", f"DELETE FROM audit_log WHERE id > {before.seq}",
              "DELETE FROM project WHERE name = '最后一次保存'")  # fmt: skip
    report = check_database(register)
    assert any("审计链比见证文件记录的短" in p for p in report.problems), report.problems
