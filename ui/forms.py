"""What the small forms of every area build the same way: the OK / Cancel row, a row of buttons, the 关闭 button."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QHBoxLayout, QPushButton


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


def add_close(dialog: QDialog) -> QPushButton | None:
    """A 关闭 button at the right end of ``dialog``'s last row of buttons (a new row if its layout ends otherwise).

    For the windows an area opens beside the register (lists with their own buttons, no OK / Cancel): the clerk
    finds the way out where the other buttons are, not only in the title bar or under Esc. None when the dialog
    ends in its own OK / Cancel or is not laid out in a box."""
    layout = dialog.layout()
    last = layout.itemAt(layout.count() - 1) if isinstance(layout, QBoxLayout) and layout.count() else None
    if last is None or isinstance(last.widget(), QDialogButtonBox):
        return None
    button = QPushButton(QCoreApplication.translate("forms", "关闭"))
    button.setAutoDefault(False)
    button.clicked.connect(dialog.close)
    row = last.layout()
    if isinstance(row, QBoxLayout) and row.direction() == QBoxLayout.Direction.LeftToRight:
        row.addWidget(button)
    elif isinstance(layout, QBoxLayout):
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
    button.show()  # a child added while its window shows is not shown with it (its children were shown first)
    return button
