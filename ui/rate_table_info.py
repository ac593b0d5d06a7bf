"""The standard's name, 文号 and 生效日期, editable while it is a draft (they are printed on notices and lists)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from resettle.domain.compensation_records import RateTableInfo
from resettle.domain.rates import STATUS_PUBLISHED
from resettle.errors import ResettleError
from resettle.services.compensation import rate_tables
from resettle.store.database import Database


class RateTableInfoDialog(QDialog):
    def __init__(self, db: Database, info: RateTableInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.info = db, info
        self.setWindowTitle(self.tr("补偿标准信息"))
        self.name = QLineEdit(info.name)
        self.source_doc = QLineEdit(info.source_doc)
        self.source_doc.setPlaceholderText(self.tr("如 某政发〔2026〕12号"))
        self.has_date = QCheckBox(self.tr("已定"))
        self.effective = QDateEdit()
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        when = info.effective_date or date.today()
        self.effective.setDate(QDate(when.year, when.month, when.day))
        self.has_date.setChecked(info.effective_date is not None)
        self.effective.setEnabled(self.has_date.isChecked())
        self.has_date.toggled.connect(self.effective.setEnabled)
        editable = info.status != STATUS_PUBLISHED
        form = QFormLayout(self)
        if not editable:  # why everything is grey, and the way out is 关闭
            note = QLabel(self.tr("此标准已发布，不能修改。要改，请在「补偿标准」中点「新建版本」，改好后再发布。"))
            note.setWordWrap(True)
            note.setMinimumWidth(420)  # two whole lines (a form row's wrapped label was cut to its first)
            note.setMinimumHeight(note.heightForWidth(420))
            form.addRow(note)
        form.addRow(self.tr("标准名称"), self.name)
        form.addRow(self.tr("依据文号"), self.source_doc)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.effective, 1)
        form.addRow(self.tr("生效日期"), date_row)
        if editable:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(self.save)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for w in (self.name, self.source_doc, self.has_date, self.effective):
            w.setEnabled(editable and (w is not self.effective or self.has_date.isChecked()))
        self.resize(460, 0)

    def save(self) -> None:
        q = self.effective.date()
        when = date(q.year(), q.month(), q.day()) if self.has_date.isChecked() else None
        try:
            rate_tables.update_rate_table(
                self.db,
                self.info.id,
                name=self.name.text(),
                effective_date=when,
                source_doc=self.source_doc.text(),
                expected_version=self.info.row_version,
            )
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未保存"), exc.message)
            return
        self.accept()
