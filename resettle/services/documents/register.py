"""The document register: numbers, verification codes and snapshots of issued documents.

A household's document keeps its number while its amounts (and the terms the clerk set)
stay the same: printing it again is a reprint. When the amounts change, the next print
gets a new number; the old one stays in the register and its code then verifies as
"changed". Rows are written through the ORM, so each issue and each printing is audited.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.documents.codes import format_code, number_text, verification_code
from resettle.documents.data import Issue, Terms, amounts_of
from resettle.documents.kinds import DocumentKind, KindInfo, kind_of
from resettle.domain.money import to_fen
from resettle.domain.posting import posting_days, posting_period
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.common import view_of
from resettle.services.documents.data import chain_stamp
from resettle.store.database import Database
from resettle.store.document_models import IssuedDocument
from resettle.store.models import Setting

__all__ = [
    "CODE_KEY",
    "DocumentOptions",
    "Issued",
    "IssuedDocumentInfo",
    "Wanted",
    "code_key",
    "info_of",
    "issue",
    "list_documents",
    "record_printed",
]

CODE_KEY = "documents.code_key"  # per-register secret of the verification codes (Setting table)


@dataclass(frozen=True)
class DocumentOptions:
    """Terms an office sets when it issues. None means: as the document was issued before, or the default.

    Defaults for a new document: signing deadline 30 days after the issue date, payment
    within 30 days of signing, 公示 from the issue date for the project's posting period
    (resettle.domain.posting: the project's days, else 30)."""

    sign_deadline: date | None = None
    payment_days: int | None = None
    moving_deadline: date | None = None
    posting_from: date | None = None
    posting_days: int | None = None
    require_reviewed: bool = False  # print only households whose compensation was reviewed (已复核)

    def terms(self, today: date, project_posting_days: int | None = None) -> Terms:
        days = self.posting_days if self.posting_days is not None else posting_days(project_posting_days)
        if days < 1:
            raise ValidationError("公示期至少 1 天", field="公示天数")
        start, end = posting_period(self.posting_from or today, days)
        return Terms(
            sign_deadline=self.sign_deadline or today + timedelta(days=30),
            payment_days=self.payment_days if self.payment_days is not None else 30,
            moving_deadline=self.moving_deadline,
            posting_from=start,
            posting_to=end,
        )

    def accepts(self, stored: Terms) -> bool:
        """Whether a document issued with ``stored`` terms satisfies what the clerk asked for now."""
        if self.sign_deadline is not None and stored.sign_deadline != self.sign_deadline:
            return False
        if self.payment_days is not None and stored.payment_days != self.payment_days:
            return False
        if self.moving_deadline is not None and stored.moving_deadline != self.moving_deadline:
            return False
        if self.posting_from is not None and stored.posting_from != self.posting_from:
            return False
        if self.posting_days is not None and stored.posting_from and stored.posting_to:
            return (stored.posting_to - stored.posting_from).days + 1 == self.posting_days
        return True


@dataclass(frozen=True)
class IssuedDocumentInfo:
    id: int
    kind: str
    kind_title: str
    number: str
    code: str  # as printed
    household_id: int | None
    household_no: str
    head_name: str
    scope_label: str
    issued_at: datetime
    issued_by: str
    total: Decimal
    print_count: int
    last_printed_at: datetime | None
    last_printed_by: str


def code_key(s: Session) -> bytes:
    row = s.get(Setting, CODE_KEY)
    if row is None:
        row = Setting(key=CODE_KEY, value=secrets.token_hex(32))
        s.add(row)
        s.flush()
    return bytes.fromhex(row.value)


def info_of(doc: IssuedDocument) -> IssuedDocumentInfo:
    return view_of(IssuedDocumentInfo, doc, kind_title=kind_of(doc.kind).short, code=format_code(doc.code))


@dataclass(frozen=True)
class Wanted:
    """One document to issue (or reuse): who it is for and what it will state."""

    household_id: int | None
    household_no: str
    head_name: str
    scope: str
    scope_label: str
    snapshot: dict[str, Any]
    total: Decimal


@dataclass(frozen=True)
class Issued:
    document_id: int
    issue: Issue
    terms: Terms
    snapshot: dict[str, Any]
    new: bool


def _latest(s: Session, kind: str, wanted: Sequence[Wanted]) -> dict[str, IssuedDocument]:
    """The newest issued document of ``kind`` for each scope in ``wanted``."""
    scopes = list({w.scope for w in wanted})
    out: dict[str, IssuedDocument] = {}
    for start in range(0, len(scopes), 500):
        for doc in s.scalars(
            select(IssuedDocument)
            .where(IssuedDocument.kind == kind, IssuedDocument.scope.in_(scopes[start : start + 500]))
            .order_by(IssuedDocument.id.desc())
        ):
            out.setdefault(doc.scope, doc)
    return out


def _reuse(doc: IssuedDocument, info: KindInfo) -> Issued:
    snapshot = json.loads(doc.snapshot)
    stamp = Issue(
        kind=info.kind.value,
        title=info.title,
        number=doc.number,
        code=format_code(doc.code),
        issued_on=doc.issued_at.date(),
        reprint=doc.print_count > 0,
        print_no=doc.print_count + 1,
    )
    return Issued(doc.id, stamp, Terms.from_json(snapshot.get("terms", {})), snapshot, False)


def issue(
    db: Database,
    info: KindInfo,
    project_id: int,
    wanted: Sequence[Wanted],
    options: DocumentOptions,
    terms: Terms,
    *,
    exact: IssuedDocument | None = None,
) -> list[Issued]:
    """Number the documents in ``wanted`` (or reuse earlier numbers), in one transaction."""
    require(db, Need.ENTER, "出具文书")
    with db.write(reason=f"出具{info.short}") as s:
        if exact is not None:
            doc = s.get(IssuedDocument, exact.id)
            if doc is None:
                raise NotFoundError(f"登记簿中没有 {exact.number}。")
            return [_reuse(doc, info)]
        latest = _latest(s, info.kind.value, wanted)
        reused: dict[int, Issued] = {}
        fresh: list[tuple[int, IssuedDocument, dict[str, Any]]] = []
        for index, w in enumerate(wanted):
            prev = latest.get(w.scope)
            if prev is not None:
                stored = json.loads(prev.snapshot)
                stored_terms = Terms.from_json(stored.get("terms", {}))
                if amounts_of(stored) == amounts_of(w.snapshot) and options.accepts(stored_terms):
                    reused[index] = _reuse(prev, info)
                    continue
            fresh.append((index, _new_document(info, project_id, w, db.actor.user), dict(w.snapshot)))
        if fresh:
            _number(s, info, fresh)
        by_index = {index: (doc, snapshot) for index, doc, snapshot in fresh}
        out: list[Issued] = []
        for index in range(len(wanted)):
            if index in reused:
                out.append(reused[index])
                continue
            doc, snapshot = by_index[index]
            stamp = Issue(info.kind.value, info.title, doc.number, format_code(doc.code), doc.issued_at.date())
            out.append(Issued(doc.id, stamp, terms, snapshot, True))
        return out


def _new_document(info: KindInfo, project_id: int, w: Wanted, user: str) -> IssuedDocument:
    return IssuedDocument(
        kind=info.kind.value,
        series=info.series,
        project_id=project_id,
        household_id=w.household_id,
        household_no=w.household_no,
        head_name=w.head_name,
        scope=w.scope,
        scope_label=w.scope_label,
        issued_by=user,
        total=w.total,
        print_count=0,
        last_printed_by="",
    )


def _number(s: Session, info: KindInfo, fresh: list[tuple[int, IssuedDocument, dict[str, Any]]]) -> None:
    """Give new documents the next numbers of their series and their verification codes, then flush."""
    key = code_key(s)
    now = datetime.now()
    seq = 1 + int(
        s.scalar(
            select(func.max(IssuedDocument.seq)).where(
                IssuedDocument.kind == info.kind.value, IssuedDocument.year == now.year
            )
        )
        or 0
    )
    head = chain_stamp(s.connection()) if info.kind is DocumentKind.DISCLOSURE else None
    for _index, doc, snapshot in fresh:
        if head is not None:  # the audit chain as it stood when the list was issued
            snapshot["chain_head"], snapshot["chain_seq"] = head.hash, head.seq
        doc.year, doc.seq, doc.number = now.year, seq, number_text(info.series, now.year, seq)
        issued_at = now
        code = verification_code(key, doc.number, doc.scope, to_fen(doc.total), issued_at)
        while s.scalar(select(IssuedDocument.id).where(IssuedDocument.code == code)) is not None:
            issued_at += timedelta(microseconds=1)  # a one-in-10^15 collision: move the input, not the rule
            code = verification_code(key, doc.number, doc.scope, to_fen(doc.total), issued_at)
        doc.code, doc.issued_at = code, issued_at
        doc.snapshot = json.dumps(snapshot, ensure_ascii=False, sort_keys=True)
        s.add(doc)
        seq += 1
    s.flush()


def record_printed(db: Database, document_ids: Sequence[int]) -> None:
    """Count one more printing of each document (after its pages were really written or sent)."""
    require(db, Need.ENTER, "登记打印")
    ids = sorted({i for i in document_ids if i is not None and i > 0})
    if not ids:
        return
    now = datetime.now()
    with db.write(reason="打印文书") as s:
        for start in range(0, len(ids), 500):
            for doc in s.scalars(select(IssuedDocument).where(IssuedDocument.id.in_(ids[start : start + 500]))):
                doc.print_count += 1
                doc.last_printed_at = now
                doc.last_printed_by = db.actor.user


def list_documents(
    db: Database, *, household_id: int | None = None, kind: str | None = None, limit: int = 500
) -> list[IssuedDocumentInfo]:
    """The register, newest first (one household's documents, or one kind)."""
    require(db, Need.READ, "查看文书登记")
    q = select(IssuedDocument).order_by(IssuedDocument.id.desc()).limit(limit)
    if household_id is not None:
        q = q.where(IssuedDocument.household_id == household_id)
    if kind is not None:
        q = q.where(IssuedDocument.kind == kind_of(kind).kind.value)
    with db.read() as s:
        return [info_of(d) for d in s.scalars(q)]
