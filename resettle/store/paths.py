"""Where files live, and which paths SQLite must not be put on."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import platformdirs

from resettle.errors import ValidationError

APP_NAME = "Resettle"
NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "fuse.sshfs",
    "afs",
    "ncpfs",
    "9p",
    "davfs",
    "fuse.davfs2",
}


def data_dir(create: bool = True) -> Path:
    """The user's data folder (created on demand)."""
    override = os.environ.get("RESETTLE_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "resettle.sqlite3"


def backup_dir_for(db_path: Path) -> Path:
    """Automatic backups live beside the database, in ``<name>-backups``."""
    return db_path.parent / f"{db_path.stem}-backups"


def _mount_fstype(path: Path) -> str | None:
    """The filesystem type of the mount holding ``path`` (Linux, from /proc/mounts)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, best_type = "", None
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) >= len(
            best
        ):
            best, best_type = mount_point, parts[2]
    return best_type


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive:
        return False
    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == drive_remote)


def is_network_path(path: Path) -> bool:
    raw = str(path)
    if raw.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(path)
    probe = path if path.exists() else path.parent
    fstype = _mount_fstype(probe)
    return fstype is not None and fstype in NETWORK_FS


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")  # postgresql://…, file:/… (a drive letter C:/ is one letter)


def refuse_url(path: Path | str) -> None:
    """A server address is not a file: never quietly create ``postgresql:/…`` or ``mysql:/…`` as a
    folder. (``postgresql://…`` is opened as a server by ``Database.open`` before it gets here.)"""
    text = str(path)
    if _URL.match(text):
        scheme = text.split(":", 1)[0]
        raise ValidationError(
            f"「{text}」是{scheme}服务器地址，不是数据库文件。本程序能打开本机的登记册文件（.sqlite3）"
            "或 PostgreSQL 服务器上的数据库（postgresql://用户名@主机:端口/数据库名）。",
            field="数据库路径",
        )


def refuse_network_path(path: Path) -> None:
    refuse_url(path)
    if is_network_path(path):
        raise ValidationError(
            f"数据库文件 {path} 位于网络共享盘上。SQLite 在网络盘上加锁不可靠，会损坏数据。"
            "请把数据库放在本机磁盘；多人共用请改用数据库服务器。",
            field="数据库路径",
        )
