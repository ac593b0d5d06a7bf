"""``resettle rates …``, ``resettle compute``, ``resettle export KIND OUT``: compensation without a window.

``register(subparsers)`` is called by :func:`resettle.cli.build_parser`. Other areas add
their own export kinds by putting an entry into :data:`EXPORTERS` (name → function taking
the open database and the parsed arguments, returning ``(json payload, text)``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resettle.cli.common import command, command_group, emit, open_db, parse_date, progress_printer
from resettle.errors import ValidationError
from resettle.io.error_report import write_rate_error_report
from resettle.io.rate_workbook import RateWorkbookError
from resettle.services.compensation import computing, rate_tables, summaries
from resettle.services.register import exports, projects
from resettle.store.database import Database

__all__ = ["EXPORTERS", "Exporter", "register"]

Exporter = Callable[[Database, argparse.Namespace], tuple[dict[str, Any], str]]


def cmd_rates_import(args: argparse.Namespace) -> int:
    if args.project is not None and not args.publish:
        raise ValidationError("只能为项目选用已发布的补偿标准，请加 --publish。")
    with open_db(args, startup_backup=True) as db:
        project_id = projects.resolve_project(db, args.project) if args.project is not None else None
        if project_id is None and args.publish and len(projects.tree(db, with_counts=False)) == 1:
            project_id = projects.resolve_project(db, None)  # one project: a published standard is its standard
        try:
            info = rate_tables.import_rate_table(
                db, Path(args.file), name=args.name, source_doc=args.source_doc, effective_date=args.effective_date
            )
        except RateWorkbookError as exc:
            if args.report:
                write_rate_error_report(Path(args.file), exc.issues, Path(args.report))
                raise ValidationError(f"{exc.message}\n错误报告已写到 {args.report}") from exc
            raise
        text = f"已导入补偿标准「{info.label}」：{info.rules} 条规则（草稿）"
        if args.publish:
            info = rate_tables.publish_rate_table(db, info.id)
            text = text.replace("（草稿）", "，已发布")
        payload: dict[str, Any] = {
            "id": info.id,
            "name": info.name,
            "version": info.version,
            "rules": info.rules,
            "status": info.status,
        }
        if project_id is not None:
            rate_tables.set_project_rate_table(db, project_id, info.id)
            payload["project_id"] = project_id
            text += f"，已设为项目（编号 {project_id}）的补偿标准；请运行 compute 重新计算"
    emit(args, payload, text)
    return 0


def cmd_rates_export(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        if args.table is not None:
            table_id = args.table
        else:
            project_id = projects.resolve_project(db, args.project)
            current = rate_tables.get_project_rate_table(db, project_id)
            if current is None:
                tables = rate_tables.list_rate_tables(db)
                if not tables:
                    raise ValidationError("数据库中还没有补偿标准。")
                table_id = tables[-1].id
            else:
                table_id = current.table.id
        rate_tables.export_rate_table(db, table_id, Path(args.out))
        info = rate_tables.get_rate_table(db, table_id).info
    emit(args, {"id": info.id, "out": str(args.out)}, f"已导出补偿标准「{info.label}」到 {args.out}")
    return 0


UNMATCHED = (
    "注意：以下规则没有用于本项目的任何一户。若不应如此，请核对条件的写法是否与调查表一致（如「稻田」与「水田」）："
)


def cmd_compute(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:
        project_id = projects.resolve_project(db, args.project)
        village_id = summaries.find_village_id(db, project_id, args.village) if args.village else None
        result = computing.compute(db, project_id, village_id=village_id, progress=progress_printer(args))
    payload = {
        "households": result.households,
        "changed": result.changed,
        "reviews_reset": result.reviews_reset,
        "grand_total": str(result.grand_total),
        "table": result.table_label,
        "unmatched_rules": list(result.unmatched),
    }
    text = (
        f"已按「{result.table_label}」计算 {result.households:,} 户（其中 {result.changed:,} 户结果有变化"
        + (f"，{result.reviews_reset:,} 户需重新复核" if result.reviews_reset else "")
        + f"），合计 {result.grand_total:,} 元"
    )
    if result.unmatched:
        text += f"\n{UNMATCHED}" + "".join(f"\n  {r}" for r in result.unmatched)
    emit(args, payload, text)
    return 0


def _export_compensation(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    info = exports.export_compensation(db, args.out, args.project, args.village)
    payload = {"out": str(args.out), "households": info.households, "lines": info.rows, "grand_total": str(info.total)}
    return payload, f"已导出 {info.households:,} 户、{info.rows:,} 条明细到 {args.out}（合计 {info.total:,} 元）"


EXPORTERS: dict[str, Exporter] = {"compensation": _export_compensation}


def cmd_export(args: argparse.Namespace) -> int:
    exporter = EXPORTERS[args.kind]
    with open_db(args) as db:
        payload, text = exporter(db, args)
    emit(args, payload, text)
    return 0


def register(subparsers: Any) -> None:
    """Add ``rates``, ``compute`` and ``export`` to the program's sub-commands."""
    rates_sub = command_group(subparsers, "rates", "补偿标准：导入、导出")
    p = command(rates_sub, "import", cmd_rates_import, "从补偿标准表（xlsx）导入为草稿")
    p.add_argument("file")
    p.add_argument("--project", help="同时设为该项目（名称或编号）的补偿标准（须 --publish）")
    p.add_argument("--publish", action="store_true", help="导入后立即发布（发布后不可修改）")
    p.add_argument("--name", help="标准名称（表中没有或要改时）；印在通知书和公示表上")
    p.add_argument("--source-doc", help="依据文件的文号，如 某政发〔2026〕12号")
    p.add_argument("--effective-date", type=parse_date, help="生效日期，如 2026-06-30")
    p.add_argument("--report", metavar="OUT.xlsx", help="有问题时写出错误报告：原表标出问题单元格，另附错误清单")
    p = command(rates_sub, "export", cmd_rates_export, "把补偿标准导出为可编辑的 xlsx")
    p.add_argument("out")
    p.add_argument("--project", help="导出该项目现行的补偿标准（只有一个项目时可省略）")
    p.add_argument("--table", type=int, help="按编号导出某个补偿标准")

    p = command(subparsers, "compute", cmd_compute, "按项目现行补偿标准计算补偿")
    p.add_argument("--project", help="项目名称或编号（只有一个项目时可省略）")
    p.add_argument("--village", help="只计算这个村")

    p = command(subparsers, "export", cmd_export, "导出表格")
    p.add_argument("kind", choices=EXPORTERS, metavar="KIND", help="导出种类：" + "、".join(EXPORTERS))
    p.add_argument("out", help="输出文件（.xlsx）")
    p.add_argument("--project", help="项目名称或编号（只有一个项目时可省略）")
    p.add_argument("--village", help="只导出这个村")
