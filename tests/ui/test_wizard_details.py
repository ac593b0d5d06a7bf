"""The wizard as a new clerk meets it: column choices named by their header, problems in workbook order,
the preview not stretched by the title, a confirmation after saving the report, counts from the start."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from resettle.io.survey import read_survey
from tests.io.builders import household, person, survey_layout, write_xlsx
from tests.ui.conftest import SAMPLES, next_page, open_import
from ui.import_wizard import PREVIEW_COLUMN_MAX
from ui.main_window import MainWindow


def test_column_choices_show_letter_and_header_and_the_preview_is_not_stretched(qtbot, window: MainWindow) -> None:
    wizard = open_import(qtbot, window, SAMPLES / "sample_survey_clean.xlsx")
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    combo = page.combos["id_number"]
    qtbot.waitUntil(lambda: "·" in combo.currentText(), timeout=10000)
    letter, _, header = combo.currentText().partition(" · ")
    assert letter == combo.currentData() and "身份证" in header
    qtbot.waitUntil(lambda: page.grid_model.rowCount() > 0, timeout=10000)
    widths = [page.grid.columnWidth(c) for c in range(page.grid_model.columnCount())]
    assert max(widths) <= PREVIEW_COLUMN_MAX  # the merged title in A does not push 身份证 off screen
    wizard.reject()


def test_problems_follow_the_workbook_order_of_sheets(tmp_path: Path, qtbot, window: MainWindow) -> None:
    rng = random.Random(3)

    def bad(no: str) -> dict[str, object]:
        from datetime import date

        member = person("李四", "户主", date(1970, 1, 1), "男", rng)
        member["id_number"] = "123"
        return household(no, [member])

    sheets = {
        name: survey_layout([bad(f"{name}1")], title=f"东岗村调查表（{name}）")
        for name in ("一组", "二组", "三组", "十组")
    }
    path = write_xlsx(tmp_path / "order.xlsx", sheets)
    wizard = window.import_survey(path)
    qtbot.addWidget(wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    next_page(qtbot, wizard)
    issues = [wizard.check_page.issues.issue(r) for r in range(wizard.check_page.issues.rowCount())]
    seen = list(dict.fromkeys(i.sheet for i in issues if i.severity == "error"))
    assert seen == ["一组", "二组", "三组", "十组"]
    wizard.reject()


def test_saving_the_report_is_confirmed(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_blocking_warnings: list[str]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "报告.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    wizard = window.import_survey(SAMPLES / "sample_survey.xlsx")
    qtbot.addWidget(wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    next_page(qtbot, wizard)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled() is False
    wizard.check_page.export_report()
    qtbot.waitUntil(lambda: any(str(out) in text for text in _no_blocking_warnings), timeout=20000)
    assert out.exists()
    wizard.reject()


def test_a_long_read_reports_counts_before_the_first_sheet_is_parsed() -> None:
    calls: list[tuple[int, int]] = []
    read_survey(SAMPLES / "sample_survey_clean.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 2)  # sheets being opened: a count at once, not an empty spinner
    assert calls[-1][0] == calls[-1][1] and calls[-1][1] > 2  # then rows, to the end
