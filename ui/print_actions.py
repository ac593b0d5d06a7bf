"""Printing from the main window: preview, print, batch PDF export, and checking a verification code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

from resettle.documents.kinds import KINDS, DocumentKind
from resettle.documents.render import paint
from resettle.errors import ResettleError
from resettle.services.documents import printing as documents
from ui.i18n import QT_TRANSLATE_NOOP
from ui.window_files import FileActions

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


class PrintActions(FileActions):
    """The main window's 打印 menu (MainWindow derives from this)."""

    table: QTableView
    _filter: tuple[str, int] | None

    def selected_household_ids(self) -> list[int]:
        raise NotImplementedError

    def _scope(self, kind: DocumentKind, scope: str | None = None) -> dict[str, Any] | None:
        """Service keyword arguments for the households a document run covers, always naming the project."""
        if scope is None:
            scope = "selection" if KINDS[kind].per_household else (self._filter[0] if self._filter else "project")
        if scope == "selection":  # the households name their project (one per run, the service checks)
            ids = self.selected_household_ids()
            if not ids:
                QMessageBox.information(self, self.tr("打印"), self.tr("请先在表中选择要打印的户。"))
                return None
            return {"household_ids": ids}
        pid = self.project_for(self.tr("打印"))
        if pid is None:
            return None
        if self._filter and self._filter[0] == scope and scope != "project":
            return {f"{scope}_id": self._filter[1], "project_id": pid}
        return {"project_id": pid}

    def preview(self, kind: DocumentKind) -> None:
        """Documents are prepared on the worker thread (progress, cancel); the preview paints them."""
        scope = self._scope(kind)
        if scope is None:
            return
        self.runner.run(self, self.tr("正在准备打印预览…"), documents.prepare_documents, db=self.db, kind=kind,
                        draft=True, on_done=lambda run: self._show_preview(kind, run), **scope)  # fmt: skip

    def _show_preview(self, kind: DocumentKind, run: documents.PrintRun) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印预览 — {0}（样稿，不编号）").format(kind_name(kind)))
        dialog.paintRequested.connect(lambda device: paint(run.documents, device, run.fonts))
        dialog.resize(1000, 800)
        dialog.exec()

    def print_kind(self, kind: DocumentKind) -> None:
        scope = self._scope(kind)
        if scope is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.runner.run(self, self.tr("正在打印…"), documents.print_documents, db=self.db, kind=kind,
                        output=documents.PrinterOutput(printer),
                        on_done=lambda r: QMessageBox.information(self, self.tr("打印"), r.message), **scope)  # fmt: skip

    def export_pdfs(self, kind: DocumentKind = DocumentKind.NOTICE) -> None:
        dialog = ExportPdfDialog(
            kind, bool(self.selected_household_ids()), self._filter[0] if self._filter else "", self
        )
        if not dialog.exec():
            return
        chosen = DocumentKind(dialog.kind.currentData())
        scope = self._scope(chosen, str(dialog.scope.currentData()))
        if scope is None:
            return
        draft = dialog.draft.isChecked()
        if not draft and not self._confirm_numbers(chosen, scope):
            return
        out = Path(dialog.out.text().strip())
        self.runner.run(self, self.tr("正在导出 PDF…"), documents.export_pdf, db=self.db, kind=chosen, out=out,
                        one_per_household=dialog.one_each.isChecked(), draft=draft,
                        on_done=lambda r: QMessageBox.information(self, self.tr("导出 PDF"), r.message), **scope)  # fmt: skip

    def _confirm_numbers(self, kind: DocumentKind, scope: dict[str, Any]) -> bool:
        """Before a 正式 run: how many official numbers it may take (households already numbered keep theirs)."""
        try:
            outlook = documents.numbering_outlook(self.db, kind, **scope)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("导出 PDF"), exc.message)
            return False
        text = self.tr(
            "将出具正式{0}：{1} 份。其中 {2} 户已有编号，金额和条款未变的沿用原编号；"
            "最多新占用 {3} 个正式编号，编号一经占用不能收回。继续吗？"
        ).format(kind_name(kind), outlook.households, outlook.numbered_before, outlook.at_most_new)
        answer = QMessageBox.question(self, self.tr("正式导出"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def verify_code(self) -> None:
        code, ok = QInputDialog.getText(self, self.tr("核验文书"), self.tr("输入文书上印的校验码："))
        if not ok or not code.strip():
            return
        try:
            result = documents.verify_document(self.db, code)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("核验文书"), exc.message)
            return
        box = QMessageBox.information if result.status == "current" else QMessageBox.warning
        box(self, self.tr("核验文书"), result.message)
