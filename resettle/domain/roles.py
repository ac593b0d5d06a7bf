"""The roles of an office's accounts (what each may do is in services/accounts/guard.py)."""

from __future__ import annotations

from enum import Enum


class Role(Enum):
    CLERK = "经办"
    REVIEWER = "审核"
    FINANCE = "财务"
    AUDITOR = "审计"
    ADMIN = "管理员"
