"""Supporting documents (要件): scans attached to a household, an agreement or a payment.

The bytes are stored inside the register (``supporting_blob``, keyed by SHA-256), so every
backup carries them; the listing row is audited like any other change. A checklist says
which kinds each step needs and whether they are there.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.common import view_of
from resettle.services.payments.common import households_in
from resettle.store.accounts_models import Agreement, Payment, PaymentBatch, SupportingBlob, SupportingDocument
from resettle.store.database import Database

__all__ = [
    "KINDS",
    "REQUIRED",
    "ChecklistItem",
    "SupportingInfo",
    "attach_document",
    "checklist",
    "document_content",
    "list_supporting",
]

KIND_ID = "身份证"
KIND_TITLE = "产权证明"
KIND_AGREEMENT = "签字协议"
KIND_BANK = "银行回单"
KINDS = (KIND_ID, KIND_TITLE, KIND_AGREEMENT, KIND_BANK, "其他")
# step → kinds it requires
REQUIRED: dict[str, tuple[str, ...]] = {
    "签约": (KIND_ID, KIND_TITLE),
    "兑付": (KIND_AGREEMENT,),
    "归档": (KIND_BANK,),
}
MAX_BYTES = 50 * 1024 * 1024
ALLOWED_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".ofd", ".xlsx"})


@dataclass(frozen=True)
class SupportingInfo:
    id: int
    household_id: int
    agreement_id: int | None
    payment_id: int | None
    kind: str
    file_name: str
    sha256: str
    size: int
    added_by: str
    added_at: datetime | None


@dataclass(frozen=True)
class ChecklistItem:
    step: str
    kind: str
    present: bool


def _info(d: SupportingDocument) -> SupportingInfo:
    return view_of(SupportingInfo, d)


def attach_document(
    db: Database,
    project_id: int,
    household_id: int,
    kind: str,
    path: Path,
    *,
    agreement_id: int | None = None,
    payment_id: int | None = None,
) -> SupportingInfo:
    """Attach a scan; finance attaches to payments, the clerk to households and agreements."""
    require(db, Need.PAY if payment_id is not None else Need.ENTER, "添加要件")
    if kind not in KINDS:
        raise ValidationError(f"要件类别应为：{'、'.join(KINDS)}", field="类别")
    source = Path(path)
    if source.suffix.lower() not in ALLOWED_SUFFIXES:
        raise ValidationError(f"「{source.name}」不是扫描件（可用 PDF、图片、OFD）", field="文件")
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(f"「{source.name}」超过 50 MB", field="文件")
        content = source.read_bytes()
    except OSError as exc:
        raise ValidationError(f"读不了文件「{source.name}」：{exc.strerror or exc}", field="文件") from exc
    digest = hashlib.sha256(content).hexdigest()
    with db.write(reason=f"添加要件：{kind}（{source.name}）") as s:
        households_in(s, project_id, [household_id])
        if agreement_id is not None:
            ag = s.get(Agreement, agreement_id)
            if ag is None or ag.household_id != household_id:
                raise NotFoundError("该协议不属于此户。")
        if payment_id is not None:
            p = s.get(Payment, payment_id)
            batch = s.get(PaymentBatch, p.batch_id) if p is not None else None
            if p is None or p.household_id != household_id or batch is None or batch.project_id != project_id:
                raise NotFoundError("该兑付记录不属于此户。")
        if s.get(SupportingBlob, digest) is None:
            s.add(SupportingBlob(sha256=digest, content=content))
        doc = SupportingDocument(
            project_id=project_id,
            household_id=household_id,
            agreement_id=agreement_id,
            payment_id=payment_id,
            kind=kind,
            file_name=source.name[:200],
            sha256=digest,
            size=len(content),
            added_by=db.actor.user,
            added_at=datetime.now(),
        )
        s.add(doc)
        s.flush()
        return _info(doc)


def list_supporting(db: Database, project_id: int, household_id: int) -> list[SupportingInfo]:
    require(db, Need.READ, "查看要件")
    with db.read() as s:
        households_in(s, project_id, [household_id])
        return [
            _info(d)
            for d in s.scalars(
                select(SupportingDocument)
                .where(SupportingDocument.household_id == household_id)
                .order_by(SupportingDocument.id)
            )
        ]


def document_content(db: Database, project_id: int, document_id: int) -> tuple[str, bytes]:
    """(file name, bytes), checked against the stored SHA-256."""
    require(db, Need.READ, "查看要件")
    with db.read() as s:
        d = s.get(SupportingDocument, document_id)
        if d is None or d.project_id != project_id:
            raise NotFoundError(f"要件（编号 {document_id}）不存在。")
        blob = s.get(SupportingBlob, d.sha256)
        if blob is None or hashlib.sha256(blob.content).hexdigest() != d.sha256:
            raise ValidationError(f"要件「{d.file_name}」的内容与登记的 SHA-256 不符（文件被改动或缺失）。")
        return d.file_name, bytes(blob.content)


def checklist(db: Database, project_id: int, household_id: int) -> list[ChecklistItem]:
    """What each step requires, and whether it is attached."""
    require(db, Need.READ, "查看要件")
    have = {d.kind for d in list_supporting(db, project_id, household_id)}
    return [ChecklistItem(step, kind, kind in have) for step, kinds in REQUIRED.items() for kind in kinds]
