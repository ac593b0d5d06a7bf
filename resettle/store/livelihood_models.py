"""Livelihood: labour status, employment, training, jobs, referrals, visits, social security (issue 14).

Every table is editable (versioned, sealed, written to the audit trail). Money (wages,
incomes, benefits) is INTEGER 分 through ``Money``. A social-security standard once
published is frozen by triggers (migration 0008), like a published rate table.
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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from resettle.store.models import Base, Editable
from resettle.store.types import Money, integer_check, is_scaled

__all__ = [
    "LIVELIHOOD_EDITABLE_MODELS",
    "REFERRAL_STATES",
    "SS_DRAFT",
    "SS_PUBLISHED",
    "EmploymentRecord",
    "FollowUpVisit",
    "JobPost",
    "LabourPerson",
    "LabourSettings",
    "Referral",
    "SocialSecurityBand",
    "SocialSecurityEnrolment",
    "SocialSecurityStandard",
    "TrainingCourse",
    "TrainingEnrolment",
]

SS_DRAFT = "草稿"
SS_PUBLISHED = "已发布"
REFERRAL_STATES = ("推荐", "面试", "录用", "未录用")


class LabourSettings(Editable, Base):
    """Per project: the reference date for ages and the working-age limits by sex."""

    __tablename__ = "labour_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    reference_date: Mapped[date | None] = mapped_column(Date)
    min_age: Mapped[int] = mapped_column(Integer, default=16)
    male_retirement: Mapped[int] = mapped_column(Integer, default=60)
    female_retirement: Mapped[int] = mapped_column(Integer, default=50)
    visit_interval_months: Mapped[int] = mapped_column(Integer, default=6)
    __table_args__ = (UniqueConstraint("project_id", name="uq_labour_settings_project"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class LabourPerson(Editable, Base):
    """A person's current labour status (the history is in ``employment_record``)."""

    __tablename__ = "labour_person"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    condition: Mapped[str] = mapped_column(String(20), default="")  # "" / 在校学生 / 丧失劳动能力
    state: Mapped[str] = mapped_column(String(20), default="")  # labour.EMPLOYMENT_STATES or ""
    employer: Mapped[str] = mapped_column(String(200), default="")
    post: Mapped[str] = mapped_column(String(100), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    monthly_income: Mapped[Decimal | None] = mapped_column(Money())
    unemployed_since: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("person_id", name="uq_labour_person_person"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class EmploymentRecord(Editable, Base):
    """One change of a person's employment state (imported, hired through a referral, typed)."""

    __tablename__ = "employment_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20))
    employer: Mapped[str] = mapped_column(String(200), default="")
    post: Mapped[str] = mapped_column(String(100), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    monthly_income: Mapped[Decimal | None] = mapped_column(Money())
    source: Mapped[str] = mapped_column(String(50), default="")  # 导入 file name / 录用 / 录入
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_employment_record_person", "person_id", "id"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class TrainingCourse(Editable, Base):
    __tablename__ = "training_course"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(50), default="")  # 保洁 / 保安 / 电工 / 家政 / 驾驶 / 电子商务 …
    provider: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[int] = mapped_column(Integer, default=0)
    enrolments: Mapped[list[TrainingEnrolment]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="TrainingEnrolment.id"
    )
    __table_args__ = (Index("ix_training_course_project", "project_id", "name", "start_date"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class TrainingEnrolment(Editable, Base):
    __tablename__ = "training_enrolment"
    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("training_course.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    attended_hours: Mapped[int] = mapped_column(Integer, default=0)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    certificate_name: Mapped[str] = mapped_column(String(100), default="")
    certificate_no: Mapped[str] = mapped_column(String(100), default="")
    course: Mapped[TrainingCourse] = relationship(back_populates="enrolments")
    __table_args__ = (
        UniqueConstraint("course_id", "person_id", name="uq_training_enrolment"),
        Index("ix_training_enrolment_person", "person_id"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class JobPost(Editable, Base):
    """岗位: places a park enterprise offers, with its requirements (ages inclusive, None = none)."""

    __tablename__ = "job_post"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    enterprise: Mapped[str] = mapped_column(String(200))
    post: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(50), default="")
    places: Mapped[int] = mapped_column(Integer, default=1)
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(2), default="")
    certificate: Mapped[str] = mapped_column(String(100), default="")
    wage: Mapped[Decimal | None] = mapped_column(Money())
    __table_args__ = (
        UniqueConstraint("project_id", "enterprise", "post", name="uq_job_post"),
        CheckConstraint("places >= 0", name="ck_job_post_places"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Referral(Editable, Base):
    """推荐 → 面试 → 录用 / 未录用 of one person to one post, with the reasons it was proposed."""

    __tablename__ = "referral"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("job_post.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10), default="推荐")
    reasons: Mapped[str] = mapped_column(Text, default="")  # one reason per line
    referred_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        UniqueConstraint("post_id", "person_id", name="uq_referral"),
        Index("ix_referral_person", "person_id"),
        CheckConstraint("status IN ('推荐', '面试', '录用', '未录用')", name="ck_referral_status"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class FollowUpVisit(Editable, Base):
    """回访: a visit with the state found and the income reported."""

    __tablename__ = "follow_up_visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    visit_date: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="")
    monthly_income: Mapped[Decimal | None] = mapped_column(Money())
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_follow_up_visit_person", "person_id", "visit_date"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class SocialSecurityStandard(Editable, Base):
    """被征地农民养老保障标准 of a project, one revision of it."""

    __tablename__ = "ss_standard"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    reference_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=SS_DRAFT)
    source_file: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(100), default="")
    bands: Mapped[list[SocialSecurityBand]] = relationship(
        back_populates="standard", cascade="all, delete-orphan", order_by="SocialSecurityBand.seq"
    )
    __table_args__ = (UniqueConstraint("project_id", "revision", name="uq_ss_standard_revision"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class SocialSecurityBand(Editable, Base):
    __tablename__ = "ss_band"
    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("ss_standard.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    band: Mapped[str] = mapped_column(String(50))
    sex: Mapped[str] = mapped_column(String(2))
    start_age: Mapped[int] = mapped_column(Integer)  # inclusive
    end_age: Mapped[int] = mapped_column(Integer)  # exclusive
    benefit: Mapped[str] = mapped_column(String(100), default="")
    amount: Mapped[Decimal] = mapped_column(Money())
    standard: Mapped[SocialSecurityStandard] = relationship(back_populates="bands")
    __table_args__ = (Index("ix_ss_band_standard", "standard_id", "seq"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class SocialSecurityEnrolment(Editable, Base):
    """The bureau's answer for one person, from the last reconciled reply."""

    __tablename__ = "ss_enrolment"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    standard_id: Mapped[int | None] = mapped_column(ForeignKey("ss_standard.id", ondelete="SET NULL"), index=True)
    band: Mapped[str] = mapped_column(String(50), default="")  # our band
    reply_band: Mapped[str] = mapped_column(String(50), default="")  # the bureau's band where it differs
    outcome: Mapped[str] = mapped_column(String(20), default="")  # reconciliation outcome
    reason: Mapped[str] = mapped_column(Text, default="")  # the bureau's 备注
    reconciled_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("person_id", name="uq_ss_enrolment_person"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


LIVELIHOOD_EDITABLE_MODELS: tuple[type[Editable], ...] = (
    LabourSettings,
    LabourPerson,
    EmploymentRecord,
    TrainingCourse,
    TrainingEnrolment,
    JobPost,
    Referral,
    FollowUpVisit,
    SocialSecurityStandard,
    SocialSecurityBand,
    SocialSecurityEnrolment,
)

for _model in LIVELIHOOD_EDITABLE_MODELS:
    _table = Base.metadata.tables[_model.__tablename__]  # type: ignore[attr-defined]
    for _col in _table.columns:
        if is_scaled(_col):
            _table.append_constraint(integer_check(_col.name, _table.name))
