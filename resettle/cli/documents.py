"""``resettle print KIND OUT`` and ``resettle verify CODE``: documents without a window.

``register(subparsers)`` is called by :func:`resettle.cli.build_parser`. Printing needs no
window: a QGuiApplication is created offscreen when none exists.

Exit codes as elsewhere: 0 done, 1 refused; ``verify`` also returns 1 when the document's
amounts are no longer the current ones, so that a script can tell.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from resettle.cli.common import command, emit, open_db, parse_date, progress_printer
from resettle.documents.kinds import DocumentKind
from resettle.errors import ValidationError
from resettle.services.compensation import summaries
from resettle.services.documents import printing as documents
from resettle.services.register import households, projects
from resettle.store.database import Database

__all__ = ["register"]


def _group_id(db: Database, project_id: int, village: str | None, group: str) -> int:
    for p in projects.tree(db):
        if p.id != project_id:
            continue
        for v in p.villages:
            if village is not None and v.name != village:
                continue
            for g in v.groups:
                if g.name == group:
                    return g.id
    where = f"{village}" if village else "本项目"
    raise ValidationError(f"{where}没有村民小组「{group}」", field="--group")


def cmd_print(args: argparse.Namespace) -> int:
    options = documents.DocumentOptions(
        sign_deadline=args.deadline,
        moving_deadline=args.moving_deadline,
        posting_from=args.posting_from,
        posting_days=args.posting_days,
        require_reviewed=args.reviewed_only,
    )
    with open_db(args, startup_backup=True) as db:
        project_id = projects.resolve_project(db, args.project)
        scope: dict[str, Any] = {"project_id": project_id}
        if args.household:
            scope = {"household_ids": [households.find_household_id(db, args.household, project_id)]}
        elif args.group:
            scope = {"group_id": _group_id(db, project_id, args.village, args.group)}
        elif args.village:
            scope = {"village_id": summaries.find_village_id(db, project_id, args.village)}
        result = documents.export_pdf(
            db,
            args.kind,
            Path(args.out),
            one_per_household=args.one_per_household,
            options=options,
            draft=args.draft,
            progress=progress_printer(args),
            **scope,
        )
    payload = asdict(result)
    payload["files"] = [str(f) for f in result.files]
    where = str(Path(args.out)) if len(result.files) != 1 else str(result.files[0])
    emit(args, payload, f"{result.message}：{where}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        result = documents.verify_document(db, args.code)
    d = result.document
    payload = {
        "code": result.code,
        "status": result.status,
        "authentic": result.authentic,
        "kind": d.kind,
        "number": d.number,
        "household_no": d.household_no,
        "head_name": d.head_name,
        "scope": d.scope_label,
        "issued_at": d.issued_at,
        "issued_by": d.issued_by,
        "print_count": d.print_count,
        "last_printed_at": d.last_printed_at,
        "issued_total": result.issued_total,
        "current_total": result.current_total,
        "changes": list(result.changes),
        "message": result.message,
    }
    emit(args, payload, result.message)
    return 0 if result.status == "current" and result.authentic else 1


def register(subparsers: Any) -> None:
    """Add ``print`` and ``verify`` to the program's sub-commands."""
    kinds = [k.value for k in DocumentKind]
    p = command(
        subparsers,
        "print",
        cmd_print,
        "打印文书到 PDF：notice 补偿通知书、agreement 补偿安置协议、disclosure 公示表、voucher 领款单、"
        "allocation 安置房分配确认书、move-in 入住通知单、lottery 抽签记录",
    )
    p.add_argument("kind", choices=kinds, metavar="KIND", help="文书种类：" + "、".join(kinds))
    p.add_argument("out", help="输出 PDF 文件；--one-per-household 时为文件夹")
    p.add_argument("--project", help="项目名称或编号（只有一个项目时可省略）")
    p.add_argument("--household", metavar="NO", help="只打印这一户（户号）")
    p.add_argument("--village", help="只打印这个村")
    p.add_argument("--group", help="只打印这个村民小组（同名组多时请同时给 --village）")
    p.add_argument("--one-per-household", action="store_true", help="每户一个文件：户号_户主.pdf")
    p.add_argument("--deadline", type=parse_date, help="签约截止日期（默认出具后 30 天）")
    p.add_argument("--moving-deadline", type=parse_date, help="协议中的腾房交付日期")
    p.add_argument("--posting-from", type=parse_date, help="公示开始日期（默认出具当天）")
    p.add_argument("--posting-days", type=int, help="公示天数（默认为项目设定的公示期，未设定时 30 天）")
    p.add_argument("--reviewed-only", action="store_true", help="只打印补偿已复核的户")
    p.add_argument("--draft", action="store_true", help="打印样稿：不编号、不登记")

    p = command(subparsers, "verify", cmd_verify, "按文书上的校验码核验：是哪份文书、金额是否仍然有效")
    p.add_argument("code", help="校验码，如 ABCDE-12345")
