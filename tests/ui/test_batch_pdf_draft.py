"""Batch PDF: 样稿 by default (no official number used up); 正式 says first how many numbers it will take."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from resettle.documents.kinds import DocumentKind
from resettle.services.demo.generate import demo_compensation, demo_township
from resettle.services.documents import printing as documents
from resettle.services.register import projects
from ui.main_window import MainWindow
from ui.print_actions import ExportPdfDialog


@pytest.fixture
def priced(window: MainWindow) -> MainWindow:
    demo_compensation(window.db, projects.tree(window.db)[0].id)
    demo_township(window.db)
    return window


def _run(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path, formal: bool, answer: QMessageBox.StandardButton
) -> list[str]:
    asked: list[str] = []

    def accept(dialog: ExportPdfDialog) -> int:
        dialog.scope.setCurrentIndex(dialog.scope.findData("project"))
        dialog.formal.setChecked(formal)
        dialog.out.setText(str(out))
        return QDialog.DialogCode.Accepted.value

    def question(_p: object, _t: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(ExportPdfDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "question", question)
    window.export_pdfs(DocumentKind.NOTICE)
    window.runner.wait()
    return asked


def test_the_default_is_a_draft_that_numbers_nothing(
    qtbot, priced: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "drafts.pdf"
    asked = _run(priced, monkeypatch, out, formal=False, answer=QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(out.exists, timeout=60000)
    assert asked == []
    assert documents.list_documents(priced.db) == []
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "样稿" in text


def test_a_formal_run_says_how_many_numbers_and_can_be_declined(
    qtbot, priced: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "formal.pdf"
    asked = _run(priced, monkeypatch, out, formal=True, answer=QMessageBox.StandardButton.No)
    total = priced.model.rowCount()
    assert len(asked) == 1 and f"{total} 份" in asked[0] and f"最多新占用 {total} 个" in asked[0]
    assert not out.exists() and documents.list_documents(priced.db) == []
