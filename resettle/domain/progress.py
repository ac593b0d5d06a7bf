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


def stage_of(compensation_status: str | None, survey_status: str) -> str:
    """The stage shown for a household: its compensation's once computed or reviewed, else what the
    survey recorded (the register's search computes the same in SQL)."""
    return compensation_status if compensation_status in (COMPUTED, REVIEWED) else survey_status
