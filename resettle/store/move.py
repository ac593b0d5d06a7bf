"""Moving a township's register file onto a PostgreSQL server (``resettle move-to``).

The file is opened as usual (upgraded to this version's schema first, with a backup), the
server database must be empty (a new database, or one this program created and nothing was
written to); every row of every table is copied with COPY in one transaction, ids, seals and
the audit chain exactly as they are. Before that transaction commits, the copy is checked
through the same connection: rows per table, money and area sums per project, the audit chain
recomputed and ending at the file's head, every row's seal. Anything wrong, a cancel, or an
error rolls the whole copy back: the server database is left as empty as it was found.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table

from resettle.errors import Cancelled, IntegrityProblem, ValidationError
from resettle.store import audit, schema  # noqa: F401 - every table registered
from resettle.store.database import Database
from resettle.store.models import Base, Editable
from resettle.store.seal import iter_bad_seals
from resettle.store.types import ScaledDecimal

Progress = Callable[[int, int], None]
CHUNK = 5000


@dataclass
class MoveReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    sums: int = 0  # money/area sums compared (per project and column)
    seals: int = 0  # sealed rows checked
    audit_entries: int = 0
    chain_head: str = ""
    seconds: float = 0.0


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name != "alembic_version"]


def _sealed_tables() -> list[Table]:
    names = {m.local_table.name for m in Base.registry.mappers if issubclass(m.class_, Editable)}  # type: ignore[attr-defined]
    return [t for t in _tables() if t.name in names]


def _sum_queries() -> Iterator[tuple[str, str]]:
    """(label, SQL) of each money/area column's sum per project, for both engines."""
    for t in _tables():
        scaled = [c.name for c in t.columns if isinstance(c.type, ScaledDecimal)]
        if not scaled:
            continue
        sums = ", ".join(f'coalesce(sum(t."{c}"), 0)' for c in scaled)
        if "project_id" in t.c:
            sql = f'SELECT t.project_id, {sums} FROM "{t.name}" t GROUP BY t.project_id ORDER BY t.project_id'
        elif "household_id" in t.c:
            sql = (
                f'SELECT h.project_id, {sums} FROM "{t.name}" t LEFT JOIN household h ON h.id = t.household_id '
                "GROUP BY h.project_id ORDER BY h.project_id"
            )
        else:
            sql = f'SELECT NULL, {sums} FROM "{t.name}" t'
        yield f"{t.name}({', '.join(scaled)})", sql


class _SqlReader:
    """The target's own transaction, read like a raw connection (``execute(sql)`` → rows)."""

    dialect_name = "postgresql"

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.results: list[Any] = []

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        # per statement: Connection.execution_options() would change the whole connection
        result = self.conn.exec_driver_sql(sql, params, execution_options={"stream_results": True, "yield_per": CHUNK})
        self.results.append(result)
        return result

    def close(self) -> None:
        for result in self.results:
            result.close()
        self.results.clear()


def _refuse_non_empty(conn: Connection, target: str) -> None:
    for t in _tables():
        n = conn.exec_driver_sql(f'SELECT count(*) FROM "{t.name}"').scalar()
        if n:
            raise ValidationError(
                f"目标数据库 {target} 不是空的（表 {t.name} 已有 {int(n):,} 行），未迁入任何数据。"
                "请服务器管理员新建一个空数据库，再迁入。",
                field="目标数据库",
            )


def _copy_table(src: sqlite3.Connection, conn: Connection, t: Table, tick: Callable[[int], None]) -> int:
    cols = [c.name for c in t.columns]
    quoted = ", ".join(f'"{c}"' for c in cols)
    order = " ORDER BY id" if "id" in t.c else ""
    cursor = src.execute(f'SELECT {quoted} FROM "{t.name}"{order}')
    driver = conn.connection.driver_connection
    assert driver is not None
    n = 0
    with driver.cursor() as cur, cur.copy(f'COPY "{t.name}" ({quoted}) FROM STDIN') as copy:
        while True:
            rows = cursor.fetchmany(CHUNK)
            if not rows:
                break
            for row in rows:
                copy.write_row(row)
            n += len(rows)
            tick(len(rows))
    return n


def _verify(src: sqlite3.Connection, conn: Connection, report: MoveReport, source_head: audit.ChainHead) -> None:
    problems: list[str] = []
    for t in _tables():
        want = int(src.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0])
        got = int(conn.exec_driver_sql(f'SELECT count(*) FROM "{t.name}"').scalar() or 0)
        if want != got:
            problems.append(f"表 {t.name}：文件中 {want:,} 行，服务器上 {got:,} 行")
    for label, sql in _sum_queries():
        want_rows = [tuple(int(v) if v is not None else None for v in r) for r in src.execute(sql).fetchall()]
        got_rows = [tuple(int(v) if v is not None else None for v in r) for r in conn.exec_driver_sql(sql).fetchall()]
        if want_rows != got_rows:
            problems.append(f"{label} 各项目合计不一致：文件 {want_rows[:3]}，服务器 {got_rows[:3]}")
        report.sums += len(want_rows) * (len(want_rows[0]) - 1 if want_rows else 0)
    reader = _SqlReader(conn)
    try:
        _verify_chain_and_seals(reader, conn, report, source_head, problems)
    finally:
        reader.close()
    if problems:
        raise IntegrityProblem("迁移核对未通过，服务器数据库保持为空：" + "；".join(problems[:5]))


def _verify_chain_and_seals(
    reader: _SqlReader, conn: Connection, report: MoveReport, source_head: audit.ChainHead, problems: list[str]
) -> None:
    chain = audit.verify_chain(reader)
    if chain is not None:
        problems.append("审计链：" + chain.message)
    head = audit.chain_head_info(conn)
    if head != source_head:
        problems.append(f"审计链头不一致：文件 {source_head.short}，服务器 {head.short}")
    for t in _sealed_tables():
        bad = next(iter_bad_seals(reader, t), None)
        if bad is not None:
            problems.append(f"表 {t.name} 第 {bad} 行的封印与内容不符")
        report.seals += report.rows.get(t.name, 0)
    report.audit_entries = head.seq
    report.chain_head = head.hash


def move_register(
    source: Database,
    target: Database,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MoveReport:
    """Copy the open register file ``source`` into the empty server register ``target``."""
    import time

    from resettle.store.dialects.postgresql import reset_identity

    if source.is_server or not target.is_server:
        raise ValidationError("只能把本机的登记册文件迁入服务器数据库。")
    started = time.monotonic()
    report = MoveReport(source.location, target.location)
    src = sqlite3.connect(f"file:{source.path}?mode=ro", uri=True, isolation_level=None)
    try:
        src.execute("BEGIN")  # one snapshot of the file for the copy and the comparison
        total = sum(int(src.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]) for t in _tables())
        source_head = audit.chain_head_info(src)
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if cancelled is not None and cancelled():
                raise Cancelled("已取消迁移，服务器数据库保持为空。")
            if progress is not None:
                progress(done, total)

        with target.engine.connect() as conn, conn.begin():  # the writers' lock: nobody writes meanwhile
            _refuse_non_empty(conn, target.location)
            tables = _tables()
            for t in tables:  # refusal triggers (frozen rates …) would refuse the copy of what they guard
                conn.exec_driver_sql(f'ALTER TABLE "{t.name}" DISABLE TRIGGER USER')
            for t in tables:
                report.rows[t.name] = _copy_table(src, conn, t, tick)
                if "id" in t.c:
                    reset_identity(conn, t.name)
            for t in tables:
                conn.exec_driver_sql(f'ALTER TABLE "{t.name}" ENABLE TRIGGER USER')
            _verify(src, conn, report, source_head)
        src.execute("ROLLBACK")
    finally:
        src.close()
    if progress is not None:
        progress(total, total)
    report.seconds = time.monotonic() - started
    return report
