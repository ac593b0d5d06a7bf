"""Selection day (选房现场): the next household in draw order, its entitlement and members, the estate as a live board.

The board is re-read every few seconds (and after every change announced by the runner), so
a flat chosen by a clerk at another desk turns 已选 here too; a choice made from a board that
is out of date is refused by the service (row versions) and the board is re-read.

Signals: ``chosen(int)`` — a household's flats were saved (its id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resettle.errors import ResettleError
from resettle.services.documents import printing as documents
from resettle.services.housing import placement, stock
from resettle.services.housing.records import BoardInfo, FlatInfo, PlacementDetail
from ui.areas import AreaContext
from ui.housing.models import STATUS_COLOURS, BoardModel, QueueModel
from ui.housing.scope import draw_scope_combo
from ui.screen_fit import fit_resize, fit_roomy

REFRESH_MS = 5000
CHANGES = frozenset({"housing", "households"})


class SelectionPage(QDialog):
    """Signals: ``chosen(int)``."""

    chosen = Signal(int)

    def __init__(self, ctx: AreaContext, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent or ctx.parent)
        self.ctx = ctx
        self.project_id = project_id
        self.print_after_choice = True
        self._detail: PlacementDetail | None = None
        self._board: BoardInfo | None = None
        self.setWindowTitle(self.tr("选房现场"))
        self.scope = draw_scope_combo(ctx, project_id)  # whose draw orders the day: the project's or one village's
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.estate = QComboBox()
        self.estate.currentIndexChanged.connect(self.refresh_board)
        self.queue_model = QueueModel(self)
        self.queue = QTableView()
        self.queue.setModel(self.queue_model)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        self.queue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.queue.clicked.connect(lambda index: self.show_household(self.queue_model.row(index.row()).household_id))
        self.household = QLabel()
        self.household.setWordWrap(True)
        self.last_choice = QLabel()  # the previous household's choice stays in sight while the next one is called
        self.last_choice.setWordWrap(True)
        self.last_choice.setStyleSheet("color: #1b5e20")
        self.owners = [QListWidget(), QListWidget()]
        self.board_model = BoardModel(self)
        self.board = QTableView()
        self.board.setModel(self.board_model)
        self.board.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.board.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.board.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.board.selectionModel().selectionChanged.connect(self._limit_selection)
        self.counts = QLabel()
        self.counts.setWordWrap(True)  # the counts never widen the page past a small screen
        self.btn_choose = QPushButton(self.tr("确认选房并打印确认书"))
        self.btn_choose.clicked.connect(self.choose)
        self.btn_skip = QPushButton(self.tr("过号"))
        self.btn_skip.clicked.connect(self.skip)
        self.btn_cash = QPushButton(self.tr("改为货币安置"))
        self.btn_cash.clicked.connect(self.cash)
        self.btn_cancel = QPushButton(self.tr("撤销选房…"))
        self.btn_cancel.clicked.connect(self.cancel_choice)
        self.btn_refresh = QPushButton(self.tr("刷新"))
        self.btn_refresh.clicked.connect(self.refresh)
        self.detail = None  # the household buttons wait for a called household
        self._spread = False
        self._layout()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        ctx.runner.changed.connect(self._changed)
        self._listening = True
        self._load_estates()
        self.refresh()
        fit_roomy(self, 1280, 800)

    def _layout(self) -> None:
        left = self._left = QWidget()
        lv = self._left_layout = QVBoxLayout(left)
        lv.addWidget(QLabel(self.tr("抽签顺序")))
        lv.addWidget(self.scope)
        lv.addWidget(self.queue)
        middle = self._desk = QWidget()
        mv = QVBoxLayout(middle)
        mv.addWidget(self.last_choice)
        mv.addWidget(self.household)
        mv.addWidget(QLabel(self.tr("第一套房的产权人")))
        mv.addWidget(self.owners[0])
        mv.addWidget(QLabel(self.tr("第二套房的产权人")))
        mv.addWidget(self.owners[1])
        for b in (self.btn_choose, self.btn_skip, self.btn_cash, self.btn_cancel, self.btn_refresh):
            mv.addWidget(b)
        right = QWidget()
        rv = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("安置小区")))
        top.addWidget(self.estate, 1)
        top.addWidget(self.counts, 2)
        rv.addLayout(top)
        legend = QHBoxLayout()
        for status, colour in STATUS_COLOURS.items():
            tag = QLabel(self.tr(status))
            tag.setStyleSheet(f"background-color: {colour.name()}; padding: 2px 8px;")
            legend.addWidget(tag)
        legend.addStretch(1)
        rv.addLayout(legend)
        rv.addWidget(self.board, 1)
        split = self._split = QSplitter()
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 0)
        split.setStretchFactor(2, 1)
        split.setSizes([300, 260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # -- reading -------------------------------------------------------------------------------

    def _warn(self, exc: ResettleError) -> None:
        QMessageBox.warning(self, self.windowTitle(), exc.message)

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self.ctx.database(), self.project_id, *args, **kwargs)
        except ResettleError as exc:
            self._warn(exc)
            return None

    def _load_estates(self) -> None:
        estates = self._call(stock.list_estates) or []
        self.estate.blockSignals(True)
        self.estate.clear()
        for e in estates:
            self.estate.addItem(e.name, e.id)
        self.estate.blockSignals(False)

    def refresh(self) -> None:
        self.refresh_queue()
        self.refresh_board()
        if self.detail is not None:
            self.show_household(self.detail.household_id)
        else:
            nxt = next((q for q in self.queue_model.rows() if q.state == "待选"), None)  # data, not text
            if nxt is not None:
                self.show_household(nxt.household_id)
            else:
                self._show(None)

    @property
    def detail(self) -> PlacementDetail | None:
        """The household called to the desk (None: nobody; its buttons are off and say why)."""
        return self._detail

    @detail.setter
    def detail(self, value: PlacementDetail | None) -> None:
        self._detail = value
        hint = "" if value is not None else self.tr("请先叫号：在左侧的抽签顺序中选一户")
        for button in (self.btn_choose, self.btn_skip, self.btn_cash, self.btn_cancel):
            button.setEnabled(value is not None)
            button.setToolTip(hint)
        if value is not None:  # a household that has chosen is changed by undoing its choice first
            chose = bool(value.flats)
            self.btn_choose.setEnabled(not chose)
            self.btn_choose.setToolTip(self.tr("该户已选房；要改选请先「撤销选房…」") if chose else "")
            self.btn_cancel.setEnabled(chose)
            self.btn_cancel.setToolTip("" if chose else self.tr("该户尚未选房"))

    def village(self) -> int | None:
        data = self.scope.currentData()
        return None if data is None else int(data)

    def _scope_changed(self) -> None:
        self.detail = None
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._spread:  # once: the queue and the desk as wide as they need, the board the rest
            self._spread = True
            left, middle = self._left.minimumWidth(), self._desk.sizeHint().width()
            self._split.setSizes([left, middle, max(self.width() - left - middle, 200)])

    def refresh_queue(self) -> None:
        self.queue_model.set_rows(self._call(placement.queue, self.village()) or [])
        self._fit_queue()

    def _fit_queue(self) -> None:
        """The queue pane is as wide as its columns (户主 and 状态 are never cut on a small screen)."""
        header = self.queue.horizontalHeader()
        columns = sum(header.sectionSize(i) for i in range(header.count()))
        frame = 2 * self.queue.frameWidth() + self.queue.verticalScrollBar().sizeHint().width()
        margins = self._left_layout.contentsMargins()
        self._left.setMinimumWidth(min(columns + frame + margins.left() + margins.right(), 420))

    def refresh_board(self) -> None:
        estate_id = self.estate.currentData()
        if estate_id is None:
            self.board_model.set_flats([])
            self.counts.setText(self.tr("本项目还没有房源"))
            return
        board = self._call(stock.board, int(estate_id))
        if board is not None:
            self._apply_board(board)

    def _apply_board(self, board: BoardInfo) -> None:
        """Show a freshly read board, keeping the clerk's picks that are still available."""
        if board.estate.id != self.estate.currentData():
            return  # the clerk switched estates while it was read
        keep = {f.id for f in self.selected_flats()}
        self._board = board
        self.board_model.set_flats(board.flats)
        for fid in keep:
            index = self.board_model.index_of(fid)
            f = self.board_model.flat_at(index.row(), index.column()) if index.isValid() else None
            if f is not None and f.status == "可选":  # data, not text
                self.board.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
        counts = board.counts()
        parts = [f"{self.tr(k)} {counts.get(k, 0)}" for k in STATUS_COLOURS]
        self.counts.setText(self.tr("共 {0} 套：").format(len(board.flats)) + "，".join(parts))

    def _tick(self) -> None:
        """The live board: re-read off the GUI thread (another desk may have chosen meanwhile)."""
        estate_id = self.estate.currentData()
        if self.ctx.runner.busy() or not self.isVisible() or estate_id is None:
            return
        self.refresh_queue()
        self.ctx.runner.run(
            self,
            "",
            stock.board,
            with_progress=False,
            db=self.ctx.database(),
            project_id=self.project_id,
            estate_id=int(estate_id),
            on_done=self._apply_board,
            on_failed=lambda exc: isinstance(exc, ResettleError),  # the next tick tries again
        )

    def _changed(self, topics: object) -> None:
        if isinstance(topics, frozenset) and topics & CHANGES:
            self.refresh()

    def show_household(self, household_id: int) -> None:
        self._show(self._call(placement.placement_detail, household_id))

    def _show(self, detail: PlacementDetail | None) -> None:
        self.detail = detail
        for w in self.owners:
            w.clear()
        if detail is None:
            self.household.setText(self.tr("没有待选房的户（或尚未抽签）。"))
            return
        entitled = f"{detail.entitled_m2} ㎡" if detail.entitled_m2 is not None else self.tr("（未发布安置标准）")
        flats = self.tr("、").join(f.name for f in detail.flats) or self.tr("未选")
        lines = [
            self.tr("顺序号 {0}　户号 {1}　户主 {2}").format(
                detail.position or "—", detail.household_no, detail.head_name
            ),
            self.tr("{0}{1}　安置方式：{2}").format(detail.village, detail.group, detail.mode),
            self.tr("安置人口 {0} 人，应安置面积 {1}").format(detail.persons, entitled),
            self.tr("已选：{0}").format(flats),
        ]
        self.household.setText("\n".join(lines))
        for w in self.owners:
            for m in detail.members:
                item = QListWidgetItem(f"{m.name}（{m.relation}）")
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                is_head = m.relation == "户主"  # data, not text
                item.setCheckState(Qt.CheckState.Checked if is_head else Qt.CheckState.Unchecked)
                w.addItem(item)

    def selected_flats(self) -> list[FlatInfo]:
        out = []
        for index in self.board.selectionModel().selectedIndexes():
            f = self.board_model.flat_at(index.row(), index.column())
            if f is not None:
                out.append(f)
        return out

    def _limit_selection(self, *_args: object) -> None:
        """At most two flats, and only available ones."""
        selection = self.board.selectionModel()
        picked = selection.selectedIndexes()
        for index in picked:
            f = self.board_model.flat_at(index.row(), index.column())
            if f is None or f.status != "可选":  # data, not text
                selection.select(index, QItemSelectionModel.SelectionFlag.Deselect)
        picked = selection.selectedIndexes()
        for index in picked[2:]:
            selection.select(index, QItemSelectionModel.SelectionFlag.Deselect)
        self.board_model.set_highlight({f.id for f in self.selected_flats()})

    def _owner_ids(self, slot: int) -> list[int]:
        w = self.owners[slot]
        return [
            int(w.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(w.count())
            if w.item(i).checkState() == Qt.CheckState.Checked
        ]

    # -- actions -------------------------------------------------------------------------------

    def choose(self) -> None:
        if self.detail is None:
            return
        flats = self.selected_flats()
        if not 1 <= len(flats) <= 2:
            QMessageBox.information(self, self.windowTitle(), self.tr("请在房源图上选一套或两套可选的房。"))
            return
        household_id = self.detail.household_id
        self.ctx.runner.run(
            self,
            self.tr("正在保存选房…"),
            placement.choose_flats,
            db=self.ctx.database(),
            project_id=self.project_id,
            household_id=household_id,
            flat_ids=[f.id for f in flats],
            owners=[self._owner_ids(i) for i in range(len(flats))],
            expected_versions={f.id: f.row_version for f in flats},
            on_done=lambda result: self._saved(household_id, result),
            on_failed=self._failed,
            changes=CHANGES,
        )

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ResettleError):
            self._warn(exc)
            self.board.clearSelection()
            self.refresh_board()
            return True
        return False

    def _saved(self, household_id: int, result: Any) -> None:
        self.board.clearSelection()
        self.chosen.emit(household_id)
        note = self.tr("（先于抽签顺序选房，已记录）") if result.ahead_of_order else ""
        self.detail = None
        done = self.tr("{0} 已选定 {1}{2}").format(result.household_no, self.tr("、").join(result.flats), note)
        self.household.setText(done)
        self.last_choice.setText(self.tr("✓ 上一户：") + done)  # the refresh that calls the next keeps this
        if self.print_after_choice:
            self.print_confirmation(household_id)

    def print_confirmation(self, household_id: int) -> None:
        """安置房分配确认书 at once: preview and print."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from resettle.documents.render import paint

        def show(run: documents.PrintRun) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintPreviewDialog(printer, self)
            dialog.setWindowTitle(self.tr("安置房分配确认书"))
            dialog.paintRequested.connect(lambda device: paint(run.documents, device, run.fonts))
            fit_resize(dialog, 1000, 800)
            if dialog.exec() == QDialog.DialogCode.Accepted:  # printed (the preview's print button accepts)
                self.record_printed([d.document_id for d in run.documents if d.document_id])

        self.ctx.runner.run(
            self,
            self.tr("正在准备分配确认书…"),
            documents.prepare_documents,
            db=self.ctx.database(),
            kind="allocation",
            household_ids=[household_id],
            on_done=show,
        )

    def record_printed(self, document_ids: list[int]) -> None:
        """The confirmation went to the printer: the register counts the print (verification shows it)."""
        if document_ids:
            self.ctx.runner.run(self, self.tr("正在登记打印…"), documents.record_printed, db=self.ctx.database(),
                                document_ids=document_ids, with_progress=False)  # fmt: skip

    def skip(self) -> None:
        if self.detail is None:
            return
        try:
            placement.skip_household(self.ctx.database(), self.project_id, self.detail.household_id)
        except ResettleError as exc:
            self._warn(exc)
            return
        self.detail = None
        self.ctx.runner.announce(*CHANGES)

    def cancel_choice(self) -> None:
        """Undo the called household's selection (a reason is required): its flats become 可选 again."""
        detail = self.detail
        if detail is None or not detail.flats:
            return
        flats = self.tr("、").join(f.name for f in detail.flats)
        reason, ok = QInputDialog.getText(
            self,
            self.windowTitle(),
            self.tr("撤销 {0} 的选房（{1} 恢复可选）。原因：").format(detail.household_no, flats),
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("撤销选房必须写明原因，未撤销。"))
            return
        try:
            placement.cancel_choice(self.ctx.database(), self.project_id, detail.household_id, reason.strip())
        except ResettleError as exc:
            self._warn(exc)
            return
        self.last_choice.setText(self.tr("已撤销 {0} 的选房：{1} 恢复可选").format(detail.household_no, flats))
        self.ctx.runner.announce(*CHANGES)
        self.show_household(detail.household_id)

    def cash(self) -> None:
        if self.detail is None:
            return
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("{0} 改为货币安置，不再选房？").format(self.detail.household_no)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._call(placement.choose_cash, self.detail.household_id) is not None:
            self.detail = None
            self.ctx.runner.announce(*CHANGES)

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        if self._listening:
            self._listening = False
            self.ctx.runner.changed.disconnect(self._changed)
        super().closeEvent(event)
