"""The import wizard on the sample workbooks, driven through its pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from resettle.services.register import imports, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from tests.ui.conftest import SAMPLES, next_page, open_clean_copy, open_import
from ui.main_window import MainWindow


def test_clean_workbook_imports_through_the_wizard(qtbot, window: MainWindow, tmp_path: Path) -> None:
    before = search.count_households(window.db, HouseholdQuery())
    wizard = open_clean_copy(qtbot, window, tmp_path)
    next_page(qtbot, wizard)  # → sheets and mapping
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    id_column = wizard.mapping_page.combos["id_number"]
    assert id_column.currentData() == "G"
    # The sheet's header text follows from a worker (the grid's first rows): the letter, then the name.
    qtbot.waitUntil(lambda: id_column.currentText() == "G · 身份证号码", timeout=5000)
    assert "20 户" in wizard.mapping_page.summary.text()
    next_page(qtbot, wizard)  # → check
    assert wizard.check_page.issues.rowCount() == len(wizard.preview.issues)
    assert "新增 40 户" in wizard.check_page.plan.text()
    with qtbot.waitSignal(wizard.imported, timeout=15000):
        next_page(qtbot, wizard)  # → import
    qtbot.waitUntil(lambda: wizard.apply_page.done, timeout=5000)
    assert search.count_households(window.db, HouseholdQuery()) == before + 40
    imported = next(p.id for p in window._tree_nodes if p.name == wizard.preview.project_name)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.current_project_id() == imported, timeout=5000)  # the window shows it …
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=5000)  # … and only it
    assert imports.list_batches(window.db)[0].file_name == "东岗村调查表.xlsx"


def test_workbook_with_errors_cannot_be_imported_and_shows_the_cell(
    qtbot, window: MainWindow, demo_db: Database
) -> None:
    wizard = open_import(qtbot, window, SAMPLES / "sample_survey.xlsx")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    next_page(qtbot, wizard)
    page = wizard.check_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    errors = [page.issues.issue(r) for r in range(page.issues.rowCount()) if page.issues.issue(r).severity == "error"]
    assert {(e.sheet, e.row, e.column) for e in errors} >= {("二组", 19, "G"), ("一组", 6, "G"), ("二组", 50, "H")}
    assert page.cell_hint.isVisible() and "点上方的一行" in page.cell_hint.text()  # not a blank pane
    row = next(r for r in range(page.issues.rowCount()) if page.issues.issue(r).row == 19)
    page.view.setCurrentIndex(page.issues.index(row, 0))
    page.show_cell(page.issues.index(row, 0))  # the sheet is read on the worker thread, once
    qtbot.waitUntil(lambda: page.cell_model.rowCount() > 18, timeout=10000)
    marked = page.cell_model.index(18, 6)
    assert page.cell_model.data(marked, Qt.ItemDataRole.BackgroundRole) is not None
    assert page.cell_view.currentIndex() == marked
    assert not page.cell_hint.isVisible()
    wizard.reject()
