"""The rates dialog with an office's own sheet: asks for a missing name, lists every problem, edits 文号 and date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPushButton

from resettle.services.compensation import rate_tables
from resettle.store.database import Database
from tests.io.test_rate_sheet_as_offices_write_it import PRICE_UNITS, office_sheet
from ui.ops import OpRunner
from ui.rate_table_info import RateTableInfoDialog
from ui.rates_dialog import RatesDialog


def test_a_sheet_without_a_name_asks_for_it_and_the_details_are_editable_until_published(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = OpRunner()
    dialog = RatesDialog(db, runner)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("德源村征收补偿标准", True))
    assert dialog.import_file(office_sheet(tmp_path, PRICE_UNITS, title=None))
    (info,) = rate_tables.list_rate_tables(db)
    assert info.name == "德源村征收补偿标准" and info.rules == len(PRICE_UNITS)

    edit = RateTableInfoDialog(db, info)
    qtbot.addWidget(edit)
    edit.source_doc.setText("某政发〔2026〕12号")
    edit.has_date.setChecked(True)
    edit.effective.setDate(QDate(2026, 6, 30))
    edit.save()
    (info,) = rate_tables.list_rate_tables(db)
    assert (info.source_doc, info.effective_date) == ("某政发〔2026〕12号", date(2026, 6, 30))

    rate_tables.publish_rate_table(db, info.id)
    (info,) = rate_tables.list_rate_tables(db)
    frozen = RateTableInfoDialog(db, info)
    qtbot.addWidget(frozen)
    assert not frozen.name.isEnabled() and not frozen.source_doc.isEnabled()
    # it says why, and its one button is 关闭 (no 保存 to try, no 取消 to wonder about)
    assert any("已发布，不能修改" in label.text() for label in frozen.findChildren(QLabel))
    assert [b.text() for b in frozen.findChildren(QPushButton)] == ["关闭"]
    runner.wait()


def test_every_problem_is_shown_in_the_details(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"TD-{i:02d}", "土地补偿费", "土地面积", "地类=水田", 62000, "元/株", "户"] for i in range(1, 14)]
    seen: list[str] = []

    def exec_(box: QMessageBox) -> int:
        seen.append(box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    dialog = RatesDialog(db, OpRunner())
    qtbot.addWidget(dialog)
    assert not dialog.import_file(office_sheet(tmp_path, rows, title="某标准"))
    assert len(seen) == 1 and len(seen[0].splitlines()) == 13
    assert rate_tables.list_rate_tables(db) == []
