from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.area import M2_WORDS, MU_IN_M2, MU_WORDS, m2_to_mu, mu_to_m2, parse_quantity


def test_mu_constant_is_10000_over_15() -> None:
    assert Decimal(10000) / Decimal(15) == MU_IN_M2
    assert MU_IN_M2.quantize(Decimal("0.01")) == Decimal("666.67")


def test_conversions() -> None:
    assert mu_to_m2(Decimal(1)) == Decimal("666.67")
    assert mu_to_m2(Decimal("1.25")) == Decimal("833.33")
    assert mu_to_m2(Decimal(3)) == Decimal("2000.00")
    assert m2_to_mu(Decimal("666.67")) == Decimal("1.00")
    assert m2_to_mu(Decimal(1000)) == Decimal("1.50")
    assert m2_to_mu(Decimal(1), places=4) == Decimal("0.0015")
    assert str(m2_to_mu(Decimal(2000))) == "3.00"


def test_conversions_round_half_up() -> None:
    # 30 ㎡ = 0.045 亩 exactly; 0.0000075 亩 = 0.005 ㎡ exactly.
    assert Decimal("0.045").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) == Decimal("0.04")
    assert m2_to_mu(Decimal(30)) == Decimal("0.05")
    assert mu_to_m2(Decimal("0.0000075")) == Decimal("0.01")


@given(st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False))
def test_mu_survives_round_trip(mu: Decimal) -> None:
    assert m2_to_mu(mu_to_m2(mu)) == mu


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.25亩", "1.25"),
        ("1,234.5 ㎡", "1234.50"),
        ("12.30平方米", "12.30"),
        ("１２．５　亩", "12.50"),
        ("8平米", "8.00"),
        (" 8 平米 ", "8.00"),
        ("\u30001.25\u3000亩\u3000", "1.25"),
        ("3株", "3.00"),
        ("0.125", "0.13"),
        (200.14, "200.14"),
        (12345.670000000002, "12345.67"),
        (3, "3.00"),
        (Decimal("1.005"), "1.01"),
        ("-0", "0.00"),
    ],
)
def test_parse_quantity(value: object, expected: str) -> None:
    result = parse_quantity(value)
    assert result == Decimal(expected)
    assert str(result) == expected


def test_float_noise_below_a_half_is_rounded_away_first() -> None:
    # An Excel formula =2.675*3 hands back 8.024999999999999; the clerk meant 8.025 -> 8.03.
    assert 2.675 * 3 == 8.024999999999999
    assert parse_quantity(2.675 * 3) == Decimal("8.03")
    assert parse_quantity(0.145 * 3) == Decimal("0.44")


def test_parse_quantity_places() -> None:
    assert str(parse_quantity("1.23456", places=4)) == "1.2346"
    assert str(parse_quantity(0.1 + 0.2, places=3)) == "0.300"
    assert str(parse_quantity("7", places=0)) == "7"


def test_parse_quantity_with_expected_units() -> None:
    assert parse_quantity("1.25亩", MU_WORDS) == Decimal("1.25")
    assert parse_quantity("12.3 m2", M2_WORDS) == Decimal("12.30")
    assert parse_quantity("12.3", M2_WORDS) == Decimal("12.30")
    with pytest.raises(ValueError, match="单位不符：应为「亩」，实为「平方米」"):
        parse_quantity("12平方米", MU_WORDS)
    with pytest.raises(ValueError, match="单位不符"):
        parse_quantity("1.25亩", M2_WORDS)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "abc",
        "亩",
        "-1",
        "-0.5亩",
        "1e5",
        "1,23",
        "١٢",
        "12 公斤",
        "12 34",
        "1 2亩",
        None,
        True,
        float("nan"),
        Decimal("NaN"),
        -2.5,
        [1],
    ],
)
def test_parse_quantity_refuses(value: object) -> None:
    with pytest.raises(ValueError):
        parse_quantity(value)


def test_negative_message_is_chinese() -> None:
    with pytest.raises(ValueError, match="数量不能为负数"):
        parse_quantity("-1")
