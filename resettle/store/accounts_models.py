"""Accounts, agreements, instalments, payment batches and supporting documents (issue 12).

Money is INTEGER 分 (``Money``). A signed agreement's amounts are frozen: its lines are
copies of the computed lines at signing, and a later change is a supplementary agreement
(``kind = 补充协议``) with its own lines, never an edit. Households with an agreement cannot be
deleted (``RESTRICT``). Scans are stored in ``supporting_blob`` inside the register, so a
backup always carries them; the listing row (``supporting_document``) is audited.
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
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from resettle.store.models import Base, Editable
from resettle.store.types import Money, integer_check, is_scaled

__all__ = [
    "ACCOUNTS_EDITABLE_MODELS",
    "AGREEMENT_MAIN",
    "AGREEMENT_SUPPLEMENT",
    "Agreement",
    "AgreementLine",
    "Instalment",
    "Payment",
    "PaymentBatch",
    "SupportingBlob",
    "SupportingDocument",
    "UserAccount",
]

AGREEMENT_MAIN = "协议"
AGREEMENT_SUPPLEMENT = "补充协议"


class UserAccount(Editable, Base):
    """A local account. ``password_hash`` is Argon2id and never written to the audit trail."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10))  # 经办 / 审核 / 财务 / 审计 / 管理员
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    must_change: Mapped[bool] = mapped_column(Boolean, default=False)  # after a reset by an admin
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("name", name="uq_user_account_name"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Agreement(Editable, Base):
    """协议 (``seq`` 0) or 补充协议 (``seq`` 1, 2 …) of one household."""

    __tablename__ = "agreement"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(10), default=AGREEMENT_MAIN)
    mode: Mapped[str] = mapped_column(String(20), default="货币补偿")
    status: Mapped[str] = mapped_column(String(10), default="草拟")
    total: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    plan: Mapped[str] = mapped_column(String(200), default="")
    signed_on: Mapped[date | None] = mapped_column(Date)
    vacated_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    lines_digest: Mapped[str] = mapped_column(String(64), default="")  # SHA-256 of its agreement_line rows
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("household_id", "seq", name="uq_agreement_household_seq"),
        Index("ix_agreement_project", "project_id", "status"),
        CheckConstraint("kind = '协议' OR length(trim(reason)) > 0", name="ck_agreement_supplement_reason"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class AgreementLine(Base):
    """A line frozen into an agreement. Written once in bulk; migration 0006 refuses any UPDATE or
    DELETE, and the (audited, sealed) agreement row carries ``lines_digest``, the SHA-256 of its
    lines, so a line slipped in by hand is found by reconciliation."""

    __tablename__ = "agreement_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="RESTRICT"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    item: Mapped[str] = mapped_column(String(50))
    formula: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal] = mapped_column(Money())
    payee: Mapped[str] = mapped_column(String(10), default="户")
    __table_args__ = (
        Index("ix_agreement_line_agreement", "agreement_id", "seq"),
        integer_check("amount", "agreement_line"),
    )


class Instalment(Editable, Base):
    """One instalment of an agreement's payment plan (``seq`` 1 = the first)."""

    __tablename__ = "instalment"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="RESTRICT"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="RESTRICT"))
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer)
    percent: Mapped[str] = mapped_column(String(10))  # as written in the plan: "70"
    condition: Mapped[str] = mapped_column(String(10))  # 签约 / 腾房
    amount: Mapped[Decimal] = mapped_column(Money())
    paid_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (
        UniqueConstraint("agreement_id", "seq", name="uq_instalment_agreement_seq"),
        Index("ix_instalment_project", "project_id", "seq"),
        Index("ix_instalment_household", "household_id"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class PaymentBatch(Editable, Base):
    """兑付批次: what finance sent to the bank, with the audit chain head at the time."""

    __tablename__ = "payment_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    batch_no: Mapped[str] = mapped_column(String(30))
    instalment: Mapped[int] = mapped_column(Integer)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(10), default="已生成")  # 已生成 / 已回盘
    rows: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    bank_format: Mapped[str] = mapped_column(String(30), default="")
    chain_head: Mapped[str] = mapped_column(String(64), default="")
    reply_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("batch_no", name="uq_payment_batch_no"),
        Index("ix_payment_batch_project", "project_id"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class Payment(Editable, Base):
    """One line of a batch: the payee and account as sent, and the bank's answer."""

    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("payment_batch.id", ondelete="RESTRICT"))
    instalment_id: Mapped[int] = mapped_column(ForeignKey("instalment.id", ondelete="RESTRICT"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer)
    household_no: Mapped[str] = mapped_column(String(50))
    payee: Mapped[str] = mapped_column(String(50), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    bank_name: Mapped[str] = mapped_column(String(100), default="")
    bank_account: Mapped[str] = mapped_column(String(40), default="")
    amount: Mapped[Decimal] = mapped_column(Money())
    result: Mapped[str] = mapped_column(String(10), default="待回盘")  # 待回盘 / 成功 / 失败
    failure_reason: Mapped[str] = mapped_column(String(200), default="")
    result_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("batch_id", "seq", name="uq_payment_batch_seq"),
        Index("ix_payment_instalment", "instalment_id"),
        Index("ix_payment_household", "household_id"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class SupportingDocument(Editable, Base):
    """要件: a scan attached to a household, and optionally to one of its agreements or payments."""

    __tablename__ = "supporting_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="RESTRICT"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="RESTRICT"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(30))  # 签字协议 / 身份证 / 产权证明 / 银行回单
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(100), default="")
    added_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_supporting_document_household", "household_id"),)
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


class SupportingBlob(Base):
    """The bytes of a scan, keyed by their SHA-256 (stored once however often attached)."""

    __tablename__ = "supporting_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


ACCOUNTS_EDITABLE_MODELS: tuple[type[Editable], ...] = (
    UserAccount,
    Agreement,
    Instalment,
    PaymentBatch,
    Payment,
    SupportingDocument,
)

for _model in ACCOUNTS_EDITABLE_MODELS:
    _table = Base.metadata.tables[_model.__tablename__]  # type: ignore[attr-defined]
    for _col in _table.columns:
        if is_scaled(_col):
            _table.append_constraint(integer_check(_col.name, _table.name))
