"""A read given ``cancelled`` stops mid-statement on SQLite once it turns true (a search the clerk
typed past), raises Cancelled, and leaves the pooled connection as it was."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from resettle.errors import Cancelled
from resettle.services.register import search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database

# Counts to fifty million in the engine: seconds of work, no table needed.
LONG = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT count(*) FROM n")
SHORT = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT count(*) FROM n")


@pytest.mark.sqlite_only  # PostgreSQL reads are not interrupted (the statement runs to its end)
def test_a_read_stops_soon_after_cancelled_turns_true(db: Database) -> None:
    asked: list[float] = []
    start = time.perf_counter()

    def cancelled() -> bool:
        asked.append(time.perf_counter())
        return len(asked) > 3  # a few checks later: the statement is already running

    with pytest.raises(Cancelled), db.read(cancelled) as s:
        s.scalar(LONG)
    assert (
        len(asked) == 5
    )  # the engine's check that said so stopped it; read() asked once more (a cancel, not an error)
    assert time.perf_counter() - start < 2.0  # not the whole count (measured: far below 0.1 s)


@pytest.mark.sqlite_only  # PostgreSQL reads are not interrupted (the statement runs to its end)
def test_the_connection_reads_on_normally_afterwards(db: Database) -> None:
    with pytest.raises(Cancelled), db.read(lambda: True) as s:
        s.scalar(LONG)
    for _ in range(3):  # whichever pooled connection comes back: no handler left on it
        with db.read() as s:
            assert s.scalar(SHORT) == 200000
    with db.read(lambda: False) as s:
        assert s.scalar(SHORT) == 200000


def test_a_failing_statement_is_not_taken_for_a_cancel(db: Database) -> None:
    with pytest.raises(Exception) as caught, db.read(lambda: False) as s:
        s.execute(text("SELECT * FROM no_such_table"))
    assert not isinstance(caught.value, Cancelled)


def test_a_search_typed_past_is_stopped(demo_db: Database) -> None:
    """Before it starts too: a small register's search ends before the engine's first check."""
    name = search.first_page(demo_db, HouseholdQuery(), 5).rows[0].head_name
    with pytest.raises(Cancelled):
        search.first_page(demo_db, HouseholdQuery(text=name[:1]), 50, cancelled=lambda: True)
    found = search.first_page(demo_db, HouseholdQuery(text=name[:1]), 50, cancelled=lambda: False)
    assert found.rows and all(name[:1] in r.head_name or r.matched for r in found.rows)
