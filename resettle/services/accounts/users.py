"""Local accounts: add, list, reset, change password, log in and out.

Passwords are hashed with Argon2id (argon2-cffi) and never kept, logged or audited in clear;
the hash itself is left out of the audit trail too. Five failed logins lock the account for
``LOCKOUT``. Logging in sets ``db.account``, ``db.role`` and ``db.actor`` so that every later
service call is checked against the role and the audit trail records "name（角色）".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Table, func, inspect, select
from sqlalchemy.orm import Session

from resettle.domain.roles import Role
from resettle.errors import NotFoundError, PermissionDenied, ValidationError
from resettle.services.accounts.guard import Need, accounts_enabled, parse_role, require
from resettle.store.accounts_models import UserAccount
from resettle.store.audit import Actor
from resettle.store.database import Database
from resettle.store.models import AuditEntry
from resettle.store.seal import seal_of, stored_values

__all__ = [
    "LOCKOUT",
    "MAX_FAILURES",
    "MIN_PASSWORD",
    "AccountInfo",
    "add_user",
    "change_password",
    "list_users",
    "login",
    "logout",
    "reset_password",
    "set_active",
]

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD = 8
_HASHER = PasswordHasher()  # Argon2id with the library's current recommended cost


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: Role
    active: bool
    locked_until: datetime | None
    must_change: bool
    last_login_at: datetime | None


def _info(u: UserAccount) -> AccountInfo:
    return AccountInfo(u.name, Role(u.role), u.active, u.locked_until, u.must_change, u.last_login_at)


def _checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"密码至少 {MIN_PASSWORD} 位", field="密码")
    if password.strip() != password:
        raise ValidationError("密码首尾不能有空格", field="密码")
    return _HASHER.hash(password)


def _account(s: Session, name: str) -> UserAccount:
    u = s.scalar(select(UserAccount).where(UserAccount.name == name.strip()))
    if u is None:
        raise NotFoundError(f"没有账户「{name}」")
    return u


def add_user(db: Database, name: str, role: Role | str, password: str) -> AccountInfo:
    """The first account of a register must be an admin and switches accounts on."""
    wanted = role if isinstance(role, Role) else parse_role(role)
    first = not accounts_enabled(db)
    if not first:
        require(db, Need.ACCOUNTS, "管理账户")
    elif wanted is not Role.ADMIN:
        raise ValidationError("第一个账户必须是管理员（管理员），之后由管理员添加其他账户", field="角色")
    clean = name.strip()
    if not clean or len(clean) > 50:
        raise ValidationError("账户名不能为空，最长 50 个字", field="账户名")
    hashed = _checked_password(password)
    with db.write(reason=f"添加账户 {clean}（{wanted.value}）") as s:
        if s.scalar(select(func.count()).select_from(UserAccount).where(UserAccount.name == clean)):
            raise ValidationError(f"账户「{clean}」已存在", field="账户名")
        now = datetime.now()
        u = UserAccount(
            name=clean,
            role=wanted.value,
            password_hash=hashed,
            active=True,
            failed_logins=0,
            must_change=False,
            created_at=now,
            password_changed_at=now,
        )
        s.add(u)
        s.flush()
        info = _info(u)
    db.accounts_on = True
    return info


def list_users(db: Database) -> list[AccountInfo]:
    require(db, Need.ACCOUNTS, "查看账户")
    with db.read() as s:
        return [_info(u) for u in s.scalars(select(UserAccount).order_by(UserAccount.name))]


def reset_password(db: Database, name: str, new_password: str) -> AccountInfo:
    """An admin sets a new password; the owner must change it at the next login; a lockout ends."""
    require(db, Need.ACCOUNTS, "重置密码")
    hashed = _checked_password(new_password)
    with db.write(reason=f"管理员重置账户 {name} 的密码") as s:
        u = _account(s, name)
        u.password_hash = hashed
        u.password_changed_at = datetime.now()
        u.must_change = True
        u.failed_logins = 0
        u.locked_until = None
        s.flush()
        return _info(u)


def set_active(db: Database, name: str, active: bool) -> AccountInfo:
    require(db, Need.ACCOUNTS, "停用或启用账户")
    with db.write(reason=f"{'启用' if active else '停用'}账户 {name}") as s:
        u = _account(s, name)
        if not active and u.role == Role.ADMIN.value:
            others = s.scalar(
                select(func.count())
                .select_from(UserAccount)
                .where(UserAccount.role == Role.ADMIN.value, UserAccount.active, UserAccount.id != u.id)
            )
            if not others:
                raise ValidationError("这是最后一个可用的管理员账户，不能停用", field="账户")
        u.active = active
        s.flush()
        return _info(u)


def change_password(db: Database, old_password: str, new_password: str) -> None:
    """The logged-in owner changes their own password (knowing the current one)."""
    if db.account is None:
        raise PermissionDenied("请先登录，才能修改密码。")
    if old_password == new_password:
        raise ValidationError("新密码不能与原密码相同", field="密码")
    hashed = _checked_password(new_password)
    wrong = locked = False
    with db.write(reason=f"账户 {db.account} 修改本人密码") as s:
        u = _account(s, db.account)
        if not _matches(u.password_hash, old_password):  # counts towards the lockout, as a login does
            wrong = True
            u.failed_logins = (u.failed_logins or 0) + 1
            if u.failed_logins >= MAX_FAILURES:
                u.locked_until = datetime.now() + LOCKOUT
                u.failed_logins = 0
                locked = True
        else:
            u.password_hash = hashed
            u.password_changed_at = datetime.now()
            u.must_change = False
            if u.failed_logins:
                u.failed_logins = 0
    if locked:
        name = db.account
        logout(db)
        raise PermissionDenied(f"原密码连续 {MAX_FAILURES} 次不正确，账户「{name}」已锁定，已退出登录。")
    if wrong:
        raise PermissionDenied("原密码不正确，密码未修改。")  # after the commit, so the count is kept
    db.must_change_password = False


def _matches(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _audited_terms(u: UserAccount) -> dict[str, str]:
    """The account's terms as the audit trail writes them."""
    return {"name": u.name, "role": u.role, "active": "是" if u.active else "否"}


def _refuse_if_tampered(s: Session, u: UserAccount) -> None:
    """An account row changed outside the program (a role raised with sqlite3, a password hash swapped)
    does not log in: its seal no longer matches, or its name, role or state differ from the last ones
    the audit trail recorded (which also catches a row whose seal was made again)."""
    table = inspect(u).mapper.local_table
    assert isinstance(table, Table)
    values = {c.name: getattr(u, c.key) for c in inspect(u).mapper.columns}
    sealed = seal_of(table.name, u.id, stored_values(table, values, s.get_bind().dialect)) == u.seal
    terms = _audited_terms(u)
    recorded: dict[str, str | None] = {}
    for field, new in s.execute(
        select(AuditEntry.field, AuditEntry.new)
        .where(AuditEntry.entity == table.name, AuditEntry.entity_id == u.id, AuditEntry.field.in_(list(terms)))
        .order_by(AuditEntry.id)
    ):
        recorded[field] = new
    differs = [f for f, now in terms.items() if f in recorded and recorded[f] != now]
    if sealed and not differs:
        return
    raise PermissionDenied(
        f"账户「{u.name}」的记录在本程序之外被改动过（{'、'.join(differs) or '记录封印不符'}），不能登录。"
        "请管理员运行「工具 → 完整性检查」查明，并从备份恢复或重置该账户。"
    )


def login(db: Database, name: str, password: str, *, now: datetime | None = None) -> AccountInfo:
    """Check the password; on success the register acts as this account until :func:`logout`.

    A wrong password counts towards the lockout (recorded in the audit trail); the message
    never says whether it was the name or the password that was wrong."""
    at = now or datetime.now()
    wrong = "账户名或密码不正确。"
    with db.write(reason="登录") as s:
        u = s.scalar(select(UserAccount).where(UserAccount.name == name.strip()))
        if u is None:
            raise PermissionDenied(wrong)
        _refuse_if_tampered(s, u)
        if not u.active:
            raise PermissionDenied(f"账户「{u.name}」已停用，请联系管理员。")
        if u.locked_until is not None and u.locked_until > at:
            raise PermissionDenied(
                f"账户「{u.name}」因连续 {MAX_FAILURES} 次密码错误已锁定，请于 {u.locked_until:%H:%M} 后再试或请管理员重置密码。"
            )
        if not _matches(u.password_hash, password):
            u.failed_logins = (u.failed_logins or 0) + 1
            if u.failed_logins >= MAX_FAILURES:
                u.locked_until = at + LOCKOUT
                u.failed_logins = 0
            failed = True
        else:
            failed = False
            if _HASHER.check_needs_rehash(u.password_hash):
                u.password_hash = _HASHER.hash(password)
            if u.failed_logins:
                u.failed_logins = 0
            u.locked_until = None
            u.last_login_at = at
        s.flush()
        info = _info(u)
    if failed:
        raise PermissionDenied(wrong)  # after the commit, so the count is kept
    db.account = info.name
    db.role = info.role
    db.accounts_on = True
    db.must_change_password = info.must_change
    db.actor = Actor(user=info.name, host=db.actor.host, role=info.role.value)
    return info


def recheck_session(db: Database) -> bool:
    """After the register's contents were replaced (a restore): the account logged in stays logged
    in only if the restored register has it, active, with the same role; else nobody is logged in
    (a register restored from before accounts were switched on has none, and one clerk does
    everything again). True when the session stands."""
    db.accounts_on = False  # asked again of the restored contents
    name = getattr(db, "account", None)
    if name is None:
        return True
    with db.read() as s:
        u = s.scalar(select(UserAccount).where(UserAccount.name == name))
        same = u is not None and u.active and _info(u).role == db.role
    if not same:
        logout(db)
    return same


def logout(db: Database) -> None:
    """Nobody is logged in: every service call is refused until the next login."""
    db.account = None
    db.role = None
    db.must_change_password = False
    db.actor = Actor(user=Actor.current().user, host=db.actor.host)
