"""Small entry dialogs of the livelihood area: settings, one person's employment, a visit, a course, a result."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from resettle.domain.labour import CONDITIONS, EMPLOYMENT_STATES
from resettle.io.livelihood_records import CourseLine
from resettle.services.livelihood.common import PersonFacts
from resettle.services.livelihood.labour import LabourSettingsView
from ui.dates import from_qdate, to_qdate
from ui.forms import ok_cancel
from ui.i18n import status_label


def _date_edit(day: date | None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _money(text: str) -> Decimal | None:
    text = text.strip().replace(",", "").removesuffix("元")  # data, not text
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    return value


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)  # an enterprise's or course's name and the placeholders are not cut
        self.form = QFormLayout(self)
        self.buttons = ok_cancel(self)

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class SettingsDialog(_Form):
    """Reference date, working-age limits by sex and the visit interval of the project."""

    def __init__(self, current: LabourSettingsView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("就业设置"), parent)
        self.use_date = QCheckBox(self.tr("按此日期计算年龄（不勾选则用项目参照日或今天）"))
        self.use_date.setChecked(current.reference_date is not None)
        self.reference = _date_edit(current.reference_date)
        self.reference.setEnabled(self.use_date.isChecked())  # the date counts only when ticked
        self.use_date.toggled.connect(self.reference.setEnabled)
        self.min_age = QSpinBox()
        self.min_age.setRange(0, 30)
        self.min_age.setValue(current.min_age)
        self.male = QSpinBox()
        self.male.setRange(40, 80)
        self.male.setValue(current.male_retirement)
        self.female = QSpinBox()
        self.female.setRange(40, 80)
        self.female.setValue(current.female_retirement)
        self.interval = QSpinBox()
        self.interval.setRange(1, 36)
        self.interval.setValue(current.visit_interval_months)
        self.form.addRow(self.use_date)
        self.form.addRow(self.tr("参照日"), self.reference)
        self.form.addRow(self.tr("劳动年龄下限（含）"), self.min_age)
        self.form.addRow(self.tr("男性退休年龄（不含）"), self.male)
        self.form.addRow(self.tr("女性退休年龄（不含）"), self.female)
        self.form.addRow(self.tr("回访间隔（月）"), self.interval)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "reference": from_qdate(self.reference.date()) if self.use_date.isChecked() else None,
            "min_age": self.min_age.value(),
            "male_retirement": self.male.value(),
            "female_retirement": self.female.value(),
            "visit_interval_months": self.interval.value(),
        }


class _IncomeForm(_Form):
    """A person's employment state and monthly income, starting from what the register holds (（未登记） for a
    person the labour office has not reported on); OK refuses an income that is not an amount."""

    def __init__(self, title: str, parent: QWidget | None, state: str = "", income: Decimal | None = None) -> None:
        super().__init__(title, parent)
        self.state = QComboBox()
        self.state.addItem(self.tr("（未登记）"), "")
        for known in EMPLOYMENT_STATES:
            self.state.addItem(status_label(known), known)
        self.state.setCurrentIndex(max(self.state.findData(state), 0))
        self.income = QLineEdit(f"{income:.2f}" if income is not None else "")
        self.income.setPlaceholderText(self.tr("例如 3500.00"))

    def accept(self) -> None:
        try:
            _money(self.income.text())
        except ValueError:
            QMessageBox.warning(self, self.windowTitle(), self.tr("月收入应为金额，例如 3500.00"))
            return
        super().accept()


class EmploymentDialog(_IncomeForm):
    """One person's employment status (and 在校学生 / 丧失劳动能力), opened on what is saved for them:
    pressing OK without a change saves the same."""

    def __init__(self, person: PersonFacts, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("就业状况：{0}").format(person.name), parent, person.state, person.monthly_income)
        self.condition = QComboBox()
        self.condition.addItems([c or self.tr("（无）") for c in CONDITIONS])
        self.condition.setCurrentIndex(CONDITIONS.index(person.condition) if person.condition in CONDITIONS else 0)
        self.employer = QLineEdit(person.employer)
        self.post = QLineEdit(person.post)
        self.start = _date_edit(person.start_date)
        self.form.addRow(self.tr("就业状态"), self.state)
        self.form.addRow(self.tr("劳动能力状况"), self.condition)
        self.form.addRow(self.tr("单位"), self.employer)
        self.form.addRow(self.tr("岗位"), self.post)
        self.form.addRow(self.tr("开始日期"), self.start)
        self.form.addRow(self.tr("月收入(元)"), self.income)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "state": self.state.currentData(),
            "condition": CONDITIONS[self.condition.currentIndex()],
            "employer": self.employer.text().strip(),
            "post": self.post.text().strip(),
            "start": from_qdate(self.start.date()),
            "income": _money(self.income.text()),
        }


class VisitDialog(_IncomeForm):
    """A follow-up visit; the status starts at the person's current one (a visit mostly confirms it)."""

    def __init__(
        self, name: str, state: str = "", income: Decimal | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("登记回访：{0}").format(name), parent, state, income)
        self.day = _date_edit(None)
        self.note = QLineEdit()
        self.form.addRow(self.tr("回访日期"), self.day)
        self.form.addRow(self.tr("就业状态"), self.state)
        self.form.addRow(self.tr("月收入(元)"), self.income)
        self.form.addRow(self.tr("情况记录"), self.note)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "visit_date": from_qdate(self.day.date()),
            "state": self.state.currentData(),
            "monthly_income": _money(self.income.text()),
            "note": self.note.text(),
        }


class CourseDialog(_Form):
    KINDS = ("保洁", "保安", "电工", "家政", "驾驶", "电子商务", "餐饮", "仓储")  # data, not text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新建培训课程"), parent)
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(self.KINDS))
        self.provider = QLineEdit()
        self.start = _date_edit(None)
        self.end = _date_edit(None)
        self.hours = QSpinBox()
        self.hours.setRange(0, 2000)
        self.form.addRow(self.tr("课程名称"), self.name)
        self.form.addRow(self.tr("类别"), self.kind)
        self.form.addRow(self.tr("培训机构"), self.provider)
        self.form.addRow(self.tr("开始日期"), self.start)
        self.form.addRow(self.tr("结束日期"), self.end)
        self.form.addRow(self.tr("学时"), self.hours)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentText().strip(),
            "provider": self.provider.text().strip(),
            "start": from_qdate(self.start.date()),
            "end": from_qdate(self.end.date()),
            "hours": self.hours.value(),
        }


class ResultDialog(_Form):
    """Attendance, completion and certificate of one enrolment: what was recorded, or the course's hours
    for a first record (OK without a change keeps a recorded certificate)."""

    def __init__(self, enrolment: CourseLine, hours: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("培训结果：{0}").format(enrolment.name), parent)
        recorded = enrolment.attended_hours > 0 or enrolment.completed or bool(enrolment.certificate_name)
        self.attended = QSpinBox()
        self.attended.setRange(0, 2000)
        self.attended.setValue(enrolment.attended_hours if recorded else hours)
        self.completed = QCheckBox(self.tr("已结业"))
        self.completed.setChecked(enrolment.completed)
        self.certificate = QLineEdit(enrolment.certificate_name)
        self.certificate.setPlaceholderText(self.tr("如 保安员证"))
        self.number = QLineEdit(enrolment.certificate_no)
        self.form.addRow(self.tr("出勤学时"), self.attended)
        self.form.addRow(self.completed)
        self.form.addRow(self.tr("证书名称"), self.certificate)
        self.form.addRow(self.tr("证书编号"), self.number)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "attended_hours": self.attended.value(),
            "completed": self.completed.isChecked(),
            "certificate_name": self.certificate.text().strip(),
            "certificate_no": self.number.text().strip(),
        }
