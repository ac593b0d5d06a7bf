"""The register on a PostgreSQL server: schema from the same migrations, the writers' lock, the
audit chain under concurrent writers, optimistic locking, backups with pg_dump, passwords."""

from __future__ import annotations

import threading
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from resettle.domain.household import HouseholdData, PersonData, StructureData
from resettle.errors import ConflictError, LockedError, ValidationError
from resettle.services.register import checks, households, projects
from resettle.store import servers
from resettle.store.audit import verify_chain
from resettle.store.database import Database
from resettle.store.dialects import parse_server_url
from resettle.store.migrate import MigrationOutcome, head_revision
from resettle.store.models import Household
from tests import dbraw
from tests.conftest import CLERK

pytestmark = pytest.mark.postgres


def household(group_id: int, no: str, head: str = "张三") -> HouseholdData:
    return HouseholdData(
        household_no=no,
        group_id=group_id,
        head_name=head,
        persons=(PersonData(head, "", "户主"),),
        structures=(StructureData("砖混", Decimal("120.5"), decoration_value=Decimal("12345.67")),),
    )


def test_an_empty_server_database_gets_the_schema_from_the_migrations(server_db: Database) -> None:
    assert server_db.migration is MigrationOutcome.CREATED and server_db.is_server
    assert dbraw.rows(server_db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    kinds = dict(
        dbraw.rows(
            server_db,
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'structure'",
        )
    )
    assert kinds["decoration_value"] == "bigint" and kinds["id"] == "bigint"
    identity = dbraw.rows(
        server_db,
        "SELECT is_identity FROM information_schema.columns WHERE table_name = 'household' AND column_name = 'id'",
    )
    assert identity == [("YES",)]
    # reopening finds it current and changes nothing
    with Database.open(server_db.server.display, actor=CLERK) as again:  # type: ignore[union-attr]
        assert again.migration is MigrationOutcome.CURRENT


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET new = '篡改' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1", "TRUNCATE audit_log"],
)
def test_the_audit_log_is_append_only_on_the_server(server_db: Database, statement: str) -> None:
    projects.create_project(server_db, "测试项目")
    before = dbraw.rows(server_db, "SELECT id, hash FROM audit_log ORDER BY id")
    assert before
    with dbraw.opened(server_db) as raw:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="append-only"):
            raw.execute(statement)
        raw.rollback()
    with pytest.raises(IntegrityError, match="append-only"), server_db.write() as s:
        s.execute(text(statement))
    assert dbraw.rows(server_db, "SELECT id, hash FROM audit_log ORDER BY id") == before


def test_a_published_rate_table_is_frozen_by_the_plpgsql_trigger(server_db: Database) -> None:
    projects.create_project(server_db, "测试项目")
    dbraw.execute(
        server_db,
        "INSERT INTO rate_table (name, revision, source_doc, status, published_by, version, seal) "
        "VALUES ('标准', 1, '', '已发布', '', 1, '')",
    )
    with dbraw.opened(server_db) as raw:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="published and frozen"):
            raw.execute("UPDATE rate_table SET name = '改过'")
        raw.rollback()
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="published and frozen"):
            raw.execute("DELETE FROM rate_table")


def test_a_second_writer_waits_for_the_first_and_sees_its_commit(server_db: Database) -> None:
    pid = projects.create_project(server_db, "测试项目")
    gid = projects.add_group(server_db, pid, "东岗村", "一组")
    other = Database.open(server_db.server.display, actor=CLERK)  # type: ignore[union-attr]
    order: list[str] = []
    started = threading.Event()

    def second() -> None:
        started.wait()
        households.create_household(other, household(gid, "B001", "李四"))
        order.append("second")

    t = threading.Thread(target=second)
    t.start()
    try:
        with server_db.write() as s:
            s.execute(select(1))  # only a read: the writers' lock is held from the first statement
            started.set()
            t.join(timeout=1.0)
            assert t.is_alive(), "the second writer did not wait for the lock"
            order.append("first")
        t.join(timeout=30)
    finally:
        other.close()
    assert order == ["first", "second"]
    with server_db.read() as s:
        assert s.scalars(select(Household.household_no)).all() == ["B001"]


def test_a_writer_blocked_beyond_the_lock_timeout_gets_a_locked_error(
    server_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resettle.store.dialects import postgresql

    monkeypatch.setattr(postgresql, "LOCK_TIMEOUT", "500ms")
    other = Database.open(server_db.server.display, actor=CLERK)  # type: ignore[union-attr]
    try:
        with server_db.write() as s:
            s.execute(select(1))
            with pytest.raises(LockedError, match="另一位用户"):
                projects.create_project(other, "等不到锁")
    finally:
        other.close()
    with server_db.read() as s:
        assert s.execute(text("SELECT count(*) FROM project")).scalar() == 0


def test_concurrent_writers_keep_one_audit_chain(server_db: Database) -> None:
    pid = projects.create_project(server_db, "测试项目")
    gid = projects.add_group(server_db, pid, "东岗村", "一组")
    errors: list[BaseException] = []

    def clerk(n: int) -> None:
        try:
            with Database.open(server_db.server.display, actor=CLERK) as db:  # type: ignore[union-attr]
                for i in range(8):
                    households.create_household(db, household(gid, f"C{n}{i:02d}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=clerk, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    raw = server_db.raw_connection()
    try:
        assert verify_chain(raw) is None
    finally:
        raw.close()
    prevs = dbraw.rows(server_db, "SELECT prev_hash FROM audit_log")
    assert len({p for (p,) in prevs}) == len(prevs), "two entries share a predecessor: the chain forked"
    report = checks.check_database(server_db)
    assert report.ok, report.problems


def test_an_edit_of_a_row_changed_since_it_was_read_is_a_conflict(server_db: Database) -> None:
    pid = projects.create_project(server_db, "测试项目")
    gid = projects.add_group(server_db, pid, "东岗村", "一组")
    created = households.create_household(server_db, household(gid, "D001"))
    first = households.get_household(server_db, created.id)
    second = households.get_household(server_db, created.id)
    households.update_household(server_db, first, replace(first.data, phone="13900001111"))
    with pytest.raises(ConflictError):
        households.update_household(server_db, second, replace(second.data, phone="13700002222"))
    assert households.get_household(server_db, created.id).data.phone == "13900001111"


def test_backups_on_the_server_are_pg_dumps_with_the_chain_head(server_db: Database) -> None:
    projects.create_project(server_db, "测试项目")
    made = server_db.backup_now("manual")
    assert made.suffix == ".dump" and made.stat().st_size > 0
    sidecar = made.with_name(made.name + ".head.json")
    assert str(server_db.chain_head().seq) in sidecar.read_text(encoding="utf-8")
    out = made.parent / "copy.dump"
    server_db.backup_to(out)
    assert out.exists()
    with pytest.raises(ValidationError, match="已存在"):
        server_db.backup_to(out)


def test_two_dumps_in_the_same_second_get_two_files(server_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten clerks' imports once collided here: the same name, one .part file taken from under the other."""
    from datetime import datetime

    from resettle.store.dialects import pg_backup

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:  # type: ignore[override]
            return cls(2026, 12, 1, 9, 0, 0)

    monkeypatch.setattr(pg_backup, "datetime", Frozen)
    first, second = server_db.backup_now("manual"), server_db.backup_now("manual")
    assert first != second and first.stat().st_size > 0 and second.stat().st_size > 0
    assert second.name == first.name.replace("-manual", "-manual-1")
    assert first.name.startswith(server_db.server.slug + "-")  # type: ignore[union-attr]
    assert list(first.parent.glob("*.part")) == []


def test_a_restore_on_the_server_is_refused_and_changes_nothing(server_db: Database) -> None:
    """Other clerks may be connected: the program does not overwrite a server database; the message
    names pg_restore into a new database, the administrator's job."""
    projects.create_project(server_db, "测试项目")
    made = server_db.backup_now("manual")
    projects.create_project(server_db, "备份之后的项目")
    head = server_db.chain_head()
    with pytest.raises(ValidationError, match="pg_restore"):
        server_db.restore_from(made)
    assert server_db.chain_head() == head
    assert [p.name for p in projects.tree(server_db, with_counts=False)] == ["测试项目", "备份之后的项目"]


def test_without_pg_dump_the_backup_says_what_to_install(
    server_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RESETTLE_PG_DUMP", str(tmp_path / "no-such-pg_dump"))
    with pytest.raises(ValidationError, match="未找到 PostgreSQL 的备份工具 pg_dump") as info:
        server_db.backup_now("manual")
    assert "postgresql-client" in info.value.message
    assert not list(tmp_path.rglob("*.dump"))


def test_the_password_is_kept_in_memory_and_recent_servers_have_none(server_url: str, tmp_path: Path) -> None:
    address, _ = parse_server_url(server_url)
    secret = "s3cret-Pw-in-memory"
    db = servers.connect(address, password=secret, actor=CLERK)  # the test server trusts: any password works
    try:
        projects.create_project(db, "测试项目")
        db.backup_now("manual")
    finally:
        db.close()
    assert servers.recent_servers()[0] == address
    for f in (tmp_path / "userdata").rglob("*"):
        if f.is_file():
            assert secret.encode() not in f.read_bytes(), f"password written into {f}"


def test_a_database_with_other_tables_is_refused(server_url: str) -> None:
    address, _ = parse_server_url(server_url)
    import psycopg

    from resettle.store.dialects.postgresql import conninfo

    with psycopg.connect(**conninfo(address, None), autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(ValidationError, match="不是本程序的数据库"):
        Database.open(server_url, actor=CLERK)
