"""The fast path behind every compute, a chunk of households at a time.

1. One query gives every household of the scope with its fingerprint (``facts.fingerprints``):
   a household whose stored result is current and whose fingerprint is unchanged is not read
   at all (a recompute is idempotent and does not disturb a review that is still valid).
2. The others' facts are read with a few set-based queries per chunk and priced by the engine,
   which reuses the line of an equal quantity.
3. A household whose lines come out as stored keeps them (only its fingerprint moves); the rest
   are written per chunk: one ``DELETE`` and one ``executemany`` of lines, the state rows, their
   seals, and one audit entry per household with the content digests ``resettle check`` replays
   (``encode`` builds seals and digests from per-line templates checked against the store's).

Everything runs inside the caller's write transaction: a cancel between chunks raises and the
caller's transaction leaves nothing written.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table

from resettle.domain.compensation import Line, Pricer, digest_of_parts
from resettle.domain.rates import RateTable
from resettle.errors import Cancelled
from resettle.services.compensation.encode import LineEncoder, StateEncoder, quick_seal
from resettle.services.compensation.facts import (
    Scope,
    adjustment_totals,
    age_band_standard,
    fingerprints,
    group_lines,
    load_facts,
    scope_revision,
    stored_line_totals,
)
from resettle.services.procedure.cutoff import project_cutoff
from resettle.store import audit, replay
from resettle.store.compensation_models import (
    STATUS_COMPUTED,
    STATUS_NONE,
    STATUS_REVIEWED,
    CompensationLine,
    HouseholdCompensation,
)
from resettle.store.dialects import insert_rows
from resettle.store.seal import sealed_columns

__all__ = [
    "Scope",
    "ScopeTotals",
    "adjustment_totals",
    "age_band_standard",
    "compute_scope",
    "group_lines",
    "load_facts",
    "stored_line_totals",
]

LINE_TABLE: Table = CompensationLine.__table__  # type: ignore[assignment]
STATE_TABLE: Table = HouseholdCompensation.__table__  # type: ignore[assignment]
LINE_COLUMNS = sealed_columns(LINE_TABLE)
STATE_COLUMNS = sealed_columns(STATE_TABLE)
# encode.Template builds line tuples in this order; a model change must be mirrored there.
_LINE_ORDER = ("household_id", "rate_table_id", "seq", "rule_code", "item", "basis", "quantity", "unit",
               "unit_price", "amount", "payee", "table_version", "formula")  # fmt: skip
if tuple(LINE_COLUMNS) != _LINE_ORDER:  # pragma: no cover - guards a future model change
    raise RuntimeError(f"compensation_line columns changed: {LINE_COLUMNS}")
# Households per chunk: progress, a chance to cancel, and one flush of their lines each. The window's
# event loop barely got the interpreter while one chunk's lines were loaded and written: chunks of 2,000
# stalled it 0.17-0.33 s (window_responsive, 2,000 households to compute), chunks of 500 38-61 ms, at the
# same CPU time for the whole compute (1.78 vs 1.89 s for 10,000 households).
CHUNK = 500
_ID_BLOCK = 20_000


@dataclass(frozen=True)
class ScopeTotals:
    households: int
    changed: int
    reviews_reset: int
    grand_total_fen: int


class _Ids:
    """Row ids for bulk inserts: max(id)+1 on SQLite (the writer holds the file's lock), blocks
    from the identity sequence on PostgreSQL (as ``store.bulk`` does)."""

    def __init__(self, conn: Connection, table: str) -> None:
        self.conn, self.table = conn, table
        self.server = conn.dialect.name == "postgresql"
        self.free: list[int] = []
        self.used = 0  # ids of ``free`` before this one were taken
        if not self.server:
            self.next = int(conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0) + 1

    def take(self, n: int) -> list[int]:
        if not self.server:
            start = self.next
            self.next += n
            return list(range(start, start + n))
        while len(self.free) - self.used < n:  # a block at a time; the list is cut only then
            from resettle.store.dialects.postgresql import allocate_ids

            self.free = self.free[self.used :] + sorted(allocate_ids(self.conn, self.table, max(n, _ID_BLOCK)))
            self.used = 0
        start = self.used
        self.used += n
        return self.free[start : self.used]


class _Writer:
    """Buffers one chunk's rows and writes them with one statement per kind."""

    def __init__(self, conn: Connection, table_id: int, table_version: int, actor: audit.Actor, reason: str) -> None:
        self.conn, self.table_id, self.table_version = conn, table_id, table_version
        self.actor, self.reason = actor, reason
        self.encoder = LineEncoder(table_id)
        self.states = StateEncoder(STATE_COLUMNS)
        self.line_ids = _Ids(conn, "compensation_line")
        self.state_ids = _Ids(conn, "household_compensation")
        processor = STATE_TABLE.c.computed_at.type._cached_bind_processor(conn.dialect)
        now = datetime.now()
        self.now_stored = processor(now) if processor is not None else now
        self.deletes: list[tuple[int]] = []
        self.lines: list[tuple[Any, ...]] = []
        self.updates: list[tuple[Any, ...]] = []
        self.inserts: list[tuple[Any, ...]] = []
        self.audit: list[audit.AuditRecord] = []
        self.verified = False  # the line templates were checked against the store in this chunk
        fresh: dict[str, Any] = dict.fromkeys(STATE_COLUMNS)
        fresh.update(
            rate_table_id=table_id,
            table_version=table_version,
            status=STATUS_COMPUTED,
            computed_at=self.now_stored,
            computed_by=actor.user,
            reviewed_by="",
            reviewed_at=None,
        )
        self.fresh_row = [fresh[c] for c in STATE_COLUMNS]  # a first result's state row, as household() builds it
        self.fresh_at = tuple(
            STATE_COLUMNS.index(c) for c in ("household_id", "total", "lines_digest", "inputs_digest")
        )

    def refresh_inputs(self, state: dict[str, Any], inputs: str) -> None:
        """Facts changed but the lines did not: only the fingerprint moves; the review stays."""
        new = dict(state, inputs_digest=inputs)
        stored = [new[c] for c in STATE_COLUMNS]
        row_id = int(state["id"])
        self.updates.append(
            (*stored, int(state["version"]) + 1, quick_seal("household_compensation", row_id, stored), row_id)
        )

    def _sealed(self, row_id: int, stored: list[Any], lines_digest: str | None) -> tuple[str, str]:
        """(the state row's seal, the audit note with the content digests ``resettle check`` replays:
        the state row, and the lines when they were rewritten)."""
        if not self.verified:
            self.states.verify(row_id, stored)
        seal, state_digest = self.states.encode(row_id, stored)
        digests = {"household_compensation": state_digest}
        if lines_digest is not None:
            digests["compensation_line"] = lines_digest
        return seal, replay.table_digests_note(digests)

    def household(
        self,
        hid: int,
        lines: list[Line],
        digests: tuple[str, str],
        total: int,
        state: dict[str, Any] | None,
        rewrite: bool,
        hits: list[Any] | None = None,
    ) -> None:
        """Store one household's new result; ``digests`` is (lines digest, inputs digest);
        ``hits``: the encoder's ``known_of(lines)``."""
        written: str | None = None
        if rewrite:
            if state is not None:
                self.deletes.append((hid,))
            ids = self.line_ids.take(len(lines))
            if not self.verified:
                self.encoder.verify(hid, lines, ids)
            rows, written = self.encoder.rows(hid, lines, ids, hits)
            self.lines.extend(rows)
        if state is None and self.verified:
            self._fresh(hid, digests, total, written)
            return
        new: dict[str, Any] = dict(state) if state else dict.fromkeys(STATE_COLUMNS)
        if state is None:
            new.update(household_id=hid, computed_by="", reviewed_by="", total=0, status=STATUS_NONE)
        old_total, old_status = new["total"], new["status"]
        new.update(
            rate_table_id=self.table_id,
            table_version=self.table_version,
            status=STATUS_COMPUTED,
            total=total,
            lines_digest=digests[0],
            inputs_digest=digests[1],
            computed_at=self.now_stored,
            computed_by=self.actor.user,
            reviewed_by="",
            reviewed_at=None,
        )
        stored = [new[c] for c in STATE_COLUMNS]
        total_text = audit.as_text(Decimal(total).scaleb(-2))
        if state is None:
            (row_id,) = self.state_ids.take(1)
            seal, note = self._sealed(row_id, stored, written)
            self.verified = True
            self.inserts.append((row_id, 1, seal, *stored))
            self.audit.append(
                audit.AuditRecord("create", "household_compensation", row_id, hid, "total", None, f"{total_text}{note}")
            )
            return
        row_id = int(state["id"])
        seal, note = self._sealed(row_id, stored, written)  # the newest entry of this change
        self.verified = True
        self.updates.append((*stored, int(state["version"]) + 1, seal, row_id))
        old_text = audit.as_text(Decimal(old_total).scaleb(-2))
        if old_status != STATUS_COMPUTED:
            self.audit.append(
                audit.AuditRecord(
                    "update", "household_compensation", row_id, hid, "status", old_status, STATUS_COMPUTED
                )
            )
        self.audit.append(
            audit.AuditRecord("update", "household_compensation", row_id, hid, "total", old_text, f"{total_text}{note}")
        )

    def _fresh(self, hid: int, digests: tuple[str, str], total: int, written: str | None) -> None:
        """:meth:`household` for a household without a state row (its first result): the row is
        the same for all but the household, total and digests."""
        stored = list(self.fresh_row)
        at = self.fresh_at
        stored[at[0]], stored[at[1]], stored[at[2]], stored[at[3]] = hid, total, digests[0], digests[1]
        (row_id,) = self.state_ids.take(1)
        seal, state_digest = self.states.encode_alike(row_id, stored)  # verified: _fresh follows household()
        digests_of = {"household_compensation": state_digest}
        if written is not None:
            digests_of["compensation_line"] = written
        note = replay.table_digests_note(digests_of)
        self.inserts.append((row_id, 1, seal, *stored))
        total_text = audit.as_text(Decimal(total).scaleb(-2))
        self.audit.append(
            audit.AuditRecord("create", "household_compensation", row_id, hid, "total", None, f"{total_text}{note}")
        )

    def flush(self) -> None:
        conn = self.conn
        if self.deletes:
            conn.exec_driver_sql("DELETE FROM compensation_line WHERE household_id = ?", self.deletes)
        insert_rows(conn, "compensation_line", ["id", "version", "seal", *LINE_COLUMNS], self.lines)
        insert_rows(conn, "household_compensation", ["id", "version", "seal", *STATE_COLUMNS], self.inserts)
        if self.updates:
            sets = ", ".join(f'"{c}" = ?' for c in (*STATE_COLUMNS, "version", "seal"))
            conn.exec_driver_sql(f"UPDATE household_compensation SET {sets} WHERE id = ?", self.updates)
        if self.audit:
            audit.append(conn, self.audit, self.actor, reason=self.reason)
        for buffer in (self.deletes, self.lines, self.inserts, self.updates, self.audit):
            buffer.clear()
        self.verified = False


def compute_scope(
    conn: Connection,
    scope: Scope,
    table: RateTable,
    table_id: int,
    default_months: int,
    actor: audit.Actor,
    reason: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScopeTotals:
    """Price every household in ``scope`` under ``table`` and store what changed."""
    collecting = gc.isenabled()
    gc.disable()  # millions of small, acyclic objects: the cycle collector would only scan them
    try:
        return _compute_scope(conn, scope, table, table_id, default_months, actor, reason, progress, cancelled)
    finally:
        if collecting:
            gc.enable()


def _compute_scope(
    conn: Connection,
    scope: Scope,
    table: RateTable,
    table_id: int,
    default_months: int,
    actor: audit.Actor,
    reason: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ScopeTotals:
    cutoff, family_counts = project_cutoff(conn, scope.project_id)
    ages = age_band_standard(conn, scope.project_id, table)
    revision = scope_revision(table_id, table.version, cutoff, family_counts, default_months, ages.key if ages else "")
    households = fingerprints(conn, scope, revision, table_id, table.version)
    adjustments = adjustment_totals(conn, scope)
    writer = _Writer(conn, table_id, table.version, actor, reason)
    encoder = writer.encoder
    price = Pricer(table, with_refusals=True)
    changed = reset = grand = 0
    count = len(households)
    for start in range(0, count, CHUNK):
        chunk = households[start : start + CHUNK]
        todo = {hid: inputs for hid, kept, inputs in chunk if kept is None}
        grand += sum(kept for _hid, kept, _inputs in chunk if kept is not None)  # same facts, same lines
        facts, states = load_facts(conn, scope, default_months, list(todo), ages) if todo else ({}, {})
        for hid, household_facts in facts.items():
            state = states.get(hid)
            inputs = todo[hid]
            current = (
                state is not None
                and state["status"] != STATUS_NONE
                and state["rate_table_id"] == table_id
                and state["table_version"] == table.version
            )
            lines = price(household_facts)
            hits = encoder.known_of(lines)
            digest = digest_of_parts([hit[4] for hit in hits], table_id)
            total = sum(ln.amount_fen for ln in lines) + adjustments.get(hid, 0)
            grand += total
            rewrite = not current or state is None or state["lines_digest"] != digest
            if rewrite or state is None or int(state["total"]) != total:
                writer.household(hid, lines, (digest, inputs), total, state, rewrite, hits)
                changed += 1
                reset += int(state is not None and state["status"] == STATUS_REVIEWED)
            elif state["inputs_digest"] != inputs:
                writer.refresh_inputs(state, inputs)
        writer.flush()
        done = start + len(chunk)
        if progress is not None:
            progress(done, count)
        if done < count and cancelled is not None and cancelled():
            raise Cancelled("已取消计算，未作任何改动。")
    if progress is not None and count == 0:
        progress(0, 0)
    return ScopeTotals(count, changed, reset, grand)
