"""Procedure calendar and grievances: the window's menu area."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar

from resettle.services.procedure import grievances
from ui.area_menu import AreaMenu
from ui.areas import AreaContext
from ui.procedure.window import TAB_GRIEVANCES, TAB_HOLIDAYS, TAB_POSTINGS, TAB_TIMELINE, ProcedureWindow


class ProcedureArea(AreaMenu):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx, bar, self.tr("程序(&R)"))
        self.window: ProcedureWindow | None = None
        self.grievance_action: QAction | None = None
        for text, tab in (
            (self.tr("程序时间线…"), TAB_TIMELINE),
            (self.tr("信访台账…"), TAB_GRIEVANCES),
            (self.tr("公示记录…"), TAB_POSTINGS),
            (self.tr("节假日表…"), TAB_HOLIDAYS),
        ):
            action = self.action(text, partial(self.open, tab))
            if tab == TAB_GRIEVANCES:
                self.grievance_action = action
        self.menu.menuAction().setVisible(True)
        self.menu.aboutToShow.connect(self.count_overdue)

    def count_overdue(self) -> None:
        """The menu says how many grievances are overdue in the current project."""
        pid = self.ctx.current_project()
        if pid is None or self.ctx.runner.busy():
            return
        self.ctx.runner.run(
            self.ctx.parent,
            self.tr("统计逾期信访"),
            grievances.overdue_count,
            on_done=self._show_overdue,
            with_progress=False,
            db=self.ctx.database(),
            project_id=pid,
        )

    def _show_overdue(self, n: int) -> None:
        if self.grievance_action is not None:
            text = self.tr("信访台账…")
            self.grievance_action.setText(text + (self.tr("（逾期 {n} 件）").format(n=n) if n else ""))

    def open(self, tab: int) -> ProcedureWindow:
        """The window, bound to the project chosen now (it keeps to it until opened again)."""
        if self.window is None:
            self.window = ProcedureWindow(self.ctx, self.ctx.parent)
        self.window.bind(self.ctx.current_project())
        self.window.show_tab(tab)
        return self.window
