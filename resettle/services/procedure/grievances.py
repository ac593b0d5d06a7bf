"""Grievances and objections (信访 / 异议) and the posting records (公示) they may be raised against.

A grievance's due date comes from its period: working days on the calendar (a 公示期异议
is answered within 5 working days by default) or calendar days rolled to the next working
day (a 信访 matter within 60 days, as the 信访工作条例 sets). Both can be changed per
grievance: local rules differ. A calendar-day period ending in a year whose notice is not
loaded yet ends on its plain date (never later than the true one); a working-day period
there is refused. An objection received during a posting period is linked
to that posting. A grievance is received and closed on a day that has come: a date after
today is refused (a typo for the year would number it in the wrong year), and a closed
grievance is not closed again (its answer and date are what the office sent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from resettle.domain.posting import cn_date
from resettle.domain.workdays import UnknownYear, WorkCalendar, add_calendar_days, add_working_days
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.common import project_of, view_of
from resettle.services.procedure.calendar import calendar_in
from resettle.services.procedure.steps import (
    BY_CODE,
    CATALOGUE,
    UNIT_DAYS,
    UNIT_WORKING_DAYS,
    EvidenceView,
    earliest_end,
    evidence_file,
    evidence_view,
)
from resettle.store.audit import chain_head
from resettle.store.database import Database
from resettle.store.models import Household
from resettle.store.procedure_models import Grievance, PostingRecord, ProcedureStep

__all__ = [
    "CHANNELS",
    "DEFAULT_PERIODS",
    "SUBJECT_KINDS",
    "GrievanceInput",
    "GrievanceView",
    "PostingView",
    "add_grievance",
    "add_posting",
    "attach_grievance_evidence",
    "close_grievance",
    "due_date",
    "find_grievance",
    "get_grievance",
    "list_grievances",
    "list_postings",
    "overdue_count",
]

CHANNEL_OBJECTION = "公示期异议"
CHANNELS = ("来访", "电话", "信件", CHANNEL_OBJECTION)
SUBJECT_KINDS = ("户", "补偿明细", "名单", "房源", "其他")
DEFAULT_PERIODS: dict[str, tuple[int, str]] = {
    "来访": (60, UNIT_DAYS),
    "电话": (60, UNIT_DAYS),
    "信件": (60, UNIT_DAYS),
    CHANNEL_OBJECTION: (5, UNIT_WORKING_DAYS),
}

STATUS_OPEN = "办理中"
STATUS_OVERDUE = "已逾期"
STATUS_CLOSED = "已办结"
STATUS_CLOSED_LATE = "逾期办结"


def due_date(cal: WorkCalendar, received: date, period: int, unit: str) -> date:
    """The day the answer is due (received day not counted)."""
    if period <= 0:
        raise ValidationError("办理期限应大于 0", field="期限")
    if unit == UNIT_WORKING_DAYS:
        return add_working_days(cal, received, period)
    if unit == UNIT_DAYS:
        try:
            return add_calendar_days(cal, received, period, roll_to_working_day=True)
        except UnknownYear:
            # The roll past a day off cannot be known yet; the plain date is never later than
            # the true one, so the office answers in time whatever the notice will say.
            return add_calendar_days(cal, received, period)
    raise ValidationError(f"期限单位应为「{UNIT_WORKING_DAYS}」或「{UNIT_DAYS}」", field="单位")


@dataclass(frozen=True)
class GrievanceInput:
    person: str
    channel: str
    received_on: date
    category: str = ""
    subject_kind: str = ""
    subject: str = ""
    household_no: str = ""
    posting_id: int | None = None
    content: str = ""
    phone: str = ""
    handler: str = ""
    period: int | None = None
    period_unit: str | None = None


@dataclass(frozen=True)
class GrievanceView:
    id: int
    project_id: int
    number: str
    person: str
    phone: str
    channel: str
    category: str
    subject_kind: str
    subject: str
    household_id: int | None
    household_no: str
    posting_id: int | None
    posting_title: str
    content: str
    received_on: date
    period: int
    period_unit: str
    due_on: date
    handler: str
    answer: str
    closed_on: date | None
    status: str
    overdue: bool
    days_over: int
    evidence: tuple[EvidenceView, ...] = ()


def _not_after_today(day: date, today: date, what: str) -> None:
    """Grievances record what happened: a day still to come is a typo (2027 for 2026), refused."""
    if day > today:
        raise ValidationError(
            f"{what} {cn_date(day)} 晚于今天（{cn_date(today)}），不能登记尚未到来的日期；请检查年份", field=what
        )


def _status(g: Grievance, today: date) -> tuple[str, bool, int]:
    if g.closed_on is not None:
        late = g.closed_on > g.due_on
        return (STATUS_CLOSED_LATE if late else STATUS_CLOSED), False, 0
    if today > g.due_on:
        return STATUS_OVERDUE, True, (today - g.due_on).days
    return STATUS_OPEN, False, 0


def _view(g: Grievance, today: date, household_no: str, posting_title: str) -> GrievanceView:
    status, overdue, days_over = _status(g, today)
    return view_of(
        GrievanceView,
        g,
        household_no=household_no,
        posting_title=posting_title,
        status=status,
        overdue=overdue,
        days_over=days_over,
        evidence=tuple(evidence_view(e) for e in g.evidence),
    )


def _views(s: Session, rows: list[Grievance], today: date) -> list[GrievanceView]:
    hids = {g.household_id for g in rows if g.household_id is not None}
    pids = {g.posting_id for g in rows if g.posting_id is not None}
    nos = dict(s.execute(select(Household.id, Household.household_no).where(Household.id.in_(hids))).all())
    titles = dict(s.execute(select(PostingRecord.id, PostingRecord.title).where(PostingRecord.id.in_(pids))).all())
    return [_view(g, today, nos.get(g.household_id or 0, ""), titles.get(g.posting_id or 0, "")) for g in rows]


def _covering_posting(s: Session, project_id: int, day: date) -> int | None:
    ids = s.scalars(
        select(PostingRecord.id).where(
            PostingRecord.project_id == project_id, PostingRecord.start_date <= day, PostingRecord.end_date >= day
        )
    ).all()
    return int(ids[0]) if len(ids) == 1 else None


def add_grievance(db: Database, project_id: int, data: GrievanceInput, today: date | None = None) -> GrievanceView:
    """Register a grievance or objection with its due date; an objection is linked to its posting."""
    require(db, Need.ENTER, "登记信访和异议")
    problems: list[str] = []
    if not data.person.strip():
        problems.append("来访人/异议人不能为空")
    if data.channel not in CHANNELS:
        problems.append(f"渠道应为 {'、'.join(CHANNELS)} 之一，而不是「{data.channel}」")
    if data.subject_kind and data.subject_kind not in SUBJECT_KINDS:
        problems.append(f"事项类别应为 {'、'.join(SUBJECT_KINDS)} 之一，而不是「{data.subject_kind}」")
    if problems:
        raise ValidationError("；".join(problems))
    _not_after_today(data.received_on, today or date.today(), "受理日期")
    period, unit = DEFAULT_PERIODS[data.channel]
    period = data.period if data.period is not None else period
    unit = data.period_unit or unit
    with db.write(reason=f"登记{data.channel}：{data.person.strip()}") as s:
        project_of(s, project_id)
        cal = calendar_in(s)
        due = due_date(cal, data.received_on, period, unit)
        household_id = None
        subject_kind = data.subject_kind
        if data.household_no.strip():
            household_id = s.scalar(
                select(Household.id).where(
                    Household.project_id == project_id, Household.household_no == data.household_no.strip()
                )
            )
            if household_id is None:
                raise NotFoundError(f"本项目没有户号「{data.household_no.strip()}」")
            subject_kind = subject_kind or "户"
        posting_id = data.posting_id
        if posting_id is not None:
            posting = s.get(PostingRecord, posting_id)
            if posting is None or posting.project_id != project_id:
                raise NotFoundError(f"本项目没有编号为 {posting_id} 的公示记录")
        elif data.channel == CHANNEL_OBJECTION:
            posting_id = _covering_posting(s, project_id, data.received_on)
        if posting_id is not None:
            subject_kind = subject_kind or "名单"
        year = data.received_on.year
        count = s.scalar(
            select(func.count())
            .select_from(Grievance)
            .where(Grievance.project_id == project_id, Grievance.number.like(f"{year}-%"))
        )
        g = Grievance(
            project_id=project_id,
            number=f"{year}-{int(count or 0) + 1:03d}",
            person=data.person.strip(),
            phone=data.phone.strip(),
            channel=data.channel,
            category=data.category.strip(),
            subject_kind=subject_kind,
            subject=data.subject.strip(),
            household_id=household_id,
            posting_id=posting_id,
            content=data.content.strip(),
            received_on=data.received_on,
            period=period,
            period_unit=unit,
            due_on=due,
            handler=data.handler.strip(),
        )
        s.add(g)
        s.flush()
        return _views(s, [g], today or date.today())[0]


def _grievance(s: Session, project_id: int, grievance_id: int) -> Grievance:
    g = s.get(Grievance, grievance_id, options=[selectinload(Grievance.evidence)])
    if g is None or g.project_id != project_id:
        name = project_of(s, project_id).name
        raise NotFoundError(f"项目「{name}」没有序号为 {grievance_id} 的信访记录（信访编号形如 2026-001）")
    return g


NUMBER = re.compile(r"(\d{4})-(\d{1,6})")


def find_grievance(db: Database, project_id: int, ref: str) -> int:
    """The id of the project's grievance named by its 编号 (``2026-001``; ``2026-1`` too) or by its id
    (the number in brackets in the list): clerks quote the 编号 printed on the receipt."""
    require(db, Need.READ, "查看信访记录")
    text = ref.strip()
    with db.read() as s:
        name = project_of(s, project_id).name
        number = NUMBER.fullmatch(text)
        if number:
            canonical = f"{number.group(1)}-{int(number.group(2)):03d}"
            gid = s.scalar(
                select(Grievance.id).where(Grievance.project_id == project_id, Grievance.number == canonical)
            )
            if gid is None:
                raise NotFoundError(f"项目「{name}」没有编号为 {canonical} 的信访记录（可用 grievances list 查看）")
            return int(gid)
        if text.isdigit():
            g = s.get(Grievance, int(text))
            if g is None or g.project_id != project_id:
                raise NotFoundError(
                    f"项目「{name}」没有序号为 {text} 的信访记录；请写信访编号（如 2026-001，可用 grievances list 查看）"
                )
            return int(g.id)
    raise ValidationError(f"「{ref}」不是信访编号：请写编号（如 2026-001）或列表方括号中的序号", field="编号")


def get_grievance(db: Database, project_id: int, grievance_id: int, today: date | None = None) -> GrievanceView:
    require(db, Need.READ, "查看信访记录")
    with db.read() as s:
        return _views(s, [_grievance(s, project_id, grievance_id)], today or date.today())[0]


def close_grievance(
    db: Database,
    project_id: int,
    grievance_id: int,
    answer: str,
    closed_on: date,
    handler: str | None = None,
    today: date | None = None,
) -> GrievanceView:
    """Record the answer and the closing date."""
    require(db, Need.ENTER, "办结信访")
    if not answer.strip():
        raise ValidationError("办结需填写答复内容", field="答复")
    _not_after_today(closed_on, today or date.today(), "办结日期")
    with db.write(reason="办结信访") as s:
        g = _grievance(s, project_id, grievance_id)
        if g.closed_on is not None:
            raise ValidationError(f"信访 {g.number} 已于 {cn_date(g.closed_on)} 办结，不能再次办结", field="办结日期")
        if closed_on < g.received_on:
            raise ValidationError(
                f"办结日期 {closed_on.isoformat()} 早于受理日期 {g.received_on.isoformat()}", field="办结日期"
            )
        g.answer = answer.strip()
        g.closed_on = closed_on
        if handler is not None:
            g.handler = handler.strip()
        s.flush()
        return _views(s, [g], today or date.today())[0]


def list_grievances(
    db: Database,
    project_id: int,
    today: date | None = None,
    *,
    open_only: bool = False,
    overdue_only: bool = False,
) -> list[GrievanceView]:
    require(db, Need.READ, "查看信访记录")
    today = today or date.today()
    with db.read() as s:
        project_of(s, project_id)
        q = select(Grievance).where(Grievance.project_id == project_id)
        if open_only or overdue_only:
            q = q.where(Grievance.closed_on.is_(None))
        if overdue_only:
            q = q.where(Grievance.due_on < today)
        rows = list(
            s.scalars(q.options(selectinload(Grievance.evidence)).order_by(Grievance.received_on, Grievance.id))
        )
        return _views(s, rows, today)


def overdue_count(db: Database, project_id: int, today: date | None = None) -> int:
    """Open grievances past their due date (for the dashboard)."""
    require(db, Need.READ, "查看信访记录")
    today = today or date.today()
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Grievance)
                .where(Grievance.project_id == project_id, Grievance.closed_on.is_(None), Grievance.due_on < today)
            )
            or 0
        )


def attach_grievance_evidence(
    db: Database, project_id: int, grievance_id: int, path: Path, kind: str = "信件"
) -> EvidenceView:
    require(db, Need.ENTER, "添加信访附件")
    ev = evidence_file(path, kind)
    with db.write(reason=f"添加信访附件 {path.name}") as s:
        g = _grievance(s, project_id, grievance_id)  # held until the flush
        g.evidence.append(ev)
        s.flush()
        return evidence_view(ev)


# -- posting records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PostingView:
    id: int
    project_id: int
    title: str
    place: str
    start_date: date
    end_date: date
    minimum: int
    unit: str
    earliest_end: date | None
    too_short: bool
    chain_head: str
    step_code: str
    objections: int
    open_objections: int


def add_posting(
    db: Database,
    project_id: int,
    title: str,
    place: str,
    start_date: date,
    end_date: date,
    *,
    step_code: str | None = None,
    minimum: int = 0,
    unit: str = "",
) -> PostingView:
    """Record a posted list; the audit chain head at this moment is kept and printed on it."""
    require(db, Need.ENTER, "登记公示")
    if not title.strip():
        raise ValidationError("公示名称不能为空", field="名称")
    if end_date < start_date:
        raise ValidationError("公示结束日期早于开始日期", field="结束日期")
    with db.write(reason=f"登记公示：{title.strip()}") as s:
        project_of(s, project_id)
        step_id = None
        if step_code:
            definition = BY_CODE.get(step_code)
            if definition is None:
                names = "、".join(f"{x.code}（{x.name}）" for x in CATALOGUE)
                raise ValidationError(f"没有「{step_code}」这个程序步骤，可选：{names}", field="步骤")
            step = s.scalars(
                select(ProcedureStep).where(ProcedureStep.project_id == project_id, ProcedureStep.code == step_code)
            ).first()
            if step is None:
                raise NotFoundError(
                    f"本项目尚未登记程序步骤「{definition.name}」：请先在「程序 → 程序时间线」选中「{definition.name}」"
                    f"点「登记日期…」，或用命令 resettle procedure set {step_code} --start 日期 登记"
                )
            step_id = step.id
            if not minimum:
                minimum, unit = step.minimum, step.unit
        head = chain_head(s.connection())
        row = PostingRecord(
            project_id=project_id,
            step_id=step_id,
            title=title.strip(),
            place=place.strip(),
            start_date=start_date,
            end_date=end_date,
            minimum=minimum,
            unit=unit,
            chain_head=head,
            recorded_at=datetime.now(UTC).replace(tzinfo=None),
        )
        s.add(row)
        s.flush()
        return _postings(s, project_id, [row])[0]


def _postings(s: Session, project_id: int, rows: list[PostingRecord]) -> list[PostingView]:
    cal = calendar_in(s)
    counts = {
        pid: (int(total), int(open_))
        for pid, total, open_ in s.execute(
            select(
                Grievance.posting_id,
                func.count(),
                func.sum(Grievance.closed_on.is_(None)),
            )
            .where(Grievance.project_id == project_id, Grievance.posting_id.is_not(None))
            .group_by(Grievance.posting_id)
        )
    }
    codes = dict(
        s.execute(select(ProcedureStep.id, ProcedureStep.code).where(ProcedureStep.project_id == project_id)).all()
    )
    out: list[PostingView] = []
    for r in rows:
        try:
            first = earliest_end(cal, r.start_date, r.minimum, r.unit)
        except ValidationError:
            first = None
        total, open_ = counts.get(r.id, (0, 0))
        out.append(
            view_of(
                PostingView,
                r,
                earliest_end=first,
                too_short=first is not None and r.end_date < first,
                step_code=codes.get(r.step_id or 0, ""),
                objections=total,
                open_objections=open_,
            )
        )
    return out


def list_postings(db: Database, project_id: int) -> list[PostingView]:
    require(db, Need.READ, "查看公示记录")
    with db.read() as s:
        project_of(s, project_id)
        rows = list(
            s.scalars(
                select(PostingRecord)
                .where(PostingRecord.project_id == project_id)
                .order_by(PostingRecord.start_date, PostingRecord.id)
            )
        )
        return _postings(s, project_id, rows)
