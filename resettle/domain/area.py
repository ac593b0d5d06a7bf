"""Areas and other measured quantities (亩, ㎡, counts).

Land is priced per 亩 and houses per ㎡, and survey sheets mix both, often with the
unit typed into the cell. Quantities are Decimal rounded half-up to the unit's
precision so that ``quantity × unit price`` prints exactly as it was computed.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

from resettle.domain.money import parse_decimal_text, round_half_up

__all__ = ["KNOWN_UNITS", "M2_WORDS", "MU_IN_M2", "MU_WORDS", "m2_to_mu", "mu_to_m2", "parse_quantity"]

MU_IN_M2 = Decimal(10000) / Decimal(15)  # 1 亩 = 10000/15 ㎡ (666.67 when printed)

# Unit words a clerk may type after a number. Longer words first so that 平方米 is not
# read as 米. A unit the caller did not ask for is refused (亩 in a ㎡ column is a 666-fold error).
KNOWN_UNITS: tuple[str, ...] = (
    "平方米", "平米", "m²", "m2", "㎡", "亩", "公顷", "米", "m",
    "株", "棵", "个", "口", "座", "处", "间", "套", "人", "月", "次", "户",
)  # fmt: skip
M2_WORDS: tuple[str, ...] = ("平方米", "平米", "m²", "m2", "㎡")
MU_WORDS: tuple[str, ...] = ("亩",)


def mu_to_m2(mu: Decimal) -> Decimal:
    """亩 to ㎡, rounded half-up to 0.01 (computed as ×10000/15, not via a rounded 666.67)."""
    with localcontext() as ctx:
        ctx.prec = 60
        return round_half_up(Decimal(mu) * 10000 / 15, 2)


def m2_to_mu(m2: Decimal, places: int = 2) -> Decimal:
    """㎡ to 亩, rounded half-up (2 places unless a rate table asks for more)."""
    with localcontext() as ctx:
        ctx.prec = 60
        return round_half_up(Decimal(m2) * 15 / 10000, places)


def _strip_unit(text: str, unit_words: tuple[str, ...]) -> str:
    for word in sorted(unit_words or KNOWN_UNITS, key=len, reverse=True):
        if text.endswith(word) and len(text) > len(word):
            return text[: -len(word)].rstrip()
    for word in KNOWN_UNITS:
        if unit_words and text.endswith(word) and len(text) > len(word):
            raise ValueError(f"单位不符：应为「{'、'.join(unit_words)}」，实为「{word}」")
    return text


def parse_quantity(value: object, unit_words: tuple[str, ...] = (), places: int = 2) -> Decimal:
    """A quantity from a cell or a form field, rounded half-up to ``places``.

    ``unit_words`` lists the unit words allowed after the number; empty means any
    known unit. Floats go through ``round(v, places + 4)`` first, because Excel hands
    back ``12345.670000000002`` for 12345.67.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"无法识别的数量：{value}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"无法识别的数量：{value}")
        number = Decimal(str(round(value, places + 4)))
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"无法识别的数量：{value}")
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError("数量为空")
        parsed = parse_decimal_text(_strip_unit(text, unit_words))
        if parsed is None:
            raise ValueError(f"无法识别的数量：{value}")
        number = parsed
    else:
        raise ValueError(f"无法识别的数量：{value}")
    if number < 0:
        raise ValueError(f"数量不能为负数：{value}")
    return round_half_up(abs(number), places)  # abs: no "-0.00"
