"""Table models of the livelihood area. Each holds the frozen rows a service returned (no database in ``data()``).

``ROW_ROLE`` gives the row object, ``SORT_ROLE`` a sortable value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from resettle.domain.labour import AVAILABLE_FOR_WORK
from resettle.io.livelihood_records import ReconcileRow, VillageFigures
from resettle.services.livelihood.common import PersonFacts
from resettle.services.livelihood.jobs import PostInfo, ReferralView
from resettle.services.livelihood.training import CourseInfo, EnrolmentView
from resettle.services.livelihood.visits import DueVisit
from ui.i18n import QT_TRANSLATE_NOOP, status_label
from ui.models.rows import ROW_ROLE, SORT_ROLE, NumberedRowsModel

__all__ = ["ROW_ROLE", "SORT_ROLE", "RowsModel"]  # the roles the pages sort and pick rows by
ATTENTION = QColor("#f8d0d0")
GOOD = QColor("#dff0d8")
Getter = Callable[[Any], Any]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("LivelihoodModels", "是")
            if value
            else QCoreApplication.translate("LivelihoodModels", "否")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, tuple):
        return "；".join(str(v) for v in value)
    return str(value)


class RowsModel(NumberedRowsModel[Any]):
    """Frozen rows, one column per (header, getter); ``background(row)`` may colour a row."""

    HEADER_CONTEXT = "LivelihoodModels"

    def display(self, value: Any) -> str:
        return _text(value)

    def sort_key(self, value: Any) -> Any:
        return value if isinstance(value, int | str) else _text(value)


class VillageFiguresModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "村"), lambda v: v.village),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "调查户数"), lambda v: v.figures.households),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已计算"), lambda v: v.figures.computed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已复核"), lambda v: v.figures.reviewed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已签约"), lambda v: v.figures.signed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已兑付"), lambda v: v.figures.paid),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "部分兑付"), lambda v: v.figures.partly_paid),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已选房"), lambda v: v.figures.flats_chosen),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已交房"), lambda v: v.figures.handed_over),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "劳动年龄失地人员"), lambda v: v.figures.working_age),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已就业"), lambda v: v.figures.employed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "就业率(%)"), lambda v: f"{v.figures.employment_rate}"),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "培训结业"), lambda v: v.figures.trained),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "取得证书"), lambda v: v.figures.certified),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "园区录用"), lambda v: v.figures.placed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "社保参保"), lambda v: v.figures.ss_total),
    )

    def set_villages(self, rows: Sequence[VillageFigures]) -> None:
        self.set_rows(rows)


class PeopleModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "姓名"), lambda p: p.name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "身份证号码"), lambda p: p.id_number),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "性别"), lambda p: p.sex),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "年龄"), lambda p: p.age),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "劳动力类别"), lambda p: p.category),
        (
            QT_TRANSLATE_NOOP("LivelihoodModels", "就业状态"),
            lambda p: status_label(p.state) or QCoreApplication.translate("LivelihoodModels", "未登记"),
        ),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "单位"), lambda p: p.employer),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "岗位"), lambda p: p.post),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "开始日期"), lambda p: p.start_date),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "月收入(元)"), lambda p: p.monthly_income),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "村"), lambda p: p.village),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "户号"), lambda p: p.household_no),
    )

    def background(self, row: PersonFacts) -> QColor | None:
        if row.land_lost and row.working_age and row.state in AVAILABLE_FOR_WORK:
            return ATTENTION
        return None


class PostsModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "企业"), lambda p: p.enterprise),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "岗位"), lambda p: p.post),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "类别"), lambda p: p.kind),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "人数"), lambda p: p.places),
        (
            QT_TRANSLATE_NOOP("LivelihoodModels", "年龄"),
            lambda p: f"{'' if p.min_age is None else p.min_age}–{'' if p.max_age is None else p.max_age}",
        ),
        (
            QT_TRANSLATE_NOOP("LivelihoodModels", "性别要求"),
            lambda p: p.sex or QCoreApplication.translate("LivelihoodModels", "不限"),
        ),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "证书要求"), lambda p: p.certificate),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "月薪(元)"), lambda p: p.wage),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "推荐中"), lambda p: p.referred),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "已录用"), lambda p: p.hired),
    )

    def background(self, row: PostInfo) -> QColor | None:
        return GOOD if row.hired >= row.places > 0 else None


class ReferralsModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "企业"), lambda r: r.enterprise),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "岗位"), lambda r: r.post),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "姓名"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "身份证号码"), lambda r: r.id_number),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "进度"), lambda r: status_label(r.status)),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "推荐日期"), lambda r: r.referred_on),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "结果日期"), lambda r: r.decided_on),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "推荐理由"), lambda r: r.reasons),
    )

    def background(self, row: ReferralView) -> QColor | None:
        return GOOD if row.status == "录用" else None  # data, not text

    def tooltip(self, row: ReferralView) -> str:
        return "\n".join(row.reasons)


class CoursesModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "课程"), lambda c: c.name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "类别"), lambda c: c.kind),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "培训机构"), lambda c: c.provider),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "开始日期"), lambda c: c.start_date),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "结束日期"), lambda c: c.end_date),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "学时"), lambda c: c.hours),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "报名"), lambda c: c.enrolled),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "结业"), lambda c: c.completed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "取得证书"), lambda c: c.certified),
    )

    def course(self, row: int) -> CourseInfo | None:
        found = self.row_at(row)
        return found if isinstance(found, CourseInfo) else None


class EnrolmentsModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "姓名"), lambda e: e.name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "身份证号码"), lambda e: e.id_number),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "性别"), lambda e: e.sex),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "村组"), lambda e: f"{e.village}{e.group}"),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "户号"), lambda e: e.household_no),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "出勤学时"), lambda e: e.attended_hours),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "结业"), lambda e: e.completed),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "证书名称"), lambda e: e.certificate_name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "证书编号"), lambda e: e.certificate_no),
    )

    def background(self, row: EnrolmentView) -> QColor | None:
        return GOOD if row.completed else None


class DueVisitsModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "姓名"), lambda d: d.name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "身份证号码"), lambda d: d.id_number),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "村"), lambda d: d.village),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "户号"), lambda d: d.household_no),
        (
            QT_TRANSLATE_NOOP("LivelihoodModels", "就业状态"),
            lambda d: status_label(d.state) or QCoreApplication.translate("LivelihoodModels", "未登记"),
        ),
        (
            QT_TRANSLATE_NOOP("LivelihoodModels", "上次回访"),
            lambda d: d.last_visit or QCoreApplication.translate("LivelihoodModels", "从未回访"),
        ),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "应回访日期"), lambda d: d.due),
    )

    def background(self, row: DueVisit) -> QColor | None:
        return ATTENTION if row.last_visit is None else None


class ReconcileModel(RowsModel):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("LivelihoodModels", "对账结果"), lambda r: r.label),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "身份证号码"), lambda r: r.id_number),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "姓名（本办）"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "姓名（回执）"), lambda r: r.reply_name),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "年龄段（本办）"), lambda r: r.band),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "年龄段（回执）"), lambda r: r.reply_band),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "审核结果"), lambda r: r.result),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "备注（回执）"), lambda r: r.reason),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "村"), lambda r: r.village),
        (QT_TRANSLATE_NOOP("LivelihoodModels", "户号"), lambda r: r.household_no),
    )

    def background(self, row: ReconcileRow) -> QColor | None:
        return None if row.outcome == "matched" else ATTENTION
