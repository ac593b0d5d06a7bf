"""Marking for translation: ``QT_TRANSLATE_NOOP(context, text)`` returns TEXT unchanged and tells
``pyside6-lupdate`` to put it in the .ts under CONTEXT; the text is translated where it is shown
(``self.tr(text)`` in a class of that name, or ``QCoreApplication.translate(context, text)``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# The stored states of flats, queue places, standards, steps, grievances, agreements, batches, referrals and
# people, as the services report them; tables show them through status_label (a value not listed stays as it is).
STATUS_NAMES = (
    QT_TRANSLATE_NOOP("Status", "可选"),
    QT_TRANSLATE_NOOP("Status", "冻结"),
    QT_TRANSLATE_NOOP("Status", "已选"),
    QT_TRANSLATE_NOOP("Status", "已交付"),
    QT_TRANSLATE_NOOP("Status", "待选"),
    QT_TRANSLATE_NOOP("Status", "过号"),
    QT_TRANSLATE_NOOP("Status", "草稿"),
    QT_TRANSLATE_NOOP("Status", "草拟"),
    QT_TRANSLATE_NOOP("Status", "已发布"),
    QT_TRANSLATE_NOOP("Status", "有效"),
    QT_TRANSLATE_NOOP("Status", "已归档"),
    QT_TRANSLATE_NOOP("Status", "未开始"),
    QT_TRANSLATE_NOOP("Status", "进行中"),
    QT_TRANSLATE_NOOP("Status", "已完成"),
    QT_TRANSLATE_NOOP("Status", "不适用"),
    QT_TRANSLATE_NOOP("Status", "逾期"),
    QT_TRANSLATE_NOOP("Status", "已逾期"),
    QT_TRANSLATE_NOOP("Status", "期限不足"),
    QT_TRANSLATE_NOOP("Status", "顺序有误"),
    QT_TRANSLATE_NOOP("Status", "无法判断"),
    QT_TRANSLATE_NOOP("Status", "办理中"),
    QT_TRANSLATE_NOOP("Status", "已办结"),
    QT_TRANSLATE_NOOP("Status", "逾期办结"),
    QT_TRANSLATE_NOOP("Status", "未计算"),
    QT_TRANSLATE_NOOP("Status", "已计算"),
    QT_TRANSLATE_NOOP("Status", "已复核"),
    QT_TRANSLATE_NOOP("Status", "已签约"),
    QT_TRANSLATE_NOOP("Status", "已腾房"),
    QT_TRANSLATE_NOOP("Status", "已兑付"),
    QT_TRANSLATE_NOOP("Status", "已生成"),
    QT_TRANSLATE_NOOP("Status", "推荐中"),
    QT_TRANSLATE_NOOP("Status", "面试"),
    QT_TRANSLATE_NOOP("Status", "录用"),
    QT_TRANSLATE_NOOP("Status", "未录用"),
    QT_TRANSLATE_NOOP("Status", "已就业"),
    QT_TRANSLATE_NOOP("Status", "自主创业"),
    QT_TRANSLATE_NOOP("Status", "未就业·求职"),
    QT_TRANSLATE_NOOP("Status", "不愿就业"),
    QT_TRANSLATE_NOOP("Status", "一致"),
)


def status_label(value: str) -> str:
    """A stored state as the window shows it (English when the English translation is loaded)."""
    return QCoreApplication.translate("Status", value) if value else value
