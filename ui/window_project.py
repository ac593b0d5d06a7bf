"""The 项目信息 dialog: name, approval, dates, posting period, township details of a project.

The 项目 menu that opens it is :class:`ui.controllers.project.ProjectActions`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.posting import DEFAULT_POSTING_DAYS
from resettle.domain.township import TownshipDetails
from resettle.errors import ValidationError
from resettle.services.register.projects import MAX_POSTING_DAYS, ProjectDetails, ProjectRecord
from ui.i18n import QT_TRANSLATE_NOOP

TOWNSHIP_FIELDS = (
    ("township", QT_TRANSLATE_NOOP("ProjectDialog", "乡镇名称")),
    ("office", QT_TRANSLATE_NOOP("ProjectDialog", "征迁办名称")),
    ("phone", QT_TRANSLATE_NOOP("ProjectDialog", "联系电话")),
    ("signing_place", QT_TRANSLATE_NOOP("ProjectDialog", "签约地点")),
    ("complaint_phone", QT_TRANSLATE_NOOP("ProjectDialog", "监督（投诉）电话")),
)


def parse_optional_date(text: str, field: str) -> date | None:
    """'' → None; 2026-05-20, 2026/5/20, 2026.5.20 or 20260520 → a date; else a refusal naming the field."""
    value = text.strip().replace("/", "-").replace(".", "-")
    if not value:
        return None
    try:
        if value.isdigit() and len(value) == 8:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        y, m, d = (int(x) for x in value.split("-"))
        return date(y, m, d)
    except ValueError:
        message = QCoreApplication.translate("ProjectDialog", "「{0}」不是有效日期：{1}（例：2026-05-20）").format(
            field, text.strip()
        )
        raise ValidationError(message, field=field) from None


class ProjectDialog(QDialog):
    """Name, approval number and date, cut-off, reference date, posting period, township details, remarks."""

    def __init__(self, record: ProjectRecord | None, office: TownshipDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("项目信息") if record else self.tr("新建项目"))
        d = record.details if record else ProjectDetails("")
        self.name = QLineEdit(d.name)
        self.name.setPlaceholderText(self.tr("例：城东片区征地项目"))
        self.approval_no = QLineEdit(d.approval_no)
        self.approval_no.setPlaceholderText(self.tr("例：浙政土〔2026〕12号"))
        self.approval_date = self._date_edit(d.approval_date)
        self.cutoff_date = self._date_edit(d.cutoff_date)
        self.reference_date = self._date_edit(d.reference_date)
        self.posting_days = QSpinBox()
        self.posting_days.setRange(0, MAX_POSTING_DAYS)
        self.posting_days.setSpecialValueText(self.tr("默认（{0} 天）").format(DEFAULT_POSTING_DAYS))
        self.posting_days.setSuffix(self.tr(" 天"))
        self.posting_days.setValue(d.posting_days or 0)
        self.remarks = QPlainTextEdit(d.remarks)
        self.remarks.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("项目名称"), self.name)
        form.addRow(self.tr("批准文号"), self.approval_no)
        form.addRow(self.tr("批准日期"), self.approval_date)
        form.addRow(self.tr("预公告日（截止日）"), self.cutoff_date)
        form.addRow(self.tr("基准日（计算年龄）"), self.reference_date)
        form.addRow(self.tr("公示期"), self.posting_days)
        form.addRow(self.tr("备注"), self.remarks)
        box = QGroupBox(self.tr("本项目文书上的乡镇信息（留空则用「设置」中的本办公室信息）"))
        town_form = QFormLayout(box)
        self.township: dict[str, QLineEdit] = {}
        for key, label in TOWNSHIP_FIELDS:
            edit = QLineEdit(getattr(d.township, key))
            default = getattr(office, key)
            edit.setPlaceholderText(self.tr("默认：{0}").format(default) if default else self.tr("未设置"))
            self.township[key] = edit
            town_form.addRow(self.tr(label), edit)
        if record is not None and record.villages:
            villages = QLabel(self.tr("村：{0}").format(self.tr("、").join(name for _id, name in record.villages)))
            villages.setWordWrap(True)
            form.addRow("", villages)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _date_edit(self, value: date | None) -> QLineEdit:
        edit = QLineEdit(value.isoformat() if value else "")
        edit.setPlaceholderText(self.tr("年-月-日，可留空"))
        return edit

    def details(self) -> ProjectDetails:
        """What the form says; a refusal names the field."""
        town = TownshipDetails(**{key: edit.text().strip() for key, edit in self.township.items()})
        return ProjectDetails(
            name=self.name.text().strip(),
            approval_no=self.approval_no.text().strip(),
            approval_date=parse_optional_date(self.approval_date.text(), self.tr("批准日期")),
            cutoff_date=parse_optional_date(self.cutoff_date.text(), self.tr("预公告日")),
            reference_date=parse_optional_date(self.reference_date.text(), self.tr("基准日")),
            posting_days=self.posting_days.value() or None,
            township=town,
            remarks=self.remarks.toPlainText().strip(),
        )

    def _accept(self) -> None:
        try:
            details = self.details()
            if not details.name:
                raise ValidationError(self.tr("项目名称不能为空"), field=self.tr("项目名称"))
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.chosen = details
        self.accept()
