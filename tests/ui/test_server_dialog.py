"""文件 → 连接服务器: the dialog, what it remembers (never a password), and a real connection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from resettle.store.dialects import ServerAddress, testmap
from tests.ui.conftest import settle
from ui import server_dialog
from ui.main_window import MainWindow
from ui.remembered import last_database_key
from ui.server_dialog import ServerDialog, connect_to_server, recent_servers, remember_server


def answers(monkeypatch: pytest.MonkeyPatch, entries: list[tuple[ServerAddress, str] | None]) -> list[int]:
    """ServerDialog.exec fills the fields with each entry in turn (None: the clerk cancels)."""
    calls: list[int] = []
    queue: Iterator[tuple[ServerAddress, str] | None] = iter(entries)

    def exec_(self: ServerDialog) -> int:
        calls.append(1)
        entry = next(queue, None)
        if entry is None:
            return 0
        address, password = entry
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.password.setText(password)
        return 1

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return calls


def test_recent_servers_fill_the_form_and_no_password_is_kept(qtbot, prefs: QSettings, tmp_path: Path) -> None:
    remember_server(prefs, ServerAddress("db.office", 5433, "东岗", "clerk1"))
    remember_server(prefs, ServerAddress("10.0.0.5", 5432, "resettle", "wang"))
    remember_server(prefs, ServerAddress("db.office", 5433, "东岗", "clerk1"))  # again: moves to the top, once
    assert recent_servers(prefs) == ["postgresql://clerk1@db.office:5433/%E4%B8%9C%E5%B2%97",
                                     "postgresql://wang@10.0.0.5:5432/resettle"]  # fmt: skip
    dialog = ServerDialog(prefs)
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == (
        "db.office", 5433, "东岗", "clerk1")  # fmt: skip
    assert dialog.password.text() == ""
    dialog.recent.setCurrentIndex(2)
    assert dialog.address() == ServerAddress("10.0.0.5", 5432, "resettle", "wang")


def test_a_server_that_does_not_answer_is_said_plainly_and_the_password_is_not_written(
    qtbot, prefs: QSettings, _no_blocking_warnings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prefs.setValue("other", "kept")  # the settings file exists and is looked at
    nowhere = ServerAddress("127.0.0.1", 1, "resettle", "clerk1")  # nothing listens on port 1
    calls = answers(monkeypatch, [(nowhere, "s3cret-pw"), None])
    assert connect_to_server(None, prefs) is None  # type: ignore[arg-type]
    assert len(calls) == 2  # asked again after the failure, then the clerk cancelled
    assert _no_blocking_warnings and "127.0.0.1" in _no_blocking_warnings[0]
    prefs.sync()
    assert "s3cret-pw" not in Path(prefs.fileName()).read_text(encoding="utf-8")
    assert recent_servers(prefs) == []  # only a server that was reached is remembered


def test_missing_fields_are_named(qtbot, prefs: QSettings, _no_blocking_warnings: list[str]) -> None:
    dialog = ServerDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.host.setText("")
    dialog.accept()
    assert dialog.result() == 0
    assert _no_blocking_warnings == ["请填写：服务器地址、数据库名、用户名"]


@pytest.mark.postgres
def test_connecting_puts_the_server_register_in_the_window(
    qtbot, window: MainWindow, prefs: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address, password, _created = testmap.resolve(tmp_path / "office-server.sqlite3")  # a new, empty database
    answers(monkeypatch, [(address, password or "")])
    monkeypatch.setattr("ui.payments.login.ensure_login", lambda _parent, _db: True)
    before = window.db
    window.files.connect_server()
    settle(qtbot, window)
    assert window.db is not before and window.db.is_server
    assert window.db.server is not None and window.db.server.database == address.database
    assert address.display in window.file_label.text()
    assert window.model.rowCount() == 0  # the new server register, not the demo any more
    assert recent_servers(prefs)[0] == address.display
    assert prefs.value(last_database_key()) != str(window.db.path)
    assert server_dialog.RECENT_SERVERS_KEY in prefs.allKeys()
