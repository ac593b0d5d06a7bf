"""Import actions of the main window: the wizard, drag and drop, import batches and undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

from resettle.errors import ValidationError
from resettle.services import exports, imports, projects
from resettle.store.database import Database
from ui.dialogs import BatchesDialog
from ui.import_wizard import SURVEY_SUFFIXES, ImportWizard
from ui.ops import OpRunner

EXPORTS: dict[str, tuple[str, Callable[..., Any]]] = {
    "roster": ("花名册", exports.export_roster),
    "disclosure": ("公示表", exports.export_disclosure),
    "payments": ("兑付清册", exports.export_payments),
    "compensation": ("补偿汇总与明细", exports.export_compensation),
}


class ImportActions(QMainWindow):
    """The main window's import and export actions (MainWindow derives from this through FileActions)."""

    db: Database
    runner: OpRunner
    _filter: tuple[str, int] | None

    def export_sheet(self, kind: str) -> None:
        """Save one of the office workbooks for the project, or for the village chosen in the tree."""
        title, export = EXPORTS[kind]
        village = None
        if self._filter and self._filter[0] == "village":
            village = next((v.name for p in projects.tree(self.db, with_counts=False) for v in p.villages
                            if v.id == self._filter[1]), None)  # fmt: skip
        project = str(self._filter[1]) if self._filter and self._filter[0] == "project" else None
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出{0}").format(title),
                                              str(Path.home() / f"{village or ''}{title}.xlsx"), "Excel (*.xlsx)")  # fmt: skip
        if not name:
            return
        kwargs: dict[str, Any] = {"db": self.db, "out": Path(name), "project": project, "village": village}
        if kind != "compensation":
            kwargs.update(progress=None, cancelled=None)
        self.runner.run(self, self.tr("正在导出{0}…").format(title), export, with_progress=kind != "compensation",
                        on_done=lambda info: QMessageBox.information(self, self.tr("导出"),
                                                                     self.tr("已导出到 {0}").format(info.path)),
                        **kwargs)  # fmt: skip

    # -- import ------------------------------------------------------------------------------------
    def import_survey(self, path: Path | None = None) -> ImportWizard:
        wizard = ImportWizard(self.db, self.runner, path if isinstance(path, Path) else None, self)
        wizard.open()
        return wizard

    def show_batches(self) -> None:
        dialog = BatchesDialog(imports.list_batches(self.db), self)
        if not dialog.exec() or dialog.chosen() is None:
            return
        batch = dialog.chosen()
        assert batch is not None
        reason, ok = QInputDialog.getText(self, self.tr("撤销导入批次"),
                                          self.tr("撤销批次 {0}（{1}，{2} 户）将删除该批导入的户。\n请填写原因：").format(
                                              batch.id, batch.file_name, batch.households))  # fmt: skip
        if not ok:
            return
        try:
            imports.undo_batch(self.db, batch.id, reason)
        except ValidationError as exc:
            if QMessageBox.question(self, self.tr("撤销导入批次"), exc.message + self.tr("\n仍要撤销吗？")) != (
                QMessageBox.StandardButton.Yes
            ):
                return
            imports.undo_batch(self.db, batch.id, reason, force=True)
        self.runner.announce("households", "tree")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(Path(u.toLocalFile()).suffix.lower() in SURVEY_SUFFIXES for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SURVEY_SUFFIXES:
                event.acceptProposedAction()
                self.import_survey(path)
                return
