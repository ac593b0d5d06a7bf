"""The compute's seal and digest templates give exactly what the store's functions give."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from resettle.domain.compensation import Line
from resettle.domain.memo import TRIAL
from resettle.services.compensation.bulk import STATE_COLUMNS
from resettle.services.compensation.encode import LineEncoder, StateEncoder
from resettle.store import replay
from resettle.store.seal import seal_of

TEXT = st.text(min_size=0, max_size=12)  # braces, quotes, backslashes, control characters, CJK …
LINES = st.builds(
    Line,
    rule_code=st.text(min_size=1, max_size=8),
    item=st.text(min_size=1, max_size=10),
    basis=st.sampled_from(["土地面积", "房屋面积", "每户", "附着物数量"]),
    quantity=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999"), places=4),
    unit=TEXT,
    unit_price_fen=st.integers(0, 10**9),
    amount_fen=st.integers(-(10**9), 10**12),
    payee=st.sampled_from(["户", "社保"]),
    table_version=st.integers(1, 9),
    formula=TEXT,
)


def store_rows(rows: list[tuple[object, ...]]) -> list[tuple[str, int, tuple[object, ...]]]:
    return [("compensation_line", int(row[0]), row[3:]) for row in rows]  # type: ignore[call-overload]


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(LINES, max_size=6), hid=st.integers(1, 10**9), first=st.integers(1, 10**9))
def test_line_rows_match_seal_of_and_the_replay_digest(lines: list[Line], hid: int, first: int) -> None:
    encoder = LineEncoder(table_id=7)
    ids = list(range(first, first + len(lines)))
    encoder.verify(hid, lines, ids)
    for _ in range(2):  # the second time from the templates kept
        rows, digest = encoder.rows(hid, lines, ids)
        assert digest == replay.stored_rows_digest(store_rows(rows))
        assert [row[2] for row in rows] == [seal_of("compensation_line", int(row[0]), row[3:]) for row in rows]


@settings(max_examples=100, deadline=None)
@given(
    hid=st.integers(1, 10**9),
    total=st.integers(-(10**12), 10**12),
    signed=st.none() | st.dates().map(lambda d: d.isoformat()),
    months=st.none() | st.integers(0, 60),
    user=TEXT,
    digest=st.text(alphabet="0123456789abcdef", min_size=0, max_size=64),
)
def test_state_rows_match_seal_of_and_the_replay_digest(
    hid: int, total: int, signed: str | None, months: int | None, user: str, digest: str
) -> None:
    values = {
        "household_id": hid,
        "rate_table_id": 3,
        "table_version": 1,
        "status": "已计算",
        "total": total,
        "lines_digest": digest,
        "computed_at": "2026-12-01 10:00:00.000000",
        "computed_by": user,
        "reviewed_by": "",
        "reviewed_at": None,
        "signed_on": signed,
        "transition_months": months,
        "inputs_digest": "f2abc:-:-:12",
    }
    stored = [values[c] for c in STATE_COLUMNS]
    encoder = StateEncoder(STATE_COLUMNS)
    encoder.verify(11, stored)
    expected = (
        seal_of("household_compensation", 11, stored),
        replay.stored_rows_digest([("household_compensation", 11, stored)]),
    )
    assert encoder.encode(11, stored) == expected
    assert encoder.encode(11, stored) == expected  # from the kept pattern


def test_lines_that_never_recur_stop_being_kept_and_still_seal_right() -> None:
    """One rule's lines all distinct (house areas): after the trial the encoder stops keeping them;
    every row is still sealed and digested as the store's own functions do it."""
    encoder = LineEncoder(table_id=3)
    lines = [
        Line("FW-01", "房屋补偿", "房屋面积", Decimal(80 + n).scaleb(-2), "㎡", 120_000, 96_000 + n, "户", 2, f"{n} ㎡")
        for n in range(3 * TRIAL)
    ]
    recurring = Line("AZ-01", "安置补助费", "安置人口", Decimal(3), "人", 3_000_000, 9_000_000, "户", 2, "3 人")
    encoder.verify(1, [lines[0], recurring], [1, 2])
    for n, line in enumerate(lines, start=1):
        hid, ids = 10 + n, [2 * n + 1, 2 * n + 2]
        rows, digest = encoder.rows(hid, [line, recurring], ids)
        assert digest == replay.stored_rows_digest(store_rows(rows))
        assert [row[2] for row in rows] == [seal_of("compensation_line", int(row[0]), row[3:]) for row in rows]
    house, persons = (
        encoder.templates[next(h for h in encoder.templates if h[0] == code)] for code in ("FW-01", "AZ-01")
    )
    assert not house.keeps and persons.keeps
    assert len(encoder.known) < TRIAL + 1
