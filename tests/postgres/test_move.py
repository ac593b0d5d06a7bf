"""``resettle move-to``: a register file onto an empty server database, verified, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resettle.cli import main
from resettle.errors import Cancelled, ValidationError
from resettle.services.demo.generate import generate_demo
from resettle.services.register import checks, projects
from resettle.store.database import Database
from resettle.store.dialects import testmap
from resettle.store.move import move_register
from tests import dbraw
from tests.conftest import CLERK

pytestmark = pytest.mark.postgres


@pytest.fixture
def register_file(tmp_path: Path, server_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real SQLite register file (the test run's mapping onto the server switched off)."""
    monkeypatch.delenv(testmap.ENV)
    path = tmp_path / "township.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        generate_demo(db, households=40, seed=11)
    return path


def counts(db: Database) -> dict[str, int]:
    return {t: dbraw.rows(db, f'SELECT count(*) FROM "{t}"')[0][0] for t in ("household", "person", "audit_log")}


def test_move_copies_everything_and_the_server_passes_the_check(
    register_file: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Database.open(register_file, actor=CLERK, startup_backup=False) as source:
        want = counts(source)
        head = source.chain_head()
        sums = dbraw.rows(source, "SELECT count(*), sum(decoration_value) FROM structure")
    code = main(["--json", "move-to", server_url, "--from", str(register_file)])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0, payload
    assert payload["rows"]["household"] == want["household"] == 40
    assert payload["audit_entries"] == head.seq and payload["chain_head"] == head.hash
    assert payload["seals_checked"] > 0 and payload["sums_compared"] > 0
    with Database.open(server_url, actor=CLERK) as server:
        assert counts(server) == want
        assert dbraw.rows(server, "SELECT count(*), sum(decoration_value) FROM structure") == sums
        assert server.chain_head() == head
        report = checks.check_database(server)
        assert report.ok, report.problems
        # ids continue after the copied ones
        pid = projects.create_project(server, "新项目")
        assert pid > max(r[0] for r in dbraw.rows(server, "SELECT id FROM project WHERE id <> ?", (pid,)))
        assert checks.check_database(server).ok


def test_move_refuses_a_target_that_is_not_empty(register_file: Path, server_url: str) -> None:
    with Database.open(server_url, actor=CLERK) as server:
        projects.create_project(server, "已有的项目")
        before = counts(server)
    with (
        Database.open(register_file, actor=CLERK, startup_backup=False) as source,
        Database.open(server_url) as target,
        pytest.raises(ValidationError, match="不是空的"),
    ):
        move_register(source, target)
    with Database.open(server_url, actor=CLERK) as server:
        assert counts(server) == before


def test_a_cancelled_move_leaves_the_target_empty(register_file: Path, server_url: str) -> None:
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with (
        Database.open(register_file, actor=CLERK, startup_backup=False) as source,
        Database.open(server_url) as target,
        pytest.raises(Cancelled),
    ):
        move_register(source, target, progress=progress, cancelled=lambda: len(seen) >= 3)
    assert len(seen) == 3
    with Database.open(server_url, actor=CLERK) as server:
        assert counts(server) == {"household": 0, "person": 0, "audit_log": 0}


def test_a_move_whose_copy_does_not_verify_is_rolled_back(
    register_file: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resettle.errors import IntegrityProblem
    from resettle.store import move

    real = move._copy_table

    def lossy(src, conn, t, tick):  # type: ignore[no-untyped-def]
        n = real(src, conn, t, tick)
        if t.name == "person":
            conn.exec_driver_sql("DELETE FROM person WHERE id = (SELECT max(id) FROM person)")
        return n

    monkeypatch.setattr(move, "_copy_table", lossy)
    with (
        Database.open(register_file, actor=CLERK, startup_backup=False) as source,
        Database.open(server_url) as target,
        pytest.raises(IntegrityProblem, match="表 person"),
    ):
        move_register(source, target)
    with Database.open(server_url, actor=CLERK) as server:
        assert counts(server) == {"household": 0, "person": 0, "audit_log": 0}


def test_move_to_needs_a_server_address(register_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["move-to", str(register_file.with_name("other.sqlite3")), "--from", str(register_file)]) == 1
    assert "不是服务器地址" in capsys.readouterr().err
