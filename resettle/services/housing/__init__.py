"""Placement housing (issue 13)."""
