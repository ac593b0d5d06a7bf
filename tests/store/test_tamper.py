"""Tampering as an attacker with the file would do it, and ``resettle check`` catching every try.

Each kind is tried 45 times over different rows, tables and positions with raw ``sqlite3``
on the closed file (dropping the append-only triggers first, recomputing seals and hashes
where that hides the edit). The register holds two projects: a bulk demo project with
computed compensation and interactive edits, and a second project entered by hand.
The table "kind × tried × caught" is printed at the end (run with ``-s``) and kept in
docs/check.md.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from resettle.domain.household import HouseholdData, ParcelData, PersonData
from resettle.services.compensation import adjustments, computing, reviewing
from resettle.services.demo.generate import demo_compensation, generate_demo
from resettle.services.register import households, projects
from resettle.services.register.checks import CheckReport, check_database
from resettle.store import backup, witness
from resettle.store.audit import AUDIT_COLUMNS, GENESIS, entry_hash
from resettle.store.database import Database
from resettle.store.models import Base
from resettle.store.paths import backup_dir_for
from resettle.store.replay import replay, table_specs
from resettle.store.seal import seal_of, sealed_columns
from tests.conftest import CLERK

# Edits of the closed file with sqlite3, older copies of the file and its witness file. On a server the
# same kinds of hand edit (rows, seals, the audit chain rehashed, foreign keys) are caught in
# tests/services/test_checks.py and tests/test_cli.py, which run on both engines.
pytestmark = pytest.mark.sqlite_only

TRIES = 45
RESULTS: dict[str, tuple[int, int]] = {}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    return build_template(tmp_path_factory.mktemp("tamper"))


def build_template(folder: Path) -> tuple[Path, list[Path]]:
    """A register written only through the program, plus older copies of it (snapshots)."""
    path = folder / "register.sqlite3"
    snapshots: list[Path] = []

    def snapshot(db: Database) -> None:
        out = folder / "older" / f"copy{len(snapshots)}.sqlite3"
        backup.copy_database(db.path, out)
        snapshots.append(out)
        db.backup_now("manual")

    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        demo = generate_demo(db, households=16, seed=11)
        snapshot(db)
        demo_compensation(db, demo.project_id)
        snapshot(db)
        first = households.get_household(db, 2)
        households.update_household(db, first, replace(first.data, head_name="改过名", phone="13900001111"))
        adjustments.add_adjustment(db, 3, "其他补助", Decimal("250.00"), "困难补助")
        reviewing.review(db, 4)
        households.delete_household(db, 5, "重复登记")
        snapshot(db)
        other = projects.create_project(db, "第二项目")
        gid = projects.add_group(db, other, "德源村", "一组")
        for n in range(3):
            households.create_household(
                db,
                HouseholdData(
                    household_no=f"DY0{n}",
                    group_id=gid,
                    head_name=f"户主{n}",
                    persons=(PersonData(f"户主{n}", ""), PersonData(f"成员{n}", "")),
                    parcels=(ParcelData("旱地", Decimal("0.75")),),
                ),
            )
        computing.compute(db, demo.project_id)
        snapshot(db)
        projects.create_project(db, "最后一次保存")  # every copy and backup is older than the file
    return path, snapshots


@pytest.fixture
def register(template: tuple[Path, list[Path]], tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the template: the file, its witness and its backups with their sidecars."""
    src, _ = template
    path = tmp_path / src.name
    for suffix in ("", "-wal", "-shm", witness.SUFFIX):
        side = src.with_name(src.name + suffix)
        if side.exists():
            shutil.copyfile(side, path.with_name(path.name + suffix))
    shutil.copytree(backup_dir_for(src), backup_dir_for(path))
    yield path


def check(path: Path) -> CheckReport:
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        return check_database(db)


def replay_finds_it(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return bool(replay(conn).problems)
    finally:
        conn.close()


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection with every guarding trigger dropped (append-only audit, frozen documents …)."""
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    return conn


def rehash_from(conn: sqlite3.Connection, first_id: int) -> None:
    """What an attacker does to make the chain valid again: recompute every hash from ``first_id``."""
    cols = ", ".join(f'"{c}"' for c in AUDIT_COLUMNS)
    row = conn.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", (first_id,)).fetchone()
    prev = row[0] if row else GENESIS
    for entry in conn.execute(f"SELECT id, {cols} FROM audit_log WHERE id >= ? ORDER BY id", (first_id,)).fetchall():
        digest = entry_hash(prev, entry[1:])
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, entry[0]))
        prev = digest


def reseal(conn: sqlite3.Connection, table: str, row_id: int) -> None:
    cols = sealed_columns(Base.metadata.tables[table])
    values = conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    conn.execute(f"UPDATE {table} SET seal = ? WHERE id = ?", (seal_of(table, row_id, values), row_id))


def audited_tables(conn: sqlite3.Connection) -> list[str]:
    return [t for t in table_specs() if conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]]


def changed(value: Any, rng: random.Random) -> Any:
    if value is None:
        return rng.choice(["改", 7])
    if isinstance(value, int):
        return value + rng.randint(1, 99)
    return f"{value}改" if rng.random() < 0.5 else "篡改"


def max_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])


# -- the kinds of tampering ---------------------------------------------------------------------------


def audit_row_edited(path: Path, rng: random.Random, i: int) -> None:
    conn = raw(path)
    entry_id = rng.randint(1, max_id(conn))
    column = rng.choice(["new", "old", "user", "reason", "ts", "entity_id", "field"])
    value = conn.execute(f'SELECT "{column}" FROM audit_log WHERE id = ?', (entry_id,)).fetchone()[0]
    conn.execute(f'UPDATE audit_log SET "{column}" = ? WHERE id = ?', (changed(value, rng), entry_id))
    if i % 2:  # half the tries recompute the chain from there on, so the chain alone is valid
        rehash_from(conn, entry_id)
    conn.commit()
    conn.close()


def audit_row_inserted(path: Path, rng: random.Random, i: int) -> None:
    """An entry with a correctly computed hash: at the end, or in the middle with the rest renumbered."""
    conn = raw(path)
    cols = ", ".join(f'"{c}"' for c in AUDIT_COLUMNS)
    last = max_id(conn)
    model = conn.execute(f"SELECT {cols} FROM audit_log WHERE id = ?", (rng.randint(1, last),)).fetchone()
    fake = list(model)
    fake[AUDIT_COLUMNS.index("reason")] = "补录"
    if i % 3 == 0:
        # The forgery an insider would make: a plausible edit at the tail, with the data changed to match.
        hid = conn.execute("SELECT id, phone FROM household ORDER BY random() LIMIT 1").fetchone()
        fake = [model[0], "clerk1", "office-pc", "update", "household", hid[0], hid[0], "phone", hid[1] or None,
                "13700000000", "补录", None]  # fmt: skip
        conn.execute("UPDATE household SET phone = '13700000000' WHERE id = ?", (hid[0],))
        reseal(conn, "household", hid[0])
        position = last + 1
    else:
        position = rng.randint(1, last + 1)
    rows = conn.execute(f"SELECT id, {cols} FROM audit_log WHERE id >= ? ORDER BY id DESC", (position,)).fetchall()
    for row in rows:  # move the later entries up by one (highest first: ids stay unique)
        conn.execute("UPDATE audit_log SET id = ? WHERE id = ?", (row[0] + 1, row[0]))
    marks = ", ".join("?" for _ in range(len(AUDIT_COLUMNS) + 3))
    conn.execute(f"INSERT INTO audit_log (id, {cols}, prev_hash, hash) VALUES ({marks})", (position, *fake, "", ""))
    rehash_from(conn, position)
    conn.commit()
    conn.close()


def audit_rows_deleted(path: Path, rng: random.Random, i: int) -> None:
    conn = raw(path)
    last = max_id(conn)
    if i % 3 == 0:  # the newest entries
        conn.execute("DELETE FROM audit_log WHERE id > ?", (last - rng.randint(1, 6),))
    else:
        entry_id = rng.randint(1, last - 1)
        conn.execute("DELETE FROM audit_log WHERE id BETWEEN ? AND ?", (entry_id, entry_id + rng.randint(0, 2)))
        if i % 3 == 2:
            rehash_from(conn, entry_id)
    conn.commit()
    conn.close()


def data_row_edited(path: Path, rng: random.Random, i: int) -> None:
    conn = raw(path)
    table = rng.choice(audited_tables(conn))
    spec = table_specs()[table]
    row_id = conn.execute(f"SELECT id FROM {table} ORDER BY random() LIMIT 1").fetchone()[0]
    column = rng.choice([c for c in spec.columns if not c.endswith("_id") and c != "household_id"] or spec.columns)
    value = conn.execute(f'SELECT "{column}" FROM {table} WHERE id = ?', (row_id,)).fetchone()[0]
    conn.execute(f'UPDATE {table} SET "{column}" = ? WHERE id = ?', (changed(value, rng), row_id))
    reseal(conn, table, row_id)
    conn.commit()
    conn.close()


def data_row_inserted(path: Path, rng: random.Random, i: int) -> None:
    conn = raw(path)
    for _ in range(20):
        table = rng.choice(audited_tables(conn))
        cols = sealed_columns(Base.metadata.tables[table])
        source = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY random() LIMIT 1").fetchone()
        values = list(source)
        for n, c in enumerate(cols):  # keep unique keys unique
            if c in ("household_no", "number", "code", "name", "id_number") and isinstance(values[n], str):
                values[n] = values[n] + "X" if values[n] else ""
        new_id = conn.execute(f"SELECT max(id) + 1 FROM {table}").fetchone()[0]
        try:
            marks = ", ".join("?" for _ in range(len(cols) + 3))
            conn.execute(
                f"INSERT INTO {table} (id, version, seal, {', '.join(cols)}) VALUES ({marks})",
                (new_id, 1, seal_of(table, new_id, values), *values),
            )
        except sqlite3.IntegrityError:
            continue  # e.g. a second compensation state for a household: try another row
        break
    conn.commit()
    conn.close()


def data_row_deleted(path: Path, rng: random.Random, i: int) -> None:
    conn = raw(path)
    table = rng.choice(audited_tables(conn))
    row_id = conn.execute(f"SELECT id FROM {table} ORDER BY random() LIMIT 1").fetchone()[0]
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))  # foreign_keys is off on a raw connection
    conn.commit()
    conn.close()


def restored_to_an_older_state(path: Path, rng: random.Random, i: int, snapshots: list[Path]) -> None:
    """The file replaced by an older copy or backup, not through the program; sometimes then used."""
    older = rng.choice([*snapshots, *(b.path for b in backup.list_backups(path))])
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(older, path)
    if i % 3 == 0:  # a clerk goes on working on it before anyone checks
        with Database.open(path, actor=CLERK, startup_backup=False) as db:
            projects.create_project(db, f"之后新建{i}")


KINDS: dict[str, Callable[..., None]] = {
    "审计记录被改（含重算哈希）": audit_row_edited,
    "审计记录被插入（哈希正确）": audit_row_inserted,
    "审计记录被删（中间或末尾）": audit_rows_deleted,
    "数据行被改（重算封印）": data_row_edited,
    "数据行被插入（封印正确）": data_row_inserted,
    "数据行被删": data_row_deleted,
    "恢复到较早状态（未经本程序）": restored_to_an_older_state,
}


def test_the_untouched_register_passes(register: Path) -> None:
    report = check(register)
    assert report.ok, report.problems
    assert report.rows_replayed > 0


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_try_is_caught(kind: str, template: tuple[Path, list[Path]], tmp_path: Path, register: Path) -> None:
    caught = 0
    missed: list[str] = []
    for i in range(TRIES):
        path = tmp_path / f"try{i}" / register.name
        path.parent.mkdir()
        for suffix in ("", witness.SUFFIX):
            shutil.copyfile(register.with_name(register.name + suffix), path.with_name(path.name + suffix))
        shutil.copytree(backup_dir_for(register), backup_dir_for(path))
        rng = random.Random(f"{kind}-{i}")
        if kind.startswith("恢复"):
            restored_to_an_older_state(path, rng, i, template[1])
        else:
            KINDS[kind](path, rng, i)
        report = check(path)
        if kind.startswith("数据行") and not replay_finds_it(path):
            missed.append(f"try {i} (not by the replay)")  # data tampering must be the replay's catch
        elif report.ok:
            missed.append(f"try {i}")
        else:
            caught += 1
    RESULTS[kind] = (TRIES, caught)
    assert caught == TRIES, missed


def test_a_restore_through_the_program_is_explained_not_flagged(
    register: Path, template: tuple[Path, list[Path]]
) -> None:
    with Database.open(register, actor=CLERK, startup_backup=False) as db:
        oldest = backup.list_backups(register)[-1].path
        db.restore_from(oldest)
        projects.create_project(db, "恢复后新建")
        report = check_database(db)
    assert report.ok, report.problems
    assert any("恢复到较早状态" in n and oldest.name in n for n in report.notices), report.notices


def test_the_witness_is_written_after_each_save(register: Path) -> None:
    with Database.open(register, actor=CLERK, startup_backup=False) as db:
        projects.create_project(db, "见证测试")
        head = db.chain_head()
    w = witness.load(register)
    assert w is not None and w.accepts(head) and not w.gaps


def test_print_the_table() -> None:
    """Kind × tried × caught, as kept in docs/check.md."""
    lines = ["| 篡改方式 | 尝试 | 查出 |", "| --- | ---: | ---: |"]
    lines += [f"| {kind} | {tried} | {caught} |" for kind, (tried, caught) in RESULTS.items()]
    print("\n" + "\n".join(lines))
    assert all(tried == caught for tried, caught in RESULTS.values())
