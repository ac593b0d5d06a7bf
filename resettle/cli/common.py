"""What every command group shares: opening the register, printing text or JSON, progress, dates."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.errors import PermissionDenied
from resettle.services import accounts
from resettle.store.database import Database, PasswordNeeded
from resettle.store.dialects import is_server_url
from resettle.store.paths import default_db_path, refuse_url


def open_db(args: argparse.Namespace, startup_backup: bool = False) -> Database:
    """Commands that only read skip the start-up backup; writers make their own before acting.

    A register with accounts needs a login: ``RESETTLE_USER`` / ``RESETTLE_PASSWORD``, or a prompt."""
    db = open_location(args.db, startup_backup=startup_backup) if args.db else None
    if db is None:
        db = Database.open(default_db_path(), startup_backup=startup_backup)
    try:
        login_from_environment(db)
    except BaseException:
        db.close()
        raise
    return db


def open_location(location: str, startup_backup: bool = False) -> Database:
    """A register file, or ``postgresql://user@host:port/dbname`` on a server. The server's password
    comes from PGPASSWORD or ~/.pgpass (libpq reads them), else it is asked in the terminal; it is
    kept in memory only, never written anywhere."""
    if not is_server_url(location):
        refuse_url(location)  # mysql://… and the like: before Path() folds it into a folder name
        return Database.open(Path(location), startup_backup=startup_backup)
    try:
        return Database.open(location, startup_backup=startup_backup)
    except PasswordNeeded as exc:
        if not sys.stdin.isatty():
            raise PasswordNeeded(
                exc.message + "请设置环境变量 PGPASSWORD，或在 ~/.pgpass 中写明（密码不会被本程序保存）。"
            ) from None
        password = getpass.getpass(f"{exc.message}请输入数据库密码：")
        return Database.open(location, startup_backup=startup_backup, password=password)


def login_from_environment(db: Database) -> None:
    if not accounts.accounts_enabled(db):
        return
    name = os.environ.get("RESETTLE_USER") or (input("账户名：") if sys.stdin.isatty() else "")
    if not name:
        raise PermissionDenied("此数据库已启用账户：请设置 RESETTLE_USER 和 RESETTLE_PASSWORD，或在终端中输入。")
    password = os.environ.get("RESETTLE_PASSWORD")
    if password is None:
        password = getpass.getpass("密码：") if sys.stdin.isatty() else ""
    accounts.login(db, name, password)


def json_default(value: Any) -> Any:
    """Money and areas as decimal strings, dates as ISO text, paths as text."""
    if isinstance(value, Decimal | Path):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=json_default))
    else:
        print(text)


def progress_printer(args: argparse.Namespace) -> Callable[[int, int], None] | None:
    if getattr(args, "json", False) or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,}", end="" if done < total else "\n", file=sys.stderr)

    return show


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期「{text}」应写成 2026-06-30 的形式") from None


def add_common(p: argparse.ArgumentParser) -> None:
    """``--db`` and ``--json`` after the command name too (``resettle compute --json``)."""
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="以 JSON 输出结果")
    p.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录）")


PROJECT_HELP = "项目名称或编号（只有一个项目时可省略）"


def command(
    sub: Any, name: str, func: Callable[[argparse.Namespace], int], help_text: str, *, project: bool = False
) -> argparse.ArgumentParser:
    """A sub-command running ``func``, with ``--db`` / ``--json`` (and ``--project`` when asked)."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    if project:
        p.add_argument("--project", help=PROJECT_HELP)
    p.set_defaults(func=func)
    add_common(p)
    return p


def command_group(sub: Any, name: str, help_text: str, *, required: bool = True) -> Any:
    """A command with sub-commands of its own (``resettle NAME ACTION …``); returns where they are added."""
    group = sub.add_parser(name, help=help_text)
    add_common(group)
    return group.add_subparsers(dest=f"{name.replace('-', '_')}_command", required=required)
