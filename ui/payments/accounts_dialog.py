"""账户: the admin adds accounts, resets passwords, disables accounts; anyone changes their own password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from resettle.errors import ResettleError
from resettle.services import accounts
from resettle.services.accounts import Role
from resettle.store.database import Database
from ui.forms import add_buttons, add_close, ok_cancel
from ui.payments.dialogs import _selected_rows, _table
from ui.payments.login import ensure_login
from ui.payments.models import AccountsModel


class PasswordForm(QDialog):
    """Name, role and a password typed twice (or old and new for one's own password)."""

    def __init__(
        self, parent: QWidget, title: str, *, with_name: bool, with_old: bool = False, intro: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)  # the labels and what is typed beside them both whole
        form = QFormLayout(self)
        if intro:
            note = QLabel(intro)
            note.setWordWrap(True)
            form.addRow(note)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value, role)
        if with_name:
            form.addRow(self.tr("账户名"), self.name)
            form.addRow(self.tr("角色"), self.role)
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        if with_old:
            form.addRow(self.tr("原密码"), self.old)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("新密码（至少 8 位）"), self.password)
        form.addRow(self.tr("再输入一次"), self.again)
        buttons = ok_cancel(self, self._check)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            QMessageBox.warning(self, self.windowTitle(), self.tr("两次输入的密码不一致。"))
            return
        self.accept()


class AccountsDialog(QDialog):
    """The account list (admin only); 修改本人密码 for whoever is logged in."""

    logged_in = Signal()  # the first account was made and logged in: the window shows what it may see

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("账户"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.who = QLabel()
        layout.addWidget(self.who)
        bar = QHBoxLayout()
        self.b_add, self.b_reset, self.b_off, self.b_on, self.b_own = add_buttons(
            bar,
            (
                (self.tr("添加账户…"), self.add),
                (self.tr("重置密码…"), self.reset),
                (self.tr("停用"), lambda: self.set_active(False)),
                (self.tr("启用"), lambda: self.set_active(True)),
                (self.tr("修改本人密码…"), self.change_own),
            ),
        )
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = AccountsModel(self)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        add_close(self)
        self.refresh()

    def refresh(self) -> None:
        """The buttons follow who may use them: before accounts only 添加账户 (the first, an admin); then the
        list and its buttons for the admin, 修改本人密码 for whoever is logged in."""
        enabled = accounts.accounts_enabled(self.db)
        admin = enabled and self.db.role == Role.ADMIN
        self.b_add.setEnabled(not enabled or admin)
        for button in (self.b_reset, self.b_off, self.b_on):
            button.setEnabled(admin)
        self.b_own.setEnabled(enabled and self.db.account is not None)
        if not enabled:
            self.who.setText(self.tr("此数据库尚未启用账户。添加的第一个账户须是管理员；之后打开时要登录。"))
            self.model.set_rows([])
            return
        role = self.db.role.value if self.db.role else self.tr("未登录")
        who = self.tr("当前账户：{0}（{1}）").format(self.db.account or "", role)
        if not admin:
            who += self.tr("。账户列表只有管理员能看和管理；这里可以修改本人密码。")
        self.who.setText(who)
        try:
            self.model.set_rows(accounts.list_users(self.db) if admin else [])
        except ResettleError:
            self.model.set_rows([])  # only the admin sees the list

    def _do(self, fn: object) -> bool:
        try:
            assert callable(fn)
            fn()
        except ResettleError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return False
        self.refresh()
        return True

    def add(self) -> None:
        first = not accounts.accounts_enabled(self.db)
        form = PasswordForm(self, self.tr("添加账户"), with_name=True)
        if first:
            form.role.setCurrentIndex(list(Role).index(Role.ADMIN))
            form.role.setEnabled(False)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        added = self._do(
            lambda: accounts.add_user(self.db, form.name.text(), form.role.currentData(), form.password.text())
        )
        if added and first:
            QMessageBox.information(self, self.windowTitle(), self.tr("账户已启用。请以刚添加的管理员登录。"))
            ensure_login(self, self.db)
            self.logged_in.emit()
            self.refresh()

    def _chosen(self) -> str | None:
        rows = _selected_rows(self.view)
        if not rows:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先选择一个账户。"))
            return None
        return self.model.row(rows[0]).name

    def reset(self) -> None:
        name = self._chosen()
        if name is None:
            return
        form = PasswordForm(self, self.tr("重置 {0} 的密码").format(name), with_name=False)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._do(lambda: accounts.reset_password(self.db, name, form.password.text()))

    def set_active(self, active: bool) -> None:
        name = self._chosen()
        if name is not None:
            self._do(lambda: accounts.set_active(self.db, name, active))

    def change_own(self) -> None:
        form = PasswordForm(self, self.tr("修改本人密码"), with_name=False, with_old=True)
        if form.exec() == QDialog.DialogCode.Accepted and self._do(
            lambda: accounts.change_password(self.db, form.old.text(), form.password.text())
        ):
            QMessageBox.information(self, self.windowTitle(), self.tr("密码已修改。"))
