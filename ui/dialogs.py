"""Smaller dialogs of the main window: settings, restore from backup, column chooser."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resettle.documents.kinds import KINDS
from resettle.documents.templates import customise_template, is_customised, template_source
from resettle.domain.township import TownshipDetails
from resettle.services.register.imports import BatchInfo
from resettle.store.backup import BackupInfo
from ui.forms import ok_cancel
from ui.i18n import QT_TRANSLATE_NOOP

REASONS = {
    "startup": QT_TRANSLATE_NOOP("RestoreDialog", "启动时"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "手动"),
    "before-migration": QT_TRANSLATE_NOOP("RestoreDialog", "升级前"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "恢复前"),
    "before-import": QT_TRANSLATE_NOOP("RestoreDialog", "导入前"),
    "before-payment": QT_TRANSLATE_NOOP("RestoreDialog", "兑付前"),
}


class SettingsDialog(QDialog):
    """Township details (stored in the register) and program preferences (stored per user)."""

    def __init__(
        self,
        details: TownshipDetails,
        prefs: QSettings,
        fonts: Sequence[str] = (),
        font: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.prefs = prefs
        self.font_choice = QComboBox()
        self.font_choice.addItem(self.tr("自动选择（宋体/黑体优先）"), "")
        for family in fonts:
            self.font_choice.addItem(family, family)
        self.font_choice.setCurrentIndex(max(0, self.font_choice.findData(font)))
        self.templates = QLabel(self._template_text())
        self.templates.setWordWrap(True)
        customise = QPushButton(self.tr("复制默认模板到数据目录以便修改"))
        customise.clicked.connect(self._customise)
        self.township = QLineEdit(details.township)
        self.office = QLineEdit(details.office)
        self.phone = QLineEdit(details.phone)
        self.signing_place = QLineEdit(details.signing_place)
        self.complaint_phone = QLineEdit(details.complaint_phone)
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")  # a language in its own name  # data, not text
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.value("language", "zh_CN"))))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("<b>乡镇信息</b>（打印文书时使用）")))
        form.addRow(self.tr("乡镇名称"), self.township)
        form.addRow(self.tr("征迁办名称"), self.office)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("签约地点"), self.signing_place)
        form.addRow(self.tr("监督（投诉）电话"), self.complaint_phone)
        form.addRow(QLabel(self.tr("<b>打印</b>")))
        form.addRow(self.tr("文书字体"), self.font_choice)
        form.addRow(self.tr("文书模板"), self.templates)
        form.addRow("", customise)
        form.addRow(QLabel(self.tr("<b>程序</b>")))
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _template_text(self) -> str:
        lines = []
        for info in KINDS.values():
            source = template_source(info.kind)
            where = self.tr("本办公室的模板：{0}").format(source) if is_customised(info.kind) else self.tr("默认模板")
            lines.append(self.tr("{0}：{1}").format(QCoreApplication.translate("PrintActions", info.short), where))
        return "\n".join(lines)

    def _customise(self) -> None:
        for info in KINDS.values():
            if not is_customised(info.kind):
                customise_template(info.kind)
        self.templates.setText(self._template_text())

    def details(self) -> TownshipDetails:
        return TownshipDetails(
            township=self.township.text(),
            office=self.office.text(),
            phone=self.phone.text(),
            signing_place=self.signing_place.text(),
            complaint_phone=self.complaint_phone.text(),
        )

    def accept(self) -> None:
        self.prefs.setValue("language", self.language.currentData())
        super().accept()


class RestoreDialog(QDialog):
    """Lists the automatic backups with their dates; the chosen one is restored. 「选择备份文件…」 takes
    a backup written elsewhere instead (备份到文件 on a USB stick): :meth:`chosen_path` says which."""

    def __init__(self, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self.backups = list(backups)
        self.picked: Path | None = None
        model = QStandardItemModel(0, 3, self)
        model.setHorizontalHeaderLabels([self.tr("备份时间"), self.tr("原因"), self.tr("大小")])
        for b in self.backups:
            model.appendRow(
                [
                    QStandardItem(b.created.strftime("%Y-%m-%d %H:%M:%S")),
                    QStandardItem(self.tr(REASONS.get(b.reason.rstrip("-0123456789"), b.reason))),
                    QStandardItem(f"{b.size / 1024 / 1024:,.1f} MB"),
                ]
            )
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if self.backups:
            self.view.selectRow(0)
        note = QLabel(
            self.tr("恢复前会先把当前数据另存一份备份，恢复可以撤回。")
            if self.backups
            else self.tr("还没有自动备份：程序在打开登记册时、导入和兑付之前自动备份；也可用「文件 → 立即备份」。")
        )
        note.setWordWrap(True)
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("恢复所选备份"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        self.pick_button = buttons.addButton(self.tr("选择备份文件…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pick_button.setToolTip(self.tr("恢复用「备份到文件」另存的备份（如 U 盘上的）"))
        self.pick_button.clicked.connect(self.pick_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def pick_file(self) -> None:
        start = str(self.backups[0].path.parent) if self.backups else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), start,
                                              self.tr("征迁数据库 (*.sqlite3 *.db);;所有文件 (*)"))  # fmt: skip
        if name:
            self.picked = Path(name)
            self.accept()

    def chosen(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def chosen_path(self) -> tuple[Path, str] | None:
        """The file to restore and how to name it to the clerk (its backup time, or its file name)."""
        if self.picked is not None:
            return self.picked, self.tr("备份文件「{0}」").format(self.picked.name)
        chosen = self.chosen()
        if chosen is None:
            return None
        return chosen.path, self.tr("{0} 的备份").format(chosen.created.strftime("%Y-%m-%d %H:%M"))


class ColumnChooser(QDialog):
    """Which columns of the register table are shown."""

    def __init__(self, headers: Sequence[str], hidden: Sequence[bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("显示列"))
        layout = QVBoxLayout(self)
        self.boxes: list[QCheckBox] = []
        for header, is_hidden in zip(headers, hidden, strict=True):
            box = QCheckBox(header)
            box.setChecked(not is_hidden)
            self.boxes.append(box)
            layout.addWidget(box)
        self.boxes[0].setEnabled(False)  # 户号 always shown
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    def hidden(self) -> list[bool]:
        return [not b.isChecked() for b in self.boxes]


class BatchesDialog(QDialog):
    """Import batches with their file and checksum; a whole batch can be undone (with a reason).

    Signals: none; ``undo_requested`` is read by the caller after ``exec``.
    """

    def __init__(self, batches: Sequence[BatchInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入批次"))
        self.batches = list(batches)
        model = QStandardItemModel(0, 6, self)
        model.setHorizontalHeaderLabels(
            [self.tr("批次"), self.tr("时间"), self.tr("文件"), self.tr("户数"), self.tr("用户"), self.tr("状态")]
        )
        for b in self.batches:
            state = self.tr("已撤销 {0}").format(f"{b.undone_at:%Y-%m-%d %H:%M}") if b.undone_at else self.tr("有效")
            items = [str(b.id), f"{b.created_at:%Y-%m-%d %H:%M}", b.file_name, str(b.households), b.user, state]
            row = [QStandardItem(t) for t in items]
            row[2].setToolTip(f"SHA-256 {b.sha256}")
            model.appendRow(row)
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = buttons.addButton(self.tr("撤销所选批次…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def chosen(self) -> BatchInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None
