"""Payment plans: parsing, and instalments that always sum to the agreed total."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.instalments import ON_SIGNING, ON_VACATING, InstalmentShare, PlanError, parse_plan, split_total


def test_seventy_thirty_first_on_signing_then_on_vacating() -> None:
    shares = parse_plan("70,30")
    assert [(s.percent, s.condition) for s in shares] == [(Decimal(70), ON_SIGNING), (Decimal(30), ON_VACATING)]
    parts = split_total(100_001, shares)  # 1,000.01 元
    assert [p.amount_fen for p in parts] == [70_001, 30_000]  # 700.007 → 700.01; the rest 300.00


def test_half_up_not_half_even() -> None:
    # 50% of 0.05 元 = 2.5 分 → 3 分 (half-even would give 2)
    assert [p.amount_fen for p in split_total(5, parse_plan("50,50"))] == [3, 2]


def test_conditions_written_and_full_width() -> None:
    shares = parse_plan("６0：签约，40：交房")
    assert shares[1].condition == ON_VACATING


@pytest.mark.parametrize("text", ["", "70,20", "70,abc", "0,100", "70,30:明天", "120,-20"])
def test_bad_plans_are_refused(text: str) -> None:
    with pytest.raises(PlanError):
        parse_plan(text)


def test_a_total_too_small_for_the_plan_is_refused_not_negative() -> None:
    with pytest.raises(PlanError):
        split_total(2, parse_plan("25,25,25,25"))  # 0.5 → 1 three times = 3 分 > 2 分


plans = st.lists(st.integers(min_value=1, max_value=9_999), min_size=1, max_size=6).map(
    lambda ws: [Decimal(w) for w in ws]
)


def _as_percentages(weights: list[Decimal]) -> tuple[InstalmentShare, ...]:
    """Weights → percentages with two decimals summing to exactly 100."""
    total = sum(weights, Decimal(0))
    pcts = [(w * 100 / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for w in weights[:-1]]
    pcts = [p if p > 0 else Decimal("0.01") for p in pcts]
    last = Decimal(100) - sum(pcts, Decimal(0))
    if last <= 0:
        pcts = [Decimal(100)]
        last = Decimal(0)
    shares = [*pcts, last] if last > 0 else pcts
    text = ",".join(format(p, "f") for p in shares)
    return parse_plan(text)


@given(total=st.integers(min_value=0, max_value=10**13), weights=plans)
def test_instalments_sum_exactly_and_each_is_its_rounded_share(total: int, weights: list[Decimal]) -> None:
    shares = _as_percentages(weights)
    try:
        parts = split_total(total, shares)
    except PlanError:
        # only when the rounded-up shares already exceed the total (a tiny total)
        ups = sum(
            int((Decimal(total) * s.percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for s in shares[:-1]
        )
        assert ups > total
        return
    assert sum(p.amount_fen for p in parts) == total
    assert all(p.amount_fen >= 0 for p in parts)
    assert [p.seq for p in parts] == list(range(1, len(shares) + 1))
    for p, s in zip(parts[:-1], shares[:-1], strict=True):
        exact = Decimal(total) * s.percent / 100
        assert abs(Decimal(p.amount_fen) - exact) <= Decimal("0.5")
        assert p.amount_fen == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(total=st.integers(min_value=0, max_value=10**13), first=st.integers(min_value=1, max_value=99))
def test_two_part_plans_are_never_refused(total: int, first: int) -> None:
    parts = split_total(total, parse_plan(f"{first},{100 - first}"))
    assert sum(p.amount_fen for p in parts) == total
    assert parts[1].amount_fen >= 0
