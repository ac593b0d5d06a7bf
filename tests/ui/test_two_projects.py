"""Two projects in one register: what the clerk selects in the tree is what every action acts on.

The demo project (computed, with its published standard) and a second project imported
from the clean sample workbook as 德源村. Selecting the second project (or one of its
groups) makes the rates dialog, 「设为项目标准」, F9, a 组's export and printing act on
it alone: asserted on the database and on the files written.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from resettle.documents.kinds import DocumentKind
from resettle.io.survey import ReadOptions
from resettle.services.compensation import computing, rate_tables, summaries
from resettle.services.demo.generate import demo_compensation, demo_township
from resettle.services.documents import printing as documents
from resettle.services.register import imports, projects, search
from resettle.services.register.records import HouseholdQuery
from ui.main_window import MainWindow
from ui.print_actions import ExportPdfDialog
from ui.rates_dialog import ChangePreviewDialog, RatesDialog

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SECOND = "德源村征地项目"


@pytest.fixture
def two(window: MainWindow) -> tuple[MainWindow, int, int]:
    db = window.db
    (demo,) = projects.tree(db, with_counts=False)
    demo_compensation(db, demo.id)
    demo_township(db)
    preview = imports.preview_import(
        db, SAMPLES / "sample_survey_clean.xlsx", project=SECOND, options=ReadOptions(village="德源村")
    )
    assert not preview.errors
    imports.apply_import(db, preview)
    second = projects.resolve_project(db, SECOND)
    window.reload_all()
    window.runner.wait()
    return window, demo.id, second


def _select(window: MainWindow, node: tuple[str, int]) -> None:
    item, _name = window._tree_items[node]
    window.tree.setCurrentIndex(item.index())
    assert window._filter == node


def _household_ids(window: MainWindow, **where: int) -> set[int]:
    rows = search.list_households(window.db, HouseholdQuery(**where), 0, 100_000).rows
    return {r.id for r in rows}


def _grand_total(window: MainWindow, pid: int) -> tuple[int, object]:
    s = summaries.project_summary(window.db, pid)
    return s.households, s.grand_total


def test_the_window_names_the_project_it_works_on(qtbot, two) -> None:
    window, demo, second = two
    window.tree.selectionModel().clearCurrentIndex()
    assert window.current_project_id() is None  # two projects, nothing chosen: no guess
    assert "未选" in window.windowTitle() and "未选" in window.project_label.text()
    (group_node,) = [("group", g.id) for p in projects.tree(window.db) if p.id == second
                     for v in p.villages for g in v.groups][:1]  # fmt: skip
    _select(window, group_node)
    assert window.current_project_id() == second
    assert SECOND in window.windowTitle() and SECOND in window.project_label.text()
    demo_name = next(p.name for p in projects.tree(window.db, with_counts=False) if p.id == demo)
    _select(window, ("project", demo))
    assert demo_name in window.windowTitle() and SECOND not in window.windowTitle()


def test_rates_set_standard_and_compute_act_on_the_selected_project_only(
    qtbot, two, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, demo, second = two
    demo_before = _grand_total(window, demo)
    assert demo_before[0] == 60
    assert rate_tables.get_project_rate_table(window.db, second) is None
    _select(window, ("project", second))

    opened: list[RatesDialog] = []
    monkeypatch.setattr(RatesDialog, "exec", lambda self: opened.append(self) or 0)
    window.show_rates()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert dialog.project_id() == second
    assert SECOND in dialog.current.text() and "未设置" in dialog.current.text()  # not the demo's standard

    published = rate_tables.get_project_rate_table(window.db, demo)
    assert published is not None
    row = next(r for r in range(dialog.tables.rowCount()) if dialog.tables.row(r).id == published.table.id)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    dialog.tables_view.selectionModel().select(dialog.tables.index(row, 0), flags)  # not selectRow: it reads Ctrl
    assert [t.id for t in dialog.selected()] == [published.table.id]
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (12, True))
    monkeypatch.setattr(ChangePreviewDialog, "exec", lambda self: 1)
    dialog.use_for_project()  # preview on the worker thread, then the recompute
    errors: list[BaseException] = []
    window.runner.on_error = lambda _parent, exc, _trace: errors.append(exc)
    qtbot.waitUntil(lambda: errors or rate_tables.get_project_rate_table(window.db, second) is not None, timeout=20000)
    assert not errors
    window.runner.wait()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)
    n_second = len(_household_ids(window, project_id=second))
    assert _grand_total(window, second)[0] == n_second > 0
    assert _grand_total(window, demo) == demo_before  # the demo project was not re-priced

    window.compute_all()  # F9
    qtbot.waitUntil(lambda: "已计算" in window.statusBar().currentMessage(), timeout=20000)
    assert window.statusBar().currentMessage().startswith(f"已计算 {n_second} 户")
    assert _grand_total(window, demo) == demo_before


def test_with_several_projects_and_none_chosen_an_action_asks(qtbot, two, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _demo, second = two
    window.tree.selectionModel().clearCurrentIndex()
    asked: list[list[str]] = []

    def refuse(parent, title, label, items, *args, **kwargs):
        asked.append(list(items))
        return "", False

    monkeypatch.setattr(QInputDialog, "getItem", refuse)
    ran: list[str] = []
    run = window.runner.run
    monkeypatch.setattr(
        window.runner, "run", lambda parent, title, fn, **kw: ran.append(title) or run(parent, title, fn, **kw)
    )
    opened: list[RatesDialog] = []
    monkeypatch.setattr(RatesDialog, "exec", lambda self: opened.append(self) or 0)
    window.show_rates()
    window.compute_all()
    window.export_sheet("roster")
    assert len(asked) == 3 and all(len(items) == 2 and SECOND in items[1] for items in asked)
    assert opened == [] and [t for t in ran if t] == []  # refused the choice: nothing ran (counts have no title)

    def pick_second(parent, title, label, items, *args, **kwargs):
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_second)
    window.show_rates()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert dialog.project_id() == second
    assert window.current_project_id() == second  # the choice is shown in the tree too


def test_export_of_a_group_of_the_second_project_writes_that_group(
    qtbot, two, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, demo, second = two
    (p2,) = [p for p in projects.tree(window.db) if p.id == second]
    group = p2.villages[0].groups[-1]
    _select(window, ("group", group.id))
    wanted = search.list_households(window.db, HouseholdQuery(group_id=group.id), 0, 10_000).rows
    demo_numbers = {r.household_no for r in search.list_households(
        window.db, HouseholdQuery(project_id=demo), 0, 10_000).rows}  # fmt: skip
    for kind in ("roster", "payments", "compensation"):
        out = tmp_path / f"{kind}.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, _o=out, **k: (str(_o), ""))
        window.export_sheet(kind)
        qtbot.waitUntil(out.exists, timeout=15000)
        window.runner.wait()
        book = openpyxl.load_workbook(out, read_only=True)
        try:
            cells = {str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c}
        finally:
            book.close()
        found = {r.household_no for r in wanted if r.household_no in cells}
        assert found == {r.household_no for r in wanted}, kind
        others = {r.household_no for r in search.list_households(
            window.db, HouseholdQuery(project_id=second), 0, 10_000).rows} - found  # fmt: skip
        assert not (others | (demo_numbers - found)) & cells, kind  # no other group, no demo household


def test_printing_a_group_of_the_second_project_prints_its_households_only(
    qtbot, two, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, demo, second = two
    _select(window, ("project", second))
    published = rate_tables.get_project_rate_table(window.db, demo)
    assert published is not None
    computing.change_project_rate_table(window.db, second, published.table.id, transition_months=12)
    (p2,) = [p for p in projects.tree(window.db) if p.id == second]
    group = p2.villages[0].groups[0]
    _select(window, ("group", group.id))
    out = tmp_path / "notices.pdf"

    def accept(dialog: ExportPdfDialog) -> int:
        assert dialog.draft.isChecked()  # 样稿 is the default: a trial never takes official numbers
        dialog.scope.setCurrentIndex(dialog.scope.findData("group"))
        dialog.formal.setChecked(True)
        dialog.out.setText(str(out))
        return QDialog.DialogCode.Accepted.value

    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(ExportPdfDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "question", yes)
    errors: list[BaseException] = []
    window.runner.on_error = lambda _parent, exc, _trace: errors.append(exc)
    window.export_pdfs(DocumentKind.NOTICE)
    qtbot.waitUntil(lambda: bool(errors) or out.exists(), timeout=60000)
    assert not errors
    window.runner.wait()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    in_group = search.list_households(window.db, HouseholdQuery(group_id=group.id), 0, 10_000).rows
    assert in_group and all(r.household_no in text for r in in_group)
    printed = {d.household_id for d in documents.list_documents(window.db)}
    assert printed == {r.id for r in in_group}  # issued for that group only, nothing for the demo project
    assert asked and f"{len(in_group)} 份" in asked[0] and f"最多新占用 {len(in_group)} 个" in asked[0]


def test_projects_and_villages_are_created_renamed_and_described_in_the_window(
    qtbot, two, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from ui.window_project import ProjectDialog

    window, demo, second = two

    def fill_new(dialog: ProjectDialog) -> int:
        dialog.name.setText("城西片区项目")
        dialog.approval_no.setText("浙政土〔2026〕30号")
        dialog.approval_date.setText("2026/6/1")
        dialog.reference_date.setText("20260701")
        dialog.posting_days.setValue(15)
        dialog.township["township"].setText("西镇")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ProjectDialog, "exec", fill_new)
    pid = window.new_project()
    assert pid is not None and window.current_project_id() == pid  # the new project is selected
    record = projects.get_project(window.db, pid)
    assert (record.details.approval_date, record.details.reference_date, record.details.posting_days) == (
        date(2026, 6, 1), date(2026, 7, 1), 15)  # fmt: skip
    assert projects.township_for(window.db, pid).township == "西镇"
    assert "城西片区项目" in window.windowTitle()

    answers = iter([("德源新村", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    _select(window, ("project", second))
    village = projects.get_project(window.db, second).villages[0][0]
    _select(window, ("village", village))
    window.rename_node()
    assert projects.get_project(window.db, second).villages[0][1] == "德源新村"
    assert [v for _i, v in projects.get_project(window.db, demo).villages if v == "德源新村"] == []

    def bad_date_then_fix(dialog: ProjectDialog) -> int:
        assert dialog.name.text() == SECOND  # the form shows what is stored
        dialog.cutoff_date.setText("2026-13-01")
        dialog._accept()
        assert "预公告日" in dialog.error.text() and not dialog.result()  # refused with the field named
        dialog.cutoff_date.setText("2026-03-01")
        dialog.remarks.setPlainText("二期")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ProjectDialog, "exec", bad_date_then_fix)
    window.edit_project()
    details = projects.get_project(window.db, second).details
    assert (details.cutoff_date, details.remarks) == (date(2026, 3, 1), "二期")


def test_the_chosen_project_survives_a_reload_of_the_tree(qtbot, two) -> None:
    window, _demo, second = two
    _select(window, ("project", second))
    window.runner.announce("households")  # e.g. after a household was saved: the tree is rebuilt
    assert window._filter == ("project", second) and window.current_project_id() == second
    assert SECOND in window.windowTitle()


def test_the_import_wizard_starts_on_the_current_project_and_never_guesses(qtbot, two) -> None:
    window, _demo, second = two
    _select(window, ("village", projects.get_project(window.db, second).villages[0][0]))
    wizard = window.import_survey(SAMPLES / "sample_survey_clean.xlsx")
    qtbot.addWidget(wizard)
    assert wizard.file_page.project.currentData() == second
    wizard.reject()
    window.tree.selectionModel().clearCurrentIndex()
    wizard = window.import_survey(SAMPLES / "sample_survey_clean.xlsx")
    qtbot.addWidget(wizard)
    assert wizard.file_page.project.currentText() == ""  # several projects, none chosen: the clerk picks
    assert not wizard.file_page.isComplete()
    wizard.file_page.project.setCurrentIndex(1)
    assert wizard.file_page.isComplete() and wizard.project() == second
    wizard.reject()


def test_a_second_project_imported_while_the_only_one_is_shown_stays_out_of_its_table(qtbot, window) -> None:
    """With one project its filter is dropped (the whole register); an import that makes a second
    project brings the filter back, so the first project's table does not show the newcomers."""
    from tests.ui.conftest import settle

    (demo,) = projects.tree(window.db, with_counts=False)
    _select(window, ("project", demo.id))
    settle(qtbot, window)
    before = window.model.rowCount()
    preview = imports.preview_import(
        window.db, SAMPLES / "sample_survey_clean.xlsx", project=SECOND, options=ReadOptions(village="德源村")
    )
    imports.apply_import(window.db, preview)
    window.runner.announce("households")  # what the import wizard's job announces when it is done
    settle(qtbot, window)
    assert window._filter == ("project", demo.id)
    assert window.model.rowCount() == before == len(_household_ids(window, project_id=demo.id))
