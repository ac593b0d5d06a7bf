"""Placement housing: estates, flats, standards, lottery, selection, transition, handover (issue 13).

A flat can be chosen once: ``flat_selection.flat_id`` is unique, and the flat's status
changes through its row version, so two clerks choosing the same flat at once get a
conflict, never a double allocation.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from resettle.store.models import Base, Editable
from resettle.store.types import Money, ScaledDecimal, integer_check, is_scaled

__all__ = [
    "DRAW_ACTIVE",
    "DRAW_REPLACED",
    "FLAT_AVAILABLE",
    "FLAT_CHOSEN",
    "FLAT_FROZEN",
    "FLAT_HANDED_OVER",
    "FLAT_STATUSES",
    "HOUSING_EDITABLE_MODELS",
    "STANDARD_DRAFT",
    "STANDARD_PUBLISHED",
    "Estate",
    "Flat",
    "FlatSelection",
    "Handover",
    "LotteryDraw",
    "PlacementExclusion",
    "PlacementHousehold",
    "PlacementStandardRecord",
]

FLAT_AVAILABLE = "可选"
FLAT_FROZEN = "冻结"
FLAT_CHOSEN = "已选"
FLAT_HANDED_OVER = "已交付"
FLAT_STATUSES = (FLAT_AVAILABLE, FLAT_FROZEN, FLAT_CHOSEN, FLAT_HANDED_OVER)
STANDARD_DRAFT = "草稿"
STANDARD_PUBLISHED = "已发布"
DRAW_ACTIVE = "有效"
DRAW_REPLACED = "已重抽"


class Estate(Editable, Base):
    """安置小区 of a project, with the handover date promised to the families."""

    __tablename__ = "estate"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    promised_handover_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_estate_name"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Flat(Editable, Base):
    """安置房: named ``楼号-单元-房号`` within its estate."""

    __tablename__ = "flat"
    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estate.id", ondelete="RESTRICT"))
    building: Mapped[str] = mapped_column(String(30))
    unit: Mapped[str] = mapped_column(String(30))
    floor: Mapped[int] = mapped_column(Integer)
    room: Mapped[str] = mapped_column(String(30))
    layout: Mapped[str] = mapped_column(String(30), default="")
    area_m2: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    status: Mapped[str] = mapped_column(String(10), default=FLAT_AVAILABLE)
    frozen_reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        UniqueConstraint("estate_id", "building", "unit", "room", name="uq_flat_name"),
        Index("ix_flat_estate_status", "estate_id", "status"),
        CheckConstraint("status IN ('可选', '冻结', '已选', '已交付')", name="ck_flat_status"),
        CheckConstraint("status <> '冻结' OR length(trim(frozen_reason)) > 0", name="ck_flat_frozen_reason"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012

    @property
    def name(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class PlacementStandardRecord(Editable, Base):
    """安置标准 (one version of it for a project); published versions are frozen."""

    __tablename__ = "placement_standard"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(10), default=STANDARD_DRAFT)
    area_per_person: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    minimum_area: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    price_within: Mapped[Decimal] = mapped_column(Money())
    band_widths: Mapped[str] = mapped_column(String(200), default="")  # "8;12" (㎡)
    band_prices: Mapped[str] = mapped_column(String(200), default="")  # "3600.00;5200.00;6900.00" (元/㎡)
    refund_price: Mapped[Decimal] = mapped_column(Money())
    transition_rate: Mapped[Decimal] = mapped_column(Money())
    overdue_multiplier: Mapped[Decimal] = mapped_column(ScaledDecimal(4))
    fitout_months: Mapped[int] = mapped_column(Integer, default=0)
    source_file: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(100), default="")
    __table_args__ = (UniqueConstraint("project_id", "revision", name="uq_placement_standard_revision"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class PlacementHousehold(Editable, Base):
    """A household's placement: mode, move-out date, whether it missed its turn (过号)."""

    __tablename__ = "placement_household"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(10), default="产权调换")
    moved_out_on: Mapped[date | None] = mapped_column(Date)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        UniqueConstraint("household_id", name="uq_placement_household_household"),
        CheckConstraint("mode IN ('产权调换', '货币安置', '宅基地', '集中供养')", name="ck_placement_household_mode"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class PlacementExclusion(Editable, Base):
    """A member not counted as 安置人口, always with the reason."""

    __tablename__ = "placement_exclusion"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        UniqueConstraint("person_id", name="uq_placement_exclusion_person"),
        CheckConstraint("length(trim(reason)) > 0", name="ck_placement_exclusion_reason"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class LotteryDraw(Editable, Base):
    """抽签: once per scope; a redraw needs a reason and keeps the earlier draw (marked 已重抽)."""

    __tablename__ = "lottery_draw"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"), index=True)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id", ondelete="RESTRICT"), index=True)
    scope_key: Mapped[str] = mapped_column(String(50))
    seed: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64))
    order_text: Mapped[str] = mapped_column(Text)  # 户号, one a line, position 1 first
    status: Mapped[str] = mapped_column(String(10), default=DRAW_ACTIVE)
    redraw_reason: Mapped[str] = mapped_column(Text, default="")
    drawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    drawn_by: Mapped[str] = mapped_column(String(100), default="")
    __table_args__ = (
        Index(
            "uq_lottery_draw_active",
            "scope_key",
            unique=True,
            sqlite_where=text("status = '有效'"),
            postgresql_where=text("status = '有效'"),
        ),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class FlatSelection(Editable, Base):
    """选房: one flat given to one household (slot 1 or 2), with the owners on its title."""

    __tablename__ = "flat_selection"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flat.id", ondelete="RESTRICT"))
    slot: Mapped[int] = mapped_column(Integer, default=1)
    owner_ids: Mapped[str] = mapped_column(String(200), default="")  # person ids, comma-separated
    ahead_of_order: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20), default="现场")
    chosen_at: Mapped[datetime | None] = mapped_column(DateTime)
    chosen_by: Mapped[str] = mapped_column(String(100), default="")
    __table_args__ = (
        UniqueConstraint("flat_id", name="uq_flat_selection_flat"),
        UniqueConstraint("household_id", "slot", name="uq_flat_selection_slot"),
        CheckConstraint("slot IN (1, 2)", name="ck_flat_selection_slot"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Handover(Editable, Base):
    """交房: date, keys, meter readings, the 入住通知单 number; later the title (办证) status."""

    __tablename__ = "handover"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"), index=True)
    handed_over_on: Mapped[date] = mapped_column(Date)
    keys: Mapped[int] = mapped_column(Integer, default=0)
    water_reading: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    power_reading: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    gas_reading: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    serial: Mapped[int] = mapped_column(Integer)
    notice_no: Mapped[str] = mapped_column(String(50))
    title_status: Mapped[str] = mapped_column(String(10), default="未办证")
    __table_args__ = (
        UniqueConstraint("household_id", name="uq_handover_household"),
        UniqueConstraint("project_id", "serial", name="uq_handover_serial"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


HOUSING_EDITABLE_MODELS: tuple[type[Editable], ...] = (
    Estate,
    Flat,
    PlacementStandardRecord,
    PlacementHousehold,
    PlacementExclusion,
    LotteryDraw,
    FlatSelection,
    Handover,
)

for _model in HOUSING_EDITABLE_MODELS:
    _table = Base.metadata.tables[_model.__tablename__]  # type: ignore[attr-defined]
    for _col in _table.columns:
        if is_scaled(_col):
            _table.append_constraint(integer_check(_col.name, _table.name))
