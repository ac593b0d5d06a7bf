"""User text written into spreadsheets without becoming a formula (OWASP CSV/formula injection).

openpyxl turns any string that starts with ``=`` into a formula, and Excel/WPS also act
on a leading ``+ - @`` and on tab/CR. User text is therefore written as a text cell, and
a leading dangerous character is shielded with an apostrophe; readers of our own
workbooks take the apostrophe off again.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DANGEROUS_LEADS", "neutralise", "put_text", "restore"]

DANGEROUS_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(DANGEROUS_LEADS) else text


def restore(text: str) -> str:
    """Inverse of :func:`neutralise` for text read back from a workbook we wrote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(DANGEROUS_LEADS) else text


def put_text(cell: Any, text: str) -> None:
    """Write ``text`` into an openpyxl cell as a string cell, never as a formula."""
    cell.value = neutralise(text)
    cell.data_type = "s"
