"""Accounts: the first admin switches them on, login, lockout, passwords never in clear, audit names the role."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from resettle.errors import PermissionDenied, ValidationError
from resettle.services import accounts
from resettle.services.accounts import Role
from resettle.services.register import backups, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store import backup
from resettle.store.database import Database
from tests import dbraw

SECRET = "Zq7-longer-secret"


def test_without_accounts_everything_works_as_one_clerk(db: Database) -> None:
    assert not accounts.accounts_enabled(db)
    pid = projects.create_project(db, "甲项目")
    assert pid > 0
    with db.read() as s:
        user = s.connection().exec_driver_sql('SELECT "user" FROM audit_log ORDER BY id DESC LIMIT 1').scalar()
    assert user == "clerk1"  # the OS user (the fixture's actor), no role


def test_first_account_must_be_an_admin_and_switches_accounts_on(db: Database) -> None:
    with pytest.raises(ValidationError):
        accounts.add_user(db, "张经办", "clerk", SECRET)
    assert not accounts.accounts_enabled(db)
    accounts.add_user(db, "admin", "管理员", SECRET)
    assert accounts.accounts_enabled(db)
    with pytest.raises(PermissionDenied, match="请先登录"):
        projects.create_project(db, "甲项目")
    # a second connection to the file sees accounts too
    with Database.open(db.path, lock=False, startup_backup=False) as other:
        assert accounts.accounts_enabled(other)
        with pytest.raises(PermissionDenied):
            projects.tree(other)


def _setup(db: Database) -> None:
    accounts.add_user(db, "admin", Role.ADMIN, SECRET)
    accounts.login(db, "admin", SECRET)
    for name, role in (("clerk", "clerk"), ("reviewer", "审核"), ("finance", "finance"), ("auditor", "auditor")):
        accounts.add_user(db, name, role, SECRET)
    accounts.logout(db)


def test_login_names_account_and_role_in_the_audit_trail(db: Database) -> None:
    _setup(db)
    accounts.login(db, "clerk", SECRET)
    projects.create_project(db, "甲项目")
    with db.read() as s:
        users = {
            str(u)
            for (u,) in s.connection().exec_driver_sql(
                "SELECT DISTINCT \"user\" FROM audit_log WHERE entity = 'project'"
            )
        }
    assert users == {"clerk（经办）"}


def test_each_role_is_held_to_its_rights_in_the_service_layer(db: Database) -> None:
    _setup(db)
    accounts.login(db, "clerk", SECRET)
    pid = projects.create_project(db, "甲项目")
    accounts.login(db, "auditor", SECRET)
    assert projects.tree(db)[0].id == pid  # reads
    with pytest.raises(PermissionDenied, match="审计"):
        projects.create_project(db, "乙项目")  # changes nothing
    accounts.login(db, "admin", SECRET)
    with pytest.raises(PermissionDenied):
        projects.tree(db)  # admin: accounts only
    with pytest.raises(PermissionDenied):
        search.count_households(db, HouseholdQuery(project_id=pid))
    accounts.login(db, "clerk", SECRET)
    with pytest.raises(PermissionDenied):
        accounts.list_users(db)
    with pytest.raises(PermissionDenied):
        accounts.add_user(db, "mallory", "admin", SECRET)


def test_five_wrong_passwords_lock_the_account_for_a_while(db: Database) -> None:
    _setup(db)
    now = datetime(2026, 6, 1, 9, 0)
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(PermissionDenied, match="不正确"):
            accounts.login(db, "clerk", "wrong-password", now=now)
    with pytest.raises(PermissionDenied, match="锁定"):
        accounts.login(db, "clerk", SECRET, now=now + timedelta(minutes=1))
    assert db.role is None
    info = accounts.login(db, "clerk", SECRET, now=now + accounts.LOCKOUT + timedelta(seconds=1))
    assert info.role is Role.CLERK and db.role is Role.CLERK


def test_four_wrong_then_right_resets_the_count(db: Database) -> None:
    _setup(db)
    now = datetime(2026, 6, 1, 9, 0)
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(PermissionDenied):
            accounts.login(db, "clerk", "nope-nope", now=now)
    accounts.login(db, "clerk", SECRET, now=now)
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(PermissionDenied, match="不正确"):
            accounts.login(db, "clerk", "nope-nope", now=now)


def test_admin_resets_and_owner_changes_password(db: Database) -> None:
    _setup(db)
    accounts.login(db, "admin", SECRET)
    info = accounts.reset_password(db, "clerk", "temporary-1")
    assert info.must_change
    with pytest.raises(PermissionDenied):
        accounts.login(db, "clerk", SECRET)
    accounts.login(db, "clerk", "temporary-1")
    # Until the owner sets their own password, the service refuses everything else (the admin knows this one).
    with pytest.raises(PermissionDenied, match="请先修改本人密码，才能新建项目"):
        projects.create_project(db, "甲项目")
    with pytest.raises(PermissionDenied, match="请先修改本人密码"):
        search.count_households(db, HouseholdQuery())
    with pytest.raises(PermissionDenied, match="原密码"):
        accounts.change_password(db, "not-it-at-all", "brand-new-pass")
    accounts.change_password(db, "temporary-1", "brand-new-pass")
    assert projects.create_project(db, "甲项目") > 0  # the clerk works again at once
    accounts.logout(db)
    assert not accounts.login(db, "clerk", "brand-new-pass").must_change
    with pytest.raises(ValidationError):
        accounts.change_password(db, "brand-new-pass", "short")


def test_the_last_admin_cannot_be_disabled(db: Database) -> None:
    _setup(db)
    accounts.login(db, "admin", SECRET)
    with pytest.raises(ValidationError):
        accounts.set_active(db, "admin", False)
    accounts.set_active(db, "auditor", False)
    with pytest.raises(PermissionDenied, match="停用"):
        accounts.login(db, "auditor", SECRET)


def _all_bytes(path: Path) -> bytes:
    out = b""
    for p in path.parent.rglob("*"):
        if p.is_file():
            out += p.read_bytes()
    return out


def test_passwords_are_never_stored_or_logged_in_clear(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _setup(db)
    accounts.login(db, "admin", SECRET)
    accounts.reset_password(db, "clerk", "Reset-Pass-42")
    with pytest.raises(PermissionDenied):
        accounts.login(db, "clerk", "Wrong-Guess-77")
    accounts.login(db, "clerk", "Reset-Pass-42")
    with db.read() as s:
        conn = s.connection()
        hashes = [str(h) for (h,) in conn.exec_driver_sql("SELECT password_hash FROM user_account")]
        audit_text = " ".join(
            str(v) for row in conn.exec_driver_sql("SELECT field, old, new FROM audit_log") for v in row
        )
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert "password_hash" not in audit_text and "$argon2" not in audit_text
    raw = _all_bytes(db.path)  # database, WAL, backups
    for secret in (SECRET, "Reset-Pass-42", "Wrong-Guess-77"):
        assert secret.encode() not in raw
        assert secret not in caplog.text


@pytest.mark.sqlite_only  # a server's register is restored with pg_restore, never by the program
def test_readers_back_up_and_only_an_admin_restores(db: Database, tmp_path: Path) -> None:
    _setup(db)
    accounts.login(db, "clerk", SECRET)
    projects.create_project(db, "甲项目")
    saved = tmp_path / "saved.sqlite3"
    backups.backup_to(db, saved)
    projects.create_project(db, "乙项目")
    accounts.login(db, "auditor", SECRET)
    backups.backup_to(db, tmp_path / "audit-copy.sqlite3")  # a copy changes nothing: an export
    before = (_project_names(db), backup.list_backups(db.path))
    for name in ("clerk", "reviewer", "finance", "auditor"):
        accounts.login(db, name, SECRET)
        with pytest.raises(PermissionDenied, match="无权从备份恢复数据库"):
            backups.restore_from(db, saved)
    accounts.logout(db)
    with pytest.raises(PermissionDenied, match="请先登录"):
        backups.restore_from(db, saved)
    with pytest.raises(PermissionDenied, match="请先登录"):
        backups.backup_now(db)
    assert (_project_names(db), backup.list_backups(db.path)) == before  # refused before any copy
    assert before[0] == ["甲项目", "乙项目"]
    accounts.login(db, "admin", SECRET)
    with pytest.raises(PermissionDenied):
        backups.backup_to(db, tmp_path / "admin-copy.sqlite3")  # admin: accounts, not the families' data
    assert not (tmp_path / "admin-copy.sqlite3").exists()
    safety = backups.restore_from(db, saved)
    assert _project_names(db) == ["甲项目"] and safety.is_file()


def _project_names(db: Database) -> list[str]:
    with db.read() as s:
        return [str(n) for (n,) in s.connection().exec_driver_sql("SELECT name FROM project ORDER BY id")]


@pytest.mark.sqlite_only
def test_a_restore_keeps_the_login_only_where_the_restored_accounts_have_it(db: Database, tmp_path: Path) -> None:
    projects.create_project(db, "甲项目")
    before_accounts = tmp_path / "before-accounts.sqlite3"
    backups.backup_to(db, before_accounts)  # one clerk, no accounts yet
    _setup(db)
    accounts.login(db, "clerk", SECRET)
    with_accounts = tmp_path / "with-accounts.sqlite3"
    backups.backup_to(db, with_accounts)
    accounts.login(db, "admin", SECRET)
    accounts.add_user(db, "admin2", Role.ADMIN, SECRET)
    accounts.login(db, "admin2", SECRET)

    backups.restore_from(db, with_accounts)  # admin2 was added after this backup
    assert db.role is None and db.account is None
    assert accounts.accounts_enabled(db)
    with pytest.raises(PermissionDenied, match="请先登录"):
        projects.create_project(db, "乙项目")

    accounts.login(db, "admin", SECRET)
    backups.restore_from(db, with_accounts)  # admin is there, still an admin: stays logged in
    assert db.role is Role.ADMIN and db.account == "admin"

    backups.restore_from(db, before_accounts)  # no accounts at all: one clerk does everything again
    assert db.role is None and not accounts.accounts_enabled(db)
    projects.create_project(db, "乙项目")
    assert _project_names(db) == ["甲项目", "乙项目"]


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("UPDATE user_account SET role = '审核' WHERE name = 'clerk'", "role"),
        (
            "UPDATE user_account SET password_hash = (SELECT password_hash FROM user_account WHERE name = 'admin') "
            "WHERE name = 'clerk'",
            "记录封印不符",
        ),
    ],
)
def test_an_account_row_changed_behind_the_programs_back_does_not_log_in(db: Database, sql: str, why: str) -> None:
    _setup(db)
    accounts.login(db, "clerk", SECRET)  # untouched: logs in
    accounts.logout(db)
    with dbraw.connect(db.path) as raw:  # behind the program's back, as sqlite3 on the file would
        raw.execute(sql)
    with pytest.raises(PermissionDenied, match=f"在本程序之外被改动过（{why}）"):
        accounts.login(db, "clerk", SECRET)
    assert db.role is None
    accounts.login(db, "admin", SECRET)  # the other accounts are not held up


@pytest.mark.sqlite_only  # a restore replaces the file; on a server it is refused
def test_a_backup_of_another_register_or_changed_by_hand_is_restored_only_when_confirmed(
    db: Database, tmp_path: Path
) -> None:
    from resettle.store.database import Database as Register

    projects.create_project(db, "甲项目")
    own = tmp_path / "own.sqlite3"
    backups.backup_to(db, own)
    projects.create_project(db, "乙项目")
    assert backups.restore_findings(db, own) == []  # an earlier state of this register: nothing to say
    other = Register.open(tmp_path / "other.sqlite3", startup_backup=False)
    projects.create_project(other, "别人的项目")
    other.close()
    with pytest.raises(ValidationError, match="不是本登记册较早时的副本"):
        backups.restore_from(db, tmp_path / "other.sqlite3")
    assert _project_names(db) == ["甲项目", "乙项目"]  # refused: nothing changed
    tampered = tmp_path / "tampered.sqlite3"
    backups.backup_to(db, tampered)
    with dbraw.connect(tampered) as raw:
        raw.execute("UPDATE project SET name = '改过的项目' WHERE name = '甲项目'")
    found = backups.restore_findings(db, tampered)
    assert any("表 project" in f for f in found), found
    backups.restore_from(db, tampered, accept=True)  # the clerk read it and confirmed
    assert "改过的项目" in _project_names(db)


def test_wrong_old_passwords_count_towards_the_lockout(db: Database) -> None:
    _setup(db)
    accounts.login(db, "clerk", SECRET)
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="原密码不正确"):
            accounts.change_password(db, "guess-guess-1", "New-secret-123")
    with pytest.raises(PermissionDenied, match="已锁定"):
        accounts.change_password(db, "guess-guess-1", "New-secret-123")
    assert db.role is None  # logged out
    with pytest.raises(PermissionDenied, match="锁定"):
        accounts.login(db, "clerk", SECRET)  # even with the right password, for a while
