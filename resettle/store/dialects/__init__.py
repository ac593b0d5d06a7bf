"""The one seam between the program and the database engine: SQLite (a file) or PostgreSQL (a server).

Everything that differs between the two lives below this package: how connections start
(pragmas and ``BEGIN IMMEDIATE`` on SQLite; the writers' transaction lock on PostgreSQL),
the DDL that does not translate by itself (typeof() checks, RAISE(ABORT) triggers, integer
widths, identity columns), id allocation for bulk writes, the checks that read the stored
rows, and backups. Services and io use SQLAlchemy Core/ORM (and driver SQL with ``?``
placeholders, which the PostgreSQL engine rewrites) and never ask which one they have.

Which one is chosen from the location: a ``postgresql://user@host:port/dbname`` URL is a server,
anything else a file path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from resettle.errors import ValidationError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_PG_URL = re.compile(r"^(postgres|postgresql)(\+psycopg)?:/+", re.IGNORECASE)
DEFAULT_PORT = 5432


def is_server_url(location: str | Path) -> bool:
    """``postgresql://…`` (also as folded by ``Path()`` into ``postgresql:/…``)."""
    return bool(_PG_URL.match(str(location)))


@dataclass(frozen=True)
class ServerAddress:
    """Where a PostgreSQL register lives; never holds a password (that stays in memory elsewhere)."""

    host: str
    port: int
    database: str
    user: str

    @property
    def display(self) -> str:
        """The address as clerks see and type it: ``postgresql://user@host:port/db``, no password."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        return f"postgresql://{user}{self.host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def slug(self) -> str:
        """A file-name-safe name for local things about this server (backups folder)."""
        return re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{self.host}_{self.port}_{self.database}")


def parse_server_url(location: str | Path) -> tuple[ServerAddress, str | None]:
    """(address, password written in the URL or None). A password in the URL is accepted but
    discouraged (it would end up in shell history); the program never stores it."""
    text = _PG_URL.sub("postgresql://", str(location), count=1)
    parts = urlsplit(text)
    if parts.query or parts.fragment:
        raise ValidationError(f"服务器地址「{redact(text)}」不能带 ? 或 # 后的参数。", field="数据库地址")
    database = unquote(parts.path.lstrip("/"))
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ValidationError(f"服务器地址「{redact(text)}」中的端口号无效。", field="数据库地址") from None
    if not parts.hostname or not database or "/" in database:
        raise ValidationError(
            f"服务器地址「{redact(text)}」不完整：应写成 postgresql://用户名@主机:端口/数据库名。", field="数据库地址"
        )
    user = unquote(parts.username or "")
    password = unquote(parts.password) if parts.password is not None else None
    return ServerAddress(parts.hostname, port, database, user), password


def redact(text: str) -> str:
    """A URL with its password (if any) replaced by ***, for messages."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text)


def insert_rows(conn: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Many rows into one table, in the connection's transaction: one ``executemany`` on SQLite, one
    ``COPY`` on PostgreSQL (psycopg's ``executemany`` sends a statement per row: 2.6 s of a 5,000-household
    compute's 5.2 s went waiting for them). ``conn``: a SQLAlchemy ``Connection``."""
    if not rows:
        return
    if conn.dialect.name == POSTGRESQL:
        from resettle.store.dialects.postgresql import copy_rows

        copy_rows(conn, table, columns, rows)
        return
    quoted = ", ".join(f'"{c}"' for c in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" for _ in columns)})', rows)


__all__ = ["POSTGRESQL", "SQLITE", "ServerAddress", "insert_rows", "is_server_url", "parse_server_url", "redact"]
