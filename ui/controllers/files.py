"""The 文件 menu's registers: new and open, recent files, backups and restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from resettle.errors import ResettleError
from ui.areas import WindowContext
from ui.remembered import last_database_key

if TYPE_CHECKING:  # the store loads when a register is opened
    from resettle.store.database import Database

MAX_RECENT = 8


class FileActions(QObject):
    """新建/打开数据库, 最近打开, 立即备份, 备份到文件, 从备份恢复 (an automatic backup or a chosen file).

    ``use_database`` puts another register in the window (the window re-reads everything)."""

    def __init__(self, ctx: WindowContext, prefs: QSettings, use_database: Callable[[Database], None]) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.prefs = prefs
        self.use_database = use_database
        parent = ctx.parent
        self.act_new_db = self._action(self.tr("新建数据库…"), self.new_database, "Ctrl+Shift+N")
        self.act_open_db = self._action(
            self.tr("打开数据库…"), self.open_database_dialog, QKeySequence.StandardKey.Open
        )
        self.act_connect = self._action(self.tr("连接服务器…"), self.connect_server)
        self.act_backup = self._action(self.tr("立即备份"), self.backup_now, "Ctrl+B")
        self.act_backup_as = self._action(self.tr("备份到文件…"), self.backup_as)
        self.act_restore = self._action(self.tr("从备份恢复…"), self.restore_backup)
        self.recent_menu = QMenu(self.tr("最近打开"), parent)
        self._update_recent_menu()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self.ctx.parent)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _c=False: slot())
        return action

    def add_open_actions(self, menu: QMenu) -> None:
        menu.addActions([self.act_new_db, self.act_open_db, self.act_connect])
        menu.addMenu(self.recent_menu)

    def add_backup_actions(self, menu: QMenu) -> None:
        menu.addActions([self.act_backup, self.act_backup_as, self.act_restore])

    # -- files ------------------------------------------------------------------------------------
    def switch_database(self, db: Database) -> bool:
        """Work on ``db`` from now on. Refused (``db`` closed again) while a job still runs on the open one."""
        runner = self.ctx.runner
        if runner.busy() and not runner.wait(3000):
            db.close()
            QMessageBox.warning(self.ctx.parent, self.tr("请稍候"),
                                self.tr("还有任务正在进行。请等它完成（或在进度框中取消）后再打开其他数据库。"))  # fmt: skip
            return False
        old = self.ctx.database()
        self.use_database(db)
        old.close()
        if not db.is_server:  # servers are remembered by the connect dialog, without password
            self.remember_database(db.path)
        self.ctx.reload()
        return True

    def _open_path(self, path: Path) -> None:
        """Open on a worker (an upgrade with its backup, a large file's startup backup) behind a
        progress box with 取消; the window keeps painting."""
        from resettle.store.opening import open_register
        from ui.payments.login import ensure_login

        try:
            db = self.ctx.runner.call(self.ctx.parent, self.tr("正在打开数据库…"), open_register, path=path)
        except ResettleError as exc:
            QMessageBox.warning(self.ctx.parent, self.tr("打不开数据库"), exc.message)
            return
        if db is None:  # the clerk pressed 取消
            return
        if not ensure_login(self.ctx.parent, db):  # a register with accounts asks who is working (issue 12)
            db.close()
            return
        self.switch_database(db)

    def connect_server(self) -> None:
        """文件 → 连接服务器: a register on the office's PostgreSQL server (docs/postgresql.md)."""
        from ui.payments.login import ensure_login
        from ui.server_dialog import connect_to_server

        db = connect_to_server(self.ctx.parent, self.prefs, self.ctx.runner)
        if db is None:
            return
        if not ensure_login(self.ctx.parent, db):
            db.close()
            return
        self.switch_database(db)

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.ctx.parent, self.tr("新建数据库"),
                                              str(self.ctx.database().path.parent),
                                              self.tr("征迁数据库 (*.sqlite3)"))  # fmt: skip
        if name:
            path = Path(name if name.endswith(".sqlite3") else name + ".sqlite3")
            if path.exists():
                QMessageBox.warning(self.ctx.parent, self.tr("新建数据库"), self.tr("文件已存在，未覆盖。"))
                return
            self._open_path(path)

    def open_database_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.ctx.parent, self.tr("打开数据库"),
                                              str(self.ctx.database().path.parent),
                                              self.tr("征迁数据库 (*.sqlite3 *.db);;所有文件 (*)"))  # fmt: skip
        if name:
            self._open_path(Path(name))

    def remember_database(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != str(path)]
        recent.insert(0, str(path))
        self.prefs.setValue("recent", recent[:MAX_RECENT])
        self.prefs.setValue(last_database_key(), str(path))
        self._update_recent_menu()

    def recent_files(self) -> list[str]:
        value = self.prefs.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in self.recent_files():
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda _checked=False, p=p: self._open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def backup_now(self) -> None:
        from resettle.services.register import backups

        db = self.ctx.database()
        self.ctx.runner.run(self.ctx.parent, self.tr("正在备份…"), backups.backup_now, db=db, reason="manual",
                            on_done=lambda p: self.ctx.show_message(self.tr("已备份到 {0}").format(p), 8000))  # fmt: skip

    def backup_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.ctx.parent, self.tr("备份到文件"), str(Path.home()),
                                              self.tr("征迁数据库 (*.sqlite3)"))  # fmt: skip
        if name:
            from resettle.services.register import backups

            db = self.ctx.database()
            self.ctx.runner.run(self.ctx.parent, self.tr("正在备份…"), backups.backup_to, db=db, out=Path(name),
                                on_done=lambda _r: self.ctx.show_message(self.tr("已备份并校验"), 8000))  # fmt: skip

    def restore_backup(self) -> None:
        from resettle.services.accounts import Need, permitted
        from resettle.store.backup import list_backups
        from ui.dialogs import RestoreDialog

        if not permitted(self.ctx.database(), Need.MAINTAIN):  # said before a backup is chosen, not after
            QMessageBox.information(self.ctx.parent, self.tr("从备份恢复"),
                                    self.tr("只有管理员账户可以用备份替换整个登记册。"))  # fmt: skip
            return

        dialog = RestoreDialog(list_backups(self.ctx.database().path), self.ctx.parent)
        chosen = dialog.chosen_path() if dialog.exec() else None
        if chosen is None:
            return
        path, named = chosen
        answer = QMessageBox.question(
            self.ctx.parent,
            self.tr("从备份恢复"),
            self.tr("用{0}替换当前数据？当前数据会先另存一份备份。").format(named),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_from(path)

    def restore_from(self, path: Path) -> None:
        """Restore on the worker thread (copy, verify, swap); the window re-reads everything after."""

        def done(_result: object) -> None:
            from ui.payments.login import ensure_login

            if db.role is None and accounts_enabled(db):  # the restored accounts do not include this session's
                QMessageBox.information(self.ctx.parent, self.tr("已恢复"),
                                        self.tr("恢复后的数据库使用它自己的账户，当前账户不在其中或角色不同。请重新登录。"))  # fmt: skip
                if not ensure_login(self.ctx.parent, db):
                    self.ctx.parent.close()  # as 锁定 does when nobody logs in
                    return
            self.ctx.reload()
            self.ctx.show_message(self.tr("已恢复"), 8000)

        from resettle.services.accounts import accounts_enabled
        from resettle.services.register import backups

        db = self.ctx.database()

        def checked(findings: list[str]) -> None:
            if findings:
                answer = QMessageBox.warning(
                    self.ctx.parent,
                    self.tr("从备份恢复"),
                    self.tr(
                        "{0} 有以下可疑之处：\n\n{1}\n\n仍要用它替换当前数据吗？（当前数据会先另存一份备份。）"
                    ).format(path.name, "\n".join(f"· {f}" for f in findings)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            self.ctx.runner.run(self.ctx.parent, self.tr("正在从备份恢复…"), backups.restore_from, db=db, src=path,
                                accept=True, on_done=done)  # fmt: skip

        # is it this register's, untouched? (reads the whole backup: on the worker thread)
        self.ctx.runner.run(self.ctx.parent, self.tr("正在检查备份…"), backups.restore_findings, db=db, src=path,
                            on_done=checked)  # fmt: skip
