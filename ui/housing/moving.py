"""The housing menu's moving dialogs: transition fees, handover of the flat, a household's placement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from resettle.domain.placement import MODES
from resettle.services.documents import printing as documents
from resettle.services.housing import placement, settlement
from resettle.services.housing.documents import transition_document
from ui.areas import AreaContext
from ui.dates import date_edit, edited_date, to_qdate
from ui.housing.dialogs import CHANGES, HousingDialog, table_of
from ui.housing.models import (
    TransitionModel,
    yuan,
)
from ui.screen_fit import fit_resize, fit_roomy


class TransitionDialog(HousingDialog):
    """过渡费发放表 for a month or a quarter (or everything up to a date), on screen and as xlsx."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("TransitionDialog", "过渡费"))
        self.setWindowTitle(self.tr("过渡费发放表"))
        today = date.today()
        self.since = date_edit(date(today.year, ((today.month - 1) // 3) * 3 + 1, 1))
        self.until = date_edit(today)
        for e in (self.since, self.until):
            e.setCalendarPopup(True)
        self.from_moveout = QComboBox()
        self.from_moveout.addItem(self.tr("本期（开始日期之后）"), True)
        self.from_moveout.addItem(self.tr("自搬迁之日起累计"), False)
        self.model = TransitionModel(self)
        self.view = table_of(self.model)
        self.total = QLabel()
        b_show = QPushButton(self.tr("计算"))
        b_show.clicked.connect(self.refresh)
        b_export = QPushButton(self.tr("导出发放表…"))
        b_export.clicked.connect(self.export)
        b_print = QPushButton(self.tr("打印…"))
        b_print.clicked.connect(self.print_statement)
        form = QHBoxLayout()
        for label, w in (
            (self.tr("开始"), self.since),
            (self.tr("截止"), self.until),
            (self.tr("口径"), self.from_moveout),
        ):
            form.addWidget(QLabel(label))
            form.addWidget(w)
        form.addStretch(1)  # each label beside its field, the buttons to the right (the spare width went between them)
        form.addWidget(b_show)
        form.addWidget(b_export)
        form.addWidget(b_print)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        fit_roomy(self, 1100, 600)
        self.refresh()

    def _since(self) -> date | None:
        return edited_date(self.since) if self.from_moveout.currentData() else None

    def refresh(self) -> None:
        st = self.call(settlement.transition_statement, edited_date(self.until), self._since())
        self.model.set_rows(st.rows if st else [])
        if st is not None:
            text = self.tr("{0} 户，合计 {1} 元").format(len(st.rows), yuan(st.total))
            if not st.rows:  # why it is empty, instead of only at 导出 / 打印
                text += self.tr("。过渡费从搬迁腾空之日算起：先在「安置人口与安置方式」中登记各户的搬迁腾空日期。")
            self.total.setText(text)

    def print_statement(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from resettle.documents.render import paint

        run = self.call(transition_document, edited_date(self.until), self._since())
        if run is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("过渡费发放表"))
        preview.paintRequested.connect(lambda device: paint(run.documents, device, run.fonts))
        fit_resize(preview, 1100, 800)
        preview.exec()

    def export(self) -> None:
        path = self.save_file(self.tr("导出过渡费发放表"), self.tr("过渡费发放表.xlsx"), self.tr("工作簿 (*.xlsx)"))
        if path is not None:
            self.run(
                self.tr("正在导出过渡费发放表…"),
                settlement.export_transition_statement,
                lambda st: self.info(self.tr("已导出 {0} 户，合计 {1} 元").format(len(st.rows), yuan(st.total))),
                until=edited_date(self.until),
                out=path,
                since=self._since(),
            )


class HandoverDialog(HousingDialog):
    """交房 of one household: date, keys, meter readings; then the 入住通知单; later the 办证 status."""

    def __init__(self, ctx: AreaContext, project_id: int, household_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("HandoverDialog", "交房"))
        self.household_id = household_id
        detail = self.call(placement.placement_detail, household_id)
        name = f"{detail.household_no} {detail.head_name}" if detail else ""
        self.setWindowTitle(self.tr("交房 — {0}").format(name))
        self.day = date_edit()
        self.day.setCalendarPopup(True)
        self.keys = QSpinBox()
        self.keys.setRange(0, 99)
        self.water, self.power, self.gas = QLineEdit(), QLineEdit(), QLineEdit()
        self.title_status = QComboBox()
        self.title_status.addItems(list(settlement.TITLE_STATUSES))
        self.state = QLabel()
        form = QFormLayout()
        self.has_flats = bool(detail and detail.flats)
        chosen = self.tr("、").join(f.name for f in detail.flats) if detail and detail.flats else self.tr("尚未选房")
        form.addRow(self.tr("所选房"), QLabel(chosen))
        form.addRow(self.tr("交房日期"), self.day)
        form.addRow(self.tr("钥匙（把）"), self.keys)
        form.addRow(self.tr("水表读数"), self.water)
        form.addRow(self.tr("电表读数"), self.power)
        form.addRow(self.tr("燃气表读数"), self.gas)
        form.addRow(self.tr("办证状态"), self.title_status)
        self.b_hand = QPushButton(self.tr("交房并出具入住通知单"))
        self.b_hand.clicked.connect(self.hand_over)
        self.b_title = QPushButton(self.tr("保存办证状态"))
        self.b_title.clicked.connect(self.save_title)
        self.b_print = QPushButton(self.tr("打印入住通知单…"))
        self.b_print.clicked.connect(self.print_notice)
        row = QHBoxLayout()
        for b in (self.b_hand, self.b_title, self.b_print):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """The buttons follow the steps: 交房 once a flat is chosen, 办证 and the notice after the handover."""
        info = self.call(settlement.get_handover, self.household_id)
        self.b_hand.setEnabled(self.has_flats and info is None)
        self.b_title.setEnabled(info is not None)
        self.b_print.setEnabled(info is not None)
        # What is entered at the handover can be entered only before it (and only once a flat is chosen);
        # afterwards the fields show what was recorded, and only 办证 can still change.
        for field in (self.day, self.keys, self.water, self.power, self.gas):
            field.setEnabled(self.has_flats and info is None)
        self.title_status.setEnabled(info is not None)
        if info is None:
            self.state.setText(self.tr("尚未交房。") if self.has_flats else self.tr("尚未选房，选房后才能交房。"))
            return
        self.state.setText(self.tr("已于 {0} 交房，入住通知单 {1}").format(info.handed_over_on, info.notice_no))
        self.day.setDate(to_qdate(info.handed_over_on))
        self.keys.setValue(info.keys)
        for edit, reading in ((self.water, info.water_reading), (self.power, info.power_reading),
                              (self.gas, info.gas_reading)):  # fmt: skip
            edit.setText("" if reading is None else str(reading))
        self.title_status.setCurrentText(info.title_status)

    def _reading(self, edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(text) from None

    def hand_over(self) -> None:
        try:
            readings = [self._reading(e) for e in (self.water, self.power, self.gas)]
        except ValueError as exc:
            self.info(self.tr("表读数「{0}」不是数值").format(exc))
            return
        info = self.call(
            settlement.hand_over,
            self.household_id,
            edited_date(self.day),
            keys=self.keys.value(),
            water=readings[0],
            power=readings[1],
            gas=readings[2],
        )
        if info is not None:
            self.ctx.runner.announce(*CHANGES)
            self.refresh()

    def save_title(self) -> None:
        if self.call(settlement.set_title_status, self.household_id, self.title_status.currentText()) is not None:
            self.ctx.runner.announce(*CHANGES)

    def print_notice(self) -> None:
        path = self.save_file(self.tr("打印入住通知单"), self.tr("入住通知单.pdf"), self.tr("PDF (*.pdf)"))
        if path is not None:
            self.ctx.runner.run(
                self,
                self.tr("正在打印入住通知单…"),
                documents.export_pdf,
                db=self.ctx.database(),
                kind="move-in",
                out=path,
                household_ids=[self.household_id],
                on_done=lambda r: self.info(r.message),
            )


class HouseholdPlacementDialog(HousingDialog):
    """One household's placement: 安置方式, which members count as 安置人口 (each exclusion with its reason), move-out date."""

    def __init__(self, ctx: AreaContext, project_id: int, household_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("HouseholdPlacementDialog", "安置人口与安置方式"))
        self.household_id = household_id
        self.mode = QComboBox()
        self.mode.addItems(list(MODES))
        self.moved_out = date_edit()
        self.moved_out.setCalendarPopup(True)
        self.has_moved = QCheckBox(self.tr("已搬迁腾空"))
        self.has_moved.toggled.connect(self.moved_out.setEnabled)  # the date counts only when ticked
        self.members = QListWidget()
        self.summary = QLabel()
        b_mode = QPushButton(self.tr("保存安置方式"))
        b_mode.clicked.connect(self.save_mode)
        b_member = QPushButton(self.tr("认定 / 不认定所选成员…"))
        b_member.clicked.connect(self.toggle_member)
        b_moved = QPushButton(self.tr("保存搬迁日期"))
        b_moved.clicked.connect(self.save_moved_out)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.mode, 1)
        row.addWidget(b_mode)
        form.addRow(self.tr("安置方式"), row)
        row = QHBoxLayout()
        row.addWidget(self.has_moved)
        row.addWidget(self.moved_out, 1)
        row.addWidget(b_moved)
        form.addRow(self.tr("搬迁腾空日期"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("家庭成员（✓ 为安置人口；不认定须写明原因）")))
        layout.addWidget(self.members, 1)
        layout.addWidget(b_member)
        self.resize(560, 520)
        self.refresh()

    def refresh(self) -> None:
        d = self.call(placement.placement_detail, self.household_id)
        if d is None:
            return
        self.detail = d
        self.setWindowTitle(self.tr("安置人口与安置方式 — {0} {1}").format(d.household_no, d.head_name))
        entitled = f"{d.entitled_m2} ㎡" if d.entitled_m2 is not None else self.tr("（未发布安置标准）")
        self.summary.setText(self.tr("安置人口 {0} 人，应安置面积 {1}").format(d.persons, entitled))
        self.mode.setCurrentText(d.mode)
        self.has_moved.setChecked(d.moved_out_on is not None)
        self.moved_out.setDate(to_qdate(d.moved_out_on))
        self.moved_out.setEnabled(self.has_moved.isChecked())
        self.members.clear()
        for m in d.members:
            text = f"{'✓' if m.counted else '✗'} {m.name}（{m.relation}）" + (
                self.tr("　不认定：{0}").format(m.reason) if m.reason else ""
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.members.addItem(item)

    def save_mode(self) -> None:
        if self.call(placement.set_mode, self.household_id, self.mode.currentText()) is not None:
            self.ctx.runner.announce(*CHANGES)
            self.refresh()

    def save_moved_out(self) -> None:
        day = edited_date(self.moved_out) if self.has_moved.isChecked() else None
        if self.call(placement.set_moved_out, self.household_id, day) is not None:
            self.ctx.runner.announce(*CHANGES)
            self.refresh()

    def toggle_member(self) -> None:
        item = self.members.currentItem()
        if item is None:
            return
        person_id = int(item.data(Qt.ItemDataRole.UserRole))
        member = next(m for m in self.detail.members if m.id == person_id)
        verb = self.tr("不认定") if member.counted else self.tr("认定")
        reason, ok = QInputDialog.getText(self, verb, self.tr("{0}「{1}」为安置人口的原因：").format(verb, member.name))
        if not ok:
            return
        fn = placement.exclude_member if member.counted else placement.include_member
        if self.call(fn, person_id, reason) is not None:
            self.ctx.runner.announce(*CHANGES)
            self.refresh()
