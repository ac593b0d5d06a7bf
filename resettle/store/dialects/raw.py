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
        return _server_foreign_key_problems(conn)
    problems: list[str] = []
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        problems.append("SQLite 完整性检查失败：" + "；".join(rows[:3]))
    fk = conn.execute("PRAGMA foreign_key_check").fetchone()
    if fk is not None:
        problems.append(f"外键检查失败：表 {fk[0]} 第 {fk[1]} 行引用的 {fk[2]} 不存在")
    return problems


def _server_foreign_key_problems(conn: Any) -> list[str]:
    """A server checks foreign keys on every write, but a superuser can switch that off for a session
    (``session_replication_role = replica``): look for rows whose parent is missing, as SQLite's
    foreign_key_check does (the first one per table)."""
    from resettle.store import schema  # noqa: F401 - every table registered
    from resettle.store.models import Base

    present = table_names(conn)
    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        for fk in table.foreign_key_constraints:
            parent = fk.referred_table.name
            if parent not in present or len(fk.columns) != 1:
                continue
            col = next(iter(fk.columns)).name
            target = fk.elements[0].column.name
            key = "id" if "id" in table.c else col
            row = conn.execute(
                f'SELECT c."{key}" FROM "{table.name}" c LEFT JOIN "{parent}" p ON p."{target}" = c."{col}" '
                f'WHERE c."{col}" IS NOT NULL AND p."{target}" IS NULL LIMIT 1'
            ).fetchone()
            if row is not None:
                problems.append(f"外键检查失败：表 {table.name} 第 {row[0]} 行引用的 {parent} 不存在")
    return problems
