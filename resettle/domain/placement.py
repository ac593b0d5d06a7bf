"""Placement housing rules (domain.md, "Placement housing"): entitlement, price bands, refund, transition.

Pure arithmetic on Decimal 元 and ㎡: no database. Each printed line is rounded once,
四舍五入 to 分 (:func:`resettle.domain.money.times`); totals are sums of the rounded lines.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from resettle.domain.money import format_yuan, times, to_fen, to_yuan

__all__ = [
    "MODES",
    "MODE_CARE",
    "MODE_CASH",
    "MODE_FLAT",
    "MODE_PLOT",
    "BandLine",
    "PlacementStandard",
    "Settlement",
    "StandardError",
    "TransitionFee",
    "add_months",
    "entitled_area",
    "format_area",
    "months_between",
    "settle",
    "transition_fee",
]

MODE_FLAT = "产权调换"
MODE_CASH = "货币安置"
MODE_PLOT = "宅基地"
MODE_CARE = "集中供养"
MODES = (MODE_FLAT, MODE_CASH, MODE_PLOT, MODE_CARE)

ZERO_AREA = Decimal("0.00")
ZERO_YUAN = Decimal("0.00")
_AREA_Q = Decimal("0.01")


class StandardError(ValueError):
    """A placement standard that cannot be used; the message is shown to the clerk."""


def format_area(value: Decimal) -> str:
    """``12.5`` -> ``12.50``: areas are printed with two places."""
    return f"{value.quantize(_AREA_Q, rounding=ROUND_HALF_UP):,.2f}"


@dataclass(frozen=True)
class PlacementStandard:
    """安置标准: the numbers settlement and transition fees are computed with."""

    area_per_person: Decimal  # 人均安置面积(㎡)
    price_within: Decimal  # 安置价(元/㎡)
    band_widths: tuple[Decimal, ...]  # 超出面积分档(㎡), widths of the bands above the entitlement
    band_prices: tuple[Decimal, ...]  # one per band plus one for all beyond
    refund_price: Decimal  # 不足面积退还单价(元/㎡)
    minimum_area: Decimal | None = None  # 每户最低安置面积(㎡)
    transition_rate: Decimal = ZERO_YUAN  # 过渡费(元/人·月)
    overdue_multiplier: Decimal = Decimal(1)  # 逾期过渡费倍数
    fitout_months: int = 0  # 装修期(月)

    def __post_init__(self) -> None:
        if len(self.band_prices) != len(self.band_widths) + 1:
            raise StandardError(
                f"超出面积单价应比分档多一个（{len(self.band_widths)} 档需要 {len(self.band_widths) + 1} 个单价）"
            )
        for w in self.band_widths:
            if w <= 0:
                raise StandardError("超出面积分档的宽度必须大于 0")
        values = (self.area_per_person, self.price_within, self.refund_price, self.transition_rate)
        if any(v < 0 for v in (*values, *self.band_prices)):
            raise StandardError("安置标准中的数值不能为负数")
        if self.minimum_area is not None and self.minimum_area < 0:
            raise StandardError("每户最低安置面积不能为负数")
        if self.overdue_multiplier < 0 or self.fitout_months < 0:
            raise StandardError("逾期倍数和装修期不能为负数")
        for price in (self.price_within, self.refund_price, self.transition_rate, *self.band_prices):
            if price != price.quantize(_AREA_Q):
                raise StandardError(f"单价「{price}」最多两位小数（精确到分）")


def entitled_area(persons: int, standard: PlacementStandard) -> Decimal:
    """max(安置人口 × 人均, 每户最低), in ㎡ with two places."""
    if persons < 0:
        raise ValueError("安置人口不能为负数")
    area = standard.area_per_person * persons
    if standard.minimum_area is not None:
        area = max(area, standard.minimum_area)
    return area.quantize(_AREA_Q, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class BandLine:
    """One printed line: ``12.50 ㎡ × 3,880.00 元/㎡ = 48,500.00 元``."""

    code: str  # within, band1, band2, …
    label: str  # 安置面积内 / 超出第1档 …
    area: Decimal
    unit_price: Decimal
    amount: Decimal

    @property
    def formula(self) -> str:
        return (
            f"{format_area(self.area)} ㎡ × {format_yuan(to_fen(self.unit_price))} 元/㎡ = "
            f"{format_yuan(to_fen(self.amount))} 元"
        )


@dataclass(frozen=True)
class Settlement:
    """差价结算 of one household: lines by band, refund of an unused entitlement, net, balance."""

    entitled_m2: Decimal
    chosen_m2: Decimal
    lines: tuple[BandLine, ...]
    refund_m2: Decimal
    refund_price: Decimal
    refund: Decimal
    compensation_total: Decimal

    @property
    def flat_price(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), ZERO_YUAN)

    @property
    def net(self) -> Decimal:
        """What the household pays for its flats: flat price − refund (negative: it receives)."""
        return self.flat_price - self.refund

    @property
    def balance(self) -> Decimal:
        """Compensation total − net: what the household finally receives (negative: it pays in)."""
        return self.compensation_total - self.net

    @property
    def refund_formula(self) -> str:
        if self.refund_m2 <= 0:
            return ""
        return (
            f"{format_area(self.refund_m2)} ㎡ × {format_yuan(to_fen(self.refund_price))} 元/㎡ = "
            f"{format_yuan(to_fen(self.refund))} 元"
        )


@lru_cache(maxsize=256)
def _fen(price: Decimal) -> int:
    """A unit price in 分 (a standard has a handful of prices; settling 10,000 households reuses them)."""
    return to_fen(price)


def _line(code: str, label: str, area: Decimal, price: Decimal) -> BandLine:
    return BandLine(code, label, area, price, to_yuan(times(area, _fen(price))))


def settle(
    entitled_m2: Decimal,
    flat_areas: Sequence[Decimal],
    standard: PlacementStandard,
    compensation_total: Decimal = ZERO_YUAN,
) -> Settlement:
    """Price the chosen flats (one or two) against the entitlement, band by band.

    Only the total chosen area counts: which flat is first, or how the area is split
    between two flats, never changes the result."""
    chosen = sum(flat_areas, ZERO_AREA)
    if chosen < 0 or entitled_m2 < 0:
        raise ValueError("面积不能为负数")
    lines: list[BandLine] = []
    within = min(chosen, entitled_m2)
    if within > 0:
        lines.append(_line("within", "安置面积内", within, standard.price_within))
    above = chosen - within
    for i, price in enumerate(standard.band_prices):
        if above <= 0:
            break
        width = standard.band_widths[i] if i < len(standard.band_widths) else above
        part = min(above, width)
        label = f"超出第{i + 1}档" if i < len(standard.band_widths) else "超出部分（其余）"
        lines.append(_line(f"band{i + 1}", label, part, price))
        above -= part
    unused = entitled_m2 - within if flat_areas else ZERO_AREA
    refund = to_yuan(times(unused, _fen(standard.refund_price))) if unused > 0 else ZERO_YUAN
    return Settlement(
        entitled_m2=entitled_m2,
        chosen_m2=chosen,
        lines=tuple(lines),
        refund_m2=unused if unused > 0 else ZERO_AREA,
        refund_price=standard.refund_price,
        refund=refund,
        compensation_total=compensation_total,
    )


# -- transition ------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end``, a started month counted as a whole one (不足一月按一月)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    if add_months(start, months) < end:
        months += 1
    return months


@dataclass(frozen=True)
class TransitionFee:
    """过渡费 up to a date: normal months at the rate, overdue months at rate × 倍数, fit-out months."""

    persons: int
    rate: Decimal
    normal_months: int
    overdue_months: int
    fitout_months: int
    normal_amount: Decimal
    overdue_amount: Decimal
    fitout_amount: Decimal

    @property
    def months(self) -> int:
        return self.normal_months + self.overdue_months + self.fitout_months

    @property
    def total(self) -> Decimal:
        return self.normal_amount + self.overdue_amount + self.fitout_amount

    @property
    def formula(self) -> str:
        parts = [f"{self.persons} 人 × {format_yuan(to_fen(self.rate))} 元/人·月 × {self.normal_months} 月"]
        if self.overdue_months:
            parts.append(f"逾期 {self.overdue_months} 月 × 倍数")
        if self.fitout_months:
            parts.append(f"装修期 {self.fitout_months} 月")
        return "；".join(parts) + f" = {format_yuan(to_fen(self.total))} 元"


def transition_fee(
    persons: int,
    standard: PlacementStandard,
    moved_out: date,
    until: date,
    promised_handover: date | None,
    handed_over: date | None = None,
) -> TransitionFee:
    """Fee owed from the move-out date up to ``until``.

    It stops at handover; months past the promised handover date are paid at the higher
    rate; the fit-out months are added once the flat is handed over (on or before ``until``)."""
    end = until if handed_over is None else min(until, handed_over)
    total = months_between(moved_out, end)
    if promised_handover is None or promised_handover >= end:
        normal, overdue = total, 0
    else:
        normal = months_between(moved_out, promised_handover) if promised_handover > moved_out else 0
        normal = min(normal, total)
        overdue = total - normal
    fitout = standard.fitout_months if handed_over is not None and handed_over <= until else 0
    per_month = to_fen(standard.transition_rate) * persons
    overdue_per_month = standard.transition_rate * standard.overdue_multiplier * persons
    return TransitionFee(
        persons=persons,
        rate=standard.transition_rate,
        normal_months=normal,
        overdue_months=overdue,
        fitout_months=fitout,
        normal_amount=to_yuan(per_month * normal),
        overdue_amount=to_yuan(times(overdue_per_month * overdue, 100)),
        fitout_amount=to_yuan(per_month * fitout),
    )
