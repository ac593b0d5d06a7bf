"""Tables of the compensation capability: rate tables, computed lines, review state, adjustments.

Money is INTEGER 分 in the file (``Money``), Decimal 元 in Python. Published rate tables
are also frozen by triggers (migration 0002), so that not even raw SQL can change a
standard that households were paid on.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from resettle.store.models import Base, Editable
from resettle.store.types import Money, ScaledDecimal, integer_check, is_scaled

__all__ = [
    "COMPENSATION_EDITABLE_MODELS",
    "STATUS_COMPUTED",
    "STATUS_NONE",
    "STATUS_REVIEWED",
    "CompensationAdjustment",
    "CompensationLine",
    "HouseholdCompensation",
    "ProjectRateTable",
    "RateRuleRecord",
    "RateTableRecord",
]

STATUS_NONE = "未计算"
STATUS_COMPUTED = "已计算"
STATUS_REVIEWED = "已复核"


class RateTableRecord(Editable, Base):
    """补偿标准 (one version of it). ``revision`` is the table's version number (``version`` is the row lock)."""

    __tablename__ = "rate_table"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    effective_date: Mapped[date | None] = mapped_column(Date)
    source_doc: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="草稿")
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("rate_table.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(100), default="")
    rules: Mapped[list[RateRuleRecord]] = relationship(
        back_populates="table", cascade="all, delete-orphan", order_by="RateRuleRecord.seq"
    )
    __table_args__ = (UniqueConstraint("name", "revision", name="uq_rate_table_revision"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class RateRuleRecord(Editable, Base):
    __tablename__ = "rate_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    rate_table_id: Mapped[int] = mapped_column(ForeignKey("rate_table.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(30))
    item: Mapped[str] = mapped_column(String(50))
    basis: Mapped[str] = mapped_column(String(20))
    conditions: Mapped[str] = mapped_column(String(500), default="")
    unit_price: Mapped[Decimal] = mapped_column(Money())
    unit: Mapped[str] = mapped_column(String(20), default="")
    minimum: Mapped[Decimal | None] = mapped_column(Money())
    maximum: Mapped[Decimal | None] = mapped_column(Money())
    payee: Mapped[str] = mapped_column(String(10), default="户")
    table: Mapped[RateTableRecord] = relationship(back_populates="rules")
    __table_args__ = (
        UniqueConstraint("rate_table_id", "code", name="uq_rate_rule_code"),
        Index("ix_rate_rule_table", "rate_table_id", "seq"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class ProjectRateTable(Editable, Base):
    """The standard a project currently computes with, and its default transition period."""

    __tablename__ = "project_rate"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    rate_table_id: Mapped[int] = mapped_column(ForeignKey("rate_table.id", ondelete="RESTRICT"), index=True)
    transition_months: Mapped[int] = mapped_column(Integer, default=0)
    set_at: Mapped[datetime | None] = mapped_column(DateTime)
    set_by: Mapped[str] = mapped_column(String(100), default="")
    __table_args__ = (UniqueConstraint("project_id", name="uq_project_rate_project"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class CompensationLine(Editable, Base):
    """补偿明细: one computed line, with everything needed to print its formula."""

    __tablename__ = "compensation_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    rate_table_id: Mapped[int] = mapped_column(ForeignKey("rate_table.id", ondelete="RESTRICT"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    rule_code: Mapped[str] = mapped_column(String(30))
    item: Mapped[str] = mapped_column(String(50))
    basis: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[Decimal] = mapped_column(ScaledDecimal(4))
    unit: Mapped[str] = mapped_column(String(20), default="")
    unit_price: Mapped[Decimal] = mapped_column(Money())
    amount: Mapped[Decimal] = mapped_column(Money())
    payee: Mapped[str] = mapped_column(String(10), default="户")
    table_version: Mapped[int] = mapped_column(Integer)
    formula: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_compensation_line_household", "household_id", "seq"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class HouseholdCompensation(Editable, Base):
    """Per household: the terms the engine needs beyond the register, and the result's review state."""

    __tablename__ = "household_compensation"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    rate_table_id: Mapped[int | None] = mapped_column(ForeignKey("rate_table.id", ondelete="RESTRICT"), index=True)
    table_version: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default=STATUS_NONE)
    total: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    lines_digest: Mapped[str] = mapped_column(String(64), default="")
    # facts + standard the lines came from (migration 0004)
    inputs_digest: Mapped[str] = mapped_column(String(64), default="", server_default="")
    computed_at: Mapped[datetime | None] = mapped_column(DateTime)
    computed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_on: Mapped[date | None] = mapped_column(Date)  # 签约日期 (for the signing reward)
    transition_months: Mapped[int | None] = mapped_column(Integer)  # None: the project's default
    __table_args__ = (
        UniqueConstraint("household_id", name="uq_household_compensation_household"),
        CheckConstraint(
            f"status IN ('{STATUS_NONE}', '{STATUS_COMPUTED}', '{STATUS_REVIEWED}')",
            name="ck_household_compensation_status",
        ),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class CompensationAdjustment(Editable, Base):
    """人工调整: an amount outside the rules, never without a reason."""

    __tablename__ = "compensation_adjustment"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(50))
    amount: Mapped[Decimal] = mapped_column(Money())
    payee: Mapped[str] = mapped_column(String(10), default="户")
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (CheckConstraint("length(trim(reason)) > 0", name="ck_compensation_adjustment_reason"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


COMPENSATION_EDITABLE_MODELS: tuple[type[Editable], ...] = (
    RateTableRecord,
    RateRuleRecord,
    ProjectRateTable,
    CompensationLine,
    HouseholdCompensation,
    CompensationAdjustment,
)

for _model in COMPENSATION_EDITABLE_MODELS:
    _table = Base.metadata.tables[_model.__tablename__]  # type: ignore[attr-defined]
    for _col in _table.columns:
        if is_scaled(_col):
            _table.append_constraint(integer_check(_col.name, _table.name))
