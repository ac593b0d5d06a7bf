from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard

from resettle.store.database import Database
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.ops import OpRunner

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data"


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


def _record_boxes(monkeypatch: pytest.MonkeyPatch, names: tuple[str, ...], answer: object) -> list[str]:
    """QMessageBox.<names> record the text they would show and answer ``answer`` at once."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def box(parent, title, text, *args, **kwargs):
        shown.append(text)
        return answer

    for name in names:
        monkeypatch.setattr(QMessageBox, name, box)
    return shown


@pytest.fixture(autouse=True)
def _no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A question box left open would block the run: answer 'Discard' and remember it was asked."""
    from PySide6.QtWidgets import QMessageBox

    return _record_boxes(monkeypatch, ("question",), QMessageBox.StandardButton.Discard)


@pytest.fixture(autouse=True)
def _no_blocking_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A warning box would block the run: record its text instead (tests assert on it)."""
    from PySide6.QtWidgets import QMessageBox

    return _record_boxes(monkeypatch, ("warning", "information"), QMessageBox.StandardButton.Ok)


def settle(qtbot, window: MainWindow) -> None:
    """Wait until the register table shows the last filter (its count runs on a worker thread)."""
    qtbot.waitUntil(lambda: not window.model.counting, timeout=10000)


def open_import(qtbot, window: MainWindow, path: Path) -> ImportWizard:
    """The import wizard on ``path``, closed with the test."""
    wizard = window.import_survey(path)
    qtbot.addWidget(wizard)
    return wizard


def open_clean_copy(qtbot, window: MainWindow, tmp_path: Path) -> ImportWizard:
    """The import wizard on a copy of the clean sample survey (东岗村调查表.xlsx), for 东岗村征地项目."""
    source = tmp_path / "东岗村调查表.xlsx"
    shutil.copyfile(SAMPLES / "sample_survey_clean.xlsx", source)
    wizard = open_import(qtbot, window, source)
    wizard.file_page.project.setCurrentText("东岗村征地项目")
    return wizard


def next_page(qtbot, wizard: QWizard) -> None:
    """Press 下一步 once it is enabled."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
