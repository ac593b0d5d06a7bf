"""Livelihood: jobs, training, social security, dashboard: the window's menu area.

Menu 就业社保: the dashboard (headline figures and charts), labour status and visits,
jobs and referrals, training, social security, the monitoring report and the settings.
Every page works on the project chosen in the register's tree; with none chosen the
clerk is asked to choose one (a register holds several projects).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMenuBar, QWidget

from resettle.services.livelihood import labour, report
from ui.area_menu import AreaMenu
from ui.areas import AreaContext
from ui.livelihood.dashboard import DashboardDialog
from ui.livelihood.dialogs import SettingsDialog
from ui.livelihood.pages import JobsPage, PeoplePage, SocialSecurityPage, TrainingPage


class LivelihoodArea(AreaMenu):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx, bar, self.tr("就业社保(&L)"), self.tr("就业社保"))
        self.pages: dict[str, QWidget] = {}
        self.act_dashboard = self.action(self.tr("就业社保看板…"), self.open_dashboard)
        self.menu.addSeparator()
        self.act_people = self.action(self.tr("劳动力状况与回访…"), lambda: self._page("people", PeoplePage))
        self.act_jobs = self.action(self.tr("园区岗位与推荐…"), lambda: self._page("jobs", JobsPage))
        self.act_training = self.action(self.tr("技能培训…"), lambda: self._page("training", TrainingPage))
        self.act_ss = self.action(self.tr("被征地农民养老保障…"), lambda: self._page("ss", SocialSecurityPage))
        self.menu.addSeparator()
        self.act_report = self.action(self.tr("导出监测月报…"), self.export_report)
        self.act_settings = self.action(self.tr("就业设置…"), self.open_settings)
        self.menu.menuAction().setVisible(True)

    def _show(self, key: str, make: Callable[[int], QWidget]) -> QWidget | None:
        project = self.project()
        if project is None:
            return None
        full = f"{key}:{project}:{id(self.ctx.database())}"
        page = self.pages.get(full)
        if page is None:
            page = make(project)
            self.pages[full] = page
            page.destroyed.connect(lambda *_a, k=full: self.pages.pop(k, None))
        page.show()
        page.raise_()
        page.activateWindow()
        return page

    def open_dashboard(self) -> QWidget | None:
        return self._show(
            "dashboard", lambda p: DashboardDialog(self.ctx.database(), self.ctx.runner, p, self.ctx.parent)
        )

    def _page(self, key: str, cls: Any) -> QWidget | None:
        page = self._show(key, lambda p: cls(self.ctx.database(), self.ctx.runner, p, self.ctx.parent))
        if isinstance(page, TrainingPage):
            page.selected_households = self.ctx.current_households
        return page

    def export_report(self) -> None:
        project = self.project()
        if project is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.ctx.parent,
            self.tr("导出监测月报"),
            self.tr("监测月报.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx);;PDF (*.pdf)"),
        )
        if name:
            self.ctx.runner.run(
                self.ctx.parent,
                self.tr("正在导出监测月报…"),
                report.write_monitoring_report,
                db=self.ctx.database(),
                project_id=project,
                out=name,
                with_progress=False,
            )

    def open_settings(self) -> None:
        project = self.project()
        if project is None:
            return
        db = self.ctx.database()
        dialog = SettingsDialog(labour.get_settings(db, project), self.ctx.parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.runner.run(
                self.ctx.parent,
                self.tr("正在保存就业设置…"),
                labour.set_settings,
                db=db,
                project_id=project,
                changes=frozenset({"livelihood"}),
                with_progress=False,
                **dialog.values(),
            )
