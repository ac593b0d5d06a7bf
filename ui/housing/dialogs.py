"""Dialogs of the 安置 menu: stock, standard, lottery, settlement and 模拟安置, transition fees, handover."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resettle.errors import ResettleError
from resettle.services.documents import printing as documents
from resettle.services.housing import placement, settlement, stock
from resettle.services.housing.documents import simulation_document
from resettle.services.housing.records import DrawInfo, QueueEntry
from ui.area_dialog import AreaDialog
from ui.areas import AreaContext
from ui.dates import date_edit, edited_date
from ui.forms import add_buttons, add_close, ok_cancel
from ui.housing.models import (
    FlatsModel,
    QueueModel,
    SettlementModel,
    SimulationModel,
    StandardsModel,
    yuan,
)
from ui.housing.scope import draw_scope_combo
from ui.models.rows import RowsModel
from ui.screen_fit import fit_resize, fit_roomy
from ui.tables import rows_view

CHANGES = frozenset({"housing", "households"})


def table_of(model: RowsModel[Any]) -> QTableView:
    return rows_view(model, single=True, fit=True)


class HousingDialog(AreaDialog):
    """Common parts: the context, the project, a warning on refusals, the runner for long work."""

    CHANGES = CHANGES

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self.ctx.database(), self.project_id, *args, **kwargs)
        except ResettleError as exc:
            self.refused(exc)
            return None

    def open_file(self, caption: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self, caption, "", self.tr("工作簿 (*.xlsx *.xls *.ods *.csv)"))
        return Path(name) if name else None

    def save_file(self, caption: str, suggested: str, pattern: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self, caption, str(Path.home() / suggested), pattern)
        return Path(name) if name else None

    def info(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)


class StockDialog(HousingDialog):
    """安置小区与房源: import/export the stock list, freeze/unfreeze, promised handover date."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("StockDialog", "房源"))
        self.setWindowTitle(self.tr("安置小区与房源"))
        self.estate = QComboBox()
        self.estate.currentIndexChanged.connect(self._load_flats)
        self.promised = QLabel()
        self.model = FlatsModel(self)
        self.view = table_of(self.model)
        buttons = QHBoxLayout()
        add_buttons(
            buttons,
            (
                (self.tr("导入房源表…"), self.import_stock),
                (self.tr("导出房源表…"), self.export_stock),
                (self.tr("冻结…"), self.freeze),
                (self.tr("解冻…"), self.unfreeze),
                (self.tr("承诺交房日期…"), self.promise),
            ),
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("安置小区")))
        top.addWidget(self.estate, 1)
        top.addWidget(self.promised, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_roomy(self, 1000, 640)
        self.refresh()

    def refresh(self) -> None:
        current = self.estate.currentData()
        estates = self.call(stock.list_estates) or []
        self.estate.blockSignals(True)
        self.estate.clear()
        for e in estates:
            self.estate.addItem(self.tr("{0}（{1} 套）").format(e.name, e.flats), e.id)
        at = self.estate.findData(current)
        self.estate.setCurrentIndex(at if at >= 0 else 0)
        self.estate.blockSignals(False)
        self._estates = {e.id: e for e in estates}
        self._load_flats()

    def _load_flats(self) -> None:
        estate_id = self.estate.currentData()
        if estate_id is None:
            self.model.set_rows([])
            self.promised.setText(self.tr("还没有房源：请导入开发商的房源表（工作表「房源」）。"))
            return
        board = self.call(stock.board, int(estate_id))
        self.model.set_rows(board.flats if board else [])
        e = self._estates.get(int(estate_id))
        day = e.promised_handover_on.isoformat() if e and e.promised_handover_on else self.tr("未设定")
        self.promised.setText(self.tr("承诺交房日期：{0}").format(day))

    def selected(self) -> Any:
        """The flat chosen in the list; none chosen: says so (a button that did nothing left the clerk guessing)."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.info(self.tr("请先在列表中选一套房。"))
            return None
        return self.model.row(rows[0].row())

    def import_stock(self) -> None:
        path = self.open_file(self.tr("导入房源表"))
        if path is not None:
            self.run(
                self.tr("正在导入房源…"),
                stock.import_stock,
                lambda r: self.info(
                    self.tr("已导入：新增 {0} 套，更新 {1} 套，其中冻结 {2} 套").format(r.added, r.updated, r.frozen)
                ),
                path=path,
            )

    def export_stock(self) -> None:
        path = self.save_file(self.tr("导出房源表"), self.tr("房源.xlsx"), self.tr("工作簿 (*.xlsx)"))
        if path is not None:
            self.run(
                self.tr("正在导出房源…"),
                stock.export_stock,
                lambda n: self.info(self.tr("已导出 {0} 套").format(n)),
                out=path,
            )

    def freeze(self) -> None:
        f = self.selected()
        if f is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("冻结房源"), self.tr("冻结 {0} 的原因：").format(f.name))
        if ok and self.call(stock.freeze_flat, f.id, reason, expected_version=f.row_version) is not None:
            self.ctx.runner.announce(*CHANGES)

    def unfreeze(self) -> None:
        f = self.selected()
        if f is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("解冻房源"), self.tr("解冻 {0} 的原因：").format(f.name))
        if ok and self.call(stock.unfreeze_flat, f.id, reason, expected_version=f.row_version) is not None:
            self.ctx.runner.announce(*CHANGES)

    def promise(self) -> None:
        estate_id = self.estate.currentData()
        if estate_id is None:
            self.info(self.tr("本项目还没有安置小区：请先导入房源表。"))
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("承诺交房日期"))
        edit = date_edit(getattr(self._estates.get(int(estate_id)), "promised_handover_on", None))
        edit.setCalendarPopup(True)
        box = ok_cancel(dialog)
        form = QFormLayout(dialog)
        form.addRow(self.tr("承诺交房日期"), edit)
        form.addRow(box)
        if dialog.exec() and self.call(stock.set_promised_handover, int(estate_id), edited_date(edit)) is not None:
            self.ctx.runner.announce(*CHANGES)


class StandardDialog(HousingDialog):
    """安置标准: versions; import a new one (a draft), publish it."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("StandardDialog", "安置标准"))
        self.setWindowTitle(self.tr("安置标准"))
        self.model = StandardsModel(self)
        self.view = table_of(self.model)
        buttons = QHBoxLayout()
        add_buttons(
            buttons, ((self.tr("导入安置标准…"), self.import_standard), (self.tr("发布所选版本"), self.publish))
        )
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("结算和过渡费按最新发布的版本计算；已发布的版本不能修改。")))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(1100, 360)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.call(stock.list_standards) or [])

    def import_standard(self) -> None:
        path = self.open_file(self.tr("导入安置标准"))
        if path is not None:
            self.run(self.tr("正在导入安置标准…"), stock.import_standard, lambda _r: None, path=path)

    def publish(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.info(self.tr("请先在列表中选要发布的版本（还没有版本时，先导入安置标准）。"))
            return
        info = self.model.row(rows[0].row())
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("发布第 {0} 版？发布后不能修改。").format(info.revision)
        )
        if answer == QMessageBox.StandardButton.Yes and self.call(stock.publish_standard, info.id) is not None:
            self.ctx.runner.announce(*CHANGES)


class LotteryDialog(HousingDialog):
    """抽签: type the publicly drawn seed, draw once, verify, print the record."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("LotteryDialog", "抽签"))
        self.setWindowTitle(self.tr("抽签"))
        self.scope = draw_scope_combo(ctx, project_id)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("现场公开产生的种子，如 公证员摇出的号码"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = QueueModel(self)
        self.view = table_of(self.model)
        buttons = QHBoxLayout()
        add_buttons(
            buttons,
            (
                (self.tr("抽签"), self.draw),
                (self.tr("重新抽签…"), self.redraw),
                (self.tr("核验"), self.verify),
                (self.tr("打印抽签记录…"), self.print_record),
            ),
        )
        form = QFormLayout()
        form.addRow(self.tr("范围"), self.scope)
        form.addRow(self.tr("种子"), self.seed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        fit_resize(self, 640, 700)
        self.refresh()

    def village(self) -> int | None:
        data = self.scope.currentData()
        return None if data is None else int(data)

    def refresh(self) -> None:
        info: DrawInfo | None = self.call(placement.current_draw, self.village())
        if info is None:
            self.summary.setText(self.tr("本范围尚未抽签。"))
            self.model.set_rows([])
            return
        self.summary.setText(self.tr("种子「{0}」，{1} 户，摘要 {2}").format(info.seed, len(info.order), info.digest))
        states = {q.household_no: q.state for q in self.call(placement.queue, self.village()) or []}
        self.model.set_rows([QueueEntry(p, 0, no, head, states.get(no, "")) for p, no, head in info.order])

    def draw(self, redraw_reason: str | None = None) -> None:
        seed = self.seed.text().strip()
        if not seed:
            self.info(self.tr("请先输入现场公开产生的种子。"))
            return
        if self.call(placement.draw_lottery, seed, self.village(), redraw_reason=redraw_reason) is not None:
            self.ctx.runner.announce(*CHANGES)
            self.refresh()

    def redraw(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("重新抽签"), self.tr("重新抽签的原因（原记录保留）："))
        if ok and reason.strip():
            self.draw(redraw_reason=reason)

    def verify(self) -> None:
        seed = self.seed.text().strip()
        result = self.call(placement.verify_lottery, seed, self.village())
        if result is not None:
            self.info(result.message)

    def print_record(self) -> None:
        path = self.save_file(self.tr("打印抽签记录"), self.tr("抽签记录.pdf"), self.tr("PDF (*.pdf)"))
        if path is not None:
            self.ctx.runner.run(
                self,
                self.tr("正在打印抽签记录…"),
                documents.export_pdf,
                db=self.ctx.database(),
                kind="lottery",
                out=path,
                project_id=self.project_id,
                village_id=self.village(),
                on_done=lambda r: self.info(r.message),
            )


class SettlementDialog(HousingDialog):
    """差价结算 of the project, and 模拟安置 for one household before it chooses."""

    def __init__(self, ctx: AreaContext, project_id: int) -> None:
        super().__init__(ctx, project_id, QCoreApplication.translate("SettlementDialog", "差价结算"))
        self.setWindowTitle(self.tr("差价结算与模拟安置"))
        self.model = SettlementModel(self)
        self.view = table_of(self.model)
        self.total = QLabel()
        b_sim = QPushButton(self.tr("模拟安置（所选户）…"))
        b_sim.clicked.connect(self.simulate_selected)
        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        row.addWidget(b_sim)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        fit_roomy(self, 1200, 600)
        self.refresh()

    def refresh(self) -> None:
        report = self.call(settlement.settle)
        self.model.set_rows(report.households if report else [])
        if report is not None:
            self.total.setText(
                self.tr("{0} 户，应缴差价合计 {1} 元").format(len(report.households), yuan(report.total_net))
            )

    def simulate_selected(self) -> None:
        ids = self.ctx.current_households()
        if not ids:
            self.info(self.tr("请先在户表中选择一户。"))
            return
        self.simulate(ids[0])

    def simulate(self, household_id: int) -> SimulationDialog | None:
        sim = self.call(settlement.simulate, household_id)
        if sim is None:
            return None
        dialog = SimulationDialog(sim, self)
        dialog.sig_print.connect(lambda: self.print_simulation(household_id))
        dialog.show()
        return dialog

    def print_simulation(self, household_id: int) -> None:
        """The 模拟安置测算表 in print preview (a draft: never numbered)."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from resettle.documents.render import paint

        run = self.call(simulation_document, household_id)
        if run is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("模拟安置测算表"))
        preview.paintRequested.connect(lambda device: paint(run.documents, device, run.fonts))
        fit_resize(preview, 1000, 800)
        preview.exec()


class SimulationDialog(QDialog):
    """模拟安置: cash beside each available 户型 (one flat or two), side by side.

    Signals: ``sig_print()`` — the clerk asked for the printed 测算表."""

    sig_print = Signal()

    def __init__(self, sim: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        d = sim.detail
        self.setWindowTitle(self.tr("模拟安置 — {0} {1}").format(d.household_no, d.head_name))
        self.model = SimulationModel(self)
        self.model.set_rows(sim.options)
        view = table_of(self.model)
        head = QLabel(
            self.tr("安置人口 {0} 人，应安置面积 {1} ㎡，补偿款合计 {2} 元").format(
                d.persons, d.entitled_m2, yuan(d.compensation_total)
            )
        )
        cash_note = QLabel(
            self.tr("货币安置一行只含本户补偿款；本项目若对货币安置另有补助，须在补偿标准中设为一项，才计入这里。")
        )
        cash_note.setWordWrap(True)
        cash_note.setStyleSheet("color: #555")
        b_print = QPushButton(self.tr("打印测算表…"))
        b_print.clicked.connect(self.sig_print.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(b_print)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(view, 1)
        layout.addWidget(cash_note)
        layout.addLayout(row)
        add_close(self)
        fit_roomy(self, 900, 600)
