"""The 安置 menu, the selection-day board (live across two connections) and the dialogs' table models."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMenuBar, QPushButton, QWidget

from resettle.services.housing import placement, settlement, stock
from resettle.services.register import households
from resettle.store.database import Database
from tests.conftest import CLERK
from ui.areas import AreaContext
from ui.housing import HousingArea
from ui.housing.dialogs import LotteryDialog, SettlementDialog, StockDialog
from ui.housing.models import BoardModel, FlatsModel, QueueModel, SettlementModel
from ui.housing.moving import TransitionDialog
from ui.housing.selection import SelectionPage
from ui.ops import OpRunner


@pytest.fixture
def ctx(qtbot, hdb: Database, pid: int) -> Iterator[AreaContext]:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = OpRunner()
    errors: list[str] = []
    runner.on_error = lambda _p, exc, _t: errors.append(str(exc))
    selected: list[int] = []
    yield AreaContext(parent, runner, lambda: hdb, lambda: pid, lambda: list(selected))
    runner.wait()
    assert errors == []


def test_menu_has_its_actions_and_is_visible(qtbot, ctx: AreaContext) -> None:
    bar = QMenuBar()
    qtbot.addWidget(bar)
    area = HousingArea(ctx, bar)
    texts = [a.text() for a in area.menu.actions() if a.text()]
    assert area.menu.menuAction().isVisible()
    assert "选房现场…" in texts and "抽签…" in texts and "过渡费发放表…" in texts


def test_models_pass_the_model_tester(qtmodeltester, hdb: Database, pid: int) -> None:
    board = stock.board(hdb, pid, stock.list_estates(hdb, pid)[0].id)
    m = BoardModel()
    m.set_flats(board.flats)
    qtmodeltester.check(m)
    assert (
        m.rowCount() == 11
        and sum(1 for r in range(m.rowCount()) for c in range(m.columnCount()) if m.flat_at(r, c)) == 528
    )
    f = FlatsModel()
    f.set_rows(board.flats)
    qtmodeltester.check(f)
    placement.draw_lottery(hdb, pid, "S")
    q = QueueModel()
    q.set_rows(placement.queue(hdb, pid))
    qtmodeltester.check(q)
    placement.choose_flats(hdb, pid, households.find_household_id(hdb, "东岗01001", pid), [board.flats[0].id])
    s = SettlementModel()
    s.set_rows(settlement.settle(hdb, pid).households)
    qtmodeltester.check(s)


def test_selection_day_choose_from_the_board_and_see_another_clerk(
    qtbot, ctx: AreaContext, hdb: Database, pid: int, tmp_path: Path
) -> None:
    draw = placement.draw_lottery(hdb, pid, "选房日-1")
    page = SelectionPage(ctx, pid)
    page.print_after_choice = False
    qtbot.addWidget(page)
    page.show()
    first_no = draw.order[0][1]
    assert page.detail is not None and page.detail.household_no == first_no
    model = page.board_model
    target = next(
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.flat_at(r, c) is not None and model.flat_at(r, c).status == "可选"  # type: ignore[union-attr]
    )
    frozen = next(
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.flat_at(r, c) is not None and model.flat_at(r, c).status == "冻结"  # type: ignore[union-attr]
    )
    sel = page.board.selectionModel()
    sel.select(model.index(*frozen), QItemSelectionModel.SelectionFlag.Select)
    assert page.selected_flats() == []  # a frozen flat cannot be picked
    sel.select(model.index(*target), QItemSelectionModel.SelectionFlag.Select)
    flat = page.selected_flats()[0]
    with qtbot.waitSignal(page.chosen, timeout=10000):
        page.choose()
    detail = placement.placement_detail(hdb, pid, households.find_household_id(hdb, first_no, pid))
    assert [f.id for f in detail.flats] == [flat.id]
    qtbot.waitUntil(lambda: page.board_model.flat_at(*target).status == "已选")  # type: ignore[union-attr]
    # the next household is called, and the choice just made stays in sight
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.household_no != first_no, timeout=10000)
    assert f"{first_no} 已选定" in page.last_choice.text() and flat.name in page.last_choice.text()
    # another clerk at another desk chooses a flat: the board shows it at the next refresh
    other = Database.open(hdb.path, actor=CLERK, lock=False, startup_backup=False)
    try:
        free = next(f for f in stock.board(other, pid, flat.estate_id).flats if f.status == "可选")
        placement.choose_flats(other, pid, households.find_household_id(other, draw.order[5][1], pid), [free.id])
    finally:
        other.close()
    page._tick()  # what the timer does every few seconds, off the GUI thread

    def shows_it() -> bool:
        index = page.board_model.index_of(free.id)
        return page.board_model.flat_at(index.row(), index.column()).status == "已选"  # type: ignore[union-attr]

    qtbot.waitUntil(shows_it, timeout=10000)
    assert "已选 2" in page.counts.text()
    page.resize(1400, 820)
    page.grab().save("/tmp/housing_selection.png")
    page.close()


def test_dialogs_open_and_show_their_tables(qtbot, ctx: AreaContext, hdb: Database, pid: int) -> None:
    placement.draw_lottery(hdb, pid, "S")
    d1 = StockDialog(ctx, pid)
    qtbot.addWidget(d1)
    assert d1.model.rowCount() == 528
    d2 = LotteryDialog(ctx, pid)
    qtbot.addWidget(d2)
    assert d2.model.rowCount() == 40
    d2.seed.setText("S")
    messages: list[str] = []
    d2.info = messages.append  # type: ignore[method-assign]
    d2.verify()
    assert messages and "一致" in messages[0]
    hid = households.find_household_id(hdb, "东岗01001", pid)
    placement.choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "3幢-1单元-101")])
    d3 = SettlementDialog(ctx, pid)
    qtbot.addWidget(d3)
    assert d3.model.rowCount() == 1
    sim = d3.simulate(households.find_household_id(hdb, "东岗01002", pid))
    assert sim is not None and sim.model.rowCount() > 6
    qtbot.addWidget(sim)
    d4 = TransitionDialog(ctx, pid)
    qtbot.addWidget(d4)
    assert d4.model.rowCount() == 0 and "先在「安置人口与安置方式」中登记" in d4.total.text()  # says why it is empty
    d1.resize(1000, 600)
    d1.grab().save("/tmp/housing_stock.png")
    sim.grab().save("/tmp/housing_simulation.png")
    for dialog in (d1, d2, d3, d4):  # each window closes from its own row of buttons, at the right end
        dialog.show()
        dialog.layout().activate()
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.window() is dialog]
        close = next(b for b in buttons if b.text() == "关闭")
        assert close.mapTo(dialog, close.rect().topRight()).x() == max(
            b.mapTo(dialog, b.rect().topRight()).x() for b in buttons
        )
        close.click()
        assert not dialog.isVisible()
    d3.show()  # shown again, it still has the one
    assert [b.text() for b in d3.findChildren(QPushButton) if b.window() is d3].count("关闭") == 1
    assert [b.text() for b in sim.findChildren(QPushButton)].count("关闭") == 1  # 模拟安置 has its own


def test_selection_day_of_one_village_follows_that_villages_draw(
    qtbot, ctx: AreaContext, hdb: Database, pid: int
) -> None:
    from resettle.services.compensation import summaries

    vid = summaries.find_village_id(hdb, pid, "东岗村")
    draw = placement.draw_lottery(hdb, pid, "村-1", village_id=vid)
    page = SelectionPage(ctx, pid)
    page.print_after_choice = False
    qtbot.addWidget(page)
    assert page.scope.currentData() == vid  # no project-wide draw: it opens on the village that has one
    assert [q.household_no for q in page.queue_model.rows()] == [no for _p, no, _h in draw.order]
    assert page.detail is not None and page.detail.household_no == draw.order[0][1]
    page.skip()
    assert page.detail is not None and page.detail.household_no == draw.order[1][1]
    page.close()


def test_household_dialog_sets_mode_members_and_move_out(
    qtbot, ctx: AreaContext, hdb: Database, pid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from PySide6.QtWidgets import QInputDialog

    from ui.housing.moving import HandoverDialog, HouseholdPlacementDialog

    hid = households.find_household_id(hdb, "东岗01001", pid)
    d = HouseholdPlacementDialog(ctx, pid, hid)
    qtbot.addWidget(d)
    assert "安置人口 4 人" in d.summary.text()
    d.members.setCurrentRow(3)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("截止日后迁入", True))
    d.toggle_member()
    assert "安置人口 3 人" in d.summary.text() and "135.00" in d.summary.text()
    assert "截止日后迁入" in d.members.item(3).text()
    d.has_moved.setChecked(True)
    d.moved_out.setDate(d.moved_out.date().fromString("2026-01-15", "yyyy-MM-dd"))
    d.save_moved_out()
    assert placement.placement_detail(hdb, pid, hid).moved_out_on == date(2026, 1, 15)
    early = HandoverDialog(ctx, pid, hid)  # no flat chosen yet: nothing to hand over, nothing to print
    qtbot.addWidget(early)
    assert not any(b.isEnabled() for b in (early.b_hand, early.b_title, early.b_print))
    assert "尚未选房" in early.state.text()
    placement.choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "3幢-1单元-101")])
    h = HandoverDialog(ctx, pid, hid)
    qtbot.addWidget(h)
    assert h.b_hand.isEnabled() and not h.b_print.isEnabled()
    h.keys.setValue(2)
    h.water.setText("10.5")
    h.day.setDate(h.day.date().fromString("2026-03-02", "yyyy-MM-dd"))  # not today: the reopened form must show it
    h.hand_over()
    assert "安入〔" in h.state.text()
    assert not h.b_hand.isEnabled() and h.b_print.isEnabled() and h.b_title.isEnabled()
    assert settlement.get_handover(hdb, pid, hid).water_reading == Decimal("10.50")  # type: ignore[union-attr]
    # Opened again later it shows what was recorded (not today and blanks), and only 办证 can change.
    reopened = HandoverDialog(ctx, pid, hid)
    qtbot.addWidget(reopened)
    assert reopened.day.date().toPython() == date(2026, 3, 2) and reopened.keys.value() == 2
    assert (reopened.water.text(), reopened.power.text(), reopened.gas.text()) == ("10.50", "", "")
    assert not any(w.isEnabled() for w in (reopened.day, reopened.keys, reopened.water))
    assert reopened.title_status.isEnabled() and not early.title_status.isEnabled()
    d.has_moved.setChecked(False)  # the move-out date counts only when ticked
    assert not d.moved_out.isEnabled()


def test_the_household_buttons_wait_for_a_called_household(qtbot, ctx: AreaContext, pid: int) -> None:
    """Before the lottery nobody is called: 确认选房, 过号 and 改为货币安置 are off and say why
    (they used to be on and silently do nothing); once a household is called they are on."""
    page = SelectionPage(ctx, pid)
    qtbot.addWidget(page)
    page.show()
    buttons = (page.btn_choose, page.btn_skip, page.btn_cash)
    assert page.detail is None
    assert not any(b.isEnabled() for b in buttons) and all("叫号" in b.toolTip() for b in buttons)
    placement.draw_lottery(ctx.database(), pid, "选房日-2")
    page.refresh()
    assert page.detail is not None
    assert all(b.isEnabled() for b in buttons) and not any(b.toolTip() for b in buttons)


def test_lottery_and_selection_open_on_the_drawn_or_picked_village(
    qtbot, ctx: AreaContext, hdb: Database, pid: int
) -> None:
    """A village was drawn and nothing is picked: both windows open on it (they opened on 全项目, 尚未抽签)."""
    from resettle.services.register import projects as register_projects
    from ui.areas import WindowContext

    (project,) = [p for p in register_projects.tree(hdb, with_counts=False) if p.id == pid]
    first, *others = project.villages
    drawn = others[-1] if others else first
    placement.draw_lottery(hdb, pid, "村抽签-1", drawn.id)
    lottery = LotteryDialog(ctx, pid)
    qtbot.addWidget(lottery)
    assert lottery.village() == drawn.id and "村抽签-1" in lottery.summary.text()
    page = SelectionPage(ctx, pid)
    qtbot.addWidget(page)
    assert page.scope.currentData() == drawn.id
    group = first.groups[0]
    picked = WindowContext(
        ctx.parent, ctx.runner, ctx.database, ctx.current_project, ctx.current_households,
        tree_node=lambda: ("group", group.id), project_nodes=lambda: [project], select_node=lambda _n: None,
        show_message=lambda _t, _ms: None, reload=lambda: None,
    )  # fmt: skip
    chosen = LotteryDialog(picked, pid)  # the clerk picked a group in the tree: its village, drawn or not
    qtbot.addWidget(chosen)
    assert chosen.village() == first.id


def test_the_confirmation_printed_from_selection_day_is_numbered_and_counted(
    qtbot, ctx: AreaContext, hdb: Database, pid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """确认选房并打印确认书: the paper carries its register number; printed from the preview, the register
    counts the print, closed without printing, it does not."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QDialog

    from resettle.services.documents import printing as documents

    placement.draw_lottery(hdb, pid, "选房日-印")
    hid = households.find_household_id(hdb, "东岗01012", pid)
    placement.choose_flats(hdb, pid, hid, [placement.find_flat_id(hdb, pid, "12幢-1单元-202")])
    page = SelectionPage(ctx, pid)
    qtbot.addWidget(page)
    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]
    shown: list[str] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: (shown.append(self.windowTitle()), answers.pop(0))[1])

    def count() -> int:
        (doc,) = [d for d in documents.list_documents(hdb, kind="allocation") if d.household_id == hid]
        return doc.print_count

    page.print_confirmation(hid)  # closed without printing
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    ctx.runner.wait()
    assert count() == 0
    page.print_confirmation(hid)  # printed: the same paper (nothing changed), counted once
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    qtbot.waitUntil(lambda: count() == 1, timeout=10000)
    assert len(documents.list_documents(hdb, kind="allocation")) == 1


def test_selection_day_undoes_a_choice_with_its_reason(
    qtbot, ctx: AreaContext, hdb: Database, pid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A household that has chosen cannot choose again at the desk; 撤销选房… (with a reason) frees its flats."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    placement.draw_lottery(hdb, pid, "选房日-撤")
    hid = households.find_household_id(hdb, "东岗01012", pid)
    flat = placement.find_flat_id(hdb, pid, "12幢-1单元-202")
    placement.choose_flats(hdb, pid, hid, [flat])
    page = SelectionPage(ctx, pid)
    qtbot.addWidget(page)
    page.show_household(hid)
    assert not page.btn_choose.isEnabled() and page.btn_cancel.isEnabled()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("  ", True))
    page.cancel_choice()  # no reason: nothing undone
    assert warned and "原因" in warned[-1] and placement.placement_detail(hdb, pid, hid).flats
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("家庭改选", True))
    page.cancel_choice()
    assert placement.placement_detail(hdb, pid, hid).flats == ()
    assert "已撤销 东岗01012" in page.last_choice.text() and "12幢-1单元-202" in page.last_choice.text()
    assert page.btn_choose.isEnabled() and not page.btn_cancel.isEnabled()
    assert next(f for f in stock.board(hdb, pid, page.estate.currentData()).flats if f.id == flat).status == "可选"
    page.close()


def test_selection_day_on_a_small_screen_keeps_the_queue_whole(qtbot, ctx: AreaContext, pid: int) -> None:
    placement.draw_lottery(ctx.database(), pid, "小屏幕")
    page = SelectionPage(ctx, pid)
    page.print_after_choice = False
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.queue.horizontalHeader()
    columns = sum(header.sectionSize(i) for i in range(header.count()))
    assert page.width() <= 800  # the page fits the screen …
    assert page.queue.viewport().width() >= columns  # … and 户主 and 状态 are not cut
    left, desk, board = page._split.sizes()
    assert board >= desk and board >= left  # the flats get the room that is left
    page.close()
