"""The audit trail of one household, as a read-only table (newest first)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from resettle.services.labels import ACTION_LABELS, entity_label, field_label
from resettle.services.records import HistoryEntry
from ui.i18n import QT_TRANSLATE_NOOP

COL_TIME, COL_USER, COL_ACTION, COL_ENTITY, COL_FIELD, COL_OLD, COL_NEW, COL_REASON = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "用户"),
    QT_TRANSLATE_NOOP("HistoryModel", "操作"),
    QT_TRANSLATE_NOOP("HistoryModel", "对象"),
    QT_TRANSLATE_NOOP("HistoryModel", "字段"),
    QT_TRANSLATE_NOOP("HistoryModel", "原值"),
    QT_TRANSLATE_NOOP("HistoryModel", "新值"),
    QT_TRANSLATE_NOOP("HistoryModel", "原因"),
)


# The action and object names of resettle.services.labels, translated where the history shows them
# (tests/ui/test_translation_complete.py checks every one is here); field names stay as resettle says them.
HISTORY_NAMES = (
    QT_TRANSLATE_NOOP("HistoryModel", "新增"),
    QT_TRANSLATE_NOOP("HistoryModel", "修改"),
    QT_TRANSLATE_NOOP("HistoryModel", "删除"),
    QT_TRANSLATE_NOOP("HistoryModel", "项目"),
    QT_TRANSLATE_NOOP("HistoryModel", "村"),
    QT_TRANSLATE_NOOP("HistoryModel", "村民小组"),
    QT_TRANSLATE_NOOP("HistoryModel", "户"),
    QT_TRANSLATE_NOOP("HistoryModel", "成员"),
    QT_TRANSLATE_NOOP("HistoryModel", "地块"),
    QT_TRANSLATE_NOOP("HistoryModel", "房屋"),
    QT_TRANSLATE_NOOP("HistoryModel", "附着物"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿规则"),
    QT_TRANSLATE_NOOP("HistoryModel", "项目补偿标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿结果"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿明细"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿调整"),
    QT_TRANSLATE_NOOP("HistoryModel", "文书"),
    QT_TRANSLATE_NOOP("HistoryModel", "账户"),
    QT_TRANSLATE_NOOP("HistoryModel", "协议"),
    QT_TRANSLATE_NOOP("HistoryModel", "协议明细"),
    QT_TRANSLATE_NOOP("HistoryModel", "分期"),
    QT_TRANSLATE_NOOP("HistoryModel", "兑付批次"),
    QT_TRANSLATE_NOOP("HistoryModel", "兑付"),
    QT_TRANSLATE_NOOP("HistoryModel", "要件"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置小区"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置房"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置户"),
    QT_TRANSLATE_NOOP("HistoryModel", "不计安置人口"),
    QT_TRANSLATE_NOOP("HistoryModel", "选房"),
    QT_TRANSLATE_NOOP("HistoryModel", "抽签"),
    QT_TRANSLATE_NOOP("HistoryModel", "交房"),
    QT_TRANSLATE_NOOP("HistoryModel", "劳动年龄设置"),
    QT_TRANSLATE_NOOP("HistoryModel", "劳动力状况"),
    QT_TRANSLATE_NOOP("HistoryModel", "就业记录"),
    QT_TRANSLATE_NOOP("HistoryModel", "培训课程"),
    QT_TRANSLATE_NOOP("HistoryModel", "培训报名"),
    QT_TRANSLATE_NOOP("HistoryModel", "岗位"),
    QT_TRANSLATE_NOOP("HistoryModel", "岗位推荐"),
    QT_TRANSLATE_NOOP("HistoryModel", "回访"),
    QT_TRANSLATE_NOOP("HistoryModel", "社保标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "社保年龄段"),
    QT_TRANSLATE_NOOP("HistoryModel", "社保参保"),
    QT_TRANSLATE_NOOP("HistoryModel", "程序步骤"),
    QT_TRANSLATE_NOOP("HistoryModel", "程序设置"),
    QT_TRANSLATE_NOOP("HistoryModel", "佐证材料"),
    QT_TRANSLATE_NOOP("HistoryModel", "信访/异议"),
    QT_TRANSLATE_NOOP("HistoryModel", "公示记录"),
    QT_TRANSLATE_NOOP("HistoryModel", "节假日年度"),
    QT_TRANSLATE_NOOP("HistoryModel", "节假日"),
)


def local_time(ts: str) -> str:
    try:
        moment = datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return ts
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._rows[index.row()]
        match index.column():
            case 0:
                return local_time(e.ts)
            case 1:
                return f"{e.user}@{e.host}" if role == Qt.ItemDataRole.ToolTipRole else e.user
            case 2:
                return self.tr(ACTION_LABELS.get(e.action, e.action))
            case 3:
                return self.tr(entity_label(e.entity))
            case 4:
                return field_label(e.entity, e.field)
            case 5:
                return e.old or ""
            case 6:
                return e.new or ""
            case 7:
                return e.reason
        return None

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]
