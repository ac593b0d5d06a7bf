"""Import and export from the main window: the wizard, drag and drop, import batches and undo, the workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from resettle.errors import ValidationError
from ui.areas import WindowContext
from ui.controllers.project import ProjectActions
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the wizard and the export writers load when first used, not before the window paints
    from ui.import_wizard import ImportWizard

# key: (title, function name in resettle.services.register.exports)
EXPORTS: dict[str, tuple[str, str]] = {
    "roster": (QT_TRANSLATE_NOOP("ImportActions", "花名册"), "export_roster"),
    "disclosure": (QT_TRANSLATE_NOOP("ImportActions", "公示表"), "export_disclosure"),
    "payments": (QT_TRANSLATE_NOOP("ImportActions", "兑付清册"), "export_payments"),
    "compensation": (QT_TRANSLATE_NOOP("ImportActions", "补偿汇总与明细"), "export_compensation"),
}


class ImportActions(QObject):
    """文件 → 导入调查表 / 导入批次 / 导出, and surveys dropped on the window."""

    def __init__(self, ctx: WindowContext, project: ProjectActions) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.project = project
        self.act_import = QAction(self.tr("导入调查表…"), ctx.parent)
        self.act_import.setShortcut("Ctrl+I")
        self.act_import.triggered.connect(lambda _c=False: self.import_survey())
        self.act_batches = QAction(self.tr("导入批次…"), ctx.parent)
        self.act_batches.triggered.connect(self.show_batches)

    def add_to(self, menu: QMenu) -> None:
        """导入调查表, 导入批次 and the 导出 submenu."""
        menu.addActions([self.act_import, self.act_batches])
        export_menu = menu.addMenu(self.tr("导出"))
        for key, (title, _fn) in EXPORTS.items():
            action = QAction(self.tr(title) + "…", self.ctx.parent)
            action.triggered.connect(lambda _c=False, k=key: self.export_sheet(k))
            export_menu.addAction(action)

    def export_scope(self, pid: int) -> tuple[dict[str, Any], str]:
        """Service keyword arguments for the part of project ``pid`` chosen in the tree, and its name."""
        kind, ident = self.ctx.tree_node() or ("project", pid)
        for p in self.ctx.project_nodes():
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
        from resettle.services.register import exports

        title, function = EXPORTS[kind]
        export = getattr(exports, function)
        pid = self.project.project_for(self.tr("导出{0}").format(self.tr(title)))
        if pid is None:
            return
        scope, place = self.export_scope(pid)
        parent = self.ctx.parent
        name, _ = QFileDialog.getSaveFileName(parent, self.tr("导出{0}：{1}").format(self.tr(title), place),
                                              str(Path.home() / f"{place}{title}.xlsx"), "Excel (*.xlsx)")  # fmt: skip
        if not name:
            return
        self.ctx.runner.run(parent, self.tr("正在导出{0}…").format(self.tr(title)), export, db=self.ctx.database(),
                            out=Path(name), on_done=lambda info: QMessageBox.information(
                                parent, self.tr("导出"), self.tr("已导出到 {0}").format(info.path)),
                            **scope)  # fmt: skip

    # -- import ------------------------------------------------------------------------------------
    def import_survey(self, path: Path | None = None) -> ImportWizard:
        """The wizard, with the current project chosen (the clerk may pick another or name a new one)."""
        from ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx.database(), self.ctx.runner, path if isinstance(path, Path) else None,
                              self.ctx.parent, project_id=self.ctx.current_project())  # fmt: skip
        # after the tree has been read again (the import's change announcement comes first)
        wizard.imported.connect(lambda _batch: QTimer.singleShot(0, lambda: self._show_imported(wizard)))
        wizard.open()
        return wizard

    def _show_imported(self, wizard: ImportWizard) -> None:
        """An import into another project (or a new one) shows that project: the clerk sees what came in."""
        preview = wizard.preview
        if preview is None:
            return
        found = next((p.id for p in self.ctx.project_nodes() if p.name == preview.project_name), None)
        if found is not None and found != self.ctx.current_project():
            self.ctx.select_node(("project", found))

    def show_batches(self) -> None:
        from resettle.services.register import imports
        from ui.dialogs import BatchesDialog

        dialog = BatchesDialog(imports.list_batches(self.ctx.database()), self.ctx.parent)
        if not dialog.exec() or dialog.chosen() is None:
            return
        batch = dialog.chosen()
        assert batch is not None
        reason, ok = QInputDialog.getText(self.ctx.parent, self.tr("撤销导入批次"),
                                          self.tr("撤销批次 {0}（{1}，{2} 户）将删除该批导入的户。\n请填写原因：").format(
                                              batch.id, batch.file_name, batch.households))  # fmt: skip
        if not ok:
            return
        self.undo_batch(batch.id, reason)

    def undo_batch(self, batch_id: int, reason: str, force: bool = False) -> None:
        """Undo on the worker thread; a batch whose households were edited since asks once more."""
        from resettle.services.register import imports

        def failed(exc: BaseException) -> bool:
            asks_again = "确认后再撤销"  # the service's words  # data, not text
            if force or not isinstance(exc, ValidationError) or asks_again not in exc.message:
                return False
            if QMessageBox.question(
                self.ctx.parent, self.tr("撤销导入批次"), exc.message + self.tr("\n仍要撤销吗？")
            ) == (QMessageBox.StandardButton.Yes):
                self.undo_batch(batch_id, reason, force=True)
            return True

        self.ctx.runner.run(self.ctx.parent, self.tr("正在撤销导入批次…"), imports.undo_batch, db=self.ctx.database(),
                            batch_id=batch_id, reason=reason, force=force, changes=frozenset({"households", "tree"}),
                            on_failed=failed, on_done=lambda n: self.ctx.show_message(
                                self.tr("已撤销，删除 {0} 户").format(n), 8000))  # fmt: skip

    # -- drag and drop (the window forwards its events) ------------------------------------------
    def drag_enter(self, event: QDragEnterEvent) -> None:
        from ui.import_wizard import SURVEY_SUFFIXES

        if any(Path(u.toLocalFile()).suffix.lower() in SURVEY_SUFFIXES for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        from ui.import_wizard import SURVEY_SUFFIXES

        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SURVEY_SUFFIXES:
                event.acceptProposedAction()
                self.import_survey(path)
                return
