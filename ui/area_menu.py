"""What every menu area of the window does the same way: its menu entries, the project check, its open dialogs.

An area (housing, livelihood, payments, procedure …) subclasses :class:`AreaMenu`, adds its
menu to the window's menu bar and lists its entries; the project check and the bookkeeping
of the dialogs it keeps open are here once. The area works only through its ``AreaContext``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QMessageBox

from resettle.errors import ResettleError
from ui.areas import AreaContext

Entry = tuple[str, Callable[[], object]] | None  # None: a separator


class AreaMenu(QObject):
    """Builds an area's menu on the window's menu bar and opens its dialogs (one at a time per kind)."""

    REFUSALS_AS_MESSAGES = False  # a dialog that cannot open for a known reason says so in a message box

    def __init__(self, ctx: AreaContext, bar: QMenuBar, title: str, name: str = "") -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.name = name  # the area's name as the title of its messages
        self.menu: QMenu = bar.addMenu(title)
        self.open_dialogs: list[QDialog] = []

    def action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        return action

    def add_entries(self, entries: Sequence[Entry]) -> None:
        """The menu's entries in order, then the menu is shown on the bar."""
        for entry in entries:
            if entry is None:
                self.menu.addSeparator()
            else:
                self.action(*entry)
        self.menu.menuAction().setVisible(True)

    def project(self) -> int | None:
        """The project chosen in the register's tree; with none, the clerk is asked to choose one."""
        pid = self.ctx.current_project()
        if pid is None:
            QMessageBox.information(self.ctx.parent, self.name, self.tr("请先在左侧选择一个项目。"))
        return pid

    def keep_open(self, dialog: QDialog) -> QDialog:
        """Show a non-modal dialog and keep it (the ones closed meanwhile are let go)."""
        self.open_dialogs = [d for d in self.open_dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def open_for_project(self, make: Callable[[int], QDialog]) -> QDialog | None:
        """The dialog ``make`` builds for the chosen project, shown; None when no project is chosen."""
        pid = self.project()
        if pid is None:
            return None
        try:
            dialog = make(pid)
        except ResettleError as exc:
            if not self.REFUSALS_AS_MESSAGES:
                raise
            QMessageBox.warning(self.ctx.parent, self.name, exc.message)
            return None
        return self.keep_open(dialog)

    def chosen_household(self, title: str, message: str, *, exactly_one: bool = False) -> int | None:
        """The household selected in the register table (the first of several unless ``exactly_one``)."""
        ids = self.ctx.current_households()
        if not ids or (exactly_one and len(ids) != 1):
            QMessageBox.information(self.ctx.parent, title, message)
            return None
        return ids[0]
