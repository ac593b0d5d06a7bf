"""The livelihood windows: people and visits, jobs and referrals, training, social security.

Each is a non-modal dialog over one project; lists are re-read after every change the op
runner announces with the ``livelihood`` topic; imports, matching, exports and the
reconciliation run through the runner (off the GUI thread). Signals: none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resettle.services.compensation import rate_tables
from resettle.services.livelihood import jobs, labour, social_security, training, visits
from resettle.services.livelihood.labour import ImportSummary
from resettle.store.database import Database
from ui.forms import add_buttons, add_close
from ui.livelihood.dialogs import CourseDialog, EmploymentDialog, ResultDialog, VisitDialog
from ui.livelihood.models import (
    ROW_ROLE,
    SORT_ROLE,
    CoursesModel,
    DueVisitsModel,
    EnrolmentsModel,
    PeopleModel,
    PostsModel,
    ReconcileModel,
    ReferralsModel,
    RowsModel,
)
from ui.ops import OpRunner
from ui.screen_fit import fit_roomy
from ui.tables import sorted_view, stacked

CHANGES = frozenset({"livelihood"})
EXCEL = "Excel (*.xlsx *.xls *.ods *.csv)"


def table(model: RowsModel, parent: QWidget) -> QTableView:
    view = sorted_view(model, parent, SORT_ROLE)  # the service's order until the clerk sorts
    view.horizontalHeader().setResizeContentsPrecision(60)  # widths from the first rows, not all of them
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


def current(view: QTableView) -> Any:
    index = view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


class _Page(QDialog):
    def __init__(self, title: str, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db, self.runner, self.project_id = db, runner, project_id
        self.setWindowTitle(title)
        self.status = QLabel()
        self.status.setWordWrap(True)
        runner.changed.connect(self.on_changed)

    @Slot(object)
    def on_changed(self, topics: frozenset[str]) -> None:
        if self.isVisible() and topics & (CHANGES | {"households", "tree"}):
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _open(self, title: str) -> str:
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), EXCEL)
        return name

    def _save(self, title: str, suggested: str, filters: str = "Excel (*.xlsx)") -> str:
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return name

    def _imported(self, what: str, result: ImportSummary) -> None:
        text = self.tr("已导入{0} {1} 行：新增 {2}，更改 {3}，未变 {4}").format(
            what, result.rows, result.added, result.changed, result.unchanged
        )
        if result.warnings:
            text += "\n" + self.tr("提示：") + "\n" + "\n".join(result.warnings[:20])
        self.status.setText(text)

    def _run(self, title: str, fn: Any, on_done: Any = None, **kwargs: Any) -> None:
        self.runner.run(
            self, title, fn, on_done=on_done, changes=CHANGES, db=self.db, project_id=self.project_id, **kwargs
        )

    def chosen(self, view: QTableView, missing: str) -> Any:
        """The row current in ``view``; with none the clerk is told ``missing``."""
        row = current(view)
        if row is None:
            QMessageBox.information(self, self.windowTitle(), missing)
        return row

    def import_workbook(self, caption: str, title: str, fn: Any, what: str, **kwargs: Any) -> None:
        """A workbook the clerk picks, read by ``fn`` off the GUI thread; the page says what it brought."""
        name = self._open(caption)
        if name:
            self._run(title, fn, lambda r: self._imported(what, r), path=name, **kwargs)

    def lay_out(self, main: QWidget, buttons: Any, above: QWidget | None = None) -> None:
        """The page: ``above`` (if any), ``main`` taking the room, the status line, a row of (text, slot) ``buttons``."""
        row = QHBoxLayout()
        add_buttons(row, buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        if above is not None:
            layout.addWidget(above)
        layout.addWidget(main, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        add_close(self)


OPEN_END_AGE = 120  # a band ending at or beyond this has no upper age


class PeoplePage(_Page):
    """劳动力与回访: every member with age, category and status; who is due for a visit."""

    def __init__(self, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("劳动力状况与回访"), db, runner, project_id, parent)
        self.loaded = False
        self.people = PeopleModel(self)
        self.due = DueVisitsModel(self)
        self.people_view = table(self.people, self)
        self.due_view = table(self.due, self)
        tabs = QTabWidget()
        tabs.addTab(self.people_view, self.tr("劳动力状况"))
        tabs.addTab(self.due_view, self.tr("待回访"))
        self.lay_out(
            tabs,
            (
                (self.tr("导入就业表…"), self.import_employment),
                (self.tr("修改就业状况…"), self.edit_employment),
                (self.tr("登记回访…"), self.add_visit),
                (self.tr("就业经历"), self.show_history),
            ),
        )
        fit_roomy(self, 1100, 640)
        self.refresh()

    def refresh(self) -> None:
        """Read off the GUI thread: a project of 100,000 people takes a moment."""
        self.runner.run(self, self.tr("正在读取…"), self._load, on_done=self._show, with_progress=False)

    def _load(self) -> tuple[list[Any], list[Any]]:
        return labour.list_people(self.db, self.project_id), visits.visits_due(self.db, self.project_id)

    def _show(self, loaded: tuple[list[Any], list[Any]]) -> None:
        people, due = loaded
        self.people.set_rows(people)
        self.due.set_rows(due)
        working = [p for p in people if p.working_age and p.land_lost]
        employed = sum(1 for p in working if p.state in ("已就业", "自主创业"))  # data, not text
        self.status.setText(
            self.tr("共 {0} 人，劳动年龄失地人员 {1} 人，已就业 {2} 人；待回访 {3} 人").format(
                len(people), len(working), employed, len(due)
            )
            + "\n"
            + self.tr("粉色行：劳动年龄的失地人员中尚未就业的人（正在求职或尚未登记就业状况），应优先推荐岗位和培训。")
        )
        self.loaded = True

    def _person(self) -> Any:
        view = self.people_view if self.people_view.isVisible() else self.due_view
        return self.chosen(view, self.tr("请先选择一个人。"))

    def import_employment(self) -> None:
        self.import_workbook(
            self.tr("导入就业表"), self.tr("正在导入就业表…"), labour.import_employment, self.tr("就业情况")
        )

    def edit_employment(self) -> None:
        person = self.chosen(self.people_view, self.tr("请先在「劳动力状况」中选择一个人。"))
        if person is None:
            return
        dialog = EmploymentDialog(person, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                self.tr("正在保存…"), labour.set_employment, person_id=person.id, with_progress=False, **dialog.values()
            )

    def add_visit(self) -> None:
        person = self._person()
        if person is None:
            return
        pid = getattr(person, "person_id", None) or person.id
        dialog = VisitDialog(person.name, person.state, getattr(person, "monthly_income", None), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(self.tr("正在保存…"), visits.add_visit, person_id=pid, with_progress=False, **dialog.values())

    def show_history(self) -> None:
        person = self.chosen(self.people_view, self.tr("请先在「劳动力状况」中选择一个人。"))
        if person is None:
            return
        lines = [
            f"{h.recorded_at}　{h.state}　{h.employer}{h.post}　{h.start_date or ''}　{h.source}"
            for h in labour.person_history(self.db, self.project_id, person.id)
        ]
        lines += [
            self.tr("回访 {0}　{1}　{2}").format(v.visit_date, v.state, v.note)
            for v in visits.list_visits(self.db, self.project_id, person.id)
        ]
        QMessageBox.information(
            self, self.tr("就业经历：{0}").format(person.name), "\n".join(lines) or self.tr("尚无记录")
        )


class JobsPage(_Page):
    """岗位与推荐: posts of park enterprises, matching, referrals 推荐 → 面试 → 录用 / 未录用."""

    def __init__(self, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("园区岗位与推荐"), db, runner, project_id, parent)
        self.posts = PostsModel(self)
        self.referrals = ReferralsModel(self)
        self.posts_view = table(self.posts, self)
        self.referrals_view = table(self.referrals, self)
        split = stacked(self.posts_view, self.referrals_view)
        self.lay_out(
            split,
            (
                (self.tr("导入岗位表…"), self.import_posts),
                (self.tr("按要求推荐"), self.match),
                (self.tr("面试"), lambda: self.set_status("面试")),  # data, not text
                (self.tr("录用"), lambda: self.set_status("录用")),  # data, not text
                (self.tr("未录用"), lambda: self.set_status("未录用")),  # data, not text
            ),
        )
        fit_roomy(self, 1100, 680)
        self.refresh()

    def refresh(self) -> None:
        self.posts.set_rows(jobs.list_posts(self.db, self.project_id))
        self.referrals.set_rows(jobs.list_referrals(self.db, self.project_id))

    def import_posts(self) -> None:
        self.import_workbook(
            self.tr("导入岗位表"), self.tr("正在导入岗位表…"), jobs.import_posts, self.tr("岗位"), with_progress=False
        )

    def match(self) -> None:
        def done(proposals: list[jobs.ReferralProposal]) -> None:
            self.status.setText(
                self.tr("已推荐 {0} 人（失地农民优先，其次受过该类培训者，再次未就业最久者）").format(len(proposals))
            )

        self._run(self.tr("正在匹配岗位…"), jobs.match_jobs, done, with_progress=False)

    def set_status(self, status: str) -> None:
        referral = self.chosen(self.referrals_view, self.tr("请先在下方选择一条推荐记录。"))
        if referral is None:
            return
        self._run(
            self.tr("正在保存…"), jobs.set_referral_status, referral_id=referral.id, status=status, with_progress=False
        )


class TrainingPage(_Page):
    """技能培训: courses, their trainees with attendance, completion and certificate; the course roster."""

    def __init__(self, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("技能培训"), db, runner, project_id, parent)
        self.courses = CoursesModel(self)
        self.enrolments = EnrolmentsModel(self)
        self.courses_view = table(self.courses, self)
        self.enrolments_view = table(self.enrolments, self)
        self.courses_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_enrolments())
        split = stacked(self.courses_view, self.enrolments_view)
        self.lay_out(
            split,
            (
                (self.tr("导入培训表…"), self.import_training),
                (self.tr("新建课程…"), self.new_course),
                (self.tr("报名（登记册中选中的户）"), self.enrol_selected),
                (self.tr("录入结果…"), self.record_result),
                (self.tr("导出花名册…"), self.export_roster),
            ),
        )
        self.selected_households: Any = None  # set by the area: () -> household ids selected in the register
        fit_roomy(self, 1100, 680)
        self.refresh()

    def refresh(self) -> None:
        chosen = current(self.courses_view)
        self.courses.set_rows(training.list_courses(self.db, self.project_id))
        if chosen is not None:
            for r in range(self.courses.rowCount()):
                if self.courses.rows[r].id == chosen.id:
                    proxy = self.courses_view.model()
                    assert isinstance(proxy, QSortFilterProxyModel)
                    self.courses_view.setCurrentIndex(proxy.mapFromSource(self.courses.index(r, 0)))
        self.show_enrolments()

    def show_enrolments(self) -> None:
        course = current(self.courses_view)
        self.enrolments.set_rows(training.list_enrolments(self.db, self.project_id, course.id) if course else [])

    def _course(self) -> Any:
        return self.chosen(self.courses_view, self.tr("请先选择一门课程。"))

    def import_training(self) -> None:
        self.import_workbook(
            self.tr("导入培训表"), self.tr("正在导入培训表…"), training.import_training, self.tr("培训情况")
        )

    def new_course(self) -> None:
        dialog = CourseDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(self.tr("正在保存…"), training.create_course, with_progress=False, **dialog.values())

    def enrol_selected(self) -> None:
        course = self._course()
        if course is None:
            return
        ids = self.selected_households() if callable(self.selected_households) else []
        people = [
            p.id for p in labour.list_people(self.db, self.project_id) if p.household_id in set(ids) and p.working_age
        ]
        if not people:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先在登记册中选中户（其劳动年龄成员将报名）。"))
            return
        self._run(self.tr("正在报名…"), training.enrol, course_id=course.id, person_ids=people, with_progress=False)

    def record_result(self) -> None:
        course, enrolment = current(self.courses_view), current(self.enrolments_view)
        if course is None or enrolment is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先选择课程和学员。"))
            return
        dialog = ResultDialog(enrolment, course.hours, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                self.tr("正在保存…"),
                training.record_result,
                enrolment_id=enrolment.id,
                with_progress=False,
                **dialog.values(),
            )

    def export_roster(self) -> None:
        course = self._course()
        if course is None:
            return
        name = self._save(
            self.tr("导出培训花名册"),
            self.tr("{0}花名册.xlsx").format(course.name),
            self.tr("Excel 工作簿 (*.xlsx);;PDF (*.pdf)"),
        )
        if name:
            self.runner.run(
                self, self.tr("正在导出…"), training.course_roster, db=self.db, project_id=self.project_id,
                course_id=course.id, out=name, with_progress=False,
            )  # fmt: skip


class SocialSecurityPage(_Page):
    """社保: the standard (import, publish), the roster for the bureau, the reply reconciled."""

    def __init__(self, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("被征地农民养老保障"), db, runner, project_id, parent)
        self.standard = QLabel()
        self.standard.setWordWrap(True)
        self.outcomes = ReconcileModel(self)
        self.result_view = table(self.outcomes, self)
        self.lay_out(
            self.result_view,
            (
                (self.tr("导入社保标准…"), self.import_standard),
                (self.tr("发布标准"), self.publish),
                (self.tr("导出花名册…"), self.export_roster),
                (self.tr("核对回执…"), self.reconcile),
                (self.tr("保存对账表…"), self.save_reconciliation),
            ),
            above=self.standard,
        )
        self.last_reply: str = ""
        fit_roomy(self, 1100, 640)
        self.refresh()

    def refresh(self) -> None:
        standards = social_security.list_standards(self.db, self.project_id)
        if not standards:
            self.standard.setText(self.tr("尚未导入社保标准。"))
            return
        published = [s for s in standards if s.status == "已发布"]  # data, not text
        latest = published[-1] if published else standards[-1]  # the one in force; a draft only before any
        drafts = [s for s in standards if s.status == "草稿" and s.revision > latest.revision]  # data, not text
        bands = "；".join(
            (
                self.tr("{0}（{1}）{2}–{3} 岁 {4} 元").format(b.name, b.sex, b.start_age, b.end_age, f"{b.amount:,.2f}")
                if b.end_age < OPEN_END_AGE
                else self.tr("{0}（{1}）{2} 岁及以上 {3} 元").format(b.name, b.sex, b.start_age, f"{b.amount:,.2f}")
            )  # an open top band is stored with a far end age (the sheet's 200): not printed as such
            for b in latest.bands
        )
        self.standard.setText(
            self.tr("社保标准{0}，基准日 {1}：{2}").format(latest.label, latest.reference_date or "—", bands)
        )
        if drafts:
            self.standard.setText(
                self.standard.text() + "\n" + self.tr("另有草稿第 {0} 版，发布后才生效。").format(drafts[-1].revision)
            )
        counting = rate_tables.age_band_table(self.db, self.project_id)
        if counting:
            self.standard.setText(
                self.standard.text()
                + "\n"
                + self.tr("补偿标准「{0}」的社保费用按已发布的社保标准逐人计算，与花名册金额一致。").format(counting)
            )

    def import_standard(self) -> None:
        name = self._open(self.tr("导入社保标准"))
        if name:

            def done(info: social_security.StandardInfo) -> None:
                self.refresh()
                self.status.setText(
                    self.tr("已导入社保标准第 {0} 版（草稿，{1} 个年龄段）：核对后点「发布标准」。").format(
                        info.revision, len(info.bands)
                    )
                )

            self._run(self.tr("正在导入…"), social_security.import_standard, done, path=name, with_progress=False)

    def publish(self) -> None:
        standards = social_security.list_standards(self.db, self.project_id)
        drafts = [s for s in standards if s.status == "草稿"]  # data, not text
        if not drafts:
            QMessageBox.information(self, self.windowTitle(), self.tr("没有待发布的草稿标准。"))
            return
        counting = rate_tables.age_band_table(self.db, self.project_id)
        if counting and any(s.status == "已发布" for s in standards):  # data, not text
            asked = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr(
                    "本项目的补偿标准「{0}」按社保年龄段计算社保费用。发布新版社保标准后，各户的社保费用按新标准重算："
                    "请重新计算补偿，已签约的户复核后须签补充协议。\n\n发布吗？"
                ).format(counting),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if asked != QMessageBox.StandardButton.Yes:
                return

        def done(_info: object) -> None:
            self.refresh()
            if counting:
                self.status.setText(
                    self.tr("已发布。补偿标准「{0}」的社保费用按此标准计算：请重新计算补偿（F9）。").format(counting)
                )

        self._run(
            self.tr("正在发布…"),
            social_security.publish_standard,
            done,
            standard_id=drafts[-1].id,
            with_progress=False,
        )

    def export_roster(self) -> None:
        name = self._save(self.tr("导出社保花名册"), self.tr("社保花名册.xlsx"))
        if name:

            def done(result: social_security.RosterResult) -> None:
                bands = "；".join(
                    self.tr("{0} {1} 人 {2} 元").format(k, v.persons, f"{v.amount:,.2f}")
                    for k, v in result.bands.items()
                )
                self.status.setText(self.tr("已导出 {0} 人：{1}").format(result.persons, bands))

            self.runner.run(self, self.tr("正在导出…"), social_security.write_roster, on_done=done, db=self.db,
                            project_id=self.project_id, out=name)  # fmt: skip

    def reconcile(self) -> None:
        name = self._open(self.tr("选择社保局回执"))
        if not name:
            return
        self.last_reply = name

        def done(result: social_security.ReconcileResult) -> None:
            self.outcomes.set_rows(result.rows)
            self.status.setText("；".join(f"{social_security.OUTCOME_LABELS[k]} {v}" for k, v in result.counts.items()))

        self._run(self.tr("正在核对回执…"), social_security.reconcile, done, reply_path=name)

    def save_reconciliation(self) -> None:
        if not self.last_reply:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先核对回执。"))
            return
        name = self._save(self.tr("保存对账表"), self.tr("社保回执对账.xlsx"))
        if name:
            self.runner.run(self, self.tr("正在写出对账表…"), social_security.reconcile, db=self.db,
                            project_id=self.project_id, reply_path=self.last_reply, out=name, save=False)  # fmt: skip
