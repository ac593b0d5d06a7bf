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
from resettle.store.database import Database
from resettle.store.paths import default_db_path, refuse_url


def open_db(args: argparse.Namespace, startup_backup: bool = False) -> Database:
    """Commands that only read skip the start-up backup; writers make their own before acting.

    A register with accounts needs a login: ``RESETTLE_USER`` / ``RESETTLE_PASSWORD``, or a prompt."""
    if args.db:
        refuse_url(args.db)  # before Path() folds postgresql:// into a folder name
    db = Database.open(Path(args.db) if args.db else default_db_path(), startup_backup=startup_backup)
    try:
        login_from_environment(db)
    except BaseException:
        db.close()
        raise
    return db


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
    p.add_argument("--db", default=argparse.SUPPRESS, help="以 JSON 输出结果")
