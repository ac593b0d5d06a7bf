"""Small widgets shared by the windows: keyboard-friendly tables and a cell delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.models.record_list import RecordListModel


class CellDelegate(QStyledItemDelegate):
    """Editable combo boxes for columns with choices; Enter commits and moves on (like Tab)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        model = index.model()
        if isinstance(model, RecordListModel):
            choices = model.COLUMNS[index.column()].choices
            if choices:
                combo = QComboBox(parent)
                combo.setEditable(True)
                combo.addItems(list(choices))
                return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class EntryTable(QTableView):
    """A table for keying a survey: Tab/Enter move through cells; past the last cell a new row starts."""

    def __init__(self, model: RecordListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(24)
        for i, col in enumerate(model.COLUMNS):
            self.setColumnWidth(i, col.width)
        self.horizontalHeader().setStretchLastSection(True)

    def record_model(self) -> RecordListModel:
        model = self.model()
        assert isinstance(model, RecordListModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.move_next()
            return
        super().keyPressEvent(event)

    def move_next(self) -> None:
        model = self.record_model()
        index = self.currentIndex()
        if not index.isValid():
            if model.rowCount() == 0:
                model.add_row()
            self.setCurrentIndex(model.index(0, 0))
            return
        row, col = index.row(), index.column() + 1
        if col >= model.columnCount():
            row, col = row + 1, 0
            if row >= model.rowCount():
                model.add_row()
        self.setCurrentIndex(model.index(row, col))

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab from the last cell starts a new row, so a survey can be keyed without the mouse."""
        model = self.record_model()
        index = self.currentIndex()
        if (
            cursorAction == QAbstractItemView.CursorAction.MoveNext
            and index.isValid()
            and index.row() == model.rowCount() - 1
            and index.column() == model.columnCount() - 1
        ):
            model.add_row()
            return model.index(index.row() + 1, 0)
        return super().moveCursor(cursorAction, modifiers)

    def add_row(self) -> None:
        model = self.record_model()
        row = model.add_row()
        self.setCurrentIndex(model.index(row, 0))
        self.setFocus()
        self.edit(model.index(row, 0))

    def remove_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.record_model().remove_row(index.row())
