"""``resettle [--db PATH] COMMAND``: the program's actions without a window.

One module per command group; each has ``register(subparsers)``.
Exit codes: 0 done, 1 refused (with a Chinese message), 2 usage.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence

from resettle.errors import ResettleError

Handler = Callable[[argparse.Namespace], int]
GROUPS = ("register", "compensation", "documents", "exchange", "accounts", "payments", "housing", "livelihood",
          "procedure", "move")  # fmt: skip

# Each sub-command, its group module (resettle.cli.<group>) and its one-line help, in the order of
# ``resettle --help``. Only the group of the command given is imported (a group pulls in its services,
# sheets and documents); the others are listed from here. tests/test_startup_imports.py checks this
# table against what the groups register.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("register", "生成演示项目"),
    "check": ("register", "检查数据库完整性、外键、审计链和行封印"),
    "backup": ("register", "在线备份到文件（写后校验）"),
    "restore": ("register", "从备份恢复（先校验备份，恢复前自动备份当前数据）"),
    "households": ("register", "列出或搜索户"),
    "township": ("register", "乡镇信息：查看或填写文书上的乡镇、征迁办、电话、签约地点、监督电话"),
    "rates": ("compensation", "补偿标准：导入、导出"),
    "compute": ("compensation", "按项目现行补偿标准计算补偿"),
    "export": ("compensation", "导出表格"),
    "print": (
        "documents",
        "打印文书到 PDF：notice 补偿通知书、agreement 补偿安置协议、disclosure 公示表、voucher 领款单、"
        "allocation 安置房分配确认书、move-in 入住通知单、lottery 抽签记录",
    ),
    "verify": ("documents", "按文书上的校验码核验：是哪份文书、金额是否仍然有效"),
    "import": ("exchange", "导入入户调查表（xlsx/xls/ods/csv），先检查再对比，确认后保存"),
    "users": ("accounts", "账户：添加、列出、重置密码（第一个账户须为管理员）"),
    "review": ("payments", "复核补偿（一户、一个村或全部已计算的户）"),
    "agreements": ("payments", "协议：签约、腾房、补充协议、列表"),
    "payments": ("payments", "兑付：批次、银行文件、回盘、对账"),
    "housing": ("housing", "安置房：房源、安置标准、抽签、选房、差价结算、交房"),
    "transition": ("housing", "过渡费"),
    "employment": ("livelihood", "就业情况：导入劳动保障所的就业表"),
    "training": ("livelihood", "技能培训：导入培训表"),
    "jobs": ("livelihood", "园区企业岗位：导入、按要求推荐失地农民"),
    "social-security": ("livelihood", "被征地农民养老保障：标准、花名册、回执对账"),
    "report": ("livelihood", "报表"),
    "calendar": ("procedure", "工作日日历：推算第 N 个工作日、查看和导入节假日安排"),
    "procedure": ("procedure", "征收程序：各步骤日期、法定期限、逾期和期限不足"),
    "grievances": ("procedure", "信访和异议：登记、列出、办结、导出台账、打印回执和答复"),
    "move-to": ("move", "把登记册文件迁入 PostgreSQL 服务器上的空数据库（逐表复制后核对行数、金额合计、审计链和封印）"),
}

# Commands whose choices other groups extend: their modules are imported (not registered) with the
# command's own group, so ``resettle export roster`` works in a fresh process.
EXTENDED_BY: dict[str, tuple[str, ...]] = {"export": ("exchange",)}


def command_in(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (after the program's own --db / --json), if any."""
    before = argparse.ArgumentParser(add_help=False)
    before.add_argument("--db")
    before.add_argument("--json", action="store_true")
    _known, rest = before.parse_known_args(list(argv))
    return rest[0] if rest and rest[0] in COMMANDS else None


def build_parser(command: str | None = None, *, every_group: bool = False) -> argparse.ArgumentParser:
    """The parser with ``command``'s group registered (``every_group``: all of them); the other
    commands are listed for ``--help`` and load their group when they are the command given."""
    parser = argparse.ArgumentParser(prog="resettle", description="征迁安置管理（命令行）")
    parser.add_argument("--db", help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    sub = parser.add_subparsers(dest="command", required=True)
    wanted = COMMANDS[command][0] if command in COMMANDS else None
    registered: set[str] = set()
    for group in () if every_group or command is None else EXTENDED_BY.get(command, ()):
        importlib.import_module(f"resettle.cli.{group}")
    for name, (group, help_text) in COMMANDS.items():
        if every_group or group == wanted:
            if group not in registered:
                importlib.import_module(f"resettle.cli.{group}").register(sub)
                registered.add(group)
        else:
            sub.add_parser(name, help=help_text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_in(arguments))
    args = parser.parse_args(arguments)
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
    except BrokenPipeError:  # ``resettle households | head``: the reader has what it wanted
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
        return 0
