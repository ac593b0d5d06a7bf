"""Plain data the compensation services return (amounts as Decimal 元, never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from resettle.domain.rates import RateTable

__all__ = [
    "AdjustmentView",
    "CompensationSummary",
    "ComputeResult",
    "DetailLine",
    "HouseholdCompensationView",
    "HouseholdDiff",
    "HouseholdTotalsRow",
    "LineChange",
    "LineView",
    "ProjectRateInfo",
    "RateTableDetail",
    "RateTableInfo",
    "TableChangePreview",
]


@dataclass(frozen=True)
class RateTableInfo:
    id: int
    name: str
    version: int  # the table's version number (第n版)
    effective_date: date | None
    source_doc: str
    status: str  # 草稿 / 已发布
    rules: int
    based_on_id: int | None
    published_at: datetime | None
    published_by: str
    row_version: int  # optimistic lock of the row

    @property
    def label(self) -> str:
        return f"{self.name}（第{self.version}版）"

    @property
    def published(self) -> bool:
        return self.status == "已发布"


@dataclass(frozen=True)
class RateTableDetail:
    info: RateTableInfo
    table: RateTable


@dataclass(frozen=True)
class ProjectRateInfo:
    project_id: int
    table: RateTableInfo
    transition_months: int
    set_at: datetime | None
    set_by: str


@dataclass(frozen=True)
class LineView:
    id: int
    rule_code: str
    item: str
    basis: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    payee: str
    table_version: int
    formula: str


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    item: str
    amount: Decimal
    payee: str
    reason: str
    created_by: str
    created_at: datetime | None
    version: int


@dataclass(frozen=True)
class HouseholdCompensationView:
    """One household's compensation as the clerk sees it: lines, adjustments, total, review state."""

    household_id: int
    household_no: str
    head_name: str
    status: str  # 未计算 / 已计算 / 已复核
    rate_table_id: int | None
    table_label: str
    lines: tuple[LineView, ...]
    adjustments: tuple[AdjustmentView, ...]
    total: Decimal
    by_payee: dict[str, Decimal]
    computed_at: datetime | None
    computed_by: str
    reviewed_by: str
    reviewed_at: datetime | None
    signed_on: date | None
    transition_months: int | None
    version: int  # row version of the review state, for conflict detection
    outdated: bool = False  # computed, but its facts or the project's standard changed since (compute again)


@dataclass(frozen=True)
class ComputeResult:
    households: int
    changed: int  # households whose lines were rewritten
    reviews_reset: int  # of those, how many had been reviewed
    grand_total: Decimal
    table_id: int
    table_label: str
    # of a whole project's compute: rules that priced no household (「TD-01 土地补偿费（地类=稻田）」), often a
    # condition written differently from the survey (稻田 for 水田); empty for a village, a group or one household
    unmatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class LineChange:
    rule_code: str
    item: str
    old_amount: Decimal | None  # None: the line is new
    new_amount: Decimal | None  # None: the line goes away


@dataclass(frozen=True)
class HouseholdDiff:
    household_id: int
    household_no: str
    head_name: str
    old_total: Decimal
    new_total: Decimal
    changes: tuple[LineChange, ...]

    @property
    def delta(self) -> Decimal:
        return self.new_total - self.old_total


@dataclass(frozen=True)
class TableChangePreview:
    """What moving a project to another standard would change, before anything is written."""

    project_id: int
    old_table_id: int | None
    new_table_id: int
    new_table_label: str
    households: tuple[HouseholdDiff, ...]  # exactly the households whose totals change
    unchanged: int
    old_grand_total: Decimal
    new_grand_total: Decimal


@dataclass(frozen=True)
class CompensationSummary:
    project_id: int
    households: int  # households with a computed result
    reviewed: int
    grand_total: Decimal
    by_item: dict[str, Decimal] = field(default_factory=dict)
    by_village: dict[str, Decimal] = field(default_factory=dict)
    by_payee: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class HouseholdTotalsRow:
    household_id: int
    household_no: str
    head_name: str
    village: str
    group: str
    status: str
    by_item: dict[str, Decimal]
    total: Decimal


@dataclass(frozen=True)
class DetailLine:
    household_no: str
    head_name: str
    village: str
    group: str
    rule_code: str  # "调整" for a manual adjustment
    item: str
    quantity: Decimal | None
    unit: str
    unit_price: Decimal | None
    amount: Decimal
    payee: str
    table_version: int | None
    formula: str  # for an adjustment: its reason
