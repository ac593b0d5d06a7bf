"""Accounts, roles and the permission check every service call makes (issue 12)."""
