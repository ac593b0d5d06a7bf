from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.money import (
    MoneyError,
    format_yuan,
    parse_capital,
    parse_decimal_text,
    round_half_up,
    times,
    to_capital,
    to_fen,
    to_yuan,
)

CAPITALS = [
    # domain.md
    (600714, "人民币陆仟零柒元壹角肆分"),
    (32504, "人民币叁佰贰拾伍元零肆分"),
    (1600, "人民币壹拾陆元整"),
    # brief
    (0, "人民币零元整"),
    (10, "人民币壹角整"),
    (100000000, "人民币壹佰万元整"),
    (1000010000, "人民币壹仟万零壹佰元整"),
    # People's Bank examples (first of the allowed forms; 整 after 角 by our choice)
    (140950, "人民币壹仟肆佰零玖元伍角整"),
    (1640902, "人民币壹万陆仟肆佰零玖元零贰分"),
    (168032, "人民币壹仟陆佰捌拾元零叁角贰分"),
    (10700053, "人民币壹拾万柒仟元零伍角叁分"),
    # edges
    (1, "人民币壹分"),
    (35, "人民币叁角伍分"),
    (100, "人民币壹元整"),
    (1005, "人民币壹拾元零伍分"),
    (1050, "人民币壹拾元零伍角整"),
    (11000, "人民币壹佰壹拾元整"),
    (1010100, "人民币壹万零壹佰零壹元整"),
    (10000000000, "人民币壹亿元整"),
    (10000100000000, "人民币壹仟亿零壹佰万元整"),
    (10001000000000, "人民币壹仟亿壹仟万元整"),
    (10001000000, "人民币壹亿零壹万元整"),
    (10010000000, "人民币壹亿零壹拾万元整"),
    (100000000000000, "人民币壹万亿元整"),
    (100000001000000, "人民币壹万亿零壹万元整"),
    (10**16, "人民币壹佰万亿元整"),
    (-100, "人民币负壹元整"),
]


@pytest.mark.parametrize(("fen", "text"), CAPITALS)
def test_to_capital_examples(fen: int, text: str) -> None:
    assert to_capital(fen) == text
    assert parse_capital(text) == fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("人民币壹仟陆佰捌拾元叁角贰分", 168032),  # the other allowed form
        ("人民币壹拾万零柒仟元伍角叁分", 10700053),
        ("人民币壹仟肆佰零玖元伍角", 140950),
        ("壹拾陆元整", 1600),
        ("壹拾陆元正", 1600),
        ("拾陆元整", 1600),
        ("负人民币壹元整", -100),
        ("人民币 陆仟零柒元 壹角肆分", 600714),
    ],
)
def test_parse_capital_accepts_allowed_variants(text: str, fen: int) -> None:
    assert parse_capital(text) == fen


@pytest.mark.parametrize(
    "text",
    [
        "",
        "人民币",
        "人民币整",
        "人民币元整",
        "人民币壹壹元整",
        "人民币壹拾壹佰元整",
        "人民币壹元整整",
        "人民币一元整",
        "人民币壹万万元整",
    ],
)
def test_parse_capital_rejects_garbage(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_capital(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_capital_round_trip(fen: int) -> None:
    assert parse_capital(to_capital(fen)) == fen


@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_capital_round_trip_wide(fen: int) -> None:
    assert parse_capital(to_capital(fen)) == fen


@given(st.integers(min_value=0, max_value=10**16))
def test_capital_shape(fen: int) -> None:
    text = to_capital(fen)
    assert text.startswith("人民币")
    assert text.endswith(("整", "分"))
    assert "零零" not in text
    for unit in "万亿元角分":
        assert "零" + unit not in text or text == "人民币零元整"
    assert not ("分" in text and text.endswith("整"))
    # a digit other than 零 is always followed by a unit word
    for a, b in pairwise(text):
        if a in "壹贰叁肆伍陆柒捌玖":
            assert b in "拾佰仟万亿元角分", text


def test_to_capital_limits() -> None:
    to_capital(10**18 - 1)
    with pytest.raises(MoneyError):
        to_capital(10**18)
    with pytest.raises(TypeError):
        to_capital(1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("12,345.60元", 1234560),
        ("¥6,007.14", 600714),
        ("￥ 325.04", 32504),
        ("１６．００", 1600),
        ("１２，３４５．６０　元", 1234560),
        ("-12,345.67", -1234567),
        ("-¥12,345.67", -1234567),
        ("¥-12.34", -1234),
        ("0.005", 1),
        ("2.675", 268),
        ("12", 1200),
        (16, 1600),
        (Decimal("2.675"), 268),  # Decimal(2.675), built from the float, would give 2.67
        (Decimal("2.665"), 267),  # half-even would give 2.66
        (Decimal("-0.005"), -1),
        (Decimal("7864.625"), 786463),
    ],
)
def test_to_fen(value: Decimal | int | str, fen: int) -> None:
    assert to_fen(value) == fen


def test_to_fen_refuses_float() -> None:
    with pytest.raises(TypeError, match="金额不能用浮点数"):
        to_fen(12.34)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "",
        " ",
        "abc",
        "12,34",
        "1,2345.00",
        "1e5",
        "12.3.4",
        "¥",
        "元",
        "٣",
        "①",
        "--1",
        "-¥-1",
        "1 2a",
        "12 34",
        "1２　３4",
        "12\u00a034.5",
    ],
)
def test_to_fen_refuses_garbage(value: str) -> None:
    with pytest.raises(MoneyError):
        to_fen(value)
    assert issubclass(MoneyError, ValueError)


def test_to_fen_refuses_non_finite_decimal() -> None:
    with pytest.raises(MoneyError):
        to_fen(Decimal("NaN"))
    with pytest.raises(MoneyError):
        to_fen(Decimal("Infinity"))


def test_to_yuan_exact() -> None:
    assert to_yuan(1234) == Decimal("12.34")
    assert str(to_yuan(1234)) == "12.34"
    assert str(to_yuan(0)) == "0.00"
    assert str(to_yuan(-5)) == "-0.05"
    assert str(to_yuan(10**30 + 1)) == "1" + "0" * 27 + "0.01"


def test_round_half_up() -> None:
    assert round_half_up(Decimal("2.675")) == Decimal("2.68")
    assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")
    assert round_half_up(Decimal("1.5"), 0) == Decimal("2")
    assert round_half_up(Decimal("2.5"), 0) == Decimal("3")
    assert str(round_half_up(Decimal("3"), 2)) == "3.00"


def test_times_rounds_half_up_once() -> None:
    # 4.25 亩 × 1,850.50 元/亩 = 7,864.625 -> 7,864.63 (half-even would give .62)
    exact = Decimal("4.25") * Decimal("1850.50")
    assert exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) == Decimal("7864.62")
    assert times(Decimal("4.25"), 185050) == 786463
    # domain.md: 1.25 亩 × 62,000.00 元/亩 = 77,500.00 元
    assert times(Decimal("1.25"), 6200000) == 7750000
    assert times(3, 1999) == 5997
    assert times(Decimal("-1.5"), 101) == -152


def test_times_refuses_float() -> None:
    with pytest.raises(TypeError, match="金额不能用浮点数"):
        times(4.25, 185050)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        times(Decimal(1), 1850.5)  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        times(Decimal("NaN"), 100)


@given(
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=10**9),
)
def test_times_matches_independent_computation(quantity: Decimal, price_fen: int) -> None:
    with localcontext() as ctx:
        ctx.prec = 50
        expected = (quantity * Decimal(price_fen) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert to_yuan(times(quantity, price_fen)) == expected


@pytest.mark.parametrize(
    ("fen", "plain", "with_symbol"),
    [
        (1234567, "12,345.67", "¥12,345.67"),
        (-1234567, "-12,345.67", "-¥12,345.67"),
        (0, "0.00", "¥0.00"),
        (5, "0.05", "¥0.05"),
        (-5, "-0.05", "-¥0.05"),
        (100000000000, "1,000,000,000.00", "¥1,000,000,000.00"),
    ],
)
def test_format_yuan(fen: int, plain: str, with_symbol: str) -> None:
    assert format_yuan(fen) == plain
    assert format_yuan(fen, symbol=True) == with_symbol


@given(st.integers(min_value=-(10**16), max_value=10**16))
def test_to_fen_of_to_yuan_round_trip(fen: int) -> None:
    assert to_fen(str(to_yuan(fen))) == fen
    assert to_fen(to_yuan(fen)) == fen


@given(st.integers(min_value=-(10**16), max_value=10**16), st.booleans())
def test_format_parse_round_trip(fen: int, symbol: bool) -> None:
    assert to_fen(format_yuan(fen, symbol=symbol)) == fen


def test_parse_decimal_text() -> None:
    assert parse_decimal_text("1,234.50") == Decimal("1234.50")
    assert parse_decimal_text("１２３") == Decimal("123")
    assert parse_decimal_text("12,34") is None
    assert parse_decimal_text("1e3") is None
    assert parse_decimal_text("١٢") is None
    assert parse_decimal_text("1 234") is None
    assert parse_decimal_text(" 1234 ") == Decimal(1234)
