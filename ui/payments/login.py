"""Login when a register has accounts, and the idle lock.

:class:`LoginDialog` logs in through :func:`resettle.services.accounts.login` (the service
layer holds the role from then on). :class:`IdleLock` watches the application's input
events; after ``minutes`` without any it logs the account out in the service layer (so every
service call is refused) and shows a modal unlock dialog for the same account, or another.

Signals: ``IdleLock.locked()``, ``IdleLock.unlocked()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from resettle.errors import ResettleError
from resettle.services import accounts
from resettle.store.database import Database

DEFAULT_IDLE_MINUTES = 10
IDLE_SETTING = "idle_lock_minutes"
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LoginDialog(QDialog):
    """Account name and password; ``accept`` only after the service accepted them."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, name: str = "", locked: bool = False, idle: bool = True
    ) -> None:
        super().__init__(parent)
        self.db = db
        register = db.location if db.server is not None else db.path.name  # which register asks
        self.setWindowTitle(
            self.tr("已锁定 — 请重新登录") if locked else self.tr("登录 — 征迁安置管理（{0}）").format(register)
        )
        self.setModal(True)
        layout = QVBoxLayout(self)
        if not locked:
            intro = self.tr("此数据库已启用账户，请登录：")
        elif idle:
            intro = self.tr("长时间无操作，窗口已锁定。请输入密码继续，或换一个账户登录。")
        else:
            intro = self.tr("窗口已锁定。请输入密码继续，或换一个账户登录。")
        layout.addWidget(QLabel(intro))
        form = QFormLayout()
        self.name_edit = QLineEdit(name)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("账户"), self.name_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        layout.addLayout(form)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b71c1c")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("登录"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("退出程序") if locked else self.tr("取消"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password_edit if name else self.name_edit).setFocus()
        self.info: accounts.AccountInfo | None = None
        self.locked = locked

    def reject(self) -> None:
        """Locked, giving up closes the program: asked first (Esc and the title bar's ✕ end here too)."""
        if self.locked:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("退出程序？窗口中尚未保存的修改不会保存；要继续工作，请输入密码登录。"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def try_login(self) -> None:
        password = self.password_edit.text()
        try:
            self.info = accounts.login(self.db, self.name_edit.text(), password)
        except ResettleError as exc:
            self.password_edit.clear()
            self.message.setText(exc.message)
            return
        finally:
            self.password_edit.clear()  # the password is not kept in the widget
        if self.info.must_change and not self._new_password(password):
            accounts.logout(self.db)  # the service refuses everything until the password is changed anyway
            self.info = None
            self.message.setText(self.tr("管理员重置了此账户的密码：设置新密码后才能继续。"))
            return
        self.accept()

    def _new_password(self, current: str) -> bool:
        """After an admin's reset the owner sets a password only they know, before anything else."""
        from ui.payments.accounts_dialog import PasswordForm

        while True:
            form = PasswordForm(
                self,
                self.tr("设置新密码"),
                with_name=False,
                intro=self.tr("管理员重置了此账户的密码。请设置一个只有您知道的新密码。"),
            )
            if form.exec() != QDialog.DialogCode.Accepted:
                return False
            try:
                accounts.change_password(self.db, current, form.password.text())
            except ResettleError as exc:
                QMessageBox.warning(self, self.tr("设置新密码"), exc.message)
                continue
            return True


def ensure_login(parent: QWidget | None, db: Database) -> bool:
    """True when the register has no accounts or someone logged in; False when the clerk gave up."""
    if not accounts.accounts_enabled(db) or db.role is not None:
        return True
    dialog = LoginDialog(db, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def idle_minutes(prefs: QSettings) -> int:
    try:
        value = int(str(prefs.value(IDLE_SETTING, DEFAULT_IDLE_MINUTES)))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return max(1, value)


class IdleLock(QObject):
    """Locks the register after ``minutes`` without keyboard or mouse input (only when accounts are on)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        database: Callable[[], Database],
        parent_widget: Callable[[], QWidget | None],
        minutes: int = DEFAULT_IDLE_MINUTES,
        on_give_up: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.database = database
        self.parent_widget = parent_widget
        self.on_give_up = on_give_up
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock_now)
        self.set_minutes(minutes)
        self.is_locked = False
        self.previous = ""  # the account logged in when the lock came
        self.cover: object = None  # what the window keeps covered while locked (ui.lock_cover)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)
        if self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.is_locked:
            self.timer.start()  # restart the countdown
        return False

    def lock_now(self) -> None:
        db = self.database()
        if self.is_locked or not accounts.accounts_enabled(db):
            self.timer.start()
            return
        name = self.previous = db.account or ""
        accounts.logout(db)
        self.is_locked = True
        self.locked.emit()
        dialog = LoginDialog(db, self.parent_widget(), name=name, locked=True)
        dialog.finished.connect(lambda code: self._after(code))
        dialog.open()
        self.dialog = dialog

    def _after(self, code: int) -> None:
        self.is_locked = False
        if code == QDialog.DialogCode.Accepted:
            self.unlocked.emit()
            self.timer.start()
        elif self.on_give_up is not None:
            self.on_give_up()

    def close(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
