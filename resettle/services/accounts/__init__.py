"""Accounts, roles and the permission check every service call makes (issue 12)."""

from resettle.domain.roles import Role
from resettle.services.accounts.guard import ROLES_FOR, Need, accounts_enabled, parse_role, permitted, require
from resettle.services.accounts.users import (
    LOCKOUT,
    MAX_FAILURES,
    AccountInfo,
    add_user,
    change_password,
    list_users,
    login,
    logout,
    recheck_session,
    reset_password,
    set_active,
)

__all__ = [
    "LOCKOUT",
    "MAX_FAILURES",
    "ROLES_FOR",
    "AccountInfo",
    "Need",
    "Role",
    "accounts_enabled",
    "add_user",
    "change_password",
    "list_users",
    "login",
    "logout",
    "parse_role",
    "permitted",
    "recheck_session",
    "require",
    "reset_password",
    "set_active",
]
