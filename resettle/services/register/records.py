"""Plain data the register services return besides the household itself (never live ORM objects).

The household read model (HouseholdData and its members, parcels, structures, attachments)
lives in :mod:`resettle.domain.household`: every layer reads and writes that one shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from resettle.domain.household import HouseholdData


@dataclass(frozen=True)
class HouseholdDetail:
    """A stored household as read: its data plus identity and version."""

    id: int
    version: int
    project_id: int
    village_id: int
    village: str
    group: str
    data: HouseholdData
    agreement_status: str = ""  # the 协议's (已签约, 已兑付 …) once one exists: the stage shown follows it


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the register table."""

    id: int
    household_no: str
    head_name: str
    village: str
    group: str
    persons: int
    phone: str
    land_mu: Decimal
    floor_area_m2: Decimal
    status: str  # the household's stage (resettle.domain.progress.STAGES)
    version: int
    compensation_total: Decimal | None = None  # None: not computed yet
    matched: str = ""  # the member a search matched when it is not the head: 王芳（配偶）

    @classmethod
    def of_page_columns(
        cls,
        r: Sequence[Any],
        land_mu: Decimal,
        floor_area_m2: Decimal,
        compensation_total: Decimal | None,
        matched: str = "",
    ) -> HouseholdRow:
        """A row of the register page's columns (id, 户号, 户主, 村, 组, phone, status, version, total,
        persons, land, floor area), as the search and the first view both read them; the three
        quantities are given converted, each reader stores them its own way."""
        return cls(
            id=r[0],
            household_no=r[1],
            head_name=r[2],
            village=r[3],
            group=r[4],
            persons=int(r[9] or 0),
            phone=r[5],
            land_mu=land_mu,
            floor_area_m2=floor_area_m2,
            status=r[6],
            version=r[7],
            compensation_total=compensation_total,
            matched=matched,
        )


@dataclass(frozen=True)
class HouseholdQuery:
    text: str = ""
    project_id: int | None = None
    village_id: int | None = None
    group_id: int | None = None
    sort: str = "household_no"
    descending: bool = False
    status: str | None = None  # only households at this stage


@dataclass(frozen=True)
class Page:
    rows: list[HouseholdRow]
    offset: int
    total: int | None = None


@dataclass(frozen=True)
class GroupNode:
    id: int
    name: str
    households: int


@dataclass(frozen=True)
class VillageNode:
    id: int
    name: str
    households: int
    groups: list[GroupNode] = field(default_factory=list)


@dataclass(frozen=True)
class ProjectNode:
    id: int
    name: str
    approval_no: str
    households: int
    villages: list[VillageNode] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    ts: str
    user: str
    host: str
    action: str
    entity: str
    entity_id: int
    field: str
    old: str | None
    new: str | None
    reason: str
    batch_id: int | None
