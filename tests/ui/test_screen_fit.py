"""Dialogs no taller than the screen's free height (a 1366×768 laptop hides buttons below its edge)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from ui.screen_fit import fit_resize


def test_a_dialog_taller_than_the_screen_is_cut_to_its_free_height(qtbot) -> None:
    free = QGuiApplication.primaryScreen().availableGeometry()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_resize(dialog, 1000, free.height() + 300)
    assert dialog.width() == 1000
    assert dialog.height() == free.height() - 40
    fit_resize(dialog, 640, 400)  # one that fits keeps its size
    assert (dialog.width(), dialog.height()) == (640, 400)
