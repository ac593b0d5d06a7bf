"""Accounts: ``users add|list|reset|passwd|disable|enable`` (issue 12).

Passwords are read from standard input (``--password-stdin``), never from the command line,
where they would end up in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from typing import Any

from resettle.cli.common import add_common, command, command_group, emit, open_db
from resettle.errors import ValidationError
from resettle.services import accounts


def _read_password(args: argparse.Namespace, prompt: str = "新密码：") -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ValidationError("标准输入中没有密码", field="密码")
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(prompt)
        if getpass.getpass("再输入一次：") != first:
            raise ValidationError("两次输入的密码不一致", field="密码")
        return first
    raise ValidationError("请用 --password-stdin 从标准输入提供密码", field="密码")


def _account_payload(info: accounts.AccountInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "role": info.role.value,
        "active": info.active,
        "locked_until": info.locked_until,
        "must_change": info.must_change,
        "last_login_at": info.last_login_at,
    }


def cmd_users_add(args: argparse.Namespace) -> int:
    role = accounts.parse_role(args.role)
    password = _read_password(args)
    with open_db(args) as db:
        first = not accounts.accounts_enabled(db)
        info = accounts.add_user(db, args.name, role, password)
    text = f"已添加账户「{info.name}」（{info.role.value}）"
    if first:
        text += "；此数据库从现在起需要登录（RESETTLE_USER / RESETTLE_PASSWORD）"
    emit(args, _account_payload(info), text)
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        users = accounts.list_users(db)
    lines = [
        f"{u.name}\t{u.role.value}\t{'可用' if u.active else '已停用'}"
        + (f"\t锁定至 {u.locked_until:%Y-%m-%d %H:%M}" if u.locked_until else "")
        for u in users
    ]
    emit(args, [_account_payload(u) for u in users], "\n".join(lines) or "还没有账户")
    return 0


def cmd_users_reset(args: argparse.Namespace) -> int:
    generated = not args.password_stdin
    password = _read_password(args) if args.password_stdin else secrets.token_urlsafe(9)
    with open_db(args) as db:
        info = accounts.reset_password(db, args.name, password)
    payload = _account_payload(info)
    text = f"已重置账户「{info.name}」的密码；下次登录后须修改"
    if generated:
        payload["temporary_password"] = password
        text += f"。临时密码（只显示这一次）：{password}"
    emit(args, payload, text)
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    """The logged-in account (RESETTLE_USER) changes its own password: old and new on stdin."""
    if not args.password_stdin:
        raise ValidationError("请用 --password-stdin 在标准输入中给出原密码和新密码（各一行）", field="密码")
    old = sys.stdin.readline().rstrip("\r\n")
    new = sys.stdin.readline().rstrip("\r\n")
    with open_db(args) as db:
        accounts.change_password(db, old, new)
        name = db.account
    emit(args, {"name": name}, f"账户「{name}」的密码已修改")
    return 0


def cmd_users_active(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        info = accounts.set_active(db, args.name, args.active)
    emit(args, _account_payload(info), f"账户「{info.name}」已{'启用' if info.active else '停用'}")
    return 0


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
    users_sub = command_group(sub, "users", "账户：添加、列出、重置密码（第一个账户须为管理员）")
    p = command(users_sub, "add", cmd_users_add, "添加账户")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="clerk|reviewer|finance|auditor|admin 或 经办|审核|财务|审计|管理员")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    p = command(users_sub, "list", cmd_users_list, "列出账户")
    p = command(users_sub, "reset", cmd_users_reset, "管理员重置密码（不给 --password-stdin 时生成临时密码）")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取新密码（一行）")
    p = command(users_sub, "passwd", cmd_users_passwd, "修改本人密码（标准输入：原密码、新密码各一行）")
    p.add_argument("--password-stdin", action="store_true")
    for name, active in (("disable", False), ("enable", True)):
        p = users_sub.add_parser(name, help="停用账户" if not active else "启用账户")
        p.add_argument("name")
        p.set_defaults(func=cmd_users_active, active=active)
        add_common(p)
