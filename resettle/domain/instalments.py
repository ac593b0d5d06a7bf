"""Payment plans (付款计划): "70,30" → the amount of each instalment, exact to the 分.

Each instalment but the last is its percentage of the total rounded half-up to 分; the
last takes the remainder, so the instalments always add up to the total exactly. The
first instalment is due on signing (签约), later ones once the house is vacated (腾房),
unless the plan says otherwise ("70:签约,30:腾房"). The plan divides the household's part only: what the
agreement owes another payee (社保, 集体) is paid into that payee's account (``TRANSFER_CONDITIONS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "CONDITIONS",
    "HOUSEHOLD_PAYEE",
    "ON_SIGNING",
    "ON_VACATING",
    "TRANSFER_CONDITIONS",
    "InstalmentShare",
    "PlanError",
    "PlannedInstalment",
    "parse_plan",
    "split_total",
]

ON_SIGNING = "签约"
ON_VACATING = "腾房"
CONDITIONS = frozenset({ON_SIGNING, ON_VACATING})
# The parts of an agreement that are not the household's: paid by transfer into that payee's account
# (社保费用 into the social-security account, the collective's share to the village), never in the
# household's bank batch. Each is one instalment of its own, after the household's, with this condition.
TRANSFER_CONDITIONS = {"社保": "划入社保专户", "集体": "付村集体"}
HOUSEHOLD_PAYEE = "户"
_HUNDRED = Decimal(100)
_PERCENT = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,2})?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_ALIASES = {"签约": ON_SIGNING, "签订": ON_SIGNING, "腾房": ON_VACATING, "交房": ON_VACATING, "腾空": ON_VACATING}


class PlanError(ValueError):
    """A plan that cannot be used; the message is shown to the clerk."""


@dataclass(frozen=True)
class InstalmentShare:
    percent: Decimal
    condition: str

    @property
    def percent_text(self) -> str:
        return format(self.percent.normalize(), "f")


@dataclass(frozen=True)
class PlannedInstalment:
    seq: int
    percent: Decimal
    condition: str
    amount_fen: int


def parse_plan(text: str) -> tuple[InstalmentShare, ...]:
    """ "70,30" or "70:签约,30:腾房" (full-width commas and colons accepted); percentages sum to 100."""
    cleaned = (
        text.translate(_FULL_WIDTH)
        .replace("，", ",")
        .replace("：", ":")
        .replace("%", "")
        .replace("％", "")
        .replace(" ", "")
    )
    if not cleaned:
        raise PlanError("付款计划不能为空，例如 70,30")
    shares: list[InstalmentShare] = []
    for n, part in enumerate(cleaned.split(","), start=1):
        number, _, cond = part.partition(":")
        if not _PERCENT.match(number):
            raise PlanError(f"付款计划第 {n} 期「{part}」不是百分数")
        try:
            percent = Decimal(number)
        except InvalidOperation:  # pragma: no cover - the pattern already refuses it
            raise PlanError(f"付款计划第 {n} 期「{part}」不是百分数") from None
        if percent <= 0:
            raise PlanError(f"付款计划第 {n} 期的比例须大于 0")
        if cond:
            if cond not in _ALIASES:
                raise PlanError(f"付款计划第 {n} 期的条件「{cond}」应为 签约 或 腾房")
            condition = _ALIASES[cond]
        else:
            condition = ON_SIGNING if n == 1 else ON_VACATING
        shares.append(InstalmentShare(percent, condition))
    total = sum((s.percent for s in shares), Decimal(0))
    if total != _HUNDRED:
        raise PlanError(f"付款计划各期比例之和为 {format(total.normalize(), 'f')}%，应为 100%")
    return tuple(shares)


def split_total(total_fen: int, shares: tuple[InstalmentShare, ...]) -> tuple[PlannedInstalment, ...]:
    """The instalments of ``total_fen``; they sum to it exactly and none is negative."""
    if not shares:
        raise PlanError("付款计划不能为空")
    if total_fen < 0:
        raise PlanError("协议金额为负，不能分期支付")
    out: list[PlannedInstalment] = []
    given = 0
    for i, share in enumerate(shares, start=1):
        if i < len(shares):
            amount = int((Decimal(total_fen) * share.percent / _HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            given += amount
        else:
            amount = total_fen - given
        if amount < 0:
            raise PlanError("协议金额太小，按此付款计划分期后末期为负，请改用一次付清")
        out.append(PlannedInstalment(i, share.percent, share.condition, amount))
    return tuple(out)
