"""The compensation tab of the household editor: lines with formulas, manual adjustments, total, review.

Signals: ``changed()`` – after compute, adjustment or review (the register may show totals).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.compensation_records import HouseholdCompensationView
from resettle.domain.money import to_capital, to_fen
from resettle.errors import ResettleError
from resettle.services.compensation import adjustments, computing, reviewing
from resettle.store.database import Database
from ui.forms import ok_cancel
from ui.models.compensation import AdjustmentsModel, LinesModel, yuan
from ui.tables import rows_view


class AdjustmentDialog(QDialog):
    """A manual amount outside the rules: item, amount (may be negative), payee, and a required reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("人工调整"))
        self.setMinimumWidth(380)  # the amount's example and a reason's words are not cut
        self.item = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("例如 1200.00 或 -300"))
        self.payee = QComboBox()
        for payee in ("户", "集体", "社保"):  # data, not text
            self.payee.addItem(self.tr(payee), payee)
        self.reason = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("项目"), self.item)
        form.addRow(self.tr("金额(元)"), self.amount)
        form.addRow(self.tr("支付对象"), self.payee)
        form.addRow(self.tr("原因（必填）"), self.reason)
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def value(self) -> Decimal | None:
        try:
            fen = to_fen(self.amount.text().strip())
        except (ValueError, TypeError, InvalidOperation):
            return None
        return Decimal(fen).scaleb(-2)

    def accept(self) -> None:
        if not self.item.text().strip() or self.value() is None or not self.reason.text().strip():
            self.error.setText(self.tr("项目、金额和原因都必须填写，金额须为数字"))
            return
        super().accept()


class CompensationTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, household_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.view_data: HouseholdCompensationView | None = None
        self.lines = LinesModel(self)
        self.adjustments = AdjustmentsModel(self)
        self.lines_view = rows_view(self.lines, stretch=5)  # the 计算式
        self.adjust_view = rows_view(self.adjustments, stretch=3)  # the 原因 takes the room, not 经办人
        self.adjust_view.setMaximumHeight(96)
        self.status = QLabel()
        self.status.setWordWrap(True)  # the outdated note beside the state never widens the window
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.capital = QLabel()
        self.compute_button = QPushButton(self.tr("按现行标准计算"))
        self.add_button = QPushButton(self.tr("添加人工调整…"))
        self.remove_button = QPushButton(self.tr("删除所选调整…"))
        self.review_button = QPushButton(self.tr("复核通过"))
        for b in (self.compute_button, self.add_button, self.remove_button, self.review_button):
            b.setAutoDefault(False)
        self.compute_button.clicked.connect(self.compute)
        self.add_button.clicked.connect(self.add_adjustment)
        self.remove_button.clicked.connect(self.remove_adjustment)
        self.review_button.clicked.connect(self.review)
        buttons = QHBoxLayout()
        for b in (self.compute_button, self.add_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.lines_view, 1)
        layout.addWidget(QLabel(self.tr("人工调整（不按标准计算的金额，须写明原因）")))
        layout.addWidget(self.adjust_view)
        layout.addWidget(self.total)
        layout.addWidget(self.capital)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        enabled = self.household_id is not None
        for b in (self.compute_button, self.add_button, self.remove_button, self.review_button):
            b.setEnabled(enabled)
        if self.household_id is None:
            self.status.setText(self.tr("保存本户后才能计算补偿。"))
            return
        v = reviewing.get_household_compensation(self.db, self.household_id)
        self.view_data = v
        self.lines.set_rows(v.lines)
        self.adjustments.set_rows(v.adjustments)
        self.lines_view.resizeColumnsToContents()
        state = QCoreApplication.translate("MainWindow", v.status)  # the register's stage names
        if v.reviewed_by:
            state += self.tr("（{0} 于 {1} 复核）").format(
                v.reviewed_by, f"{v.reviewed_at:%Y-%m-%d %H:%M}" if v.reviewed_at else ""
            )
        if v.outdated:
            state += self.tr("　计算后本户数据或补偿标准有改动，金额不是按现状算的：请「按现行标准计算」")
        self.status.setText(self.tr("补偿标准：{0}　状态：{1}").format(v.table_label or self.tr("未设置"), state))
        self.status.setStyleSheet("color: #b71c1c" if v.outdated else "")
        self.total.setText(self.tr("合计：{0} 元").format(yuan(v.total)))
        self.capital.setText(to_capital(to_fen(v.total)))
        self.review_button.setEnabled(v.status == "已计算" and not v.outdated)  # data, not text

    def _run(self, action: object) -> None:
        try:
            if callable(action):
                action()
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未完成"), exc.message)
            return
        self.refresh()
        self.changed.emit()

    def compute(self) -> None:
        assert self.household_id is not None
        hid = self.household_id
        self._run(lambda: computing.compute_household(self.db, hid))

    def add_adjustment(self) -> None:
        assert self.household_id is not None
        dialog = AdjustmentDialog(self)
        if not dialog.exec():
            return
        hid, amount = self.household_id, dialog.value()
        assert amount is not None
        self._run(lambda: adjustments.add_adjustment(self.db, hid, dialog.item.text().strip(), amount,
                                                      dialog.reason.text().strip(), dialog.payee.currentData()))  # fmt: skip

    def remove_adjustment(self) -> None:
        rows = self.adjust_view.selectionModel().selectedRows()
        if not rows:
            return
        adj = self.adjustments.row(rows[0].row())
        reason, ok = QInputDialog.getText(
            self, self.tr("删除人工调整"), self.tr("删除「{0}」的原因：").format(adj.item)
        )
        if ok:
            self._run(lambda: adjustments.delete_adjustment(self.db, adj.id, reason, expected_version=adj.version))

    def review(self) -> None:
        assert self.household_id is not None and self.view_data is not None
        hid, version = self.household_id, self.view_data.version
        self._run(lambda: reviewing.review(self.db, hid, expected_version=version))
