"""The 就业社保 menu, the dashboard page (figures and QPainter charts) and the livelihood pages, driven with qtbot."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from resettle.services.livelihood import dashboard, jobs
from resettle.store.database import Database
from tests.livelihood.conftest import WAVE2
from ui.livelihood.charts import BarChart, nice_top
from ui.livelihood.dashboard import DashboardDialog
from ui.livelihood.pages import JobsPage, PeoplePage, SocialSecurityPage, TrainingPage
from ui.main_window import MainWindow
from ui.ops import OpRunner

SHOTS = os.environ.get("RESETTLE_SHOTS", "")  # a folder to keep screenshots in for looking at them


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    image = widget.grab()
    assert not image.isNull()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SHOTS) / f"{name}.png"))


def test_dashboard_shows_the_service_figures_and_refreshes_after_a_change(
    qtbot, qtmodeltester, busy_db: Database, sample_project: int
) -> None:  # type: ignore[no-untyped-def]
    runner = OpRunner()
    page = DashboardDialog(busy_db, runner, sample_project)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10000)
    expected = dashboard.dashboard(busy_db, sample_project)
    assert page.tiles["working_age"].text() == f"{expected.total.working_age:,}"
    assert page.tiles["employed"].text() == f"{expected.total.employed:,}"
    assert page.tiles["employment_rate"].text() == f"{expected.total.employment_rate}%"
    assert page.tiles["placed"].text() == "3"
    qtmodeltester.check(page.model)
    assert page.bars.series[1][1] == [v.figures.employed for v in expected.villages]
    _shot(page, "dashboard")
    # A hire announced by the runner refreshes the page.
    referral = next(r for r in jobs.list_referrals(busy_db, sample_project) if r.status == "推荐")
    with qtbot.waitSignal(runner.changed, timeout=10000):
        runner.run(None, "录用", jobs.set_referral_status, db=busy_db, project_id=sample_project,
                   referral_id=referral.id, status="录用", changes=frozenset({"livelihood"}), with_progress=False)  # fmt: skip
    qtbot.waitUntil(lambda: page.tiles["placed"].text() == "4", timeout=10000)
    runner.wait()


def test_pages_list_what_the_services_return(qtbot, qtmodeltester, busy_db: Database, sample_project: int) -> None:  # type: ignore[no-untyped-def]
    runner = OpRunner()
    people = PeoplePage(busy_db, runner, sample_project)
    posts = JobsPage(busy_db, runner, sample_project)
    courses = TrainingPage(busy_db, runner, sample_project)
    social = SocialSecurityPage(busy_db, runner, sample_project)
    for page in (people, posts, courses, social):
        qtbot.addWidget(page)
        page.show()
    qtbot.waitUntil(lambda: people.loaded, timeout=10000)
    assert people.people.rowCount() == 148
    assert posts.posts.rowCount() == 5 and posts.referrals.rowCount() == len(
        jobs.list_referrals(busy_db, sample_project)
    )
    assert courses.courses.rowCount() == 3
    courses.courses_view.selectRow(0)
    courses.courses_view.setCurrentIndex(courses.courses_view.model().index(0, 0))
    assert courses.enrolments.rowCount() > 0
    assert "第 1 版（已发布）" in social.standard.text()
    assert "200 岁" not in social.standard.text() and "岁及以上" in social.standard.text()  # the open top band
    for model in (people.people, people.due, posts.posts, posts.referrals, courses.courses, courses.enrolments):
        qtmodeltester.check(model)
    # Pink marks exactly the land-lost people of working age not in work (seeking, or not yet registered).
    for row in range(people.people.rowCount()):
        person = people.people.row(row)
        pink = people.people.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert pink == (person.land_lost and person.working_age and person.state in ("", "未就业·求职")), person
    _shot(people, "people")
    _shot(posts, "jobs")
    _shot(courses, "training")
    # Reconciling through the page fills its table (through the runner, off the GUI thread).
    social.last_reply = str(WAVE2 / "ss_reply.xlsx")
    from resettle.services.livelihood import social_security

    done: list[object] = []
    runner.run(None, "核对", social_security.reconcile, db=busy_db, project_id=sample_project,
               reply_path=social.last_reply, on_done=lambda r: (social.outcomes.set_rows(r.rows), done.append(r)),
               with_progress=False)  # fmt: skip
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert social.outcomes.rowCount() == 150
    qtmodeltester.check(social.outcomes)
    _shot(social, "social_security")
    # Each page closes from its own row of buttons, not only from the title bar.
    for page in (people, posts, courses, social):
        close = next(b for b in page.findChildren(QPushButton) if b.text() == "关闭")
        close.click()
        assert not page.isVisible()
    runner.wait()


def test_the_menu_opens_the_dashboard_for_the_chosen_project(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = OpRunner()
    prefs = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_db, prefs, runner)
    qtbot.addWidget(win)
    win.show()
    area = next(a for a in win.areas if type(a).__name__ == "LivelihoodArea")
    assert area.menu.menuAction().isVisible()
    titles = [a.text() for a in area.menu.actions() if a.text()]
    assert "就业社保看板…" in titles and "被征地农民养老保障…" in titles
    page = area.open_dashboard()
    assert isinstance(page, DashboardDialog)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10000)
    assert page.data is not None and page.data.total.households == 60
    assert area.open_dashboard() is page  # one page per project
    runner.wait()


def test_month_labels_keep_the_latest_and_never_crowd() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from ui.livelihood.charts import label_positions

    @given(st.integers(1, 60), st.integers(1, 12))
    def check(n: int, every: int) -> None:
        shown = label_positions(n, every)
        assert shown[0] == 0 and shown[-1] == n - 1 and shown == sorted(set(shown))
        assert all(b - a >= every for a, b in itertools.pairwise(shown)) or n - 1 < every

    check()
    assert label_positions(12, 2) == [0, 2, 4, 6, 8, 11]  # 10 gave way to the latest month, 11


def test_bar_chart_axis_and_empty_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert [nice_top(v) for v in (0, 1, 3, 7, 12, 77, 101)] == [5, 5, 5, 10, 20, 100, 200]
    chart = BarChart("测试")
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.show()
    chart.set_data([], [])
    chart.grab()
    chart.set_data(["一村", "二村"], [("甲", [3, 7]), ("乙", [0, 12])])
    image = chart.grab().toImage()
    assert image.width() == 400


@pytest.fixture(autouse=True)
def _quiet_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)


def test_the_employment_and_visit_forms_open_on_what_is_saved(qtbot, busy_db: Database, sample_project: int) -> None:  # type: ignore[no-untyped-def]
    """OK without a change saves the same: employer, post, start, income and status come from the register
    (the form used to open blank and on today, so OK overwrote a person's job); an unregistered person
    stays 未登记 unless the clerk picks a status."""
    from datetime import date
    from decimal import Decimal

    from resettle.services.livelihood import labour
    from ui.livelihood.dialogs import EmploymentDialog, SettingsDialog, VisitDialog

    people = labour.list_people(busy_db, sample_project)
    person = next(p for p in people if p.working_age and p.state == "")
    labour.set_employment(busy_db, sample_project, person.id, "已就业", employer="东港物流园", post="装卸工",
                          start=date(2026, 4, 12), income=Decimal("3800.00"))  # fmt: skip
    saved = next(p for p in labour.list_people(busy_db, sample_project) if p.id == person.id)
    form = EmploymentDialog(saved)
    qtbot.addWidget(form)
    assert form.values() == {"state": "已就业", "condition": saved.condition, "employer": "东港物流园",
                             "post": "装卸工", "start": date(2026, 4, 12), "income": Decimal("3800.00")}  # fmt: skip
    visit = VisitDialog(saved.name, saved.state, saved.monthly_income)
    qtbot.addWidget(visit)
    assert visit.values()["state"] == "已就业" and visit.values()["monthly_income"] == Decimal("3800.00")
    other = next(p for p in people if p.working_age and p.state == "" and p.id != person.id)
    blank = EmploymentDialog(other)
    qtbot.addWidget(blank)
    assert blank.values()["state"] == "" and blank.values()["income"] is None
    settings = SettingsDialog(labour.get_settings(busy_db, sample_project))
    qtbot.addWidget(settings)
    settings.use_date.setChecked(False)
    assert not settings.reference.isEnabled()
    settings.use_date.setChecked(True)
    assert settings.reference.isEnabled()


def test_the_training_result_form_opens_on_what_was_recorded(qtbot, busy_db: Database, sample_project: int) -> None:  # type: ignore[no-untyped-def]
    from resettle.services.livelihood import training
    from ui.livelihood.dialogs import ResultDialog

    course = training.list_courses(busy_db, sample_project)[0]
    enrolment = training.list_enrolments(busy_db, sample_project, course.id)[0]
    training.record_result(busy_db, sample_project, enrolment.id, attended_hours=37, completed=True,
                           certificate_name="保安员证", certificate_no="BA-2026-001")  # fmt: skip
    again = next(e for e in training.list_enrolments(busy_db, sample_project, course.id) if e.id == enrolment.id)
    form = ResultDialog(again, course.hours)
    qtbot.addWidget(form)
    assert form.values() == {"attended_hours": 37, "completed": True, "certificate_name": "保安员证",
                             "certificate_no": "BA-2026-001"}  # fmt: skip
    from dataclasses import replace

    fresh = replace(again, attended_hours=0, completed=False, certificate_name="", certificate_no="")
    first = ResultDialog(fresh, course.hours)  # a first record starts at the course's hours
    qtbot.addWidget(first)
    assert first.values() == {"attended_hours": course.hours, "completed": False, "certificate_name": "",
                              "certificate_no": ""}  # fmt: skip


def test_publishing_a_new_standard_warns_when_the_compensation_follows_it(
    qtbot, two_db: Database, sample_project: int, demo_project: int, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from resettle.domain.sample_rates import sample_rate_table
    from resettle.services.compensation import computing, rate_tables
    from resettle.services.livelihood import social_security

    table = sample_rate_table("按年龄段", age_bands=True)
    info = rate_tables.publish_rate_table(
        two_db, rate_tables.create_rate_table(two_db, table.name, rules=table.rules).id
    )
    rate_tables.set_project_rate_table(two_db, sample_project, info.id)
    social_security.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx", publish=True)
    computing.compute(two_db, sample_project)
    social_security.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx")  # a draft of revision 2
    runner = OpRunner()
    page = SocialSecurityPage(two_db, runner, sample_project)
    other = SocialSecurityPage(two_db, runner, demo_project)  # the other project's table does not count bands
    for p in (page, other):
        qtbot.addWidget(p)
    assert "按已发布的社保标准逐人计算" in page.standard.text() and "逐人计算" not in other.standard.text()
    assert "第 1 版（已发布）" in page.standard.text() and "另有草稿第 2 版" in page.standard.text()  # in force
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    page.publish()  # answered No: nothing published
    runner.wait()
    assert len(asked) == 1 and "按年龄段（第1版）" in asked[0] and "补充协议" in asked[0]
    assert [s.status for s in social_security.list_standards(two_db, sample_project)] == ["已发布", "草稿"]
    answer[0] = QMessageBox.StandardButton.Yes
    page.publish()
    qtbot.waitUntil(lambda: "重新计算补偿" in page.status.text(), timeout=10000)
    assert [s.status for s in social_security.list_standards(two_db, sample_project)] == ["已发布", "已发布"]
    runner.wait()
