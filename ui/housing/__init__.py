"""Placement housing: the window's 安置 menu (stock, standard, lottery, selection day, settlement, transition, handover)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMenuBar, QMessageBox

from resettle.services.housing import placement
from ui.area_menu import AreaMenu
from ui.areas import AreaContext


class HousingArea(AreaMenu):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx, bar, self.tr("安置(&A)"), self.tr("安置"))
        self.add_entries(
            [
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
        )

    def show_stock(self) -> QDialog | None:
        from ui.housing.dialogs import StockDialog

        return self.open_for_project(lambda pid: StockDialog(self.ctx, pid))

    def show_standard(self) -> QDialog | None:
        from ui.housing.dialogs import StandardDialog

        return self.open_for_project(lambda pid: StandardDialog(self.ctx, pid))

    def show_lottery(self) -> QDialog | None:
        from ui.housing.dialogs import LotteryDialog

        return self.open_for_project(lambda pid: LotteryDialog(self.ctx, pid))

    def show_selection(self) -> QDialog | None:
        from ui.housing.selection import SelectionPage

        return self.open_for_project(lambda pid: SelectionPage(self.ctx, pid))

    def show_settlement(self) -> QDialog | None:
        from ui.housing.dialogs import SettlementDialog

        return self.open_for_project(lambda pid: SettlementDialog(self.ctx, pid))

    def show_transition(self) -> QDialog | None:
        from ui.housing.moving import TransitionDialog

        return self.open_for_project(lambda pid: TransitionDialog(self.ctx, pid))

    def show_household(self) -> QDialog | None:
        from ui.housing.moving import HouseholdPlacementDialog

        hid = self.chosen_household(self.tr("安置"), self.tr("请先在户表中选择一户。"))
        if hid is None:
            return None
        return self.open_for_project(lambda pid: HouseholdPlacementDialog(self.ctx, pid, hid))

    def show_handover(self) -> QDialog | None:
        from ui.housing.moving import HandoverDialog

        hid = self.chosen_household(self.tr("交房"), self.tr("请先在户表中选择一户。"))
        if hid is None:
            return None
        return self.open_for_project(lambda pid: HandoverDialog(self.ctx, pid, hid))

    def import_choices(self, path: Path | None = None) -> None:
        pid = self.project()
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
