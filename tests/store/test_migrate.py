"""Opening a file brings it to the current schema, backs up before upgrading, and refuses what it cannot open."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from resettle.errors import DatabaseVersionError, ValidationError
from resettle.services.register import projects
from resettle.store import migrate as migrate_module
from resettle.store import schema  # noqa: F401 - every table registered
from resettle.store.backup import list_backups, verify_file
from resettle.store.database import Database
from resettle.store.engine import make_engine
from resettle.store.migrate import MigrationOutcome, alembic_config, head_revision
from resettle.store.models import Base
from resettle.store.paths import backup_dir_for
from tests.conftest import CLERK

pytestmark = pytest.mark.sqlite_only  # upgrading register files of older revisions; on a server: tests/postgres


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def revision_of(path: Path) -> str:
    return str(query(path, "SELECT version_num FROM alembic_version")[0][0])


def tables_of(path: Path) -> set[str]:
    return {str(r[0]) for r in query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def new_register(path: Path) -> Path:
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        projects.create_project(db, "测试项目")
    for suffix in ("-wal", "-shm"):
        assert not path.with_name(path.name + suffix).exists(), "closing should checkpoint and remove the WAL"
    return path


def test_a_new_file_is_created_at_head_with_every_table(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Database.open(path, actor=CLERK) as db:
        assert db.migration is MigrationOutcome.CREATED
    assert revision_of(path) == head_revision()
    assert set(Base.metadata.tables) | {"alembic_version"} <= tables_of(path)
    triggers = {r[0] for r in query(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
    assert not backup_dir_for(path).exists(), "a brand-new file needs no backup"


def test_every_model_column_and_index_exists_in_the_migrated_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Database.open(path, actor=CLERK).close()
    present = tables_of(path)
    for table in Base.metadata.sorted_tables:
        assert table.name in present, f"no migration creates table {table.name}"
        columns = {str(r[0]) for r in query(path, f"SELECT name FROM pragma_table_info('{table.name}')")}
        assert {c.name for c in table.columns} == columns, f"columns of {table.name} differ from the model"
        indexes = {str(r[0]) for r in query(path, f"SELECT name FROM pragma_index_list('{table.name}')")}
        assert {i.name for i in table.indexes} <= indexes, f"indexes of {table.name} differ from the model"


def test_reopening_a_current_file_changes_nothing_but_makes_a_startup_backup(tmp_path: Path) -> None:
    path = new_register(tmp_path / "r.sqlite3")
    with Database.open(path, actor=CLERK) as db:
        assert db.migration is MigrationOutcome.CURRENT
    backups = list_backups(path)
    assert [b.reason for b in backups] == ["startup"]
    assert verify_file(backups[0].path) == []
    with Database.open(path, actor=CLERK) as db:  # within ten minutes: no second start-up copy
        assert db.migration is MigrationOutcome.CURRENT
    assert len(list_backups(path)) == 1


def test_a_file_from_a_newer_program_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = new_register(tmp_path / "r.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseVersionError, match="更新版本"):
        Database.open(path, actor=CLERK)
    assert digest(path) == before
    assert revision_of(path) == "ffff_from_the_future"
    assert not backup_dir_for(path).exists()
    # the lock was released: the refusal did not leave the file blocked
    with pytest.raises(DatabaseVersionError):
        Database.open(path, actor=CLERK)


def test_a_sqlite_file_that_is_not_a_register_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "accounts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO ledger (amount) VALUES (1.5)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ValidationError, match="不是本程序的数据库"):
        Database.open(path, actor=CLERK)
    assert digest(path) == before, "refusing a file must not convert it (e.g. to WAL mode)"
    assert query(path, "PRAGMA journal_mode") == [("delete",)]
    assert tables_of(path) == {"ledger"}


@pytest.mark.parametrize(
    "content",
    [os.urandom(4096), b"PK\x03\x04" + b"\0" * 2000, "户号,户主\n".encode(), b"SQLite format 3\0" + b"\xff" * 200],
    ids=["random", "zip", "csv", "damaged-header"],
)
def test_a_file_that_is_not_sqlite_at_all_is_refused_and_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "survey.sqlite3"
    path.write_bytes(content)
    with pytest.raises(ValidationError):
        Database.open(path, actor=CLERK)
    assert path.read_bytes() == content


FAKE_REVISION = '''
"""A later schema change, for the test only."""

import sqlalchemy as sa
from alembic import op

revision = "9000_test"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("migration_probe", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("probe", sa.Text(), nullable=False, server_default=""))
    {fail}


def downgrade() -> None:
    op.drop_table("migration_probe")
'''


def newer_migrations(tmp_path: Path, fail: bool = False) -> Path:
    """The program's migrations plus one more revision on top of its head.

    Only one revision may exist in the program so far; to see what happens to a file at an
    older revision, the program is pointed at this copy, in which its head is the older one.
    """
    folder = tmp_path / "migrations"
    shutil.copytree(migrate_module.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    body = FAKE_REVISION.format(down=head_revision(), fail="raise RuntimeError('migration failed')" if fail else "")
    (folder / "versions" / "9000_test.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def test_a_file_at_an_older_revision_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_head = head_revision()
    path = new_register(tmp_path / "r.sqlite3")
    monkeypatch.setattr(migrate_module, "MIGRATIONS", newer_migrations(tmp_path))
    assert head_revision() == "9000_test"

    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        assert db.migration is MigrationOutcome.UPGRADED
        assert projects.resolve_project(db, "测试项目") == 1
    assert revision_of(path) == "9000_test"
    assert "migration_probe" in tables_of(path)

    backups = list_backups(path)
    assert [b.reason for b in backups] == ["before-migration"]
    saved = backups[0].path
    assert verify_file(saved) == []
    assert revision_of(saved) == old_head
    assert "migration_probe" not in tables_of(saved)
    assert query(saved, "SELECT name FROM project") == [("测试项目",)]

    # ... and the program that does not know the new revision refuses the upgraded file.
    monkeypatch.undo()
    with pytest.raises(DatabaseVersionError):
        Database.open(path, actor=CLERK)


def test_a_failed_upgrade_leaves_the_file_at_its_old_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_head = head_revision()
    path = new_register(tmp_path / "r.sqlite3")
    monkeypatch.setattr(migrate_module, "MIGRATIONS", newer_migrations(tmp_path, fail=True))
    with pytest.raises(RuntimeError, match="migration failed"):
        Database.open(path, actor=CLERK, startup_backup=False)
    assert revision_of(path) == old_head
    assert "migration_probe" not in tables_of(path)
    assert "probe" not in {r[1] for r in query(path, "PRAGMA table_info('project')")}
    assert [b.reason for b in list_backups(path)] == ["before-migration"]
    monkeypatch.undo()
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        assert db.migration is MigrationOutcome.CURRENT
        assert projects.resolve_project(db, "测试项目") == 1


OLDER_REVISIONS = [s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()][1:]


def test_the_program_has_older_revisions_to_upgrade_from() -> None:
    assert OLDER_REVISIONS, "only one revision: the upgrade test below has nothing to run on"


def file_at_revision(path: Path, revision: str) -> None:
    """A register as an older version of the program left it, with a little data."""
    engine = make_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), revision)
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO project (id, name, approval_no, remarks, version, seal) VALUES (1, '老项目', '', '', 1, '');
        INSERT INTO village (id, project_id, name, version, seal) VALUES (1, 1, '东岗村', 1, '');
        INSERT INTO village_group (id, village_id, name, version, seal) VALUES (1, 1, '一组', 1, '');
        INSERT INTO household (id, project_id, group_id, household_no, head_name, head_initials, phone, address,
            bank_name, bank_account, tags, status, remarks, version, seal)
            VALUES (1, 1, 1, 'DG01001', '张三', 'zs', '', '', '', '', '', '已调查', '', 1, '');
        INSERT INTO structure (id, household_id, seq, use, structure_type, floor_area_m2, legal_status,
            decoration_value, version, seal) VALUES (1, 1, 1, '住宅', '砖混', 12050, '合法', 1234567, 1, '');
        """
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("revision", OLDER_REVISIONS)
def test_each_older_revision_is_backed_up_then_upgraded_with_its_data(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.sqlite3"
    file_at_revision(path, revision)
    with Database.open(path, actor=CLERK) as db:
        assert db.migration is MigrationOutcome.UPGRADED
    assert revision_of(path) == head_revision()
    assert set(Base.metadata.tables) <= tables_of(path)
    assert query(path, "SELECT household_no, head_name FROM household") == [("DG01001", "张三")]
    assert query(path, "SELECT decoration_value, typeof(decoration_value) FROM structure") == [(1234567, "integer")]
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    (saved,) = list_backups(path)
    assert saved.reason == "before-migration"
    assert revision_of(saved.path) == revision
    assert query(saved.path, "SELECT decoration_value FROM structure") == [(1234567,)]
