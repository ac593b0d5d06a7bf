"""Online, verified backups; rotation keeps 7 daily, 4 weekly, 12 monthly and the newest 5."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resettle.errors import IntegrityProblem, ValidationError
from resettle.services.register import projects
from resettle.store.backup import (
    KEEP_NEWEST,
    auto_backup,
    backup_name,
    copy_database,
    list_backups,
    list_backups_in,
    restore_into,
    rotate,
    select_kept,
    verify_file,
)
from resettle.store.database import Database
from resettle.store.paths import backup_dir_for

pytestmark = pytest.mark.sqlite_only  # file backups through SQLite's backup API; server dumps: tests/postgres

NOW = datetime(2026, 11, 22, 9, 30, 0)
BOUND = KEEP_NEWEST + 7 + 4 + 12


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# -- rotation ---------------------------------------------------------------------------------

stamps = st.lists(
    st.datetimes(min_value=NOW - timedelta(days=900), max_value=NOW).map(lambda d: d.replace(microsecond=0)),
    max_size=120,
)


def most_recent_buckets(items: set[datetime], key: object, max_age: timedelta, n: int) -> set[object]:
    buckets = sorted({key(ts) for ts in items if NOW - ts <= max_age}, reverse=True)  # type: ignore[operator]
    return set(buckets[:n])


@settings(max_examples=150)
@given(stamps)
def test_select_kept_properties(given_stamps: list[datetime]) -> None:
    items = set(given_stamps)
    kept = select_kept(given_stamps, NOW)
    assert kept <= items
    assert len(kept) <= BOUND
    if not items:
        assert kept == set()
        return
    newest_first = sorted(items, reverse=True)
    assert max(items) in kept
    assert set(newest_first[:KEEP_NEWEST]) <= kept
    # beyond the newest few, nothing older than a year survives
    assert all(NOW - ts <= timedelta(days=366) for ts in kept - set(newest_first[:KEEP_NEWEST]))
    # the 7 most recent days, 4 ISO weeks and 12 months (within their windows) each keep a copy
    for key, window, n in (
        (lambda ts: ts.date(), timedelta(days=7), 7),
        (lambda ts: tuple(ts.isocalendar()[:2]), timedelta(weeks=5), 4),
        (lambda ts: (ts.year, ts.month), timedelta(days=366), 12),
    ):
        for bucket in most_recent_buckets(items, key, window, n):
            assert any(key(ts) == bucket for ts in kept), f"no copy kept for {bucket}"
    # idempotent: rotating what was kept keeps all of it
    assert select_kept(kept, NOW) == kept


def test_select_kept_on_a_year_of_hourly_backups() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(24 * 400)]
    kept = select_kept(hourly, NOW)
    assert len(kept) <= BOUND
    assert len({ts.date() for ts in kept if NOW - ts <= timedelta(days=7)}) >= 7
    assert len({(ts.year, ts.month) for ts in kept}) >= 12
    assert set(sorted(hourly, reverse=True)[:KEEP_NEWEST]) <= kept
    assert min(kept) >= NOW - timedelta(days=366)


def test_rotate_deletes_exactly_the_backups_not_selected(tmp_path: Path) -> None:
    db_path = tmp_path / "register.sqlite3"
    folder = backup_dir_for(db_path)
    folder.mkdir()
    made = [NOW - timedelta(hours=7 * i) for i in range(200)]
    for ts in made:
        (folder / backup_name(db_path, "startup", ts)).write_bytes(b"")
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    expected = select_kept(made, NOW)
    assert 0 < len(expected) < len(made)
    removed = rotate(folder, NOW)
    assert len(removed) == len(made) - len(expected)
    assert {b.created for b in list_backups_in(folder)} == expected
    assert (folder / "notes.txt").exists()


# -- copies -----------------------------------------------------------------------------------


def test_auto_backup_is_a_verified_copy_with_the_committed_data(db: Database) -> None:
    projects.create_project(db, "甲")
    projects.create_project(db, "乙")
    first = auto_backup(db.path, "manual", now=NOW)
    second = auto_backup(db.path, "manual", now=NOW)  # same second: a second name, not an overwrite
    assert first != second
    assert first.name == f"register-{NOW:%Y%m%d-%H%M%S}-manual.sqlite3"
    for saved in (first, second):
        assert verify_file(saved) == []
        assert count(saved, "project") == 2
        assert count(saved, "audit_log") == count(db.path, "audit_log")
    assert {b.path for b in list_backups(db.path)} == {first, second}, "every copy is listed (and so rotated)"
    assert not list(backup_dir_for(db.path).glob("*.part"))


def test_copy_database_refuses_to_overwrite(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out.sqlite3"
    out.write_bytes(b"precious")
    with pytest.raises(ValidationError, match="已存在"):
        copy_database(db.path, out)
    assert out.read_bytes() == b"precious"


def test_verify_file_reports_damage(db: Database, tmp_path: Path) -> None:
    projects.create_project(db, "甲")
    good = tmp_path / "good.sqlite3"
    copy_database(db.path, good)
    assert verify_file(good) == []
    data = good.read_bytes()
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(data[: len(data) // 2])
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(os.urandom(len(data)))
    assert verify_file(truncated)
    assert verify_file(garbage)
    assert verify_file(tmp_path / "missing.sqlite3")


def test_restore_into_refuses_a_sound_file_that_is_not_a_register(db: Database, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    projects.create_project(db, "甲")
    with pytest.raises(ValidationError, match="不是本程序"):
        db.restore_from(other)
    assert count(db.path, "project") == 1
    with pytest.raises(ValidationError):
        restore_into(other, db.path)


def test_restore_refuses_a_backup_from_a_newer_program_and_keeps_the_current_data(db: Database, tmp_path: Path) -> None:
    projects.create_project(db, "甲")
    newer = tmp_path / "newer.sqlite3"
    copy_database(db.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.execute("DELETE FROM project")
    conn.commit()
    conn.close()
    from resettle.errors import DatabaseVersionError

    with pytest.raises(DatabaseVersionError):
        db.restore_from(newer)
    assert count(db.path, "project") == 1
    with db.read():
        pass  # still usable
    assert projects.resolve_project(db, "甲") == 1


def test_restore_from_a_damaged_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    projects.create_project(db, "甲")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(os.urandom(8192))
    with pytest.raises(IntegrityProblem, match="已损坏"):
        db.restore_from(damaged)
    assert count(db.path, "project") == 1
    assert list_backups(db.path) == []


# -- chain head sidecars ----------------------------------------------------------------------


def test_every_backup_has_a_sidecar_with_the_chain_head_it_holds(db: Database, tmp_path: Path) -> None:
    from resettle.store.audit import chain_head_info
    from resettle.store.backup import backup_heads, read_sidecar, sidecar_for

    projects.create_project(db, "甲")
    auto = auto_backup(db.path, "manual", now=NOW)
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    db.backup_to(out)
    for saved in (auto, out):
        side = read_sidecar(saved)
        assert side is not None and sidecar_for(saved).exists()
        conn = sqlite3.connect(f"file:{saved}?mode=ro", uri=True)
        try:
            assert side.head == chain_head_info(conn)
        finally:
            conn.close()
        assert side.head == db.chain_head()
    assert [b.backup for b in backup_heads(db.path)] == [auto]


def test_rotation_removes_the_sidecars_with_their_backups(tmp_path: Path) -> None:
    from resettle.store.backup import sidecar_for

    folder = tmp_path / "register-backups"
    folder.mkdir()
    old = folder / backup_name(tmp_path / "register.sqlite3", "manual", NOW - timedelta(days=800))
    recent = [folder / backup_name(tmp_path / "register.sqlite3", "manual", NOW - timedelta(hours=h)) for h in range(5)]
    for p in (old, *recent):
        p.write_bytes(b"x")
        sidecar_for(p).write_text("{}", encoding="utf-8")
    assert rotate(folder, now=NOW) == [old]
    assert not old.exists() and not sidecar_for(old).exists()
    assert all(p.exists() and sidecar_for(p).exists() for p in recent)


def test_a_backup_without_its_sidecar_still_witnesses_its_head(db: Database) -> None:
    from resettle.store.backup import backup_heads, sidecar_for

    projects.create_project(db, "甲")
    saved = auto_backup(db.path, "manual", now=NOW)
    sidecar_for(saved).unlink()
    assert [(b.backup, b.head) for b in backup_heads(db.path)] == [(saved, db.chain_head())]


# -- stopping a long copy (the clerk's 取消) ----------------------------------------------------


def _register_with_two_projects(db: Database) -> tuple[int, str]:
    projects.create_project(db, "甲")
    projects.create_project(db, "乙")
    return count(db.path, "project"), db.chain_head().hash


class _StopAfter:
    """A cancel that turns true once ``steps`` progress reports have come in."""

    def __init__(self, steps: int) -> None:
        self.steps = steps
        self.reports: list[tuple[int, int]] = []

    def progress(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return len(self.reports) >= self.steps


def test_a_restore_stopped_midway_leaves_the_register_as_it_was(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resettle.errors import Cancelled
    from resettle.store import backup

    saved = tmp_path / "saved.sqlite3"
    copy_database(db.path, saved)  # an empty register: restoring it would remove both projects
    projects_before, head_before = _register_with_two_projects(db)
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)  # a page per step: the small test file takes many steps
    reports: list[tuple[int, int]] = []
    safety_done: list[int] = []

    def cancelled() -> bool:  # two steps into the restore's own copy, once the safety copy is there
        if not safety_done and list_backups(db.path):
            safety_done.append(len(reports))
        return bool(safety_done) and len(reports) >= safety_done[0] + 2

    with pytest.raises(Cancelled, match="当前数据没有改变"):
        db.restore_from(saved, progress=lambda d, t: reports.append((d, t)), cancelled=cancelled)
    assert safety_done and len(reports) == safety_done[0] + 2 and reports[-1][0] < 1000, "stopped inside the restore"
    assert count(db.path, "project") == projects_before == 2
    assert db.chain_head().hash == head_before
    assert verify_file(db.path) == []
    projects.create_project(db, "丙")  # and it is usable: the pool was opened again
    assert count(db.path, "project") == 3
    assert [b.reason for b in list_backups(db.path)] == ["before-restore"], "the safety copy made first stays"


def test_a_copy_is_not_stopped_once_its_last_page_is_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reports the final step after it committed the copy: a 取消 arriving then is too late, and the
    clerk must not be told that nothing changed (a restore would have gone through)."""
    from resettle.store import backup

    _register_with_two_projects(db)
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)
    reports: list[tuple[int, int]] = []
    source = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    target = sqlite3.connect(tmp_path / "copy.sqlite3")
    try:
        # True from the report before the last one on: the last step's report comes after the commit.
        backup.copy_pages(source, target, lambda d, t: reports.append((d, t)),
                          lambda: bool(reports) and reports[-1][0] >= reports[-1][1] - 1)  # fmt: skip
    finally:
        target.close()
        source.close()
    assert reports[-1][0] == reports[-1][1] > 2, "copied to the end, page by page"
    assert count(tmp_path / "copy.sqlite3", "project") == 2


def test_a_restore_reports_one_bar_over_both_copies(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resettle.store import backup

    saved = tmp_path / "saved.sqlite3"
    copy_database(db.path, saved)
    _register_with_two_projects(db)
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)
    reports: list[tuple[int, int]] = []
    db.restore_from(saved, progress=lambda d, t: reports.append((d, t)), cancelled=lambda: False)
    assert count(db.path, "project") == 0, "restored"
    assert reports[-1] == (1000, 1000) and {t for _, t in reports} == {1000}
    assert [d for d, _ in reports] == sorted(d for d, _ in reports), "never going back"


def test_a_backup_stopped_midway_leaves_no_file(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resettle.errors import Cancelled
    from resettle.store import backup

    _register_with_two_projects(db)
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)
    out = tmp_path / "copy.sqlite3"
    stop = _StopAfter(steps=2)
    with pytest.raises(Cancelled):
        db.backup_to(out, progress=stop.progress, cancelled=stop.cancelled)
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    with pytest.raises(Cancelled):
        db.backup_now("manual", progress=stop.progress, cancelled=stop.cancelled)
    assert list_backups(db.path) == [] and not list(backup_dir_for(db.path).glob("*.part"))
    db.backup_to(out, progress=stop.progress)  # not stopped: a whole, verified copy
    assert verify_file(out) == [] and count(out, "project") == 2


def test_a_check_of_a_backup_stops_when_cancelled(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from resettle.errors import Cancelled
    from resettle.store import backup

    _register_with_two_projects(db)
    monkeypatch.setattr(backup, "CHECK_STEPS", 10)  # a small file's check is over within the usual interval
    with pytest.raises(Cancelled):
        verify_file(db.path, cancelled=lambda: True)
    assert verify_file(db.path, cancelled=lambda: False) == []
