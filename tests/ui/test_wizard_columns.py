"""The wizard's tables size their columns from a bounded sample of texts, to the widths Qt would give."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from resettle.io.survey import ImportIssue
from ui.models.import_models import (
    PREVIEW_COLUMN_MAX,
    PREVIEW_SAMPLE_ROWS,
    IssuesModel,
    SheetGridModel,
    fit_columns,
    fit_issue_columns,
)


def _grid(qtbot, rows: list[list[str]]) -> tuple[QTableView, SheetGridModel]:
    view = QTableView()
    qtbot.addWidget(view)
    model = SheetGridModel(view)
    view.setModel(model)
    model.set_rows(rows)
    return view, model


def test_preview_columns_are_qts_widths_of_the_sample_and_of_the_cell_shown(qtbot) -> None:
    rows = [[f"{r}", "张" * (1 + r % 4), str(10**12 + r), "短"] for r in range(300)]
    rows[20][2] = "1.2345678901234567e+17"
    rows[250][3] = "这一格的文字比前面的都长得多"
    rows[7] = rows[7][:2]  # a short row: padded, its missing cells blank
    view, model = _grid(qtbot, rows)
    fit_columns(view, model)
    reference, _ = _grid(qtbot, rows[:PREVIEW_SAMPLE_ROWS])
    reference.resizeColumnsToContents()
    assert [view.columnWidth(c) for c in range(4)] == [
        min(reference.columnWidth(c), PREVIEW_COLUMN_MAX) for c in range(4)
    ]
    narrow = view.columnWidth(3)
    fit_columns(view, model, around=250)  # the problem's cell far down is measured too
    around, _ = _grid(qtbot, [rows[250]])
    around.resizeColumnsToContents()
    assert view.columnWidth(3) == around.columnWidth(3) > narrow
    assert model.data(model.index(7, 3)) == ""


def test_problem_columns_are_the_widths_resize_to_contents_gives(qtbot) -> None:
    issues = [
        ImportIssue(
            "一组",
            i + 5,
            "G",
            "身份证号码",
            "3308031970" + str(i) * (1 + (i % 7 == 0)),
            "校验码错误" * (1 + i % 2),
            "error" if i % 3 else "warning",
            "id",
        )
        for i in range(300)
    ]
    views = []
    for fitted in (False, True):
        view = QTableView()
        qtbot.addWidget(view)
        model = IssuesModel(view)
        view.setModel(model)
        if not fitted:
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.resize(950, 220)
        view.show()
        model.set_issues(issues)
        if fitted:
            fit_issue_columns(view, model)
        qtbot.waitExposed(view)
        views.append(view)
    assert [views[1].columnWidth(c) for c in range(6)] == [views[0].columnWidth(c) for c in range(6)]
