"""``resettle import FILE`` and the ``roster`` / ``disclosure`` / ``payments`` kinds of ``resettle export``.

Importing the module adds the three export kinds to :data:`resettle.cli.compensation.EXPORTERS`
(so they are in ``export``'s choices when the parser is built); :func:`register` adds the
``import`` sub-command. Both are wired in :func:`resettle.cli.build_parser`.

Import, step by step: read and check the workbook, compare it with the register by 户号,
print the plan (added / changed / removed). Nothing is stored when the file has errors
(exit 1; ``--report`` writes the marked-up workbook). New households are added at once
when no stored household changes; changes to stored households need ``--yes``, and
households missing from the file are deleted only with ``--yes --remove-missing``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resettle.cli import compensation as cli_compensation
from resettle.cli.common import add_common, emit, open_db, progress_printer
from resettle.io.error_report import write_error_report
from resettle.io.exports.common import ExportInfo
from resettle.io.survey import ImportIssue, ReadOptions
from resettle.services.register import exports, imports
from resettle.services.register.imports import HouseholdChange, ImportPreview
from resettle.store.database import Database

__all__ = ["register"]

_SHOWN = 20  # issues and planned changes printed in text mode; --json and --report give all


# -- import ------------------------------------------------------------------------------------


def _issue_json(issue: ImportIssue) -> dict[str, Any]:
    return {
        "sheet": issue.sheet,
        "row": issue.row,
        "column": issue.column,
        "field": issue.field,
        "value": issue.value,
        "message": issue.message,
        "kind": issue.kind,
        "severity": issue.severity,
    }


def _change_json(change: HouseholdChange) -> dict[str, Any]:
    out: dict[str, Any] = {"household_no": change.household_no, "head": change.head}
    if change.sheet:
        out.update(sheet=change.sheet, row=change.row)
    if change.changes:
        out["changes"] = [{"field": f, "before": b, "after": a} for f, b, a in change.changes]
    return out


def _issue_line(issue: ImportIssue) -> str:
    place = f"{issue.sheet}!{issue.column}{issue.row}" if issue.column else issue.sheet
    what = f"{issue.field}「{issue.value}」" if issue.field and issue.value else issue.field
    return f"  {place} {what}：{issue.message}" if what else f"  {place}：{issue.message}"


def _issues_text(title: str, issues: list[ImportIssue], report: str | None) -> list[str]:
    if not issues:
        return []
    lines = [f"{title}（{len(issues)}）："]
    lines += [_issue_line(i) for i in issues[:_SHOWN]]
    if len(issues) > _SHOWN:
        hint = "见错误报告" if report else "用 --report 文件.xlsx 导出全部并在表中标出"
        lines.append(f"  ……另有 {len(issues) - _SHOWN} 条，{hint}")
    return lines


def _plan_text(preview: ImportPreview) -> list[str]:
    lines = [
        f"对比库中已有户（按户号）：新增 {len(preview.added)} 户，修改 {len(preview.changed)} 户，"
        f"文件中没有的 {len(preview.removed)} 户，不变 {preview.unchanged} 户"
    ]
    for change in preview.changed[:_SHOWN]:
        details = "；".join(f"{f}：{b or '（空）'} → {a or '（空）'}" for f, b, a in change.changes[:6])
        more = f"；等 {len(change.changes)} 处" if len(change.changes) > 6 else ""
        lines.append(f"  修改 {change.household_no} {change.head}：{details}{more}")
    if len(preview.changed) > _SHOWN:
        lines.append(f"  ……另有 {len(preview.changed) - _SHOWN} 户修改（--json 列出全部）")
    for change in preview.removed[:_SHOWN]:
        lines.append(f"  文件中没有 {change.household_no} {change.head}")
    if len(preview.removed) > _SHOWN:
        lines.append(f"  ……另有 {len(preview.removed) - _SHOWN} 户（--json 列出全部）")
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    options = ReadOptions(village=args.village.strip()) if args.village else None
    project: str | int | None = args.project
    if isinstance(project, str) and project.isdigit():
        project = int(project)
    with open_db(args) as db:
        preview = imports.preview_import(db, path, project=project, options=options, progress=progress_printer(args))
        report = None
        if args.report:
            report = str(write_error_report(path, preview.issues, Path(args.report)).path)
        payload: dict[str, Any] = {
            "file": str(path),
            "project": preview.project_name,
            "households": preview.households,
            "persons": preview.persons,
            "errors": [_issue_json(i) for i in preview.errors],
            "warnings": [_issue_json(i) for i in preview.warnings],
            "added": [_change_json(c) for c in preview.added],
            "changed": [_change_json(c) for c in preview.changed],
            "removed": [_change_json(c) for c in preview.removed],
            "unchanged": preview.unchanged,
            "dry_run": bool(args.dry_run),
            "needs_confirmation": False,
            "applied": False,
            "batch": None,
            "report": report,
        }
        lines = [
            f"读取「{path.name}」：{preview.households:,} 户，{preview.persons:,} 人；"
            f"{len(preview.errors)} 处错误，{len(preview.warnings)} 条提示"
        ]
        lines += _issues_text("错误", preview.errors, report)
        lines += _issues_text("提示", preview.warnings, report)
        if report:
            lines.append(f"错误报告已写入 {report}（问题单元格已标色并加批注）")
        if preview.errors:
            lines.append("文件中有错误，未导入任何数据。请改正后重新导入。")
            emit(args, payload, "\n".join(lines))
            return 1
        lines += _plan_text(preview)
        remove = bool(args.remove_missing and preview.removed)
        touches_existing = bool(preview.changed) or remove
        if args.dry_run:
            lines.append("试运行（--dry-run）：未保存任何数据。")
            emit(args, payload, "\n".join(lines))
            return 0
        if touches_existing and not args.yes:
            payload["needs_confirmation"] = True
            what = [f"修改 {len(preview.changed)} 户"] if preview.changed else []
            what += [f"删除 {len(preview.removed)} 户"] if remove else []
            lines.append(
                f"未导入：本次导入将{'、'.join(what)}（均为库中已有的户）。请核对上面的清单，确认后加 --yes 再运行。"
            )
            emit(args, payload, "\n".join(lines))
            return 1
        if not preview.added and not preview.changed and not remove:
            lines.append("库中数据与文件一致，无需导入。")
            emit(args, payload, "\n".join(lines))
            return 0
        result = imports.apply_import(db, preview, remove_missing=remove, progress=progress_printer(args))
    payload.update(
        applied=True,
        batch=result.batch_id,
        result={
            "added": result.added,
            "changed": result.changed,
            "removed": result.removed,
            "persons": result.persons,
            "recomputed": result.recomputed,
        },
    )
    lines.append(
        f"已导入（批次 {result.batch_id}）：新增 {result.added:,} 户，修改 {result.changed:,} 户，删除 {result.removed:,} 户"
    )
    if result.recomputed:
        lines.append(f"修改的户中已计算过补偿的 {result.recomputed:,} 户已按新数据重新计算。")
    if preview.removed and not remove:
        lines.append(f"文件中没有的 {len(preview.removed)} 户已保留；如需删除，请加 --yes --remove-missing。")
    emit(args, payload, "\n".join(lines))
    return 0


# -- export kinds ---------------------------------------------------------------------------------


def _export_payload(info: ExportInfo) -> dict[str, Any]:
    return {"out": str(info.path), "sheets": info.sheets, "households": info.households, "persons": info.persons}


def _export_roster(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    info = exports.export_roster(db, args.out, args.project, args.village, progress=progress_printer(args))
    text = f"已导出花名册 {info.households:,} 户、{info.persons:,} 人到 {info.path}（工作表：{'、'.join(info.sheets)}）"
    return _export_payload(info), text


def _export_disclosure(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    info = exports.export_disclosure(db, args.out, args.project, args.village, progress=progress_printer(args))
    text = f"已导出公示表 {info.households:,} 户到 {info.path}（身份证号码、电话已遮蔽；公示期按项目设定，监督电话取乡镇信息）"
    return _export_payload(info), text


def _export_payments(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    info = exports.export_payments(db, args.out, args.project, args.village, progress=progress_printer(args))
    payload = {**_export_payload(info), "total": str(info.total)}
    return payload, f"已导出兑付清册 {info.households:,} 户到 {info.path}，合计 {info.total:,} 元"


cli_compensation.EXPORTERS.update(
    {"roster": _export_roster, "disclosure": _export_disclosure, "payments": _export_payments}
)


def register(subparsers: Any) -> None:
    """Add ``import`` to the program's sub-commands."""
    p = subparsers.add_parser("import", help="导入入户调查表（xlsx/xls/ods/csv），先检查再对比，确认后保存")
    p.add_argument("file", help="调查表文件")
    p.add_argument("--project", help="导入到该项目（名称或编号；只有一个项目时可省略；名称不存在则新建该项目）")
    p.add_argument("--village", help="表头未写村名时使用的村名")
    p.add_argument("--dry-run", action="store_true", help="只检查和对比，不保存")
    p.add_argument("--report", metavar="OUT.xlsx", help="写出错误报告：原表标出问题单元格并加批注，另附错误清单")
    p.add_argument("--yes", action="store_true", help="确认修改（或删除）库中已有的户")
    p.add_argument("--remove-missing", action="store_true", help="与 --yes 一起：删除本村组中文件里没有的户")
    add_common(p)
    p.set_defaults(func=cmd_import)
