"""Procedure: ``calendar``, ``procedure``, ``grievances`` (issue 15)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from resettle.cli.common import add_common, command, command_group, emit, open_db, parse_date
from resettle.services.procedure import agreements, calendar, grievances, printing, steps
from resettle.services.procedure import settings as procedure_settings
from resettle.services.register import projects

WEEKDAYS = "一二三四五六日"


def _weekday(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


# -- calendar ----------------------------------------------------------------------------------


def cmd_add_days(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        result = calendar.nth_working_day(db, args.date, args.n)
    emit(args, {"date": result.isoformat()}, f"{result.isoformat()}（{_weekday(result)}）")
    return 0


def cmd_is_working(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        working = calendar.work_calendar(db).is_working_day(args.date)
    emit(
        args,
        {"date": args.date.isoformat(), "working_day": working},
        f"{args.date.isoformat()}（{_weekday(args.date)}）{'是' if working else '不是'}工作日",
    )
    return 0


def cmd_calendar_show(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        cal = calendar.work_calendar(db)
        if args.year is not None:
            cal.check(date(args.year, 1, 1))
        rows = calendar.holiday_rows(db, args.year)
    payload = {
        "years": sorted(cal.years),
        "days": [{"date": r.day.isoformat(), "kind": r.kind, "name": r.name, "source": r.source} for r in rows],
    }
    lines = [f"已知年份：{'、'.join(map(str, sorted(cal.years)))}"]
    lines += [f"{r.day.isoformat()} {_weekday(r.day)} {r.kind} {r.name}" for r in rows]
    emit(args, payload, "\n".join(lines))
    return 0


def cmd_calendar_import(args: argparse.Namespace) -> int:
    years = tuple(args.year) if args.year else None
    with open_db(args, startup_backup=True) as db:
        loaded = calendar.load_holiday_workbook(db, Path(args.file), args.source or "", years)
    emit(
        args,
        {"years": list(loaded.years), "days": loaded.days},
        f"已导入 {'、'.join(map(str, loaded.years))} 年节假日安排（{loaded.days} 个调整日）",
    )
    return 0


def cmd_calendar_export(args: argparse.Namespace) -> int:
    years = tuple(args.year) if args.year else None
    with open_db(args) as db:
        n = calendar.export_holiday_workbook(db, Path(args.out), years)
    emit(args, {"out": str(args.out), "days": n}, f"已导出 {n} 个调整日到 {args.out}（工作表「节假日」）")
    return 0


# -- procedure ---------------------------------------------------------------------------------


def _step_line(v: steps.StepView) -> str:
    dates = f"{v.start_date or '—'} 至 {v.end_date or '—'}"
    extra = [x for x in (v.minimum_text, f"最早结束 {v.earliest_end}" if v.earliest_end else "",
                         f"期限 {v.due_date}" if v.due_date else "") if x]  # fmt: skip
    line = f"{v.seq}. {v.name}  {dates}  【{v.status}】"
    if extra:
        line += "  " + "；".join(extra)
    if v.problem:
        line += f"\n     {v.problem}"
    return line


def cmd_procedure(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        views = steps.list_steps(db, pid, today)
    problems = [v for v in views if v.status in steps.PROBLEM_STATUSES]
    text = "\n".join(_step_line(v) for v in views)
    text += f"\n有问题的步骤：{len(problems)} 个" if problems else "\n没有逾期或期限不足的步骤"
    emit(args, {"project_id": pid, "steps": [asdict(v) for v in views]}, text)
    return 0


def cmd_procedure_set(args: argparse.Namespace) -> int:
    kwargs: dict[str, Any] = {}
    if args.start is not None:
        kwargs["start_date"] = args.start
    if args.end is not None:
        kwargs["end_date"] = args.end
    if args.due is not None:
        kwargs["due_date"] = args.due
    if args.clear_end:
        kwargs["end_date"] = None
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        v = steps.set_step(
            db,
            pid,
            args.step,
            minimum=args.minimum,
            unit=args.unit,
            applicable=args.applicable,
            place=args.place,
            doc_no=args.doc_no,
            remarks=args.remarks,
            today=args.today,
            **kwargs,
        )
    emit(args, asdict(v), _step_line(v))
    return 0


def cmd_procedure_attach(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        ev = steps.attach_step_evidence(db, pid, args.step, Path(args.file), args.kind)
    emit(args, asdict(ev), f"已附上「{ev.file_name}」（SHA-256 {ev.sha256}）")
    return 0


def cmd_procedure_verify(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        checks = steps.verify_evidence(db, pid)
    bad = [c for c in checks if c.state != "一致"]
    emit(
        args,
        {"files": [{**asdict(c.evidence), "state": c.state} for c in checks]},
        "\n".join(f"{c.state}  {c.evidence.file_name}" for c in checks) or "没有附件",
    )
    return 1 if bad else 0


def _posting_payload(p: grievances.PostingView) -> dict[str, Any]:
    return asdict(p)


def cmd_post(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        p = grievances.add_posting(
            db, pid, args.title, args.place or "", args.start, args.end, step_code=args.step,
            minimum=args.minimum or 0, unit=args.unit or "",
        )  # fmt: skip
    note = "（期限不足！）" if p.too_short else ""
    emit(
        args, _posting_payload(p), f"已登记公示「{p.title}」{p.start_date} 至 {p.end_date}{note}；审计链 {p.chain_head}"
    )
    return 0


def cmd_postings(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        rows = grievances.list_postings(db, pid)
    text = "\n".join(
        f"{p.id}. {p.title}  {p.place}  {p.start_date} 至 {p.end_date}{'  期限不足' if p.too_short else ''}"
        f"  异议 {p.objections}（未办结 {p.open_objections}）  审计链 {p.chain_head[:16]}…"
        for p in rows
    )
    emit(args, {"project_id": pid, "postings": [_posting_payload(p) for p in rows]}, text or "没有公示记录")
    return 0


def cmd_allow_agreements(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        gate = agreements.allow_early_agreements(db, pid, args.reason)
    emit(args, asdict(gate), gate.message or "已放行：可打印正式协议")
    return 0


def cmd_procedure_settings(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=args.family_changes is not None) as db:
        pid = projects.resolve_project(db, args.project)
        if args.family_changes is not None:
            current = procedure_settings.set_family_changes_after_cutoff(db, pid, args.family_changes == "count")
        else:
            current = procedure_settings.get_procedure_settings(db, pid)
        gate = agreements.agreement_gate(db, pid, args.today)
    text = (
        f"截止日后出生、婚嫁人口：{'计入' if current.family_changes_after_cutoff_count else '不计入'}安置人口"
        f"（修改后请重新计算补偿）\n正式协议：{'可以打印' if gate.allowed else '暂不能打印'}"
        + (f"（{gate.message}）" if gate.message else "")
    )
    emit(args, {**asdict(current), "agreements_allowed": gate.allowed, "agreements_message": gate.message}, text)
    return 0


def cmd_g_attach(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        gid = grievances.find_grievance(db, pid, args.id)
        ev = grievances.attach_grievance_evidence(db, pid, gid, Path(args.file), args.kind)
        number = grievances.get_grievance(db, pid, gid).number
    emit(args, asdict(ev), f"已为信访 {number} 附上「{ev.file_name}」（SHA-256 {ev.sha256}）")
    return 0


# -- grievances --------------------------------------------------------------------------------


def _g_line(g: grievances.GrievanceView) -> str:
    mark = f"  逾期 {g.days_over} 天" if g.overdue else ""
    about = " ".join(x for x in (g.subject_kind, g.household_no, g.posting_title, g.subject) if x)
    return f"[{g.id}] {g.number} {g.received_on} {g.channel} {g.person}  {about}  期限 {g.due_on}  {g.status}{mark}"


def cmd_g_add(args: argparse.Namespace) -> int:
    data = grievances.GrievanceInput(
        person=args.person,
        channel=args.channel,
        received_on=args.received or args.today or date.today(),
        category=args.category or "",
        subject_kind=args.about or "",
        subject=args.subject or "",
        household_no=args.household or "",
        posting_id=args.posting,
        content=args.content or "",
        phone=args.phone or "",
        handler=args.handler or "",
        period=args.period,
        period_unit=args.unit,
    )
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        g = grievances.add_grievance(db, pid, data, today=args.today)
    emit(args, asdict(g), f"已登记：{_g_line(g)}")
    return 0


def cmd_g_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        rows = grievances.list_grievances(db, pid, args.today, open_only=args.open, overdue_only=args.overdue)
    overdue = sum(1 for g in rows if g.overdue)
    text = "\n".join(_g_line(g) for g in rows) or "没有信访记录"
    if overdue:
        text += f"\n逾期未办结：{overdue} 件"
    emit(args, {"project_id": pid, "grievances": [asdict(g) for g in rows], "overdue": overdue}, text)
    return 0


def cmd_g_close(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        gid = grievances.find_grievance(db, pid, args.id)
        closed_on = args.date or args.today or date.today()
        g = grievances.close_grievance(db, pid, gid, args.answer, closed_on, args.handler, today=args.today)
    emit(args, asdict(g), f"已办结信访 {g.number}：{_g_line(g)}")
    return 0


def cmd_g_export(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        n = printing.export_grievance_log(db, pid, Path(args.out), args.today)
    emit(args, {"out": str(args.out), "rows": n}, f"已导出信访台账 {n} 条到 {args.out}")
    return 0


def cmd_g_print(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        gid = grievances.find_grievance(db, pid, args.id)
        number = grievances.get_grievance(db, pid, gid).number
        out = printing.print_grievance_letter(db, pid, gid, args.letter, Path(args.out))
    emit(args, {"out": str(out)}, f"已打印信访 {number} 的{printing.LETTERS[args.letter][1]}到 {out}")
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError("天数不能为负数")
    return value


GRIEVANCE_REF = "信访编号（如 2026-001），或 grievances list 中方括号里的序号"


def _project_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--project", help="项目名称或编号（只有一个项目时可省略）")
    p.add_argument("--today", type=parse_date, help="按这一天判断是否逾期（默认今天）")


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
    cal_sub = command_group(sub, "calendar", "工作日日历：推算第 N 个工作日、查看和导入节假日安排")
    p = command(cal_sub, "add-days", cmd_add_days, "DATE 之后第 N 个工作日（DATE 当天不计）")
    p.add_argument("date", type=parse_date)
    p.add_argument("n", type=_positive)
    p = command(cal_sub, "is-working", cmd_is_working, "某天是否工作日")
    p.add_argument("date", type=parse_date)
    p = command(cal_sub, "show", cmd_calendar_show, "列出已知年份的放假和调休上班日")
    p.add_argument("--year", type=int)
    p = command(cal_sub, "import", cmd_calendar_import, "从「节假日」工作簿（日期、休/班）导入某年的安排")
    p.add_argument("file")
    p.add_argument("--source", help="依据，如 国办发明电〔2026〕X号")
    p.add_argument("--year", type=int, action="append", help="工作簿所属年份（可重复；默认取表中日期的年份）")
    p = command(
        cal_sub, "export", cmd_calendar_export, "把节假日安排导出为「节假日」工作簿（核对，或作为新一年的格式）"
    )
    p.add_argument("out")
    p.add_argument("--year", type=int, action="append", help="只导出这一年（可重复）")

    proc = sub.add_parser("procedure", help="征收程序：各步骤日期、法定期限、逾期和期限不足")
    _project_arg(proc)
    proc.set_defaults(func=cmd_procedure)
    add_common(proc)
    proc_sub = proc.add_subparsers(dest="procedure_command", required=False)
    p = command(proc_sub, "set", cmd_procedure_set, "登记某一步骤的日期和情况")
    p.add_argument("step", help="、".join(f"{d.code}（{d.name}）" for d in steps.CATALOGUE))
    _project_arg(p)
    p.add_argument("--start", type=parse_date)
    p.add_argument("--end", type=parse_date)
    p.add_argument("--clear-end", action="store_true", help="清除结束日期")
    p.add_argument("--due", type=parse_date, help="应完成日期")
    p.add_argument("--minimum", type=_positive, help="法定最短期限")
    p.add_argument("--unit", choices=(steps.UNIT_WORKING_DAYS, steps.UNIT_DAYS))
    p.add_argument("--applicable", action=argparse.BooleanOptionalAction, default=None, help="本项目是否需要此步骤")
    p.add_argument("--place", help="张贴地点")
    p.add_argument("--doc-no", help="文号")
    p.add_argument("--remarks")
    p = command(proc_sub, "attach", cmd_procedure_attach, "为步骤附上照片、公证书等证据（记录 SHA-256）")
    p.add_argument("step")
    p.add_argument("file")
    p.add_argument("--kind", default="照片")
    _project_arg(p)
    p = command(proc_sub, "verify", cmd_procedure_verify, "核对证据文件是否仍与登记时一致")
    _project_arg(p)
    p = command(proc_sub, "post", cmd_post, "登记一次公示（名单、地点、期间；记下审计链校验值）")
    p.add_argument("title")
    p.add_argument("--place")
    p.add_argument("--start", type=parse_date, required=True)
    p.add_argument("--end", type=parse_date, required=True)
    p.add_argument("--step", help="所属程序步骤，如 disclosure、plan_notice")
    p.add_argument("--minimum", type=_positive)
    p.add_argument("--unit", choices=(steps.UNIT_WORKING_DAYS, steps.UNIT_DAYS))
    _project_arg(p)
    p = command(
        proc_sub, "allow-agreements", cmd_allow_agreements, "管理员：方案公告期满前放行打印正式协议（须填理由）"
    )
    p.add_argument("--reason", required=True)
    _project_arg(p)
    p = command(proc_sub, "settings", cmd_procedure_settings, "查看或修改程序设置（截止日后出生、婚嫁人口是否计入）")
    p.add_argument("--family-changes", choices=("count", "refuse"), help="count 计入（默认）；refuse 不计入")
    _project_arg(p)
    p = command(proc_sub, "postings", cmd_postings, "列出公示记录及收到的异议")
    _project_arg(p)

    gr_sub = command_group(sub, "grievances", "信访和异议：登记、列出、办结、导出台账、打印回执和答复")
    p = command(gr_sub, "add", cmd_g_add, "登记信访或异议（按期限推算答复日期）")
    p.add_argument("--person", required=True, help="反映人")
    p.add_argument("--channel", required=True, choices=grievances.CHANNELS)
    p.add_argument("--received", type=parse_date, help="受理日期（默认今天）")
    p.add_argument("--category")
    p.add_argument("--about", choices=grievances.SUBJECT_KINDS, help="涉及：户、补偿明细、名单、房源、其他")
    p.add_argument("--subject", help="涉及的具体事项")
    p.add_argument("--household", help="户号")
    p.add_argument("--posting", type=int, help="公示记录编号（公示期异议不填时按受理日期自动关联）")
    p.add_argument("--content")
    p.add_argument("--phone")
    p.add_argument("--handler")
    p.add_argument("--period", type=_positive, help="办理期限（默认：公示期异议 5 个工作日，其他 60 日）")
    p.add_argument("--unit", choices=(steps.UNIT_WORKING_DAYS, steps.UNIT_DAYS))
    _project_arg(p)
    p = command(gr_sub, "list", cmd_g_list, "列出信访记录，逾期的标出")
    p.add_argument("--open", action="store_true", help="只列未办结")
    p.add_argument("--overdue", action="store_true", help="只列逾期未办结")
    _project_arg(p)
    p = command(gr_sub, "close", cmd_g_close, "填写答复并办结")
    p.add_argument("id", metavar="编号", help=GRIEVANCE_REF)
    p.add_argument("--answer", required=True)
    p.add_argument("--date", type=parse_date, help="办结日期（默认今天）")
    p.add_argument("--handler")
    _project_arg(p)
    p = command(gr_sub, "attach", cmd_g_attach, "为信访记录附上信件、照片等（记录 SHA-256）")
    p.add_argument("id", metavar="编号", help=GRIEVANCE_REF)
    p.add_argument("file")
    p.add_argument("--kind", default="信件")
    _project_arg(p)
    p = command(gr_sub, "export", cmd_g_export, "导出信访台账（xlsx）")
    p.add_argument("out")
    _project_arg(p)
    p = command(gr_sub, "print", cmd_g_print, "打印受理回执（receipt）或答复意见书（answer）为 PDF")
    p.add_argument("id", metavar="编号", help=GRIEVANCE_REF)
    p.add_argument("letter", choices=tuple(printing.LETTERS))
    p.add_argument("out")
    _project_arg(p)


__all__ = ["register"]
