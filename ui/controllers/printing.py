"""The 打印 menu: preview, print, batch PDF export, and checking a verification code.

Qt's print support and the document services load when a document is first printed, not
before the window paints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox

from resettle.documents.kinds import KINDS, DocumentKind
from resettle.errors import ResettleError
from ui.areas import WindowContext
from ui.controllers.project import ProjectActions
from ui.print_actions import kind_name
from ui.screen_fit import fit_resize

if TYPE_CHECKING:
    from resettle.services.documents.printing import PrintRun


class PrintActions(QObject):
    """Builds the 打印 menu; every run names its project and its households (the service checks)."""

    def __init__(self, ctx: WindowContext, project: ProjectActions) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.project = project
        parent = ctx.parent
        self.menu = QMenu(self.tr("打印(&P)"), parent)
        for kind in DocumentKind:
            sub = self.menu.addMenu(kind_name(KINDS[kind].kind))
            for text, slot in (
                (self.tr("打印预览…"), self.preview),
                (self.tr("打印…"), self.print_kind),
                (self.tr("导出 PDF…"), self.export_pdfs),
            ):
                action = QAction(text, parent)
                action.triggered.connect(lambda _c=False, k=kind, f=slot: f(k))
                sub.addAction(action)
        self.menu.addSeparator()
        self.act_export_pdf = QAction(self.tr("批量导出 PDF…"), parent)
        self.act_export_pdf.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.act_export_pdf.triggered.connect(lambda _c=False: self.export_pdfs())
        self.act_verify = QAction(self.tr("核验文书…"), parent)
        self.act_verify.triggered.connect(self.verify_code)
        self.menu.addActions([self.act_export_pdf, self.act_verify])

    def _scope(self, kind: DocumentKind, scope: str | None = None) -> dict[str, Any] | None:
        """Service keyword arguments for the households a document run covers, always naming the project."""
        node = self.ctx.tree_node()
        if scope is None:
            scope = "selection" if KINDS[kind].per_household else (node[0] if node else "project")
        if scope == "selection":  # the households name their project (one per run, the service checks)
            ids = self.ctx.current_households()
            if not ids:
                QMessageBox.information(self.ctx.parent, self.tr("打印"), self.tr("请先在表中选择要打印的户。"))
                return None
            return {"household_ids": ids}
        pid = self.project.project_for(self.tr("打印"))
        if pid is None:
            return None
        node = self.ctx.tree_node()  # the clerk may just have picked the project
        if node and node[0] == scope and scope != "project":
            return {f"{scope}_id": node[1], "project_id": pid}
        return {"project_id": pid}

    def preview(self, kind: DocumentKind) -> None:
        """Documents are prepared on the worker thread (progress, cancel); the preview paints them."""
        from resettle.services.documents import printing as documents

        scope = self._scope(kind)
        if scope is None:
            return
        self.ctx.runner.run(self.ctx.parent, self.tr("正在准备打印预览…"), documents.prepare_documents,
                            db=self.ctx.database(), kind=kind, draft=True,
                            on_done=lambda run: self._show_preview(kind, run), **scope)  # fmt: skip

    def _show_preview(self, kind: DocumentKind, run: PrintRun) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from resettle.documents.render import paint

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.ctx.parent)
        dialog.setWindowTitle(self.tr("打印预览 — {0}（样稿，不编号）").format(kind_name(kind)))
        dialog.paintRequested.connect(lambda device: paint(run.documents, device, run.fonts))
        fit_resize(dialog, 1000, 800)
        dialog.exec()

    def print_kind(self, kind: DocumentKind) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from resettle.services.documents import printing as documents

        scope = self._scope(kind)
        if scope is None:
            return
        parent = self.ctx.parent
        try:  # a refusal comes before the printer's dialog, not after the clerk chose a printer
            ready = self.ctx.runner.call(parent, self.tr("打印"), documents.check_printable, db=self.ctx.database(),
                                         kind=kind, **scope)  # fmt: skip
        except ResettleError as exc:
            QMessageBox.warning(parent, self.tr("打印"), exc.message)
            return
        if not ready:  # cancelled
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
            return
        self.ctx.runner.run(parent, self.tr("正在打印…"), documents.print_documents, db=self.ctx.database(),
                            kind=kind, output=documents.PrinterOutput(printer),
                            on_done=lambda r: QMessageBox.information(parent, self.tr("打印"), r.message),
                            **scope)  # fmt: skip

    def export_pdfs(self, kind: DocumentKind = DocumentKind.NOTICE) -> None:
        from resettle.services.documents import printing as documents
        from ui.print_actions import ExportPdfDialog

        parent = self.ctx.parent
        node = self.ctx.tree_node()
        dialog = ExportPdfDialog(kind, bool(self.ctx.current_households()), node[0] if node else "", parent)
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
        self.ctx.runner.run(parent, self.tr("正在导出 PDF…"), documents.export_pdf, db=self.ctx.database(), kind=chosen,
                            out=out, one_per_household=dialog.one_each.isChecked(), draft=draft,
                            on_done=lambda r: QMessageBox.information(parent, self.tr("导出 PDF"), r.message),
                            **scope)  # fmt: skip

    def _confirm_numbers(self, kind: DocumentKind, scope: dict[str, Any]) -> bool:
        """Before a 正式 run: how many official numbers it may take (households already numbered keep theirs).

        The count reads every household of the run: it runs on a worker thread while the window
        keeps painting (:meth:`ui.ops.OpRunner.call`)."""
        from resettle.services.documents import printing as documents

        parent = self.ctx.parent
        try:
            outlook = self.ctx.runner.call(parent, self.tr("正式导出"), documents.numbering_outlook,
                                           db=self.ctx.database(), kind=kind, **scope)  # fmt: skip
        except ResettleError as exc:
            QMessageBox.warning(parent, self.tr("导出 PDF"), exc.message)
            return False
        if outlook is None:  # cancelled
            return False
        text = self.tr(
            "将出具正式{0}：{1} 份。其中 {2} 户已有编号，金额和条款未变的沿用原编号；"
            "最多新占用 {3} 个正式编号，编号一经占用不能收回。继续吗？"
        ).format(kind_name(kind), outlook.households, outlook.numbered_before, outlook.at_most_new)
        answer = QMessageBox.question(parent, self.tr("正式导出"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def verify_code(self) -> None:
        from resettle.services.documents import printing as documents

        parent = self.ctx.parent
        code, ok = QInputDialog.getText(parent, self.tr("核验文书"), self.tr("输入文书上印的校验码："))
        if not ok or not code.strip():
            return
        try:
            result = documents.verify_document(self.ctx.database(), code)
        except ResettleError as exc:
            QMessageBox.warning(parent, self.tr("核验文书"), exc.message)
            return
        box = QMessageBox.information if result.status == "current" else QMessageBox.warning
        box(parent, self.tr("核验文书"), result.message)
