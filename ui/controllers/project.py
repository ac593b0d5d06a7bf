"""The project the window works on, and the 项目 menu: create, rename and describe projects and villages.

The current project is the one of the tree selection (or the only project). The window
shows it in its title and status bar; every action passes it to the services, and with
several projects and none selected an action asks the clerk to pick one, never guesses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLabel, QMenu, QMessageBox

from resettle.domain.township import TownshipDetails
from resettle.errors import ResettleError
from resettle.services.register.records import ProjectNode
from ui.areas import WindowContext
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the store and the project service load with the register, not with the window's modules
    from resettle.store.database import Database

APP_TITLE = QT_TRANSLATE_NOOP("ProjectActions", "征迁安置管理")


class ProjectActions(QObject):
    """Which project an action works on, the window's title and project label, and the 项目 menu."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.label = QLabel()
        self.label.setObjectName("current_project")
        self._demo_of: tuple[Database, bool] | None = None
        self.menu = QMenu(self.tr("项目(&J)"), ctx.parent)
        for text, slot in (
            (self.tr("新建项目…"), self.new_project),
            (self.tr("项目信息…"), self.edit_project),
            (None, None),
            (self.tr("新建村…"), self.new_village),
            (self.tr("重命名村或组…"), self.rename_node),
        ):
            if text is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(text).triggered.connect(slot)

    # -- which project ---------------------------------------------------------------------------
    def current_project_name(self) -> str:
        pid = self.ctx.current_project()
        return next((p.name for p in self.ctx.project_nodes() if p.id == pid), "")

    def project_for(self, what: str) -> int | None:
        """The project an action works on: the current one; with several and none chosen, the clerk picks."""
        pid = self.ctx.current_project()
        if pid is not None:
            return pid
        nodes: list[ProjectNode] = self.ctx.project_nodes()
        parent = self.ctx.parent
        if not nodes:
            from resettle.services.accounts import Need, permitted

            # an administrator's account: the tree is empty on purpose, not for want of a project
            if not permitted(self.ctx.database(), Need.READ):
                QMessageBox.information(parent, what, self.tr(
                    "当前账户不能{0}：管理员账户只管账户和从备份恢复。请在「协议兑付 → 锁定 / 切换账户」中以经办等账户登录。"
                ).format(what))  # fmt: skip
                return None
            QMessageBox.information(parent, what, self.tr("数据库中还没有项目。请先导入调查表或新建项目。"))
            return None
        labels = [self.tr("{0}（编号 {1}）").format(p.name, p.id) for p in nodes]
        label, ok = QInputDialog.getItem(
            parent,
            what,
            self.tr("数据库中有 {0} 个项目，请选择要{1}的项目：").format(len(nodes), what),
            labels,
            0,
            False,
        )
        if not ok or label not in labels:
            return None
        chosen = nodes[labels.index(label)].id
        self.ctx.select_node(("project", chosen))
        return chosen

    def is_demo(self) -> bool:
        """Read once per open register, not on every click in the tree."""
        db = self.ctx.database()
        if self._demo_of is None or self._demo_of[0] is not db:
            from resettle.services.demo.register import is_demo  # a setting read; the generator stays unloaded

            self._demo_of = (db, is_demo(db))
        return self._demo_of[1]

    def show_current_project(self, demo: bool | None = None) -> None:
        """Title and status bar name the project the window works on. ``demo``: whether the register
        is the demo, when already known (the window's first screen is shown before the store opens)."""
        name = self.current_project_name()
        count = len(self.ctx.project_nodes())
        window = self.ctx.parent
        if name:
            title = self.tr("{0} — {1}").format(self.tr(APP_TITLE), name)
            text = self.tr("当前项目：{0}").format(name)
        elif count:
            title = self.tr("{0} — 未选项目（共 {1} 个）").format(self.tr(APP_TITLE), count)
            text = self.tr("当前项目：未选（共 {0} 个，请在左侧选择）").format(count)
        else:
            title = self.tr(APP_TITLE)
            text = self.tr("当前项目：无")
        if self.is_demo() if demo is None else demo:  # the demo is never mistaken for the office's register
            title = self.tr("【演示】{0}").format(title)
            text = self.tr("演示数据 · {0}").format(text)
        window.setWindowTitle(title)
        self.label.setText(text)

    # -- the 项目 menu ------------------------------------------------------------------------------
    def _office(self) -> TownshipDetails:
        from resettle.services.register import settings

        return settings.get_township(self.ctx.database())

    def new_project(self) -> int | None:
        from resettle.services.register import projects
        from ui.window_project import ProjectDialog

        dialog = ProjectDialog(None, self._office(), self.ctx.parent)
        while dialog.exec():
            try:
                pid = projects.create_project(self.ctx.database(), dialog.chosen.name, details=dialog.chosen)
            except ResettleError as exc:
                dialog.error.setText(exc.message)
                continue
            self.ctx.runner.announce("tree")  # the tree is rebuilt ...
            self.ctx.select_node(("project", pid))  # ... and the new project chosen in it
            return pid
        return None

    def edit_project(self) -> None:
        from resettle.services.register import projects
        from ui.window_project import ProjectDialog

        pid = self.project_for(self.tr("修改信息"))
        if pid is None:
            return
        db = self.ctx.database()
        try:
            record = projects.get_project(db, pid)
        except ResettleError as exc:
            QMessageBox.warning(self.ctx.parent, self.tr("项目信息"), exc.message)
            return
        dialog = ProjectDialog(record, self._office(), self.ctx.parent)
        while dialog.exec():
            try:
                projects.update_project(db, pid, dialog.chosen, expected_version=record.version)
            except ResettleError as exc:
                dialog.error.setText(exc.message)
                continue
            self.ctx.runner.announce("tree")
            self.show_current_project()
            return

    def new_village(self) -> None:
        from resettle.services.register import projects

        pid = self.project_for(self.tr("新建村"))
        if pid is None:
            return
        name, ok = QInputDialog.getText(self.ctx.parent, self.tr("新建村"),
                                        self.tr("在「{0}」中新建村，村名：").format(self.current_project_name()))  # fmt: skip
        if not ok or not name.strip():
            return
        try:
            vid = projects.create_village(self.ctx.database(), pid, name)
        except ResettleError as exc:
            QMessageBox.warning(self.ctx.parent, self.tr("新建村"), exc.message)
            return
        self.ctx.runner.announce("tree")
        self.ctx.select_node(("village", vid))

    def _node_name(self, kind: str, ident: int) -> str | None:
        for p in self.ctx.project_nodes():
            for v in p.villages:
                if kind == "village" and v.id == ident:
                    return v.name
                for g in v.groups:
                    if kind == "group" and g.id == ident:
                        return g.name
        return None

    def rename_node(self) -> None:
        from resettle.services.register import projects

        kind, ident = self.ctx.tree_node() or ("", 0)
        parent = self.ctx.parent
        if kind not in ("village", "group"):
            QMessageBox.information(parent, self.tr("重命名"), self.tr("请先在左侧选择要改名的村或组。"))
            return
        pid = self.ctx.current_project()
        old = self._node_name(kind, ident)
        if pid is None or old is None:
            return
        name, ok = QInputDialog.getText(parent, self.tr("重命名"), self.tr("「{0}」改名为：").format(old), text=old)
        if not ok or not name.strip() or name.strip() == old:
            return
        db = self.ctx.database()
        try:
            if kind == "village":
                projects.rename_village(db, pid, ident, name)
            else:
                projects.rename_group(db, pid, ident, name)
        except ResettleError as exc:
            QMessageBox.warning(parent, self.tr("重命名"), exc.message)
            return
        self.ctx.runner.announce("households", "tree")  # the table shows village and group names
