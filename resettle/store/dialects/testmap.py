"""TEST ONLY: run the test suite's file paths on a PostgreSQL server.

When ``RESETTLE_TEST_POSTGRES`` holds a server URL (``make test`` sets it for the suite's second
run, see scripts/pg_test.sh), ``Database.open(path)`` of a register *file* opens a database on
that server instead: its name is derived from the absolute path (``rt_<worker>_<hash>``) and it is
created from a migrated template database (``resettle_template``) on first use, or from the
database of the register whose marker file was copied there. The CLI run as
a subprocess inherits the variable and so reaches the same database as the test that started
it. A small text file is written at the path so that tests which look for the file find one.

Never set it outside the tests: a clerk's file would silently not be used.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

from resettle.store.dialects import ServerAddress, parse_server_url

ENV = "RESETTLE_TEST_POSTGRES"
TEMPLATE = "resettle_template"
MARKER = "resettle test register on PostgreSQL: "
_TEMPLATE_LOCK = 0x52545054  # "RTPT"


def active() -> bool:
    return bool(os.environ.get(ENV))


def server() -> tuple[ServerAddress, str | None]:
    return parse_server_url(os.environ[ENV])


def _worker() -> str:
    return re.sub(r"\W", "", os.environ.get("PYTEST_XDIST_WORKER", "gw")) or "gw"


def database_for(path: Path) -> str:
    digest = hashlib.sha1(str(Path(path).absolute()).encode("utf-8")).hexdigest()[:20]
    return f"rt_{_worker()}_{digest}"


def _admin() -> Any:
    import psycopg

    from resettle.store.dialects.postgresql import conninfo

    address, password = server()
    return psycopg.connect(**conninfo(address, password), autocommit=True)


def _exists(cur: Any, name: str) -> bool:
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
    return cur.fetchone() is not None


def _ensure_template(cur: Any) -> None:
    if _exists(cur, TEMPLATE):
        return
    cur.execute("SELECT pg_advisory_lock(%s)", (_TEMPLATE_LOCK,))
    try:
        if _exists(cur, TEMPLATE):
            return
        cur.execute(f'CREATE DATABASE "{TEMPLATE}_build"')
        from resettle.store.database import Database

        address, password = server()
        built = ServerAddress(address.host, address.port, f"{TEMPLATE}_build", address.user)
        Database.open_server(built, password=password, startup_backup=False).close()
        cur.execute(f'ALTER DATABASE "{TEMPLATE}_build" RENAME TO "{TEMPLATE}"')
    finally:
        cur.execute("SELECT pg_advisory_unlock(%s)", (_TEMPLATE_LOCK,))


def resolve(path: Path) -> tuple[ServerAddress, str | None, bool]:
    """(address, password, created now) of the test database standing for ``path``."""
    name = database_for(path)
    address, password = server()
    created = False
    copied_from = _marked_name(Path(path))
    with _admin() as conn, conn.cursor() as cur:
        if copied_from is not None and copied_from != name and _exists(cur, copied_from):
            # The file was copied from another test register (shutil.copyfile of a closed register):
            # this path gets a copy of that database, as the copied file would hold its data.
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{copied_from}"')
            Path(path).write_text(MARKER + name + "\n", encoding="utf-8")
        elif not _exists(cur, name):
            _ensure_template(cur)
            cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
            created = True
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MARKER + name + "\n", encoding="utf-8")
    return ServerAddress(address.host, address.port, name, address.user), password, created


def for_raw(path: Path) -> str:
    """The database a raw connection to ``path`` reaches, as ``sqlite3.connect(path)`` reaches the
    file: a copied register's database is cloned first (as ``resolve``), and a path that holds no
    register yet gets an *empty* database (not the migrated template), as sqlite3 makes an empty file."""
    path = Path(path)
    if is_mapped_file(path):
        return resolve(path)[0].database
    name = database_for(path)
    with _admin() as conn, conn.cursor() as cur:
        if not _exists(cur, name):
            cur.execute(f'CREATE DATABASE "{name}"')
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MARKER + name + "\n", encoding="utf-8")
    return name


def _marked_name(path: Path) -> str | None:
    """The database a marker file names (None: no marker there)."""
    if not is_mapped_file(path):
        return None
    return path.read_text(encoding="utf-8").strip()[len(MARKER) :] or None


def is_mapped_file(path: Path) -> bool:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").startswith(MARKER)
    except OSError:
        return False


def clone(src: Path, dst: Path) -> None:
    """The PostgreSQL counterpart of copying a closed register file: ``dst`` gets a copy of ``src``."""
    source, target = database_for(src), database_for(dst)
    with _admin() as conn, conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(MARKER + target + "\n", encoding="utf-8")


def drop_under(folder: Path) -> int:
    """Drop the test databases whose marker files lie under ``folder`` (a test's tmp_path)."""
    names = []
    for marker in Path(folder).rglob("*"):
        if marker.is_file() and marker.stat().st_size < 200 and is_mapped_file(marker):
            names.append(marker.read_text(encoding="utf-8").strip()[len(MARKER) :])
    if not names:
        return 0
    with _admin() as conn, conn.cursor() as cur:
        for name in set(names):
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return len(set(names))


def drop_all(prefix: str | None = None) -> int:
    """Drop this worker's test databases (after each test); returns how many."""
    wanted = prefix or f"rt_{_worker()}_"
    with _admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (wanted.replace("_", r"\_") + "%",))
        names = [str(r[0]) for r in cur.fetchall()]
        for name in names:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return len(names)
