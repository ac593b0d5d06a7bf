"""Whole-file checks: SQLite integrity, foreign keys, the audit chain, row seals, the replay of
the audit trail against the tables, and the chain head against its witnesses outside the file
(the witness file beside the database, the sidecars of the backups). See docs/check.md for
exactly what this can and cannot detect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from resettle.services.accounts.guard import Need, require
from resettle.store import backup, witness
from resettle.store.audit import ChainHead, chain_head_info, entry_hash_at, verify_chain
from resettle.store.database import Database
from resettle.store.dialects.raw import integrity_problems
from resettle.store.models import Base
from resettle.store.replay import replay, table_specs
from resettle.store.seal import iter_bad_seals


@dataclass(frozen=True)
class CheckReport:
    problems: list[str]
    audit_entries: int
    chain_head: str
    chain_seq: int = 0
    notices: list[str] = field(default_factory=list)  # information, not problems (e.g. 恢复到较早状态)
    rows_replayed: int = 0
    households_replayed: int = 0
    witness_head: ChainHead | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _short(head: ChainHead) -> str:
    return f"第 {head.seq} 条（{head.hash[:16]}）"


def _in_chain(conn: Any, head: ChainHead) -> bool:
    return entry_hash_at(conn, head.seq) == head.hash


def _witness_findings(conn: Any, db_path: Path, head: ChainHead, server: bool = False) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    notices: list[str] = []
    w = None if server else witness.load(db_path)
    heads = backup.backup_heads(db_path)
    if server:
        notices.append(
            "服务器上的数据库由多位同事同时写入，不用见证文件：审计链的末尾由本机的 pg_dump 备份和打印件上的链头印证。"
        )
    elif w is None:
        notices.append(f"没有见证文件 {witness.path_for(db_path).name}：无法确认审计链的末尾没有被删去或改写。")
    else:
        if w.started_head.seq > 0:
            notices.append(
                f"见证文件建于 {w.started_at[:19].replace('T', ' ')}（当时链头为{_short(w.started_head)}），"
                "此前的审计记录只能由备份和打印件上的链头印证。"
            )
        notices.extend(_restore_notices(w.restores))
        for g in w.gaps:
            problems.append(
                f"{g.at[:19].replace('T', ' ')} 写入时发现审计链与见证不衔接（见证到{_short(g.witnessed)}，"
                f"文件中为{_short(g.found)}）：此前审计链或数据库在程序之外被改动、截断或替换。"
            )
        if w.pending is not None and head == w.pending:
            w = replace(w, head=w.pending)  # the last save committed, its process ended before confirming
        if head.seq < w.head.seq:
            same = next((b for b in heads if b.head == head), None)
            if same is not None:
                problems.append(
                    f"恢复到较早状态（未经本程序）：数据库的审计链只到{_short(head)}，见证文件记录到{_short(w.head)}；"
                    f"现有数据与备份 {same.backup.name} 相同：数据库文件被换成了较早的备份。"
                )
            else:
                problems.append(
                    f"审计链比见证文件记录的短：见证到{_short(w.head)}，数据库只到{_short(head)}："
                    "审计记录的末尾被删除，或数据库被换成了较早的副本（恢复到较早状态）。"
                )
        elif not _in_chain(conn, w.head):
            problems.append(f"审计链{_short(w.head)}的哈希与见证文件记录的不同：审计链在程序之外被改写（重算了哈希）。")
        elif head.seq > w.head.seq:
            problems.append(
                f"审计链在最后一次见证（{_short(w.head)}）之后多出 {head.seq - w.head.seq} 条记录"
                f"（第 {w.head.seq + 1}–{head.seq} 条）：不是经本程序写入的，或程序在写完见证文件前中断。"
            )
    restore_times = [r.at for r in w.restores] if w else []
    for b in heads:
        if _in_chain(conn, b.head):
            continue
        if any(at >= b.created for at in restore_times):
            continue  # made before a restore through the program: that restore explains it
        problems.append(
            f"备份 {b.backup.name} 记录的链头{_short(b.head)}不在现在的审计链中：备份之后审计链被截断或改写，"
            "或数据库被换成了较早的副本。"
        )
    return problems, notices


RESTORES_LISTED = 5  # the latest restores named one by one; the earlier ones in one line


def _restore_notices(restores: Sequence[witness.RestoreRecord]) -> list[str]:
    """Restores through the program, newest last: each names its backup and what the audit chain did."""
    notices: list[str] = []
    earlier = restores[:-RESTORES_LISTED] if len(restores) > RESTORES_LISTED else []
    if earlier:
        first, last = earlier[0].at[:10], earlier[-1].at[:10]
        notices.append(
            f"此前另有 {len(earlier)} 次经本程序的恢复（{first if first == last else f'{first} 至 {last}'}）。"
        )
    for r in restores[len(earlier) :]:
        at = r.at[:19].replace("T", " ")
        if r.after == r.before:
            notices.append(
                f"{at} 经本程序从备份 {r.source} 恢复，恢复的数据与当时的相同，审计链仍到第 {r.after.seq} 条。"
            )
        else:
            notices.append(
                f"恢复到较早状态：{at} 经本程序从备份 {r.source} 恢复，审计链由{_short(r.before)}回到{_short(r.after)}。"
            )
    return notices


def check_database(db: Database) -> CheckReport:
    require(db, Need.READ, "检查数据库")
    problems: list[str] = []
    conn = db.raw_connection()
    try:
        problems.extend(integrity_problems(conn))
        chain = verify_chain(conn)
        if chain is not None:
            problems.append(chain.message)
        for name in table_specs():
            table = Base.metadata.tables[name]
            bad = next(iter_bad_seals(conn, table), None)
            if bad is not None:
                problems.append(
                    f"表 {table.name} 第 {bad} 行{_whose(conn, table.name, bad)}的内容不是经本程序写入的（可能被手工改动）"
                )
        replayed = replay(conn)
        problems.extend(replayed.problems)
        if replayed.more:
            problems.append(f"审计记录与数据不符之处另有 {replayed.more} 处未列出。")
        legacy = replayed.legacy_compute
        head = chain_head_info(conn)
        found, notices = _witness_findings(conn, db.path, head, server=db.is_server)
        if legacy:
            notices.append(
                f"{legacy:,} 户的补偿结果由旧版本计算，当时只记了合计，没有记明细内容：这些明细未能按审计记录核对"
                "（行封印照常核对）。"
            )
        problems.extend(found)
        count = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        conn.close()
    return CheckReport(
        problems,
        count,
        head.hash if count else "",
        chain_seq=head.seq,
        notices=notices,
        rows_replayed=replayed.rows,
        households_replayed=replayed.groups,
        witness_head=w.head if not db.is_server and (w := witness.load(db.path)) else None,
    )


def _whose(conn: Any, table: str, row_id: int) -> str:
    """「（户 东岗01001 张三的成员）」: what the row is, and whose household, for a clerk reading the report."""
    from resettle.services.register.labels import ENTITY_LABELS

    label = ENTITY_LABELS.get(table, "")
    try:
        if table == "household":
            found = conn.execute("SELECT household_no, head_name FROM household WHERE id = ?", (row_id,)).fetchone()
        else:
            if "household_id" not in Base.metadata.tables[table].c:
                return f"（{label}）" if label else ""
            found = conn.execute(
                f"SELECT h.household_no, h.head_name FROM {table} x JOIN household h ON h.id = x.household_id "
                "WHERE x.id = ?",
                (row_id,),
            ).fetchone()
    except Exception:  # a damaged row or table: the finding stands without the name
        return f"（{label}）" if label else ""
    if not found:
        return f"（{label}）" if label else ""
    whose = f"户 {found[0]} {found[1]}"
    return f"（{whose}）" if table == "household" else f"（{whose}的{label or '记录'}）"


def backup_findings(db: Database, src: Path, cancelled: backup.CancelCheck = None) -> list[str]:
    """What a clerk should know before ``src`` replaces the register (empty: an untouched earlier
    state of this very register): whether it is this register's at all (its audit chain is a part of
    the current one), and whether its chain, row seals and replay hold. Read-only on ``src``. Asked by
    an administrator before a restore (who reads no families: what it says names tables and rows)."""
    require(db, Need.MAINTAIN, "从备份恢复数据库")
    import sqlite3

    from resettle.store.migrate import head_revision

    findings: list[str] = []
    if backup.verify_file(src, cancelled):
        return []  # damaged or no database: the restore refuses it with its own message
    try:
        conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        conn.execute("SELECT 1 FROM audit_log LIMIT 1")
    except sqlite3.Error:
        return []  # not a register: the restore says so
    try:
        head = chain_head_info(conn)
        current = db.raw_connection()
        try:
            ours = head.seq == 0 or entry_hash_at(current, head.seq) == head.hash
        finally:
            current.close()
        if not ours:
            findings.append(
                f"这个备份不是本登记册较早时的副本：它的审计记录（到第 {head.seq:,} 条）与本登记册的不相接。"
                "它可能是另一个登记册（别的项目、别的单位）、本登记册在某次恢复之前的另一段历史，或其中的记录被改动过"
            )
        chain = verify_chain(conn)
        if chain is not None:
            findings.append(f"备份中的{chain.message}")
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is not None and str(version[0]) == head_revision():  # the same tables as this version's
            for name in table_specs():
                bad = next(iter_bad_seals(conn, Base.metadata.tables[name]), None)
                if bad is not None:
                    findings.append(f"备份中表 {name} 第 {bad} 行的内容不是经本程序写入的（可能被手工改动）")
            replayed = replay(conn, limit=3)
            findings.extend(f"备份中：{p}" for p in replayed.problems[:3])
    except sqlite3.DatabaseError:
        return findings  # damaged: the restore's own check says so and refuses
    finally:
        conn.close()
    return findings
