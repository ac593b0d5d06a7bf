"""Every table model of the window under Qt's model tester, filled with real rows from a demo register.

(The register, member/land/house/attachment and history models are checked in test_table_models.py.)
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from resettle.domain.compensation_records import HouseholdDiff
from resettle.io.survey import preview
from resettle.services.compensation import adjustments, rate_tables, reviewing, summaries
from resettle.services.demo.generate import demo_compensation
from resettle.services.register import imports, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.backup import list_backups
from resettle.store.database import Database
from ui.dialogs import BatchesDialog, RestoreDialog
from ui.models.compensation import AdjustmentsModel, DiffModel, LinesModel, RateTablesModel, RulesModel, SumsModel
from ui.models.import_models import IssuesModel, SheetGridModel

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_compensation_models_pass_the_model_tester(qtmodeltester, demo_db: Database) -> None:
    (project,) = projects.tree(demo_db, with_counts=False)
    demo_compensation(demo_db, project.id)
    hid = search.list_households(demo_db, HouseholdQuery(), 0, 1).rows[0].id
    adjustments.add_adjustment(demo_db, hid, "奖励", Decimal("1200.00"), "按期签约奖励")
    view = reviewing.get_household_compensation(demo_db, hid)
    lines, adjustments_model = LinesModel(), AdjustmentsModel()
    lines.set_rows(view.lines)
    adjustments_model.set_rows(view.adjustments)
    assert lines.rowCount() == len(view.lines) > 0 and adjustments_model.rowCount() == 1
    tables, rules = RateTablesModel(), RulesModel()
    tables.set_rows(rate_tables.list_rate_tables(demo_db))
    current = rate_tables.get_project_rate_table(demo_db, project.id)
    assert current is not None
    table_rules = rate_tables.get_rate_table(demo_db, current.table.id).table.rules
    rules.set_rows(table_rules)
    summary = summaries.project_summary(demo_db, project.id)
    sums = SumsModel("项目")
    sums.set_rows(sorted(summary.by_item.items()))
    totals = summaries.household_totals(demo_db, project.id)[1][:3]
    diff = DiffModel()  # what the change-of-standard preview shows: old and new total per household
    diff.set_rows([HouseholdDiff(t.household_id, t.household_no, t.head_name, t.total, t.total + Decimal("10.00"), ())
                   for t in totals])  # fmt: skip
    for model in (lines, adjustments_model, tables, rules, sums, diff):
        qtmodeltester.check(model)
    assert sums.rowCount() == len(summary.by_item) and rules.rowCount() == len(table_rules) > 0
    assert diff.rowCount() == len(totals) == 3


def test_import_models_pass_the_model_tester(qtmodeltester, demo_db: Database) -> None:
    found = imports.preview_import(demo_db, SAMPLES / "sample_survey.xlsx", project="导入检查")
    issues = IssuesModel()
    issues.set_issues(found.issues)
    assert issues.rowCount() == len(found.issues) > 0
    assert issues.data(issues.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    grid = SheetGridModel()
    grid.set_rows(preview(SAMPLES / "sample_survey.xlsx", "一组", rows=30), {(5, 6)})
    assert grid.rowCount() == 30 and grid.headerData(6, Qt.Orientation.Horizontal) == "G"
    for model in (issues, grid):
        qtmodeltester.check(model)


def test_dialog_lists_pass_the_model_tester(qtmodeltester, qtbot, demo_db: Database) -> None:
    demo_db.backup_now("manual")
    restore = RestoreDialog(list_backups(demo_db.path))
    qtbot.addWidget(restore)
    batches = BatchesDialog(imports.list_batches(demo_db))
    qtbot.addWidget(batches)
    assert restore.view.model().rowCount() == len(list_backups(demo_db.path)) > 0
    for dialog in (restore, batches):
        qtmodeltester.check(dialog.view.model())
