"""A transitional-housing fee statement: who lived away from home, how long, and what it cost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from resettle.domain.placement import TransitionFee


@dataclass(frozen=True)
class TransitionRow:
    household_id: int
    household_no: str
    head_name: str
    village: str
    persons: int
    moved_out_on: date
    promised_handover_on: date | None
    handed_over_on: date | None
    fee: TransitionFee
    months: int  # in the statement's period
    amount: Decimal  # in the statement's period


@dataclass(frozen=True)
class TransitionStatement:
    since: date | None
    until: date
    rows: tuple[TransitionRow, ...]

    @property
    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal("0.00"))
