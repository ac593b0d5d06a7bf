"""补偿标准: versions and their rules; import/export workbooks, publish, new version, compare,
and move a project to another version after seeing which households change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.compensation_records import RateTableInfo, TableChangePreview
from resettle.domain.money import format_yuan
from resettle.errors import ResettleError
from resettle.io.error_report import write_rate_error_report
from resettle.io.rate_workbook import MISSING_NAME, RateWorkbookError
from resettle.services.compensation import computing, rate_tables
from resettle.store.database import Database
from ui.models.compensation import DiffModel, RateTablesModel, RulesModel, yuan
from ui.ops import OpRunner
from ui.rate_table_info import RateTableInfoDialog
from ui.screen_fit import fit_roomy
from ui.tables import rows_view


class ChangePreviewDialog(QDialog):
    """Exactly the households whose totals change, before anything is written."""

    def __init__(self, preview: TableChangePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更换补偿标准的影响"))
        model = DiffModel(self)
        model.set_rows(preview.households)
        view = rows_view(model)
        view.resizeColumnsToContents()
        note = QLabel(self.tr("改用「{0}」：{1} 户合计变化，{2} 户不变。项目合计 {3} 元 → {4} 元。").format(
            preview.new_table_label, len(preview.households), preview.unchanged,
            yuan(preview.old_grand_total), yuan(preview.new_grand_total)))  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        apply = buttons.addButton(self.tr("确认更换并重新计算"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.resize(900, 500)


class RatesDialog(QDialog):
    """Rate-table versions for the whole register; 「设为项目标准」 acts on the project given (the window's current)."""

    def __init__(
        self,
        db: Database,
        runner: OpRunner,
        project_id: int | None = None,
        project_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self._project_id, self.project_name = db, runner, project_id, project_name
        self.setWindowTitle(self.tr("补偿标准 — {0}").format(project_name) if project_name else self.tr("补偿标准"))
        self.tables = RateTablesModel(self)
        self.rules = RulesModel(self)
        self.tables_view = rows_view(self.tables, fit=True)
        self.tables_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.rules_view = rows_view(self.rules, fit=True, stretch=3)  # 条件 takes the room, not 支付对象
        self.current = QLabel()
        self.tables_view.selectionModel().selectionChanged.connect(self._selected)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("从 Excel 导入…"), self.import_table),
            (self.tr("导出到 Excel…"), self.export_table),
            (self.tr("标准信息…"), self.edit_info),
            (self.tr("发布"), self.publish),
            (self.tr("新建版本"), self.new_version),
            (self.tr("比较所选两版"), self.compare),
            (self.tr("设为项目标准…"), self.use_for_project),
        ):
            b = QPushButton(text)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        split = QSplitter()
        split.addWidget(self.tables_view)
        split.addWidget(self.rules_view)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 800])  # the versions' 名称, 版本, 生效日期 and 状态 visible without scrolling
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        fit_roomy(self, 1200, 560)
        self.reload()

    def project_id(self) -> int | None:
        """The project 「设为项目标准」 acts on (None: a register without projects yet)."""
        return self._project_id

    def reload(self) -> None:
        self.tables.set_rows(rate_tables.list_rate_tables(self.db))
        self.tables_view.resizeColumnsToContents()
        pid = self.project_id()
        info = rate_tables.get_project_rate_table(self.db, pid) if pid is not None else None
        if pid is None:
            self.current.setText(self.tr("还没有项目：导入调查表或新建项目后，可把已发布的标准设为项目标准。"))
        else:
            self.current.setText(self.tr("「{0}」现行标准：{1}").format(
                self.project_name or pid, info.table.label if info else self.tr("未设置")))  # fmt: skip
        if self.tables.rowCount():
            self.tables_view.selectRow(0)

    def selected(self) -> list[RateTableInfo]:
        return [self.tables.row(i.row()) for i in self.tables_view.selectionModel().selectedRows()]

    def _selected(self, _a: QItemSelection, _b: QItemSelection) -> None:
        chosen = self.selected()
        if chosen:
            self.rules.set_rows(rate_tables.get_rate_table(self.db, chosen[0].id).table.rules)

    def _try(self, action: object) -> bool:
        try:
            if callable(action):
                action()
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未完成"), exc.message)
            return False
        self.reload()
        return True

    def import_table(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("导入补偿标准"), str(Path.home()), "Excel (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, title: str | None = None) -> bool:
        """Import a rate workbook; ask for the standard's name when the sheet has none; list every problem."""
        try:
            rate_tables.import_rate_table(self.db, path, name=title)
        except RateWorkbookError as exc:
            if [i.message for i in exc.issues] == [MISSING_NAME]:
                typed, ok = QInputDialog.getText(
                    self, self.tr("标准名称"), self.tr("表中没有标准名称。请输入（将印在通知书和公示表上）：")
                )
                return bool(ok and typed.strip()) and self.import_file(path, typed.strip())
            self._show_problems(path, exc)
            return False
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未完成"), exc.message)
            return False
        self.reload()
        return True

    def edit_info(self) -> None:
        chosen = self.selected()
        if chosen and RateTableInfoDialog(self.db, chosen[0], self).exec():
            self.reload()

    def _show_problems(self, path: Path, exc: RateWorkbookError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("未导入"), exc.message.splitlines()[0], parent=self)
        box.setDetailedText("\n".join(str(i) for i in exc.issues))  # every problem, scrollable
        report = box.addButton(self.tr("保存错误报告…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is report:
            out, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("保存错误报告"),
                str(path.with_name(path.stem + self.tr("_错误报告.xlsx"))),
                "Excel (*.xlsx)",
            )
            if out:
                try:
                    write_rate_error_report(path, exc.issues, Path(out))
                except ResettleError as err:
                    QMessageBox.warning(self, self.tr("未完成"), err.message)
                    return
                QMessageBox.information(self, self.tr("已保存"), self.tr("错误报告已保存到 {0}").format(out))

    def export_table(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出补偿标准"), str(Path.home() / f"{chosen[0].label}.xlsx"),
                                              "Excel (*.xlsx)")  # fmt: skip
        if name:
            self._try(lambda: rate_tables.export_rate_table(self.db, chosen[0].id, Path(name)))

    def publish(self) -> None:
        chosen = self.selected()
        if (
            chosen
            and QMessageBox.question(
                self,
                self.tr("发布"),
                self.tr("发布「{0}」？发布后不能再修改，只能另建新版本。").format(chosen[0].label),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._try(lambda: rate_tables.publish_rate_table(self.db, chosen[0].id, chosen[0].row_version))

    def new_version(self) -> None:
        chosen = self.selected()
        if chosen:
            self._try(lambda: rate_tables.new_rate_table_version(self.db, chosen[0].id))

    def compare(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            QMessageBox.information(self, self.tr("比较"), self.tr("请按住 Ctrl 选择两个版本。"))
            return
        a = {r.code: r for r in rate_tables.get_rate_table(self.db, chosen[0].id).table.rules}
        b = {r.code: r for r in rate_tables.get_rate_table(self.db, chosen[1].id).table.rules}
        lines: list[str] = []
        for code in sorted(set(a) | set(b)):
            ra, rb = a.get(code), b.get(code)
            if ra is None and rb is not None:
                lines.append(
                    self.tr("新增 {0} {1}：{2} 元/{3}").format(code, rb.item, format_yuan(rb.unit_price_fen), rb.unit)
                )
            elif rb is None and ra is not None:
                lines.append(self.tr("删除 {0} {1}").format(code, ra.item))
            elif ra is not None and rb is not None and ra != rb:
                lines.append(self.tr("修改 {0} {1}：{2} → {3} 元/{4}").format(
                    code, rb.item, format_yuan(ra.unit_price_fen), format_yuan(rb.unit_price_fen), rb.unit))  # fmt: skip
        QMessageBox.information(self, self.tr("{0} 与 {1}").format(chosen[0].label, chosen[1].label),
                                "\n".join(lines) or self.tr("两版规则完全相同。"))  # fmt: skip

    def use_for_project(self) -> None:
        chosen = self.selected()
        pid = self.project_id()
        if not chosen or pid is None:
            return
        current = rate_tables.get_project_rate_table(self.db, pid)
        months, ok = QInputDialog.getInt(
            self,
            self.tr("过渡月数"),
            self.tr("过渡费按几个月计算："),
            current.transition_months if current else 18,
            0,
            120,
        )
        if not ok:
            return
        table_id = chosen[0].id

        def previewed(preview: TableChangePreview) -> None:
            if ChangePreviewDialog(preview, self).exec():
                self.runner.run(self, self.tr("正在重新计算…"), computing.change_project_rate_table, db=self.db,
                                project_id=pid, table_id=table_id, transition_months=months,
                                on_done=lambda _r: self.reload(), changes=frozenset({"compensation"}))  # fmt: skip

        # pricing every household of the project with the other table: on the worker thread
        self.runner.run(self, self.tr("正在比较两版标准的金额…"), computing.preview_rate_table_change, db=self.db,
                        project_id=pid, table_id=table_id, transition_months=months, on_done=previewed)  # fmt: skip
