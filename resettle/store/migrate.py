"""Schema migrations (Alembic) run by the program on open.

An older file is backed up and then upgraded; a file written by a newer version of the
program is refused; a file that is not ours is refused. Migrations run with foreign keys
off (batch mode recreates tables) and are checked with ``foreign_key_check`` before commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from resettle.errors import DatabaseVersionError, IntegrityProblem, ValidationError
from resettle.paths_resources import migrations_path
from resettle.store.revisions import read_scripts

if TYPE_CHECKING:  # alembic is imported by the functions below (when a file is opened), not at start-up
    from alembic.config import Config

MIGRATIONS = migrations_path()


class MigrationOutcome(Enum):
    CREATED = "created"
    UPGRADED = "upgraded"
    CURRENT = "current"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _scripts_read_plainly() -> tuple[str, frozenset[str]] | None:
    return read_scripts(MIGRATIONS)


def head_revision() -> str:
    plain = _scripts_read_plainly()
    if plain is not None:
        return plain[0]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection, tables: set[str] | None = None) -> str | None:
    """The file's schema version: one plain read of ``alembic_version`` when there is one row (or
    none), else Alembic's own reading (which refuses several heads)."""
    if tables is not None:
        if "alembic_version" not in tables:
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(rows) <= 1:
            return str(rows[0][0]) if rows else None
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _is_known(revision: str) -> bool:
    plain = _scripts_read_plainly()
    if plain is not None and revision in plain[1]:
        return True
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _refuse_unknown(db_path: Path | str, current: str | None, tables: set[str]) -> None:
    """``db_path``: the file, or a server database's address (text)."""
    if current is None and tables - {"alembic_version"}:
        what = "数据库文件" if isinstance(db_path, Path) else "数据库（服务器上的这个数据库已有别的表）"
        raise ValidationError(f"{db_path} 不是本程序的{what}（没有版本信息），未作任何改动。")
    if current is not None and not _is_known(current):
        name = db_path.name if isinstance(db_path, Path) else db_path
        raise DatabaseVersionError(
            f"数据库 {name} 由更新版本的程序创建（结构版本 {current}），本版本无法安全打开。请升级程序。"
        )


def refuse_unusable_file(db_path: Path) -> None:
    """Refuse a file that is not a register this version can open, read-only, before the engine
    connects: its pragmas would otherwise switch someone else's file to WAL mode."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ValidationError(f"无法打开 {db_path}：{exc}") from None
    try:
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        row = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in tables else None
        )
    except sqlite3.DatabaseError as exc:
        raise ValidationError(f"{db_path} 不是本程序的数据库文件（{exc}），未作任何改动。") from None
    finally:
        conn.close()
    _refuse_unknown(db_path, str(row[0]) if row else None, tables)


def migrate(engine: Engine, db_path: Path | str, backup: Callable[[str], object]) -> MigrationOutcome:
    with engine.execution_options(sqlite_begin="DEFERRED").connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = current_revision(conn, tables)
        conn.rollback()
    _refuse_unknown(db_path, current, tables)
    if current == head_revision():
        return MigrationOutcome.CURRENT
    if current is not None:
        backup("before-migration")
    _upgrade(engine)
    return MigrationOutcome.CREATED if current is None else MigrationOutcome.UPGRADED


def _upgrade(engine: Engine) -> None:
    from alembic import command

    if engine.dialect.name != "sqlite":
        # PostgreSQL: DDL is transactional and foreign keys are checked as the tables change; the
        # writers' lock (taken as the transaction begins) keeps two clerks from upgrading at once,
        # and the second finds the schema current.
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), "head")
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), "head")
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise IntegrityProblem(f"升级后外键检查失败：{problems[0]}，升级已撤销。")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
