"""Agreements, payments, accounts: the window's 协议兑付 menu."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QMenuBar, QMessageBox

from resettle.services import accounts
from resettle.services.payments import batches
from ui.area_menu import AreaMenu
from ui.areas import AreaContext


class PaymentsArea(AreaMenu):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    REFUSALS_AS_MESSAGES = True

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx, bar, self.tr("协议兑付(&Y)"), self.tr("协议兑付"))
        self.add_entries(
            [
                (self.tr("协议…"), self.show_agreements),
                (self.tr("兑付批次…"), self.show_batches),
                (self.tr("登记银行回盘…"), self.apply_reply),
                (self.tr("对账…"), self.show_reconcile),
                (self.tr("要件（所选户）…"), self.show_supporting),
                None,
                (self.tr("账户…"), self.show_accounts),
                (self.tr("锁定 / 切换账户"), self.lock),
            ]
        )

    def show_agreements(self) -> QDialog | None:
        from ui.payments.dialogs import AgreementsDialog

        return self.open_for_project(lambda pid: AgreementsDialog(self.ctx, pid))

    def show_batches(self) -> QDialog | None:
        from ui.payments.dialogs import BatchesDialog

        return self.open_for_project(lambda pid: BatchesDialog(self.ctx, pid))

    def show_reconcile(self) -> QDialog | None:
        from ui.payments.dialogs import ReconcileDialog

        return self.open_for_project(lambda pid: ReconcileDialog(self.ctx, pid))

    def show_supporting(self) -> QDialog | None:
        from ui.payments.dialogs import SupportingDialog

        hid = self.chosen_household(self.tr("要件"), self.tr("请在登记表中选择一户。"), exactly_one=True)
        if hid is None:
            return None
        return self.open_for_project(lambda pid: SupportingDialog(self.ctx, pid, hid))

    def apply_reply(self) -> None:
        pid = self.project()
        if pid is None:
            return
        name, _ = QFileDialog.getOpenFileName(self.ctx.parent, self.tr("银行回盘文件"), "", "Excel (*.xlsx *.xls)")
        if not name:
            return
        from pathlib import Path

        self.ctx.runner.run(
            self.ctx.parent,
            self.tr("正在登记回盘…"),
            batches.apply_reply,
            on_done=lambda r: QMessageBox.information(
                self.ctx.parent,
                self.tr("银行回盘"),
                self.tr("批次 {0}：成功 {1} 笔，失败 {2} 笔。").format(r.batch_no, r.paid, r.failed),
            ),
            changes=frozenset({"payments"}),
            db=self.ctx.database(),
            project_id=pid,
            path=Path(name),
        )

    def show_accounts(self) -> QDialog:
        from ui.payments.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.ctx.database(), self.ctx.parent)
        dialog.logged_in.connect(lambda: self.ctx.runner.announce("payments", "households", "projects"))
        return self.keep_open(dialog)

    def lock(self) -> None:
        """Log out now and ask for a login (the same account or another)."""
        from ui.payments.login import LoginDialog

        db = self.ctx.database()
        if not accounts.accounts_enabled(db):
            QMessageBox.information(self.ctx.parent, self.tr("锁定"), self.tr("此数据库没有启用账户。"))
            return
        from ui.lock_cover import LockCover

        name = db.account or ""
        accounts.logout(db)
        cover = LockCover(self.ctx.parent)  # the window and every other one of the program
        cover.cover(name)
        dialog = LoginDialog(db, None, name=name, locked=True, idle=False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            cover.uncover(db.account or "")
            self.ctx.runner.announce("payments", "households", "projects")
        else:
            self.ctx.parent.close()
