"""The read-only table every area uses: the frozen rows a service returned, one column per ``COLUMNS`` entry.

A column is ``(header, getter, …)``: the header is translated in the model's own context
(its class name, or ``HEADER_CONTEXT``), the getter reads the shown value from a row; an
area adds what its columns need after those two (housing: right-aligned or not). ``data()``
never touches the database. What differs between the areas is a hook each overrides:
``display`` (how a value reads), ``sort_key`` (``SORT_ROLE``), ``alignment``, ``background``
(a whole row's colour) and ``tooltip`` (a whole row's) or ``cell_tooltip``. ``ROW_ROLE`` gives the row object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
Getter = Callable[[Any], Any]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_VALUE_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole}
)


class RowsModel(QAbstractTableModel, Generic[T]):
    """Frozen rows shown through ``COLUMNS`` (header, getter, …)."""

    COLUMNS: tuple[tuple[Any, ...], ...] = ()
    HEADER_CONTEXT: str | None = None  # translation context of the headers; None: the model's class name
    ROW_NUMBERS = False  # the vertical header counts 1, 2, 3 …

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> T:
        return self._rows[index]

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- hooks ----------------------------------------------------------------------------------
    def display(self, value: Any) -> Any:
        """What a cell shows: its text (or a number, which the view formats)."""
        return "" if value is None else str(value)

    def sort_key(self, value: Any) -> Any:
        return None

    def alignment(self, column: int, value: Any) -> int | None:
        """Numbers (counts, amounts, areas) to the right, as in a spreadsheet; text as the view puts it."""
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return RIGHT
        return None

    def background(self, item: T) -> QColor | None:
        return None

    def tooltip(self, item: T) -> str:
        """A whole row's tooltip (why it is coloured)."""
        return ""

    def cell_tooltip(self, item: T, column: int, value: Any) -> Any:
        return self.tooltip(item) or None

    # -- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if self.ROW_NUMBERS else None
        if not 0 <= section < len(self.COLUMNS):
            return None
        header = self.COLUMNS[section][0]
        if self.HEADER_CONTEXT is not None:
            return QCoreApplication.translate(self.HEADER_CONTEXT, header)
        return self.tr(header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        item = self._rows[index.row()]
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.background(item)
            return None if colour is None else QBrush(colour)
        if role not in _VALUE_ROLES:
            return None
        value = self.COLUMNS[index.column()][1](item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(value)
        if role == SORT_ROLE:
            return self.sort_key(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(item, index.column(), value)
        return self.alignment(index.column(), value)


class NumberedRowsModel(RowsModel[T]):
    """Rows counted 1, 2, 3 … down the side; ``rows`` is what the model holds now."""

    ROW_NUMBERS = True

    @property
    def rows(self) -> list[T]:
        return list(self._rows)


class FlaggedRowsModel(RowsModel[T]):
    """Columns ``(header, getter, right-aligned)``; the tooltip repeats the cell (long texts in narrow columns)."""

    COLUMNS: tuple[tuple[str, Getter, bool], ...] = ()

    def rows(self) -> list[T]:
        return list(self._rows)

    def alignment(self, column: int, value: Any) -> int | None:
        return RIGHT if self.COLUMNS[column][2] else None

    def cell_tooltip(self, item: T, column: int, value: Any) -> str | None:
        return "" if value is None else str(value)
