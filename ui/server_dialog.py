"""文件 → 连接服务器: open a register on an office's PostgreSQL server (docs/postgresql.md).

The clerk gives host, port, database and user; the password is asked every time and kept in
memory only (never in the settings). The servers used before are remembered without passwords.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from resettle.errors import ResettleError
from resettle.store.database import Database, PasswordNeeded
from resettle.store.dialects import DEFAULT_PORT, ServerAddress, parse_server_url
from resettle.store.opening import open_register
from ui.forms import ok_cancel

if TYPE_CHECKING:
    from ui.ops import OpRunner

RECENT_SERVERS_KEY = "recent_servers"
MAX_RECENT_SERVERS = 8


def recent_servers(prefs: QSettings) -> list[str]:
    """The addresses connected to before (postgresql://user@host:port/db), newest first; no passwords."""
    value = prefs.value(RECENT_SERVERS_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_server(prefs: QSettings, address: ServerAddress) -> None:
    shown = address.display
    recent = [s for s in recent_servers(prefs) if s != shown]
    prefs.setValue(RECENT_SERVERS_KEY, [shown, *recent][:MAX_RECENT_SERVERS])


class ServerDialog(QDialog):
    """Where the server is and who connects; the password field is never filled from anything stored."""

    def __init__(self, prefs: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接服务器"))
        self.recent = QComboBox()
        self.recent.addItem(self.tr("（新的服务器）"), "")
        for shown in recent_servers(prefs):
            self.recent.addItem(shown, shown)
        self.recent.currentIndexChanged.connect(self._fill_from_recent)
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText(self.tr("例如 resettle"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("只在本次连接时使用，不会保存"))
        # wide enough for its hint whole (the hint was cut at the field's right edge)
        hint = self.password.fontMetrics().horizontalAdvance(self.password.placeholderText())
        self.password.setMinimumWidth(hint + 4 * self.password.fontMetrics().averageCharWidth())
        form = QFormLayout()
        form.addRow(self.tr("最近连接"), self.recent)
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        note = QLabel(self.tr("多位经办人同时使用一个项目时，请连接本单位的 PostgreSQL 服务器；"
                              "不要把数据库文件放在网络共享文件夹里。"))  # fmt: skip
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(ok_cancel(self))
        if self.recent.count() > 1:
            self.recent.setCurrentIndex(1)

    def _fill_from_recent(self, index: int) -> None:
        shown = self.recent.itemData(index)
        if not shown:
            return
        address, _password = parse_server_url(str(shown))
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.password.setFocus()

    def address(self) -> ServerAddress:
        return ServerAddress(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.user.text().strip())  # fmt: skip

    def accept(self) -> None:
        missing = [label for label, edit in ((self.tr("服务器地址"), self.host), (self.tr("数据库名"), self.database),
                                             (self.tr("用户名"), self.user)) if not edit.text().strip()]  # fmt: skip
        if missing:
            QMessageBox.warning(self, self.tr("连接服务器"), self.tr("请填写：{0}").format("、".join(missing)))
            return
        super().accept()


def connect_to_server(parent: QWidget, prefs: QSettings, runner: OpRunner | None = None) -> Database | None:
    """Ask where and who, open the register on the server; None when the clerk gave up. With the
    window's ``runner`` the connection (and an empty database's migration) runs on a worker behind a
    progress box with 取消, and the window keeps painting."""
    dialog = ServerDialog(prefs, parent)
    while dialog.exec():
        address = dialog.address()
        password = dialog.password.text() or None
        try:
            if runner is None:
                db = open_register(address=address, password=password)
            else:
                opened = runner.call(parent, dialog.tr("正在连接服务器…"), open_register, address=address,
                                     password=password)  # fmt: skip
                if opened is None:  # the clerk pressed 取消
                    return None
                db = opened
        except PasswordNeeded:
            QMessageBox.warning(parent, dialog.tr("连接服务器"), dialog.tr("服务器要求密码，请输入密码后再连接。"))
            continue
        except ResettleError as exc:
            QMessageBox.warning(parent, dialog.tr("连接不上服务器"), exc.message)
            continue
        finally:
            dialog.password.clear()  # the password does not outlive the attempt
        remember_server(prefs, address)
        return db
    return None
