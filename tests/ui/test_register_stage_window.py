"""The register window: 状态 and 补偿合计 columns after F9's compute, the status filter, the matched member."""

from __future__ import annotations

from resettle.domain import progress
from resettle.services.demo.generate import demo_compensation
from resettle.services.register import households, projects, search
from resettle.services.register.records import HouseholdQuery
from tests.ui.conftest import settle
from ui.main_window import MainWindow
from ui.models.household_table import COL_HEAD, COL_STATUS, COL_TOTAL


def test_status_and_total_columns_and_the_status_filter(qtbot, window: MainWindow, qtmodeltester) -> None:
    pid = projects.tree(window.db)[0].id
    demo_compensation(window.db, pid)
    window.model.refresh()
    settle(qtbot, window)
    row = window.model.ensure_row(0)
    assert row is not None
    assert window.model.index(0, COL_STATUS).data() == progress.COMPUTED
    assert window.model.index(0, COL_TOTAL).data() == f"{row.compensation_total:,.2f}"
    total = window.model.rowCount()
    window.stage_filter.setCurrentIndex(window.stage_filter.findData(progress.SURVEYED))
    settle(qtbot, window)
    assert window.model.rowCount() == 0
    window.stage_filter.setCurrentIndex(window.stage_filter.findData(progress.COMPUTED))
    settle(qtbot, window)
    assert window.model.rowCount() == total
    qtmodeltester.check(window.model)


def test_a_member_match_is_shown_beside_the_head(qtbot, window: MainWindow) -> None:
    rows = search.list_households(window.db, HouseholdQuery(), 0, 100).rows
    detail = next(
        d
        for d in (households.get_household(window.db, r.id) for r in rows)
        if len(d.data.persons) > 1 and not d.data.head_name.startswith(d.data.persons[-1].name)
    )
    member = detail.data.persons[-1]
    window.search.setText(member.name)
    window._search_now()
    settle(qtbot, window)
    for i in range(window.model.rowCount()):
        window.model.ensure_row(i)
    found = [window.model.index(i, COL_HEAD).data() for i in range(window.model.rowCount())]
    assert any(f"匹配：{member.name}（{member.relation}）" in text for text in found)
