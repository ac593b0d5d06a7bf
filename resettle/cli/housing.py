"""Placement housing: ``housing``, ``transition`` (issue 13)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
