"""One program instance per database file; a dead holder does not block the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from resettle.errors import LockedError
from resettle.services.register import projects
from resettle.store.database import Database
from resettle.store.lock import InstanceLock
from tests.conftest import CLERK

pytestmark = pytest.mark.sqlite_only  # the instance lock beside a register file


def test_a_second_instance_is_refused_until_the_first_closes(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    first = Database.open(path, actor=CLERK)
    try:
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            Database.open(path, actor=CLERK)
        projects.create_project(first, "甲")  # the refused open did not disturb the first
    finally:
        first.close()
    with Database.open(path, actor=CLERK) as again:
        assert projects.resolve_project(again, "甲") == 1


def test_lock_false_opens_beside_a_holder(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    with Database.open(path, actor=CLERK) as first, Database.open(path, actor=CLERK, lock=False) as second:
        projects.create_project(first, "甲")
        assert projects.resolve_project(second, "甲") == 1


def test_instance_lock_release_is_idempotent(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path / "r.sqlite3")
    lock.acquire()
    assert lock.held
    other = InstanceLock(tmp_path / "r.sqlite3")
    with pytest.raises(LockedError):
        other.acquire()
    assert not other.held
    lock.release()
    lock.release()
    assert not lock.held
    other.acquire()
    other.release()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from resettle.store.database import Database
    db = Database.open(Path(sys.argv[1]), startup_backup=False)
    print("ready", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    Database.open(path, actor=CLERK).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline()
        assert line.strip() == "ready", holder.stderr.read() if holder.stderr else ""
        with pytest.raises(LockedError, match=f"pid {holder.pid}"):
            Database.open(path, actor=CLERK)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout:
            holder.stdout.close()
        if holder.stderr:
            holder.stderr.close()
    assert holder.returncode == -signal.SIGKILL
    with Database.open(path, actor=CLERK) as db:
        projects.create_project(db, "甲")
        assert projects.resolve_project(db, "甲") == 1
