"""Raw access to a test register, as someone with direct access to the database has it, on
either engine: a sqlite3 connection to the file, or a psycopg connection to the test server's
database (tests/conftest.py, RESETTLE_TEST_POSTGRES). SQL is written with ``?`` placeholders.

``triggers=False`` is the tamperer who switches the refusal triggers off first: on SQLite by
dropping them (as with the sqlite3 shell), on PostgreSQL with ``session_replication_role =
replica`` (what a superuser can do)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine

from resettle.store.database import Database
from resettle.store.dialects import ServerAddress, postgresql, testmap
from resettle.store.dialects.postgresql import conninfo, qmark_to_format
from resettle.store.engine import make_engine

INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, psycopg.errors.IntegrityError)
AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


class _Rows:
    """A finished cursor's stand-in (the PRAGMAs below)."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def __iter__(self) -> Any:
        return iter(self._rows)


# On a server the engine itself enforces foreign keys and keeps its pages: SQLite's two file checks
# have nothing to find there, and answer as on a sound file.
SERVER_PRAGMAS = {"PRAGMA integrity_check": [("ok",)], "PRAGMA foreign_key_check": []}


# A tamperer switching the program's guards off: dropping the append-only triggers, foreign keys off.
# On a server a superuser does both at once for the session: triggers (and foreign-key checks) are not fired.
TAMPERER_SWITCHES = frozenset(
    {"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete", "PRAGMA foreign_keys = OFF"}
)


class _Quiet(psycopg.Connection[Any]):
    """Like a sqlite3 connection, one a test drops without close() just ends (no ResourceWarning
    turning up later in another test)."""

    def __del__(self, *_args: Any) -> None:
        with suppress(Exception):
            self.close()


class Raw:
    def __init__(self, db: Database | None = None, triggers: bool = True, *, path: Path | None = None) -> None:
        server = db.server if db is not None else None
        password = db._password if db is not None else None
        if db is None and path is not None and testmap.active():
            address, password = testmap.server()
            server = ServerAddress(address.host, address.port, testmap.for_raw(path), address.user)
        self.server = server is not None
        if server is not None:
            self.conn: Any = _Quiet.connect(**conninfo(server, password))
            if not triggers:
                self.conn.execute("SET session_replication_role = replica")
        else:
            self.conn = sqlite3.connect(db.path if db is not None else path)  # type: ignore[arg-type]
            if not triggers:
                for name in AUDIT_TRIGGERS:
                    self.conn.execute(f"DROP TRIGGER IF EXISTS {name}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.server:
            if sql.strip() in SERVER_PRAGMAS:
                return _Rows(SERVER_PRAGMAS[sql.strip()])
            if sql.strip() in TAMPERER_SWITCHES:  # what the sqlite3 shell's user does, as a server superuser does it
                self.conn.execute("SET session_replication_role = replica")
                return _Rows([])
            # one savepoint per statement: a refused statement undoes itself only, as on SQLite (PostgreSQL
            # would otherwise abort the whole transaction)
            with self.conn.transaction():
                return self.conn.execute(qmark_to_format(sql) if params else sql, tuple(params) if params else None)
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, seq: Sequence[Sequence[Any]]) -> Any:
        if self.server:
            with self.conn.cursor() as cur:
                cur.executemany(qmark_to_format(sql), [tuple(p) for p in seq])
            return None
        return self.conn.executemany(sql, seq)

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        """As ``with sqlite3.connect(...)``: commit on success, roll back on an error; stays open."""
        if exc_type is None:
            self.commit()
        else:
            self.rollback()


@contextmanager
def opened(db: Database, triggers: bool = True) -> Iterator[Raw]:
    """A raw connection to ``db`` for the block, closed after it (nothing committed by itself)."""
    raw = Raw(db, triggers=triggers)
    try:
        yield raw
    finally:
        raw.close()


def bare_engine(path: Path) -> Engine:
    """An engine on an empty register at ``path``, for a test that builds an older schema itself
    (Alembic to a revision): the file, or an empty database on the test server."""
    if testmap.active():
        address, password = testmap.server()
        return postgresql.make_engine(
            ServerAddress(address.host, address.port, testmap.for_raw(path), address.user), password
        )
    return make_engine(path)


def connect(path: Path | str) -> Raw:
    """``sqlite3.connect(path)`` for a register file, or its database on the test server."""
    return Raw(path=Path(str(path).removeprefix("file:").split("?mode=")[0]))


def rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with opened(db) as raw:
        return [tuple(r) for r in raw.execute(sql, params).fetchall()]


def dict_rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    with opened(db) as raw:
        cur = raw.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def execute(db: Database, *statements: str, params: Sequence[Any] = (), triggers: bool = True) -> None:
    """Run statements behind the program's back and commit them."""
    with opened(db, triggers=triggers) as raw:
        for statement in statements:
            raw.execute(statement, params)
        raw.commit()


def table_names(db: Database) -> set[str]:
    if db.server is not None:
        return {r[0] for r in rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    return {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
