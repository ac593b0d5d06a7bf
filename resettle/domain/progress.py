"""How far a household has come: one ordered list of stages shown in the register and used by its filter.

Survey → compute → review come from compensation; later areas (agreement, payment, handover)
add their stages after these.
"""

from __future__ import annotations

SURVEYED = "已调查"
COMPUTED = "已计算"
REVIEWED = "已复核"
SIGNED = "已签约"
PAID = "已兑付"

STAGES: tuple[str, ...] = (SURVEYED, COMPUTED, REVIEWED, SIGNED, PAID)
# The agreement's statuses (resettle.services.payments) that make a household 已签约 / 已兑付.
AGREEMENT_SIGNED: tuple[str, ...] = ("已签约", "已腾房")
AGREEMENT_PAID: tuple[str, ...] = ("已兑付", "已归档")


def stage_of(compensation_status: str | None, survey_status: str, agreement_status: str = "") -> str:
    """The stage shown for a household: its agreement's once signed or paid, else its compensation's
    once computed or reviewed, else what the survey recorded (the register's search computes the same
    in SQL)."""
    if agreement_status in AGREEMENT_PAID:
        return PAID
    if agreement_status in AGREEMENT_SIGNED:
        return SIGNED
    return compensation_status if compensation_status in (COMPUTED, REVIEWED) else survey_status
