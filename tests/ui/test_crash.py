"""Known refusals as a plain message titled after the dialog the clerk was in; anything else logged."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from resettle.errors import ValidationError
from ui.crash import show_error


def test_a_known_refusal_is_titled_after_the_dialog_it_came_from(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    dialog = QDialog()
    dialog.setWindowTitle("园区岗位与推荐")
    field = QLineEdit(dialog)
    qtbot.addWidget(dialog)
    show_error(field, ValidationError("请先选择一条推荐记录。"))
    show_error(None, ValidationError("没有窗口时"))
    assert shown == [("园区岗位与推荐", "请先选择一条推荐记录。"), ("未完成", "没有窗口时")]
