"""Settlement by bands, refund, minimum, two flats; transition months and overdue fees."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.placement import (
    PlacementStandard,
    StandardError,
    add_months,
    entitled_area,
    months_between,
    settle,
    transition_fee,
)

D = Decimal
STD = PlacementStandard(
    area_per_person=D("40"),
    minimum_area=D("70"),
    price_within=D("2000"),
    band_widths=(D("10"),),
    band_prices=(D("3880"), D("6200")),
    refund_price=D("3000"),
    transition_rate=D("450"),
    overdue_multiplier=D("2"),
    fitout_months=6,
)


def amounts(s) -> list[tuple[str, Decimal, Decimal]]:  # type: ignore[no-untyped-def]
    return [(ln.code, ln.area, ln.amount) for ln in s.lines]


def test_inside_the_entitlement_refunds_the_rest() -> None:
    s = settle(D("120"), [D("100.00")], STD)
    assert amounts(s) == [("within", D("100.00"), D("200000.00"))]
    assert s.refund_m2 == D("20.00") and s.refund == D("60000.00")
    assert s.net == D("140000.00")


def test_exactly_the_entitlement() -> None:
    s = settle(D("120"), [D("120")], STD)
    assert s.refund == 0 and s.net == D("240000.00") and len(s.lines) == 1


def test_one_band_above_the_entitlement() -> None:
    s = settle(D("120"), [D("132.50")], STD)
    assert amounts(s) == [
        ("within", D("120"), D("240000.00")),
        ("band1", D("10"), D("38800.00")),
        ("band2", D("2.50"), D("15500.00")),
    ]
    assert s.lines[1].formula == "10.00 ㎡ × 3,880.00 元/㎡ = 38,800.00 元"
    assert s.flat_price == D("294300.00") and s.refund == 0


def test_within_one_band_only() -> None:
    s = settle(D("120"), [D("132.50")], STD)
    s2 = settle(D("120"), [D("125.50")], STD)
    assert [ln.code for ln in s2.lines] == ["within", "band1"]
    assert s2.lines[1].amount == D("21340.00")
    assert s.lines[2].formula == "2.50 ㎡ × 6,200.00 元/㎡ = 15,500.00 元"


def test_two_bands_of_the_sample_standard() -> None:
    std = PlacementStandard(
        D("45"), D("1980"), (D("8"), D("12")), (D("3600"), D("5200"), D("6900")), D("2800"), D("70")
    )
    s = settle(entitled_area(3, std), [D("105.48"), D("124.39")], std)
    assert s.entitled_m2 == D("135.00") and s.chosen_m2 == D("229.87")
    assert [ln.amount for ln in s.lines] == [D("267300.00"), D("28800.00"), D("62400.00"), D("516603.00")]
    assert s.net == D("875103.00")


def test_the_per_household_minimum() -> None:
    assert entitled_area(1, STD) == D("70.00")
    assert entitled_area(2, STD) == D("80.00")
    assert entitled_area(0, STD) == D("70.00")
    no_minimum = PlacementStandard(D("40"), D("2000"), (), (D("5000"),), D("3000"))
    assert entitled_area(1, no_minimum) == D("40.00")
    s = settle(entitled_area(1, STD), [D("62.35")], STD)
    assert s.refund == D("22950.00")  # 7.65 ㎡ × 3,000


def test_two_flats_are_priced_as_their_total_area() -> None:
    two = settle(D("160"), [D("90.12"), D("78.60")], STD)
    one = settle(D("160"), [D("168.72")], STD)
    assert amounts(two) == amounts(one)
    assert two.chosen_m2 == D("168.72")


def test_each_line_is_rounded_half_up_to_fen() -> None:
    std = PlacementStandard(D("1"), D("1980.01"), (), (D("3333.33"),), D("2800.05"))
    s = settle(D("0.50"), [D("0.55")], std)
    assert s.lines[0].amount == D("990.01")  # 990.005 -> 990.01, not half-even 990.00
    assert s.lines[1].amount == D("166.67")  # 166.6665
    assert settle(D("0.55"), [D("0.50")], std).refund == D("140.00")  # 140.0025


def test_compensation_balance() -> None:
    s = settle(D("120"), [D("132.50")], STD, compensation_total=D("500000.00"))
    assert s.balance == D("205700.00")


def test_a_standard_with_the_wrong_number_of_prices_is_refused() -> None:
    with pytest.raises(StandardError, match="多一个"):
        PlacementStandard(D("40"), D("2000"), (D("10"),), (D("3000"),), D("3000"))
    with pytest.raises(StandardError, match="两位小数"):
        PlacementStandard(D("40"), D("2000.001"), (), (D("3000"),), D("3000"))


areas = st.decimals(min_value=D("0.01"), max_value=D("300"), places=2)
prices = st.decimals(min_value=D("0"), max_value=D("20000"), places=2)


@st.composite
def standards(draw: st.DrawFn) -> PlacementStandard:
    n = draw(st.integers(0, 3))
    widths = tuple(
        draw(st.lists(st.decimals(min_value=D("0.01"), max_value=D("50"), places=2), min_size=n, max_size=n))
    )
    band_prices = tuple(draw(st.lists(prices, min_size=n + 1, max_size=n + 1)))
    return PlacementStandard(draw(areas), draw(prices), widths, band_prices, draw(prices))


@given(standards(), areas, st.lists(areas, min_size=1, max_size=2))
def test_property_net_is_sum_of_lines_minus_refund(
    std: PlacementStandard, entitled: Decimal, flats: list[Decimal]
) -> None:
    s = settle(entitled, flats, std)
    assert s.net == sum((ln.amount for ln in s.lines), D(0)) - s.refund
    assert sum((ln.area for ln in s.lines), D(0)) == sum(flats, D(0))
    assert s.refund == 0 or s.chosen_m2 < entitled
    assert all(ln.amount == ln.amount.quantize(D("0.01")) for ln in s.lines)


@given(standards(), areas, areas, areas, areas)
def test_property_moving_area_between_flats_never_changes_the_total(
    std: PlacementStandard, entitled: Decimal, a: Decimal, b: Decimal, shift: Decimal
) -> None:
    moved = min(shift, a - D("0.01")) if a > D("0.01") else D(0)
    first = settle(entitled, [a, b], std)
    second = settle(entitled, [b + moved, a - moved], std)
    assert first.net == second.net
    assert first.lines == second.lines


def test_months_across_a_year_boundary() -> None:
    assert months_between(date(2025, 11, 15), date(2026, 2, 15)) == 3
    assert months_between(date(2025, 11, 15), date(2026, 2, 16)) == 4  # a started month counts
    assert months_between(date(2025, 11, 15), date(2026, 2, 14)) == 3
    assert months_between(date(2025, 12, 31), date(2026, 2, 28)) == 2
    assert months_between(date(2026, 1, 1), date(2026, 1, 1)) == 0
    assert add_months(date(2025, 12, 31), 2) == date(2026, 2, 28)


def test_fee_across_a_year_boundary_without_overdue() -> None:
    fee = transition_fee(3, STD, date(2025, 11, 1), date(2026, 3, 1), promised_handover=date(2027, 1, 1))
    assert (fee.normal_months, fee.overdue_months, fee.fitout_months) == (4, 0, 0)
    assert fee.total == D("5400.00")  # 3 × 450 × 4


def test_overdue_months_at_the_multiplier_and_fitout_at_handover() -> None:
    fee = transition_fee(
        3, STD, date(2025, 11, 1), date(2026, 12, 31), promised_handover=date(2026, 6, 1), handed_over=date(2026, 9, 1)
    )
    assert (fee.normal_months, fee.overdue_months, fee.fitout_months) == (7, 3, 6)
    assert fee.normal_amount == D("9450.00")
    assert fee.overdue_amount == D("8100.00")  # 3 × 450 × 2 × 3
    assert fee.fitout_amount == D("8100.00")
    assert fee.total == D("25650.00")
    # the fee stops at handover: a later cut-off adds nothing
    later = transition_fee(
        3, STD, date(2025, 11, 1), date(2027, 6, 30), promised_handover=date(2026, 6, 1), handed_over=date(2026, 9, 1)
    )
    assert later.total == fee.total


def test_overdue_with_a_fractional_multiplier_rounds_half_up() -> None:
    std = PlacementStandard(
        D("45"), D("1980"), (), (D("5000"),), D("2800"), transition_rate=D("333.33"), overdue_multiplier=D("1.5")
    )
    fee = transition_fee(1, std, date(2026, 1, 1), date(2026, 3, 1), promised_handover=date(2026, 2, 1))
    assert (fee.normal_months, fee.overdue_months) == (1, 1)
    assert fee.overdue_amount == D("500.00")  # 499.995 -> 500.00
