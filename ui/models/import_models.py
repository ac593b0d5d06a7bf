"""Tables of the import wizard: problems found in a workbook, and a raw view of a sheet."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QTableView

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import ROW_ROLE, Index, RowsModel

if TYPE_CHECKING:  # the importer loads on a worker thread when the wizard first needs it
    from resettle.io.survey import ImportIssue

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


class IssuesModel(RowsModel["ImportIssue"]):
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

    def text(self, row: int, column: int) -> str:
        """The text a cell shows (what its width is measured on)."""
        value = self.COLUMNS[column][1](self._rows[row])
        return "" if value is None else str(value)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def padded(rows: Sequence[list[str]]) -> list[list[str]]:
    """Every row as long as the longest (blank cells added), so a cell is one lookup; rows already
    that long are kept as they are (never changed in place)."""
    width = max((len(r) for r in rows), default=0)
    return [r if len(r) == width else r + [""] * (width - len(r)) for r in rows]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)


class SheetGridModel(QAbstractTableModel):
    """The first rows of a sheet as text, Excel-style headers (A, B, … / 1, 2, …), one cell highlighted.

    The rows are padded to one width when set (``padded``; the wizard pads them on its worker thread),
    so ``data()`` only looks a text up."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._width = 0
        self._marked: set[tuple[int, int]] = set()

    def set_rows(self, rows: Sequence[list[str]], marked: set[tuple[int, int]] | None = None) -> None:
        self.beginResetModel()
        self._rows = padded(rows)
        self._width = len(self._rows[0]) if self._rows else 0
        self._marked = marked or set()
        self.endResetModel()

    def sample(self, first: int, around: int = -1) -> list[int]:
        """The first ``first`` row numbers, and as many around row ``around`` (what a column's width is measured on)."""
        rows = list(range(min(first, len(self._rows))))
        if around >= first:
            rows += range(max(first, around - first // 2), min(around + first // 2 + 1, len(self._rows)))
        return rows

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_letter(section) if orientation == Qt.Orientation.Horizontal else section + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY:
            return self._rows[index.row()][index.column()] if index.isValid() else None
        if role == _BACKGROUND and self._marked and (index.row(), index.column()) in self._marked:
            return RED
        return None


PREVIEW_COLUMN_MAX = 180  # px: a merged title in column A must not push the other columns off screen
ISSUE_SAMPLE_ROWS = 1000  # Qt's own bound for ResizeToContents (QHeaderView.resizeContentsPrecision)
PREVIEW_SAMPLE_ROWS = 50  # rows a column's width is measured on: the first ones, and as many around the cell shown


def fit_columns(view: QTableView, model: SheetGridModel, around: int = -1) -> None:
    """Each column as wide as its header and the longest text of a bounded sample of rows (the first
    ``PREVIEW_SAMPLE_ROWS`` and as many around row ``around``), at most ``PREVIEW_COLUMN_MAX``."""
    fit_to_texts(view, model.sample(PREVIEW_SAMPLE_ROWS, around), model.text, model.columnCount(), PREVIEW_COLUMN_MAX)


def fit_issue_columns(view: QTableView, model: IssuesModel) -> None:
    """The problems' columns as wide as their header and texts (the first ``ISSUE_SAMPLE_ROWS`` problems,
    as many as Qt's ResizeToContents measures); the last column (说明) takes the rest of the width."""
    rows = range(min(model.rowCount(), ISSUE_SAMPLE_ROWS))
    fit_to_texts(view, rows, model.text, model.columnCount() - 1, None)


def fit_to_texts(view: QTableView, rows: Sequence[int], text: Callable[[int, int], str], columns: int,
                 cap: int | None) -> None:  # fmt: skip
    """The width ``resizeColumnsToContents`` gives ``rows``, without asking the delegate the size of every
    cell (thousands of rows, each a few calls into Python): the texts are measured with the view's font,
    and the delegate is asked only for the two widest of each column (its margins and rounding then
    are exactly Qt's)."""
    view.ensurePolished()
    model = view.model()
    metrics = QFontMetricsF(view.font())
    grid = 1 if view.showGrid() else 0
    header = view.horizontalHeader()
    for c in range(columns):
        widest: dict[str, tuple[float, int]] = {}
        for r in rows:
            t = text(r, c)
            if t and t not in widest:
                widest[t] = (max(metrics.horizontalAdvance(line) for line in t.split("\n")), r)
        width = header.sectionSizeHint(c)
        for _, r in heapq.nlargest(2, widest.values()):
            width = max(width, view.sizeHintForIndex(model.index(r, c)).width() + grid)
        header.resizeSection(c, width if cap is None else min(width, cap))
