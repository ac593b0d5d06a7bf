"""Accounts, roles, review, agreements, payments and supporting documents (issue 12)."""

from __future__ import annotations
