"""The statutory steps of a project, their legal minimums, their evidence, and what is late or too short.

Periods are counted as the law counts them: the day a posting goes up is not counted
(民法典 第二百零一条), so a 预公告 posted on 6-03 for 10 working days may come down on the
10th working day after 6-03 at the earliest. A calendar-day period whose last day is a
day off runs to the next working day (第二百零三条). This is the strict reading: an
auditor may accept a shorter one, never a longer one.

Dates may be planned ahead (a posting scheduled for next week): a step whose start is still
to come is 已排期, one that has started and whose end is not past yet (or not entered) is
进行中; only a step whose end date has passed is 已完成. Planned dates are checked for the
legal minimum as entered ones are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from resettle.domain.workdays import UnknownYear, WorkCalendar, add_calendar_days, add_working_days
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.common import project_of, view_of
from resettle.services.procedure.calendar import calendar_in
from resettle.store.database import Database
from resettle.store.models import Project
from resettle.store.procedure_models import EvidenceFile, ProcedureStep

__all__ = [
    "CATALOGUE",
    "UNIT_DAYS",
    "UNIT_WORKING_DAYS",
    "EvidenceView",
    "StepDefinition",
    "StepView",
    "attach_step_evidence",
    "earliest_end",
    "evaluate",
    "list_steps",
    "plan_notice_end",
    "set_step",
    "verify_evidence",
]

UNIT_WORKING_DAYS = "工作日"
UNIT_DAYS = "日"

STATUS_NA = "不适用"
STATUS_NOT_STARTED = "未开始"
STATUS_SCHEDULED = "已排期"  # dates entered, start still to come
STATUS_RUNNING = "进行中"
STATUS_DONE = "已完成"
STATUS_SHORT = "期限不足"
STATUS_LATE = "逾期"
STATUS_UNKNOWN = "无法判断"
STATUS_ORDER = "顺序有误"
PROBLEM_STATUSES = frozenset({STATUS_SHORT, STATUS_LATE, STATUS_UNKNOWN, STATUS_ORDER})


@dataclass(frozen=True)
class StepDefinition:
    code: str
    name: str
    minimum: int = 0
    unit: str = ""
    applicable: bool = True
    rule: str = ""


CATALOGUE: tuple[StepDefinition, ...] = (
    StepDefinition(
        "pre_notice", "征收土地预公告", 10, UNIT_WORKING_DAYS, rule="公告期不少于10个工作日；公告日即补偿截止日"
    ),
    StepDefinition("survey", "土地现状调查", rule="调查结果由权利人签字确认"),
    StepDefinition("risk", "社会稳定风险评估", rule="在申请征收前完成"),
    StepDefinition("plan_notice", "补偿安置方案公告", 30, UNIT_DAYS, rule="公告期不少于30日"),
    StepDefinition("hearing", "听证", applicable=False, rule="多数被征地农户认为方案不符合规定时组织听证"),
    StepDefinition("registration", "补偿登记", rule="在公告规定期限内办理补偿登记"),
    StepDefinition("agreement", "协议签订", rule="与每个权利人签订补偿安置协议"),
    StepDefinition("expropriation_notice", "征收公告", rule="收到批准文件之日起15个工作日内发布"),
    StepDefinition("disclosure", "补偿公示", rule="公示每户补偿情况；期限按当地规定"),
)
BY_CODE = {d.code: d for d in CATALOGUE}
APPROVAL_NOTICE_WORKING_DAYS = 15


@dataclass(frozen=True)
class EvidenceView:
    id: int
    kind: str
    file_name: str
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class StepView:
    project_id: int
    code: str
    seq: int
    name: str
    start_date: date | None
    end_date: date | None
    due_date: date | None
    minimum: int
    unit: str
    applicable: bool
    place: str
    doc_no: str
    remarks: str
    rule: str
    earliest_end: date | None
    status: str
    problem: str
    evidence: tuple[EvidenceView, ...] = ()
    id: int | None = None

    @property
    def minimum_text(self) -> str:
        if not self.minimum or not self.unit:
            return ""
        return f"不少于 {self.minimum} 个工作日" if self.unit == UNIT_WORKING_DAYS else f"不少于 {self.minimum} 日"


def earliest_end(cal: WorkCalendar, start: date, minimum: int, unit: str) -> date | None:
    """The first day the posting may come down (start not counted)."""
    if not minimum or not unit:
        return None
    if unit == UNIT_WORKING_DAYS:
        return add_working_days(cal, start, minimum)
    return add_calendar_days(cal, start, minimum, roll_to_working_day=True)


def evaluate(
    cal: WorkCalendar,
    today: date,
    *,
    start: date | None,
    end: date | None,
    due: date | None,
    minimum: int,
    unit: str,
    applicable: bool = True,
) -> tuple[str, str, date | None]:
    """(status, what is wrong in words, earliest end) of one step on ``today``."""
    if not applicable:
        return STATUS_NA, "", None
    try:
        first_end = earliest_end(cal, start, minimum, unit) if start else None
    except UnknownYear as exc:
        return STATUS_UNKNOWN, exc.message, None
    if start is None:
        if due is not None and today > due:
            return STATUS_LATE, f"应于 {due.isoformat()} 前开始，至今未开始", None
        return STATUS_NOT_STARTED, "", None
    if due is not None and start > due:
        return STATUS_LATE, f"应于 {due.isoformat()} 前开始，实际 {start.isoformat()} 开始", first_end
    if end is not None and end < start:
        return STATUS_SHORT, "结束日期早于开始日期", first_end
    if end is not None and first_end is not None and end < first_end:
        return (
            STATUS_SHORT,
            f"法定不少于 {minimum} {'个工作日' if unit == UNIT_WORKING_DAYS else '日'}，{start.isoformat()} 开始最早 {first_end.isoformat()} 方可结束，"
            f"实际 {end.isoformat()} 结束",
            first_end,
        )
    if start > today:
        return STATUS_SCHEDULED, "", first_end
    if end is None or end > today:
        return STATUS_RUNNING, "", first_end
    return STATUS_DONE, "", first_end


def _due(cal: WorkCalendar, project: Project, code: str, stored: date | None) -> date | None:
    if stored is not None:
        return stored
    if code == "expropriation_notice" and project.approval_date is not None:
        try:
            return add_working_days(cal, project.approval_date, APPROVAL_NOTICE_WORKING_DAYS)
        except UnknownYear:
            return None
    return None


def _view(
    cal: WorkCalendar, today: date, project: Project, seq: int, d: StepDefinition, row: ProcedureStep | None
) -> StepView:
    start = row.start_date if row else None
    end = row.end_date if row else None
    minimum = row.minimum if row else d.minimum
    unit = row.unit if row else d.unit
    applicable = row.applicable if row else d.applicable
    due = _due(cal, project, d.code, row.due_date if row else None)
    if d.code == "pre_notice" and start is None:
        start = project.cutoff_date
    status, problem, first_end = evaluate(
        cal, today, start=start, end=end, due=due, minimum=minimum, unit=unit, applicable=applicable
    )
    evidence = tuple(evidence_view(e) for e in (row.evidence if row else []))
    return StepView(
        project_id=project.id,
        code=d.code,
        seq=seq,
        name=d.name,
        start_date=start,
        end_date=end,
        due_date=due,
        minimum=minimum,
        unit=unit,
        applicable=applicable,
        place=row.place if row else "",
        doc_no=row.doc_no if row else "",
        remarks=row.remarks if row else "",
        rule=d.rule,
        earliest_end=first_end,
        status=status,
        problem=problem,
        evidence=evidence,
        id=row.id if row else None,
    )


def steps_in(s: Session, project_id: int, today: date, cal: WorkCalendar | None = None) -> list[StepView]:
    project = project_of(s, project_id)
    cal = cal or calendar_in(s)
    rows = {
        r.code: r
        for r in s.scalars(
            select(ProcedureStep)
            .where(ProcedureStep.project_id == project_id)
            .options(selectinload(ProcedureStep.evidence))
        )
    }
    views = [_view(cal, today, project, i, d, rows.get(d.code)) for i, d in enumerate(CATALOGUE, start=1)]
    return _order_checked(views)


# (step, the step whose period must be over first): a plan posted while the 预公告 still runs,
# or agreements signed while households may still object to the plan, are out of order.
ORDER: tuple[tuple[str, str], ...] = (("plan_notice", "pre_notice"), ("agreement", "plan_notice"))


def _order_checked(views: list[StepView]) -> list[StepView]:
    by = {v.code: v for v in views}
    out = []
    for v in views:
        for code, before in ORDER:
            prior = by[before]
            end = max(filter(None, (prior.earliest_end, prior.end_date)), default=None)
            if v.code != code or v.start_date is None or end is None or not prior.applicable:
                continue
            if v.start_date <= end and v.status not in PROBLEM_STATUSES:
                problem = f"{prior.name}期 {end.isoformat()} 届满前就开始了（{v.start_date.isoformat()}）"
                v = replace(v, status=STATUS_ORDER, problem=problem)
        out.append(v)
    return out


def list_steps(db: Database, project_id: int, today: date | None = None) -> list[StepView]:
    """The project's steps in legal order with their dates and what is late or too short."""
    require(db, Need.READ, "查看征收程序")
    with db.read() as s:
        return steps_in(s, project_id, today or date.today())


_UNSET: object = object()


def _row(s: Session, project_id: int, code: str) -> ProcedureStep:
    d = BY_CODE.get(code)
    if d is None:
        names = "、".join(f"{x.code}（{x.name}）" for x in CATALOGUE)
        raise ValidationError(f"没有「{code}」这个程序步骤，可选：{names}", field="步骤")
    row = s.scalars(
        select(ProcedureStep).where(ProcedureStep.project_id == project_id, ProcedureStep.code == code)
    ).first()
    if row is None:
        row = ProcedureStep(
            project_id=project_id,
            code=code,
            seq=CATALOGUE.index(d) + 1,
            name=d.name,
            minimum=d.minimum,
            unit=d.unit,
            applicable=d.applicable,
        )
        s.add(row)
    return row


def set_step(
    db: Database,
    project_id: int,
    code: str,
    *,
    start_date: date | object | None = _UNSET,
    end_date: date | object | None = _UNSET,
    due_date: date | object | None = _UNSET,
    minimum: int | None = None,
    unit: str | None = None,
    applicable: bool | None = None,
    place: str | None = None,
    doc_no: str | None = None,
    remarks: str | None = None,
    today: date | None = None,
) -> StepView:
    """Record a step's dates and particulars. Setting the 预公告 date sets the project's cut-off."""
    require(db, Need.ENTER, "登记征收程序")
    if minimum is not None and minimum < 0:
        raise ValidationError("法定期限不能为负数", field="期限")
    if unit is not None and unit not in ("", UNIT_DAYS, UNIT_WORKING_DAYS):
        raise ValidationError(f"期限单位应为「{UNIT_WORKING_DAYS}」或「{UNIT_DAYS}」", field="单位")
    name = BY_CODE[code].name if code in BY_CODE else code
    with db.write(reason=f"登记征收程序：{name}") as s:
        project = project_of(s, project_id)
        row = _row(s, project_id, code)
        for key, value in (("start_date", start_date), ("end_date", end_date), ("due_date", due_date)):
            if value is not _UNSET:
                setattr(row, key, value)
        for key, opt in (
            ("minimum", minimum),
            ("unit", unit),
            ("applicable", applicable),
            ("place", place),
            ("doc_no", doc_no),
            ("remarks", remarks),
        ):
            if opt is not None:
                setattr(row, key, opt.strip() if isinstance(opt, str) else opt)
        if row.start_date and row.end_date and row.end_date < row.start_date:
            raise ValidationError("结束日期早于开始日期", field="结束日期")
        if code == "pre_notice" and start_date is not _UNSET and project.cutoff_date != row.start_date:
            project.cutoff_date = row.start_date
        s.flush()
        views = steps_in(s, project_id, today or date.today())
    return next(v for v in views if v.code == code)


def _sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def evidence_file(path: Path, kind: str) -> EvidenceFile:
    """A new evidence row for ``path`` (a step's or a grievance's): its SHA-256 and size fix what was attached.

    Read before the write transaction opens; refuses what is not a readable file."""
    if not path.is_file():
        raise NotFoundError(f"找不到文件「{path}」")
    try:
        digest, size = _sha256(path)
    except OSError as exc:
        raise ValidationError(f"无法读取文件「{path.name}」：{exc.strerror or exc}", field="文件") from exc
    now = datetime.now(UTC).replace(tzinfo=None)
    return EvidenceFile(
        kind=kind, file_name=path.name, path=str(path.absolute()), size=size, sha256=digest, added_at=now
    )


def evidence_view(e: EvidenceFile) -> EvidenceView:
    return view_of(EvidenceView, e)


def attach_step_evidence(db: Database, project_id: int, code: str, path: Path, kind: str = "照片") -> EvidenceView:
    """A photo of the posted notice, a notary record…: its SHA-256 fixes what was attached."""
    require(db, Need.ENTER, "添加程序证据")
    ev = evidence_file(path, kind)
    with db.write(reason=f"添加程序证据 {path.name}") as s:
        project_of(s, project_id)
        row = _row(s, project_id, code)  # held until the flush
        row.evidence.append(ev)
        s.flush()
        return evidence_view(ev)


@dataclass(frozen=True)
class EvidenceCheck:
    evidence: EvidenceView
    state: str  # 一致 / 已改动 / 找不到


def verify_evidence(db: Database, project_id: int) -> list[EvidenceCheck]:
    """Is each attached file still the one that was hashed?"""
    require(db, Need.READ, "核对程序证据")
    with db.read() as s:
        project_of(s, project_id)
        rows = s.scalars(
            select(EvidenceFile)
            .join(ProcedureStep, EvidenceFile.step_id == ProcedureStep.id)
            .where(ProcedureStep.project_id == project_id)
            .order_by(EvidenceFile.id)
        ).all()
        views = [evidence_view(e) for e in rows]
    out: list[EvidenceCheck] = []
    for v in views:
        p = Path(v.path)
        if not p.is_file():
            out.append(EvidenceCheck(v, "找不到"))
            continue
        out.append(EvidenceCheck(v, "一致" if _sha256(p)[0] == v.sha256 else "已改动"))
    return out


def plan_notice_end(s: Session, project_id: int) -> tuple[date | None, str]:
    """When the 补偿安置方案公告 period ends (the earliest day agreements may be printed), and why not."""
    cal = calendar_in(s)
    row = s.scalars(
        select(ProcedureStep).where(ProcedureStep.project_id == project_id, ProcedureStep.code == "plan_notice")
    ).first()
    if row is None or row.start_date is None:
        return None, "补偿安置方案公告尚未登记"
    try:
        first = earliest_end(cal, row.start_date, row.minimum, row.unit) or row.start_date
    except UnknownYear as exc:
        return None, exc.message
    end = max(first, row.end_date) if row.end_date else first
    return end, ""
