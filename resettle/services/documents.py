"""Printed documents: issue (number + verification code + snapshot), render, export, verify.

Issuing and printing are separate steps so that nothing is lost between them:

1. *issue* (one short write transaction per chunk): each household's document gets its
   number in its series, or keeps the number of its previous issue when the amounts (and
   any terms the clerk set) are unchanged;
2. *render and paint* without holding the database;
3. *record the printing* (print count, last printed) only for what was really written.

A document that was numbered but never printed (a cancelled run) is printed under the same
number next time, as a first print; a document printed before is marked 重印.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import jinja2
from PySide6.QtGui import QPagedPaintDevice
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.documents.codes import format_code, normalise_code, number_text, verification_code
from resettle.documents.data import (
    PAYEE_HOUSEHOLD,
    ZERO,
    Compensation,
    DisclosureDocument,
    DisclosureRow,
    HouseholdDocument,
    HouseholdInfo,
    Issue,
    ItemLine,
    ProjectInfo,
    Terms,
    amounts_of,
    disclosure_pages,
    disclosure_snapshot,
    household_snapshot,
)
from resettle.documents.fonts import DocumentFonts, chinese_families, ensure_gui_app, resolve_fonts
from resettle.documents.kinds import DocumentKind, KindInfo, kind_of
from resettle.documents.render import PdfBook, PrintableDocument, PrintCancelled, paint, write_pdf
from resettle.documents.templates import (
    customise_template,
    is_customised,
    make_environment,
    render_html,
    restore_default_template,
    template_source,
)
from resettle.domain.mask import mask
from resettle.domain.money import format_yuan, to_fen
from resettle.errors import NotFoundError, ValidationError
from resettle.services import compensation as compensation_service
from resettle.services.document_data import (
    Scope,
    lines_of_view,
    load_compensation,
    load_households,
    load_project,
    scope_households,
)
from resettle.services.settings import TownshipDetails, get_document_font, get_township, save_document_font
from resettle.store.audit import chain_head
from resettle.store.compensation_models import STATUS_NONE, STATUS_REVIEWED, ProjectRateTable
from resettle.store.database import Database
from resettle.store.document_models import IssuedDocument
from resettle.store.models import Setting

__all__ = [
    "DocumentFonts",
    "DocumentKind",
    "DocumentOptions",
    "ExportResult",
    "IssuedDocumentInfo",
    "PrintCancelled",
    "PrintRun",
    "VerifyResult",
    "customise_template",
    "document_font_choices",
    "document_fonts",
    "export_pdf",
    "is_customised",
    "list_documents",
    "prepare_documents",
    "print_documents",
    "record_printed",
    "reprint_document",
    "restore_default_template",
    "set_document_font",
    "template_source",
    "verify_document",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CODE_KEY = "documents.code_key"
CHUNK = 50  # households issued and painted per step
LAND_CLASS_ORDER = ("水田", "旱地", "园地", "林地", "其他农用地")
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class DocumentOptions:
    """Terms an office sets when it issues. None means: as the document was issued before, or the default.

    Defaults for a new document: signing deadline 30 days after the issue date, payment
    within 30 days of signing, 公示 for 10 days from the issue date."""

    sign_deadline: date | None = None
    payment_days: int | None = None
    moving_deadline: date | None = None
    posting_from: date | None = None
    posting_days: int | None = None
    require_reviewed: bool = False  # print only households whose compensation was reviewed (已复核)

    def terms(self, today: date) -> Terms:
        start = self.posting_from or today
        days = self.posting_days if self.posting_days is not None else 10
        if days < 1:
            raise ValidationError("公示期至少 1 天", field="公示天数")
        return Terms(
            sign_deadline=self.sign_deadline or today + timedelta(days=30),
            payment_days=self.payment_days if self.payment_days is not None else 30,
            moving_deadline=self.moving_deadline,
            posting_from=start,
            posting_to=start + timedelta(days=days - 1),
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
class ExportResult:
    kind: str
    files: tuple[Path, ...]
    documents: int
    pages: int
    issued: int  # newly numbered
    reprints: int  # printed before: marked 重印
    skipped: tuple[str, ...] = ()  # households left out, with the reason
    font_note: str = ""

    @property
    def message(self) -> str:
        text = f"已打印 {self.documents:,} 份（{self.pages:,} 页），新编号 {self.issued:,} 份"
        if self.reprints:
            text += f"，重印 {self.reprints:,} 份"
        if self.skipped:
            text += f"；{len(self.skipped):,} 户未打印（{self.skipped[0]}{'等' if len(self.skipped) > 1 else ''}）"
        if self.font_note:
            text += "。" + self.font_note
        return text


@dataclass(frozen=True)
class PrintRun:
    """Documents ready to paint on any device (the window's preview and printer)."""

    kind: str
    documents: tuple[PrintableDocument, ...]
    fonts: DocumentFonts
    issued: int
    reprints: int
    skipped: tuple[str, ...] = ()
    draft: bool = False


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


@dataclass(frozen=True)
class VerifyResult:
    """What a verification code printed on a document refers to, and whether its amounts still hold."""

    code: str
    status: Literal["current", "changed"]
    document: IssuedDocumentInfo
    issued_total: Decimal
    current_total: Decimal | None  # None when the household no longer exists
    authentic: bool  # the register row still matches the code it was issued with
    changes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str:
        d = self.document
        who = f"户号 {d.household_no}，户主 {d.head_name}" if d.household_id is not None else d.scope_label
        text = (
            f"{d.kind_title} {d.number}（{who}），{d.issued_at:%Y年%m月%d日} 由 {d.issued_by} 出具，"
            f"已打印 {d.print_count} 次。所列金额 {format_yuan(to_fen(self.issued_total))} 元"
        )
        if self.status == "current":
            text += "，与现在登记的金额一致。"
        else:
            text += "，与现在登记的金额不一致：" + "；".join(self.changes[:5])
            if len(self.changes) > 5:
                text += f" 等 {len(self.changes)} 处"
            text += "。"
        if not self.authentic:
            text += "注意：登记簿中这份文书的记录与校验码不符，可能被改动过。"
        return text


# -- fonts and templates ------------------------------------------------------------------------


def document_font_choices() -> list[str]:
    """Installed families that can print Chinese, the usual Song/Hei faces first."""
    return chinese_families()


def document_fonts(db: Database) -> DocumentFonts:
    """The fonts printing will use now (the office's choice when installed here)."""
    return resolve_fonts(get_document_font(db))


def set_document_font(db: Database, family: str) -> DocumentFonts:
    """Choose the body font of printed documents ("" = automatic); refuses one that cannot print Chinese."""
    family = family.strip()
    if family and family not in chinese_families():
        raise ValidationError(f"字体「{family}」未安装或不能显示中文，请从列表中选择。", field="文书字体")
    save_document_font(db, family)
    return resolve_fonts(family)


# -- the register ---------------------------------------------------------------------------------


def _code_key(s: Session) -> bytes:
    row = s.get(Setting, CODE_KEY)
    if row is None:
        row = Setting(key=CODE_KEY, value=secrets.token_hex(32))
        s.add(row)
        s.flush()
    return bytes.fromhex(row.value)


def _subject(doc: IssuedDocument) -> str:
    return f"{doc.kind}|{doc.scope}|{doc.household_id or ''}"


def _info(doc: IssuedDocument) -> IssuedDocumentInfo:
    return IssuedDocumentInfo(
        id=doc.id,
        kind=doc.kind,
        kind_title=kind_of(doc.kind).short,
        number=doc.number,
        code=format_code(doc.code),
        household_id=doc.household_id,
        household_no=doc.household_no,
        head_name=doc.head_name,
        scope_label=doc.scope_label,
        issued_at=doc.issued_at,
        issued_by=doc.issued_by,
        total=doc.total,
        print_count=doc.print_count,
        last_printed_at=doc.last_printed_at,
        last_printed_by=doc.last_printed_by,
    )


@dataclass(frozen=True)
class _Wanted:
    """One document to issue (or reuse): who it is for and what it will state."""

    household_id: int | None
    household_no: str
    head_name: str
    scope: str
    scope_label: str
    snapshot: dict[str, Any]
    total: Decimal


@dataclass(frozen=True)
class _Issued:
    document_id: int
    issue: Issue
    terms: Terms
    snapshot: dict[str, Any]
    new: bool


def _latest(s: Session, kind: str, wanted: Sequence[_Wanted]) -> dict[str, IssuedDocument]:
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


def _reuse(doc: IssuedDocument, info: KindInfo) -> _Issued:
    snapshot = json.loads(doc.snapshot)
    issue = Issue(
        kind=info.kind.value,
        title=info.title,
        number=doc.number,
        code=format_code(doc.code),
        issued_on=doc.issued_at.date(),
        reprint=doc.print_count > 0,
        print_no=doc.print_count + 1,
    )
    return _Issued(doc.id, issue, Terms.from_json(snapshot.get("terms", {})), snapshot, False)


def _issue(
    db: Database,
    info: KindInfo,
    project_id: int,
    wanted: Sequence[_Wanted],
    options: DocumentOptions,
    terms: Terms,
    *,
    exact: IssuedDocument | None = None,
) -> list[_Issued]:
    """Number the documents in ``wanted`` (or reuse earlier numbers), in one transaction."""
    with db.write(reason=f"出具{info.short}") as s:
        if exact is not None:
            doc = s.get(IssuedDocument, exact.id)
            if doc is None:
                raise NotFoundError(f"登记簿中没有 {exact.number}。")
            return [_reuse(doc, info)]
        latest = _latest(s, info.kind.value, wanted)
        reused: dict[int, _Issued] = {}
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
        out: list[_Issued] = []
        for index in range(len(wanted)):
            if index in reused:
                out.append(reused[index])
                continue
            doc, snapshot = by_index[index]
            issue = Issue(info.kind.value, info.title, doc.number, format_code(doc.code), doc.issued_at.date())
            out.append(_Issued(doc.id, issue, terms, snapshot, True))
        return out


def _new_document(info: KindInfo, project_id: int, w: _Wanted, user: str) -> IssuedDocument:
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
    key = _code_key(s)
    now = datetime.now()
    seq = 1 + int(
        s.scalar(
            select(func.max(IssuedDocument.seq)).where(
                IssuedDocument.kind == info.kind.value, IssuedDocument.year == now.year
            )
        )
        or 0
    )
    head = chain_head(s.connection()) if info.kind is DocumentKind.DISCLOSURE else ""
    for _index, doc, snapshot in fresh:
        if head:
            snapshot["chain_head"] = head  # the audit chain as it stood when the list was issued
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
    q = select(IssuedDocument).order_by(IssuedDocument.id.desc()).limit(limit)
    if household_id is not None:
        q = q.where(IssuedDocument.household_id == household_id)
    if kind is not None:
        q = q.where(IssuedDocument.kind == kind_of(kind).kind.value)
    with db.read() as s:
        return [_info(d) for d in s.scalars(q)]


# -- building documents -----------------------------------------------------------------------


def _file_stem(h: HouseholdInfo) -> str:
    stem = _UNSAFE_FILE_CHARS.sub("_", f"{h.household_no}_{h.head_name}").strip(" .")
    return stem or f"户{h.id}"


def _lines_for(info: KindInfo, comp: Compensation) -> tuple[ItemLine, ...]:
    """What a document lists: the voucher only what is paid to the household itself."""
    if info.kind is DocumentKind.VOUCHER:
        return comp.to(PAYEE_HOUSEHOLD)
    return comp.lines


def _default_months(s: Session, project_id: int) -> int | None:
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
    return link.transition_months if link is not None else None


def _skip_reason(comp: Compensation, options: DocumentOptions) -> str | None:
    if comp.status == STATUS_NONE:
        return "尚未计算补偿"
    if options.require_reviewed and comp.status != STATUS_REVIEWED:
        return "补偿尚未复核"
    return None


@dataclass
class _Job:
    """Everything a print run needs once: kind, scope, project, township, fonts, templates."""

    db: Database
    info: KindInfo
    options: DocumentOptions
    draft: bool
    fonts: DocumentFonts
    env: jinja2.Environment
    township: TownshipDetails
    project: ProjectInfo
    scope: Scope
    scope_label: str
    household_ids: list[int]
    terms: Terms
    default_months: int | None
    skipped: list[str] = field(default_factory=list)
    issued: int = 0
    reprints: int = 0


def _start(
    db: Database, kind: str | DocumentKind, scope: Scope, options: DocumentOptions | None, draft: bool
) -> _Job:
    info = kind_of(kind)
    options = options or DocumentOptions()
    ensure_gui_app()
    fonts = document_fonts(db)  # refuse before anything is numbered when no Chinese font exists
    with db.read() as s:
        project_id, ids, label = scope_households(s, scope)
        project = load_project(s, project_id)
        months = _default_months(s, project_id)
    if not ids:
        raise ValidationError("所选范围内没有户。")
    return _Job(
        db=db,
        info=info,
        options=options,
        draft=draft,
        fonts=fonts,
        env=make_environment(),
        township=get_township(db),
        project=project,
        scope=scope,
        scope_label=label,
        household_ids=ids,
        terms=options.terms(date.today()),
        default_months=months,
    )


def _household_documents(
    job: _Job, ids: Sequence[int], *, exact: IssuedDocument | None = None
) -> list[PrintableDocument]:
    """Issue (unless drafting) and render one chunk of per-household documents."""
    with job.db.read() as s:
        households = load_households(s, ids)
        comps = load_compensation(s, ids, job.default_months)
    chosen: list[tuple[HouseholdInfo, Compensation, tuple[ItemLine, ...]]] = []
    for hid in ids:
        h, comp = households[hid], comps[hid]
        reason = _skip_reason(comp, job.options)
        if reason is not None:
            job.skipped.append(f"{h.household_no} {h.head_name}：{reason}")
            continue
        chosen.append((h, comp, _lines_for(job.info, comp)))
    if not chosen:
        return []
    if job.draft:
        issued = [
            _Issued(0, Issue(job.info.kind.value, job.info.title, "", "", date.today(), draft=True), job.terms, {}, False)
            for _ in chosen
        ]
    else:
        wanted = [
            _Wanted(
                h.id,
                h.household_no,
                h.head_name,
                f"household:{h.id}",
                f"{h.village}{h.group}",
                household_snapshot(lines, job.terms),
                sum((ln.amount for ln in lines), ZERO),
            )
            for h, _comp, lines in chosen
        ]
        issued = _issue(job.db, job.info, job.project.id, wanted, job.options, job.terms, exact=exact)
        if exact is not None and amounts_of(issued[0].snapshot) != amounts_of(wanted[0].snapshot):
            raise ValidationError(
                f"{exact.number} 所列金额与现在登记的金额不同，不能按原编号重印；请重新出具（将取得新编号）。"
            )
    out = []
    for (h, comp, _lines), it in zip(chosen, issued, strict=True):
        job.issued += int(it.new)
        job.reprints += int(it.issue.reprint)
        context = HouseholdDocument(it.issue, job.township, job.project, h, comp, it.terms)
        html = render_html(job.env, job.info.kind, _context(job, context))
        out.append(_printable(job, it, (html,), h.id, _file_stem(h)))
    return out


def _context(job: _Job, document: HouseholdDocument | DisclosureDocument) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc": document,
        "issue": document.issue,
        "township": document.township,
        "project": document.project,
        "terms": document.terms,
        "issuer": document.issuer,
        "fonts": job.fonts,
    }
    if isinstance(document, HouseholdDocument):
        base["h"] = document.household
    return base


def _printable(
    job: _Job, it: _Issued, parts: tuple[str, ...], household_id: int | None, stem: str
) -> PrintableDocument:
    return PrintableDocument(
        kind=job.info.kind.value,
        title=job.info.title,
        parts=parts,
        number=it.issue.number,
        code=it.issue.code,
        landscape=job.info.landscape,
        reprint=it.issue.reprint,
        print_no=it.issue.print_no,
        draft=it.issue.draft,
        household_id=household_id,
        document_id=it.document_id if it.document_id > 0 else None,
        file_stem=stem,
    )


def _land_order(classes: set[str]) -> tuple[str, ...]:
    known = [c for c in LAND_CLASS_ORDER if c in classes]
    return (*known, *sorted(classes - set(known)))


def _disclosure_rows(
    households: dict[int, HouseholdInfo], comps: dict[int, Compensation], ids: Sequence[int]
) -> list[DisclosureRow]:
    rows = []
    one_village = len({households[i].village for i in ids}) == 1  # then the group alone says where
    for seq, hid in enumerate(ids, start=1):
        h, comp = households[hid], comps[hid]
        amounts: dict[str, Decimal] = {}
        for ln in comp.lines:
            amounts[ln.item] = amounts.get(ln.item, ZERO) + ln.amount
        rows.append(
            DisclosureRow(
                seq=seq,
                household_id=h.id,
                household_no=h.household_no,
                head_name=h.head_name,
                village_group=h.group if one_village else h.village_group,
                persons=h.persons,
                id_masked=mask(h.head_id_number, "id"),
                phone_masked=mask(h.phone, "phone"),
                land=h.land_by_class(),
                floor_area_m2=h.floor_area_m2,
                amounts=amounts,
                total=comp.total,
            )
        )
    return rows


def _disclosure_document(job: _Job, *, exact: IssuedDocument | None = None) -> PrintableDocument:
    ids = job.household_ids
    with job.db.read() as s:
        households = load_households(s, ids)
        comps = load_compensation(s, ids, job.default_months)
    missing = [f"{households[i].household_no} {households[i].head_name}" for i in ids if comps[i].status == STATUS_NONE]
    if missing:
        raise ValidationError(
            f"公示表所列各户须先计算补偿，还有 {len(missing)} 户尚未计算（{'、'.join(missing[:5])}"
            f"{'等' if len(missing) > 5 else ''}）。"
        )
    if job.options.require_reviewed:
        unreviewed = [i for i in ids if comps[i].status != STATUS_REVIEWED]
        if unreviewed:
            raise ValidationError(f"公示表所列各户须先复核，还有 {len(unreviewed)} 户尚未复核。")
    rows = _disclosure_rows(households, comps, ids)
    project_items = compensation_service.project_items(job.db, job.project.id)
    present = {item for r in rows for item in r.amounts}
    items = tuple([i for i in project_items if i in present] + sorted(present - set(project_items)))
    land_classes = _land_order({c for r in rows for c in r.land})
    total = sum((r.total for r in rows), ZERO)
    if job.draft:
        it = _Issued(0, Issue(job.info.kind.value, job.info.title, "", "", date.today(), draft=True), job.terms, {}, False)
        head = ""
    else:
        wanted = _Wanted(
            None, "", "", job.scope.key, job.scope_label, disclosure_snapshot(rows, job.terms, ""), total
        )
        (it,) = _issue(job.db, job.info, job.project.id, [wanted], job.options, job.terms, exact=exact)
        if exact is not None and amounts_of(it.snapshot) != amounts_of(wanted.snapshot):
            raise ValidationError(f"{exact.number} 所列金额与现在登记的金额不同，不能按原编号重印；请重新出具。")
        job.issued += int(it.new)
        job.reprints += int(it.issue.reprint)
        head = str(it.snapshot.get("chain_head", ""))
    document = DisclosureDocument(
        issue=it.issue,
        township=job.township,
        project=job.project,
        scope_label=job.scope_label,
        table_label=next((c.table_label for c in comps.values() if c.table_label), ""),
        land_classes=land_classes,
        items=items,
        pages=disclosure_pages(rows, items),
        terms=it.terms,
        chain_head=head,
        totals={item: sum((r.amounts.get(item, ZERO) for r in rows), ZERO) for item in items},
        land_totals={c: sum((r.land.get(c, Decimal(0)) for r in rows), Decimal(0)) for c in land_classes},
        floor_total=sum((r.floor_area_m2 for r in rows), ZERO),
        persons_total=sum(r.persons for r in rows),
        total=total,
    )
    context = _context(job, document)
    parts = tuple(render_html(job.env, job.info.kind, {**context, "page": page}) for page in document.pages)
    return _printable(job, it, parts, None, _UNSAFE_FILE_CHARS.sub("_", f"公示表_{job.scope_label}"))


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _scope(
    household_ids: Sequence[int] | None, project_id: int | None, village_id: int | None, group_id: int | None
) -> Scope:
    return Scope(
        project_id=project_id,
        village_id=village_id,
        group_id=group_id,
        household_ids=tuple(household_ids) if household_ids is not None else None,
    )


def prepare_documents(
    db: Database,
    kind: str | DocumentKind,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
    options: DocumentOptions | None = None,
    draft: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PrintRun:
    """Documents ready for :func:`resettle.documents.render.paint` on a QPrinter or preview.

    ``draft=True`` numbers nothing (pages say 样稿). Otherwise documents are issued now;
    call :func:`record_printed` with their ``document_id`` after the printer accepted them."""
    job = _start(db, kind, _scope(household_ids, project_id, village_id, group_id), options, draft)
    if job.info.kind is DocumentKind.DISCLOSURE:
        docs = [_disclosure_document(job)]
    else:
        docs = []
        total = len(job.household_ids)
        for chunk in _chunks(job.household_ids):
            if cancelled is not None and cancelled():
                raise PrintCancelled("已取消。")
            docs.extend(_household_documents(job, chunk))
            if progress is not None:
                progress(min(total, len(docs) + len(job.skipped)), total)
        if not docs:
            raise ValidationError("所选各户均不能打印：" + "；".join(job.skipped[:5]))
    return PrintRun(job.info.kind.value, tuple(docs), job.fonts, job.issued, job.reprints, tuple(job.skipped), draft)


def print_documents(
    db: Database,
    kind: str | DocumentKind,
    device: QPagedPaintDevice,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Issue and print on ``device`` (a QPrinter set up by the window), then record the printing."""
    run = prepare_documents(
        db,
        kind,
        household_ids=household_ids,
        project_id=project_id,
        village_id=village_id,
        group_id=group_id,
        options=options,
        cancelled=cancelled,
    )
    done: list[int] = []
    pages = paint(
        run.documents,
        device,
        run.fonts,
        on_document=lambda d, _n: _progress_doc(done, d, progress, len(run.documents)),
        cancelled=cancelled,
    )
    if cancelled is not None and cancelled():
        raise PrintCancelled("已取消：打印未完成，已编号的文书下次打印时沿用原编号。")
    record_printed(db, done)
    return ExportResult(run.kind, (), len(run.documents), pages, run.issued, run.reprints, run.skipped, run.fonts.note)


def _progress_doc(done: list[int], document: PrintableDocument, progress: Progress | None, total: int) -> None:
    done.append(document.document_id or 0)
    if progress is not None:
        progress(len(done), total)


def export_pdf(
    db: Database,
    kind: str | DocumentKind,
    out: Path,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
    one_per_household: bool = False,
    options: DocumentOptions | None = None,
    draft: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Issue and write PDFs: one file ``out``, or (``one_per_household``) ``out/户号_户主.pdf`` each.

    Runs in the op runner (``progress(done, total)``, ``cancelled()``). Cancelling a single
    file leaves no file; cancelling per-household files keeps the finished ones."""
    job = _start(db, kind, _scope(household_ids, project_id, village_id, group_id), options, draft)
    out = Path(out)
    if job.info.kind is DocumentKind.DISCLOSURE:
        if one_per_household:
            raise ValidationError("公示表按村、组或项目出具，不能按户分文件。")
        document = _disclosure_document(job)
        pages = write_pdf([document], out, job.fonts, cancelled=cancelled)
        if not draft:
            record_printed(db, [document.document_id or 0])
        if progress is not None:
            progress(1, 1)
        return ExportResult(job.info.kind.value, (out,), 1, pages, job.issued, job.reprints, (), job.fonts.note)
    if one_per_household:
        return _export_files(job, out, progress, cancelled)
    return _export_book(job, out, progress, cancelled)


def _export_book(job: _Job, out: Path, progress: Progress | None, cancelled: Cancelled | None) -> ExportResult:
    total = len(job.household_ids)
    printed: list[int] = []
    count = 0

    def one(document: PrintableDocument, _pages: int) -> None:
        nonlocal count
        count += 1
        printed.append(document.document_id or 0)
        if progress is not None:
            progress(count + len(job.skipped), total)

    with PdfBook(out, job.fonts, title=job.info.title, landscape=job.info.landscape) as book:
        for chunk in _chunks(job.household_ids):
            if cancelled is not None and cancelled():
                break
            book.add(_household_documents(job, chunk), on_document=one, cancelled=cancelled)
        if cancelled is not None and cancelled():
            book.abort()
            raise PrintCancelled("已取消，未写出文件；已编号的文书下次打印时沿用原编号。")
        if not printed:
            book.abort()
            raise ValidationError("所选各户均不能打印：" + "；".join(job.skipped[:5]))
        book.finish()
    if not job.draft:
        record_printed(job.db, printed)
    return ExportResult(
        job.info.kind.value, (out,), count, book.pages, job.issued, job.reprints, tuple(job.skipped), job.fonts.note
    )


def _export_files(job: _Job, folder: Path, progress: Progress | None, cancelled: Cancelled | None) -> ExportResult:
    if folder.suffix.lower() == ".pdf":
        raise ValidationError("按户分文件时请给出一个文件夹，而不是 .pdf 文件名。", field="输出")
    folder.mkdir(parents=True, exist_ok=True)
    total = len(job.household_ids)
    files: list[Path] = []
    pages = 0
    for chunk in _chunks(job.household_ids):
        printed: list[int] = []
        try:
            for document in _household_documents(job, chunk):
                if cancelled is not None and cancelled():
                    break
                path = folder / f"{document.file_stem}.pdf"
                pages += write_pdf([document], path, job.fonts)
                files.append(path)
                printed.append(document.document_id or 0)
                if progress is not None:
                    progress(len(files) + len(job.skipped), total)
        finally:
            if not job.draft:
                record_printed(job.db, printed)  # what was written counts as printed, even on an error
        if cancelled is not None and cancelled():
            raise PrintCancelled(f"已取消：已写出 {len(files):,} 个文件，其余未打印。")
    if not files:
        raise ValidationError("所选各户均不能打印：" + "；".join(job.skipped[:5]))
    return ExportResult(
        job.info.kind.value, tuple(files), len(files), pages, job.issued, job.reprints, tuple(job.skipped), job.fonts.note
    )


def reprint_document(db: Database, document_id: int, out: Path) -> ExportResult:
    """Print an issued document again under its own number (marked 重印), into the PDF ``out``.

    Refused when its amounts are no longer the current ones: then a new document is due."""
    with db.read() as s:
        doc = s.get(IssuedDocument, document_id)
        if doc is None:
            raise NotFoundError(f"登记簿中没有编号为 {document_id} 的文书。")
        s.expunge(doc)
    info = kind_of(doc.kind)
    if doc.household_id is not None:
        scope = Scope(household_ids=(doc.household_id,))
    else:
        scope = _scope_from_key(doc.scope, json.loads(doc.snapshot))
    job = _start(db, info.kind, scope, None, False)
    if info.kind is DocumentKind.DISCLOSURE:
        document = _disclosure_document(job, exact=doc)
    else:
        documents = _household_documents(job, job.household_ids, exact=doc)
        if not documents:
            raise ValidationError("该户现在不能打印：" + "；".join(job.skipped))
        document = documents[0]
    pages = write_pdf([document], Path(out), job.fonts)
    record_printed(db, [doc.id])
    return ExportResult(info.kind.value, (Path(out),), 1, pages, 0, int(document.reprint), (), job.fonts.note)


def _scope_from_key(key: str, snapshot: dict[str, Any]) -> Scope:
    what, _, value = key.partition(":")
    if what == "group":
        return Scope(group_id=int(value))
    if what == "village":
        return Scope(village_id=int(value))
    if what == "project":
        return Scope(project_id=int(value))
    return Scope(household_ids=tuple(int(row[0]) for row in snapshot.get("households", [])))


# -- verification -------------------------------------------------------------------------------


def _line_changes(old: list[list[str]], new: list[list[str]]) -> list[str]:
    def by_item(lines: list[list[str]]) -> dict[tuple[str, str], Decimal]:
        out: dict[tuple[str, str], Decimal] = {}
        for item, payee, amount in lines:
            out[(item, payee)] = out.get((item, payee), ZERO) + Decimal(amount)
        return out

    a, b = by_item(old), by_item(new)
    changes = []
    for key in dict.fromkeys([*a, *b]):
        before, after = a.get(key), b.get(key)
        if before == after:
            continue
        label = key[0] if key[1] == PAYEE_HOUSEHOLD else f"{key[0]}（{key[1]}）"
        changes.append(f"{label} {_money(before)} → {_money(after)}")
    return changes


def _money(value: Decimal | None) -> str:
    return "无" if value is None else f"{format_yuan(to_fen(value))} 元"


def _current_household(db: Database, doc: IssuedDocument) -> tuple[dict[str, Any] | None, Decimal | None]:
    assert doc.household_id is not None
    try:
        view = compensation_service.get_household_compensation(db, doc.household_id)
    except NotFoundError:
        return None, None
    comp = Compensation(view.status, lines_of_view(view))
    lines = _lines_for(kind_of(doc.kind), comp)
    snap = household_snapshot(lines, Terms())
    return snap, Decimal(snap["total"])


def _current_disclosure(db: Database, doc: IssuedDocument, stored: dict[str, Any]) -> dict[str, Any]:
    scope = _scope_from_key(doc.scope, stored)
    with db.read() as s:
        try:
            _project, ids, _label = scope_households(s, scope)
        except NotFoundError:  # the village or group itself was removed: what is left of the listed households
            ids = [int(r[0]) for r in stored.get("households", [])]
        households = load_households(s, ids)
        ids = [i for i in ids if i in households]
        comps = load_compensation(s, ids)
    rows = _disclosure_rows(households, comps, ids)
    return disclosure_snapshot(rows, Terms(), "")


def _disclosure_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    a = {int(r[0]): (r[1], Decimal(r[2])) for r in old.get("households", [])}
    b = {int(r[0]): (r[1], Decimal(r[2])) for r in new.get("households", [])}
    changes = []
    for hid in dict.fromkeys([*a, *b]):
        if hid not in b:
            changes.append(f"户 {a[hid][0]} 已不在范围内")
        elif hid not in a:
            changes.append(f"新增户 {b[hid][0]}（{_money(b[hid][1])}）")
        elif a[hid][1] != b[hid][1]:
            changes.append(f"户 {a[hid][0]}：{_money(a[hid][1])} → {_money(b[hid][1])}")
    return changes


def verify_document(db: Database, code: str) -> VerifyResult:
    """Which document a printed verification code belongs to, and whether its amounts are still current."""
    normal = normalise_code(code)
    if normal is None:
        raise ValidationError(f"「{code.strip()}」不是有效的校验码（应为 10 位字母和数字，如 ABCDE-12345）。", field="校验码")
    with db.read() as s:
        doc = s.scalars(select(IssuedDocument).where(IssuedDocument.code == normal)).one_or_none()
        if doc is None:
            raise NotFoundError(f"登记簿中没有校验码为 {format_code(normal)} 的文书，这份文书可能不是本办出具的。")
        s.expunge(doc)
        key_row = s.get(Setting, CODE_KEY)
        key = bytes.fromhex(key_row.value) if key_row is not None else b""
    authentic = verification_code(key, doc.number, doc.scope, to_fen(doc.total), doc.issued_at) == doc.code
    stored = json.loads(doc.snapshot)
    if doc.household_id is not None:
        current, current_total = _current_household(db, doc)
        if current is None:
            changes = ["该户已被删除"]
        else:
            changes = _line_changes(stored.get("lines", []), current["lines"])
            if amounts_of(stored) != amounts_of(current) and not changes:
                changes = [f"合计 {_money(doc.total)} → {_money(current_total)}"]
    else:
        current = _current_disclosure(db, doc, stored)
        current_total = Decimal(current["total"])
        changes = _disclosure_changes(stored, current)
    same = current is not None and amounts_of(stored) == amounts_of(current)
    if current_total is not None and current_total != doc.total:
        changes.append(f"合计 {_money(doc.total)} → {_money(current_total)}")
    return VerifyResult(
        code=format_code(normal),
        status="current" if same else "changed",
        document=_info(doc),
        issued_total=doc.total,
        current_total=current_total,
        authentic=authentic,
        changes=tuple(dict.fromkeys(changes)) if not same else (),
    )

