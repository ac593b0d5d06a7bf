"""The placement documents: 安置房分配确认书, 入住通知单, 抽签记录 — as printable documents.

:func:`resettle.services.documents.job.prepare_documents` / ``export_pdf`` hand these kinds
(``HOUSING_KINDS``) here, so the window's print menu and ``resettle print allocation|move-in|lottery``
work like the other documents. Numbers: the 入住通知单 carries the handover's serial number,
the confirmation its household's 户号 and lottery position, the draw record its draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from sqlalchemy import select

from resettle.documents.data import ProjectInfo, Terms, issuer_of
from resettle.documents.fonts import DocumentFonts
from resettle.documents.kinds import DocumentKind, kind_of
from resettle.documents.render import PrintableDocument
from resettle.documents.templates import make_environment, render_html
from resettle.domain.money import format_yuan, to_capital, to_fen
from resettle.domain.placement import Settlement
from resettle.domain.township import TownshipDetails
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.demo.register import is_demo
from resettle.services.documents.data import PrintScope, load_project, scope_households
from resettle.services.documents.fonts import document_fonts, safe_stem
from resettle.services.documents.ready import refuse_unless_ready
from resettle.services.documents.register import DocumentOptions, Issued, Wanted
from resettle.services.documents.register import issue as issue_documents
from resettle.services.housing import placement, settlement, stock
from resettle.services.housing.records import DrawInfo, HandoverInfo, PlacementDetail
from resettle.services.register.projects import township_for
from resettle.store.database import Database
from resettle.store.housing_models import LotteryDraw

__all__ = [
    "HousingRun",
    "allocation_snapshot",
    "check_housing_documents",
    "housing_documents",
    "simulation_document",
    "transition_document",
]


@dataclass(frozen=True)
class HousingRun:
    kind: str
    documents: tuple[PrintableDocument, ...]
    fonts: DocumentFonts
    skipped: tuple[str, ...]
    issued: int = 0  # newly numbered in the document register (分配确认书)
    reprints: int = 0  # printed before under the same number


@dataclass(frozen=True)
class _Issue:
    title: str
    number: str
    issued_on: date
    draft: bool


def allocation_snapshot(detail: PlacementDetail, result: Settlement) -> dict[str, Any]:
    """What a 分配确认书 states, as the document register keeps it: the flats with their owners (产权人),
    each band's price, the refund, and the total = what the household finally receives (negative: what it
    still pays in)."""
    lines = [[ln.label, "户", str(ln.amount)] for ln in result.lines]
    if result.refund:
        lines.append(["不足面积退还", "户", str(-result.refund)])
    lines.append(["补偿款合计", "户", str(result.compensation_total)])
    flats = [
        f"{flat.name}（产权人 {'、'.join(o.name for o in owners) or '未定'}）"
        for flat, owners in zip(detail.flats, detail.owners, strict=False)
    ]
    return {"flats": flats, "lines": lines, "total": str(result.balance)}


def _document(
    kind: DocumentKind,
    html: str,
    number: str,
    household_id: int | None,
    stem: str,
    draft: bool,
    demo: bool,
    code: str = "",
    document_id: int | None = None,
) -> PrintableDocument:
    info = kind_of(kind)
    return PrintableDocument(
        kind=info.kind.value,
        title=info.title,
        parts=(html,),
        number="" if draft else number,
        code=code,
        document_id=document_id,
        landscape=info.landscape,
        draft=draft,
        demo=demo,
        household_id=household_id,
        file_stem=safe_stem(stem, info.short),
    )


def _base(township: TownshipDetails, project: ProjectInfo, fonts: DocumentFonts) -> dict[str, Any]:
    return {"township": township, "project": project, "issuer": issuer_of(township), "fonts": fonts}


@dataclass(frozen=True)
class _Start:
    """What a run of housing papers needs before its first page, each refusal checked."""

    project_id: int
    household_ids: list[int]
    project: ProjectInfo
    township: TownshipDetails
    draws: list[DrawInfo]  # 抽签记录: the scope's current draws
    standard: Any  # 分配确认书: the published placement standard


def _start(db: Database, kind: DocumentKind, scope: PrintScope, draft: bool) -> _Start:
    """The refusals a run gives before any page: official details unfilled, no draw, no standard, no household."""
    info = kind_of(kind)
    with db.read() as s:
        pid, ids, _label = scope_households(s, scope)
        project = load_project(s, pid)
    township = township_for(db, pid)  # the project's own details where filled, else the office's
    if not draft:
        refuse_unless_ready(info.kind.value, info.title, township)  # never a half-filled official paper
    draws: list[DrawInfo] = []
    std = None
    if info.kind is DocumentKind.LOTTERY:
        draws = _draws(db, pid, scope.village_id)
        if not draws:
            raise ValidationError("本范围还没有抽签记录。")
        return _Start(pid, ids, project, township, draws, None)
    if not ids:
        raise ValidationError("所选范围内没有户。")
    if info.kind is DocumentKind.ALLOCATION:
        current = stock.current_standard(db, pid)
        std = current.standard if current else None
        if std is None:
            raise ValidationError("本项目还没有发布的安置标准，不能出具分配确认书。")
    return _Start(pid, ids, project, township, draws, std)


def check_housing_documents(db: Database, kind: str | DocumentKind, scope: PrintScope, *, draft: bool = False) -> None:
    """Raise what :func:`housing_documents` would refuse with at its start, rendering nothing."""
    require(db, Need.READ, "出具安置文书")
    _start(db, kind_of(kind).kind, scope, draft)


def housing_documents(
    db: Database,
    kind: str | DocumentKind,
    scope: PrintScope,
    *,
    draft: bool = False,
) -> HousingRun:
    """Render the documents of ``kind`` for the scope (households without the needed step are skipped, with why)."""
    require(db, Need.READ, "出具安置文书")
    info = kind_of(kind)
    fonts = document_fonts(db)
    started = _start(db, info.kind, scope, draft)
    pid, ids, std = started.project_id, started.household_ids, started.standard
    env = make_environment()
    base = _base(started.township, started.project, fonts)
    today = date.today()
    demo = is_demo(db)
    out: list[PrintableDocument] = []
    skipped: list[str] = []
    if info.kind is DocumentKind.LOTTERY:
        for d in started.draws:
            issue = _Issue(
                info.title,
                "" if draft else f"{info.series}〔{d.drawn_at.year if d.drawn_at else today.year}〕第 {d.id} 号",
                today,
                draft,
            )
            html = render_html(env, info.kind, {**base, "issue": issue, "draw": d})
            out.append(_document(info.kind, html, issue.number, None, f"抽签记录_{d.scope_label}", draft, demo))
        return HousingRun(info.kind.value, tuple(out), fonts, ())
    chosen: list[tuple[PlacementDetail, Settlement]] = []
    issued: list[Issued] = []
    for hid in ids:
        detail = placement.placement_detail(db, pid, hid)
        stem = f"{detail.household_no}_{detail.head_name}"
        if info.kind is DocumentKind.ALLOCATION:
            if not detail.flats:
                skipped.append(f"{detail.household_no} {detail.head_name}：尚未选房")
                continue
            chosen.append((detail, settlement.settle(db, pid, household_ids=[hid]).households[0].settlement))
        else:
            handed: HandoverInfo | None = settlement.get_handover(db, pid, hid)
            if handed is None:
                skipped.append(f"{detail.household_no} {detail.head_name}：尚未交房")
                continue
            stamp = _Issue(info.title, "" if draft else handed.notice_no, today, draft)
            html = render_html(env, info.kind, {**base, "issue": stamp, "d": detail, "ho": handed})
            out.append(_document(info.kind, html, handed.notice_no, hid, stem, draft, demo))
    if chosen:
        # Numbered in the document register like a notice: 安分〔2026〕第 N 号 with its 校验码; printed
        # again unchanged, the same number; changed flats or amounts, a new one (``resettle verify``).
        wanted = [
            Wanted(
                d.household_id,
                d.household_no,
                d.head_name,
                f"household:{d.household_id}",
                f"{d.household_no} {d.head_name}",
                allocation_snapshot(d, r),
                r.balance,
            )
            for d, r in chosen
        ]
        if not draft:
            issued = issue_documents(db, info, pid, wanted, DocumentOptions(), Terms())
        draw = placement.current_draw(db, pid, None)
        for n, (detail, result) in enumerate(chosen):
            number, code, document_id = (
                ("", "", None) if draft else (issued[n].issue.number, issued[n].issue.code, issued[n].document_id)
            )
            stamp = _Issue(info.title, number, today, draft)
            context = {**base, "issue": stamp, "d": detail, "s": result, "std": std, "draw": draw}
            html = render_html(env, info.kind, context)
            stem = f"{detail.household_no}_{detail.head_name}"
            out.append(_document(info.kind, html, number, detail.household_id, stem, draft, demo, code, document_id))
    issued_n = sum(1 for i in issued if i.new)
    reprints = sum(1 for i in issued if not i.new and i.issue.reprint)
    if not out:
        raise ValidationError("所选各户均不能打印：" + "；".join(skipped[:5]))
    return HousingRun(info.kind.value, tuple(out), fonts, tuple(skipped), issued_n, reprints)


def _draws(db: Database, project_id: int, village_id: int | None) -> list[DrawInfo]:
    if village_id is not None:
        d = placement.current_draw(db, project_id, village_id)
        return [d] if d else []
    with db.read() as s:
        villages = sorted(
            {
                v
                for v in s.scalars(
                    select(LotteryDraw.village_id).where(
                        LotteryDraw.project_id == project_id, LotteryDraw.status == "有效"
                    )
                )
            },
            key=lambda v: (v is not None, v or 0),
        )
    found = [placement.current_draw(db, project_id, v) for v in villages]
    return [d for d in found if d is not None]


def simulation_document(db: Database, project_id: int, household_id: int) -> HousingRun:
    """模拟安置测算表: cash beside each available 户型 for the family to take home (a draft, never numbered)."""
    require(db, Need.READ, "打印模拟安置")
    sim = settlement.simulate(db, project_id, household_id)
    fonts = document_fonts(db)
    d = sim.detail
    rows = []
    for o in sim.options:
        s = o.settlement
        cells = [
            o.label,
            " + ".join(o.flats) or "—",
            f"{o.area_m2:,.2f}" if s else "",
            format_yuan(to_fen(s.flat_price)) if s else "",
            format_yuan(to_fen(s.refund)) if s else "",
            format_yuan(to_fen(s.net)) if s else "",
            format_yuan(to_fen(o.balance)),
        ]
        tds = "".join(f'<td class="{"r" if i >= 2 else ""}">{escape(c)}</td>' for i, c in enumerate(cells))
        rows.append(f"<tr>{tds}</tr>")
    head = "".join(
        f"<th>{h}</th>"
        for h in ("方案", "户型", "面积（㎡）", "房价（元）", "退还（元）", "应缴差价（元）", "结算后应得（元）")
    )
    html = f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: '{fonts.body}'; font-size: 10.5pt; }}
.title {{ font-family: '{fonts.heading}'; font-size: 18pt; font-weight: bold; text-align: center; }}
table {{ border-collapse: collapse; font-size: 9.5pt; }} th {{ background-color: #eeeeee; }} .r {{ text-align: right; }}
</style></head><body>
<p class="title">模拟安置测算表</p>
<p>户号 {escape(d.household_no)}　户主 {escape(d.head_name)}　{escape(d.village)}{escape(d.group)}</p>
<p>安置人口 {d.persons} 人，应安置面积 {escape(str(d.entitled_m2))} ㎡，补偿款合计 {format_yuan(to_fen(d.compensation_total))} 元</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%"><thead><tr>{head}</tr></thead>{"".join(rows)}</table>
<p style="font-size: 9pt;">本表按现行安置标准和当前可选房源测算，仅供参考，以选房后签订的分配确认书为准。</p>
</body></html>"""
    document = PrintableDocument(
        kind="simulation",
        title="模拟安置测算表",
        parts=(html,),
        number="",
        code="",
        landscape=True,
        draft=True,
        demo=is_demo(db),
        household_id=household_id,
        file_stem=f"模拟安置_{d.household_no}",
    )
    return HousingRun("simulation", (document,), fonts, ())


def transition_document(
    db: Database, project_id: int, until: date, since: date | None = None, village_id: int | None = None
) -> HousingRun:
    """The 过渡费发放表 on paper: one line per household with a signature column, the total in figures and 大写."""
    require(db, Need.READ, "打印过渡费发放表")
    statement = settlement.transition_statement(db, project_id, until, since, village_id)
    if not statement.rows:
        raise ValidationError("所选期间没有应发的过渡费（请先登记搬迁日期）。")
    fonts = document_fonts(db)
    township = township_for(db, project_id)
    refuse_unless_ready("transition", "过渡费发放表", township)
    with db.read() as s:
        project = load_project(s, project_id)
    lines = []
    for i, r in enumerate(statement.rows, start=1):
        cells = [
            str(i),
            r.village,
            r.household_no,
            r.head_name,
            str(r.persons),
            r.moved_out_on.isoformat(),
            r.handed_over_on.isoformat() if r.handed_over_on else "",
            str(r.months),
            format_yuan(to_fen(r.amount)),
            r.fee.formula,
            "",
        ]
        right = {4, 7, 8}
        lines.append(
            "<tr>"
            + "".join(f'<td class="{"r" if c in right else ""}">{escape(v)}</td>' for c, v in enumerate(cells))
            + "</tr>"
        )
    heads = (
        "序号",
        "村",
        "户号",
        "户主",
        "人口",
        "搬迁日期",
        "交房日期",
        "月数",
        "金额（元）",
        "计算式（截至期末累计）",
        "领款人签字",
    )
    period = f"{since.isoformat()} 至 {until.isoformat()}" if since else f"截至 {until.isoformat()}"
    html = f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: '{fonts.body}'; font-size: 10pt; }}
.title {{ font-family: '{fonts.heading}'; font-size: 18pt; font-weight: bold; text-align: center; }}
table {{ border-collapse: collapse; font-size: 9pt; }} th {{ background-color: #eeeeee; }} .r {{ text-align: right; }}
</style></head><body>
<p class="title">{escape(project.name)} 过渡费发放表</p>
<p>发放单位：{escape(issuer_of(township))}　发放期：{escape(period)}　共 {len(statement.rows)} 户</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%"><thead><tr>{"".join(f"<th>{h}</th>" for h in heads)}</tr></thead>
{"".join(lines)}
<tr><td colspan="8" class="r"><b>合计</b></td><td class="r"><b>{format_yuan(to_fen(statement.total))}</b></td><td colspan="2"><b>{to_capital(to_fen(statement.total))}</b></td></tr>
</table>
<p style="margin-top: 14px;">经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿</p>
</body></html>"""
    document = PrintableDocument(
        kind="transition",
        title="过渡费发放表",
        parts=(html,),
        number=f"过渡费发放表 {period}",
        code="",
        landscape=True,
        demo=is_demo(db),
        file_stem=f"过渡费发放表_{until.isoformat()}",
    )
    return HousingRun("transition", (document,), fonts, ())
