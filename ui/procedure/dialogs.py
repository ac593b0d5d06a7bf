"""Small forms of the procedure area: a step's dates, a new grievance, closing one."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from resettle.services.procedure.grievances import CHANNELS, DEFAULT_PERIODS, SUBJECT_KINDS, GrievanceInput
from resettle.services.procedure.steps import UNIT_DAYS, UNIT_WORKING_DAYS, StepView
from ui.dates import from_qdate, to_qdate
from ui.forms import ok_cancel


class OptionalDate(QWidget):
    """A date that may be left empty (a checkbox in front of the date editor)."""

    def __init__(self, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self)
        self.edit = QDateEdit(to_qdate(value), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None


class StepDialog(QDialog):
    """Enter a step's dates, place and document number."""

    def __init__(self, step: StepView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记程序步骤：") + step.name)
        self.setMinimumWidth(480)  # the step's name in the title and the fields' texts whole
        form = QFormLayout(self)
        self.start = OptionalDate(step.start_date, self)
        self.end = OptionalDate(step.end_date, self)
        self.applicable = QCheckBox(self.tr("本项目需要此步骤"), self)
        self.applicable.setChecked(step.applicable)
        self.minimum = QSpinBox(self)
        self.minimum.setRange(0, 3650)
        self.minimum.setValue(step.minimum)
        self.unit = QComboBox(self)
        self.unit.addItems(["", UNIT_WORKING_DAYS, UNIT_DAYS])
        self.unit.setCurrentText(step.unit)
        self.place = QLineEdit(step.place, self)
        self.doc_no = QLineEdit(step.doc_no, self)
        self.remarks = QLineEdit(step.remarks, self)
        form.addRow(self.tr("开始日期"), self.start)
        form.addRow(self.tr("结束日期"), self.end)
        form.addRow("", self.applicable)
        period = QHBoxLayout()
        period.addWidget(self.minimum)
        period.addWidget(self.unit)
        form.addRow(self.tr("法定最短期限"), period)
        form.addRow(self.tr("张贴地点"), self.place)
        form.addRow(self.tr("文号"), self.doc_no)
        form.addRow(self.tr("备注"), self.remarks)
        if step.rule:
            rule = QLabel(step.rule, self)
            rule.setWordWrap(True)  # the whole rule, however long (a read-only line cut it off)
            form.addRow(self.tr("规则"), rule)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "start_date": self.start.value(),
            "end_date": self.end.value(),
            "applicable": self.applicable.isChecked(),
            "minimum": self.minimum.value(),
            "unit": self.unit.currentText(),
            "place": self.place.text(),
            "doc_no": self.doc_no.text(),
            "remarks": self.remarks.text(),
        }


class GrievanceDialog(QDialog):
    """Register a grievance or an objection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记信访 / 异议"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.person = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.channel = QComboBox(self)
        self.channel.addItems(list(CHANNELS))
        self.received = QDateEdit(to_qdate(None), self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.category = QLineEdit(self)
        self.about = QComboBox(self)
        self.about.addItems(["", *SUBJECT_KINDS])
        self.household = QLineEdit(self)
        self.household.setPlaceholderText(self.tr("户号（涉及某户时填）"))
        self.subject = QLineEdit(self)
        self.content = QPlainTextEdit(self)
        self.content.setFixedHeight(70)
        self.handler = QLineEdit(self)
        self.period = QSpinBox(self)
        self.period.setRange(1, 365)
        self.unit = QComboBox(self)
        self.unit.addItems([UNIT_WORKING_DAYS, UNIT_DAYS])
        self.channel.currentTextChanged.connect(self._default_period)
        self._default_period(self.channel.currentText())
        form.addRow(self.tr("反映人"), self.person)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("渠道"), self.channel)
        form.addRow(self.tr("受理日期"), self.received)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("涉及"), self.about)
        form.addRow(self.tr("户号"), self.household)
        form.addRow(self.tr("事项"), self.subject)
        form.addRow(self.tr("反映内容"), self.content)
        form.addRow(self.tr("承办人"), self.handler)
        period = QHBoxLayout()
        period.addWidget(self.period)
        period.addWidget(self.unit)
        form.addRow(self.tr("办理期限"), period)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def _default_period(self, channel: str) -> None:
        n, unit = DEFAULT_PERIODS.get(channel, (60, UNIT_DAYS))
        self.period.setValue(n)
        self.unit.setCurrentText(unit)

    def value(self) -> GrievanceInput:
        return GrievanceInput(
            person=self.person.text(),
            channel=self.channel.currentText(),
            received_on=from_qdate(self.received.date()),
            category=self.category.text(),
            subject_kind=self.about.currentText(),
            subject=self.subject.text(),
            household_no=self.household.text(),
            content=self.content.toPlainText(),
            phone=self.phone.text(),
            handler=self.handler.text(),
            period=self.period.value(),
            period_unit=self.unit.currentText(),
        )


class CloseDialog(QDialog):
    """Enter the answer and the closing date."""

    def __init__(self, number: str, handler: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("办结信访 ") + number)
        form = QFormLayout(self)
        self.answer = QPlainTextEdit(self)
        self.closed = QDateEdit(to_qdate(None), self)
        self.closed.setCalendarPopup(True)
        self.closed.setDisplayFormat("yyyy-MM-dd")
        self.handler = QLineEdit(handler, self)
        form.addRow(self.tr("答复内容"), self.answer)
        form.addRow(self.tr("办结日期"), self.closed)
        form.addRow(self.tr("承办人"), self.handler)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def values(self) -> tuple[str, date, str]:
        return self.answer.toPlainText(), from_qdate(self.closed.date()), self.handler.text()


class PostingDialog(QDialog):
    """Record a posted list: what, where, from when to when."""

    def __init__(self, step_codes: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记公示"))
        self.setMinimumWidth(460)  # room for a list's name such as 征收土地及地上附着物调查结果公示
        form = QFormLayout(self)
        self.title = QLineEdit(self)
        self.place = QLineEdit(self)
        self.start = QDateEdit(to_qdate(None), self)
        self.end = QDateEdit(to_qdate(None), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.step = QComboBox(self)
        self.step.addItem("", "")
        for code, name in step_codes:
            self.step.addItem(name, code)
        form.addRow(self.tr("公示名称"), self.title)
        form.addRow(self.tr("张贴地点"), self.place)
        form.addRow(self.tr("开始日期"), self.start)
        form.addRow(self.tr("结束日期"), self.end)
        form.addRow(self.tr("程序步骤"), self.step)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "place": self.place.text(),
            "start_date": from_qdate(self.start.date()),
            "end_date": from_qdate(self.end.date()),
            "step_code": self.step.currentData() or None,
        }
