"""Append-only, hash-chained audit trail written in the same transaction as the change.

Interactive changes go through the ORM and are recorded by an ``after_flush`` hook;
bulk paths (import, demo) call :func:`append` directly with their rows. Either way each
entry's hash covers its content plus the previous entry's hash.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, bindparam, event, inspect, text, update
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.attributes import set_committed_value

from resettle.store.dialects import insert_rows
from resettle.store.models import AuditEntry, Editable, Household
from resettle.store.seal import seal_of, stored_values
from resettle.store.types import ScaledDecimal

GENESIS = "0" * 64
NOT_AUDITED = frozenset({"version", "seal", "updated_at", "head_initials", "name_initials", "password_hash"})
AUDIT_COLUMNS = (
    "ts",
    "user",
    "host",
    "action",
    "entity",
    "entity_id",
    "household_id",
    "field",
    "old",
    "new",
    "reason",
    "batch_id",
)


@dataclass(frozen=True)
class Actor:
    user: str
    host: str
    role: str = ""  # the logged-in account's role (issue 12); "" without accounts

    @property
    def recorded(self) -> str:
        """What the audit trail's user column holds: "name（角色）" with accounts, the OS user without."""
        return f"{self.user}（{self.role}）" if self.role else self.user

    @classmethod
    def current(cls) -> Actor:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "unknown"
        return cls(user=user, host=socket.gethostname())


@dataclass(frozen=True)
class AuditRecord:
    action: str
    entity: str
    entity_id: int
    household_id: int | None
    field: str
    old: str | None
    new: str | None


def utc_now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def as_text(value: Any) -> str | None:
    """How a value is written into the audit trail (and compared in the history view)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal | int | str):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def entry_hash(prev_hash: str, content: Sequence[Any]) -> str:
    payload = json.dumps(list(content), ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def chain_head(conn: Connection) -> str:
    head = conn.execute(text("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar()
    return str(head) if head else GENESIS


@dataclass(frozen=True)
class ChainHead:
    """The newest audit entry: its id (``seq``) and hash; ``(0, GENESIS)`` for an empty trail.

    Printed on lists, written into backups' sidecars and the witness file beside the
    database, so that a chain cut short or rewritten inside the file is still caught."""

    seq: int
    hash: str

    @property
    def short(self) -> str:
        return f"{self.seq}:{self.hash[:16]}"


def chain_head_info(conn: Any) -> ChainHead:
    """The chain head through a SQLAlchemy ``Connection`` or a plain ``sqlite3`` connection."""
    sql = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
    run = conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute
    row = run(sql).fetchone()
    return ChainHead(int(row[0]), str(row[1])) if row else ChainHead(0, GENESIS)


def entry_hash_at(conn: Any, seq: int) -> str | None:
    """The stored hash of audit entry ``seq`` (None when there is no such entry)."""
    if seq == 0:
        return GENESIS
    run = conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute
    row = run("SELECT hash FROM audit_log WHERE id = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


def append(
    conn: Connection,
    records: Iterable[AuditRecord],
    actor: Actor,
    reason: str = "",
    batch_id: int | None = None,
) -> int:
    """Write records at the end of the chain; returns how many. Caller holds the write lock
    (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: the writers' transaction lock, taken again here so
    that no connection appends without it and two clerks' entries never fork the chain)."""
    if conn.dialect.name == "postgresql":
        from resettle.store.dialects.postgresql import lock_writers

        lock_writers(conn)
    start = chain_head_info(conn)
    _note_head_before(conn, start)
    prev = start.hash
    ts = utc_now_text()
    rows: list[tuple[Any, ...]] = []
    for r in records:
        content = (
            ts,
            actor.recorded,
            actor.host,
            r.action,
            r.entity,
            r.entity_id,
            r.household_id,
            r.field,
            r.old,
            r.new,
            reason,
            batch_id,
        )
        digest = entry_hash(prev, content)
        rows.append((*content, prev, digest))
        prev = digest
    insert_rows(conn, "audit_log", (*AUDIT_COLUMNS, "prev_hash", "hash"), rows)
    return len(rows)


_HEAD_BEFORE = "resettle.audit.head_before"


def _note_head_before(conn: Connection, head: ChainHead) -> None:
    """Remember the head as the transaction found it (its first append), for the witness."""
    txn = conn.get_transaction()
    held = conn.info.get(_HEAD_BEFORE)
    if txn is not None and (held is None or held[0] is not txn):
        conn.info[_HEAD_BEFORE] = (txn, head)


def head_before(conn: Connection) -> ChainHead | None:
    """The head before this transaction's first audit entry; None when it appended nothing."""
    held = conn.info.get(_HEAD_BEFORE)
    txn = conn.get_transaction()
    if held is None or txn is None or held[0] is not txn:
        return None
    return held[1]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    message: str


def verify_chain(raw_connection: Any) -> ChainProblem | None:
    """Recompute every hash in order; the first mismatch is returned."""
    prev = GENESIS
    cols = ", ".join(f'"{c}"' for c in AUDIT_COLUMNS)
    for row in raw_connection.execute(f"SELECT id, {cols}, prev_hash, hash FROM audit_log ORDER BY id"):
        entry_id, content, stored_prev, stored_hash = row[0], row[1:-2], row[-2], row[-1]
        if stored_prev != prev:
            return ChainProblem(entry_id, f"审计记录 {entry_id} 的前序哈希与上一条不符（记录被删除或插入）")
        if entry_hash(prev, content) != stored_hash:
            return ChainProblem(entry_id, f"审计记录 {entry_id} 的内容与其哈希不符（记录被改动）")
        prev = stored_hash
    return None


def _household_of(obj: Editable) -> int | None:
    if isinstance(obj, Household):
        return obj.id
    hid = getattr(obj, "household_id", None)
    return int(hid) if hid is not None else None


def _records_for(obj: Editable, action: str) -> list[AuditRecord]:
    state = inspect(obj)
    mapper = state.mapper
    entity = mapper.local_table.name
    hid = _household_of(obj)
    out: list[AuditRecord] = []
    # An update can only have changed what the session noted an old value for (a save of one field of
    # 2,000 rows looked at every column's history of every row).
    changed = state.committed_state if action == "update" else None
    for attr in mapper.column_attrs:
        key = attr.key
        if key in NOT_AUDITED or key == "id" or (changed is not None and key not in changed):
            continue
        # Money and areas are written as stored (rounded), not as typed.
        col_type = attr.columns[0].type
        stored = col_type.as_stored if isinstance(col_type, ScaledDecimal) else (lambda v: v)
        if action == "update":
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = stored(hist.deleted[0]) if hist.deleted else None
            new = stored(hist.added[0]) if hist.added else None
            if as_text(old) == as_text(new):
                continue
            out.append(AuditRecord(action, entity, obj.id, hid, key, as_text(old), as_text(new)))  # type: ignore[attr-defined]
        else:
            value = as_text(stored(state.attrs[key].value))
            if value in (None, ""):
                continue
            old_v, new_v = (None, value) if action == "create" else (value, None)
            out.append(AuditRecord(action, entity, obj.id, hid, key, old_v, new_v))  # type: ignore[attr-defined]
    return out


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    records: list[AuditRecord] = []
    to_seal: list[Editable] = []
    for obj in session.new:
        if isinstance(obj, Editable):
            records.extend(_records_for(obj, "create"))
            to_seal.append(obj)
    for obj in session.dirty:
        if isinstance(obj, Editable) and session.is_modified(obj, include_collections=False):
            records.extend(_records_for(obj, "update"))
            to_seal.append(obj)
    for obj in session.deleted:
        if isinstance(obj, Editable):
            records.extend(_records_for(obj, "delete"))
    conn = session.connection()
    seals: dict[Table, list[dict[str, Any]]] = {}
    for obj in to_seal:
        table = inspect(obj).mapper.local_table
        assert isinstance(table, Table)
        row_id = getattr(obj, "id")  # noqa: B009 - the mixin does not declare the key
        values = {c.name: getattr(obj, c.key) for c in inspect(obj).mapper.columns}
        seal = seal_of(table.name, row_id, stored_values(table, values, conn.dialect))
        seals.setdefault(table, []).append({"sealed_id": row_id, "new_seal": seal})
        set_committed_value(obj, "seal", seal)
    for table, params in seals.items():  # one executemany per table: a flush of 6,000 rows made 6,000 statements
        sealing = update(table).where(table.c.id == bindparam("sealed_id")).values(seal=bindparam("new_seal"))
        conn.execute(sealing, params)
    if records:
        actor = session.info.get("actor") or Actor.current()
        append(conn, records, actor, session.info.get("reason", ""), session.info.get("batch_id"))


def install(session_class: type[Session] = Session) -> None:
    """Attach the hook once for all sessions of ``session_class``."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)


__all__ = [
    "Actor",
    "AuditEntry",
    "AuditRecord",
    "ChainHead",
    "append",
    "chain_head_info",
    "install",
    "verify_chain",
]
