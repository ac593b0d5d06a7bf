"""Procedure steps, grievances and posting records of a project (issue 15).

Also the office's own holiday tables (a year loaded from the State Council's notice
replaces the shipped table of that year). Every table here is audited and sealed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from resettle.store.models import Base, Editable

__all__ = [
    "PROCEDURE_EDITABLE_MODELS",
    "EvidenceFile",
    "Grievance",
    "HolidayDay",
    "HolidayYear",
    "PostingRecord",
    "ProcedureSetting",
    "ProcedureStep",
]


class HolidayYear(Editable, Base):
    """A year whose notice the office loaded; it overrides the shipped table of that year."""

    __tablename__ = "holiday_year"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    source: Mapped[str] = mapped_column(String(300), default="")  # e.g. 国办发明电〔2026〕X号, file name
    loaded_at: Mapped[datetime | None] = mapped_column(DateTime)
    days: Mapped[list[HolidayDay]] = relationship(
        back_populates="year_row", cascade="all, delete-orphan", order_by="HolidayDay.day"
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class HolidayDay(Editable, Base):
    __tablename__ = "holiday_day"
    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("holiday_year.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(2))  # 休 / 班
    name: Mapped[str] = mapped_column(String(50), default="")
    year_row: Mapped[HolidayYear] = relationship(back_populates="days")
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class ProcedureSetting(Editable, Base):
    """Per-project choices the law leaves to local policy."""

    __tablename__ = "procedure_setting"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), unique=True)
    # births and marriages after the cut-off: counted (policy of most counties) or not
    family_changes_after_cutoff_count: Mapped[bool] = mapped_column(Boolean, default=True)
    # an admin let formal agreements print before the 补偿安置方案公告 period ended (Need.OVERRIDE)
    early_agreement_reason: Mapped[str] = mapped_column(Text, default="")
    early_agreement_by: Mapped[str] = mapped_column(String(100), default="")
    early_agreement_at: Mapped[datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class ProcedureStep(Editable, Base):
    """One statutory step of one project, with its dates and the minimum it must last."""

    __tablename__ = "procedure_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(30))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(50))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)  # when it must be done by (e.g. 征收公告)
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    unit: Mapped[str] = mapped_column(String(10), default="")  # 工作日 / 日 / ""
    applicable: Mapped[bool] = mapped_column(Boolean, default=True)  # 听证 only when asked
    place: Mapped[str] = mapped_column(String(200), default="")
    doc_no: Mapped[str] = mapped_column(String(100), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[EvidenceFile]] = relationship(
        back_populates="step", cascade="all, delete-orphan", order_by="EvidenceFile.id"
    )
    __table_args__ = (
        UniqueConstraint("project_id", "code", name="uq_procedure_step_code"),
        Index("ix_procedure_step_project", "project_id", "seq"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class PostingRecord(Editable, Base):
    """公示: one list posted in one place for one period, with the audit chain head printed on it."""

    __tablename__ = "posting_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    step_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_step.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    unit: Mapped[str] = mapped_column(String(10), default="")
    chain_head: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_posting_record_project", "project_id", "start_date"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Grievance(Editable, Base):
    """信访 / 异议: who, how, about what, by when, who handles it, the answer."""

    __tablename__ = "grievance"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    number: Mapped[str] = mapped_column(String(30))
    person: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(30), default="")
    channel: Mapped[str] = mapped_column(String(10))  # 来访 / 电话 / 信件 / 公示期异议
    category: Mapped[str] = mapped_column(String(30), default="")
    subject_kind: Mapped[str] = mapped_column(String(10), default="")  # 户 / 补偿明细 / 名单 / 房源 / 其他
    subject: Mapped[str] = mapped_column(String(200), default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="SET NULL"), index=True)
    posting_id: Mapped[int | None] = mapped_column(ForeignKey("posting_record.id", ondelete="SET NULL"), index=True)
    content: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date] = mapped_column(Date)
    period: Mapped[int] = mapped_column(Integer, default=0)
    period_unit: Mapped[str] = mapped_column(String(10), default="工作日")
    due_on: Mapped[date] = mapped_column(Date)
    handler: Mapped[str] = mapped_column(String(50), default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[list[EvidenceFile]] = relationship(
        back_populates="grievance", cascade="all, delete-orphan", order_by="EvidenceFile.id"
    )
    __table_args__ = (
        UniqueConstraint("project_id", "number", name="uq_grievance_number"),
        Index("ix_grievance_project", "project_id", "closed_on", "due_on"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class EvidenceFile(Editable, Base):
    """A photo, notary record or letter attached to a step or a grievance, fixed by its SHA-256."""

    __tablename__ = "evidence_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_step.id", ondelete="CASCADE"), index=True)
    grievance_id: Mapped[int | None] = mapped_column(ForeignKey("grievance.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="")  # 照片 / 公证书 / 信件 / 其他
    file_name: Mapped[str] = mapped_column(String(300))
    path: Mapped[str] = mapped_column(String(1000), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime | None] = mapped_column(DateTime)
    step: Mapped[ProcedureStep | None] = relationship(back_populates="evidence")
    grievance: Mapped[Grievance | None] = relationship(back_populates="evidence")
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


PROCEDURE_EDITABLE_MODELS: tuple[type[Editable], ...] = (
    HolidayYear,
    HolidayDay,
    ProcedureSetting,
    ProcedureStep,
    PostingRecord,
    Grievance,
    EvidenceFile,
)
