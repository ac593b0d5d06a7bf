"""Backups and restores as the clerk asks for them, with the caller's role checked first.

A backup is a copy of every family's record, so it needs what an export needs (查看). A restore
replaces the whole register, so it needs an administrator. The store's own backups (at start-up,
before an import) are not requests by anyone and go straight to ``Database``.
"""

from __future__ import annotations

from pathlib import Path

from resettle.errors import Cancelled, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.accounts.users import recheck_session
from resettle.store import backup
from resettle.store.database import Database


def backup_now(db: Database, reason: str = "manual", progress: backup.Progress = None,
               cancelled: backup.CancelCheck = None) -> Path:  # fmt: skip
    """A backup among the register's own (beside the file; a dump on a server)."""
    require(db, Need.READ, "备份数据库")
    return db.backup_now(reason, progress, cancelled)


def backup_to(db: Database, out: Path, progress: backup.Progress = None, cancelled: backup.CancelCheck = None) -> None:
    """A verified copy in a file the clerk chose (in a folder that exists: a typo in the path is said,
    not made into new folders)."""
    require(db, Need.READ, "备份数据库到文件")
    if not out.parent.is_dir():
        raise ValidationError(f"文件夹 {out.parent} 不存在，未备份。请检查路径，或先建好这个文件夹。", field="备份")
    db.backup_to(out, progress, cancelled)


def restore_findings(db: Database, src: Path, cancelled: backup.CancelCheck = None) -> list[str]:
    """What is doubtful about ``src`` as a backup of this register (another register's, or changed
    behind the program's back); asked before :func:`restore_from`, which refuses without ``accept``.
    Cancelled (``Cancelled``): nothing was restored."""
    from resettle.services.register.checks import backup_findings

    try:
        found = backup_findings(db, src, cancelled)
    except Cancelled as exc:
        raise Cancelled("已取消恢复，当前数据没有改变。") from exc
    if cancelled is not None and cancelled():
        raise Cancelled("已取消恢复，当前数据没有改变。")
    return found


def restore_from(db: Database, src: Path, progress: backup.Progress = None,
                 cancelled: backup.CancelCheck = None, *, accept: bool = False) -> Path:  # fmt: skip
    """Replace the register with a verified backup; the current data is saved as a backup first.

    A backup that is not an untouched earlier state of this register (:func:`restore_findings`)
    is refused with what was found unless ``accept`` (the clerk read it and confirmed)."""
    require(db, Need.MAINTAIN, "从备份恢复数据库")
    if not accept:
        findings = restore_findings(db, src)
        if findings:
            raise ValidationError(
                f"未恢复：{src.name} 有以下可疑之处："
                + "；".join(findings)
                + "。核对无误、确要用它替换当前数据时请确认后再恢复。",
                field="备份",
            )
    safety = db.restore_from(src, progress, cancelled)
    recheck_session(db)  # the accounts are the restored file's now
    return safety
