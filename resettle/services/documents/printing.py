"""Printed documents, the window's one module: prepare, print, export PDFs, reprint, verify, fonts, templates.

Issuing and printing are separate steps so that nothing is lost between them:

1. *issue* (one short write transaction per chunk, :mod:`document_register`): each
   household's document gets its number in its series, or keeps the number of its previous
   issue when the amounts (and any terms the clerk set) are unchanged;
2. *render and paint* without holding the database;
3. *record the printing* (print count, last printed) only for what was really written.

A document that was numbered but never printed (a cancelled run) is printed under the same
number next time, as a first print; a document printed before is marked 重印.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QPagedPaintDevice
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.documents.data import (
    ZERO,
    Compensation,
    DisclosureDocument,
    HouseholdDocument,
    HouseholdInfo,
    Issue,
    ItemLine,
    ProjectInfo,
    Terms,
    amounts_of,
    disclosure_pages,
    disclosure_rows,
    disclosure_snapshot,
    household_snapshot,
    land_order,
    listed_lines,
)
from resettle.documents.fonts import DocumentFonts, chinese_families, ensure_gui_app, resolve_fonts
from resettle.documents.kinds import HOUSING_KINDS, DocumentKind, KindInfo, kind_of
from resettle.documents.render import PdfBook, PrintableDocument, PrintCancelled, paint, write_pdf
from resettle.documents.templates import (
    customise_template,
    is_customised,
    make_environment,
    render_html,
    restore_default_template,
    template_source,
)
from resettle.domain.township import TownshipDetails
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation import summaries
from resettle.services.demo.register import is_demo
from resettle.services.documents.data import (
    Scope,
    load_compensation,
    load_households,
    load_project,
    scope_from_key,
    scope_households,
    signed_agreement_lines,
)
from resettle.services.documents.ready import refuse_unless_ready
from resettle.services.documents.register import (
    DocumentOptions,
    Issued,
    IssuedDocumentInfo,
    Wanted,
    issue,
    list_documents,
    record_printed,
)
from resettle.services.documents.verify import VerifyResult, verify_document
from resettle.services.housing.documents import housing_documents
from resettle.services.procedure.agreements import refuse_early_agreement
from resettle.services.register.projects import township_for
from resettle.services.register.settings import get_document_font, save_document_font
from resettle.store.compensation_models import STATUS_NONE, STATUS_REVIEWED, ProjectRateTable
from resettle.store.database import Database
from resettle.store.document_models import IssuedDocument

if TYPE_CHECKING:
    import jinja2  # imported when a document is first rendered, not at start-up

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
CHUNK = 50  # households issued and painted per step
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


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


def document_font_choices() -> list[str]:
    """Installed families that can print Chinese, the usual Song/Hei faces first."""
    return chinese_families()


def document_fonts(db: Database) -> DocumentFonts:
    """The fonts printing will use now (the office's choice when installed here)."""
    require(db, Need.READ, "查看文书字体")
    return resolve_fonts(get_document_font(db))


def set_document_font(db: Database, family: str) -> DocumentFonts:
    """Choose the body font of printed documents ("" = automatic); refuses one that cannot print Chinese."""
    require(db, Need.ENTER, "设置文书字体")
    family = family.strip()
    if family and family not in chinese_families():
        raise ValidationError(f"字体「{family}」未安装或不能显示中文，请从列表中选择。", field="文书字体")
    save_document_font(db, family)
    return resolve_fonts(family)


def _file_stem(h: HouseholdInfo) -> str:
    stem = _UNSAFE_FILE_CHARS.sub("_", f"{h.household_no}_{h.head_name}").strip(" .")
    return stem or f"户{h.id}"


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
    template_checked: bool = False
    demo: bool = False


def _start(db: Database, kind: str | DocumentKind, scope: Scope, options: DocumentOptions | None, draft: bool) -> _Job:
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
    township = township_for(db, project_id)
    if not draft:
        refuse_unless_ready(info.kind.value, info.title, township)
        if info.kind is DocumentKind.AGREEMENT:
            refuse_early_agreement(db, project_id)  # 方案公告 period not over (issue 15)
    return _Job(
        db=db,
        info=info,
        options=options,
        draft=draft,
        fonts=fonts,
        env=make_environment(),
        township=township,
        project=project,
        scope=scope,
        scope_label=label,
        household_ids=ids,
        terms=options.terms(date.today(), project.posting_days),
        default_months=months,
        demo=is_demo(db),
    )


def _household_documents(
    job: _Job, ids: Sequence[int], *, exact: IssuedDocument | None = None
) -> list[PrintableDocument]:
    """Issue (unless drafting) and render one chunk of per-household documents."""
    with job.db.read() as s:
        households = load_households(s, ids)
        comps = load_compensation(s, ids, job.default_months)
        if job.info.kind == DocumentKind.AGREEMENT:  # a signed agreement prints what was signed
            for hid, frozen in signed_agreement_lines(s, ids).items():
                comps[hid] = replace(comps[hid], lines=frozen)
    chosen: list[tuple[HouseholdInfo, Compensation, tuple[ItemLine, ...]]] = []
    for hid in ids:
        h, comp = households[hid], comps[hid]
        reason = _skip_reason(comp, job.options)
        if reason is not None:
            job.skipped.append(f"{h.household_no} {h.head_name}：{reason}")
            continue
        chosen.append((h, comp, listed_lines(job.info, comp)))
    if not chosen:
        return []
    draft = Issued(
        0, Issue(job.info.kind.value, job.info.title, "", "", date.today(), draft=True), job.terms, {}, False
    )
    if job.draft:
        issued = [draft for _ in chosen]
    else:
        if not job.template_checked:  # a broken template must fail before anything is numbered
            h, comp, _lines = chosen[0]
            trial = HouseholdDocument(draft.issue, job.township, job.project, h, comp, job.terms)
            render_html(job.env, job.info.kind, _context(job, trial))
            job.template_checked = True
        wanted = [
            Wanted(
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
        issued = issue(job.db, job.info, job.project.id, wanted, job.options, job.terms, exact=exact)
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


def _printable(job: _Job, it: Issued, parts: tuple[str, ...], household_id: int | None, stem: str) -> PrintableDocument:
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
        demo=job.demo,
        household_id=household_id,
        document_id=it.document_id if it.document_id > 0 else None,
        file_stem=stem,
    )


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
    rows = disclosure_rows(households, comps, ids)
    project_items = summaries.project_items(job.db, job.project.id)
    present = {item for r in rows for item in r.amounts}
    items = tuple([i for i in project_items if i in present] + sorted(present - set(project_items)))
    land_classes = land_order({c for r in rows for c in r.land})
    total = sum((r.total for r in rows), ZERO)
    table_label = next((c.table_label for c in comps.values() if c.table_label), "")

    def document_for(it: Issued, head: str, seq: int = 0) -> DisclosureDocument:
        return DisclosureDocument(
            issue=it.issue,
            township=job.township,
            project=job.project,
            scope_label=job.scope_label,
            table_label=table_label,
            land_classes=land_classes,
            items=items,
            pages=disclosure_pages(rows, items),
            terms=it.terms,
            chain_head=head,
            chain_seq=seq,
            totals={item: sum((r.amounts.get(item, ZERO) for r in rows), ZERO) for item in items},
            land_totals={c: sum((r.land.get(c, Decimal(0)) for r in rows), Decimal(0)) for c in land_classes},
            floor_total=sum((r.floor_area_m2 for r in rows), ZERO),
            persons_total=sum(r.persons for r in rows),
            total=total,
        )

    it = Issued(0, Issue(job.info.kind.value, job.info.title, "", "", date.today(), draft=True), job.terms, {}, False)
    parts = _disclosure_parts(job, document_for(it, ""))  # a broken template fails before anything is numbered
    if not job.draft:
        wanted = Wanted(None, "", "", job.scope.key, job.scope_label, disclosure_snapshot(rows, job.terms, ""), total)
        (it,) = issue(job.db, job.info, job.project.id, [wanted], job.options, job.terms, exact=exact)
        if exact is not None and amounts_of(it.snapshot) != amounts_of(wanted.snapshot):
            raise ValidationError(f"{exact.number} 所列金额与现在登记的金额不同，不能按原编号重印；请重新出具。")
        job.issued += int(it.new)
        job.reprints += int(it.issue.reprint)
        snap = it.snapshot
        parts = _disclosure_parts(job, document_for(it, str(snap.get("chain_head", "")), int(snap.get("chain_seq", 0))))
    return _printable(job, it, parts, None, _UNSAFE_FILE_CHARS.sub("_", f"公示表_{job.scope_label}"))


def _disclosure_parts(job: _Job, document: DisclosureDocument) -> tuple[str, ...]:
    """One HTML part per page: the template lays out one page (``page``) at a time."""
    context = _context(job, document)
    return tuple(render_html(job.env, job.info.kind, {**context, "page": page}) for page in document.pages)


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


@dataclass(frozen=True)
class NumberingOutlook:
    """What a 正式 run would number, told before it starts."""

    households: int  # per-household documents in the run
    numbered_before: int  # of these, households that already hold a number of this kind (kept when unchanged)

    @property
    def at_most_new(self) -> int:
        return self.households - self.numbered_before


def numbering_outlook(
    db: Database,
    kind: str | DocumentKind,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> NumberingOutlook:
    """How many households a run covers and how many of them already have a number of this kind."""
    require(db, Need.READ, "查看文书编号")
    info = kind_of(kind)
    with db.read() as s:
        _pid, ids, _label = scope_households(s, _scope(household_ids, project_id, village_id, group_id))
        if not info.per_household:
            return NumberingOutlook(1, 0)
        before = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            before += int(
                s.scalar(
                    select(func.count(func.distinct(IssuedDocument.household_id))).where(
                        IssuedDocument.kind == info.kind.value, IssuedDocument.household_id.in_(chunk)
                    )
                )
                or 0
            )
    return NumberingOutlook(len(ids), before)


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
    require(db, Need.READ if draft else Need.ENTER, "出具文书")
    if kind_of(kind).kind in HOUSING_KINDS:  # 安置房 documents come from the housing services (issue 13)
        run = housing_documents(db, kind, household_ids=household_ids, project_id=project_id,
                                village_id=village_id, group_id=group_id, draft=draft)  # fmt: skip
        return PrintRun(run.kind, run.documents, run.fonts, 0, 0, run.skipped, draft)
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
    require(db, Need.ENTER, "打印文书")
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
    require(db, Need.READ if draft else Need.ENTER, "导出文书")
    if kind_of(kind).kind in HOUSING_KINDS:  # 安置房 documents come from the housing services (issue 13)
        run = housing_documents(db, kind, household_ids=household_ids, project_id=project_id,
                                village_id=village_id, group_id=group_id, draft=draft)  # fmt: skip
        pages = write_pdf(run.documents, Path(out), run.fonts, cancelled=cancelled)
        return ExportResult(run.kind, (Path(out),), len(run.documents), pages, 0, 0, run.skipped, run.fonts.note)
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
        job.info.kind.value,
        tuple(files),
        len(files),
        pages,
        job.issued,
        job.reprints,
        tuple(job.skipped),
        job.fonts.note,
    )


def reprint_document(db: Database, document_id: int, out: Path) -> ExportResult:
    """Print an issued document again under its own number (marked 重印), into the PDF ``out``.

    Refused when its amounts are no longer the current ones: then a new document is due."""
    require(db, Need.ENTER, "补打文书")
    with db.read() as s:
        doc = s.get(IssuedDocument, document_id)
        if doc is None:
            raise NotFoundError(f"登记簿中没有编号为 {document_id} 的文书。")
        s.expunge(doc)
    info = kind_of(doc.kind)
    if doc.household_id is not None:
        scope = Scope(household_ids=(doc.household_id,))
    else:
        scope = scope_from_key(doc.scope, json.loads(doc.snapshot))
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
