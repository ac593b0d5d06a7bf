"""The one permission check every service function calls first: ``require(db, Need.X, "what")``.

A register without accounts works as one clerk (everything allowed, the OS user in the
audit). Once accounts exist the logged-in account's role decides, here in the service
layer, never only in the window.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from resettle.domain.roles import Role
from resettle.errors import PermissionDenied, ValidationError

if TYPE_CHECKING:
    from resettle.store.database import Database


class Need(Enum):
    """What a call needs; each area's services name one of these."""

    READ = "查看"  # every role but admin (accounts only)
    ENTER = "录入"  # clerk: surveys, imports, compute, sign, housing, livelihood, grievances
    REVIEW = "复核"  # reviewer
    PAY = "兑付"  # finance: payment batches, bank replies
    OVERRIDE = "越权放行"  # admin with a reason (e.g. printing before a period ended)
    ACCOUNTS = "管理账户"  # admin
    MAINTAIN = "维护数据库"  # admin: replace the whole register from a backup


ROLES_FOR: dict[Need, frozenset[Role]] = {
    Need.READ: frozenset({Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.AUDITOR}),
    Need.ENTER: frozenset({Role.CLERK}),
    Need.REVIEW: frozenset({Role.REVIEWER}),
    Need.PAY: frozenset({Role.FINANCE}),
    Need.OVERRIDE: frozenset({Role.ADMIN}),
    Need.ACCOUNTS: frozenset({Role.ADMIN}),
    Need.MAINTAIN: frozenset({Role.ADMIN}),
}


ROLE_NAMES: dict[str, Role] = {
    "clerk": Role.CLERK,
    "reviewer": Role.REVIEWER,
    "finance": Role.FINANCE,
    "auditor": Role.AUDITOR,
    "admin": Role.ADMIN,
    **{r.value: r for r in Role},
}


def parse_role(text: str) -> Role:
    """``clerk`` … ``admin`` or the Chinese name (经办, 审核, 财务, 审计, 管理员)."""
    role = ROLE_NAMES.get(text.strip().lower()) or ROLE_NAMES.get(text.strip())
    if role is None:
        names = "、".join(f"{r.value}（{en}）" for en, r in ROLE_NAMES.items() if en.isascii())
        raise ValidationError(f"没有角色「{text}」，可选：{names}", field="角色")
    return role


def accounts_enabled(db: Database) -> bool:
    """True once the register has an account (the first one, an admin, switches accounts on)."""
    if getattr(db, "accounts_on", False):
        return True
    engine = getattr(db, "engine", None)
    if engine is None:
        return False
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
        found = conn.exec_driver_sql("SELECT 1 FROM user_account LIMIT 1").first() is not None
    if found:
        db.accounts_on = True
    return found


def permitted(db: Database, need: Need) -> bool:
    """Whether :func:`require` would let the caller do what ``need`` covers (the window asks before
    it reads, so that an account that may not see the families' data gets an empty screen, not errors)."""
    role: Role | None = getattr(db, "role", None)
    if role is None:
        return not accounts_enabled(db)
    return role in ROLES_FOR[need]


def require(db: Database, need: Need, what: str) -> None:
    """Refuse with a Chinese message naming ``what`` when the caller's role may not do it."""
    role: Role | None = getattr(db, "role", None)
    if role is None:
        if accounts_enabled(db):
            raise PermissionDenied(f"此数据库已启用账户，请先登录，才能{what}。")
        return  # no accounts on this register: one clerk does everything
    if getattr(db, "must_change_password", False):
        raise PermissionDenied(f"管理员重置了账户「{db.account}」的密码：请先修改本人密码，才能{what}。")
    if role not in ROLES_FOR[need]:
        raise PermissionDenied(f"当前账户（{role.value}）无权{what}。")
