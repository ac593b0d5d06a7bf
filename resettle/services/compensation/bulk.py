"""The fast path behind every compute: facts loaded with a few set-based queries, lines priced
in Python, written with ``executemany`` together with their seals and one audit entry per
household whose result changed.

A household whose lines come out exactly as stored (same digest, same table) is left
alone: a recompute is idempotent and does not disturb a review that is still valid.
Everything here runs inside the caller's write transaction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Connection, Table

from resettle.domain.compensation import (
    AttachmentFact,
    HouseholdFacts,
    Line,
    ParcelFact,
    StructureFact,
    compute,
    facts_digest,
    lines_digest,
)
from resettle.domain.rates import RateTable
from resettle.errors import Cancelled
from resettle.services.procedure.cutoff import late_persons, project_cutoff
from resettle.store import audit, replay
from resettle.store.compensation_models import (
    STATUS_COMPUTED,
    STATUS_NONE,
    STATUS_REVIEWED,
    CompensationLine,
    HouseholdCompensation,
)
from resettle.store.seal import seal_of, sealed_columns

__all__ = ["Scope", "ScopeTotals", "compute_scope", "load_facts", "stored_line_totals"]

LINE_TABLE: Table = CompensationLine.__table__  # type: ignore[assignment]
STATE_TABLE: Table = HouseholdCompensation.__table__  # type: ignore[assignment]
LINE_COLUMNS = sealed_columns(LINE_TABLE)
STATE_COLUMNS = sealed_columns(STATE_TABLE)
# _Writer builds line tuples in this order; a model change must be mirrored there.
_LINE_ORDER = ("household_id", "rate_table_id", "seq", "rule_code", "item", "basis", "quantity", "unit",
               "unit_price", "amount", "payee", "table_version", "formula")  # fmt: skip
if tuple(LINE_COLUMNS) != _LINE_ORDER:  # pragma: no cover - guards a future model change
    raise RuntimeError(f"compensation_line columns changed: {LINE_COLUMNS}")
_QUANTUM = Decimal("0.0001")
_TAG_SPLIT = re.compile(r"[,，、;；\s]+")
CHUNK = 5000


@dataclass(frozen=True)
class Scope:
    """Which households of a project: all, one village, one group, or listed ids."""

    project_id: int
    village_id: int | None = None
    group_id: int | None = None
    household_ids: tuple[int, ...] | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """``SELECT h.id …`` for use inside ``IN (…)``, with its qmark parameters."""
        sql = "SELECT h.id FROM household h"
        where = ["h.project_id = ?"]
        params: list[Any] = [self.project_id]
        if self.village_id is not None:
            sql += " JOIN village_group g ON g.id = h.group_id"
            where.append("g.village_id = ?")
            params.append(self.village_id)
        if self.group_id is not None:
            where.append("h.group_id = ?")
            params.append(self.group_id)
        if self.household_ids is not None:
            where.append(f"h.id IN ({', '.join('?' for _ in self.household_ids) or 'NULL'})")
            params.extend(self.household_ids)
        return f"{sql} WHERE {' AND '.join(where)}", params


@dataclass
class _Raw:
    """Facts of one household as read, before freezing into HouseholdFacts."""

    parcels: list[ParcelFact] = field(default_factory=list)
    structures: list[StructureFact] = field(default_factory=list)
    attachments: list[AttachmentFact] = field(default_factory=list)
    persons: int = 0
    tags: frozenset[str] = frozenset()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    return list(conn.exec_driver_sql(sql, tuple(params)).fetchall())


def _states(conn: Connection, scope_sql: str, params: list[Any]) -> dict[int, dict[str, Any]]:
    """Stored review-state rows (raw, as in the file) by household id."""
    cols = ", ".join(f'"{c}"' for c in ("id", "version", *STATE_COLUMNS))
    sql = f"SELECT {cols} FROM household_compensation WHERE household_id IN ({scope_sql})"
    out: dict[int, dict[str, Any]] = {}
    for row in _rows(conn, sql, params):
        values = dict(zip(("id", "version", *STATE_COLUMNS), row, strict=True))
        out[int(values["household_id"])] = values
    return out


def load_facts(
    conn: Connection, scope: Scope, default_months: int
) -> tuple[dict[int, HouseholdFacts], dict[int, dict[str, Any]]]:
    """Facts of every household in ``scope`` (and their stored state rows), in six queries."""
    scope_sql, params = scope.sql()
    raw: dict[int, _Raw] = {}
    for hid, tags in _rows(conn, f"SELECT id, tags FROM household WHERE id IN ({scope_sql}) ORDER BY id", params):
        raw[int(hid)] = _Raw(tags=frozenset(t for t in _TAG_SPLIT.split(tags or "") if t))
    inside = f"household_id IN ({scope_sql})"
    for hid, land_class, area in _rows(
        conn, f"SELECT household_id, land_class, area_mu FROM land_parcel WHERE {inside} ORDER BY id", params
    ):
        raw[hid].parcels.append(ParcelFact(land_class, Decimal(area).scaleb(-4)))
    cutoff, family_counts = project_cutoff(conn, scope.project_id)  # issue 15: 不予补偿 after the cut-off
    for hid, kind, use, legal, area, decoration, reg in _rows(
        conn,
        "SELECT household_id, structure_type, use, legal_status, floor_area_m2, decoration_value, registered_on "
        f"FROM structure WHERE {inside} ORDER BY id",
        params,
    ):
        raw[hid].structures.append(
            StructureFact(kind, Decimal(area).scaleb(-2), use, legal, int(decoration), _day(reg))
        )
    for hid, kind, quantity, unit, reg in _rows(
        conn,
        f"SELECT household_id, kind, quantity, unit, registered_on FROM attachment WHERE {inside} ORDER BY id",
        params,
    ):
        raw[hid].attachments.append(AttachmentFact(kind, Decimal(quantity).scaleb(-2), unit, _day(reg)))
    for hid, n in _rows(
        conn,
        f"SELECT household_id, count(*) FROM person WHERE resettled = 1 AND {inside} GROUP BY household_id",
        params,
    ):
        raw[hid].persons = int(n)
    late = late_persons(conn, cutoff, family_counts, scope_sql, params) if cutoff is not None else {}
    states = _states(conn, scope_sql, params)
    facts: dict[int, HouseholdFacts] = {}
    for hid, r in raw.items():
        state = states.get(hid)
        signed = state["signed_on"] if state else None
        months = state["transition_months"] if state else None
        facts[hid] = HouseholdFacts(
            parcels=tuple(r.parcels),
            structures=tuple(r.structures),
            attachments=tuple(r.attachments),
            resettled_persons=r.persons - late.get(hid, 0),
            tags=r.tags,
            signed_on=date.fromisoformat(signed) if signed else None,
            transition_months=default_months if months is None else int(months),
            cutoff=cutoff,
            late_persons=late.get(hid, 0),
        )
    return facts, states


def stored_line_totals(conn: Connection, scope: Scope) -> dict[int, int]:
    """Σ stored line amounts (分) per household."""
    scope_sql, params = scope.sql()
    sql = f"SELECT household_id, sum(amount) FROM compensation_line WHERE household_id IN ({scope_sql}) GROUP BY 1"
    return {int(h): int(t) for h, t in _rows(conn, sql, params)}


def adjustment_totals(conn: Connection, scope: Scope) -> dict[int, int]:
    scope_sql, params = scope.sql()
    sql = (
        f"SELECT household_id, sum(amount) FROM compensation_adjustment WHERE household_id IN ({scope_sql}) GROUP BY 1"
    )
    return {int(h): int(t) for h, t in _rows(conn, sql, params)}


def _max_id(conn: Connection, table: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0)


def _quantity_units(q: Decimal) -> int:
    return int(q.quantize(_QUANTUM, rounding=ROUND_HALF_UP).scaleb(4))


@dataclass(frozen=True)
class ScopeTotals:
    households: int
    changed: int
    reviews_reset: int
    grand_total_fen: int


class _Writer:
    """Buffers the changed households' rows and writes them in chunks."""

    def __init__(self, conn: Connection, table_id: int, table_version: int, actor: audit.Actor, reason: str) -> None:
        self.conn, self.table_id, self.table_version, self.actor, self.reason = (
            conn,
            table_id,
            table_version,
            actor,
            reason,
        )
        self.next_line_id = _max_id(conn, "compensation_line") + 1
        self.next_state_id = _max_id(conn, "household_compensation") + 1
        processor = STATE_TABLE.c.computed_at.type._cached_bind_processor(conn.dialect)
        now = datetime.now()
        self.now_stored = processor(now) if processor is not None else now
        self.deletes: list[tuple[int]] = []
        self.lines: list[tuple[Any, ...]] = []
        self.updates: list[tuple[Any, ...]] = []
        self.inserts: list[tuple[Any, ...]] = []
        self.audit: list[audit.AuditRecord] = []

    def refresh_inputs(self, state: dict[str, Any], inputs: str) -> None:
        """Facts changed but the lines did not: only the fingerprint moves; the review stays."""
        new = dict(state, inputs_digest=inputs)
        stored = [new[c] for c in STATE_COLUMNS]
        row_id = int(state["id"])
        self.updates.append(
            (*stored, int(state["version"]) + 1, seal_of("household_compensation", row_id, stored), row_id)
        )

    @staticmethod
    def _note(state_id: int, stored: list[Any], lines: list[tuple[str, int, Any]] | None) -> str:
        """Content digests ``resettle check`` replays: the state row, and the lines when they were rewritten."""
        digests = {"household_compensation": replay.stored_rows_digest([("household_compensation", state_id, stored)])}
        if lines is not None:
            digests["compensation_line"] = replay.stored_rows_digest(lines)
        return replay.table_digests_note(digests)

    def household(
        self,
        hid: int,
        lines: list[Line],
        digests: tuple[str, str],
        total: int,
        state: dict[str, Any] | None,
        rewrite: bool,
    ) -> None:
        """Store one household's new result; ``digests`` is (lines digest, inputs digest)."""
        written: list[tuple[str, int, Any]] = []
        if rewrite:
            if state is not None:
                self.deletes.append((hid,))
            for seq, ln in enumerate(lines, start=1):
                values = (
                    hid,
                    self.table_id,
                    seq,
                    ln.rule_code,
                    ln.item,
                    ln.basis,
                    _quantity_units(ln.quantity),
                    ln.unit,
                    ln.unit_price_fen,
                    ln.amount_fen,
                    ln.payee,
                    ln.table_version,
                    ln.formula,
                )
                row_id = self.next_line_id
                self.next_line_id += 1
                self.lines.append((row_id, 1, seal_of("compensation_line", row_id, values), *values))
                written.append(("compensation_line", row_id, values))
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
            row_id = self.next_state_id
            self.next_state_id += 1
            self.inserts.append((row_id, 1, seal_of("household_compensation", row_id, stored), *stored))
            note = self._note(row_id, stored, written if rewrite else None)
            self.audit.append(
                audit.AuditRecord("create", "household_compensation", row_id, hid, "total", None, f"{total_text}{note}")
            )
            return
        row_id = int(state["id"])
        self.updates.append(
            (*stored, int(state["version"]) + 1, seal_of("household_compensation", row_id, stored), row_id)
        )
        old_text = audit.as_text(Decimal(old_total).scaleb(-2))
        if old_status != STATUS_COMPUTED:
            self.audit.append(
                audit.AuditRecord(
                    "update", "household_compensation", row_id, hid, "status", old_status, STATUS_COMPUTED
                )
            )
        note = self._note(row_id, stored, written if rewrite else None)  # the newest entry of this change
        self.audit.append(
            audit.AuditRecord("update", "household_compensation", row_id, hid, "total", old_text, f"{total_text}{note}")
        )

    def flush(self) -> None:
        conn = self.conn
        if self.deletes:
            conn.exec_driver_sql("DELETE FROM compensation_line WHERE household_id = ?", self.deletes)
        if self.lines:
            cols = ["id", "version", "seal", *LINE_COLUMNS]
            marks = ", ".join("?" for _ in cols)
            conn.exec_driver_sql(f"INSERT INTO compensation_line ({', '.join(cols)}) VALUES ({marks})", self.lines)
        if self.inserts:
            cols = ["id", "version", "seal", *STATE_COLUMNS]
            marks = ", ".join("?" for _ in cols)
            conn.exec_driver_sql(
                f"INSERT INTO household_compensation ({', '.join(cols)}) VALUES ({marks})", self.inserts
            )
        if self.updates:
            sets = ", ".join(f'"{c}" = ?' for c in (*STATE_COLUMNS, "version", "seal"))
            conn.exec_driver_sql(f"UPDATE household_compensation SET {sets} WHERE id = ?", self.updates)
        audit.append(conn, self.audit, self.actor, reason=self.reason)
        for buffer in (self.deletes, self.lines, self.inserts, self.updates, self.audit):
            buffer.clear()


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
    facts, states = load_facts(conn, scope, default_months)
    adjustments = adjustment_totals(conn, scope)
    writer = _Writer(conn, table_id, table.version, actor, reason)
    changed = reset = grand = 0
    for done, (hid, household_facts) in enumerate(facts.items(), start=1):
        state = states.get(hid)
        inputs = facts_digest(household_facts, table_id)
        current = (
            state is not None
            and state["status"] != STATUS_NONE
            and state["rate_table_id"] == table_id
            and state["table_version"] == table.version
        )
        if current and state is not None and state["inputs_digest"] == inputs:
            grand += int(state["total"])  # same facts, same frozen table: same lines (total kept by every writer)
        else:
            lines = compute(household_facts, table, with_refusals=True)
            digest = lines_digest(lines, table_id)
            total = sum(ln.amount_fen for ln in lines) + adjustments.get(hid, 0)
            grand += total
            rewrite = not current or state is None or state["lines_digest"] != digest
            if rewrite or state is None or int(state["total"]) != total:
                writer.household(hid, lines, (digest, inputs), total, state, rewrite)
                changed += 1
                reset += int(state is not None and state["status"] == STATUS_REVIEWED)
            else:
                writer.refresh_inputs(state, inputs)
        if done % CHUNK == 0:
            writer.flush()
            if progress is not None:
                progress(done, len(facts))
            if cancelled is not None and cancelled():
                raise Cancelled("已取消计算，未作任何改动。")
    writer.flush()
    if progress is not None:
        progress(len(facts), len(facts))
    return ScopeTotals(len(facts), changed, reset, grand)


def group_lines(rows: Iterable[tuple[int, str, str, int]]) -> dict[int, dict[str, tuple[str, int]]]:
    """(household_id, rule_code, item, amount) rows → per household {code: (item, amount)}."""
    out: dict[int, dict[str, tuple[str, int]]] = defaultdict(dict)
    for hid, code, item, amount in rows:
        out[int(hid)][code] = (item, int(amount))
    return out
