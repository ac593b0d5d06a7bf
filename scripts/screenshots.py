"""Renders the main window and the household editor to docs/*.png on a fresh demo database."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from resettle.services.demo import demo_compensation, generate_demo
from resettle.store.database import Database
from ui.app import build_app
from ui.household_editor import HouseholdEditor
from ui.main_window import MainWindow
from ui.ops import OpRunner


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(exist_ok=True)
    app = build_app([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "demo.sqlite3")
        demo_compensation(db, generate_demo(db, households=300).project_id)
        runner = OpRunner()
        win = MainWindow(db, QSettings(str(Path(tmp) / "p.ini"), QSettings.Format.IniFormat), runner)
        win.resize(1200, 720)
        win.show()
        win.tree.expandAll()
        settle(app)
        runner.wait()  # household counts in the tree come from a worker
        settle(app)
        win.table.selectRow(2)
        settle(app)
        win.grab().save(str(out / "main_window.png"))
        hid = win.selected_household_id()
        editor = HouseholdEditor(db, hid, win.groups, win)
        editor.show()
        settle(app)
        editor.grab().save(str(out / "editor.png"))
        editor.close()
        win.close()
        db.close()


if __name__ == "__main__":
    main()
