"""The one masking function for IDs, phones and bank accounts.

Public lists (公示表) and screens shown to other villagers must not expose these numbers
(PIPL), and one function means every document masks the same way.

Forms:
- id: first 6 + stars + last 4 (``330802********1234``; a 15-digit ID gets 5 stars).
  10 characters or fewer: all stars.
- phone: first 3 + stars + last 4 (``138****5678``); fewer than 8 characters: all stars.
- account: ``6228 **** **** 1234`` for every length from 12 up, so the printed form
  does not even reveal the length; 8–11 digits: ``**** **** 1234``; fewer: all stars.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["mask"]


def mask(value: str | None, kind: Literal["id", "phone", "account"]) -> str:
    """Masked form of ``value`` for display and print; None or blank gives ''."""
    if not value:
        return ""
    text = "".join(str(value).split())
    n = len(text)
    if kind == "id":
        return text[:6] + "*" * (n - 10) + text[-4:] if n > 10 else "*" * n
    if kind == "phone":
        return text[:3] + "*" * (n - 7) + text[-4:] if n >= 8 else "*" * n
    if kind == "account":
        if n >= 12:
            return f"{text[:4]} **** **** {text[-4:]}"
        return f"**** **** {text[-4:]}" if n >= 8 else "*" * n
    raise ValueError(f"未知的遮蔽类型：{kind}")
