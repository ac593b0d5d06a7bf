"""Table models of the procedure area: the steps of a project, the grievance log, the holiday table.

Each holds the frozen rows a service returned (no database access in ``data()``).
Rows that need attention (late, too short, overdue) get a red background and say why
in their tooltip. ``ROW_ROLE`` gives the row object, ``SORT_ROLE`` a sortable value.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from resettle.services.procedure.calendar import HolidayRow
from resettle.services.procedure.grievances import GrievanceView, PostingView
from resettle.services.procedure.steps import PROBLEM_STATUSES, StepView
from ui.i18n import QT_TRANSLATE_NOOP, status_label
from ui.models.rows import ROW_ROLE, SORT_ROLE, Getter, NumberedRowsModel

__all__ = ["ROW_ROLE", "SORT_ROLE", "GrievanceModel", "HolidayModel", "PostingModel", "StepsModel"]
PROBLEM_BACKGROUND = QColor("#f8d0d0")
DONE_BACKGROUND = QColor("#dff0d8")
OFF_BACKGROUND = QColor("#fbe3c8")
WEEKDAYS = (
    QT_TRANSLATE_NOOP("HolidayModel", "星期一"),
    QT_TRANSLATE_NOOP("HolidayModel", "星期二"),
    QT_TRANSLATE_NOOP("HolidayModel", "星期三"),
    QT_TRANSLATE_NOOP("HolidayModel", "星期四"),
    QT_TRANSLATE_NOOP("HolidayModel", "星期五"),
    QT_TRANSLATE_NOOP("HolidayModel", "星期六"),
    QT_TRANSLATE_NOOP("HolidayModel", "星期日"),
)

# A step's state beside those ui.i18n lists: dates entered, start still to come (translated through status_label).
SCHEDULED = QT_TRANSLATE_NOOP("Status", "已排期")

T = TypeVar("T")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _RowsModel(NumberedRowsModel[T]):
    """Frozen rows, one column per (header, getter)."""

    def display(self, value: Any) -> str:
        return _text(value)

    def sort_key(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value


class StepsModel(_RowsModel[StepView]):
    """The timeline of one project: each statutory step, its dates, minimum and status."""

    COLUMNS: tuple[tuple[str, Getter], ...] = (
        (QT_TRANSLATE_NOOP("StepsModel", "序号"), lambda v: v.seq),
        (QT_TRANSLATE_NOOP("StepsModel", "步骤"), lambda v: v.name),
        (QT_TRANSLATE_NOOP("StepsModel", "开始"), lambda v: v.start_date),
        (QT_TRANSLATE_NOOP("StepsModel", "结束"), lambda v: v.end_date),
        (QT_TRANSLATE_NOOP("StepsModel", "法定期限"), lambda v: v.minimum_text),
        (QT_TRANSLATE_NOOP("StepsModel", "最早可结束"), lambda v: v.earliest_end),
        (QT_TRANSLATE_NOOP("StepsModel", "应完成日期"), lambda v: v.due_date),
        (QT_TRANSLATE_NOOP("StepsModel", "状态"), lambda v: status_label(v.status)),
        (QT_TRANSLATE_NOOP("StepsModel", "问题"), lambda v: v.problem),
        (QT_TRANSLATE_NOOP("StepsModel", "证据"), lambda v: len(v.evidence) or ""),
        (QT_TRANSLATE_NOOP("StepsModel", "地点"), lambda v: v.place),
        (QT_TRANSLATE_NOOP("StepsModel", "文号"), lambda v: v.doc_no),
    )
    COL_STATUS = 7

    def background(self, item: StepView) -> QColor | None:
        if item.status in PROBLEM_STATUSES:
            return PROBLEM_BACKGROUND
        if item.status == "已完成":  # data, not text
            return DONE_BACKGROUND
        return None

    def tooltip(self, item: StepView) -> str:
        return "\n".join(x for x in (item.rule, item.problem) if x)


class GrievanceModel(_RowsModel[GrievanceView]):
    """The grievance log; open grievances past their due date are red."""

    COLUMNS: tuple[tuple[str, Getter], ...] = (
        (QT_TRANSLATE_NOOP("GrievanceModel", "编号"), lambda g: g.number),
        (QT_TRANSLATE_NOOP("GrievanceModel", "受理日期"), lambda g: g.received_on),
        (QT_TRANSLATE_NOOP("GrievanceModel", "渠道"), lambda g: g.channel),
        (QT_TRANSLATE_NOOP("GrievanceModel", "反映人"), lambda g: g.person),
        (QT_TRANSLATE_NOOP("GrievanceModel", "类别"), lambda g: g.category),
        (
            QT_TRANSLATE_NOOP("GrievanceModel", "涉及"),
            lambda g: " ".join(x for x in (g.subject_kind, g.household_no, g.posting_title) if x),
        ),
        (QT_TRANSLATE_NOOP("GrievanceModel", "事项"), lambda g: g.subject),
        (QT_TRANSLATE_NOOP("GrievanceModel", "答复期限"), lambda g: g.due_on),
        (
            QT_TRANSLATE_NOOP("GrievanceModel", "状态"),
            lambda g: (
                status_label(g.status)
                + (QCoreApplication.translate("GrievanceModel", "（{0} 天）").format(g.days_over) if g.overdue else "")
            ),
        ),
        (QT_TRANSLATE_NOOP("GrievanceModel", "承办人"), lambda g: g.handler),
        (QT_TRANSLATE_NOOP("GrievanceModel", "办结日期"), lambda g: g.closed_on),
        (QT_TRANSLATE_NOOP("GrievanceModel", "附件"), lambda g: len(g.evidence) or ""),
    )
    COL_STATUS = 8

    def background(self, item: GrievanceView) -> QColor | None:
        return PROBLEM_BACKGROUND if item.overdue else None

    def tooltip(self, item: GrievanceView) -> str:
        parts = [item.content]
        if item.answer:
            parts.append(QCoreApplication.translate("GrievanceModel", "答复：{0}").format(item.answer))
        return "\n".join(p for p in parts if p)


class HolidayModel(_RowsModel[HolidayRow]):
    """The special days of the known years: holidays (休) and make-up working days (班)."""

    COLUMNS: tuple[tuple[str, Getter], ...] = (
        (QT_TRANSLATE_NOOP("HolidayModel", "日期"), lambda r: r.day),
        (
            QT_TRANSLATE_NOOP("HolidayModel", "星期"),
            lambda r: QCoreApplication.translate("HolidayModel", WEEKDAYS[r.weekday]),
        ),
        (QT_TRANSLATE_NOOP("HolidayModel", "休/班"), lambda r: r.kind),
        (QT_TRANSLATE_NOOP("HolidayModel", "节日"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("HolidayModel", "来源"), lambda r: r.source),
    )

    def background(self, item: HolidayRow) -> QColor | None:
        return OFF_BACKGROUND if item.kind == "休" else None  # data, not text


class PostingModel(_RowsModel[PostingView]):
    """The posting records (公示) of a project: period, place, audit chain head, objections received."""

    COLUMNS: tuple[tuple[str, Getter], ...] = (
        (QT_TRANSLATE_NOOP("PostingModel", "名称"), lambda p: p.title),
        (QT_TRANSLATE_NOOP("PostingModel", "地点"), lambda p: p.place),
        (QT_TRANSLATE_NOOP("PostingModel", "开始"), lambda p: p.start_date),
        (QT_TRANSLATE_NOOP("PostingModel", "结束"), lambda p: p.end_date),
        (QT_TRANSLATE_NOOP("PostingModel", "最早可结束"), lambda p: p.earliest_end),
        (
            QT_TRANSLATE_NOOP("PostingModel", "期限"),
            lambda p: QCoreApplication.translate("PostingModel", "期限不足") if p.too_short else "",
        ),
        (QT_TRANSLATE_NOOP("PostingModel", "异议"), lambda p: p.objections),
        (QT_TRANSLATE_NOOP("PostingModel", "未办结"), lambda p: p.open_objections),
        (QT_TRANSLATE_NOOP("PostingModel", "审计链校验值"), lambda p: p.chain_head),
    )

    def background(self, item: PostingView) -> QColor | None:
        return PROBLEM_BACKGROUND if item.too_short else None
