"""The 工具 menu: compensation standards, computing and the summary, the integrity check, settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from resettle.errors import ResettleError
from ui.areas import WindowContext
from ui.controllers.project import ProjectActions

if TYPE_CHECKING:
    from resettle.domain.compensation_records import ComputeResult


class ToolsActions(QObject):
    """补偿标准, 计算补偿 (F9), 补偿汇总, 完整性检查, 设置; the dialogs load when first opened."""

    def __init__(self, ctx: WindowContext, project: ProjectActions, prefs: QSettings) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.project = project
        self.prefs = prefs
        self.menu = QMenu(self.tr("工具(&T)"), ctx.parent)
        self.menu.addActions([
            self._action(self.tr("补偿标准…"), self.show_rates),
            self._action(self.tr("计算补偿"), self.compute_all, "F9"),
            self._action(self.tr("补偿汇总…"), self.show_summary),
        ])  # fmt: skip
        self.menu.addSeparator()
        self.menu.addActions([
            self._action(self.tr("完整性检查"), self.run_check),
            self._action(self.tr("设置…"), self.open_settings, QKeySequence.StandardKey.Preferences),
        ])  # fmt: skip

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self.ctx.parent)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _c=False: slot())
        return action

    def show_rates(self) -> None:
        from ui.rates_dialog import RatesDialog

        any_project = bool(self.ctx.project_nodes())
        pid = self.project.project_for(self.tr("设定补偿标准")) if any_project else None
        if pid is not None or not any_project:  # rate tables can be entered before any project exists
            RatesDialog(self.ctx.database(), self.ctx.runner, pid, self.project.current_project_name(),
                        self.ctx.parent).exec()  # fmt: skip

    def compute_all(self) -> None:
        from resettle.services.compensation import computing

        pid = self.project.project_for(self.tr("计算补偿"))
        if pid is None:
            return

        def done(r: ComputeResult) -> None:
            self.ctx.show_message(self.tr("已计算 {0} 户，合计 {1} 元").format(
                f"{r.households:,}", f"{r.grand_total:,.2f}"), 10000)  # fmt: skip
            if r.unmatched:
                QMessageBox.information(self.ctx.parent, self.tr("计算补偿"), self.tr(
                    "计算已完成。以下规则没有用于本项目的任何一户；若不应如此，请核对条件的写法是否与调查表一致"
                    "（如「稻田」与「水田」）：\n\n{0}").format("\n".join(r.unmatched)))  # fmt: skip

        self.ctx.runner.run(self.ctx.parent, self.tr("正在计算补偿…"), computing.compute, db=self.ctx.database(),
                            project_id=pid, changes=frozenset({"compensation"}), on_done=done)  # fmt: skip

    def show_summary(self) -> None:
        from ui.summary_dialog import SummaryDialog

        pid = self.project.project_for(self.tr("查看补偿汇总"))
        if pid is not None:
            SummaryDialog(self.ctx.database(), self.ctx.runner, pid, self.ctx.parent,
                          self.project.current_project_name()).exec()  # fmt: skip

    def run_check(self) -> None:
        from resettle.services.register import checks

        parent = self.ctx.parent

        def done(report: checks.CheckReport) -> None:
            head = self.tr("审计链头：第 {0} 条 {1}；按审计记录回放核对了 {2} 户、{3} 行。").format(
                report.chain_seq, report.chain_head[:16], report.households_replayed, report.rows_replayed
            )
            notes = "".join("\n" + self.tr("说明：") + n for n in report.notices)
            if report.ok:
                QMessageBox.information(
                    parent,
                    self.tr("完整性检查"),
                    self.tr("检查通过。审计记录 {0} 条，链头 {1}").format(report.audit_entries, report.chain_head[:16])
                    + "\n"
                    + head
                    + notes,
                )
            else:
                QMessageBox.warning(parent, self.tr("完整性检查"), "\n".join(report.problems) + "\n\n" + head + notes)

        self.ctx.runner.run(parent, self.tr("正在检查…"), checks.check_database, with_progress=False,
                            db=self.ctx.database(), on_done=done)  # fmt: skip

    def open_settings(self) -> None:
        from resettle.services.documents import printing as documents
        from resettle.services.register import settings
        from ui.dialogs import SettingsDialog

        db = self.ctx.database()
        fonts = documents.document_font_choices()
        dialog = SettingsDialog(
            settings.get_township(db), self.prefs, fonts, settings.get_document_font(db), self.ctx.parent
        )
        if dialog.exec():
            try:
                settings.save_township(db, dialog.details())
                documents.set_document_font(db, str(dialog.font_choice.currentData() or ""))
            except ResettleError as exc:
                QMessageBox.warning(self.ctx.parent, self.tr("未保存"), exc.message)
