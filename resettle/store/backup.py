"""Backups through SQLite's online backup API, verified after writing, rotated.

Never a file copy of a live database (data-safety.md, 6). Automatic backups live in
``<db>-backups/`` beside the database and are thinned to 7 daily, 4 weekly and 12
monthly copies; the newest few are always kept whatever their age.

Every backup gets a sidecar ``<backup>.head.json`` with the audit chain head it holds:
``resettle check`` uses them as witnesses (a backup's head must still be in the chain,
unless a restore through the program explains why not).
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from resettle.errors import Cancelled, IntegrityProblem, ValidationError
from resettle.store.audit import ChainHead, chain_head_info
from resettle.store.paths import backup_dir_for

# .sqlite3: a copy of a register file; .dump: pg_dump of a register on a server (dialects.pg_backup)
NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.(sqlite3|dump)$")
KEEP_NEWEST = 5
SIDECAR_SUFFIX = ".head.json"
# Pages copied between two looks at the clerk's 取消 and two progress reports (4 MB of 4 KiB pages).
PAGES_PER_STEP = 1024
# SQLite engine steps between two looks at the cancel during a check (about a millisecond of work).
CHECK_STEPS = 20_000
_SQLITE_DONE = 101  # sqlite3_backup_step(): the whole database copied and committed
Progress = Callable[[int, int], None] | None
CancelCheck = Callable[[], bool] | None


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


def verify_file(path: Path, cancelled: CancelCheck = None) -> list[str]:
    """Problems found by integrity_check and foreign_key_check (empty when sound).

    ``cancelled``: looked at while the checks run; when it turns true they stop and
    :class:`Cancelled` is raised (a check of a large file takes a while)."""
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    if cancelled is not None:
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, CHECK_STEPS)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.extend(f"完整性检查：{r}" for r in rows[:5])
        problems.extend(
            f"外键检查：表 {r[0]} 第 {r[1]} 行引用的 {r[2]} 不存在"
            for r in conn.execute("PRAGMA foreign_key_check").fetchmany(5)
        )
    except sqlite3.DatabaseError as exc:
        if cancelled is not None and cancelled():
            raise Cancelled("已取消。") from exc
        problems.append(f"文件已损坏或不是数据库：{exc}")
    finally:
        conn.close()
    return problems


def copy_pages(source: sqlite3.Connection, target: sqlite3.Connection, progress: Progress = None,
               cancelled: CancelCheck = None) -> None:  # fmt: skip
    """``source.backup(target)`` in steps of :data:`PAGES_PER_STEP` pages, reporting (pages copied,
    pages in all) and raising :class:`Cancelled` when ``cancelled()`` turns true. A backup stopped
    midway rolls the target's write transaction back (``sqlite3_backup_finish``): the target is
    as it was before."""
    if progress is None and cancelled is None:
        source.backup(target)
        return

    def step(status: int, remaining: int, total: int) -> None:
        # Called after the last step too (SQLITE_DONE, the copy already committed): too late to stop then.
        if status != _SQLITE_DONE and cancelled is not None and cancelled():
            raise Cancelled("已取消。")
        if progress is not None:
            progress(total - remaining, total)

    source.backup(target, pages=PAGES_PER_STEP, progress=step)


def copy_database(src: Path, out: Path, progress: Progress = None, cancelled: CancelCheck = None) -> None:
    """Online backup of ``src`` into a new file ``out``; verified, removed if unsound or cancelled."""
    if out.exists():
        raise ValidationError(f"目标文件 {out} 已存在，未覆盖。")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        target = sqlite3.connect(tmp)
        try:
            copy_pages(source, target, progress, cancelled)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()
        problems = verify_file(tmp, cancelled)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if problems:
        tmp.unlink(missing_ok=True)
        raise IntegrityProblem("备份校验失败，未保存：" + "；".join(problems))
    head = _file_head(tmp)
    tmp.replace(out)
    if head is not None:
        write_sidecar(out, head)


@dataclass(frozen=True)
class BackupHead:
    """What a backup's sidecar says: the chain head the backup holds, and when it was made."""

    backup: Path
    head: ChainHead
    created: str  # UTC ISO time


def sidecar_for(backup_path: Path) -> Path:
    return backup_path.with_name(backup_path.name + SIDECAR_SUFFIX)


def _file_head(path: Path) -> ChainHead | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return chain_head_info(conn)
    except sqlite3.DatabaseError:
        return None  # not a register (no audit_log): nothing to witness
    finally:
        conn.close()


def write_sidecar(backup_path: Path, head: ChainHead) -> None:
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    payload = {"format": 1, "backup": backup_path.name, "seq": head.seq, "hash": head.hash, "created": created}
    with contextlib.suppress(OSError):  # the backup itself is sound; a missing sidecar is reported by check
        sidecar_for(backup_path).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def read_sidecar(backup_path: Path) -> BackupHead | None:
    try:
        raw = json.loads(sidecar_for(backup_path).read_text(encoding="utf-8"))
        return BackupHead(backup_path, ChainHead(int(raw["seq"]), str(raw["hash"])), str(raw["created"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def backup_heads(db_path: Path) -> list[BackupHead]:
    """The chain heads of the automatic backups of ``db_path``, newest first: from each sidecar,
    or read from the backup itself when it has none (made by an earlier version, or lost)."""
    out: list[BackupHead] = []
    for info in list_backups(db_path):
        head = read_sidecar(info.path)
        if head is None:
            found = _file_head(info.path)
            if found is None:
                continue
            made = datetime.fromtimestamp(info.path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            head = BackupHead(info.path, found, made)
        out.append(head)
    return out


def restore_into(
    src: Path, db_path: Path, progress: Progress = None, cancelled: CancelCheck = None, verified: bool = False
) -> None:
    """Write a verified backup over the database through the backup API (caller closed its pool).

    ``verified``: the caller has just checked ``src`` (the check of a large file takes seconds; it is
    not done twice). Cancelled midway (:class:`Cancelled`), the database is left exactly as it was:
    the copy is one write transaction of the target, rolled back when the backup does not finish."""
    problems = [] if verified else verify_file(src, cancelled)
    if problems:
        raise IntegrityProblem(f"备份文件 {src.name} 已损坏，未恢复，当前数据库保持不变：" + "；".join(problems))
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        source.close()
    if not {"alembic_version", "household", "audit_log"} <= tables:
        raise ValidationError(f"{src.name} 不是本程序的数据库备份，未恢复。")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(db_path)
    try:
        copy_pages(source, target, progress, cancelled)
    finally:
        target.close()
        source.close()


def backup_name(db_path: Path, reason: str, now: datetime) -> str:
    return f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"


def auto_backup(db_path: Path, reason: str, now: datetime | None = None, progress: Progress = None,
                cancelled: CancelCheck = None) -> Path:  # fmt: skip
    now = now or datetime.now()
    folder = backup_dir_for(db_path)
    out = folder / backup_name(db_path, reason, now)
    n = 1
    while out.exists():
        out = folder / backup_name(db_path, f"{reason}-{n}", now)
        n += 1
    copy_database(db_path, out, progress, cancelled)
    rotate(folder)
    return out


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Automatic backups of ``db_path``, newest first."""
    return list_backups_in(backup_dir_for(db_path))


def list_backups_in(folder: Path) -> list[BackupInfo]:
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for p in folder.iterdir():
        m = NAME_RE.match(p.name)
        if not m:
            continue
        created = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(p, created, m["reason"], p.stat().st_size))
    return sorted(found, key=lambda b: b.created, reverse=True)


def select_kept(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    """Which backups survive: newest few, one per day (7), per ISO week (4), per month (12)."""
    ordered = sorted(set(stamps), reverse=True)
    kept = set(ordered[:KEEP_NEWEST])
    days: set[object] = set()
    weeks: set[object] = set()
    months: set[object] = set()
    for ts in ordered:
        age = now - ts
        day, week, month = ts.date(), ts.isocalendar()[:2], (ts.year, ts.month)
        if age <= timedelta(days=7) and day not in days and len(days) < 7:
            days.add(day)
            kept.add(ts)
        elif age <= timedelta(weeks=5) and week not in weeks and len(weeks) < 4:
            weeks.add(week)
            kept.add(ts)
        elif age <= timedelta(days=366) and month not in months and len(months) < 12:
            months.add(month)
            kept.add(ts)
    return kept


def rotate(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete backups outside the rotation; returns what was removed."""
    infos = list_backups_in(folder)
    keep = select_kept((b.created for b in infos), now or datetime.now())
    removed: list[Path] = []
    for b in infos:
        if b.created not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
            with contextlib.suppress(OSError):
                sidecar_for(b.path).unlink()
    return removed
