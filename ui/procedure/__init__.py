"""Procedure calendar and grievances: the window's menu area."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar

from ui.areas import AreaContext
from ui.procedure.window import TAB_GRIEVANCES, TAB_HOLIDAYS, TAB_POSTINGS, TAB_TIMELINE, ProcedureWindow


class ProcedureArea(QObject):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.menu = bar.addMenu(self.tr("程序(&R)"))
        self.window: ProcedureWindow | None = None
        for text, tab in (
            (self.tr("程序时间线…"), TAB_TIMELINE),
            (self.tr("信访台账…"), TAB_GRIEVANCES),
            (self.tr("公示记录…"), TAB_POSTINGS),
            (self.tr("节假日表…"), TAB_HOLIDAYS),
        ):
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _checked=False, t=tab: self.open(t))
        self.menu.menuAction().setVisible(True)

    def open(self, tab: int) -> ProcedureWindow:
        if self.window is None:
            self.window = ProcedureWindow(self.ctx, self.ctx.parent)
        self.window.show_tab(tab)
        return self.window
