"""``dialects.insert_rows``: the bulk paths' one way of writing many rows (executemany on SQLite, COPY on
PostgreSQL). Runs on whichever backend the suite runs on: the same rows come back, checks apply, and a
refused row leaves none of the others written."""

from __future__ import annotations

import pytest
from sqlalchemy import BigInteger, CheckConstraint, Column, Integer, MetaData, Table, Text, select
from sqlalchemy.exc import IntegrityError

from resettle.store.database import Database
from resettle.store.dialects import insert_rows

# What COPY's text format escapes or could mistake: tabs, line breaks, backslashes, its NULL marker.
ODD_TEXTS = ["", " ", "王芳", "a\tb", "line\nbreak\r", "back\\slash", "\\N", "\\.", "𠀀", 'q"uote', "null", "\x01"]


def _scratch(db: Database) -> Table:
    meta = MetaData()
    table = Table(
        "scratch_rows",
        meta,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("label", Text),
        Column("fen", BigInteger, CheckConstraint("fen >= 0", name="fen_not_negative")),
    )
    meta.create_all(db.engine)
    return table


def test_rows_come_back_as_written(db: Database) -> None:
    table = _scratch(db)
    rows = [(i + 1, text, i * 10**9) for i, text in enumerate(ODD_TEXTS)]
    rows.append((len(rows) + 1, None, None))
    with db.write() as s:
        insert_rows(s.connection(), "scratch_rows", ["id", "label", "fen"], rows)
        insert_rows(s.connection(), "scratch_rows", ["id", "label", "fen"], [])  # nothing to write: no statement
    with db.read() as s:
        back = [tuple(r) for r in s.execute(select(table.c.id, table.c.label, table.c.fen).order_by(table.c.id))]
    assert back == rows


def test_a_refused_row_leaves_nothing_written(db: Database) -> None:
    table = _scratch(db)
    rows = [(1, "甲", 100), (2, "乙", -1), (3, "丙", 300)]
    with pytest.raises(IntegrityError), db.write() as s:
        insert_rows(s.connection(), "scratch_rows", ["id", "label", "fen"], rows)
    with db.read() as s:
        assert s.execute(select(table.c.id)).all() == []
