"""Dates between Python and Qt's date widgets, the same way in every dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def to_qdate(day: date | None) -> QDate:
    """``day`` for a date widget; no date shows today."""
    d = day or date.today()
    return QDate(d.year, d.month, d.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def edited_date(edit: QDateEdit) -> date:
    """The date a date widget shows."""
    return from_qdate(edit.date())


def date_edit(day: date | None = None) -> QDateEdit:
    """A date widget showing 2026-12-02 as every list and document does (not the locale's 2026/12/2),
    with a calendar to pick from; no date shows today."""
    edit = QDateEdit(to_qdate(day))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit
