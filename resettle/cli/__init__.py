"""``resettle [--db PATH] COMMAND``: the program's actions without a window.

One module per command group; each has ``register(subparsers)``.
Exit codes: 0 done, 1 refused (with a Chinese message), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from resettle.cli import (
    accounts,
    compensation,
    documents,
    exchange,
    housing,
    livelihood,
    move,
    payments,
    procedure,
    register,
)
from resettle.errors import ResettleError

Handler = Callable[[argparse.Namespace], int]
GROUPS = (register, compensation, documents, exchange, accounts, payments, housing, livelihood, procedure, move)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resettle", description="征迁安置管理（命令行）")
    parser.add_argument("--db", help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
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
