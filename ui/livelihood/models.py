"""Table models of the livelihood area. Each holds the frozen rows a service returned (no database in ``data()``).

``ROW_ROLE`` gives the row object, ``SORT_ROLE`` a sortable value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from resettle.io.livelihood_records import ReconcileRow, VillageFigures
from resettle.services.livelihood.common import PersonFacts
from resettle.services.livelihood.jobs import PostInfo, ReferralView
from resettle.services.livelihood.training import CourseInfo, EnrolmentView
from resettle.services.livelihood.visits import DueVisit

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ATTENTION = QColor("#f8d0d0")
GOOD = QColor("#dff0d8")
Getter = Callable[[Any], Any]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, tuple):
        return "；".join(str(v) for v in value)
    return str(value)


class RowsModel(QAbstractTableModel):
    """Frozen rows, one column per (header, getter); ``background(row)`` may colour a row."""

    COLUMNS: tuple[tuple[str, Getter], ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS):
                return QCoreApplication.translate("LivelihoodModels", self.COLUMNS[section][0])
            return None
        return section + 1

    def background(self, row: Any) -> QColor | None:
        return None

    def tooltip(self, row: Any) -> str:
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        getter = self.COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(getter(row))
        if role == SORT_ROLE:
            value = getter(row)
            return value if isinstance(value, int | str) else _text(value)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row) or None
        return None


class VillageFiguresModel(RowsModel):
    COLUMNS = (
        ("村", lambda v: v.village),
        ("调查户数", lambda v: v.figures.households),
        ("已计算", lambda v: v.figures.computed),
        ("已复核", lambda v: v.figures.reviewed),
        ("已签约", lambda v: v.figures.signed),
        ("已兑付", lambda v: v.figures.paid),
        ("已选房", lambda v: v.figures.flats_chosen),
        ("已交房", lambda v: v.figures.handed_over),
        ("劳动年龄失地人员", lambda v: v.figures.working_age),
        ("已就业", lambda v: v.figures.employed),
        ("就业率(%)", lambda v: f"{v.figures.employment_rate}"),
        ("培训结业", lambda v: v.figures.trained),
        ("取得证书", lambda v: v.figures.certified),
        ("园区录用", lambda v: v.figures.placed),
        ("社保参保", lambda v: v.figures.ss_total),
    )

    def set_villages(self, rows: Sequence[VillageFigures]) -> None:
        self.set_rows(rows)


class PeopleModel(RowsModel):
    COLUMNS = (
        ("姓名", lambda p: p.name),
        ("身份证号码", lambda p: p.id_number),
        ("性别", lambda p: p.sex),
        ("年龄", lambda p: p.age),
        ("劳动力类别", lambda p: p.category),
        ("就业状态", lambda p: p.state or "未登记"),
        ("单位", lambda p: p.employer),
        ("岗位", lambda p: p.post),
        ("开始日期", lambda p: p.start_date),
        ("月收入(元)", lambda p: p.monthly_income),
        ("村", lambda p: p.village),
        ("户号", lambda p: p.household_no),
    )

    def background(self, row: PersonFacts) -> QColor | None:
        if row.working_age and row.state in ("", "未就业·求职"):
            return ATTENTION
        return None


class PostsModel(RowsModel):
    COLUMNS = (
        ("企业", lambda p: p.enterprise),
        ("岗位", lambda p: p.post),
        ("类别", lambda p: p.kind),
        ("人数", lambda p: p.places),
        ("年龄", lambda p: f"{'' if p.min_age is None else p.min_age}–{'' if p.max_age is None else p.max_age}"),
        ("性别要求", lambda p: p.sex or "不限"),
        ("证书要求", lambda p: p.certificate),
        ("月薪(元)", lambda p: p.wage),
        ("推荐中", lambda p: p.referred),
        ("已录用", lambda p: p.hired),
    )

    def background(self, row: PostInfo) -> QColor | None:
        return GOOD if row.hired >= row.places > 0 else None


class ReferralsModel(RowsModel):
    COLUMNS = (
        ("企业", lambda r: r.enterprise),
        ("岗位", lambda r: r.post),
        ("姓名", lambda r: r.name),
        ("身份证号码", lambda r: r.id_number),
        ("进度", lambda r: r.status),
        ("推荐日期", lambda r: r.referred_on),
        ("结果日期", lambda r: r.decided_on),
        ("推荐理由", lambda r: r.reasons),
    )

    def background(self, row: ReferralView) -> QColor | None:
        return GOOD if row.status == "录用" else None

    def tooltip(self, row: ReferralView) -> str:
        return "\n".join(row.reasons)


class CoursesModel(RowsModel):
    COLUMNS = (
        ("课程", lambda c: c.name),
        ("类别", lambda c: c.kind),
        ("培训机构", lambda c: c.provider),
        ("开始日期", lambda c: c.start_date),
        ("结束日期", lambda c: c.end_date),
        ("学时", lambda c: c.hours),
        ("报名", lambda c: c.enrolled),
        ("结业", lambda c: c.completed),
        ("取得证书", lambda c: c.certified),
    )

    def course(self, row: int) -> CourseInfo | None:
        found = self.row_at(row)
        return found if isinstance(found, CourseInfo) else None


class EnrolmentsModel(RowsModel):
    COLUMNS = (
        ("姓名", lambda e: e.name),
        ("身份证号码", lambda e: e.id_number),
        ("性别", lambda e: e.sex),
        ("村组", lambda e: f"{e.village}{e.group}"),
        ("户号", lambda e: e.household_no),
        ("出勤学时", lambda e: e.attended_hours),
        ("结业", lambda e: e.completed),
        ("证书名称", lambda e: e.certificate_name),
        ("证书编号", lambda e: e.certificate_no),
    )

    def background(self, row: EnrolmentView) -> QColor | None:
        return GOOD if row.completed else None


class DueVisitsModel(RowsModel):
    COLUMNS = (
        ("姓名", lambda d: d.name),
        ("身份证号码", lambda d: d.id_number),
        ("村", lambda d: d.village),
        ("户号", lambda d: d.household_no),
        ("就业状态", lambda d: d.state or "未登记"),
        ("上次回访", lambda d: d.last_visit or "从未回访"),
        ("应回访日期", lambda d: d.due),
    )

    def background(self, row: DueVisit) -> QColor | None:
        return ATTENTION if row.last_visit is None else None


class ReconcileModel(RowsModel):
    COLUMNS = (
        ("对账结果", lambda r: r.label),
        ("身份证号码", lambda r: r.id_number),
        ("姓名（本办）", lambda r: r.name),
        ("姓名（回执）", lambda r: r.reply_name),
        ("年龄段（本办）", lambda r: r.band),
        ("年龄段（回执）", lambda r: r.reply_band),
        ("审核结果", lambda r: r.result),
        ("备注（回执）", lambda r: r.reason),
        ("村", lambda r: r.village),
        ("户号", lambda r: r.household_no),
    )

    def background(self, row: ReconcileRow) -> QColor | None:
        return None if row.outcome == "matched" else ATTENTION
