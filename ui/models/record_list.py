"""Editable tables inside the household editor (members, land, houses, attachments).

Each row holds the text the clerk typed; every cell is parsed as it is typed, and a cell
that does not parse is shown red with the reason as its tooltip. ``problems()`` lists
what still blocks saving; ``records()`` turns rows into the service's dataclasses.

Signals: ``validity_changed(bool)`` – whether every cell parses; ``edited()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

Parser = Callable[[str], tuple[Any, str | None]]
ERROR_BACKGROUND = QColor("#f8d0d0")
R = TypeVar("R")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    parse: Parser
    choices: tuple[str, ...] = ()
    width: int = 90


class RecordListModel(QAbstractTableModel):
    validity_changed = Signal(bool)
    edited = Signal()
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._valid = True

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section].header) if 0 <= section < len(self.COLUMNS) else None
        return section + 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row["text"].get(col.key, "")
        error = row["errors"].get(col.key)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        col = self.COLUMNS[index.column()]
        text = "" if value is None else str(value)
        row = self._rows[index.row()]
        if row["text"].get(col.key, "") == text:
            return False
        self._set_text(index.row(), col.key, text)
        self.after_edit(index.row(), col.key)
        self.edited.emit()
        self._update_validity()
        return True

    # -- rows --------------------------------------------------------------------------------
    def load(self, rows: Sequence[dict[str, str]], ids: Sequence[int | None]) -> None:
        self.beginResetModel()
        self._rows = []
        for text, row_id in zip(rows, ids, strict=True):
            self._rows.append({"id": row_id, "text": {}, "value": {}, "errors": {}})
            for col in self.COLUMNS:
                self._parse_into(self._rows[-1], col, text.get(col.key, ""))
        self.endResetModel()
        self._update_validity()

    def add_row(self, defaults: dict[str, str] | None = None) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        row: dict[str, Any] = {"id": None, "text": {}, "value": {}, "errors": {}}
        for col in self.COLUMNS:
            self._parse_into(row, col, (defaults or {}).get(col.key, self.default_text(col.key)))
        self._rows.append(row)
        self.endInsertRows()
        self.edited.emit()
        self._update_validity()
        return position

    def remove_row(self, position: int) -> None:
        if not 0 <= position < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        self.edited.emit()
        self._update_validity()

    def default_text(self, key: str) -> str:
        return ""

    def after_edit(self, row: int, key: str) -> None:
        """Hook: derived cells (an ID fills sex and birth date)."""

    def problems(self) -> list[str]:
        out: list[str] = []
        for n, row in enumerate(self._rows, start=1):
            for col in self.COLUMNS:
                error = row["errors"].get(col.key)
                if error:
                    out.append(self.tr("第 {0} 行「{1}」：{2}").format(n, self.tr(col.header), error))
        return out

    def value(self, row: int, key: str) -> Any:
        return self._rows[row]["value"].get(key)

    def records_as(self, make: Callable[..., R], **fallbacks: Any) -> tuple[R, ...]:
        """Every row as ``make(id=…, <column key>=<parsed value>, …)``; an empty cell named in ``fallbacks`` takes that."""

        def value(row: int, key: str) -> Any:
            found = self.value(row, key)
            return fallbacks[key] if key in fallbacks and not found else found

        return tuple(
            make(id=self.row_id(r), **{c.key: value(r, c.key) for c in self.COLUMNS}) for r in range(len(self._rows))
        )

    def text(self, row: int, key: str) -> str:
        return str(self._rows[row]["text"].get(key, ""))

    def row_id(self, row: int) -> int | None:
        return self._rows[row]["id"]  # type: ignore[no-any-return]

    def _set_text(self, row: int, key: str, text: str) -> None:
        col = next(c for c in self.COLUMNS if c.key == key)
        self._parse_into(self._rows[row], col, text)
        c = self.COLUMNS.index(col)
        self.dataChanged.emit(self.index(row, c), self.index(row, c))

    @staticmethod
    def _parse_into(row: dict[str, Any], col: Column, text: str) -> None:
        value, error = col.parse(text)
        row["text"][col.key] = text
        row["value"][col.key] = value
        if error:
            row["errors"][col.key] = error
        else:
            row["errors"].pop(col.key, None)

    def _update_validity(self) -> None:
        valid = not any(r["errors"] for r in self._rows)
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    @property
    def valid(self) -> bool:
        return self._valid
