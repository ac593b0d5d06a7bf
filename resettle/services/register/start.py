"""A clerk's first register: one file, its first project, its villages and the township's name."""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from pathlib import Path

from resettle.errors import ValidationError
from resettle.services.register import projects, settings
from resettle.store.database import Database

_SPLIT = re.compile(r"[、,，;；\s]+")


def village_names(text: str) -> list[str]:
    """``东岗村、德源村`` (or commas, spaces) → the names, once each, in the order typed."""
    return list(dict.fromkeys(n for n in _SPLIT.split(text.strip()) if n))


def new_register(path: Path, project_name: str, township: str = "", villages: str = "") -> Database:
    """Create the file with its first project; everything is checked first, and nothing is left on failure."""
    if not project_name.strip():
        raise ValidationError("请填写项目名称（如 城东产业园区建设项目）", field="项目名称")
    if path.exists() and path.stat().st_size > 0:
        raise ValidationError(f"文件 {path} 已存在；请换一个名字，或用「打开已有文件」", field="文件")
    names = village_names(villages)
    db = Database.open(path)
    try:
        pid = projects.create_project(db, project_name.strip())
        for name in names:
            projects.create_village(db, pid, name)
        if township.strip():
            office = settings.get_township(db)
            settings.save_township(db, replace(office, township=township.strip()))
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(path) + suffix).unlink()
        raise
    return db
