"""Headline counts of agreements and payments for the dashboard (issue 12 fills these in)."""

from __future__ import annotations

from dataclasses import dataclass

from resettle.store.database import Database


@dataclass(frozen=True)
class PaymentCounts:
    """Households of a project (or one village of it) by how far their agreement and payment went."""

    reviewed: int = 0
    signed: int = 0
    paid: int = 0


def payment_counts(db: Database, project_id: int, village_id: int | None = None) -> PaymentCounts:
    return PaymentCounts()
