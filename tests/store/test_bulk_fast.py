"""The bulk writer's fast seals and household digests equal the store's own (seal.seal_of, replay)."""

from __future__ import annotations

import random
from datetime import date, datetime

from resettle.store import replay
from resettle.store.bulk import TABLES, _digest_plan, stored_rows_digest
from resettle.store.models import Base
from resettle.store.seal import encode_fast, row_sealer, seal_of, sealed_columns

ODD_TEXTS = ["", " ", "王芳", 'a"b', "back\\slash", "line\nbreak\ttab", "\x01\x1f", "\u2028\u2029", "𠀀", "null"]


def _value(rng: random.Random) -> object:
    kind = rng.randrange(8)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice(ODD_TEXTS)
    if kind == 2:
        return rng.randint(-(10**12), 10**12)
    if kind == 3:
        return rng.choice((0, 1))
    if kind == 4:
        return date(1950 + rng.randrange(70), 1 + rng.randrange(12), 1 + rng.randrange(28)).isoformat()
    if kind == 5:
        return rng.choice(ODD_TEXTS) + str(rng.randrange(1000))
    if kind == 6:
        return rng.choice((True, False, 1.5, date(2020, 1, 2), datetime(2020, 1, 2, 3, 4, 5)))
    return rng.randint(0, 50)


def test_row_sealer_gives_seal_of() -> None:
    rng = random.Random(7)
    for table in TABLES:
        sealer = row_sealer(table)
        width = len(sealed_columns(Base.metadata.tables[table]))
        for row_id in range(1, 400):
            values = [_value(rng) for _ in range(width)]
            assert sealer(row_id, values) == seal_of(table, row_id, values), values


def test_encode_fast_is_the_seal_encoding() -> None:
    import json

    for value in (["x", 1, None, *ODD_TEXTS], [[["a", "b"]], 10**30, -3], []):
        assert encode_fast(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def test_household_digest_is_replays() -> None:
    rng = random.Random(11)
    plans = {table: _digest_plan(table) for table in TABLES}
    widths = {table: len(sealed_columns(Base.metadata.tables[table])) for table in TABLES}
    for _ in range(300):
        rows = []
        next_id = rng.randrange(1, 10**6)
        for _ in range(rng.randrange(1, 9)):
            table = rng.choice(TABLES)
            next_id += rng.randrange(1, 3)
            rows.append((table, next_id, [_value(rng) for _ in range(widths[table])]))
        rng.shuffle(rows)
        assert stored_rows_digest(plans, rows) == replay.stored_rows_digest(rows)
