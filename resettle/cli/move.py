"""``resettle move-to postgresql://user@host:port/db [--from FILE]``: a register file onto a server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from resettle.cli.common import add_common, emit, login_from_environment, open_location
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.store.database import Database
from resettle.store.dialects import is_server_url, redact
from resettle.store.move import move_register
from resettle.store.paths import default_db_path


def cmd_move_to(args: argparse.Namespace) -> int:
    if not is_server_url(args.target):
        raise ValidationError(
            f"「{args.target}」不是服务器地址：应写成 postgresql://用户名@主机:端口/数据库名。", field="目标数据库"
        )
    source_path = Path(args.source or getattr(args, "db", None) or default_db_path())
    if is_server_url(source_path) or not source_path.is_file():
        raise ValidationError(f"要迁移的登记册文件 {source_path} 不存在。", field="--from")
    with Database.open(source_path, startup_backup=True) as source:
        login_from_environment(source)
        require(source, Need.ACCOUNTS, "把登记册迁移到服务器")
        with open_location(args.target) as target:
            shown = not getattr(args, "json", False) and sys.stderr.isatty()

            def progress(done: int, total: int) -> None:
                if shown:
                    print(f"\r迁移中 {done:,}/{total:,} 行", end="" if done < total else "\n", file=sys.stderr)

            report = move_register(source, target, progress=progress)
    payload = {
        "source": report.source,
        "target": report.target,
        "rows": report.rows,
        "total_rows": sum(report.rows.values()),
        "sums_compared": report.sums,
        "seals_checked": report.seals,
        "audit_entries": report.audit_entries,
        "chain_head": report.chain_head,
        "seconds": round(report.seconds, 2),
    }
    households = report.rows.get("household", 0)
    emit(
        args,
        payload,
        f"已把 {report.source} 迁入 {redact(report.target)}：{households:,} 户，共 {sum(report.rows.values()):,} 行，"
        f"用时 {report.seconds:.1f} 秒。已核对：各表行数、各项目金额与面积合计（{report.sums:,} 项）、"
        f"审计链（{report.audit_entries:,} 条，链头 {report.chain_head[:16]}）、{report.seals:,} 行的封印。",
    )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "move-to",
        help="把登记册文件迁入 PostgreSQL 服务器上的空数据库（逐表复制后核对行数、金额合计、审计链和封印）",
    )
    p.add_argument(
        "target", help="服务器地址 postgresql://用户名@主机:端口/数据库名（密码取自 PGPASSWORD、~/.pgpass 或提示输入）"
    )
    p.add_argument("--from", dest="source", help="要迁移的登记册文件（默认 --db 或用户数据目录中的登记册）")
    add_common(p)
    p.set_defaults(func=cmd_move_to)
