"""Review, agreements and payments: ``review``, ``agreements``, ``payments`` (issue 12)."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from resettle.cli.common import command, command_group, emit, open_db, parse_date, progress_printer
from resettle.io.bank_batch import read_bank_reply
from resettle.services.compensation import reviewing, summaries
from resettle.services.payments import agreements, batches, reconcile
from resettle.services.register import households, projects
from resettle.store.compensation_models import STATUS_COMPUTED
from resettle.store.database import Database


def _add_scope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--project", help="项目（名称或编号；只有一个项目时可省略）")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--household", metavar="NO", help="一户（户号）")
    group.add_argument("--village", metavar="V", help="一个村")
    group.add_argument("--all", action="store_true", help="项目的全部户")


def _scope(db: Database, args: argparse.Namespace, status: str | None = None) -> tuple[int, list[int]]:
    project_id = projects.resolve_project(db, args.project)
    if args.household:
        return project_id, [households.find_household_id(db, args.household, project_id)]
    village_id = summaries.find_village_id(db, project_id, args.village) if args.village else None
    return project_id, agreements.household_ids(db, project_id, village_id, compensation_status=status)


def cmd_review(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        _project_id, ids = _scope(db, args, None if args.household else STATUS_COMPUTED)
        count = reviewing.review_many(db, ids) if ids else 0
    emit(args, {"reviewed": count}, f"已复核 {count:,} 户")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id, ids = _scope(db, args)
        result = agreements.sign_agreements(db, project_id, ids, args.date, args.plan, progress=progress_printer(args))
    payload = {"signed": result.signed, "total": result.total, "skipped": list(result.skipped)}
    text = f"已签订协议 {result.signed:,} 户，合计 {result.total:,} 元（付款计划 {args.plan}）"
    if result.skipped:
        text += f"；未签 {len(result.skipped):,} 户：" + "；".join(result.skipped[:20])
    emit(args, payload, text)
    return 0 if result.signed or not ids else 1


def cmd_vacate(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id, ids = _scope(db, args)
        count = agreements.mark_vacated(db, project_id, ids, args.date)
    emit(args, {"vacated": count}, f"已登记腾房 {count:,} 户")
    return 0


def _line(text: str) -> tuple[str, Decimal]:
    item, _, amount = text.rpartition("=")
    try:
        return item.strip(), Decimal(amount.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"「{text}」应写成 项目=金额，如 困难补助=1200.00") from None


def cmd_supplement(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        hid = households.find_household_id(db, args.household, project_id)
        if args.line:
            view = agreements.supplement(db, project_id, hid, args.line, args.reason, args.date)
        else:
            view = agreements.supplement_from_recompute(db, project_id, hid, args.reason, args.date)
    payload = {
        "household": args.household,
        "seq": view.seq,
        "total": view.total,
        "lines": [{"item": ln.item, "amount": ln.amount} for ln in view.lines],
    }
    emit(args, payload, f"户 {args.household} 已签补充协议（第 {view.seq} 份），金额 {view.total:,} 元")
    return 0


def cmd_agreements_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        village_id = summaries.find_village_id(db, project_id, args.village) if args.village else None
        rows = agreements.list_agreements(db, project_id, village_id)
    payload = [
        {
            "household": r.household_no,
            "head": r.head_name,
            "status": r.status,
            "signed_on": r.signed_on,
            "vacated_on": r.vacated_on,
            "agreed": r.total,
            "supplements": r.supplements,
            "paid": r.paid,
        }
        for r in rows
    ]
    text = "\n".join(
        f"{r.household_no}\t{r.head_name}\t{r.status}\t协议 {r.total:,}\t已付 {r.paid:,}"
        + (f"\t补充协议 {r.supplements} 份" if r.supplements else "")
        for r in rows
    )
    emit(args, payload, text or "还没有协议")
    return 0


def cmd_print_supplement(args: argparse.Namespace) -> int:
    from resettle.services.payments import printing  # Qt and Jinja2: only for this command

    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        hid = households.find_household_id(db, args.household, project_id)
        out = printing.print_supplement(db, project_id, hid, args.seq, Path(args.out))
    emit(args, {"out": str(out)}, f"已打印补充协议到 {out}")
    return 0


def cmd_vouchers(args: argparse.Namespace) -> int:
    from resettle.services.payments import printing  # Qt and Jinja2: only for this command

    with open_db(args) as db:
        found = batches.find_batch(db, args.batch)
        n = printing.print_payment_vouchers(db, found.project_id, found.id, Path(args.out))
    emit(args, {"out": str(args.out), "vouchers": n}, f"已打印 {n:,} 张领款单到 {args.out}")
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    from resettle.services.payments import transfers

    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        ids = [households.find_household_id(db, no, project_id) for no in args.household] or None
        if args.due:
            due = transfers.transfers_due(db, project_id, args.payee)
            emit(args, {"payee": due.payee, "households": due.households, "total": due.total},
                 f"待划转（{due.payee}）：{due.households:,} 户，合计 {due.total:,} 元")  # fmt: skip
            return 0
        done = transfers.record_transfers(db, project_id, args.payee, args.date or date.today(), ids)
    emit(args, {"payee": done.payee, "households": done.households, "total": done.total},
         f"已登记划转（{done.payee}）：{done.households:,} 户，合计 {done.total:,} 元")  # fmt: skip
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        village_id = summaries.find_village_id(db, project_id, args.village) if args.village else None
        info = batches.make_batch(
            db,
            project_id,
            args.instalment,
            village_id,
            bank_format=args.bank_format or "",
            progress=progress_printer(args),
        )
        approved = info.status != "已生成"  # data, not text: accounts off, a batch needs no second person
        written = (
            batches.write_bank_files(db, project_id, info.id, Path(args.out), args.bank_format) if approved else []
        )
    payload = {
        "batch": info.batch_no,
        "rows": info.rows,
        "total": info.total,
        "status": info.status,
        "chain_head": info.chain_head,
        "files": [str(p) for p in written],
        "skipped": list(info.skipped),
    }
    text = (
        f"已生成兑付批次 {info.batch_no}（第 {args.instalment} 期）：{info.rows:,} 笔，合计 {info.total:,} 元，"
        f"审计链头 {info.chain_head}" + ("；已写出 " + "、".join(str(p) for p in written) if written else "")
    )
    if not approved:
        text += (
            f"。须由审核人员审批（payments approve {info.batch_no}）；审批后用 "
            f"payments bank-file {info.batch_no} {args.out} 写出银行文件（未审批的批次不写银行文件）"
        )
    if info.skipped:
        text += "；未列入：" + "；".join(info.skipped[:20])
    emit(args, payload, text)
    return 0


def cmd_bank_file(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        found = batches.find_batch(db, args.batch)
        written = batches.write_bank_files(db, found.project_id, found.id, Path(args.out), args.bank_format)
    emit(args, {"batch": found.batch_no, "files": [str(p) for p in written]},
         f"已写出批次 {found.batch_no} 的银行文件：" + "、".join(str(p) for p in written))  # fmt: skip
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        found = batches.find_batch(db, args.batch)
        info = batches.approve_batch(db, found.project_id, found.id)
    emit(args, {"batch": info.batch_no, "status": info.status}, f"批次 {info.batch_no} 已审批")
    return 0


def cmd_result(args: argparse.Namespace) -> int:
    path = Path(args.reply)
    batch_no = args.batch or read_bank_reply(path).batch_no
    with open_db(args, startup_backup=True) as db:
        found = batches.find_batch(db, batch_no)
        result = batches.apply_reply(db, found.project_id, path, batch_no=args.batch, paid_on=args.date)
    payload = {
        "batch": result.batch_no,
        "paid": result.paid,
        "failed": result.failed,
        "paid_total": result.paid_total,
        "applied": result.applied,
    }
    text = f"批次 {result.batch_no}：成功 {result.paid:,} 笔（{result.paid_total:,} 元），失败 {result.failed:,} 笔"
    text += f"；本次登记 {result.applied:,} 笔" if result.applied else "；此回盘已登记过，未作改动"
    emit(args, payload, text)
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        village_id = summaries.find_village_id(db, project_id, args.village) if args.village else None
        rec = reconcile.reconcile(db, project_id, village_id)
    payload: dict[str, Any] = {
        "computed": rec.computed,
        "agreed": rec.agreed,
        "paid": rec.paid,
        "outstanding": rec.outstanding,
        "differences": [
            {"household": d.household_no, "head": d.head_name, "cause": d.cause, "amount": d.amount, "detail": d.detail}
            for d in rec.differences
        ],
        "villages": {
            v: {"computed": c, "agreed": a, "paid": p, "outstanding": o} for v, (c, a, p, o) in rec.by_village.items()
        },
    }
    text = f"计算 {rec.computed:,} 元　协议 {rec.agreed:,} 元　已付 {rec.paid:,} 元　未付 {rec.outstanding:,} 元"
    if rec.differences:
        text += f"\n差异 {len(rec.differences):,} 处：\n" + "\n".join(
            f"  {d.household_no} {d.head_name}：{d.cause}（{d.amount:,} 元）" + (f"：{d.detail}" if d.detail else "")
            for d in rec.differences
        )
    else:
        text += "\n账目相符"
    emit(args, payload, text)
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project)
        rows = batches.list_batches(db, project_id)
        head = batches.current_chain_head(db)
    payload = {
        "chain_head": head,
        "batches": [
            {
                "batch": b.batch_no,
                "instalment": b.instalment,
                "status": b.status,
                "rows": b.rows,
                "total": b.total,
                "paid": b.paid,
                "failed": b.failed,
                "paid_total": b.paid_total,
                "chain_head": b.chain_head,
                "created_by": b.created_by,
            }
            for b in rows
        ],
    }
    text = "\n".join(
        f"{b.batch_no}\t第 {b.instalment} 期\t{b.status}\t{b.rows} 笔\t{b.total:,} 元\t成功 {b.paid}\t失败 {b.failed}"
        f"\t链头 {b.chain_head[:16]}"
        for b in rows
    )
    emit(args, payload, (text or "还没有兑付批次") + f"\n当前审计链头：{head}")
    return 0


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
    p = command(sub, "review", cmd_review, "复核补偿（一户、一个村或全部已计算的户）")
    _add_scope(p)

    ag_sub = command_group(sub, "agreements", "协议：签约、腾房、补充协议、列表")
    p = command(ag_sub, "sign", cmd_sign, "为已复核的户签订协议（金额冻结）")
    _add_scope(p)
    p.add_argument("--date", type=parse_date, required=True, help="签约日期，如 2026-07-01")
    p.add_argument("--plan", default="100", help="付款计划：各期百分比，如 70,30（首期签约后付，其余腾房后付）")
    p = command(ag_sub, "vacate", cmd_vacate, "登记腾房（腾房后应付的分期随之到期）")
    _add_scope(p)
    p.add_argument("--date", type=parse_date, required=True)
    p = command(ag_sub, "supplement", cmd_supplement, "补充协议：不写 --line 时按现行计算与已签协议的差额")
    p.add_argument("--project")
    p.add_argument("--household", metavar="NO", required=True)
    p.add_argument("--date", type=parse_date, required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--line", type=_line, action="append", metavar="项目=金额")
    p = command(ag_sub, "print-supplement", cmd_print_supplement, "打印补充协议（PDF）")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--project")
    p.add_argument("--household", metavar="NO", required=True)
    p.add_argument("--seq", type=int, default=1, help="第几份补充协议（默认 1）")
    p = command(ag_sub, "list", cmd_agreements_list, "列出协议")
    p.add_argument("--project")
    p.add_argument("--village")

    pay_sub = command_group(sub, "payments", "兑付：批次、银行文件、回盘、对账")
    p = command(pay_sub, "batch", cmd_batch, "把到期的某期分期生成兑付批次（已审批时同时写出银行文件）")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--instalment", type=int, required=True, metavar="K", help="第几期")
    p.add_argument("--village")
    p.add_argument("--project")
    p.add_argument("--bank-format", metavar="NAME", help="另写一份银行定长文本文件（OUT.txt）")
    p = command(pay_sub, "approve", cmd_approve, "审批兑付批次（不能审批本人生成的批次）")
    p.add_argument("batch", metavar="BATCH")
    p = command(pay_sub, "bank-file", cmd_bank_file, "写出已审批批次的银行文件（办公室格式 xlsx，可另写定长文本）")
    p.add_argument("batch", metavar="BATCH")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--bank-format", metavar="NAME", help="另写一份银行定长文本文件（OUT.txt）")
    p = command(pay_sub, "result", cmd_result, "登记银行回盘（与批次不符时整份拒收；重复登记不改动）")
    p.add_argument("reply", metavar="REPLY.xlsx")
    p.add_argument("--batch", help="核对回盘文件属于此批次")
    p.add_argument("--date", type=parse_date, help="到账日期（默认今天）")
    p = command(
        pay_sub, "transfer", cmd_transfer, "登记划转：社保费用划入社保专户、集体部分付村集体（不经各户的银行批次）"
    )
    p.add_argument("--payee", choices=["社保", "集体"], default="社保")
    p.add_argument(
        "--household", metavar="NO", action="append", default=[], help="只登记这些户（可重复；默认全部待划转）"
    )
    p.add_argument("--date", type=parse_date, help="划转日期（默认今天）")
    p.add_argument("--due", action="store_true", help="只显示待划转的户数和金额")
    p.add_argument("--project")
    p = command(pay_sub, "vouchers", cmd_vouchers, "打印批次中成功付款的领款单（PDF）")
    p.add_argument("batch", metavar="BATCH")
    p.add_argument("out", metavar="OUT.pdf")
    p = command(pay_sub, "reconcile", cmd_reconcile, "对账：计算 = 协议 = 已付 + 未付")
    p.add_argument("--project")
    p.add_argument("--village")
    p = command(pay_sub, "list", cmd_batches, "列出兑付批次（含审计链头）")
    p.add_argument("--project")
