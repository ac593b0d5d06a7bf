"""Whole-file checks: SQLite integrity, foreign keys, the audit chain, and row seals."""

from __future__ import annotations

from dataclasses import dataclass

from resettle.services.accounts.guard import Need, require
from resettle.store.audit import verify_chain
from resettle.store.compensation_models import COMPENSATION_EDITABLE_MODELS
from resettle.store.database import Database
from resettle.store.document_models import DOCUMENT_EDITABLE_MODELS
from resettle.store.models import EDITABLE_MODELS, Base
from resettle.store.seal import iter_bad_seals


@dataclass(frozen=True)
class CheckReport:
    problems: list[str]
    audit_entries: int
    chain_head: str

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckReport:
    require(db, Need.READ, "检查数据库")
    problems: list[str] = []
    conn = db.raw_connection()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.append("SQLite 完整性检查失败：" + "；".join(rows[:3]))
        fk = conn.execute("PRAGMA foreign_key_check").fetchone()
        if fk is not None:
            problems.append(f"外键检查失败：表 {fk[0]} 第 {fk[1]} 行引用的 {fk[2]} 不存在")
        chain = verify_chain(conn)
        if chain is not None:
            problems.append(chain.message)
        for model in (*EDITABLE_MODELS, *COMPENSATION_EDITABLE_MODELS, *DOCUMENT_EDITABLE_MODELS):
            table = Base.metadata.tables[model.__tablename__]  # type: ignore[attr-defined]
            bad = next(iter_bad_seals(conn, table), None)
            if bad is not None:
                problems.append(f"表 {table.name} 第 {bad} 行的内容不是经本程序写入的（可能被手工改动）")
        count = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
        head_row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    return CheckReport(problems, count, head_row[0] if head_row else "")
