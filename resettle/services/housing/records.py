"""What the housing services return: frozen dataclasses, never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from resettle.domain.placement import PlacementStandard, Settlement
from resettle.domain.transition import TransitionRow, TransitionStatement
from resettle.io.housing_sheets import FlatPlace

__all__ = [
    "BoardInfo",
    "ChoiceResult",
    "ChoicesImportResult",
    "DrawInfo",
    "DrawVerification",
    "EstateInfo",
    "FlatInfo",
    "HandoverInfo",
    "HouseholdSettlement",
    "MemberInfo",
    "PlacementDetail",
    "QueueEntry",
    "SettlementReport",
    "Simulation",
    "SimulationOption",
    "StandardInfo",
    "StockImportResult",
    "TransitionRow",
    "TransitionStatement",
]


@dataclass(frozen=True)
class EstateInfo:
    id: int
    project_id: int
    name: str
    promised_handover_on: date | None
    flats: int
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FlatInfo(FlatPlace):
    id: int
    estate_id: int
    estate: str
    status: str
    frozen_reason: str
    household_no: str  # "" when not chosen
    row_version: int


@dataclass(frozen=True)
class BoardInfo:
    """The estate as a board: every flat with its status, and counts."""

    estate: EstateInfo
    flats: tuple[FlatInfo, ...]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.flats:
            out[f.status] = out.get(f.status, 0) + 1
        return out


@dataclass(frozen=True)
class StockImportResult:
    estates: tuple[str, ...]
    added: int
    updated: int
    frozen: int


@dataclass(frozen=True)
class StandardInfo:
    id: int
    project_id: int
    revision: int
    status: str
    standard: PlacementStandard
    published_at: datetime | None
    published_by: str
    source_file: str


@dataclass(frozen=True)
class MemberInfo:
    id: int
    name: str
    relation: str
    id_number: str
    counted: bool  # 安置人口
    reason: str  # why not counted


@dataclass(frozen=True)
class PlacementDetail:
    household_id: int
    household_no: str
    head_name: str
    village: str
    group: str
    mode: str
    members: tuple[MemberInfo, ...]
    persons: int  # 安置人口
    entitled_m2: Decimal | None  # None without a published standard
    flats: tuple[FlatInfo, ...]
    owners: tuple[tuple[MemberInfo, ...], ...]  # per flat
    position: int | None  # 抽签顺序号
    skipped: bool
    ahead_of_order: bool
    moved_out_on: date | None
    compensation_total: Decimal


@dataclass(frozen=True)
class DrawInfo:
    id: int
    project_id: int
    village_id: int | None
    scope_label: str
    seed: str
    digest: str
    order: tuple[tuple[int, str, str], ...]  # (position, 户号, 户主)
    keys: tuple[str, ...]
    drawn_at: datetime | None
    drawn_by: str
    replaced: int  # earlier draws of this scope kept in the record
    redraw_reason: str


@dataclass(frozen=True)
class DrawVerification:
    ok: bool
    message: str
    recorded_digest: str
    computed_digest: str


@dataclass(frozen=True)
class QueueEntry:
    position: int
    household_id: int
    household_no: str
    head_name: str
    state: str  # 待选 / 已选 / 过号 / 货币安置 …


@dataclass(frozen=True)
class ChoiceResult:
    household_no: str
    flats: tuple[str, ...]
    ahead_of_order: bool
    mode: str


@dataclass(frozen=True)
class ChoicesImportResult:
    households: int
    flats: int
    cash: int


@dataclass(frozen=True)
class HouseholdSettlement:
    household_id: int
    household_no: str
    head_name: str
    flats: tuple[str, ...]
    settlement: Settlement


@dataclass(frozen=True)
class SettlementReport:
    households: tuple[HouseholdSettlement, ...]

    @property
    def total_net(self) -> Decimal:
        return sum((h.settlement.net for h in self.households), Decimal("0.00"))


@dataclass(frozen=True)
class SimulationOption:
    label: str  # 货币安置 / 户型 …
    flats: tuple[str, ...]  # layouts with areas
    area_m2: Decimal
    settlement: Settlement | None  # None for cash
    balance: Decimal


@dataclass(frozen=True)
class Simulation:
    detail: PlacementDetail
    options: tuple[SimulationOption, ...]


@dataclass(frozen=True)
class HandoverInfo:
    household_id: int
    household_no: str
    head_name: str
    handed_over_on: date
    keys: int
    water_reading: Decimal | None
    power_reading: Decimal | None
    gas_reading: Decimal | None
    notice_no: str
    title_status: str
    flats: tuple[str, ...]
