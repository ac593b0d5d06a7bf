"""Dialogs of the 协议兑付 menu: agreements, payment batches, reconciliation, supporting documents.

Reads are quick single queries and run on the GUI thread; every change runs through the op
runner (off the GUI thread, announcing ``payments`` when done).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.instalments import TRANSFER_CONDITIONS
from resettle.errors import ResettleError
from resettle.services.payments import agreements, batches, printing, reconcile, supporting, transfers
from ui.area_dialog import AreaDialog
from ui.areas import AreaContext
from ui.dates import date_edit, edited_date
from ui.forms import add_buttons, ok_cancel
from ui.models.rows import SORT_ROLE
from ui.payments.models import AgreementsModel, BalancesModel, BatchesModel, DifferencesModel, RowsModel
from ui.screen_fit import fit_roomy
from ui.tables import rows_view, sorted_view

CHANGES = frozenset({"payments", "households"})


def _table(model: RowsModel[Any]) -> QTableView:
    view = rows_view(model, fit=True)
    view.setAlternatingRowColors(True)
    return view


def _selected_rows(view: QTableView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedRows()})


class _AreaDialog(AreaDialog):
    CHANGES = CHANGES

    def __init__(self, ctx: AreaContext, project_id: int, title: str) -> None:
        super().__init__(ctx, project_id, title)
        fit_roomy(self, 980, 560)

    def _safely(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except ResettleError as exc:
            self.refused(exc)


class SignDialog(QDialog):
    """签约: date and payment plan."""

    def __init__(self, parent: QWidget, count_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("签订协议"))
        form = QFormLayout(self)
        form.addRow(QLabel(count_text))
        self.date_edit = date_edit()
        self.date_edit.setCalendarPopup(True)
        self.plan_edit = QLineEdit("70,30")
        self.plan_edit.setToolTip(self.tr("各期百分比，首期签约后付，其余腾房后付；也可写 70:签约,30:腾房"))
        form.addRow(self.tr("签约日期"), self.date_edit)
        form.addRow(self.tr("付款计划（%）"), self.plan_edit)
        hint = QLabel(self.plan_edit.toolTip())  # the format where the clerk types it, not only on hover
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        form.addRow("", hint)
        buttons = ok_cancel(self)
        form.addRow(buttons)


class TransferDialog(QDialog):
    """登记划转: the part owed to 社保 (or 集体) was transferred into its account on a day, for these households."""

    def __init__(self, parent: QWidget, scope: str, owed: dict[str, str]) -> None:
        """``owed``: per payee, what is still to transfer, as the dialog shows it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记划转"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        note = QLabel(
            self.tr("社保费用划入社保专户、集体部分付村集体，不经各户的银行批次。转账办妥后在此登记（{0}）。").format(
                scope
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.payee = QComboBox()
        for payee in TRANSFER_CONDITIONS:
            self.payee.addItem(payee, payee)
        self.due = QLabel()
        self.payee.currentIndexChanged.connect(lambda _i: self.due.setText(owed[self.payee.currentData()]))
        self.due.setText(owed[self.payee.currentData()])
        self.date_edit = date_edit()
        self.date_edit.setCalendarPopup(True)
        form.addRow(self.tr("支付对象"), self.payee)
        form.addRow(self.tr("待划转"), self.due)
        form.addRow(self.tr("划转日期"), self.date_edit)
        form.addRow(ok_cancel(self))


class VacateDialog(QDialog):
    """登记腾房: the day the selected households handed their houses over, picked on a calendar."""

    def __init__(self, parent: QWidget, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记腾房"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("为所选 {0} 户登记腾房（腾房后到期的分期随之可付）").format(count)))
        self.date_edit = date_edit()
        self.date_edit.setCalendarPopup(True)
        form.addRow(self.tr("腾房日期"), self.date_edit)
        form.addRow(ok_cancel(self))


class AgreementsDialog(_AreaDialog):
    """协议: the project's agreements; sign the households selected in the register (or all reviewed)."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("AgreementsDialog", "协议"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        add_buttons(
            bar,
            (
                (self.tr("签约（所选户）…"), lambda: self.sign(selected=True)),
                (self.tr("签约（全部已复核户）…"), lambda: self.sign(selected=False)),
                (self.tr("登记腾房…"), self.vacate),
                (self.tr("补充协议（按现行计算）…"), self.supplement),
                (self.tr("登记划转（社保、集体）…"), self.transfer),
            ),
        )
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = AgreementsModel(self)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.refresh()

    def refresh(self) -> None:
        rows = agreements.list_agreements(self.ctx.database(), self.project_id)
        self.model.set_rows(rows)
        total = sum((r.total for r in rows), Decimal("0.00"))
        text = self.tr("已签约 {0} 户，协议金额合计 {1:,.2f} 元").format(len(rows), total)
        if not rows:  # what to do first, instead of an empty table
            text += self.tr("。只有补偿已复核的户能签约：先在户信息的「补偿」页计算并复核，再回到这里签约。")
        self.summary.setText(text)

    def _chosen(self) -> list[int]:
        rows = _selected_rows(self.view)
        if rows:
            return [self.model.row(r).household_id for r in rows]
        return self.ctx.current_households()

    def sign(self, selected: bool) -> None:
        ids = self.ctx.current_households() if selected else None
        if selected and not ids:
            QMessageBox.information(self, self.tr("签订协议"), self.tr("请先在登记表中选择要签约的户。"))
            return
        text = self.tr("为所选 {0} 户签约").format(len(ids)) if ids else self.tr("为本项目全部已复核的户签约")
        dialog = SignDialog(self, text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def done(result: agreements.SignResult) -> None:
            message = self.tr("已签订 {0} 户，合计 {1:,.2f} 元。").format(result.signed, result.total)
            if result.skipped:
                message += "\n" + self.tr("未签：") + "；".join(result.skipped[:30])
            QMessageBox.information(self, self.tr("签订协议"), message)

        self.run(
            self.tr("正在签订协议…"),
            agreements.sign_agreements,
            done,
            household_ids=ids,
            signed_on=edited_date(dialog.date_edit),
            plan=dialog.plan_edit.text(),
        )

    def vacate(self) -> None:
        ids = self._chosen()
        if not ids:
            QMessageBox.information(self, self.tr("登记腾房"), self.tr("请选择已腾房的户。"))
            return
        dialog = VacateDialog(self, len(ids))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.run(
            self.tr("正在登记腾房…"),
            agreements.mark_vacated,
            lambda n: QMessageBox.information(self, self.tr("登记腾房"), self.tr("已登记 {0} 户腾房。").format(n)),
            household_ids=ids,
            vacated_on=edited_date(dialog.date_edit),
        )

    def transfer(self) -> None:
        ids = _selected_rows(self.view)
        chosen = [self.model.row(r).household_id for r in ids] or None  # none chosen here: every signed household
        scope = self.tr("所选 {0} 户").format(len(chosen)) if chosen else self.tr("本项目全部已签约户")
        owed = {}
        for payee in TRANSFER_CONDITIONS:  # read once, before the dialog (not from its widgets)
            due = transfers.transfers_due(self.ctx.database(), self.project_id, payee)
            owed[payee] = self.tr("{0} 户，合计 {1:,.2f} 元（全项目）").format(due.households, due.total)
        dialog = TransferDialog(self, scope, owed)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.run(
            self.tr("正在登记划转…"),
            transfers.record_transfers,
            lambda r: QMessageBox.information(
                self,
                self.tr("登记划转"),
                self.tr("已登记 {0} 户划转{1}，合计 {2:,.2f} 元。").format(r.households, r.payee, r.total),
            ),
            payee=dialog.payee.currentData(),
            paid_on=edited_date(dialog.date_edit),
            household_ids=chosen,
        )

    def supplement(self) -> None:
        ids = self._chosen()
        if len(ids) != 1:
            QMessageBox.information(self, self.tr("补充协议"), self.tr("请选择一户。"))
            return
        found = (self.model.row(n) for n in range(self.model.rowCount()))
        row = next((r for r in found if r.household_id == ids[0]), None)
        who = f"{row.household_no} {row.head_name}" if row is not None else ""
        reason, ok = QInputDialog.getText(
            self, self.tr("补充协议"), self.tr("为 {0} 按现行计算签补充协议。原因（必填）：").format(who)
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, self.tr("补充协议"), self.tr("没有填写原因，未签补充协议。"))
            return
        self.run(
            self.tr("正在签订补充协议…"),
            agreements.supplement_from_recompute,
            lambda view: QMessageBox.information(
                self, self.tr("补充协议"), self.tr("已签补充协议，金额 {0:,.2f} 元。").format(view.total)
            ),
            household_id=ids[0],
            reason=reason,
            signed_on=date.today(),
        )


class BatchesDialog(_AreaDialog):
    """兑付批次: make, approve, write the bank file, apply the bank's reply; the chain head is shown."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("BatchesDialog", "兑付批次"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.instalment = QSpinBox()
        self.instalment.setRange(1, 12)
        self.instalment.setPrefix(self.tr("第 "))
        self.instalment.setSuffix(self.tr(" 期"))
        bar.addWidget(self.instalment)
        add_buttons(
            bar,
            (
                (self.tr("生成批次"), self.make),
                (self.tr("审批"), self.approve),
                (self.tr("写出银行文件…"), self.write_files),
                (self.tr("登记银行回盘…"), self.apply_reply),
            ),
        )
        self.bank_format = QComboBox()
        self.bank_format.addItem(self.tr("只写 xlsx"), "")
        for name in batches.bank_formats(ctx.database()):
            self.bank_format.addItem(name, name)
        bar.addWidget(self.bank_format)
        add_buttons(bar, ((self.tr("打印领款单（已付各笔）…"), self.print_vouchers),))
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = BatchesModel(self)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        self.head = QLabel()
        self.head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.head)
        self.refresh()

    def refresh(self) -> None:
        db = self.ctx.database()
        rows = _selected_rows(self.view)
        kept = self.model.row(rows[0]).id if rows else None
        listed = batches.list_batches(db, self.project_id)
        self.model.set_rows(listed)
        if kept is not None:  # the batch the clerk was working on stays chosen (approve after the reply …)
            again = next((n for n, b in enumerate(listed) if b.id == kept), None)
            if again is not None:
                self.view.selectRow(again)
        head = self.tr("当前审计链头：{0}").format(batches.current_chain_head(db))
        if not listed:
            head += "\n" + self.tr("还没有兑付批次：签约后到期的分期可在此建成批次，经他人审批后生成银行文件。")
        self.head.setText(head)

    def _batch(self) -> batches.BatchInfo | None:
        rows = _selected_rows(self.view)
        if not rows:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先选择一个批次。"))
            return None
        return self.model.row(rows[0])

    def make(self) -> None:
        def done(info: batches.BatchInfo) -> None:
            message = self.tr("已生成批次 {0}：{1} 笔，合计 {2:,.2f} 元。").format(info.batch_no, info.rows, info.total)
            if info.skipped:
                message += "\n" + self.tr("未列入：") + "；".join(info.skipped[:30])
            QMessageBox.information(self, self.windowTitle(), message)

        self.run(
            self.tr("正在生成兑付批次…"),
            batches.make_batch,
            done,
            instalment=self.instalment.value(),
        )

    def approve(self) -> None:
        b = self._batch()
        if b is not None:
            self.run(self.tr("正在审批…"), batches.approve_batch, lambda _i: None, batch_id=b.id)

    def write_files(self) -> None:
        b = self._batch()
        if b is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("银行文件"), f"{b.batch_no}.xlsx", "Excel (*.xlsx)")
        if not name:
            return
        self.run(  # with the project, as every area's work (it was left out here, and the button failed)
            self.tr("正在写出银行文件…"),
            batches.write_bank_files,
            lambda paths: QMessageBox.information(
                self, self.windowTitle(), self.tr("已写出：") + "\n" + "\n".join(str(p) for p in paths)
            ),
            batch_id=b.id,
            out=Path(name),
            bank_format=self.bank_format.currentData() or None,
        )

    def print_vouchers(self) -> None:
        """领款单 of the batch's paid lines, one page each: the instalment, the amount paid, when."""
        b = self._batch()
        if b is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("打印领款单"), self.tr("领款单-{0}.pdf").format(b.batch_no), "PDF (*.pdf)"
        )
        if not name:
            return
        self.run(
            self.tr("正在打印领款单…"),
            printing.print_payment_vouchers,
            lambda n: QMessageBox.information(
                self, self.windowTitle(), self.tr("已打印 {0} 张领款单：{1}").format(n, name)
            ),
            batch_id=b.id,
            out=Path(name),
        )

    def apply_reply(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("银行回盘文件"), "", "Excel (*.xlsx *.xls)")
        if not name:
            return

        def done(r: batches.ReplyResult) -> None:
            text = self.tr("批次 {0}：成功 {1} 笔（{2:,.2f} 元），失败 {3} 笔。").format(
                r.batch_no, r.paid, r.paid_total, r.failed
            )
            if not r.applied:
                text += self.tr("此回盘已登记过，未作改动。")
            QMessageBox.information(self, self.windowTitle(), text)

        self.run(self.tr("正在登记回盘…"), batches.apply_reply, done, path=Path(name))


class ReconcileDialog(_AreaDialog):
    """对账: totals, per household, and the differences with their cause."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("ReconcileDialog", "对账"))
        layout = QVBoxLayout(self)
        self.totals = QLabel()
        layout.addWidget(self.totals)
        tabs = QTabWidget()
        self.differences = DifferencesModel(self)
        self.balances = BalancesModel(self)
        for model, label in ((self.differences, self.tr("差异")), (self.balances, self.tr("各户"))):
            view = sorted_view(model, self, SORT_ROLE, fit=True)  # a click on 原因 groups a rare cause together
            view.setAlternatingRowColors(True)
            tabs.addTab(view, label)
        layout.addWidget(tabs)
        self.refresh()

    def refresh(self) -> None:
        rec = reconcile.reconcile(self.ctx.database(), self.project_id)
        # what needs doing first: the many 已计算未签约 (a project's normal state before signing) come last
        self.differences.set_rows(sorted(rec.differences, key=lambda d: d.cause == reconcile.CAUSE_UNSIGNED))
        self.balances.set_rows(rec.households)
        text = self.tr("计算 {0:,.2f} 元　协议 {1:,.2f} 元　已付 {2:,.2f} 元　未付 {3:,.2f} 元").format(
            rec.computed, rec.agreed, rec.paid, rec.outstanding
        )
        text += "　" + (
            self.tr("账目相符") if not rec.differences else self.tr("差异 {0} 处").format(len(rec.differences))
        )
        self.totals.setText(text)


class SupportingDialog(_AreaDialog):
    """要件 of one household: the list, the checklist, attach a scan."""

    def __init__(self, ctx: AreaContext, project_id: int, household_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("SupportingDialog", "要件"))
        self.household_id = household_id
        try:  # whose papers these are, in the title (it said only 要件)
            who = agreements.get_agreements(ctx.database(), project_id, household_id)
            self.setWindowTitle(self.tr("要件 — {0} {1}").format(who.household_no, who.head_name))
        except ResettleError:
            pass
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItems(list(supporting.KINDS))
        bar.addWidget(QLabel(self.tr("要件类别")))
        bar.addWidget(self.kind)
        attach = QPushButton(self.tr("添加扫描件…"))
        attach.clicked.connect(self.attach)
        bar.addWidget(attach)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.files = QListWidget()
        layout.addWidget(self.files)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        layout.addWidget(self.checks)
        self.refresh()

    def refresh(self) -> None:
        db = self.ctx.database()
        self.files.clear()
        kept = supporting.list_supporting(db, self.project_id, self.household_id)
        if not kept:  # what to do, instead of an empty list
            hint = QListWidgetItem(self.tr("还没有扫描件：选择要件类别，再点「添加扫描件…」。"))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.files.addItem(hint)
        for d in kept:
            self.files.addItem(
                self.tr("{0}　{1}　{2} 字节　SHA-256 {3}…　{4}").format(
                    d.kind, d.file_name, f"{d.size:,}", d.sha256[:16], d.added_by
                )
            )
        parts = [
            f"{'✓' if item.present else '✗'} {item.step}：{item.kind}"
            for item in supporting.checklist(db, self.project_id, self.household_id)
        ]
        self.checks.setText(self.tr("要件清单：") + "　".join(parts))

    def attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择扫描件"), "", self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.ofd)")
        )
        if name:
            self.run(
                self.tr("正在保存要件…"),
                supporting.attach_document,
                lambda _i: None,
                household_id=self.household_id,
                kind=self.kind.currentText(),
                path=Path(name),
            )
