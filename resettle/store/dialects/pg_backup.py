"""Backups of a register on a PostgreSQL server: ``pg_dump`` (custom format), verified, rotated.

The server's administrator should also back the server up as a whole; these copies are the
program's own (before an import, a payment batch, a migration, or on 立即备份). Without
``pg_dump`` on this computer the program says so in Chinese and names what to install.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from resettle.errors import IntegrityProblem, ValidationError
from resettle.store.audit import ChainHead
from resettle.store.dialects import ServerAddress

SUFFIX = ".dump"
MISSING = (
    "未找到 PostgreSQL 的备份工具 pg_dump，服务器数据库无法备份，本次操作未进行。请安装 PostgreSQL 客户端"
    "（Debian/Ubuntu：sudo apt-get install postgresql-client；Windows：安装 PostgreSQL，把它的 bin 文件夹加入 PATH，"
    "或设置环境变量 RESETTLE_PG_DUMP 为 pg_dump.exe 的完整路径），或请服务器管理员备份。"
)


def find_tool(name: str) -> str | None:
    """``pg_dump`` / ``pg_restore``: RESETTLE_PG_DUMP's folder, PATH, or Debian's versioned folders."""
    override = os.environ.get("RESETTLE_PG_DUMP")
    if override:
        candidate = Path(override) if name == "pg_dump" else Path(override).with_name(name + Path(override).suffix)
        return str(candidate) if candidate.is_file() else None
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    return versions[-1] if versions else None


def _env(password: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password  # to the child only, never written anywhere
    return env


def dump(address: ServerAddress, password: str | None, out: Path, head: ChainHead | None) -> None:
    """``pg_dump -Fc`` of the register into ``out`` (refusing to overwrite), checked by ``pg_restore --list``."""
    from resettle.store.backup import write_sidecar

    tool = _pg_dump()
    if out.exists():
        raise ValidationError(f"目标文件 {out} 已存在，未覆盖。")
    tmp = _dumped(tool, address, password, out)
    try:
        os.link(tmp, out)  # never over another's file: two clerks of one computer may dump in the same second
    except FileExistsError:
        raise ValidationError(f"目标文件 {out} 已存在，未覆盖。") from None
    finally:
        tmp.unlink(missing_ok=True)
    if head is not None:
        write_sidecar(out, head)


def _pg_dump() -> str:
    tool = find_tool("pg_dump")
    if tool is None:
        raise ValidationError(MISSING, field="备份")
    return tool


def _dumped(tool: str, address: ServerAddress, password: str | None, out: Path) -> Path:
    """pg_dump into a temporary file of this process beside ``out``, checked by pg_restore --list."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.part")
    tmp.unlink(missing_ok=True)
    args = [tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={tmp}"]
    args += ["--host", address.host, "--port", str(address.port), "--dbname", address.database]
    if address.user:
        args += ["--username", address.user]
    done = subprocess.run(args, env=_env(password), capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise IntegrityProblem(f"pg_dump 备份失败，未保存：{done.stderr.strip()[:300]}")
    restore = find_tool("pg_restore")
    if restore is not None:
        listed = subprocess.run([restore, "--list", str(tmp)], capture_output=True, text=True)
        if listed.returncode != 0 or "TABLE DATA public audit_log" not in listed.stdout:
            tmp.unlink(missing_ok=True)
            raise IntegrityProblem(f"备份校验失败（pg_restore --list），未保存：{listed.stderr.strip()[:300]}")
    return tmp


def backup_name(stem: str, reason: str, now: datetime) -> str:
    return f"{stem}-{now:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"


def auto_dump(
    address: ServerAddress, password: str | None, folder: Path, stem: str, reason: str, head: ChainHead
) -> Path:
    from resettle.store.backup import rotate, write_sidecar

    tool = _pg_dump()
    now = datetime.now()
    tmp = _dumped(tool, address, password, folder / backup_name(stem, reason, now))
    try:
        n = 0
        while True:  # the first free name: os.link refuses a name another process took meanwhile
            out = folder / backup_name(stem, f"{reason}-{n}" if n else reason, now)
            try:
                os.link(tmp, out)
                break
            except FileExistsError:
                n += 1
    finally:
        tmp.unlink(missing_ok=True)
    write_sidecar(out, head)
    rotate(folder)
    return out
