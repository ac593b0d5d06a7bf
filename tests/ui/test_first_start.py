"""First start: the welcome page instead of demo data in the real register; the guide and the shortcuts."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from resettle.services.demo import register as demo_register
from resettle.services.demo.register import is_demo
from resettle.services.register import projects
from resettle.store.paths import default_db_path
from ui import app
from ui.help_dialog import HelpDialog
from ui.main_window import MainWindow
from ui.welcome import WelcomeDialog


def test_first_start_shows_the_welcome_page_and_creates_the_register(
    qtbot, prefs: QSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[WelcomeDialog] = []

    def exec_(dialog: WelcomeDialog) -> int:
        shown.append(dialog)
        dialog.project.setText("德源村项目")
        dialog.township.setText("城东镇")
        dialog.villages.setText("德源村")
        dialog.create_register()
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)
    db = app.open_start_database(prefs)
    assert shown and db is not None
    try:
        assert db.path == default_db_path() and not is_demo(db)
        assert [p.name for p in projects.tree(db, with_counts=False)] == ["德源村项目"]
    finally:
        db.close()


def test_closing_the_welcome_page_opens_nothing(qtbot, prefs: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: 0)
    assert app.open_start_database(prefs) is None
    assert not default_db_path().exists()


def test_demo_flag_opens_the_marked_demo(qtbot, prefs: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "open_demo", functools.partial(demo_register.open_demo, households=8))
    db = app.open_start_database(prefs, demo=True)
    assert db is not None
    try:
        assert is_demo(db) and db.path != default_db_path()
    finally:
        db.close()


def test_the_guide_lists_the_path_and_the_shortcuts(qtbot, window: MainWindow) -> None:
    dialog = HelpDialog(window.findChildren(type(window.act_import)), window)
    qtbot.addWidget(dialog)
    html = dialog.guide_html() + dialog.shortcuts_html(window.findChildren(type(window.act_import)))
    for words in ("导入调查表", "补偿标准", "样稿", "F9", "Ctrl+I"):
        assert words in html
    assert window.act_guide in window.menuBar().actions()[-1].menu().actions()


def test_the_demo_says_so_in_the_title_and_status_bar(qtbot, prefs: QSettings) -> None:
    db = demo_register.open_demo(households=8)
    try:
        from ui.ops import OpRunner

        win = MainWindow(db, prefs, OpRunner())
        qtbot.addWidget(win)
        assert win.windowTitle().startswith("【演示】")
        assert "演示数据" in win.project_label.text()
    finally:
        db.close()


def test_a_real_register_has_no_demo_mark(window: MainWindow) -> None:
    assert "演示" not in window.windowTitle()
