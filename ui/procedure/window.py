"""The procedure window: a project's timeline, the grievance log and the holiday table, one tab each.

Every read and write goes through the op runner (off the GUI thread); pages refresh
when the runner announces ``procedure``, ``grievances`` or ``calendar``.

The window is bound to the project it was opened for (:meth:`ProcedureWindow.bind`) and names
it in its title: what it shows is what it saves into, whatever the clerk selects in the main
window's tree meanwhile. Opening it again from the menu binds it to the project chosen then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resettle.services.payments.progress import PaymentCounts, payment_counts
from resettle.services.procedure import agreements, calendar, grievances, printing, steps
from resettle.services.procedure import settings as procedure_settings
from resettle.services.procedure.grievances import GrievanceView, PostingView
from resettle.services.procedure.steps import PROBLEM_STATUSES, StepView
from resettle.services.register import projects
from ui.areas import AreaContext
from ui.forms import add_close
from ui.procedure.dialogs import CloseDialog, GrievanceDialog, PostingDialog, StepDialog
from ui.procedure.models import SORT_ROLE, GrievanceModel, HolidayModel, PostingModel, StepsModel
from ui.screen_fit import fit_roomy
from ui.tables import sorted_view

TOPICS = frozenset({"procedure", "grievances", "calendar"})
TAB_TIMELINE, TAB_GRIEVANCES, TAB_POSTINGS, TAB_HOLIDAYS = range(4)
PROCEDURE, GRIEVANCES, CALENDAR = (
    frozenset({"procedure"}),
    frozenset({"grievances"}),
    frozenset({"calendar", "procedure"}),
)


def _table(parent: QWidget, model: Any) -> QTableView:
    return sorted_view(model, parent, SORT_ROLE, column=0, single=True, fit=True)


def _selected(view: QTableView, model: Any) -> Any:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    return model.row_at(proxy.mapToSource(rows[0]).row())


class _Page(QWidget):
    def __init__(self, ctx: AreaContext, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None  # the window's project (set by ProcedureWindow.bind), never the tree's
        self.model = model
        model.setParent(self)
        self.view = _table(self, model)
        self.layout_ = QVBoxLayout(self)
        self.bar = QHBoxLayout()
        self.layout_.addLayout(self.bar)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)

    def button(self, text: str, slot: Any) -> QPushButton:
        b = QPushButton(text, self)
        b.clicked.connect(slot)
        self.bar.addWidget(b)
        return b

    def project(self) -> int | None:
        pid = self.project_id
        if pid is None:
            self.note.setText(self.tr("请先在登记表左侧选择一个项目，再从「程序」菜单打开本窗口。"))
        return pid

    def for_project(self, pid: int, show: Callable[[Any], None]) -> Callable[[Any], None]:
        """``show`` for a read of project ``pid``, dropped when the window was bound to another one meanwhile."""

        def done(result: Any) -> None:
            if pid == self.project_id:
                show(result)

        return done

    def shown_project(self) -> int | None:
        """The project to show; with none the page is emptied and asks for one."""
        pid = self.project()
        if pid is None:
            self.model.set_rows([])
        return pid

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self, title: str, fn: Any, changes: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        """Quick work off the GUI thread on the open register; ``changes`` are announced when it is done."""
        self.ctx.runner.run(self, title, fn, changes=changes, with_progress=False, db=self.ctx.database(), **kwargs)

    def chosen(self) -> tuple[Any, int] | None:
        """The row selected in the page's table and the window's project, or None when either is missing (and the
        clerk is told which: a button that did nothing said nothing)."""
        pid = self.project_id
        if pid is None:
            QMessageBox.information(
                self, self.window().windowTitle(), self.tr("请先在登记表左侧选择一个项目，再从「程序」菜单打开本窗口。")
            )
            return None
        item = _selected(self.view, self.model)
        if item is None:
            QMessageBox.information(self, self.window().windowTitle(), self.tr("请先在表中选择一行。"))
            return None
        return item, pid

    def attach_file(
        self, caption: str, title: str, fn: Any, changes: frozenset[str], key: Callable[[Any], dict[str, Any]]
    ) -> None:
        """A file the clerk picks, attached by ``fn`` to the selected row (``key`` names the row for ``fn``)."""
        chosen = self.chosen()
        if chosen is None:
            return
        item, pid = chosen
        name, _ = QFileDialog.getOpenFileName(self, caption)
        if name:
            self.run(title, fn, changes, project_id=pid, path=Path(name), **key(item))


class TimelinePage(_Page):
    """The statutory steps of the current project: due, late or too short."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, StepsModel(), parent)
        self.view.doubleClicked.connect(lambda _i: self.edit_step())
        self.button(self.tr("登记日期…"), self.edit_step)
        self.button(self.tr("附加证据…"), self.attach)
        self.button(self.tr("放行协议打印…"), self.allow_agreements)
        self.family = QCheckBox(self.tr("截止日后出生、婚嫁计入安置人口"), self)
        self.family.clicked.connect(self.set_family)
        self.bar.addWidget(self.family)
        self.button(self.tr("刷新"), self.refresh)
        self.bar.addStretch(1)
        self.gate = QLabel(self)
        self.gate.setWordWrap(True)
        self.layout_.addWidget(self.gate)
        self.layout_.addWidget(self.view, 1)

    def refresh(self) -> None:
        pid = self.shown_project()
        if pid is None:
            return
        self.run(self.tr("读取征收程序"), _timeline, on_done=self.for_project(pid, self._show), project_id=pid)

    def _show(self, result: tuple[list[StepView], agreements.AgreementGate, bool, PaymentCounts]) -> None:
        rows, gate, family, counts = result
        self.family.setChecked(family)
        if gate.allowed:
            if gate.message:  # allowed, with a caution (e.g. the plan's posting not registered, so not checked)
                self.gate.setText(self.tr("正式协议：可以打印，但请注意：{0}").format(gate.message))
            else:
                self.gate.setText(self.tr("正式协议：可以打印"))
        else:
            self.gate.setText(self.tr("正式协议：暂不能打印。") + gate.message)
        self.model.set_rows(rows)
        problems = [r for r in rows if r.status in PROBLEM_STATUSES]
        if problems:
            self.note.setText(self.tr("需要注意：") + "；".join(f"{r.name}（{r.status}）{r.problem}" for r in problems))
        else:
            self.note.setText(self.tr("没有逾期或期限不足的步骤。"))
        # what the register shows beside the steps, which are entered by hand (a step stays 未开始 until then)
        self.note.setText(
            self.note.text()
            + "\n"
            + self.tr(
                "登记册进度：已复核 {0} 户，已签约 {1} 户，已兑付 {2} 户（各步骤的日期和文号须在此登记）。"
            ).format(counts.reviewed, counts.signed, counts.paid)
        )

    def edit_step(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        step, pid = chosen
        dialog = StepDialog(step, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.run(self.tr("登记程序步骤"), steps.set_step, PROCEDURE, project_id=pid, code=step.code, **dialog.values())

    def allow_agreements(self) -> None:
        pid = self.project()
        if pid is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("放行协议打印"), self.tr("方案公告期未满提前打印正式协议的理由：")
        )
        if not ok:
            return
        self.run(self.tr("放行协议打印"), agreements.allow_early_agreements, PROCEDURE, project_id=pid, reason=reason)

    def set_family(self, checked: bool) -> None:
        pid = self.project()
        if pid is None:
            return
        self.run(
            self.tr("修改程序设置"), procedure_settings.set_family_changes_after_cutoff, PROCEDURE,
            project_id=pid, count=checked,
        )  # fmt: skip

    def attach(self) -> None:
        self.attach_file(
            self.tr("选择证据文件（照片、公证书等）"), self.tr("添加程序证据"), steps.attach_step_evidence, PROCEDURE,
            lambda step: {"code": step.code},
        )  # fmt: skip


class GrievancePage(_Page):
    """The grievance log of the current project, overdue ones in red."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, GrievanceModel(), parent)
        self.button(self.tr("登记…"), self.add)
        self.close_button = self.button(self.tr("办结…"), self.close_selected)
        self.button(self.tr("打印受理回执…"), lambda: self.print_letter("receipt"))
        self.button(self.tr("打印答复意见书…"), lambda: self.print_letter("answer"))
        self.button(self.tr("添加附件…"), self.attach)
        self.button(self.tr("导出台账…"), self.export)
        self.open_only = QCheckBox(self.tr("只看未办结"), self)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.bar.addWidget(self.open_only)
        self.bar.addStretch(1)
        self.layout_.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    def refresh(self) -> None:
        pid = self.shown_project()
        if pid is None:
            return
        self.run(
            self.tr("读取信访台账"), grievances.list_grievances, on_done=self.for_project(pid, self._show), project_id=pid,
            open_only=self.open_only.isChecked(),
        )  # fmt: skip

    def _show(self, rows: list[GrievanceView]) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for g in rows if g.overdue)
        open_ = sum(1 for g in rows if g.closed_on is None)
        text = self.tr("共 {n} 件，未办结 {o} 件").format(n=len(rows), o=open_)
        if overdue:
            text += self.tr("，其中逾期 {k} 件（红色）").format(k=overdue)
        self.note.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """办结… is off for a grievance already closed (its answer and date are what was sent)."""
        g = _selected(self.view, self.model)
        closed = g is not None and g.closed_on is not None
        self.close_button.setEnabled(not closed)
        self.close_button.setToolTip(
            self.tr("信访 {0} 已于 {1} 办结").format(g.number, g.closed_on.isoformat()) if closed else ""
        )

    def add(self) -> None:
        pid = self.project()
        dialog = GrievanceDialog(self) if pid is not None else None
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(self.tr("登记信访"), grievances.add_grievance, GRIEVANCES, project_id=pid, data=dialog.value())

    def close_selected(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        g, pid = chosen
        if g.closed_on is not None:
            QMessageBox.information(
                self, self.window().windowTitle(),
                self.tr("信访 {0} 已于 {1} 办结，不能再次办结。").format(g.number, g.closed_on.isoformat()),
            )  # fmt: skip
            return
        dialog = CloseDialog(g.number, g.handler, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        answer, closed_on, handler = dialog.values()
        self.run(
            self.tr("办结信访"), grievances.close_grievance, GRIEVANCES, project_id=pid, grievance_id=g.id,
            answer=answer, closed_on=closed_on, handler=handler,
        )  # fmt: skip

    def attach(self) -> None:
        self.attach_file(
            self.tr("选择信件、照片等附件"), self.tr("添加信访附件"), grievances.attach_grievance_evidence, GRIEVANCES,
            lambda g: {"grievance_id": g.id},
        )  # fmt: skip

    def print_letter(self, letter: str) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        g, pid = chosen
        title = printing.LETTERS[letter][1]
        name, _ = QFileDialog.getSaveFileName(self, title, f"{g.number}_{title}.pdf", "PDF (*.pdf)")
        if not name:
            return
        self.run(
            self.tr("打印") + title, printing.print_grievance_letter, project_id=pid, grievance_id=g.id,
            letter=letter, out=Path(name),
        )  # fmt: skip

    def export(self) -> None:
        pid = self.project()
        if pid is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出信访台账"), self.tr("信访台账.xlsx"), "Excel (*.xlsx)")
        if not name:
            return
        self.run(self.tr("导出信访台账"), printing.export_grievance_log, project_id=pid, out=Path(name))


class PostingPage(_Page):
    """The posting records of the current project with the objections each received."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PostingModel(), parent)
        self.button(self.tr("登记公示…"), self.add)
        self.bar.addStretch(1)
        self.layout_.addWidget(self.view, 1)

    def refresh(self) -> None:
        pid = self.shown_project()
        if pid is None:
            return
        self.run(
            self.tr("读取公示记录"), grievances.list_postings, on_done=self.for_project(pid, self._show), project_id=pid
        )

    def _show(self, rows: list[PostingView]) -> None:
        self.model.set_rows(rows)
        short = sum(1 for p in rows if p.too_short)
        text = self.tr("共 {n} 次公示").format(n=len(rows))
        if short:
            text += self.tr("，其中 {k} 次期限不足（红色）").format(k=short)
        self.note.setText(text)

    def add(self) -> None:
        pid = self.project()
        dialog = PostingDialog([(d.code, d.name) for d in steps.CATALOGUE], self) if pid is not None else None
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            # the posting's fields as one argument: its "title" is not the job's title
            self.run(self.tr("登记公示"), _add_posting, GRIEVANCES, project_id=pid, posting=dialog.values())


class HolidayPage(_Page):
    """The holiday and make-up working days the calendar knows; a newer year is imported here."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, HolidayModel(), parent)
        self.button(self.tr("导入节假日表…"), self.load)
        self.button(self.tr("导出节假日表…"), self.export)
        self.bar.addStretch(1)
        self.layout_.addWidget(self.view, 1)

    def refresh(self) -> None:
        self.run(self.tr("读取节假日表"), _holidays, on_done=self._show)

    def _show(self, result: tuple[list[int], list[calendar.HolidayRow]]) -> None:
        years, rows = result
        self.model.set_rows(rows)
        shown_year = max((y for y in years if y <= date.today().year), default=None)  # this year, or the last known
        this_year = next((i for i, r in enumerate(rows) if r.day.year == shown_year), None)
        if this_year is not None:
            proxy = self.view.model()
            assert isinstance(proxy, QSortFilterProxyModel)
            index = proxy.mapFromSource(self.model.index(this_year, 0))
            self.view.setCurrentIndex(index)
            # After the page is laid out (it may be read before it is shown): this year's first day on top.
            QTimer.singleShot(0, lambda: self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop))
        self.note.setText(
            self.tr("已知年份：{y}。其他年份的日期无法推算工作日，请导入国务院办公厅当年的节假日安排"
                    "（工作簿「节假日」：日期、休/班）。").format(y=self.tr("、").join(map(str, years)))
        )  # fmt: skip

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出节假日表"), self.tr("节假日.xlsx"), "Excel (*.xlsx)")
        if not name:
            return
        self.run(self.tr("导出节假日表"), calendar.export_holiday_workbook, out=Path(name))

    def load(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("导入节假日表"), "", "Excel (*.xlsx *.xls *.ods *.csv)")
        if not name:
            return
        self.run(self.tr("导入节假日表"), calendar.load_holiday_workbook, CALENDAR, path=Path(name))


def _timeline(db: Any, project_id: int) -> tuple[list[StepView], agreements.AgreementGate, bool, PaymentCounts]:
    rows = steps.list_steps(db, project_id)
    gate = agreements.agreement_gate(db, project_id)
    family = procedure_settings.get_procedure_settings(db, project_id).family_changes_after_cutoff_count
    return rows, gate, family, payment_counts(db, project_id)


def _add_posting(db: Any, project_id: int, posting: dict[str, Any]) -> PostingView:
    """As ``resettle procedure post`` saves it."""
    return grievances.add_posting(db, project_id, **posting)


def _project_name(db: Any, project_id: int) -> str:
    return projects.get_project(db, project_id).details.name


def _holidays(db: Any) -> tuple[list[int], list[calendar.HolidayRow]]:
    cal = calendar.work_calendar(db)
    return sorted(cal.years), calendar.holiday_rows(db)


class ProcedureWindow(QDialog):
    """One window for the area (not modal): the timeline, the grievance log and the holiday table."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("征收程序与信访"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_roomy(self, 1100, 600)
        self.ctx = ctx
        self.project_id: int | None = None
        self.project_name = ""
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.timeline = TimelinePage(ctx, self)
        self.grievances = GrievancePage(ctx, self)
        self.postings = PostingPage(ctx, self)
        self.holidays = HolidayPage(ctx, self)
        self.tabs.addTab(self.timeline, self.tr("程序时间线"))
        self.tabs.addTab(self.grievances, self.tr("信访台账"))
        self.tabs.addTab(self.postings, self.tr("公示记录"))
        self.tabs.addTab(self.holidays, self.tr("节假日表"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.tabs)
        add_close(self)  # as the other areas' windows
        ctx.runner.changed.connect(self._changed)

    def _changed(self, topics: object) -> None:
        if not self.isVisible():
            return
        if isinstance(topics, frozenset) and not (topics & TOPICS or "tree" in topics or "project" in topics):
            return
        self.refresh_all()

    def bind(self, project_id: int | None) -> None:
        """Show and change ``project_id`` (the project chosen when the window was opened) from now on."""
        if project_id != self.project_id:
            self.project_name = ""
        self.project_id = project_id
        for page in (self.timeline, self.grievances, self.postings, self.holidays):
            page.project_id = project_id
        self._show_name()

    def _show_name(self) -> None:
        if self.project_id is None:
            self.setWindowTitle(self.tr("征收程序与信访 — 未选项目"))
            self.heading.setText(self.tr("未选项目：请先在登记表左侧选择一个项目，再从「程序」菜单打开本窗口。"))
            return
        name = self.project_name or self.tr("项目 {0}").format(self.project_id)
        self.setWindowTitle(self.tr("征收程序与信访 — {0}").format(name))
        self.heading.setText(
            self.tr(
                "项目：{0}（本窗口只显示和修改这个项目；要看别的项目，请在左侧选择后从「程序」菜单重新打开）"
            ).format(name)
        )

    def _named(self, pid: int, name: str) -> None:
        if pid == self.project_id:
            self.project_name = name
            self._show_name()

    def refresh_all(self) -> None:
        pid = self.project_id
        if pid is not None:  # the name too: it may have been changed in 项目信息
            self.ctx.runner.run(
                self, self.tr("读取项目名称"), _project_name, on_done=lambda name: self._named(pid, name),
                with_progress=False, db=self.ctx.database(), project_id=pid,
            )  # fmt: skip
        for page in (self.timeline, self.grievances, self.postings, self.holidays):
            page.refresh()

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        self.refresh_all()
        self.show()
        self.raise_()
        self.activateWindow()
