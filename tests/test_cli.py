"""`resettle [--db PATH] COMMAND`: exit 0 done, 1 refused with a Chinese message, 2 usage."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from resettle.cli import main
from resettle.domain.household import HouseholdData, ParcelData
from resettle.services.register import households, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.backup import list_backups, verify_file
from resettle.store.database import Database
from resettle.store.paths import default_db_path
from tests import dbraw
from tests.conftest import CLERK

CJK = re.compile(r"[\u4e00-\u9fff]")
DECIMAL_2 = re.compile(r"^\d+\.\d{2}$")


@pytest.fixture
def demo_file(tmp_path: Path, demo_template: Path) -> Path:
    """A closed copy of the demo register (the CLI takes the instance lock itself)."""
    path = tmp_path / "register.sqlite3"
    shutil.copyfile(demo_template, path)
    for suffix in ("-wal", "-shm"):
        side = demo_template.with_name(demo_template.name + suffix)
        if side.exists():
            shutil.copyfile(side, path.with_name(path.name + suffix))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, _out, err = run(capsys, *argv)
    assert code == 1
    assert err.startswith("错误："), err
    assert CJK.search(err.removeprefix("错误：")), err
    return err


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = dbraw.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def stats(path: Path) -> dict[str, Any]:
    """Row counts and money/area sums as stored (integers), read without the program."""
    out: dict[str, Any] = {
        t: query(path, f"SELECT count(*) FROM {t}")[0][0]
        for t in ("household", "person", "land_parcel", "structure", "attachment", "audit_log")
    }
    out["decoration_value"] = query(path, "SELECT sum(decoration_value) FROM structure")[0][0]
    out["floor_area_m2"] = query(path, "SELECT sum(floor_area_m2) FROM structure")[0][0]
    out["area_mu"] = query(path, "SELECT sum(area_mu) FROM land_parcel")[0][0]
    out["quantity"] = query(path, "SELECT sum(quantity) FROM attachment")[0][0]
    return out


# -- usage ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], [], ["households", "--no-such-option"], ["demo", "--households", "many"], ["backup"]],
    ids=["unknown-command", "no-command", "unknown-option", "bad-number", "missing-argument"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.sqlite3"), *argv])
    assert info.value.code == 2
    assert capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


# -- demo -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("json_first", [True, False], ids=["global-json", "command-json"])
def test_demo_json_counts_match_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], json_first: bool) -> None:
    path = tmp_path / "demo.sqlite3"
    args = ["--json", "--db", str(path), "demo"] if json_first else ["--db", str(path), "demo", "--json"]
    result = run_json(capsys, *args, "--households", "30", "--seed", "3")
    assert set(result) == {"project_id", "households", "persons", "batch_id"}
    assert result["households"] == 30 == query(path, "SELECT count(*) FROM household")[0][0]
    assert result["persons"] == query(path, "SELECT count(*) FROM person")[0][0]
    assert [(result["project_id"],)] == query(path, "SELECT id FROM project")
    assert [(result["batch_id"], 30, result["persons"])] == query(
        path, "SELECT id, households, persons FROM import_batch"
    )


def test_demo_text_output_and_default_database(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--households", "5", "--seed", "1")
    assert code == 0
    assert "已生成演示项目" in out and "5 户" in out
    assert query(default_db_path(), "SELECT count(*) FROM household") == [(5,)]


# -- households -------------------------------------------------------------------------------------


def test_households_search_json_shape(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = query(demo_file, "SELECT head_name FROM household ORDER BY id LIMIT 1")[0][0]
    listed = run_json(capsys, "--db", str(demo_file), "households", "--search", head, "--json")
    assert set(listed) == {"total", "households"}
    assert listed["total"] == len(listed["households"]) >= 1
    with Database.open(demo_file, actor=CLERK, startup_backup=False) as db:
        assert listed["total"] == search.count_households(db, HouseholdQuery(text=head))
        for item in listed["households"]:
            assert {
                "household_no",
                "head",
                "village",
                "group",
                "persons",
                "parcels",
                "structures",
                "attachments",
            } <= set(item)
            detail = households.get_household(db, households.find_household_id(db, item["household_no"]))
            assert (item["head"], item["village"], item["group"]) == (
                detail.data.head_name,
                detail.village,
                detail.group,
            )
            assert item["persons"] == [
                {
                    "name": p.name,
                    "id_number": p.id_number,
                    "relation": p.relation,
                    "sex": p.sex,
                    "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                }
                for p in detail.data.persons
            ]
            assert [set(p) for p in item["parcels"]] == [{"land_class", "area_mu"}] * len(detail.data.parcels)
            for got, parcel in zip(item["parcels"], detail.data.parcels, strict=True):
                assert got["land_class"] == parcel.land_class
                assert isinstance(got["area_mu"], str) and DECIMAL_2.match(got["area_mu"])
                assert Decimal(got["area_mu"]) == parcel.area_mu
            assert [(s["structure_type"], Decimal(s["floor_area_m2"])) for s in item["structures"]] == [
                (s.structure_type, s.floor_area_m2) for s in detail.data.structures
            ]
            assert all(isinstance(s["floor_area_m2"], str) for s in item["structures"])
            assert [(a["kind"], Decimal(a["quantity"])) for a in item["attachments"]] == [
                (a.kind, a.quantity) for a in detail.data.attachments
            ]
    assert any(h["head"] == head or any(p["name"].startswith(head) for p in h["persons"]) for h in listed["households"])


def test_households_json_rounds_areas_half_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.sqlite3"
    with Database.open(path, actor=CLERK) as db:
        pid = projects.create_project(db, "测试项目")
        gid = projects.add_group(db, pid, "东岗村", "一组")
        households.create_household(
            db,
            HouseholdData(
                household_no="DG01001",
                group_id=gid,
                head_name="张三",
                parcels=(ParcelData("水田", Decimal("1.2250")), ParcelData("旱地", Decimal("0.0050"))),
            ),
        )
    listed = run_json(capsys, "--db", str(path), "--json", "households", "--search", "zs")
    (item,) = listed["households"]
    assert [p["area_mu"] for p in item["parcels"]] == ["1.23", "0.01"]


def test_households_village_filter_limit_and_text(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    village, expected = query(
        demo_file,
        "SELECT v.name, count(*) FROM household h JOIN village_group g ON g.id = h.group_id"
        " JOIN village v ON v.id = g.village_id GROUP BY v.id ORDER BY v.id LIMIT 1",
    )[0]
    listed = run_json(capsys, "--db", str(demo_file), "households", "--village", village, "--limit", "7", "--json")
    assert listed["total"] == expected
    assert len(listed["households"]) == min(7, expected)
    assert {h["village"] for h in listed["households"]} == {village}
    code, out, _ = run(capsys, "--db", str(demo_file), "households", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"共 {query(demo_file, 'SELECT count(*) FROM household')[0][0]:,} 户，显示 3 户"
    assert len(lines) == 2 + 3


# -- check ------------------------------------------------------------------------------------------


def test_check_passes_on_a_sound_register(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_file), "check")
    assert code == 0 and "检查通过" in out
    report = run_json(capsys, "--db", str(demo_file), "check", "--json")
    assert report["ok"] is True and report["problems"] == []
    assert report["audit_entries"] == query(demo_file, "SELECT count(*) FROM audit_log")[0][0]


@pytest.mark.parametrize(
    ("table", "statement"),
    [
        ("person", "UPDATE person SET name = '王五' WHERE id = {id}"),
        ("structure", "UPDATE structure SET decoration_value = decoration_value + 100000 WHERE id = {id}"),
        ("household", "UPDATE household SET bank_account = '6228480402564890026' WHERE id = {id}"),
    ],
)
def test_check_reports_a_row_edited_by_hand(
    demo_file: Path, capsys: pytest.CaptureFixture[str], table: str, statement: str
) -> None:
    row_id = query(demo_file, f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET 3")[0][0]
    conn = dbraw.connect(demo_file)
    conn.execute(statement.format(id=row_id))
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(demo_file), "check")
    assert code == 1
    assert f"表 {table} 第 {row_id} 行" in out
    code, out, _ = run(capsys, "--db", str(demo_file), "--json", "check")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert any(f"表 {table} 第 {row_id} 行" in p for p in report["problems"])


# -- backup and restore -------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # restore of a register file from its backup
def test_backup_then_restore_gives_back_the_same_data(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = stats(demo_file)
    out_file = tmp_path / "copies" / "before-edit.sqlite3"
    out_file.parent.mkdir()  # a backup goes into a folder that exists (a typo is refused, not created)
    assert run_json(capsys, "--db", str(demo_file), "--json", "backup", str(out_file)) == {"backup": str(out_file)}
    assert verify_file(out_file) == []
    assert stats(out_file) == before

    with Database.open(demo_file, actor=CLERK, startup_backup=False) as db:
        first = households.get_household(db, 1)
        structures = tuple(replace(s, decoration_value=s.decoration_value + 1000) for s in first.data.structures)
        households.update_household(db, first, replace(first.data, structures=structures, parcels=()))
        households.delete_household(db, 2, "测试删除")
    edited = stats(demo_file)
    assert edited != before

    result = run_json(capsys, "--db", str(demo_file), "restore", str(out_file), "--json")
    assert stats(demo_file) == before
    safety = Path(result["previous_saved_as"])
    assert safety.exists() and verify_file(safety) == []
    assert stats(safety) == edited, "the state before the restore was kept"
    assert [b.reason for b in list_backups(demo_file)] == ["before-restore"]
    code, out, _ = run(capsys, "--db", str(demo_file), "check")
    assert code == 0, out


def test_backup_refuses_to_overwrite(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "existing.sqlite3"
    target.write_bytes(b"do not touch")
    err = refused(capsys, "--db", str(demo_file), "backup", str(target))
    assert "已存在" in err
    assert target.read_bytes() == b"do not touch"


@pytest.mark.parametrize("damage", ["truncated", "random", "zeroed-page"])
@pytest.mark.sqlite_only  # restore of a register file from its backup
def test_restore_refuses_a_damaged_file_and_keeps_the_database(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    good = tmp_path / "good.sqlite3"
    assert run(capsys, "--db", str(demo_file), "backup", str(good))[0] == 0
    data = good.read_bytes()
    bad = tmp_path / f"{damage}.sqlite3"
    if damage == "truncated":
        bad.write_bytes(data[: len(data) // 3])
    elif damage == "random":
        bad.write_bytes(os.urandom(len(data)))
    else:
        page = 4096
        bad.write_bytes(data[:page] + b"\xff" * page + data[2 * page :])
    before = stats(demo_file)
    err = refused(capsys, "--db", str(demo_file), "restore", str(bad))
    assert "损坏" in err
    assert stats(demo_file) == before
    assert list_backups(demo_file) == [], "nothing was done, not even the safety copy"
    assert run(capsys, "--db", str(demo_file), "check")[0] == 0


# -- refusals ---------------------------------------------------------------------------------------------


def test_refusals_exit_1_with_a_chinese_message(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "不存在" in refused(capsys, "--db", str(demo_file), "restore", str(tmp_path / "missing.sqlite3"))
    assert "不存在" in refused(capsys, "--db", str(demo_file), "households", "--village", "没有这个村")
    refused(capsys, "--db", str(tmp_path / "new.sqlite3"), "demo", "--households", "0")
    assert "冲突" in refused(capsys, "--db", str(demo_file), "demo", "--households", "60", "--seed", "7")
    other = tmp_path / "other.db"
    conn = dbraw.connect(other)
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.commit()
    conn.close()
    assert "不是本程序" in refused(capsys, "--db", str(other), "check")
    assert "网络共享盘" in refused(capsys, "--db", "//server/share/register.sqlite3", "check")


@pytest.mark.sqlite_only  # the instance lock is a file lock beside the register file
def test_a_locked_database_is_refused(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Database.open(demo_file, actor=CLERK, startup_backup=False):
        assert "另一个程序实例" in refused(capsys, "--db", str(demo_file), "check")
    assert run(capsys, "--db", str(demo_file), "check")[0] == 0


def test_json_refusals_also_print_the_error_as_json(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_file), "--json", "households", "--village", "没有这个村")
    assert code == 1
    assert "没有这个村" in json.loads(out)["error"]
    assert err.startswith("错误：")


@pytest.mark.sqlite_only
def test_restore_of_a_backup_changed_by_hand_asks_for_yes(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "--db", str(demo_file), "backup", str(copy))[0] == 0
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE household SET head_name = '假名字' WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(demo_file), "restore", str(copy))
    assert code == 1 and "可疑之处" in out and "--yes" in out and list_backups(demo_file) == []
    code, out, _ = run(capsys, "--db", str(demo_file), "restore", str(copy), "--yes")
    assert code == 0 and "已从" in out


def test_a_backup_into_a_folder_that_does_not_exist_is_refused(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = refused(capsys, "--db", str(demo_file), "backup", str(tmp_path / "打错的文件夹" / "x.sqlite3"))
    assert "不存在" in err and not (tmp_path / "打错的文件夹").exists()


@pytest.mark.sqlite_only
def test_output_piped_into_head_ends_quietly(demo_file: Path) -> None:
    import subprocess
    import sys

    reader = subprocess.Popen(
        [sys.executable, "-m", "resettle", "--db", str(demo_file), "households", "--limit", "200"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    reader.stdout.read(20)  # what `| head -c 20` takes, then it goes away
    reader.stdout.close()
    _out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0 and b"Traceback" not in err, err.decode()


def test_households_limit_0_gives_the_count(demo_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", str(demo_file), "--json", "households", "--limit", "0")
    assert code == 0 and json.loads(out)["total"] > 0 and json.loads(out)["households"] == []
