"""Livelihood: ``employment``, ``training``, ``jobs``, ``social-security``, ``report`` (issue 14).

``--json`` prints the same data as the text (money as decimal strings). Every command
names its project with ``--project`` (name or number; not needed when the register holds
one project).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resettle.cli.common import command, command_group, emit, open_db, parse_date, progress_printer
from resettle.services.livelihood import jobs, labour, report, social_security, training
from resettle.services.livelihood.labour import ImportSummary
from resettle.services.register import projects


def _summary_text(what: str, result: ImportSummary) -> str:
    text = f"已导入{what} {result.rows} 行：新增 {result.added}，更改 {result.changed}，未变 {result.unchanged}"
    if result.warnings:
        text += f"\n提示（{len(result.warnings)} 处）：\n" + "\n".join(result.warnings)
    return text


def _summary_payload(result: ImportSummary) -> dict[str, Any]:
    return {
        "project_id": result.project_id,
        "rows": result.rows,
        "added": result.added,
        "changed": result.changed,
        "unchanged": result.unchanged,
        "warnings": list(result.warnings),
    }


def cmd_employment_import(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        result = labour.import_employment(db, pid, Path(args.file), progress=progress_printer(args))
    emit(args, _summary_payload(result), _summary_text("就业情况", result))
    return 0


def cmd_training_import(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        result = training.import_training(db, pid, Path(args.file), progress=progress_printer(args))
    emit(args, _summary_payload(result), _summary_text("培训情况", result))
    return 0


def cmd_jobs_import(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        result = jobs.import_posts(db, pid, Path(args.file))
    emit(args, _summary_payload(result), _summary_text("岗位", result))
    return 0


def cmd_jobs_match(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=not args.dry_run) as db:
        pid = projects.resolve_project(db, args.project)
        proposals = jobs.match_jobs(db, pid, args.date, save=not args.dry_run)
    payload = {
        "referrals": [
            {
                "enterprise": p.enterprise,
                "post": p.post,
                "id_number": p.id_number,
                "name": p.name,
                "reasons": list(p.reasons),
            }
            for p in proposals
        ]
    }
    lines = [f"{p.enterprise}「{p.post}」← {p.name}（{p.id_number}）：{'；'.join(p.reasons)}" for p in proposals]
    verb = "建议推荐" if args.dry_run else "已推荐"
    emit(args, payload, "\n".join([*lines, f"{verb} {len(proposals)} 人"]))
    return 0


def cmd_ss_standard(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        info = social_security.import_standard(db, pid, Path(args.file), publish=args.publish)
    payload = {
        "id": info.id,
        "revision": info.revision,
        "status": info.status,
        "reference_date": info.reference_date,
        "bands": [
            {
                "band": b.name,
                "sex": b.sex,
                "start_age": b.start_age,
                "end_age": b.end_age,
                "benefit": b.benefit,
                "amount": b.amount,
            }
            for b in info.bands
        ],
    }
    ref = f"，基准日 {info.reference_date}" if info.reference_date else ""
    emit(args, payload, f"已导入社保标准{info.label}：{len(info.bands)} 个年龄段{ref}")
    return 0


def cmd_ss_roster(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        result = social_security.write_roster(db, pid, Path(args.out), args.date)
    payload = {
        "persons": result.persons,
        "reference_date": result.reference_date,
        "bands": {name: {"persons": b.persons, "amount": b.amount} for name, b in result.bands.items()},
        "total_amount": result.total_amount,
        "unbanded": [r.id_number for r in result.unbanded],
        "out": str(args.out),
    }
    lines = [f"{name}：{b.persons} 人，{b.amount:,.2f} 元" for name, b in result.bands.items()]
    if result.unbanded:
        lines.append(f"无法确定年龄段：{len(result.unbanded)} 人（缺出生日期或性别）")
    emit(
        args,
        payload,
        "\n".join([f"已写出社保花名册 {args.out}：{result.persons} 人（基准日 {result.reference_date}）", *lines]),
    )
    return 0


def cmd_ss_reconcile(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        pid = projects.resolve_project(db, args.project)
        result = social_security.reconcile(
            db,
            pid,
            Path(args.reply),
            out=Path(args.out) if args.out else None,
            on=args.date,
            progress=progress_printer(args),
        )
    payload: dict[str, Any] = dict(result.counts)
    payload["rows"] = [
        {
            "outcome": r.outcome,
            "label": r.label,
            "id_number": r.id_number,
            "name": r.name,
            "reply_name": r.reply_name,
            "band": r.band,
            "reply_band": r.reply_band,
            "result": r.result,
            "reason": r.reason,
            "village": r.village,
            "household_no": r.household_no,
            "reply_row": r.reply_row,
        }
        for r in result.rows
    ]
    text = "；".join(f"{social_security.OUTCOME_LABELS[k]} {v}" for k, v in result.counts.items())
    if args.out:
        text += f"\n对账表已写出：{args.out}"
    emit(args, payload, text)
    return 0


def cmd_report_monitoring(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        pid = projects.resolve_project(db, args.project)
        data = report.write_monitoring_report(db, pid, Path(args.out), args.date)
    t = data.total
    payload = {
        "project": data.project,
        "reference_date": data.reference_date,
        "households": t.households,
        "computed": t.computed,
        "reviewed": t.reviewed,
        "signed": t.signed,
        "paid": t.paid,
        "flats_chosen": t.flats_chosen,
        "handed_over": t.handed_over,
        "working_age": t.working_age,
        "employed": t.employed,
        "employment_rate": t.employment_rate,
        "trained": t.trained,
        "certified": t.certified,
        "placed": t.placed,
        "ss_enrolled": t.ss_enrolled,
        "out": str(args.out),
    }
    emit(
        args,
        payload,
        f"已写出监测报表 {args.out}：调查 {t.households} 户，劳动年龄失地人员 {t.working_age} 人，"
        f"已就业 {t.employed} 人（{t.employment_rate}%），培训结业 {t.trained} 人，园区录用 {t.placed} 人",
    )
    return 0


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
    g = command_group(sub, "employment", "就业情况：导入劳动保障所的就业表")
    p = command(
        g,
        "import",
        cmd_employment_import,
        "导入就业表（姓名 | 身份证号码 | 就业状态 | 单位 | 岗位 | 开始日期 | 月收入(元)）",
        project=True,
    )
    p.add_argument("file")

    g = command_group(sub, "training", "技能培训：导入培训表")
    p = command(
        g,
        "import",
        cmd_training_import,
        "导入培训表（姓名 | 身份证号码 | 课程 | 类别 | 开始日期 | 结束日期 | 学时 | 是否结业 | 证书…）",
        project=True,
    )
    p.add_argument("file")

    g = command_group(sub, "jobs", "园区企业岗位：导入、按要求推荐失地农民")
    p = command(
        g,
        "import",
        cmd_jobs_import,
        "导入岗位表（企业 | 岗位 | 类别 | 人数 | 最低年龄 | 最高年龄 | 性别要求 | 证书要求 | 月薪(元)）",
        project=True,
    )
    p.add_argument("file")
    p = command(
        g,
        "match",
        cmd_jobs_match,
        "为尚有名额的岗位推荐人员（失地农民优先，其次受过该类培训者，再次未就业最久者）",
        project=True,
    )
    p.add_argument("--date", type=parse_date, help="计算年龄的参照日（默认：项目参照日）")
    p.add_argument("--dry-run", action="store_true", help="只列出建议，不记为推荐")

    g = command_group(sub, "social-security", "被征地农民养老保障：标准、花名册、回执对账")
    p = command(
        g,
        "standard",
        cmd_ss_standard,
        "导入社保标准表（年龄段 | 性别 | 起始年龄 | 截止年龄 | 待遇 | 金额(元)）",
        project=True,
    )
    p.add_argument("file")
    p.add_argument("--publish", action="store_true", help="导入后立即发布（发布后不可修改）")
    p = command(g, "roster", cmd_ss_roster, "写出报送社保局的花名册（xlsx）", project=True)
    p.add_argument("out")
    p.add_argument("--date", type=parse_date, help="计算年龄的基准日（默认：标准的基准日）")
    p = command(g, "reconcile", cmd_ss_reconcile, "按身份证号码核对社保局回执", project=True)
    p.add_argument("reply")
    p.add_argument("--out", help="写出对账表（xlsx）")
    p.add_argument("--date", type=parse_date, help="计算年龄的基准日（默认：标准的基准日）")

    g = command_group(sub, "report", "报表")
    p = command(g, "monitoring", cmd_report_monitoring, "监测月报（.xlsx 含图表，或 .pdf）", project=True)
    p.add_argument("out")
    p.add_argument("--date", type=parse_date, help="统计日（默认：项目参照日）")
