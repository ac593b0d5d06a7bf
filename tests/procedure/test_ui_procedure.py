"""The procedure window: timeline with late/too-short steps, grievance log with overdue rows red, holiday table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenuBar, QMessageBox, QWidget

from resettle.services.procedure import grievances as gv
from resettle.services.procedure import steps
from resettle.services.register import projects
from resettle.store.database import Database
from ui.areas import AreaContext
from ui.ops import OpRunner
from ui.procedure import ProcedureArea
from ui.procedure.models import PROBLEM_BACKGROUND, GrievanceModel, HolidayModel, PostingModel, StepsModel
from ui.procedure.window import TAB_GRIEVANCES, TAB_HOLIDAYS, TAB_POSTINGS, TAB_TIMELINE


@pytest.fixture
def setup(qtbot, db: Database) -> Iterator[tuple[ProcedureArea, int, int, OpRunner]]:
    a = projects.create_project(db, "甲项目")
    b = projects.create_project(db, "乙项目")
    steps.set_step(db, a, "pre_notice", start_date=date(2024, 9, 27), end_date=date(2024, 10, 15))
    steps.set_step(db, b, "pre_notice", start_date=date(2025, 6, 3), end_date=date(2025, 6, 30))
    old = gv.add_grievance(db, a, gv.GrievanceInput(person="李四", channel="公示期异议", received_on=date(2024, 9, 27)))
    gv.add_grievance(
        db, a, gv.GrievanceInput(person="王五", channel="来访", received_on=date.today() - timedelta(days=1))
    )
    gv.add_grievance(db, b, gv.GrievanceInput(person="乙户", channel="来访", received_on=date(2025, 3, 3)))
    assert old.overdue is False or old.overdue is True
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = OpRunner()
    current = {"project": a}
    ctx = AreaContext(
        parent=parent,
        runner=runner,
        database=lambda: db,
        current_project=lambda: current["project"],
        current_households=lambda: [],
    )
    bar = QMenuBar(parent)
    area = ProcedureArea(ctx, bar)
    area._current = current  # type: ignore[attr-defined]
    yield area, a, b, runner
    runner.wait()
    if area.window is not None:
        area.window.close()


def settle(qtbot, runner: OpRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)


def test_menu_opens_the_timeline_with_the_short_step_flagged(qtbot, setup, qtmodeltester, tmp_path: Path) -> None:
    area, a, _b, runner = setup
    assert area.menu.menuAction().isVisible()
    assert [act.text() for act in area.menu.actions()] == ["程序时间线…", "信访台账…", "公示记录…", "节假日表…"]
    win = area.open(TAB_TIMELINE)
    settle(qtbot, runner)
    model: StepsModel = win.timeline.model
    qtmodeltester.check(model)
    pre = next(r for r in model.rows if r.code == "pre_notice")
    assert pre.status == "期限不足" and pre.project_id == a
    row = model.rows.index(pre)
    assert (
        model.data(model.index(row, StepsModel.COL_STATUS), Qt.ItemDataRole.BackgroundRole).color()
        == PROBLEM_BACKGROUND
    )
    assert "期限不足" in win.timeline.note.text()
    from resettle.services.payments.progress import payment_counts

    counts = payment_counts(win.ctx.database(), a)  # the register's progress beside the hand-entered steps
    assert f"已复核 {counts.reviewed} 户，已签约 {counts.signed} 户" in win.timeline.note.text()
    from PySide6.QtWidgets import QPushButton

    closers = [b for b in win.findChildren(QPushButton) if b.text() == "关闭"]
    assert len(closers) == 1  # the window closes from its own button, as the other areas' windows
    assert win.timeline.gate.text().startswith("正式协议：可以打印")
    assert win.timeline.family.isChecked()
    win.resize(1200, 520)
    win.grab().save(str(tmp_path / "timeline.png"))
    # 登记日期… with no step chosen says so (it did nothing and said nothing)
    told: list[str] = []
    win.timeline.view.clearSelection()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
        win.timeline.edit_step()
    assert told == ["请先在表中选择一行。"]


def test_grievance_log_shows_only_the_project_and_overdue_in_red(qtbot, setup, qtmodeltester) -> None:
    area, a, b, runner = setup
    win = area.open(TAB_GRIEVANCES)
    settle(qtbot, runner)
    model: GrievanceModel = win.grievances.model
    qtmodeltester.check(model)
    assert {g.project_id for g in model.rows} == {a}
    assert [g.person for g in model.rows] == ["李四", "王五"]
    overdue_row = next(i for i, g in enumerate(model.rows) if g.person == "李四")
    fresh_row = next(i for i, g in enumerate(model.rows) if g.person == "王五")
    bg = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(overdue_row, 0), bg).color() == PROBLEM_BACKGROUND
    assert model.data(model.index(fresh_row, 0), bg) is None
    assert "逾期 1 件" in win.grievances.note.text()
    area._current["project"] = b  # the tree's choice changes: the open window keeps to its project ...
    win.refresh_all()
    settle(qtbot, runner)
    assert [g.person for g in model.rows] == ["李四", "王五"]
    assert area.open(TAB_GRIEVANCES) is win  # ... until it is opened again from the menu
    settle(qtbot, runner)
    assert [g.person for g in model.rows] == ["乙户"] and "乙项目" in win.windowTitle()


def test_holiday_table_lists_the_known_years(qtbot, setup, qtmodeltester) -> None:
    area, _a, _b, runner = setup
    win = area.open(TAB_HOLIDAYS)
    settle(qtbot, runner)
    model: HolidayModel = win.holidays.model
    qtmodeltester.check(model)
    days = {r.day: r.kind for r in model.rows}
    assert days[date(2024, 2, 18)] == "班" and days[date(2025, 10, 8)] == "休"
    assert "2026" in win.holidays.note.text() and "2027" not in win.holidays.note.text()
    qtbot.wait(50)  # the scroll waits for the page's layout
    view = win.holidays.view
    top = view.indexAt(view.viewport().rect().topLeft())
    year = max(y for y in {r.day.year for r in model.rows} if y <= date.today().year)
    current = view.model().data(view.currentIndex())
    assert top.isValid() and str(year) in str(view.model().data(top.siblingAtColumn(0)))  # opens at this year
    assert str(year) in str(current)


def test_a_grievance_closed_from_the_window_refreshes_the_log(qtbot, setup, monkeypatch) -> None:
    area, a, _b, runner = setup
    win = area.open(TAB_GRIEVANCES)
    settle(qtbot, runner)
    page = win.grievances
    row = next(i for i, g in enumerate(page.model.rows) if g.person == "李四")
    proxy = page.view.model()
    page.view.selectRow(proxy.mapFromSource(page.model.index(row, 0)).row())
    from ui.procedure import window as window_module

    class FakeClose:
        def __init__(self, *args: object) -> None:
            pass

        def exec(self) -> int:
            return 1

        def values(self) -> tuple[str, date, str]:
            return "已答复", date(2024, 10, 9), "赵六"

    monkeypatch.setattr(window_module, "CloseDialog", FakeClose)
    page.close_selected()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: any(g.closed_on for g in page.model.rows), timeout=10000)
    settle(qtbot, runner)
    closed = next(g for g in page.model.rows if g.person == "李四")
    assert (closed.status, closed.handler, closed.project_id) == ("已办结", "赵六", a)


def test_postings_tab_lists_the_project_posts_and_flags_a_short_one(qtbot, setup, qtmodeltester) -> None:
    area, a, b, runner = setup
    gv.add_posting(
        area.ctx.database(), a, "第一批公示", "村委会", date(2024, 9, 27), date(2024, 10, 3), minimum=7, unit="日"
    )
    gv.add_posting(area.ctx.database(), b, "乙项目公示", "村委会", date(2024, 9, 20), date(2024, 9, 30))
    win = area.open(TAB_POSTINGS)
    settle(qtbot, runner)
    model: PostingModel = win.postings.model
    qtmodeltester.check(model)
    assert [p.title for p in model.rows] == ["第一批公示"]
    assert model.rows[0].too_short and "期限不足" in win.postings.note.text()
    bg = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert bg.color() == PROBLEM_BACKGROUND
    assert len(model.rows[0].chain_head) == 64


def test_family_setting_from_the_window(qtbot, setup) -> None:
    area, a, _b, runner = setup
    win = area.open(TAB_TIMELINE)
    settle(qtbot, runner)
    win.timeline.family.click()  # counted (default) -> not counted
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: not win.timeline.family.isChecked(), timeout=10000)
    settle(qtbot, runner)
    from resettle.services.procedure import settings as procedure_settings

    assert procedure_settings.get_procedure_settings(area.ctx.database(), a).family_changes_after_cutoff_count is False


def test_the_menu_counts_overdue_grievances(qtbot, setup) -> None:
    area, _a, _b, runner = setup
    area.count_overdue()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: "逾期 1 件" in area.grievance_action.text(), timeout=10000)


def test_attach_a_letter_to_a_grievance_from_the_window(qtbot, setup, monkeypatch, tmp_path: Path) -> None:
    area, _a, _b, runner = setup
    win = area.open(TAB_GRIEVANCES)
    settle(qtbot, runner)
    page = win.grievances
    page.view.selectRow(0)
    letter = tmp_path / "来信.jpg"
    letter.write_bytes(b"scan of the letter")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(letter), ""))
    page.attach()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: any(g.evidence for g in page.model.rows), timeout=10000)
    settle(qtbot, runner)
    (with_file,) = [g for g in page.model.rows if g.evidence]
    assert with_file.evidence[0].file_name == "来信.jpg" and len(with_file.evidence[0].sha256) == 64


def _errors(runner: OpRunner) -> list[BaseException]:
    """What the jobs failed with (the window shows these as messages)."""
    failed: list[BaseException] = []
    runner.on_error = lambda _parent, exc, _trace: failed.append(exc)
    return failed


def _select(page, pick) -> object:  # type: ignore[no-untyped-def]
    row = next(i for i, r in enumerate(page.model.rows) if pick(r))
    proxy = page.view.model()
    page.view.selectRow(proxy.mapFromSource(page.model.index(row, 0)).row())
    return page.model.rows[row]


def test_the_window_saves_into_the_project_it_was_opened_for(qtbot, setup, monkeypatch, tmp_path: Path) -> None:
    """Opened for 甲项目, then 乙项目 chosen in the tree: the window still shows 甲项目 and every save lands there."""
    area, a, b, runner = setup
    failed = _errors(runner)
    db = area.ctx.database()
    win = area.open(TAB_TIMELINE)
    settle(qtbot, runner)
    assert "甲项目" in win.windowTitle() and "甲项目" in win.heading.text()
    area._current["project"] = b  # the clerk selects the other project in the main window's tree
    page = win.timeline
    _select(page, lambda r: r.code == "survey")
    from ui.procedure import window as window_module

    class FakeStep:
        def __init__(self, *args: object) -> None:
            pass

        def exec(self) -> int:
            return 1

        def values(self) -> dict[str, object]:
            return {"start_date": date(2024, 10, 20), "end_date": date(2024, 11, 5)}

    monkeypatch.setattr(window_module, "StepDialog", FakeStep)
    page.edit_step()
    settle(qtbot, runner)
    survey = {pid: next(v for v in steps.list_steps(db, pid) if v.code == "survey") for pid in (a, b)}
    assert survey[a].start_date == date(2024, 10, 20) and survey[b].start_date is None
    photo = tmp_path / "调查照片.jpg"
    photo.write_bytes(b"photo")
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(photo), ""))
    _select(page, lambda r: r.code == "survey")
    page.attach()
    settle(qtbot, runner)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("抢险工程", True))
    page.allow_agreements()
    settle(qtbot, runner)
    page.family.click()  # counted (default) -> not counted
    settle(qtbot, runner)
    from resettle.services.procedure import agreements
    from resettle.services.procedure import settings as procedure_settings

    assert [c.evidence.file_name for c in steps.verify_evidence(db, a)] == ["调查照片.jpg"]
    assert steps.verify_evidence(db, b) == []
    assert agreements.agreement_gate(db, a).override_reason == "抢险工程"
    assert agreements.agreement_gate(db, b).override_reason == ""
    assert procedure_settings.get_procedure_settings(db, a).family_changes_after_cutoff_count is False
    assert procedure_settings.get_procedure_settings(db, b).family_changes_after_cutoff_count is True
    assert "甲项目" in win.windowTitle() and {r.project_id for r in page.model.rows} == {a}  # still shows 甲
    assert failed == []


def test_a_grievance_closed_after_the_tree_moved_on_is_closed_in_the_windows_project(qtbot, setup, monkeypatch) -> None:
    area, a, b, runner = setup
    failed = _errors(runner)
    win = area.open(TAB_GRIEVANCES)
    settle(qtbot, runner)
    area._current["project"] = b
    page = win.grievances
    chosen = _select(page, lambda g: g.person == "李四")
    from ui.procedure import window as window_module

    class FakeClose:
        def __init__(self, *args: object) -> None:
            pass

        def exec(self) -> int:
            return 1

        def values(self) -> tuple[str, date, str]:
            return "已答复", date(2024, 10, 9), "赵六"

    monkeypatch.setattr(window_module, "CloseDialog", FakeClose)
    page.close_selected()
    settle(qtbot, runner)
    assert failed == []  # it said 本项目没有编号为 N 的信访记录 (it looked in 乙项目)
    assert gv.get_grievance(area.ctx.database(), a, chosen.id).answer == "已答复"  # type: ignore[attr-defined]


def test_close_is_off_for_a_grievance_already_closed(qtbot, setup) -> None:
    area, a, _b, runner = setup
    db = area.ctx.database()
    done = next(g for g in gv.list_grievances(db, a) if g.person == "李四")
    gv.close_grievance(db, a, done.id, "已答复", date(2024, 10, 9))
    win = area.open(TAB_GRIEVANCES)
    settle(qtbot, runner)
    page = win.grievances
    _select(page, lambda g: g.person == "李四")
    assert not page.close_button.isEnabled() and done.number in page.close_button.toolTip()
    _select(page, lambda g: g.person == "王五")
    assert page.close_button.isEnabled()


def test_a_posting_entered_in_the_window_is_saved(qtbot, setup, monkeypatch) -> None:
    """登记公示… OK saved nothing: it raised TypeError (the posting's 'title' clashed with the job's)."""
    area, a, b, runner = setup
    failed = _errors(runner)
    win = area.open(TAB_POSTINGS)
    settle(qtbot, runner)
    area._current["project"] = b
    from PySide6.QtCore import QDate

    from ui.procedure.dialogs import PostingDialog

    def fill(dialog: PostingDialog) -> int:
        dialog.title.setText("征收土地预公告")
        dialog.place.setText("红星村村委会公示栏")
        dialog.start.setDate(QDate(2024, 9, 27))
        dialog.end.setDate(QDate(2024, 10, 16))
        dialog.step.setCurrentIndex(dialog.step.findData("pre_notice"))
        return 1

    monkeypatch.setattr(PostingDialog, "exec", fill)
    win.postings.add()
    settle(qtbot, runner)
    assert failed == []
    (saved,) = gv.list_postings(area.ctx.database(), a)
    assert (saved.title, saved.place, saved.start_date, saved.end_date) == (
        "征收土地预公告", "红星村村委会公示栏", date(2024, 9, 27), date(2024, 10, 16),
    )  # fmt: skip
    assert (saved.step_code, saved.minimum, saved.unit, saved.too_short) == ("pre_notice", 10, "工作日", False)
    assert len(saved.chain_head) == 64  # as `resettle procedure post` records it
    assert gv.list_postings(area.ctx.database(), b) == []
    qtbot.waitUntil(lambda: [p.title for p in win.postings.model.rows] == ["征收土地预公告"], timeout=10000)
