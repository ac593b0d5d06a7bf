"""Bulk writing for imports and demo data: explicit ids, seals, executemany, audit in the same transaction.

Ids are given before the rows are written (seals and the members' household_id need them):
on SQLite from max(id)+1 (the writer holds the file's write lock), on PostgreSQL from each
table's identity sequence in blocks, so a concurrent writer never gets the same id.

The ORM's per-object path is several times slower for tens of thousands of rows; this one
writes the same rows (with the same seals the ORM hook would give them) and one audit entry
per household, so bulk paths never skip the audit trail.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Connection, select

from resettle.store import audit, replay
from resettle.store.models import Attachment, Base, Household, LandParcel, Person, Structure
from resettle.store.seal import seal_of, sealed_columns

TABLES = tuple(m.__tablename__ for m in (Household, Person, LandParcel, Structure, Attachment))
CHUNK = 5000
ID_BLOCK = 2000


def _stored_default(column: Any) -> Any:
    default = column.default
    if default is None or not default.is_scalar:
        return None
    value = default.arg
    return int(value) if isinstance(value, bool) else value


class BulkWriter:
    """Buffers rows per table and writes them in chunks; call :meth:`flush` at the end."""

    def __init__(self, conn: Connection, actor: audit.Actor, batch_id: int | None, reason: str) -> None:
        self.conn, self.actor, self.batch_id, self.reason = conn, actor, batch_id, reason
        self.tables = {name: Base.metadata.tables[name] for name in TABLES}
        self.cols = {name: sealed_columns(t) for name, t in self.tables.items()}
        # A column a caller does not name gets the model's default (a field added later needs no
        # change in every bulk path): scalar defaults as SQLite stores them, booleans as 0/1.
        self.defaults = {name: [_stored_default(t.c[c]) for c in self.cols[name]] for name, t in self.tables.items()}
        self.booleans = {
            name: [i for i, c in enumerate(self.cols[name]) if isinstance(t.c[c].type, Boolean)]
            for name, t in self.tables.items()
        }
        self.server = conn.dialect.name == "postgresql"
        self.next_id = {name: 0 if self.server else self._max_id(name) + 1 for name in TABLES}
        self._free: dict[str, list[int]] = {name: [] for name in TABLES}  # PostgreSQL: ids taken, not used yet
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        self.audit: list[audit.AuditRecord] = []
        self.households = 0
        self._household_rows: list[tuple[str, int, list[Any]]] = []  # since the last created()

    def _max_id(self, table: str) -> int:
        t = self.tables[table]
        return int(self.conn.execute(select(t.c.id).order_by(t.c.id.desc()).limit(1)).scalar() or 0)

    def add(self, table: str, values: dict[str, Any]) -> int:
        """Queue one row given as stored values (ints for money/areas, ISO text for dates)."""
        row_id = self._next_id(table)
        stored = [values.get(c, d) for c, d in zip(self.cols[table], self.defaults[table], strict=True)]
        written = stored
        if self.server and self.booleans[table]:  # 0/1 as SQLite stores them; PostgreSQL wants booleans
            written = list(stored)
            for i in self.booleans[table]:
                if written[i] is not None:
                    written[i] = bool(written[i])
        self.rows[table].append((row_id, 1, seal_of(table, row_id, stored), *written))
        self._household_rows.append((table, row_id, stored))
        return row_id

    def _next_id(self, table: str) -> int:
        if not self.server:
            row_id = self.next_id[table]
            self.next_id[table] = row_id + 1
            return row_id
        free = self._free[table]
        if not free:
            from resettle.store.dialects.postgresql import allocate_ids

            free.extend(reversed(allocate_ids(self.conn, table, ID_BLOCK)))
        return free.pop()

    def created(self, household_id: int, summary: str) -> None:
        """One audit entry for the household and the rows added since the last call: a summary
        and the digest of their content, which ``resettle check`` replays against the tables."""
        note = replay.digest_note(replay.stored_rows_digest(self._household_rows))
        self._household_rows.clear()
        self.audit.append(
            audit.AuditRecord("create", "household", household_id, household_id, "*", None, summary + note)
        )
        self.households += 1
        if self.households % CHUNK == 0:
            self.flush()

    def flush(self) -> None:
        for name in TABLES:
            rows = self.rows[name]
            if not rows:
                continue
            if not self.server:
                taken = self._max_id(name)
                if taken >= rows[0][0]:
                    raise RuntimeError(
                        f"bulk ids of {name} from {rows[0][0]} were taken by another write (max id {taken})"
                    )
            cols = ["id", "version", "seal", *self.cols[name]]
            sql = f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            self.conn.exec_driver_sql(sql, rows)
            rows.clear()
        audit.append(self.conn, self.audit, self.actor, reason=self.reason, batch_id=self.batch_id)
        self.audit.clear()
