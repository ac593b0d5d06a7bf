"""What the small forms of every area build the same way: the OK / Cancel row, a row of buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QPushButton


def ok_cancel(dialog: QDialog, accept: Callable[[], object] | None = None) -> QDialogButtonBox:
    """OK and Cancel for ``dialog``: OK calls ``accept`` (the dialog's own accept unless given), Cancel rejects.

    The row belongs to the dialog once it is added to the dialog's layout (so it comes last in the tab order)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def add_buttons(row: QBoxLayout, entries: Iterable[tuple[str, Callable[..., object]]]) -> list[QPushButton]:
    """A push button per (text, slot) entry, added to ``row`` in order; the buttons, for enabling later."""
    buttons = []
    for text, slot in entries:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        buttons.append(button)
    return buttons
