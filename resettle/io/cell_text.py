"""User text in spreadsheets, one rule for every writer (OWASP CSV/formula injection).

In an xlsx file a cell is either a formula or a value, and a text cell is never evaluated,
whatever its first character; so every workbook writer writes user text as a **text cell
with its content unchanged** (:func:`xlsx_text`): never as a formula (xlsxwriter's
``write_string``, openpyxl through :func:`put_text`), with no prefix that the clerk would
see on paper or that a re-import would keep. Every export therefore re-imports to the same
values.

A CSV file has no cell types: Excel and WPS act on a leading ``= + - @``, tab or CR when
they open it. Only a CSV writer shields such text, with an apostrophe (:func:`csv_text`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["DANGEROUS_LEADS", "csv_text", "put_text", "restore", "xlsx_text"]

DANGEROUS_LEADS = ("=", "+", "-", "@", "\t", "\r")


def xlsx_text(text: str) -> str:
    """What a workbook writer puts in a text cell for ``text``: the text itself (see module doc).

    The one place the rule lives; written with ``write_string`` / :func:`put_text` it can
    never become a formula."""
    return text


def csv_text(text: str) -> str:
    """A CSV field for user text: a formula lead is shielded with an apostrophe."""
    return "'" + text if text.startswith(DANGEROUS_LEADS) else text


def restore(text: str) -> str:
    """Text read back from a workbook written before the rule above: those shielded a formula
    lead with an apostrophe, which is taken off again."""
    return text[1:] if text.startswith("'") and text[1:].startswith(DANGEROUS_LEADS) else text


def put_text(cell: Any, text: str) -> None:
    """Write ``text`` into an openpyxl cell as a string cell, never as a formula."""
    cell.value = xlsx_text(text)
    cell.data_type = "s"
