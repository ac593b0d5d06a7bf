"""The documents' names as the window shows them, and the batch PDF dialog (the 打印 menu is
:class:`ui.controllers.printing.PrintActions`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from resettle.documents.kinds import KINDS, DocumentKind
from ui.i18n import QT_TRANSLATE_NOOP

# The documents' names in menus, lists and messages (resettle.documents.kinds KINDS[…].short), for lupdate;
# tests/ui/test_translation_complete.py checks every kind's name is here.
KIND_NAMES = (
    QT_TRANSLATE_NOOP("PrintActions", "补偿通知书"),
    QT_TRANSLATE_NOOP("PrintActions", "补偿安置协议"),
    QT_TRANSLATE_NOOP("PrintActions", "公示表"),
    QT_TRANSLATE_NOOP("PrintActions", "领款单"),
    QT_TRANSLATE_NOOP("PrintActions", "分配确认书"),
    QT_TRANSLATE_NOOP("PrintActions", "入住通知单"),
    QT_TRANSLATE_NOOP("PrintActions", "抽签记录"),
)


def kind_name(kind: DocumentKind) -> str:
    """A document's name as the window shows it (English when the English translation is loaded)."""
    return QCoreApplication.translate("PrintActions", KINDS[kind].short)


SCOPES = ("selection", "group", "village", "project")


class ExportPdfDialog(QDialog):
    """Kind, which households, one file or one per household, and where."""

    def __init__(
        self, kind: DocumentKind, has_selection: bool, filter_kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出 PDF"))
        self.kind = QComboBox()
        for info in KINDS.values():
            self.kind.addItem(kind_name(info.kind), info.kind.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.scope = QComboBox()
        labels = {"selection": self.tr("所选的户"), "group": self.tr("当前村民小组"), "village": self.tr("当前村"),
                  "project": self.tr("整个项目")}  # fmt: skip
        for key in SCOPES:
            if key == "selection" and not has_selection:
                continue
            if key in ("group", "village") and filter_kind != key:
                continue
            self.scope.addItem(labels[key], key)
        self.draft = QRadioButton(self.tr("样稿（不编号，印「样稿」水印，可反复导出核对）"))
        self.formal = QRadioButton(self.tr("正式（每份编号、登记、印校验码）"))
        self.draft.setChecked(True)  # a trial run never uses up official numbers
        self.outlook = QLabel(self.tr("选「正式」时，开始前会告诉您将占用多少个正式编号。"))
        self.outlook.setWordWrap(True)
        self.one_each = QCheckBox(self.tr("每户一个文件（文件名：户号_户主.pdf）"))
        self.out = QLineEdit(str(Path.home() / f"{KINDS[kind].short}.pdf"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("文书"), self.kind)
        form.addRow(self.tr("范围"), self.scope)
        form.addRow(self.tr("方式"), self.draft)
        form.addRow("", self.formal)
        form.addRow("", self.outlook)
        form.addRow("", self.one_each)
        form.addRow(self.tr("保存到"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.one_each.toggled.connect(self._one_each)
        self.resize(520, 200)

    def _one_each(self, on: bool) -> None:
        path = Path(self.out.text())
        self.out.setText(str(path.with_suffix("") if on else path.with_suffix(".pdf")))

    def browse(self) -> None:
        if self.one_each.isChecked():
            name = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), self.out.text())
        else:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("保存为"), self.out.text(), "PDF (*.pdf)")
        if name:
            self.out.setText(name)
