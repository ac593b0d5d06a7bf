"""Connecting to a register on a PostgreSQL server, for the window's 文件 → 连接服务器 and the CLI.

:func:`connect` opens by address with the password given in memory (never stored: the
dialog asks for it each time, or libpq finds it in PGPASSWORD / ~/.pgpass). The servers used
recently are remembered in ``servers.json`` in the user's data folder: host, port, database
and user only, never a password.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from resettle.store import audit
from resettle.store.database import Database
from resettle.store.dialects import ServerAddress, parse_server_url
from resettle.store.paths import data_dir

RECENT_FILE = "servers.json"
MAX_RECENT = 10


def _recent_path() -> Path:
    return data_dir() / RECENT_FILE


def recent_servers() -> list[ServerAddress]:
    """Newest first; an unreadable file is an empty list."""
    try:
        raw = json.loads(_recent_path().read_text(encoding="utf-8"))
        return [ServerAddress(str(r["host"]), int(r["port"]), str(r["database"]), str(r["user"])) for r in raw]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def remember_server(address: ServerAddress) -> None:
    kept = [a for a in recent_servers() if a != address]
    entries = [
        {"host": a.host, "port": a.port, "database": a.database, "user": a.user} for a in [address, *kept][:MAX_RECENT]
    ]
    target = _recent_path()
    tmp = target.with_name(target.name + ".part")
    with contextlib.suppress(OSError):  # a list that cannot be saved must not stop the connection
        tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)


def forget_server(address: ServerAddress) -> None:
    kept = [a for a in recent_servers() if a != address]
    with contextlib.suppress(OSError):
        _recent_path().write_text(
            json.dumps(
                [{"host": a.host, "port": a.port, "database": a.database, "user": a.user} for a in kept],
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )


def connect(address: ServerAddress | str, password: str | None = None, actor: audit.Actor | None = None) -> Database:
    """Open the register at ``address`` (a ServerAddress or a postgresql:// URL) and remember the
    server (without the password). Raises ``PasswordNeeded`` when the server wants a password that
    was not given, ``ValidationError`` when it cannot be reached (messages in Chinese)."""
    if isinstance(address, str):
        address, in_url = parse_server_url(address)
        password = password if password is not None else in_url
    db = Database.open_server(address, actor, password=password)
    remember_server(address)
    return db


__all__ = ["ServerAddress", "connect", "forget_server", "recent_servers", "remember_server"]
