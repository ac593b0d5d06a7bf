"""The print job: what one run needs once (kind, scope, project, township, fonts, templates), and its documents.

Issuing and printing are separate steps so that nothing is lost between them:

1. *issue* (one short write transaction per chunk, :mod:`resettle.services.documents.register`):
   each household's document gets its number in its series, or keeps the number of its
   previous issue when the amounts (and any terms the clerk set) are unchanged;
2. *render and paint* without holding the database (:mod:`resettle.services.documents.output`);
3. *record the printing* (print count, last printed) only for what was really written.

A document that was numbered but never printed (a cancelled run) is printed under the same
number next time, as a first print; a document printed before is marked 重印.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

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
    PlanLine,
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
from resettle.documents.fonts import DocumentFonts
from resettle.documents.kinds import HOUSING_KINDS, DocumentKind, KindInfo, kind_of
from resettle.documents.render import PrintableDocument, PrintCancelled
from resettle.documents.templates import make_environment, render_html
from resettle.domain.township import TownshipDetails
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation import summaries
from resettle.services.compensation.freshness import OUTDATED, outdated_among
from resettle.services.demo.register import is_demo
from resettle.services.documents.data import (
    PrintScope,
    load_compensation,
    load_households,
    load_project,
    scope_households,
    signed_agreement_lines,
    signed_agreement_plans,
)
from resettle.services.documents.fonts import document_fonts, safe_stem
from resettle.services.documents.ready import refuse_unless_ready
from resettle.services.documents.register import DocumentOptions, Issued, Wanted, issue
from resettle.services.housing.documents import check_housing_documents, housing_documents
from resettle.services.procedure.agreements import refuse_early_agreement
from resettle.services.register.projects import township_for
from resettle.store.compensation_models import STATUS_NONE, STATUS_REVIEWED, ProjectRateTable
from resettle.store.database import Database
from resettle.store.document_models import IssuedDocument

if TYPE_CHECKING:
    import jinja2  # imported when a document is first rendered, not at start-up

__all__ = [
    "CHUNK",
    "Cancelled",
    "NumberingOutlook",
    "PrintJob",
    "PrintRun",
    "Progress",
    "chunks",
    "nothing_printable",
    "numbering_outlook",
    "prepare_documents",
    "scope_of",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHUNK = 50  # households issued and painted per step


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


def scope_of(
    household_ids: Sequence[int] | None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> PrintScope:
    """The scope a caller names by its ids: explicit households, or a group, a village or a whole project."""
    return PrintScope(
        project_id=project_id,
        village_id=village_id,
        group_id=group_id,
        household_ids=tuple(household_ids) if household_ids is not None else None,
    )


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def nothing_printable(skipped: Sequence[str], lead: str = "所选各户均不能打印：") -> ValidationError:
    """The error of a run in which every household was left out, with the first reasons."""
    return ValidationError(lead + "；".join(skipped[:5]))


def _default_months(s: Session, project_id: int) -> int | None:
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
    return link.transition_months if link is not None else None


def _skip_reason(comp: Compensation, options: DocumentOptions) -> str | None:
    if comp.status == STATUS_NONE:
        return "尚未计算补偿"
    if options.require_reviewed and comp.status != STATUS_REVIEWED:
        return "补偿尚未复核"
    return None


def _file_stem(h: HouseholdInfo) -> str:
    return safe_stem(f"{h.household_no}_{h.head_name}", f"户{h.id}")


def _draft_issue(info: KindInfo, terms: Terms) -> Issued:
    return Issued(0, Issue(info.kind.value, info.title, "", "", date.today(), draft=True), terms, {}, False)


@dataclass
class PrintJob:
    """Everything a print run needs once: kind, scope, project, township, fonts, templates."""

    db: Database
    info: KindInfo
    options: DocumentOptions
    draft: bool
    fonts: DocumentFonts
    env: jinja2.Environment
    township: TownshipDetails
    project: ProjectInfo
    scope: PrintScope
    scope_label: str
    household_ids: list[int]
    terms: Terms
    default_months: int | None
    skipped: list[str] = field(default_factory=list)
    issued: int = 0
    reprints: int = 0
    template_checked: bool = False
    demo: bool = False

    @classmethod
    def start(
        cls, db: Database, kind: str | DocumentKind, scope: PrintScope, options: DocumentOptions | None, draft: bool
    ) -> PrintJob:
        """Refuses before anything is numbered: no Chinese font, no household, unready details, too early."""
        info = kind_of(kind)
        options = options or DocumentOptions()
        fonts = document_fonts(db)
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
        return cls(
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

    def household_documents(
        self, ids: Sequence[int], *, exact: IssuedDocument | None = None
    ) -> list[PrintableDocument]:
        """Issue (unless drafting) and render one chunk of per-household documents."""
        with self.db.read() as s:
            households = load_households(s, ids)
            comps = load_compensation(s, ids, self.default_months)
            plans: dict[int, tuple[PlanLine, ...]] = {}
            signed: set[int] = set()
            if self.info.kind == DocumentKind.AGREEMENT:  # a signed agreement prints what was signed
                for hid, frozen in signed_agreement_lines(s, ids).items():
                    comps[hid] = replace(comps[hid], lines=frozen)
                    signed.add(hid)
                plans = signed_agreement_plans(s, ids)  # and how it is paid
            outdated = outdated_among(s, self.project.id, [hid for hid in ids if hid not in signed])
        chosen: list[tuple[HouseholdInfo, Compensation, tuple[ItemLine, ...]]] = []
        for hid in ids:
            h, comp = households[hid], comps[hid]
            reason = OUTDATED + "，请先重新计算" if hid in outdated else _skip_reason(comp, self.options)
            if reason is not None:
                self.skipped.append(f"{h.household_no} {h.head_name}：{reason}")
                continue
            chosen.append((h, comp, listed_lines(self.info, comp)))
        if not chosen:
            return []
        draft = _draft_issue(self.info, self.terms)
        if self.draft:
            issued = [draft for _ in chosen]
        else:
            if not self.template_checked:  # a broken template must fail before anything is numbered
                h, comp, _lines = chosen[0]
                trial = HouseholdDocument(draft.issue, self.township, self.project, h, comp, self.terms)
                render_html(self.env, self.info.kind, self.context(trial))
                self.template_checked = True
            wanted = [
                Wanted(
                    h.id,
                    h.household_no,
                    h.head_name,
                    f"household:{h.id}",
                    f"{h.village}{h.group}",
                    household_snapshot(lines, self.terms),
                    sum((ln.amount for ln in lines), ZERO),
                )
                for h, _comp, lines in chosen
            ]
            issued = issue(self.db, self.info, self.project.id, wanted, self.options, self.terms, exact=exact)
            if exact is not None and amounts_of(issued[0].snapshot) != amounts_of(wanted[0].snapshot):
                raise ValidationError(
                    f"{exact.number} 所列金额与现在登记的金额不同，不能按原编号重印；请重新出具（将取得新编号）。"
                )
        out = []
        for (h, comp, _lines), it in zip(chosen, issued, strict=True):
            self._count(it)
            context = HouseholdDocument(it.issue, self.township, self.project, h, comp, it.terms, plans.get(h.id, ()))
            html = render_html(self.env, self.info.kind, self.context(context))
            out.append(self.printable(it, (html,), h.id, _file_stem(h)))
        return out

    def _count(self, it: Issued) -> None:
        self.issued += int(it.new)
        self.reprints += int(it.issue.reprint)

    def context(self, document: HouseholdDocument | DisclosureDocument) -> dict[str, Any]:
        base: dict[str, Any] = {
            "doc": document,
            "issue": document.issue,
            "township": document.township,
            "project": document.project,
            "terms": document.terms,
            "issuer": document.issuer,
            "fonts": self.fonts,
        }
        if isinstance(document, HouseholdDocument):
            base["h"] = document.household
        return base

    def printable(self, it: Issued, parts: tuple[str, ...], household_id: int | None, stem: str) -> PrintableDocument:
        return PrintableDocument(
            kind=self.info.kind.value,
            title=self.info.title,
            parts=parts,
            number=it.issue.number,
            code=it.issue.code,
            landscape=self.info.landscape,
            reprint=it.issue.reprint,
            print_no=it.issue.print_no,
            draft=it.issue.draft,
            demo=self.demo,
            household_id=household_id,
            document_id=it.document_id if it.document_id > 0 else None,
            file_stem=stem,
        )

    def disclosure_document(self, *, exact: IssuedDocument | None = None) -> PrintableDocument:
        """The 公示表 of the whole scope: one document, one part per page."""
        ids = self.household_ids
        with self.db.read() as s:
            households = load_households(s, ids)
            comps = load_compensation(s, ids, self.default_months)
            outdated = outdated_among(s, self.project.id, ids)
        missing = [
            f"{households[i].household_no} {households[i].head_name}" for i in ids if comps[i].status == STATUS_NONE
        ]
        if missing:
            raise ValidationError(
                f"公示表所列各户须先计算补偿，还有 {len(missing)} 户尚未计算（{'、'.join(missing[:5])}"
                f"{'等' if len(missing) > 5 else ''}）。"
            )
        if outdated:
            named = [f"{households[i].household_no} {households[i].head_name}" for i in ids if i in outdated]
            raise ValidationError(
                f"公示表所列各户须按现状计算：{len(named)} 户{OUTDATED}（{'、'.join(named[:5])}"
                f"{'等' if len(named) > 5 else ''}）。请先重新计算（F9）。"
            )
        if self.options.require_reviewed:
            unreviewed = [i for i in ids if comps[i].status != STATUS_REVIEWED]
            if unreviewed:
                raise ValidationError(f"公示表所列各户须先复核，还有 {len(unreviewed)} 户尚未复核。")
        rows = disclosure_rows(households, comps, ids)
        project_items = summaries.project_items(self.db, self.project.id)
        present = {item for r in rows for item in r.amounts}
        items = tuple([i for i in project_items if i in present] + sorted(present - set(project_items)))
        land_classes = land_order({c for r in rows for c in r.land})
        total = sum((r.total for r in rows), ZERO)
        table_label = next((c.table_label for c in comps.values() if c.table_label), "")

        def document_for(it: Issued, head: str, seq: int = 0) -> DisclosureDocument:
            return DisclosureDocument(
                issue=it.issue,
                township=self.township,
                project=self.project,
                scope_label=self.scope_label,
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

        it = _draft_issue(self.info, self.terms)
        parts = self._pages(document_for(it, ""))  # a broken template fails before anything is numbered
        if not self.draft:
            snapshot = disclosure_snapshot(rows, self.terms, "")
            wanted = Wanted(None, "", "", self.scope.key, self.scope_label, snapshot, total)
            (it,) = issue(self.db, self.info, self.project.id, [wanted], self.options, self.terms, exact=exact)
            if exact is not None and amounts_of(it.snapshot) != amounts_of(wanted.snapshot):
                raise ValidationError(f"{exact.number} 所列金额与现在登记的金额不同，不能按原编号重印；请重新出具。")
            self._count(it)
            snap = it.snapshot
            parts = self._pages(document_for(it, str(snap.get("chain_head", "")), int(snap.get("chain_seq", 0))))
        return self.printable(it, parts, None, safe_stem(f"公示表_{self.scope_label}"))

    def _pages(self, document: DisclosureDocument) -> tuple[str, ...]:
        """One HTML part per page: the template lays out one page (``page``) at a time."""
        context = self.context(document)
        return tuple(render_html(self.env, self.info.kind, {**context, "page": page}) for page in document.pages)


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
        _pid, ids, _label = scope_households(s, scope_of(household_ids, project_id, village_id, group_id))
        if not info.per_household:
            return NumberingOutlook(1, 0)
        before = 0
        for chunk in chunks(ids, 500):
            before += int(
                s.scalar(
                    select(func.count(func.distinct(IssuedDocument.household_id))).where(
                        IssuedDocument.kind == info.kind.value, IssuedDocument.household_id.in_(chunk)
                    )
                )
                or 0
            )
    return NumberingOutlook(len(ids), before)


def check_printable(
    db: Database,
    kind: str | DocumentKind,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
    draft: bool = False,
) -> bool:
    """Raise what a run of ``kind`` for this scope would refuse with before its first page (no household,
    the office's details unfilled, too early for an agreement, no draw or standard for the housing papers),
    numbering and rendering nothing: the window asks this before it opens the printer's dialog. True
    when nothing is refused."""
    require(db, Need.READ if draft else Need.ENTER, "出具文书")
    scope = scope_of(household_ids, project_id, village_id, group_id)
    if kind_of(kind).kind in HOUSING_KINDS:
        check_housing_documents(db, kind, scope, draft=draft)
    else:
        PrintJob.start(db, kind, scope, None, draft)
    return True


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
    scope = scope_of(household_ids, project_id, village_id, group_id)
    if kind_of(kind).kind in HOUSING_KINDS:  # 安置房 documents come from the housing services (issue 13)
        run = housing_documents(db, kind, scope, draft=draft)
        return PrintRun(run.kind, run.documents, run.fonts, run.issued, run.reprints, run.skipped, draft)
    job = PrintJob.start(db, kind, scope, options, draft)
    if job.info.kind is DocumentKind.DISCLOSURE:
        docs = [job.disclosure_document()]
    else:
        docs = []
        total = len(job.household_ids)
        for chunk in chunks(job.household_ids):
            if cancelled is not None and cancelled():
                raise PrintCancelled("已取消。")
            docs.extend(job.household_documents(chunk))
            if progress is not None:
                progress(min(total, len(docs) + len(job.skipped)), total)
        if not docs:
            raise nothing_printable(job.skipped)
    return PrintRun(job.info.kind.value, tuple(docs), job.fonts, job.issued, job.reprints, tuple(job.skipped), draft)
