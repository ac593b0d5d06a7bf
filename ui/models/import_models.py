"""Tables of the import wizard: problems found in a workbook, and a raw view of a sheet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from resettle.io.survey import ImportIssue
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import ROW_ROLE, Index, RowsModel

COL_LEVEL, COL_SHEET, COL_ROW, COL_COLUMN, COL_FIELD, COL_VALUE, COL_MESSAGE = range(7)
ISSUE_HEADERS = (
    QT_TRANSLATE_NOOP("IssuesModel", "级别"),
    QT_TRANSLATE_NOOP("IssuesModel", "工作表"),
    QT_TRANSLATE_NOOP("IssuesModel", "行"),
    QT_TRANSLATE_NOOP("IssuesModel", "列"),
    QT_TRANSLATE_NOOP("IssuesModel", "字段"),
    QT_TRANSLATE_NOOP("IssuesModel", "原值"),
    QT_TRANSLATE_NOOP("IssuesModel", "说明"),
)
ISSUE_ROLE = ROW_ROLE
RED = QColor("#f8d0d0")
AMBER = QColor("#fff0c0")


def _level(issue: ImportIssue) -> str:
    error = issue.severity == "error"
    return (
        QCoreApplication.translate("IssuesModel", "错误")
        if error
        else QCoreApplication.translate("IssuesModel", "提醒")
    )


def _field(issue: ImportIssue) -> str | None:
    return QCoreApplication.translate("MappingPage", issue.field) if issue.field else issue.field


class IssuesModel(RowsModel[ImportIssue]):
    """What the check found, one row per problem; the level cell is red for errors, amber for warnings."""

    COLUMNS = tuple(
        zip(
            ISSUE_HEADERS,
            (
                _level,
                lambda i: i.sheet,
                lambda i: i.row,
                lambda i: i.column,
                _field,
                lambda i: i.value,
                lambda i: i.message,
            ),
            strict=True,
        )
    )

    def set_issues(self, issues: list[ImportIssue]) -> None:
        self.set_rows(issues)

    def display(self, value: Any) -> Any:
        return value  # row and column numbers as numbers

    def cell_tooltip(self, item: ImportIssue, column: int, value: Any) -> Any:
        return value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if not index.isValid() or index.column() != COL_LEVEL:
                return None
            return RED if self._rows[index.row()].severity == "error" else AMBER
        return super().data(index, role)

    def issue(self, row: int) -> ImportIssue:
        return self.row(row)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class SheetGridModel(QAbstractTableModel):
    """The first rows of a sheet as text, Excel-style headers (A, B, … / 1, 2, …), one cell highlighted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._width = 0
        self._marked: set[tuple[int, int]] = set()

    def set_rows(self, rows: list[list[str]], marked: set[tuple[int, int]] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._width = max((len(r) for r in rows), default=0)
        self._marked = marked or set()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_letter(section) if orientation == Qt.Orientation.Horizontal else section + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and (index.row(), index.column()) in self._marked:
            return RED
        return None
