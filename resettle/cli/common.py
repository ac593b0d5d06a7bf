"""What every command group shares: opening the register, printing text or JSON, progress, dates."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.store.database import Database
from resettle.store.paths import default_db_path


def open_db(args: argparse.Namespace, startup_backup: bool = False) -> Database:
    """Commands that only read skip the start-up backup; writers make their own before acting."""
    return Database.open(Path(args.db) if args.db else default_db_path(), startup_backup=startup_backup)


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
