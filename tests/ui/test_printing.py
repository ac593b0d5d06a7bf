"""Printing from the window: preview paints real pages; a printed code is checked in the verify box."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QInputDialog

from resettle.documents.kinds import DocumentKind
from resettle.services.demo.generate import demo_compensation, demo_township
from resettle.services.documents import printing as documents
from resettle.services.register import projects, search
from resettle.services.register.records import HouseholdQuery
from ui.main_window import MainWindow


@pytest.fixture
def computed(window: MainWindow) -> MainWindow:
    demo_compensation(window.db, projects.tree(window.db)[0].id)
    demo_township(window.db)  # issued documents need the office's details
    return window


def test_preview_paints_the_selected_households_notice(
    qtbot, computed: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = computed
    window.table.selectRow(2)
    row = window.model.ensure_row(2)
    assert row is not None
    out = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.preview(DocumentKind.NOTICE)  # prepared on the worker thread, then painted
    qtbot.waitUntil(out.exists, timeout=15000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert row.household_no in text and row.head_name in text
    assert "样稿" in text  # a preview numbers nothing
    assert documents.list_documents(window.db, household_id=row.id) == []


def test_verify_box_reports_an_issued_notice(
    qtbot, computed: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_blocking_warnings: list[str]
) -> None:
    window = computed
    hid = search.list_households(window.db, HouseholdQuery(), 4, 1).rows[0].id
    documents.export_pdf(window.db, DocumentKind.NOTICE, tmp_path / "n.pdf", household_ids=[hid])
    issued = documents.list_documents(window.db, household_id=hid)[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (issued.code.lower(), True))
    window.verify_code()
    assert _no_blocking_warnings and issued.number in _no_blocking_warnings[-1]


def test_export_menu_writes_the_roster_for_the_chosen_village(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    village = projects.tree(window.db)[0].villages[0]
    item, _name = window._tree_items[("village", village.id)]
    window.tree.setCurrentIndex(item.index())
    out = tmp_path / "roster.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_sheet("roster")
    qtbot.waitUntil(out.exists, timeout=10000)
    window.runner.wait()
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        titles = book.sheetnames
    finally:
        book.close()
    assert len(titles) == len(village.groups)


def test_a_refused_print_says_why_before_the_printer_dialog(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, _no_blocking_warnings: list[str]
) -> None:
    """Unfilled office details, no placement standard: 打印 refuses at once and the printer's dialog never
    opens (it used to open, and the refusal came after the clerk had chosen a printer)."""
    from PySide6.QtPrintSupport import QPrintDialog

    opened: list[object] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.table.selectRow(0)
    window.printing.print_kind(DocumentKind.NOTICE)  # the office's details not filled in yet
    assert opened == [] and any("征迁办" in text for text in _no_blocking_warnings), _no_blocking_warnings
    demo_township(window.db)
    _no_blocking_warnings.clear()
    window.printing.print_kind(DocumentKind.ALLOCATION)
    assert opened == [] and any("安置标准" in text for text in _no_blocking_warnings), _no_blocking_warnings
    _no_blocking_warnings.clear()
    window.printing.print_kind(DocumentKind.NOTICE)  # now printable: the dialog opens (cancelled here)
    assert len(opened) == 1 and _no_blocking_warnings == []


def test_check_printable_names_the_refusal_per_project(window: MainWindow) -> None:
    db = window.db
    first = projects.tree(db)[0].id
    empty = projects.create_project(db, "空项目")
    demo_township(db)
    assert documents.check_printable(db, DocumentKind.NOTICE, project_id=first, draft=True)
    with pytest.raises(Exception, match="没有户"):
        documents.check_printable(db, DocumentKind.NOTICE, project_id=empty, draft=True)
    with pytest.raises(Exception, match="抽签"):
        documents.check_printable(db, DocumentKind.LOTTERY, project_id=first, draft=True)
