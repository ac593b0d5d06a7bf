"""Import actions of the main window: the wizard, drag and drop, import batches and undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from resettle.errors import ValidationError
from resettle.services.register import exports, imports
from resettle.store.database import Database
from ui.dialogs import BatchesDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.import_wizard import SURVEY_SUFFIXES, ImportWizard
from ui.ops import OpRunner
from ui.window_project import ProjectActions

EXPORTS: dict[str, tuple[str, Callable[..., Any]]] = {
    "roster": (QT_TRANSLATE_NOOP("ImportActions", "花名册"), exports.export_roster),
    "disclosure": (QT_TRANSLATE_NOOP("ImportActions", "公示表"), exports.export_disclosure),
    "payments": (QT_TRANSLATE_NOOP("ImportActions", "兑付清册"), exports.export_payments),
    "compensation": (QT_TRANSLATE_NOOP("ImportActions", "补偿汇总与明细"), exports.export_compensation),
}


class ImportActions(ProjectActions):
    """The main window's import and export actions (MainWindow derives from this through FileActions)."""

    db: Database
    runner: OpRunner
    _filter: tuple[str, int] | None

    def export_scope(self, pid: int) -> tuple[dict[str, Any], str]:
        """Service keyword arguments for the part of project ``pid`` chosen in the tree, and its name."""
        kind, ident = self._filter or ("project", pid)
        for p in self.project_nodes():
            if p.id != pid:
                continue
            for v in p.villages:
                if kind == "village" and v.id == ident:
                    return {"project_id": pid, "village_id": v.id}, v.name
                for g in v.groups:
                    if kind == "group" and g.id == ident:
                        return {"project_id": pid, "village_id": v.id, "group_id": g.id}, v.name + g.name
            return {"project_id": pid}, p.name
        return {"project_id": pid}, ""

    def export_sheet(self, kind: str) -> None:
        """Save one of the office workbooks for the current project, or the village or group chosen in the tree."""
        title, export = EXPORTS[kind]
        pid = self.project_for(self.tr("导出{0}").format(self.tr(title)))
        if pid is None:
            return
        scope, place = self.export_scope(pid)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出{0}：{1}").format(self.tr(title), place),
                                              str(Path.home() / f"{place}{title}.xlsx"), "Excel (*.xlsx)")  # fmt: skip
        if not name:
            return
        self.runner.run(self, self.tr("正在导出{0}…").format(self.tr(title)), export, db=self.db, out=Path(name),
                        on_done=lambda info: QMessageBox.information(self, self.tr("导出"),
                                                                     self.tr("已导出到 {0}").format(info.path)),
                        **scope)  # fmt: skip

    # -- import ------------------------------------------------------------------------------------
    def import_survey(self, path: Path | None = None) -> ImportWizard:
        """The wizard, with the current project chosen (the clerk may pick another or name a new one)."""
        wizard = ImportWizard(self.db, self.runner, path if isinstance(path, Path) else None, self,
                              project_id=self.current_project_id())  # fmt: skip
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
        self.undo_batch(batch.id, reason)

    def undo_batch(self, batch_id: int, reason: str, force: bool = False) -> None:
        """Undo on the worker thread; a batch whose households were edited since asks once more."""

        def failed(exc: BaseException) -> bool:
            asks_again = "确认后再撤销"  # the service's words  # data, not text
            if force or not isinstance(exc, ValidationError) or asks_again not in exc.message:
                return False
            if QMessageBox.question(self, self.tr("撤销导入批次"), exc.message + self.tr("\n仍要撤销吗？")) == (
                QMessageBox.StandardButton.Yes
            ):
                self.undo_batch(batch_id, reason, force=True)
            return True

        self.runner.run(self, self.tr("正在撤销导入批次…"), imports.undo_batch, db=self.db, batch_id=batch_id,
                        reason=reason, force=force, changes=frozenset({"households", "tree"}), on_failed=failed,
                        on_done=lambda n: self.statusBar().showMessage(self.tr("已撤销，删除 {0} 户").format(n), 8000))  # fmt: skip

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
