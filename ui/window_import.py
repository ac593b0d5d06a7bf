"""Import actions of the main window: the wizard, drag and drop, import batches and undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from resettle.errors import ValidationError
from resettle.services import imports
from resettle.store.database import Database
from ui.dialogs import BatchesDialog
from ui.import_wizard import SURVEY_SUFFIXES, ImportWizard
from ui.ops import OpRunner


class ImportActions(QMainWindow):
    """The main window's import actions (MainWindow derives from this through FileActions)."""

    db: Database
    runner: OpRunner

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
