"""What the checks need to know about a raw connection: a ``sqlite3.Connection`` or the PostgreSQL reader."""

from __future__ import annotations

from typing import Any


def is_server_reader(conn: Any) -> bool:
    return getattr(conn, "dialect_name", "sqlite") == "postgresql"


def table_names(conn: Any) -> set[str]:
    if is_server_reader(conn):
        return set(conn.table_names())
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def integrity_problems(conn: Any) -> list[str]:
    """The engine's own consistency checks: SQLite's integrity_check and foreign_key_check. A
    PostgreSQL server enforces foreign keys and checks on every write and keeps its own pages;
    there is nothing to ask it here (its administrator runs amcheck and the server's backups)."""
    if is_server_reader(conn):
        return []
    problems: list[str] = []
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        problems.append("SQLite 完整性检查失败：" + "；".join(rows[:3]))
    fk = conn.execute("PRAGMA foreign_key_check").fetchone()
    if fk is not None:
        problems.append(f"外键检查失败：表 {fk[0]} 第 {fk[1]} 行引用的 {fk[2]} 不存在")
    return problems
