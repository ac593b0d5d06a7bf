"""Renders the main window and the household editor to docs/*.png on a fresh demo database."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from resettle.domain.township import TownshipDetails
from resettle.io.survey import ReadOptions
from resettle.services.demo.generate import demo_compensation, demo_township, generate_demo
from resettle.services.register import imports, projects, settings
from resettle.store.database import Database
from ui.app import build_app
from ui.household_editor import HouseholdEditor
from ui.main_window import MainWindow
from ui.ops import OpRunner
from ui.window_project import ProjectDialog

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "sample_survey_clean.xlsx"


def _second_project(db: Database) -> int:
    """德源村 from the clean sample survey, described as a clerk would in 项目信息."""
    found = imports.preview_import(db, SAMPLE, project="德源村征地项目", options=ReadOptions(village="德源村"))
    imports.apply_import(db, found)
    pid = projects.resolve_project(db, "德源村征地项目")
    for village_id, name in projects.get_project(db, pid).villages:
        if name != "德源村":  # the sample sheet is headed 东岗村: renamed as a clerk would in 项目 → 重命名
            projects.rename_village(db, pid, village_id, "德源村")
    projects.update_project(db, pid, projects.ProjectDetails(
        "德源村征地项目", "浙政土〔2026〕31号", date(2026, 6, 18), date(2026, 4, 1), date(2026, 7, 1), 15,
        TownshipDetails(township="德源镇", signing_place="德源村村委会"), "二期"))  # fmt: skip
    return pid


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
        demo_township(db)
        second = _second_project(db)  # two projects in one register: the window names the one it works on
        runner = OpRunner()
        win = MainWindow(db, QSettings(str(Path(tmp) / "p.ini"), QSettings.Format.IniFormat), runner)
        win.resize(1200, 720)
        win.show()
        win.tree.expandAll()
        settle(app)
        runner.wait()  # household counts in the tree come from a worker
        settle(app)
        win.select_node(("project", second))
        settle(app)
        runner.wait()  # the count of the selection, too
        settle(app)
        win.table.selectRow(2)
        settle(app)
        win.grab().save(str(out / "main_window.png"))
        dialog = ProjectDialog(projects.get_project(db, second), settings.get_township(db), win)
        dialog.show()
        settle(app)
        dialog.grab().save(str(out / "project_dialog.png"))
        dialog.close()
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
