"""Review, agreements and payments: ``review``, ``agreements``, ``payments`` (issue 12)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this group's commands to the program's sub-commands."""
