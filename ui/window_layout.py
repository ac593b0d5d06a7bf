"""The main window's layout kept between sessions: size and place, toolbars, table columns, splitter."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView

from ui.screen_fit import fit_roomy

COLUMN_WIDTHS = (100, 220, 70, 60, 50, 100, 80, 80, 86)  # first use; 户主 room for 「廖芳晓（匹配：黄丹凤（配偶））」


def restore_layout(window: QMainWindow, table: QTableView, splitter: QSplitter, prefs: QSettings) -> None:
    geometry = prefs.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        fit_roomy(window, 1280, 760)
    state = prefs.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    header = prefs.value("window/table_header")
    if isinstance(header, QByteArray):
        table.horizontalHeader().restoreState(header)
    else:
        for col, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(col, width)
    split = prefs.value("window/splitter")
    if isinstance(split, QByteArray):
        splitter.restoreState(split)


def save_layout(window: QMainWindow, table: QTableView, splitter: QSplitter, prefs: QSettings) -> None:
    prefs.setValue("window/geometry", window.saveGeometry())
    prefs.setValue("window/state", window.saveState())
    prefs.setValue("window/table_header", table.horizontalHeader().saveState())
    prefs.setValue("window/splitter", splitter.saveState())
