"""Replaying the audit trail against the tables: is every stored row explained by the trail?

Seals only prove that a row was written by something that knows how to compute a seal, and
the hash chain only proves that the trail was not edited in place. The replay closes the
gap between them: starting from the rows as they are now, it walks each household's audit
entries from the newest back to the oldest and undoes them (an update puts the old value
back, a create removes the row, a delete brings it back). A row edited, added or deleted
behind the program, even with its seal recomputed, is left over or contradicts an entry.

Interactive changes are recorded field by field (``audit._after_flush``). Bulk writers
record one entry per household whose text ends in a content digest: import and demo a
digest of the household and the rows written with it (:func:`digest_note`), compute one
digest per table on the household's total entry (:func:`table_digests_note`). The replay
checks the rows against it without the trail holding every value; what came before such an
entry is not replayed row by row (it was not recorded row by row).

Work is streamed one household at a time: audit entries ordered by (household, id) and
each table's rows in household-index order are merged, so memory holds one household.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Table, inspect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.types import TypeDecorator

from resettle.store.audit import NOT_AUDITED, as_text
from resettle.store.dialects.raw import is_server_reader, table_names
from resettle.store.models import Base, Editable, Household
from resettle.store.seal import sealed_columns
from resettle.store.types import ScaledDecimal

DIGEST_RE = re.compile(r"内容校验 ([0-9a-f]{32})")
TABLE_DIGEST_RE = re.compile(r"([a-z_]+) ([0-9a-f]{32})")
# Compute before content digests recorded a state row's total only: such rows and their lines are not replayed.
LEGACY_COMPUTE_TABLE = "household_compensation"
LEGACY_COMPUTE_COVERS = frozenset({"household_compensation", "compensation_line"})
# Fingerprints the program derives again whenever it needs them: not part of what the trail vouches for.
DERIVED = frozenset({"inputs_digest"})
Converter = Callable[[Any], str | None]
RowKey = tuple[str, int]
RowState = dict[str, str]


def digest_note(digest: str) -> str:
    """The suffix a bulk entry carries: read back by :func:`digest_in`."""
    return f"（内容校验 {digest}）"


def digest_in(text: str | None) -> str | None:
    m = DIGEST_RE.search(text or "")
    return m.group(1) if m else None


def table_digests_note(digests: dict[str, str]) -> str:
    """The suffix of an entry that vouches for a household's rows table by table (compute)."""
    return "（内容校验 " + "；".join(f"{table} {digest}" for table, digest in digests.items()) + "）"


def table_digests_in(text: str | None) -> dict[str, str]:
    if not text or "内容校验 " not in text:
        return {}
    return dict(TABLE_DIGEST_RE.findall(text.split("内容校验 ", 1)[1]))


@dataclass(frozen=True)
class TableSpec:
    """One audited table: its audited fields (attribute key, column) and how rows are grouped."""

    name: str
    keys: tuple[str, ...]  # attribute keys, as written into audit_log.field
    columns: tuple[str, ...]  # the matching column names
    converters: tuple[Converter | None, ...]  # None: stored as the trail writes it (text, integers)
    group_column: str | None  # "id" for household, "household_id" for its rows, None: not per household
    cascade_parents: frozenset[str]  # tables whose row deletion removes rows here (ON DELETE CASCADE)
    sealed_index: tuple[int, ...]  # position of each audited column among sealed_columns()

    def state(self, stored: Sequence[Any]) -> RowState:
        """Audited values as the trail writes them (empty values left out), from stored values."""
        out: RowState = {}
        for key, conv, value in zip(self.keys, self.converters, stored, strict=True):
            if value is None or value == "":
                continue
            if conv is None:  # text and integers, the common case, kept cheap
                kind = type(value)
                if kind is str:
                    out[key] = value
                    continue
                if kind is int:
                    out[key] = str(value)
                    continue
            text = (conv or _plain)(value)
            if text is not None:
                out[key] = text
        return out

    def state_from_sealed(self, sealed: Sequence[Any]) -> RowState:
        """Like :meth:`state` from a row laid out as ``seal.sealed_columns`` (what bulk writers hold)."""
        return self.state([sealed[i] for i in self.sealed_index])


def _plain(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if type(value) is str else as_text(value)


def _unreadable(value: Any) -> str:
    return f"（无法读取的值 {value!r}）"  # not what the program stores: never equals a value in the trail


def _converter(column: Any) -> Converter | None:
    dialect = sqlite_dialect.dialect()
    col_type = column.type
    processor = col_type._cached_result_processor(dialect, None)
    impl = col_type.impl_instance if isinstance(col_type, TypeDecorator) else col_type
    if isinstance(impl, Boolean):

        def boolean(value: Any) -> str | None:
            if type(value) is bool or (type(value) is int and value in (0, 1)):
                return as_text(bool(value))
            return _unreadable(value)

        return boolean
    if isinstance(col_type, ScaledDecimal):
        places = col_type.places
        factor = 10**places

        def scaled(value: Any) -> str | None:
            if type(value) is not int:
                return _unreadable(value)
            whole, part = divmod(abs(value), factor)  # what str(Decimal) gives for the quantized value
            return f"{'-' if value < 0 else ''}{whole}.{part:0{places}d}"

        return scaled
    if processor is None:
        return None

    def converted(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str | bytes):  # PostgreSQL hands back date/datetime already
            text = as_text(value)
            return None if text in (None, "") else text
        try:
            value = processor(value)
        except (ValueError, TypeError, ArithmeticError):
            return _unreadable(value)
        text = as_text(value)
        return None if text in (None, "") else text

    return converted


@cache
def table_specs() -> dict[str, TableSpec]:
    """Every audited (Editable) table registered in ``Base``, whatever module defines it."""
    specs: dict[str, TableSpec] = {}
    for mapper in sorted(Base.registry.mappers, key=lambda m: str(m.class_.__name__)):
        if not issubclass(mapper.class_, Editable):
            continue
        table = mapper.local_table
        assert isinstance(table, Table)
        sealed = sealed_columns(table)
        keys: list[str] = []
        columns: list[str] = []
        for attr in mapper.column_attrs:
            if attr.key in NOT_AUDITED or attr.key in DERIVED or attr.key == "id":
                continue
            keys.append(attr.key)
            columns.append(attr.columns[0].name)
        if table.name == Household.__tablename__:
            group: str | None = "id"
        elif "household_id" in table.c:
            group = "household_id"
        else:
            group = None
        parents = frozenset(
            str(fk.column.table.name) for fk in table.foreign_keys if (fk.ondelete or "").upper() == "CASCADE"
        )
        specs[table.name] = TableSpec(
            name=table.name,
            keys=tuple(keys),
            columns=tuple(columns),
            converters=tuple(_converter(table.c[c]) for c in columns),
            group_column=group,
            cascade_parents=parents,
            sealed_index=tuple(sealed.index(c) for c in columns),
        )
    return specs


@cache
def household_tables() -> tuple[frozenset[str], frozenset[str]]:
    """(tables a household owns: itself and rows removed with it; those the ORM writes and deletes with it).

    The second set is also what a bulk-written household's digest covers (``store.bulk.TABLES``)."""
    specs = table_specs()
    owned = frozenset(
        name for name, spec in specs.items() if name == Household.__tablename__ or "household" in spec.cascade_parents
    )
    orm = frozenset(
        rel.mapper.local_table.name  # type: ignore[attr-defined]
        for rel in inspect(Household).relationships
        if rel.cascade.delete
    )
    return owned, orm | {Household.__tablename__}


def rows_digest(rows: Iterable[tuple[str, int, RowState]]) -> str:
    """A digest of rows' audited content, independent of their order and of the fields' order."""
    canon = sorted([table, row_id, sorted(state.items())] for table, row_id, state in rows)
    payload = json.dumps(canon, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def stored_rows_digest(rows: Iterable[tuple[str, int, Sequence[Any]]]) -> str:
    """:func:`rows_digest` of rows given as bulk writers hold them (stored values in sealed-column order)."""
    specs = table_specs()
    return rows_digest((table, row_id, specs[table].state_from_sealed(stored)) for table, row_id, stored in rows)


# -- the replay ------------------------------------------------------------------------------------------


@dataclass
class ReplayResult:
    problems: list[str] = field(default_factory=list)
    more: int = 0  # problems found beyond the reported ones
    groups: int = 0  # households replayed (the rows of no household, key -1, are replayed too, not counted)
    legacy_compute: int = 0  # households whose compensation an earlier version computed (not replayable)
    rows: int = 0
    entries: int = 0

    def add(self, message: str, limit: int) -> None:
        if len(self.problems) < limit:
            self.problems.append(message)
        else:
            self.more += 1


Entry = tuple[int, str, str, int, str, str | None, str | None]  # id, action, entity, entity_id, field, old, new


def _grouped(cursor: Iterable[Sequence[Any]]) -> Iterator[tuple[int, list[Sequence[Any]]]]:
    """(group key, rows) from rows whose first value is the group (None → -1), in order."""
    key: int | None = None
    bucket: list[Sequence[Any]] = []
    for row in cursor:
        k = -1 if row[0] is None else int(row[0])
        if bucket and k != key:
            yield key, bucket  # type: ignore[misc]
            bucket = []
        key = k
        bucket.append(row)
    if bucket:
        yield key, bucket  # type: ignore[misc]


def _norm(value: str | None) -> str | None:
    return None if value in (None, "") else value


class _Group:
    """One household (or the rows that belong to none): rows now, undone entry by entry."""

    def __init__(self, key: int, result: ReplayResult, limit: int, removed_anywhere: frozenset[str]) -> None:
        self.key, self.result, self.limit = key, result, limit
        # Rows that belong to no household can lose a parent in any household's history (a member
        # deleted removes his labour records): there the whole trail's deletions excuse a missing row.
        self.removed_anywhere = removed_anywhere if key < 0 else frozenset()
        self.specs = table_specs()
        self.owned, self.orm_owned = household_tables()
        self.state: dict[RowKey, RowState] = {}
        self.unknown_tables: set[str] = set()
        self.unknown_rows: set[RowKey] = set()
        self.reviving: set[RowKey] = set()
        self.deleted_tables: set[str] = set()
        self.pending: RowKey | None = None
        self.consumed: set[str] = set()
        self.label = f"户 id {key}" if key >= 0 else "不属于某户的记录"

    def name_household(self) -> None:
        """「户 东岗01001 郭兰顺」 for the reports, from the household's row as it is now (kept as id if gone)."""
        row = self.state.get(("household", self.key))
        if row and row.get("household_no"):
            self.label = f"户 {row['household_no']} {row.get('head_name', '')}".rstrip() + f"（id {self.key}）"

    def problem(self, message: str) -> None:
        self.result.add(message, self.limit)

    def where(self) -> str:
        return self.label

    def _finish_create(self) -> None:
        key, self.pending = self.pending, None
        if key is None:
            return
        row = self.state.pop(key, None)
        consumed, self.consumed = self.consumed, set()
        if key[0] == LEGACY_COMPUTE_TABLE and consumed == {"total"}:
            # Written by a compute of an earlier version: only the total was recorded, not the lines.
            self.unknown_tables |= LEGACY_COMPUTE_COVERS
            self.result.legacy_compute += 1
            return
        if row:
            fields = "、".join(sorted(row))
            self.problem(f"表 {key[0]} 第 {key[1]} 行有审计记录中没有的内容（{fields}）：不是经本程序写入的")

    def _missing(self, key: RowKey, entry_id: int) -> None:
        self.unknown_rows.add(key)
        if self.specs[key[0]].cascade_parents & (self.deleted_tables | self.removed_anywhere):
            return  # removed with a deleted parent row (ON DELETE CASCADE): the trail has the parent's delete
        self.problem(
            f"表 {key[0]} 第 {key[1]} 行已不在表中，却没有删除它的审计记录（审计记录 {entry_id} 是它最后一次改动）："
            "行在程序之外被删除"
        )

    def undo(self, entry: Entry) -> None:
        entry_id, action, entity, entity_id, fld, old, new = entry
        if entity not in self.specs:
            return
        key = (entity, entity_id)
        if self.pending is not None and (key != self.pending or action != "create" or fld == "*"):
            self._finish_create()
        if fld == "*" and entity == Household.__tablename__:
            self._undo_household_bulk(entry)
            return
        per_table: dict[str, str | None] = dict(table_digests_in(new))
        if fld == "*" or per_table:
            self._undo_tables(entry, per_table or {entity: digest_in(new)})
            return
        if entity in self.unknown_tables or key in self.unknown_rows or fld not in self.specs[entity].keys:
            return
        if action == "delete":
            self.deleted_tables.add(entity)
            if key in self.state and key not in self.reviving:
                self.problem(
                    f"表 {entity} 第 {entity_id} 行按审计记录 {entry_id} 已被删除，却仍在表中：不是经本程序写入的"
                )
                self.state[key] = {}
            revived = self.state.setdefault(key, {})
            self.reviving.add(key)
            if old is not None and old != "":
                revived[fld] = old
            if entity == Household.__tablename__:
                self.unknown_tables |= self.owned - self.orm_owned  # removed by the database with it, unlisted
            return
        self.reviving.discard(key)
        row = self.state.get(key)
        if row is None:
            self._missing(key, entry_id)
            return
        current = row.pop(fld, None) if action == "create" else row.get(fld)
        if current != _norm(new):
            self.problem(
                f"表 {entity} 第 {entity_id} 行「{fld}」现为「{current or ''}」，审计记录 {entry_id} 记下的是"
                f"「{new or ''}」：数据在程序之外被改动"
            )
        if action == "create":
            self.pending = key
            self.consumed.add(fld)
        elif _norm(old) is None:
            row.pop(fld, None)
        else:
            row[fld] = old  # type: ignore[assignment]

    def _rows_of(self, tables: Iterable[str]) -> list[tuple[str, int, RowState]]:
        wanted = set(tables)
        return [(k[0], k[1], r) for k, r in self.state.items() if k[0] in wanted]

    def _undo_household_bulk(self, entry: Entry) -> None:
        entry_id, action, _entity, entity_id, _fld, _old, new = entry
        if action == "delete":  # a whole household removed at once (undo of an import batch)
            left = self._rows_of(self.owned - self.unknown_tables)
            if left:
                self.problem(
                    f"户 id {entity_id} 已按审计记录 {entry_id} 整户删除，表中却还有它的行"
                    f"（表 {left[0][0]} 第 {left[0][1]} 行等 {len(left)} 行）：不是经本程序写入的"
                )
            self.unknown_tables |= self.owned
            return
        # A household written in bulk: its own row and the rows written with it (members, land …).
        digest = digest_in(new)
        checkable = digest is not None and not (self.orm_owned & self.unknown_tables)
        if checkable and rows_digest(self._rows_of(self.orm_owned)) != digest:
            self.problem(
                f"{self.where()}：批量写入时（审计记录 {entry_id}）记下的内容与现有数据不符，"
                "之后也没有改动记录：该户的行在程序之外被改动、添加或删除"
            )
        for k in [k for k in self.state if k[0] in self.orm_owned]:
            del self.state[k]
        self.unknown_rows = {k for k in self.unknown_rows if k[0] not in self.orm_owned}

    def _undo_tables(self, entry: Entry, digests: dict[str, str | None]) -> None:
        """An entry that vouches for all of this household's rows of some tables by a digest each."""
        entry_id = entry[0]
        for table, digest in digests.items():
            if table not in self.specs or table in self.unknown_tables:
                continue
            if digest is not None and rows_digest(self._rows_of([table])) != digest:
                self.problem(
                    f"{self.where()} 的表 {table}：与批量写入时（审计记录 {entry_id}）记下的内容不符，"
                    "之后也没有改动记录：行在程序之外被改动、添加或删除"
                )
            self.unknown_tables.add(table)  # what it held before that entry is not recorded row by row

    def close(self) -> None:
        self._finish_create()
        left: dict[str, list[int]] = {}
        for table, row_id in self.state:
            if table not in self.unknown_tables and (table, row_id) not in self.unknown_rows:
                left.setdefault(table, []).append(row_id)
        for table, ids in left.items():
            if len(ids) == 1:
                self.problem(f"表 {table} 第 {ids[0]} 行没有任何审计记录：不是经本程序添加的")
            else:  # one line per household and table, not a flood
                shown = "、".join(str(i) for i in sorted(ids)[:5]) + ("等" if len(ids) > 5 else "")
                self.problem(
                    f"{self.where()}：表 {table} 有 {len(ids)} 行没有任何审计记录（第 {shown} 行）：不是经本程序添加的"
                )


def _removed_anywhere(conn: sqlite3.Connection) -> frozenset[str]:
    """Tables whose rows the trail deletes somewhere, and (transitively) tables that lose rows with them."""
    specs = table_specs()
    removed = {str(r[0]) for r in conn.execute("SELECT DISTINCT entity FROM audit_log WHERE action = 'delete'")}
    grew = True
    while grew:
        grew = False
        for spec in specs.values():
            if spec.name not in removed and spec.cascade_parents & removed:
                removed.add(spec.name)
                grew = True
    return frozenset(removed)


def replay(conn: sqlite3.Connection | Any, limit: int = 100) -> ReplayResult:
    """Undo the whole audit trail against the tables; every contradiction is a problem.

    ``conn`` is a plain sqlite3 connection or the PostgreSQL reader (``Database.raw_connection``)."""
    result = ReplayResult()
    specs = table_specs()
    server = is_server_reader(conn)
    if not server:
        conn.execute("PRAGMA temp_store = MEMORY")  # sorting the trail by household stays off the disk
    # The merge below needs the rows of no household (NULL) first: SQLite's order, not PostgreSQL's.
    nulls = " NULLS FIRST" if server else ""
    sources: list[Iterator[tuple[int, list[Sequence[Any]]]]] = [
        _grouped(
            conn.execute(
                'SELECT household_id, id, action, entity, entity_id, "field", old, new FROM audit_log '
                f"ORDER BY household_id{nulls}, id"
            )
        )
    ]
    present = table_names(conn)
    names: list[str] = []
    for spec in specs.values():
        if spec.name not in present:
            continue
        by = spec.group_column or "NULL"
        cols = ", ".join(f'"{c}"' for c in spec.columns)
        order = "id" if spec.group_column in (None, "id") else by + nulls  # the household index: no sort
        sql = f'SELECT {by}, id, {cols} FROM "{spec.name}" ORDER BY {order}'
        sources.append(_grouped(conn.execute(sql)))
        names.append(spec.name)
    removed = _removed_anywhere(conn)
    heads: list[tuple[int, list[Sequence[Any]]] | None] = [next(s, None) for s in sources]
    while True:
        live = [h[0] for h in heads if h is not None]
        if not live:
            break
        key = min(live)
        group = _Group(key, result, limit, removed)
        entries: list[Entry] = []
        for i, head in enumerate(heads):
            if head is None or head[0] != key:
                continue
            if i == 0:
                entries = [tuple(r[1:]) for r in head[1]]
                result.entries += len(entries)
            else:
                spec = specs[names[i - 1]]
                for row in head[1]:
                    group.state[(spec.name, int(row[1]))] = spec.state(row[2:])
                result.rows += len(head[1])
            heads[i] = next(sources[i], None)
        if key >= 0:
            group.name_household()
        for entry in reversed(entries):
            group.undo(entry)
        group.close()
        result.groups += int(key >= 0)
    return result


__all__ = [
    "ReplayResult",
    "digest_in",
    "digest_note",
    "replay",
    "rows_digest",
    "stored_rows_digest",
    "table_digests_in",
    "table_digests_note",
    "table_specs",
]
