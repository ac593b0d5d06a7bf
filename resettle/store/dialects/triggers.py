"""Refusal triggers written once for both engines (the migrations call these).

A trigger is given as SQLite writes its header, ``BEFORE UPDATE OF a, b ON t WHEN <condition>``,
and a message. On SQLite it becomes ``… BEGIN SELECT RAISE(ABORT, 'message'); END`` (exactly the
SQL earlier versions created). On PostgreSQL, whose trigger WHEN may not hold subqueries, it
becomes a plpgsql function testing the same condition on OLD/NEW and raising
``integrity_constraint_violation`` (an IntegrityError, as SQLite's RAISE(ABORT) is), plus a
statement trigger that refuses TRUNCATE where the rule forbids every DELETE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_HEADER = re.compile(
    r"^(?P<timing>BEFORE|AFTER)\s+(?P<event>INSERT|UPDATE|DELETE)(?:\s+OF\s+(?P<cols>.+?))?"
    r"\s+ON\s+(?P<table>\w+)(?:\s+WHEN\s+(?P<cond>.+))?$",
    re.DOTALL,
)


@dataclass(frozen=True)
class TriggerHeader:
    timing: str
    event: str
    columns: str | None
    table: str
    condition: str | None


def parse_header(when: str) -> TriggerHeader:
    m = _HEADER.match(when.strip())
    if m is None:
        raise ValueError(f"trigger header not understood: {when}")
    return TriggerHeader(m["timing"], m["event"], m["cols"], m["table"], m["cond"])


def sqlite_sql(name: str, when: str, message: str) -> str:
    return f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{message}'); END"


def postgresql_sql(name: str, when: str, message: str) -> list[str]:
    h = parse_header(when)
    cond = h.condition or "TRUE"
    function = (
        f"CREATE OR REPLACE FUNCTION {name}_refuse() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
        "BEGIN\n"
        f"  IF {cond} THEN\n"
        f"    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = '{message}';\n"
        "  END IF;\n"
        "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n"
        "  RETURN NEW;\n"
        "END\n"
        "$fn$"
    )
    of = f" OF {h.columns}" if h.columns else ""
    out = [
        function,
        f"CREATE TRIGGER {name} {h.timing} {h.event}{of} ON {h.table} FOR EACH ROW EXECUTE FUNCTION {name}_refuse()",
    ]
    if h.event == "DELETE" and h.condition is None:
        out.append(
            f"CREATE TRIGGER {name}_truncate BEFORE TRUNCATE ON {h.table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}_refuse()"
        )
    return out


def create(op: Any, name: str, when: str, message: str) -> None:
    """Create the refusal trigger ``name`` in the migration's database."""
    if op.get_bind().dialect.name == "postgresql":
        for sql in postgresql_sql(name, when, message):
            op.execute(sql)
    else:
        op.execute(sqlite_sql(name, when, message))


def drop(op: Any, name: str, when: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        table = parse_header(when).table
        op.execute(f"DROP TRIGGER IF EXISTS {name}_truncate ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {name}_refuse()")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
