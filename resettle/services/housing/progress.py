"""Headline counts of placement flats for the dashboard (issue 13 fills these in)."""

from __future__ import annotations

from dataclasses import dataclass

from resettle.store.database import Database


@dataclass(frozen=True)
class HousingCounts:
    """Households of a project (or one village of it) by how far their placement went."""

    chosen: int = 0  # households that chose their flat(s)
    handed_over: int = 0  # households whose flats were handed over


def housing_counts(db: Database, project_id: int, village_id: int | None = None) -> HousingCounts:
    return HousingCounts()
