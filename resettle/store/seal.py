"""Row seals: a hash of each editable row's stored content, written by the program.

A row changed behind the program's back (a hand edit with the sqlite3 module) keeps its
old seal, and ``resettle check`` reports it. Seals are computed from the values as they
are stored (after the column types' bind processing), so the check can recompute them
from raw rows without the ORM.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect

UNSEALED = frozenset({"id", "version", "seal"})


def sealed_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in UNSEALED]


def canonical(value: Any) -> Any:
    """A stored value as SQLite holds it, whatever the engine: booleans 0/1, dates and times as
    SQLite's text (PostgreSQL hands back date/datetime objects). Seals therefore do not depend on
    the engine, and a register moved onto a server keeps them."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S}.{value.microsecond:06d}"
    if isinstance(value, date):
        return value.isoformat()
    return value


# json.dumps(..., ensure_ascii=False, separators=(",", ":"), default=str), built once (bulk writers seal
# tens of thousands of rows; the encoder is the same, so is every payload).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
_AS_STORED = (str, int, type(None))  # canonical() returns these unchanged


def seal_of(table_name: str, row_id: int, stored_values: Sequence[Any]) -> str:
    values = [v if type(v) in _AS_STORED else canonical(v) for v in stored_values]
    payload = _ENCODE([table_name, row_id, *values])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


# The same encoder's C core made once: ``JSONEncoder.encode`` builds it again for every call, which was
# most of a seal's cost in bulk. Circular references are not looked for (a row's values are flat).
_ONE_SHOT = json.encoder.c_make_encoder(  # type: ignore[attr-defined]
    None, str, json.encoder.encode_basestring, None, ":", ",", False, False, True
)


def encode_fast(value: Any) -> str:
    """``_ENCODE(value)`` for lists of text, integers, None and such (what seals and digests encode)."""
    if _ONE_SHOT is None:  # no C accelerator: the plain encoder
        return _ENCODE(value)
    return "".join(_ONE_SHOT(value, 0))


def row_sealer(table_name: str) -> Callable[[int, Sequence[Any]], str]:
    """``seal_of`` for one table's rows, for bulk writers: the same seal, at a fraction of the cost."""
    sha256 = hashlib.sha256
    encode = encode_fast

    def seal(row_id: int, stored_values: Sequence[Any]) -> str:
        for v in stored_values:
            if type(v) not in _AS_STORED:
                return seal_of(table_name, row_id, stored_values)
        return sha256(encode([table_name, row_id, *stored_values]).encode("utf-8")).hexdigest()[:32]

    return seal


def stored_values(table: Table, values: dict[str, Any], dialect: Dialect) -> list[Any]:
    """Python attribute values → what the engine stores, column by column."""
    out: list[Any] = []
    for name in sealed_columns(table):
        col = table.columns[name]
        value = values.get(name)
        processor = col.type._cached_bind_processor(dialect)
        out.append(processor(value) if processor is not None and value is not None else value)
    return out


def iter_bad_seals(raw_connection: Any, table: Table) -> Iterator[int]:
    """Ids of rows whose seal does not match their stored content."""
    cols = sealed_columns(table)
    sql = f"SELECT id, seal, {', '.join(cols)} FROM {table.name} ORDER BY id"
    for row in raw_connection.execute(sql):
        if seal_of(table.name, row[0], row[2:]) != row[1]:
            yield int(row[0])
