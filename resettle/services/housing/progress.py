"""Headline counts of placement flats for the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from resettle.services.accounts.guard import Need, require
from resettle.store.database import Database
from resettle.store.housing_models import FlatSelection, Handover
from resettle.store.models import Household, VillageGroup


@dataclass(frozen=True)
class HousingCounts:
    """Households of a project (or one village of it) by how far their placement went."""

    chosen: int = 0  # households that chose their flat(s)
    handed_over: int = 0  # households whose flats were handed over


def housing_counts(db: Database, project_id: int, village_id: int | None = None) -> HousingCounts:
    require(db, Need.READ, "查看安置进度")
    with db.read() as s:
        chosen = (
            select(func.count(distinct(FlatSelection.household_id)))
            .join(Household, Household.id == FlatSelection.household_id)
            .where(Household.project_id == project_id)
        )
        handed = (
            select(func.count(Handover.id))
            .join(Household, Household.id == Handover.household_id)
            .where(Household.project_id == project_id)
        )
        if village_id is not None:
            chosen = chosen.join(VillageGroup, VillageGroup.id == Household.group_id).where(
                VillageGroup.village_id == village_id
            )
            handed = handed.join(VillageGroup, VillageGroup.id == Household.group_id).where(
                VillageGroup.village_id == village_id
            )
        return HousingCounts(int(s.scalar(chosen) or 0), int(s.scalar(handed) or 0))
