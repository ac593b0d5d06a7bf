"""``resettle [--db PATH] COMMAND``: the program's actions without a window.

Exit codes: 0 done, 1 refused (with a Chinese message), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from resettle import cli_compensation, cli_documents, cli_exchange
from resettle.errors import ResettleError
from resettle.services import checks, demo, households, projects
from resettle.services.records import HouseholdQuery
from resettle.store.database import Database
from resettle.store.paths import default_db_path

Handler = Callable[[argparse.Namespace], int]


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=_json_default))
    else:
        print(text)


def _open(args: argparse.Namespace, startup_backup: bool = False) -> Database:
    """Commands that only read skip the start-up backup; writers make their own before acting."""
    return Database.open(Path(args.db) if args.db else default_db_path(), startup_backup=startup_backup)


def cmd_demo(args: argparse.Namespace) -> int:
    with _open(args, startup_backup=True) as db:

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
    with _open(args) as db:
        report = checks.check_database(db)
    payload = {
        "ok": report.ok,
        "problems": report.problems,
        "audit_entries": report.audit_entries,
        "chain_head": report.chain_head,
    }
    if report.ok:
        emit(args, payload, f"检查通过：{report.audit_entries:,} 条审计记录，链头 {report.chain_head[:16]}")
        return 0
    emit(args, payload, "检查发现问题：\n" + "\n".join(f"  - {p}" for p in report.problems))
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args) as db:
        db.backup_to(Path(args.out))
    emit(args, {"backup": str(args.out)}, f"已备份到 {args.out}（已校验）")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    src = Path(args.input)
    if not src.is_file():
        raise ResettleError(f"备份文件 {src} 不存在")
    with _open(args) as db:
        safety = db.restore_from(src)
    emit(
        args,
        {"restored": str(src), "previous_saved_as": str(safety)},
        f"已从 {src} 恢复；恢复前的数据已另存为 {safety}",
    )
    return 0


def cmd_households(args: argparse.Namespace) -> int:
    with _open(args) as db:
        village_id = None
        if args.village:
            for p in projects.tree(db):
                for v in p.villages:
                    if v.name == args.village:
                        village_id = v.id
            if village_id is None:
                raise ResettleError(f"村「{args.village}」不存在")
        query = HouseholdQuery(text=args.search or "", village_id=village_id)
        page = households.list_households(db, query, 0, args.limit, with_total=True)
        if args.json:
            details = [households.get_household(db, r.id) for r in page.rows]
            print(
                json.dumps(
                    {"total": page.total, "households": [_household_json(d) for d in details]},
                    ensure_ascii=False,
                    default=_json_default,
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resettle", description="征迁安置管理（命令行）")
    parser.add_argument("--db", help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    sub = parser.add_subparsers(dest="command", required=True)

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
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("households", help="列出或搜索户")
    p.add_argument("--search", help="户号、姓名、拼音首字母、身份证号或电话")
    p.add_argument("--village")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_households)
    for name in ("demo", "check", "backup", "restore", "households"):
        sub.choices[name].add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        sub.choices[name].add_argument("--db", default=argparse.SUPPRESS)
    cli_compensation.register(sub)
    cli_documents.register(sub)
    cli_exchange.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.func
    try:
        return handler(args)
    except ResettleError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"error": exc.message}, ensure_ascii=False))
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断，未保存的操作已撤销。", file=sys.stderr)
        return 1
