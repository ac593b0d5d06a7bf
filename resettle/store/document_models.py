"""The document register: every issued notice, agreement, 公示表 and voucher, with its number.

A row is written when a document is first issued and is never deleted; only its printing
record (how often, when, by whom) changes afterwards. Migration 0003 adds triggers that
refuse a DELETE and any UPDATE of what the document asserted (number, code, household,
snapshot, total), so not even raw SQL can rewrite an issued document. ``household_id`` is
deliberately not a foreign key: the register keeps its row (and the household's number
and head's name as printed) even when the household is later deleted.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from resettle.store.models import Base, Editable
from resettle.store.types import Money, integer_check

__all__ = ["DOCUMENT_EDITABLE_MODELS", "FROZEN_COLUMNS", "IssuedDocument"]


class IssuedDocument(Editable, Base):
    __tablename__ = "issued_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # notice / agreement / disclosure / voucher
    series: Mapped[str] = mapped_column(String(10))  # 征补, 征协, 征公, 征领
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)  # number within series and year
    number: Mapped[str] = mapped_column(String(50))  # 征补〔2026〕第 15 号
    code: Mapped[str] = mapped_column(String(16))  # verification code, Crockford base32
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    household_id: Mapped[int | None] = mapped_column(Integer)  # None for a 公示表
    household_no: Mapped[str] = mapped_column(String(50), default="")
    head_name: Mapped[str] = mapped_column(String(50), default="")
    scope: Mapped[str] = mapped_column(String(50))  # household:12 / group:3 / village:2 / project:1
    scope_label: Mapped[str] = mapped_column(String(200), default="")
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    snapshot: Mapped[str] = mapped_column(Text)  # JSON: lines (or households) and total, terms
    total: Mapped[Decimal] = mapped_column(Money())
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    last_printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_printed_by: Mapped[str] = mapped_column(String(100), default="")
    __table_args__ = (
        UniqueConstraint("kind", "year", "seq", name="uq_issued_document_number"),
        UniqueConstraint("code", name="uq_issued_document_code"),
        Index("ix_issued_document_household", "household_id", "kind", "id"),
        Index("ix_issued_document_scope", "scope", "kind", "id"),
        Index("ix_issued_document_project", "project_id"),
        integer_check("total", "issued_document"),
    )
    __mapper_args__ = {"version_id_col": Editable.version}  # noqa: RUF012


# What an issued document asserted: fixed once written (triggers in migration 0003).
FROZEN_COLUMNS = (
    "kind",
    "series",
    "year",
    "seq",
    "number",
    "code",
    "project_id",
    "household_id",
    "household_no",
    "head_name",
    "scope",
    "scope_label",
    "issued_at",
    "issued_by",
    "snapshot",
    "total",
)

DOCUMENT_EDITABLE_MODELS: tuple[type[Editable], ...] = (IssuedDocument,)
