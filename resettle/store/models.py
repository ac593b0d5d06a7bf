"""The register's tables (SQLAlchemy 2.x typed declarative).

Every editable table has ``version`` (optimistic locking: a stale save is a detected
conflict, not a lost update) and ``seal`` (a hash of the row's content written by the
program, so that an edit made behind its back is found by ``resettle check``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from resettle.store.types import Money, ScaledDecimal, integer_check, is_scaled


class Base(DeclarativeBase):
    pass


class Editable:
    """Columns shared by every editable (audited, sealed, versioned) table."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    seal: Mapped[str] = mapped_column(String(32), nullable=False, default="")


class Project(Editable, Base):
    __tablename__ = "project"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    approval_no: Mapped[str] = mapped_column(String(100), default="")
    approval_date: Mapped[date | None] = mapped_column(Date)
    cutoff_date: Mapped[date | None] = mapped_column(Date)  # 预公告日: nothing added after counts
    remarks: Mapped[str] = mapped_column(Text, default="")
    # Issue 9 (migration 0005): details per project; empty township fields = the office default in settings.
    reference_date: Mapped[date | None] = mapped_column(Date)  # 基准日: ages and household size counted on it
    posting_days: Mapped[int | None] = mapped_column(Integer)  # 公示期（天）; None = the program's default
    township: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 乡镇名称
    office: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 征迁办名称
    office_phone: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 联系电话
    signing_place: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 签约地点
    complaint_phone: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 监督（投诉）电话
    villages: Mapped[list[Village]] = relationship(back_populates="project", order_by="Village.id")
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Village(Editable, Base):
    __tablename__ = "village"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    project: Mapped[Project] = relationship(back_populates="villages")
    groups: Mapped[list[VillageGroup]] = relationship(back_populates="village", order_by="VillageGroup.id")
    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_village_name"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class VillageGroup(Editable, Base):
    """村民小组."""

    __tablename__ = "village_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    village: Mapped[Village] = relationship(back_populates="groups")
    __table_args__ = (UniqueConstraint("village_id", "name", name="uq_group_name"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Household(Editable, Base):
    __tablename__ = "household"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    group_id: Mapped[int] = mapped_column(ForeignKey("village_group.id", ondelete="RESTRICT"))
    household_no: Mapped[str] = mapped_column(String(50))
    head_name: Mapped[str] = mapped_column(String(50), default="")
    head_initials: Mapped[str] = mapped_column(String(50), default="")  # pinyin: 张三 -> zs
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    bank_name: Mapped[str] = mapped_column(String(100), default="")
    bank_account: Mapped[str] = mapped_column(String(40), default="")
    tags: Mapped[str] = mapped_column(String(200), default="")  # 五保户,低保户,残疾 … comma-separated
    status: Mapped[str] = mapped_column(String(20), default="已调查")
    remarks: Mapped[str] = mapped_column(Text, default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)

    group: Mapped[VillageGroup] = relationship()
    persons: Mapped[list[Person]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Person.seq"
    )
    parcels: Mapped[list[LandParcel]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="LandParcel.seq"
    )
    structures: Mapped[list[Structure]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Structure.seq"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Attachment.seq"
    )
    __table_args__ = (
        UniqueConstraint("project_id", "household_no", name="uq_household_no"),
        Index("ix_household_group", "group_id", "household_no"),
        Index("ix_household_no", "household_no"),
        Index("ix_household_head", "head_name"),
        Index("ix_household_initials", "head_initials"),
        Index("ix_household_phone", "phone"),
        Index("ix_household_batch", "batch_id"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Person(Editable, Base):
    """家庭成员."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(50))
    name_initials: Mapped[str] = mapped_column(String(50), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    relation: Mapped[str] = mapped_column(String(20), default="")
    sex: Mapped[str] = mapped_column(String(2), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    hukou_type: Mapped[str] = mapped_column(String(20), default="农业")
    education: Mapped[str] = mapped_column(String(20), default="")  # 文化程度 (job matching, training)
    resettled: Mapped[bool] = mapped_column(Boolean, default=True)  # counted as 安置人口
    registered_on: Mapped[date | None] = mapped_column(Date)  # 登记日 (cut-off guard, issue 15)
    household: Mapped[Household] = relationship(back_populates="persons")
    __table_args__ = (
        Index("ix_person_household", "household_id", "seq"),
        Index("ix_person_name", "name", "household_id"),  # covering: search reads no person rows
        Index("ix_person_initials", "name_initials", "household_id"),
        Index(
            "uq_person_id_number",
            "id_number",
            unique=True,
            sqlite_where=text("id_number <> ''"),
            postgresql_where=text("id_number <> ''"),
        ),
        Index(  # covering: an ID search reads no person rows (migration 0011)
            "ix_person_id_number_household",
            "id_number",
            "household_id",
            sqlite_where=text("id_number <> ''"),
            postgresql_where=text("id_number <> ''"),
        ),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class LandParcel(Editable, Base):
    __tablename__ = "land_parcel"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    parcel_no: Mapped[str] = mapped_column(String(50), default="")
    land_class: Mapped[str] = mapped_column(String(30), default="")
    area_mu: Mapped[Decimal] = mapped_column(ScaledDecimal(4), default=Decimal(0))
    contract_no: Mapped[str] = mapped_column(String(50), default="")
    household: Mapped[Household] = relationship(back_populates="parcels")
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Structure(Editable, Base):
    """房屋."""

    __tablename__ = "structure"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    use: Mapped[str] = mapped_column(String(20), default="住宅")
    structure_type: Mapped[str] = mapped_column(String(20), default="")
    floor_area_m2: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))
    legal_status: Mapped[str] = mapped_column(String(20), default="合法")
    year_built: Mapped[int | None] = mapped_column(Integer)
    decoration_value: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))  # 装修评估价 (元)
    registered_on: Mapped[date | None] = mapped_column(Date)  # 登记日 (cut-off guard, issue 15)
    household: Mapped[Household] = relationship(back_populates="structures")
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Attachment(Editable, Base):
    """附着物 / 青苗."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(50), default="")
    spec: Mapped[str] = mapped_column(String(100), default="")
    quantity: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))
    unit: Mapped[str] = mapped_column(String(20), default="")
    registered_on: Mapped[date | None] = mapped_column(Date)  # 登记日 (cut-off guard, issue 15)
    household: Mapped[Household] = relationship(back_populates="attachments")
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class ImportBatch(Base):
    """One import (or demo generation): where a set of records came from."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="import")  # import / demo
    file_name: Mapped[str] = mapped_column(String(500), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    households: Mapped[int] = mapped_column(Integer, default=0)
    persons: Mapped[int] = mapped_column(Integer, default=0)
    user: Mapped[str] = mapped_column(String(100), default="")
    host: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Append-only change log; triggers refuse UPDATE and DELETE; hash-chained."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    ts: Mapped[str] = mapped_column(String(32))  # UTC ISO-8601, kept as text so the hash is stable
    user: Mapped[str] = mapped_column(String(100))
    host: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))  # create / update / delete
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    household_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(50))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    batch_id: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_audit_household", "household_id", "id"),
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_batch", "batch_id"),
    )


class Setting(Base):
    """Township details and other per-database settings (key → text)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


EDITABLE_MODELS: tuple[type[Editable], ...] = (
    Project,
    Village,
    VillageGroup,
    Household,
    Person,
    LandParcel,
    Structure,
    Attachment,
)

# Every scaled (money/area) column refuses a non-integer value at the SQLite level.
for _table in Base.metadata.tables.values():
    for _col in _table.columns:
        if is_scaled(_col):
            _table.append_constraint(integer_check(_col.name, _table.name))
