"""Placement housing: the window's 安置 menu (stock, standard, lottery, selection day, settlement, transition, handover)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMenuBar, QMessageBox

from resettle.services.housing import placement
from ui.areas import AreaContext


class HousingArea(QObject):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.menu = bar.addMenu(self.tr("安置(&A)"))
        self.open_dialogs: list[QDialog] = []
        entries: list[tuple[str, Callable[[], object]] | None] = [
            (self.tr("安置小区与房源…"), self.show_stock),
            (self.tr("安置标准…"), self.show_standard),
            None,
            (self.tr("抽签…"), self.show_lottery),
            (self.tr("选房现场…"), self.show_selection),
            (self.tr("导入选房结果…"), self.import_choices),
            None,
            (self.tr("差价结算与模拟安置…"), self.show_settlement),
            (self.tr("过渡费发放表…"), self.show_transition),
            (self.tr("安置人口与安置方式（所选户）…"), self.show_household),
            (self.tr("交房（所选户）…"), self.show_handover),
        ]
        for entry in entries:
            if entry is None:
                self.menu.addSeparator()
                continue
            text, slot = entry
            self.menu.addAction(text).triggered.connect(lambda _checked=False, s=slot: s())
        self.menu.menuAction().setVisible(True)

    def _project(self) -> int | None:
        pid = self.ctx.current_project()
        if pid is None:
            QMessageBox.information(self.ctx.parent, self.tr("安置"), self.tr("请先在左侧选择一个项目。"))
        return pid

    def _open(self, make: Callable[[int], QDialog]) -> QDialog | None:
        pid = self._project()
        if pid is None:
            return None
        dialog = make(pid)
        self.open_dialogs = [d for d in self.open_dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def show_stock(self) -> QDialog | None:
        from ui.housing.dialogs import StockDialog

        return self._open(lambda pid: StockDialog(self.ctx, pid))

    def show_standard(self) -> QDialog | None:
        from ui.housing.dialogs import StandardDialog

        return self._open(lambda pid: StandardDialog(self.ctx, pid))

    def show_lottery(self) -> QDialog | None:
        from ui.housing.dialogs import LotteryDialog

        return self._open(lambda pid: LotteryDialog(self.ctx, pid))

    def show_selection(self) -> QDialog | None:
        from ui.housing.selection import SelectionPage

        return self._open(lambda pid: SelectionPage(self.ctx, pid))

    def show_settlement(self) -> QDialog | None:
        from ui.housing.dialogs import SettlementDialog

        return self._open(lambda pid: SettlementDialog(self.ctx, pid))

    def show_transition(self) -> QDialog | None:
        from ui.housing.dialogs import TransitionDialog

        return self._open(lambda pid: TransitionDialog(self.ctx, pid))

    def show_household(self) -> QDialog | None:
        from ui.housing.dialogs import HouseholdPlacementDialog

        ids = self.ctx.current_households()
        if not ids:
            QMessageBox.information(self.ctx.parent, self.tr("安置"), self.tr("请先在户表中选择一户。"))
            return None
        return self._open(lambda pid: HouseholdPlacementDialog(self.ctx, pid, ids[0]))

    def show_handover(self) -> QDialog | None:
        from ui.housing.dialogs import HandoverDialog

        ids = self.ctx.current_households()
        if not ids:
            QMessageBox.information(self.ctx.parent, self.tr("交房"), self.tr("请先在户表中选择一户。"))
            return None
        return self._open(lambda pid: HandoverDialog(self.ctx, pid, ids[0]))

    def import_choices(self, path: Path | None = None) -> None:
        pid = self._project()
        if pid is None:
            return
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                self.ctx.parent, self.tr("导入选房结果"), "", self.tr("工作簿 (*.xlsx *.xls *.ods)")
            )
            if not name:
                return
            path = Path(name)

        def done(result: Any) -> None:
            QMessageBox.information(
                self.ctx.parent,
                self.tr("导入选房结果"),
                self.tr("已导入 {0} 户：{1} 套房，货币安置 {2} 户").format(
                    result.households, result.flats, result.cash
                ),
            )

        self.ctx.runner.run(
            self.ctx.parent,
            self.tr("正在导入选房结果…"),
            placement.import_choices,
            db=self.ctx.database(),
            project_id=pid,
            path=path,
            on_done=done,
            changes=frozenset({"housing", "households"}),
        )
