from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from resettle.store.database import Database
from ui.main_window import MainWindow
from ui.ops import OpRunner


@pytest.fixture
def prefs(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, demo_db: Database, prefs: QSettings) -> Iterator[MainWindow]:
    runner = OpRunner()
    win = MainWindow(demo_db, prefs, runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)  # the first count runs on a worker thread: tests start from a loaded table
    yield win
    runner.wait()


@pytest.fixture(autouse=True)
def _no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A question box left open would block the run: answer 'Discard' and remember it was asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture(autouse=True)
def _no_blocking_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A warning box would block the run: record its text instead (tests assert on it)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", warning)
    return shown


def settle(qtbot, window: MainWindow) -> None:
    """Wait until the register table shows the last filter (its count runs on a worker thread)."""
    qtbot.waitUntil(lambda: not window.model.counting, timeout=10000)
