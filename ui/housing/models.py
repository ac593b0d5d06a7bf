"""Table models of the placement screens: flats, the draw order, settlements, standards, and the estate board.

Every model holds frozen dataclasses handed to it by the page; nothing here touches the
database (``data()`` only reads what it holds).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from resettle.domain.money import format_yuan, to_fen
from resettle.services.housing.records import (
    FlatInfo,
    HouseholdSettlement,
    QueueEntry,
    SimulationOption,
    StandardInfo,
    TransitionRow,
)
from ui.i18n import QT_TRANSLATE_NOOP, status_label
from ui.models.rows import ROW_ROLE, FlaggedRowsModel, Index

CENTER = int(Qt.AlignmentFlag.AlignCenter)

STATUS_COLOURS = {
    "可选": QColor("#c8e6c9"),  # data, not text
    "冻结": QColor("#cfd8dc"),  # data, not text
    "已选": QColor("#ffcc80"),  # data, not text
    "已交付": QColor("#90caf9"),  # data, not text
}


def yuan(value: Decimal | None) -> str:
    return "" if value is None else format_yuan(to_fen(value))


def area(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


class FlatsModel(FlaggedRowsModel[FlatInfo]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("FlatsModel", "小区"), lambda f: f.estate, False),
        (QT_TRANSLATE_NOOP("FlatsModel", "房号"), lambda f: f.name, False),
        (QT_TRANSLATE_NOOP("FlatsModel", "层"), lambda f: f.floor, True),
        (QT_TRANSLATE_NOOP("FlatsModel", "户型"), lambda f: f.layout, False),
        (QT_TRANSLATE_NOOP("FlatsModel", "建筑面积(㎡)"), lambda f: area(f.area_m2), True),
        (QT_TRANSLATE_NOOP("FlatsModel", "状态"), lambda f: status_label(f.status), False),
        (QT_TRANSLATE_NOOP("FlatsModel", "户号"), lambda f: f.household_no, False),
        (QT_TRANSLATE_NOOP("FlatsModel", "冻结原因"), lambda f: f.frozen_reason, False),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == 5:
            return QBrush(STATUS_COLOURS.get(self._rows[index.row()].status, QColor("white")))
        return super().data(index, role)


class QueueModel(FlaggedRowsModel[QueueEntry]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("QueueModel", "顺序"), lambda q: q.position, True),
        (QT_TRANSLATE_NOOP("QueueModel", "户号"), lambda q: q.household_no, False),
        (QT_TRANSLATE_NOOP("QueueModel", "户主"), lambda q: q.head_name, False),
        (QT_TRANSLATE_NOOP("QueueModel", "状态"), lambda q: status_label(q.state), False),
    )


class StandardsModel(FlaggedRowsModel[StandardInfo]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("StandardsModel", "版本"), lambda s: s.revision, True),
        (QT_TRANSLATE_NOOP("StandardsModel", "状态"), lambda s: status_label(s.status), False),
        (QT_TRANSLATE_NOOP("StandardsModel", "人均(㎡)"), lambda s: s.standard.area_per_person, True),
        (QT_TRANSLATE_NOOP("StandardsModel", "每户最低(㎡)"), lambda s: s.standard.minimum_area or "", True),
        (QT_TRANSLATE_NOOP("StandardsModel", "安置价"), lambda s: yuan(s.standard.price_within), True),
        (
            QT_TRANSLATE_NOOP("StandardsModel", "超出分档(㎡)"),
            lambda s: ";".join(str(w) for w in s.standard.band_widths),
            False,
        ),
        (
            QT_TRANSLATE_NOOP("StandardsModel", "超出单价"),
            lambda s: ";".join(yuan(p) for p in s.standard.band_prices),
            False,
        ),
        (QT_TRANSLATE_NOOP("StandardsModel", "退还单价"), lambda s: yuan(s.standard.refund_price), True),
        (QT_TRANSLATE_NOOP("StandardsModel", "过渡费(元/人·月)"), lambda s: yuan(s.standard.transition_rate), True),
        (QT_TRANSLATE_NOOP("StandardsModel", "逾期倍数"), lambda s: s.standard.overdue_multiplier.normalize(), True),
        (QT_TRANSLATE_NOOP("StandardsModel", "装修期(月)"), lambda s: s.standard.fitout_months, True),
        (QT_TRANSLATE_NOOP("StandardsModel", "来源"), lambda s: s.source_file, False),
    )


class SettlementModel(FlaggedRowsModel[HouseholdSettlement]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("SettlementModel", "户号"), lambda h: h.household_no, False),
        (QT_TRANSLATE_NOOP("SettlementModel", "户主"), lambda h: h.head_name, False),
        (QT_TRANSLATE_NOOP("SettlementModel", "房号"), lambda h: "、".join(h.flats), False),
        (QT_TRANSLATE_NOOP("SettlementModel", "应安置(㎡)"), lambda h: area(h.settlement.entitled_m2), True),
        (QT_TRANSLATE_NOOP("SettlementModel", "选房(㎡)"), lambda h: area(h.settlement.chosen_m2), True),
        (QT_TRANSLATE_NOOP("SettlementModel", "房价(元)"), lambda h: yuan(h.settlement.flat_price), True),
        (QT_TRANSLATE_NOOP("SettlementModel", "退还(元)"), lambda h: yuan(h.settlement.refund), True),
        (QT_TRANSLATE_NOOP("SettlementModel", "应缴差价(元)"), lambda h: yuan(h.settlement.net), True),
        (QT_TRANSLATE_NOOP("SettlementModel", "补偿款(元)"), lambda h: yuan(h.settlement.compensation_total), True),
        (QT_TRANSLATE_NOOP("SettlementModel", "结算后应得(元)"), lambda h: yuan(h.settlement.balance), True),
        (
            QT_TRANSLATE_NOOP("SettlementModel", "明细"),
            lambda h: "；".join(f"{ln.label} {ln.formula}" for ln in h.settlement.lines),
            False,
        ),
    )


class SimulationModel(FlaggedRowsModel[SimulationOption]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("SimulationModel", "方案"), lambda o: o.label, False),
        (QT_TRANSLATE_NOOP("SimulationModel", "户型"), lambda o: " + ".join(o.flats) or "—", False),
        (QT_TRANSLATE_NOOP("SimulationModel", "面积(㎡)"), lambda o: area(o.area_m2) if o.settlement else "", True),
        (
            QT_TRANSLATE_NOOP("SimulationModel", "房价(元)"),
            lambda o: yuan(o.settlement.flat_price) if o.settlement else "",
            True,
        ),
        (
            QT_TRANSLATE_NOOP("SimulationModel", "退还(元)"),
            lambda o: yuan(o.settlement.refund) if o.settlement else "",
            True,
        ),
        (
            QT_TRANSLATE_NOOP("SimulationModel", "应缴差价(元)"),
            lambda o: yuan(o.settlement.net) if o.settlement else "",
            True,
        ),
        (QT_TRANSLATE_NOOP("SimulationModel", "结算后应得(元)"), lambda o: yuan(o.balance), True),
    )


class TransitionModel(FlaggedRowsModel[TransitionRow]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("TransitionModel", "户号"), lambda r: r.household_no, False),
        (QT_TRANSLATE_NOOP("TransitionModel", "户主"), lambda r: r.head_name, False),
        (QT_TRANSLATE_NOOP("TransitionModel", "安置人口"), lambda r: r.persons, True),
        (QT_TRANSLATE_NOOP("TransitionModel", "搬迁日期"), lambda r: r.moved_out_on, False),
        (QT_TRANSLATE_NOOP("TransitionModel", "交房日期"), lambda r: r.handed_over_on or "", False),
        (QT_TRANSLATE_NOOP("TransitionModel", "本期月数"), lambda r: r.months, True),
        (QT_TRANSLATE_NOOP("TransitionModel", "本期金额(元)"), lambda r: yuan(r.amount), True),
        (QT_TRANSLATE_NOOP("TransitionModel", "计算式（截至期末累计）"), lambda r: r.fee.formula, False),
    )


class BoardModel(QAbstractTableModel):
    """The estate as a grid: one row per floor (top floor first), one column per building-unit-room position.

    Cells are coloured by status; ``ROW_ROLE`` gives the flat of a cell (None where there is none)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._floors: list[int] = []
        self._columns: list[tuple[str, str, str]] = []  # (building, unit, room position)
        self._cells: dict[tuple[int, int], FlatInfo] = {}
        self._highlight: set[int] = set()

    @staticmethod
    def _position(f: FlatInfo) -> str:
        room = f.room
        floor = str(f.floor)
        return room[len(floor) :] if room.startswith(floor) and len(room) > len(floor) else room

    def set_flats(self, flats: Sequence[FlatInfo]) -> None:
        self.beginResetModel()

        def natural(text: str) -> tuple[int, str]:
            digits = "".join(ch for ch in text if ch.isdigit())
            return (int(digits) if digits else 0, text)

        columns = sorted(
            {(f.building, f.unit, self._position(f)) for f in flats},
            key=lambda c: (natural(c[0]), natural(c[1]), natural(c[2])),
        )
        self._columns = columns
        self._floors = sorted({f.floor for f in flats}, reverse=True)
        col_of = {c: i for i, c in enumerate(columns)}
        row_of = {fl: i for i, fl in enumerate(self._floors)}
        self._cells = {(row_of[f.floor], col_of[(f.building, f.unit, self._position(f))]): f for f in flats}
        self.endResetModel()

    def set_highlight(self, flat_ids: set[int]) -> None:
        self._highlight = set(flat_ids)
        if self._floors and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._floors) - 1, len(self._columns) - 1))

    def flat_at(self, row: int, column: int) -> FlatInfo | None:
        return self._cells.get((row, column))

    def index_of(self, flat_id: int) -> QModelIndex:
        for (r, c), f in self._cells.items():
            if f.id == flat_id:
                return self.index(r, c)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._floors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            b, u, pos = self._columns[section]
            return f"{b}\n{u}\n{pos}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._floors):
            return self.tr("{0}层").format(self._floors[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = self._cells.get((index.row(), index.column())) if index.isValid() else None
        if f is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._cells.get((index.row(), index.column()))
        if f is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{f.room}\n{f.area_m2}㎡"
        if role == Qt.ItemDataRole.ToolTipRole:
            who = f"（{f.household_no}）" if f.household_no else ""
            why = f"：{f.frozen_reason}" if f.frozen_reason else ""
            return f"{f.estate} {f.name} {f.layout} {f.area_m2} ㎡ {f.status}{who}{why}"
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = QColor("#fff176") if f.id in self._highlight else STATUS_COLOURS.get(f.status, QColor("white"))
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == ROW_ROLE:
            return f
        return None
