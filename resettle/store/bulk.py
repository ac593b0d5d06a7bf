"""Bulk writing for imports and demo data: explicit ids, seals, executemany, audit in the same transaction.

Ids are given before the rows are written (seals and the members' household_id need them):
on SQLite from max(id)+1 (the writer holds the file's write lock), on PostgreSQL from each
table's identity sequence in blocks, so a concurrent writer never gets the same id.

The ORM's per-object path is several times slower for tens of thousands of rows; this one
writes the same rows (with the same seals the ORM hook would give them) and one audit entry
per household, so bulk paths never skip the audit trail.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, select

from resettle.store import audit, replay
from resettle.store.dialects import insert_rows
from resettle.store.models import Attachment, Base, Household, LandParcel, Person, Structure
from resettle.store.seal import encode_fast, row_sealer, sealed_columns

TABLES = tuple(m.__tablename__ for m in (Household, Person, LandParcel, Structure, Attachment))
CHUNK = 5000
ID_BLOCK = 2000


def _stored_default(column: Any) -> Any:
    default = column.default
    if default is None or not default.is_scalar:
        return None
    value = default.arg
    return int(value) if isinstance(value, bool) else value


# One table's audited fields in the digest's order: (attribute key, position among the sealed columns,
# converter or None), sorted by key as ``replay.rows_digest`` sorts a row's state.
_Plan = tuple[tuple[str, int, Any], ...]
# A table's stored row (sealed-column order) -> its audited fields as (key, text), in key order: what
# ``sorted(TableSpec.state_from_sealed(stored).items())`` gives, without the dict and the sort.
StateItems = Callable[[Sequence[Any]], list[tuple[str, str]]]


def _digest_plan(table: str) -> StateItems:
    spec = replay.table_specs()[table]
    plan = tuple(sorted(zip(spec.keys, spec.sealed_index, spec.converters, strict=True), key=lambda p: p[0]))
    return _state_items_maker(plan)


def _add_item(items: list[tuple[str, str]], key: str, value: Any, conv: Any) -> None:
    """One field of a row's state items: left out when empty, else as the trail writes it."""
    if value is None or value == "":
        return
    if conv is None:
        kind = type(value)
        if kind is str:
            items.append((key, value))
            return
        if kind is int:
            items.append((key, str(value)))
            return
        text = audit.as_text(value)  # replay's plain conversion of other values
    else:
        text = conv(value)
    if text is not None:
        items.append((key, text))


def _state_items_maker(plan: _Plan) -> StateItems:
    """A table's :data:`StateItems` as straight-line code (no loop, no unpacking): a
    text field holding text, the usual case, costs one type check; any other value goes through
    :func:`_add_item`. Equal results are tested against ``replay`` on random rows."""
    lines = ["def items(s):", "    out = []", "    append = out.append"]
    names: dict[str, Any] = {"_add_item": _add_item}
    for n, (key, i, conv) in enumerate(plan):
        names[f"k{n}"] = key
        names[f"c{n}"] = conv
        lines.append(f"    v = s[{i}]")
        if conv is None:
            lines.append("    if v.__class__ is str:")
            lines.append(f"        if v: append((k{n}, v))")
            lines.append(f"    elif v is not None: _add_item(out, k{n}, v, None)")
        else:
            lines.append(f"    if v is not None: _add_item(out, k{n}, v, c{n})")
    lines.append("    return out")
    exec("\n".join(lines), names)  # code made here from the schema's own field names, no cell text
    made: StateItems = names["items"]
    return made


def stored_rows_digest(plans: dict[str, StateItems], rows: Sequence[tuple[str, int, Sequence[Any]]]) -> str:
    """``replay.stored_rows_digest(rows)``, the same digest: rows in (table, id) order, each row's
    audited fields in key order, encoded by the same JSON encoder made once."""
    canon = sorted(([table, row_id, plans[table](stored)] for table, row_id, stored in rows), key=_TABLE_AND_ID)
    return hashlib.sha256(encode_fast(canon).encode("utf-8")).hexdigest()[:32]


_TABLE_AND_ID = itemgetter(0, 1)


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
        self.sealers = {name: row_sealer(name) for name in TABLES}
        self._layouts: dict[tuple[str, tuple[str, ...]], Callable[[tuple[Any, ...]], list[Any]]] = {}
        self.plans = {name: _digest_plan(name) for name in TABLES}
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
        stored = [values.get(c, d) for c, d in zip(self.cols[table], self.defaults[table], strict=True)]
        return self.add_stored(table, stored)

    def layout(self, table: str, names: Sequence[str]) -> Callable[[tuple[Any, ...]], list[Any]]:
        """A maker of ``table``'s stored rows from values given in the order of ``names``: each column
        takes its value from there, or its default (as :meth:`add` gives a column not named)."""
        made = self._layouts.get((table, tuple(names)))
        if made is not None:
            return made
        cols = self.cols[table]
        unknown = set(names) - set(cols)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        width = len(names)
        defaults = tuple(self.defaults[table])
        positions = [names.index(c) if c in names else width + k for k, c in enumerate(cols)]
        pick = itemgetter(*positions)

        def make(values: tuple[Any, ...]) -> list[Any]:
            return list(pick(values + defaults))

        self._layouts[(table, tuple(names))] = make
        return make

    def add_stored(self, table: str, stored: list[Any]) -> int:
        """Queue one row given as its stored values in ``seal.sealed_columns`` order (see :meth:`layout`)."""
        row_id = self._next_id(table)
        written = stored
        if self.server and self.booleans[table]:  # 0/1 as SQLite stores them; PostgreSQL wants booleans
            written = list(stored)
            for i in self.booleans[table]:
                if written[i] is not None:
                    written[i] = bool(written[i])
        self.rows[table].append((row_id, 1, self.sealers[table](row_id, stored), *written))
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
        note = replay.digest_note(stored_rows_digest(self.plans, self._household_rows))
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
            insert_rows(self.conn, name, ["id", "version", "seal", *self.cols[name]], rows)
            rows.clear()
        audit.append(self.conn, self.audit, self.actor, reason=self.reason, batch_id=self.batch_id)
        self.audit.clear()
