"""The window painted from the register's first view, the store opened just after (issue 18): the
same screen as a window opened on the store, and then the same window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from resettle.domain.roles import Role
from resettle.services.accounts.users import add_user
from resettle.services.demo.register import mark_demo
from resettle.services.register import projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from tests.conftest import copy_register
from tests.ui.conftest import settle
from ui import app
from ui.main_window import MainWindow
from ui.ops import OpRunner

# the window painted from a register file's first view (a server opens the store first)
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def register(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "register.sqlite3"
    copy_register(demo_template, path)
    with Database.open(path, startup_backup=False) as db:
        mark_demo(db)  # as the demo register is: its title says so, before and after the store opens
    return path


def _screen(window: MainWindow) -> tuple[object, ...]:
    model = window.model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    tree = [window.tree_model.item(i).text() for i in range(window.tree_model.rowCount())]
    return window.windowTitle(), window.project.label.text(), model.rowCount(), rows, tree


def test_the_first_screen_is_the_stores_and_the_store_opens_after_the_paint(
    qtbot: QtBot, register: Path, prefs: QSettings, tmp_path: Path
) -> None:
    runner = OpRunner()
    window = app.quick_window(register, prefs, runner, startup_backup=False)
    assert window is not None
    qtbot.addWidget(window)
    assert window.store is None  # nothing opened yet: the first screen came from the first view
    first_rows = window.model.rowCount(), window.model.row_at(0)
    title = window.windowTitle()
    with qtbot.waitSignal(window.painted, timeout=10000):
        window.show()
    assert window.store is not None and not window.open_failed
    settle(qtbot, window)
    runner.wait()
    with Database.open(register, startup_backup=False, lock=False) as db:
        page = search.first_page(db, HouseholdQuery(), 256)
        nodes = projects.tree(db, with_counts=False)
    assert first_rows == (page.total, page.rows[0])
    assert window.windowTitle() == title and "【演示】" in title  # the demo mark, before and after
    assert [window.model.row_at(i) for i in range(min(256, page.total))] == page.rows
    assert window.tree_model.item(0).text().startswith(nodes[0].name)
    assert window.file_label.text().endswith(str(register.absolute()))

    other = MainWindow(window.db, QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat), runner)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.model.rowCount() == page.total, timeout=10000)
    settle(qtbot, other)
    qtbot.waitUntil(lambda: _screen(other) == _screen(window), timeout=10000)  # the same window from then on
    other.close()
    window.close()
    runner.wait()


def test_asking_for_the_store_before_the_paint_opens_it_at_once(qtbot: QtBot, register: Path, prefs: QSettings) -> None:
    runner = OpRunner()
    window = app.quick_window(register, prefs, runner, startup_backup=False)
    assert window is not None
    qtbot.addWidget(window)
    assert window.store is None
    assert window.db.path == register.absolute()  # e.g. an action chosen at once
    assert window.store is window.db
    settle(qtbot, window)
    window.close()
    runner.wait()


def test_no_quick_window_for_a_register_with_accounts(qtbot: QtBot, tmp_path: Path, prefs: QSettings) -> None:
    path = tmp_path / "accounts.sqlite3"
    with Database.open(path, startup_backup=False) as db:
        add_user(db, "admin", Role.ADMIN, "correct-horse-battery-9")
    assert app.quick_window(path, prefs, OpRunner(), startup_backup=False) is None


def test_the_start_file(tmp_path: Path, prefs: QSettings, register: Path) -> None:
    assert app.start_file(prefs, register) == register
    assert app.start_file(prefs, "postgresql://clerk@server/register") is None
    assert app.start_file(prefs, None, demo=True) is None
