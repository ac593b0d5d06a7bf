"""Every connection gets the pragmas; write sessions take the write lock at their first statement."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text

from resettle.errors import LockedError
from resettle.services.register import projects
from resettle.store.database import Database
from resettle.store.models import Project
from tests import dbraw

# Written out here, not imported from the engine module, so a wrong constant there fails.
EXPECTED = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "busy_timeout": 5000,
    "trusted_schema": 0,
}


def pragmas_of(dbapi_connection: sqlite3.Connection) -> dict[str, object]:
    return {name: dbapi_connection.execute(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED}


@contextmanager
def other_connection(db: Database) -> Iterator[sqlite3.Connection]:
    """A second, plain sqlite3 connection that never waits for a lock."""
    conn = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_several_pooled_connections_at_once_all_have_the_pragmas(db: Database) -> None:
    held = [db.engine.raw_connection() for _ in range(4)]
    try:
        assert db.engine.pool.checkedout() == 4  # type: ignore[attr-defined]
        raw = [c.dbapi_connection for c in held]
        assert len({id(c) for c in raw}) == 4, "four distinct connections"
        for conn in raw:
            assert conn is not None
            assert pragmas_of(conn) == EXPECTED  # type: ignore[arg-type]
    finally:
        for c in held:
            c.close()


@pytest.mark.sqlite_only
def test_connections_made_after_the_pool_is_disposed_have_the_pragmas(db: Database) -> None:
    db.engine.dispose()
    with db.read() as s:
        got = {name: s.execute(text(f"PRAGMA {name}")).scalar() for name in EXPECTED}
    assert got == EXPECTED
    with db.write() as s:
        got = {name: s.execute(text(f"PRAGMA {name}")).scalar() for name in EXPECTED}
    assert got == EXPECTED


def test_foreign_keys_are_enforced_in_write_sessions(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    from resettle.store.models import Village

    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), db.write() as s:
        s.add(Village(project_id=999, name="无主村"))
    with db.read() as s:
        assert s.scalars(select(Village)).all() == []


@pytest.mark.sqlite_only
def test_a_write_session_holds_the_write_lock_from_its_first_statement(db: Database) -> None:
    with other_connection(db) as other:
        with db.write() as s:
            s.execute(select(1))  # only a read, but the transaction began with BEGIN IMMEDIATE
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the block has ended
        other.execute("ROLLBACK")


@pytest.mark.sqlite_only
def test_a_read_session_does_not_take_the_write_lock(db: Database) -> None:
    with other_connection(db) as other, db.read() as s:
        s.execute(select(1))
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")


def test_a_read_session_sees_one_snapshot(db: Database) -> None:
    projects.create_project(db, "甲")
    with db.read() as s:
        first = s.scalars(select(Project.name)).all()
        dbraw.execute(
            db, "INSERT INTO project (name, approval_no, remarks, version, seal) VALUES ('乙', '', '', 1, '')"
        )
        assert s.scalars(select(Project.name)).all() == first == ["甲"]
    with db.read() as s:
        assert sorted(s.scalars(select(Project.name)).all()) == ["乙", "甲"]


def test_an_error_inside_a_write_block_rolls_everything_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Project(name="不会保存"))
        s.flush()
        raise RuntimeError("boom")
    assert dbraw.rows(db, "SELECT count(*) FROM project") == [(0,)]
    assert dbraw.rows(db, "SELECT count(*) FROM audit_log") == [(0,)]


@pytest.mark.slow
@pytest.mark.sqlite_only  # the server's writer lock: tests/postgres
def test_a_writer_blocked_beyond_the_busy_timeout_gets_a_locked_error(db: Database) -> None:
    with other_connection(db) as other:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        try:
            with pytest.raises(LockedError, match="另一位用户"), db.write() as s:
                s.add(Project(name="等不到锁"))
        finally:
            other.execute("ROLLBACK")
        assert time.monotonic() - started >= 4.5, "busy_timeout (5 s) was not waited"
    with db.read() as s:
        assert s.scalars(select(Project)).all() == []
