"""File menu of the main window: databases, recent files, backups and restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMenu, QMessageBox

from resettle.errors import ResettleError
from resettle.store.backup import list_backups
from resettle.store.database import Database
from ui.dialogs import RestoreDialog
from ui.ops import OpRunner
from ui.payments.login import ensure_login
from ui.remembered import last_database_key
from ui.window_import import ImportActions

MAX_RECENT = 8


class FileActions(ImportActions):
    """The main window's file menu (MainWindow derives from this)."""

    db: Database
    prefs: QSettings
    runner: OpRunner
    recent_menu: QMenu
    search: QLineEdit
    _filter: tuple[str, int] | None

    def reload_all(self) -> None:
        raise NotImplementedError

    # -- files ------------------------------------------------------------------------------------
    def switch_database(self, db: Database) -> bool:
        """Work on ``db`` from now on. Refused (``db`` closed again) while a job still runs on the open one."""
        if self.runner.busy() and not self.runner.wait(3000):
            db.close()
            QMessageBox.warning(self, self.tr("请稍候"),
                                self.tr("还有任务正在进行。请等它完成（或在进度框中取消）后再打开其他数据库。"))  # fmt: skip
            return False
        old = self.db
        self.db = db
        old.close()
        self._filter = None
        self.search.clear()
        self.remember_database(db.path)
        self.reload_all()
        return True

    def _open_path(self, path: Path) -> None:
        try:
            db = Database.open(path)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("打不开数据库"), exc.message)
            return
        if not ensure_login(self, db):  # a register with accounts asks who is working (issue 12)
            db.close()
            return
        self.switch_database(db)

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("新建数据库"), str(self.db.path.parent), self.tr("征迁数据库 (*.sqlite3)")
        )
        if name:
            path = Path(name if name.endswith(".sqlite3") else name + ".sqlite3")
            if path.exists():
                QMessageBox.warning(self, self.tr("新建数据库"), self.tr("文件已存在，未覆盖。"))
                return
            self._open_path(path)

    def open_database_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开数据库"), str(self.db.path.parent), self.tr("征迁数据库 (*.sqlite3 *.db);;所有文件 (*)")
        )
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
        self.runner.run(
            self,
            self.tr("正在备份…"),
            self.db.backup_now,
            with_progress=False,
            reason="manual",
            on_done=lambda p: self.statusBar().showMessage(self.tr("已备份到 {0}").format(p), 8000),
        )

    def backup_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("备份到文件"), str(Path.home()), self.tr("征迁数据库 (*.sqlite3)")
        )
        if name:
            self.runner.run(
                self,
                self.tr("正在备份…"),
                self.db.backup_to,
                with_progress=False,
                out=Path(name),
                on_done=lambda _r: self.statusBar().showMessage(self.tr("已备份并校验"), 8000),
            )

    def restore_backup(self) -> None:
        dialog = RestoreDialog(list_backups(self.db.path), self)
        if not dialog.exec() or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr("用 {0} 的备份替换当前数据？当前数据会先另存一份备份。").format(
                chosen.created.strftime("%Y-%m-%d %H:%M")
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_from(chosen.path)

    def restore_from(self, path: Path) -> None:
        """Restore on the worker thread (copy, verify, swap); the window re-reads everything after."""

        def done(_result: object) -> None:
            self.reload_all()
            self.statusBar().showMessage(self.tr("已恢复"), 8000)

        self.runner.run(self, self.tr("正在从备份恢复…"), self.db.restore_from, src=path, on_done=done)
