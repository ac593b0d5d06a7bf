"""Register commands: ``demo``, ``check``, ``backup``, ``restore``, ``households``, ``township``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from resettle.cli.common import PROJECT_HELP, add_common, emit, json_default, open_db
from resettle.domain.township import TownshipDetails
from resettle.errors import ResettleError
from resettle.services.demo import generate as demo
from resettle.services.register import backups, checks, households, projects, search, settings
from resettle.services.register.records import HouseholdQuery


def cmd_demo(args: argparse.Namespace) -> int:
    with open_db(args, startup_backup=True) as db:

        def progress(done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{done:,}/{total:,}", end="", file=sys.stderr)

        result = demo.generate_demo(db, args.households, args.seed, progress=progress)
        emit(
            args,
            asdict(result),
            f"已生成演示项目：{result.households:,} 户，{result.persons:,} 人（数据库 {db.path}）",
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        report = checks.check_database(db)
    payload = {
        "ok": report.ok,
        "problems": report.problems,
        "audit_entries": report.audit_entries,
        "chain_head": report.chain_head,
        "chain_seq": report.chain_seq,
        "witness_head": asdict(report.witness_head) if report.witness_head else None,
        "rows_replayed": report.rows_replayed,
        "households_replayed": report.households_replayed,
        "notices": report.notices,
    }
    notes = "".join(f"\n  说明：{n}" for n in report.notices)
    if report.ok:
        emit(
            args,
            payload,
            f"检查通过：{report.audit_entries:,} 条审计记录，链头第 {report.chain_seq} 条 {report.chain_head[:16]}；"
            f"已按审计记录核对 {report.rows_replayed:,} 行数据" + notes,
        )
        return 0
    emit(args, payload, "检查发现问题：\n" + "\n".join(f"  - {p}" for p in report.problems) + notes)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        backups.backup_to(db, Path(args.out))
    emit(args, {"backup": str(args.out)}, f"已备份到 {args.out}（已校验）")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    src = Path(args.input)
    if not src.is_file():
        raise ResettleError(f"备份文件 {src} 不存在")
    with open_db(args) as db:
        findings = backups.restore_findings(db, src)
        if findings and not args.yes:
            text = "未恢复：这个备份有可疑之处：\n" + "\n".join(f"  {f}" for f in findings)
            emit(args, {"restored": None, "findings": findings, "needs_confirmation": True},
                 text + "\n核对无误、确要用它替换当前数据时，加 --yes 再运行。")  # fmt: skip
            return 1
        safety = backups.restore_from(db, src, accept=True)
    emit(
        args,
        {"restored": str(src), "previous_saved_as": str(safety)},
        f"已从 {src} 恢复；恢复前的数据已另存为 {safety}",
    )
    return 0


def cmd_households(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        project_id = projects.resolve_project(db, args.project) if args.project or args.village else None
        village_id = None
        if args.village:
            for p in projects.tree(db, with_counts=False):
                if p.id != project_id:
                    continue
                for v in p.villages:
                    if v.name == args.village:
                        village_id = v.id
            if village_id is None:
                raise ResettleError(f"村「{args.village}」不存在")
        query = HouseholdQuery(text=args.search or "", project_id=project_id, village_id=village_id)
        page = search.list_households(db, query, 0, max(args.limit, 0), with_total=True)
        if args.limit <= 0:  # --limit 0: the count alone (the page's own total counts the rows it read)
            page = replace(page, total=search.count_households(db, query))
        if args.json:
            details = [households.get_household(db, r.id) for r in page.rows]
            print(
                json.dumps(
                    {"total": page.total, "households": [_household_json(d) for d in details]},
                    ensure_ascii=False,
                    default=json_default,
                )
            )
            return 0
    print(f"共 {page.total:,} 户，显示 {len(page.rows)} 户")
    print(f"{'户号':<10}{'户主':<8}{'村':<8}{'组':<6}{'人数':>4}{'土地(亩)':>10}{'房屋(㎡)':>10}")
    for r in page.rows:
        print(
            f"{r.household_no:<10}{r.head_name:<8}{r.village:<8}{r.group:<6}{r.persons:>4}"
            f"{r.land_mu:>10}{r.floor_area_m2:>10}"
        )
    return 0


def _household_json(d: Any) -> dict[str, Any]:
    data = d.data
    return {
        "household_no": data.household_no,
        "head": data.head_name,
        "village": d.village,
        "group": d.group,
        "phone": data.phone,
        "persons": [
            {
                "name": p.name,
                "id_number": p.id_number,
                "relation": p.relation,
                "sex": p.sex,
                "birth_date": p.birth_date,
            }
            for p in data.persons
        ],
        "parcels": [
            {"land_class": x.land_class, "area_mu": str(x.area_mu.quantize(Decimal("0.01"), ROUND_HALF_UP))}
            for x in data.parcels
        ],
        "structures": [
            {"structure_type": s.structure_type, "floor_area_m2": str(s.floor_area_m2)} for s in data.structures
        ],
        "attachments": [{"kind": a.kind, "quantity": str(a.quantity)} for a in data.attachments],
    }


# ``resettle township`` options: the field each sets and its label (the labels of resettle.services.documents.ready)
TOWNSHIP_OPTIONS = {
    "township": ("--township", "乡镇名称"),
    "office": ("--office", "征迁办名称（出具单位）"),
    "phone": ("--phone", "联系电话"),
    "signing_place": ("--signing-place", "签约地点"),
    "complaint_phone": ("--complaint-phone", "监督（投诉）电话"),
}


def _township_text(title: str, details: TownshipDetails) -> str:
    lines = [f"{label}：{getattr(details, key) or '（未填）'}" for key, (_opt, label) in TOWNSHIP_OPTIONS.items()]
    return title + "\n" + "\n".join("  " + line for line in lines)


def cmd_township(args: argparse.Namespace) -> int:
    """Show or set the township details documents print: the office's defaults, or one project's own."""
    given = {key: getattr(args, key) for key in TOWNSHIP_OPTIONS if getattr(args, key) is not None}
    with open_db(args) as db:
        if args.project is None:
            if given:
                settings.save_township(db, replace(settings.get_township(db), **given))
            details = settings.get_township(db)
            emit(args, asdict(details), _township_text("本单位乡镇信息（各项目未另填时使用）", details))
            return 0
        pid = projects.resolve_project(db, args.project)
        record = projects.get_project(db, pid)
        if given:
            own = replace(record.details.township, **given)
            record = projects.update_project(db, pid, replace(record.details, township=own), record.version)
        shown = projects.township_for(db, pid)
        emit(
            args,
            {"project": record.details.name, "own": asdict(record.details.township), "printed": asdict(shown)},
            _township_text(f"项目「{record.details.name}」文书上的乡镇信息（项目未填的项取本单位的）", shown),
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="生成演示项目")
    p.add_argument("--households", type=int, default=300)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="检查数据库完整性、外键、审计链和行封印")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="在线备份到文件（写后校验）")
    p.add_argument("out")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复（先校验备份，恢复前自动备份当前数据）")
    p.add_argument("input")
    p.add_argument("--yes", action="store_true", help="备份不是本登记册较早的副本或有改动迹象时，仍然恢复")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("households", help="列出或搜索户")
    p.add_argument("--search", help="户号、姓名、拼音首字母、身份证号或电话")
    p.add_argument("--project", help="只列出该项目（名称或编号）的户")
    p.add_argument("--village", help="只列出该村的户（有多个项目时须同时指明 --project）")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_households)

    p = sub.add_parser("township", help="乡镇信息：查看或填写文书上的乡镇、征迁办、电话、签约地点、监督电话")
    p.add_argument("--project", help=PROJECT_HELP + "；给出时查看或填写该项目自己的乡镇信息")
    for key, (option, label) in TOWNSHIP_OPTIONS.items():
        p.add_argument(option, dest=key, help=f"填写{label}（给空字符串则清空）")
    p.set_defaults(func=cmd_township)
    for name in ("demo", "check", "backup", "restore", "households", "township"):
        add_common(sub.choices[name])
