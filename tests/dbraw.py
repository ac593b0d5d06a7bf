"""Raw access to a test register, as someone with direct access to the database has it, on
either engine: a sqlite3 connection to the file, or a psycopg connection to the test server's
database (tests/conftest.py, RESETTLE_TEST_POSTGRES). SQL is written with ``?`` placeholders.

``triggers=False`` is the tamperer who switches the refusal triggers off first: on SQLite by
dropping them (as with the sqlite3 shell), on PostgreSQL with ``session_replication_role =
replica`` (what a superuser can do)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import psycopg

from resettle.store.database import Database
from resettle.store.dialects.postgresql import conninfo, qmark_to_format

INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, psycopg.errors.IntegrityError)
AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


class Raw:
    def __init__(self, db: Database, triggers: bool = True) -> None:
        self.server = db.server is not None
        if db.server is not None:
            self.conn: Any = psycopg.connect(**conninfo(db.server, db._password))
            if not triggers:
                self.conn.execute("SET session_replication_role = replica")
        else:
            self.conn = sqlite3.connect(db.path)
            if not triggers:
                for name in AUDIT_TRIGGERS:
                    self.conn.execute(f"DROP TRIGGER IF EXISTS {name}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.server:
            return self.conn.execute(qmark_to_format(sql) if params else sql, tuple(params) if params else None)
        return self.conn.execute(sql, tuple(params))

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with Raw(db) as raw:
        return [tuple(r) for r in raw.execute(sql, params).fetchall()]


def dict_rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    with Raw(db) as raw:
        cur = raw.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def execute(db: Database, *statements: str, params: Sequence[Any] = (), triggers: bool = True) -> None:
    """Run statements behind the program's back and commit them."""
    with Raw(db, triggers=triggers) as raw:
        for statement in statements:
            raw.execute(statement, params)
        raw.commit()


def table_names(db: Database) -> set[str]:
    if db.server is not None:
        return {r[0] for r in rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    return {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
