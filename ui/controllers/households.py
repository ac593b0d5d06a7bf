"""The 编辑 menu's households: new, edit (also a double click in the table) and delete, in the editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from resettle.errors import ResettleError
from ui.areas import WindowContext

if TYPE_CHECKING:  # the editor (and the compensation tab inside it) loads when a household is first opened
    from ui.household_editor import HouseholdEditor


class HouseholdActions(QObject):
    """新建户, 编辑户, 删除户; ``groups`` lists the village groups a household can be in (id, label),
    ``current_household`` is the household the table points at, ``refresh`` re-reads the table."""

    def __init__(
        self,
        ctx: WindowContext,
        groups: Callable[[], list[tuple[int, str]]],
        current_household: Callable[[], int | None],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.groups = groups
        self.current_household = current_household
        self.refresh = refresh
        sk = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("新建户"), self.new_household, sk.New)
        self.act_edit = self._action(self.tr("编辑户…"), self.edit_household, "Ctrl+E")
        self.act_delete = self._action(self.tr("删除户…"), self.delete_household, sk.Delete)
        self.actions = [self.act_new, self.act_edit, self.act_delete]

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self.ctx.parent)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _c=False: slot())
        return action

    def selection_changed(self, selected: int) -> None:
        """Edit and delete work on one household."""
        self.act_edit.setEnabled(selected == 1)
        self.act_delete.setEnabled(selected == 1)

    def editor(self, household_id: int | None) -> HouseholdEditor:
        from ui.household_editor import HouseholdEditor

        node = self.ctx.tree_node()
        default_group = node[1] if node and node[0] == "group" else None
        editor = HouseholdEditor(self.ctx.database(), household_id, self.groups(), self.ctx.parent,
                                 default_group=default_group)  # fmt: skip
        editor.saved.connect(lambda _id: self.ctx.runner.announce("households"))
        editor.deleted.connect(lambda _id: self.ctx.runner.announce("households"))
        # Computed, adjusted or reviewed in the editor's 补偿 tab: the table's 状态 and 补偿合计 follow at once.
        editor.compensation.changed.connect(lambda: self.ctx.runner.announce("compensation"))
        return editor

    def new_household(self) -> None:
        if not self.groups():
            QMessageBox.information(self.ctx.parent, self.tr("新建户"), self.tr("请先导入或建立项目和村民小组。"))
            return
        self.editor(None).exec()

    def edit_household(self) -> None:
        hid = self.current_household()
        if hid is None:
            return
        try:
            editor = self.editor(hid)
        except ResettleError as exc:
            QMessageBox.warning(self.ctx.parent, self.tr("打不开"), exc.message)
            self.refresh()
            return
        editor.exec()

    def delete_household(self) -> None:
        hid = self.current_household()
        if hid is None:
            return
        self.editor(hid).delete()
