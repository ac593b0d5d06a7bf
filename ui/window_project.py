"""The project the window works on, and the 项目 menu: create, rename and describe projects and villages.

The current project is the one of the tree selection (or the only project). The window
shows it in its title and status bar; every action passes it to the services, and with
several projects and none selected an action asks the clerk to pick one, never guesses.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.township import TownshipDetails
from resettle.errors import ResettleError, ValidationError
from resettle.services.demo.register import is_demo
from resettle.services.register import projects
from resettle.services.register.projects import MAX_POSTING_DAYS, ProjectDetails, ProjectRecord
from resettle.services.register.records import ProjectNode
from resettle.store.database import Database
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import OpRunner

APP_TITLE = QT_TRANSLATE_NOOP("ProjectActions", "征迁安置管理")
TOWNSHIP_FIELDS = (
    ("township", QT_TRANSLATE_NOOP("ProjectDialog", "乡镇名称")),
    ("office", QT_TRANSLATE_NOOP("ProjectDialog", "征迁办名称")),
    ("phone", QT_TRANSLATE_NOOP("ProjectDialog", "联系电话")),
    ("signing_place", QT_TRANSLATE_NOOP("ProjectDialog", "签约地点")),
    ("complaint_phone", QT_TRANSLATE_NOOP("ProjectDialog", "监督（投诉）电话")),
)


def parse_optional_date(text: str, field: str) -> date | None:
    """'' → None; 2026-05-20, 2026/5/20, 2026.5.20 or 20260520 → a date; else a refusal naming the field."""
    value = text.strip().replace("/", "-").replace(".", "-")
    if not value:
        return None
    try:
        if value.isdigit() and len(value) == 8:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        y, m, d = (int(x) for x in value.split("-"))
        return date(y, m, d)
    except ValueError:
        message = QCoreApplication.translate("ProjectDialog", "「{0}」不是有效日期：{1}（例：2026-05-20）").format(
            field, text.strip()
        )
        raise ValidationError(message, field=field) from None


class ProjectDialog(QDialog):
    """Name, approval number and date, cut-off, reference date, posting period, township details, remarks."""

    def __init__(self, record: ProjectRecord | None, office: TownshipDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("项目信息") if record else self.tr("新建项目"))
        d = record.details if record else ProjectDetails("")
        self.name = QLineEdit(d.name)
        self.name.setPlaceholderText(self.tr("例：城东片区征地项目"))
        self.approval_no = QLineEdit(d.approval_no)
        self.approval_no.setPlaceholderText(self.tr("例：浙政土〔2026〕12号"))
        self.approval_date = self._date_edit(d.approval_date)
        self.cutoff_date = self._date_edit(d.cutoff_date)
        self.reference_date = self._date_edit(d.reference_date)
        self.posting_days = QSpinBox()
        self.posting_days.setRange(0, MAX_POSTING_DAYS)
        self.posting_days.setSpecialValueText(self.tr("默认"))
        self.posting_days.setSuffix(self.tr(" 天"))
        self.posting_days.setValue(d.posting_days or 0)
        self.remarks = QPlainTextEdit(d.remarks)
        self.remarks.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("项目名称"), self.name)
        form.addRow(self.tr("批准文号"), self.approval_no)
        form.addRow(self.tr("批准日期"), self.approval_date)
        form.addRow(self.tr("预公告日（截止日）"), self.cutoff_date)
        form.addRow(self.tr("基准日（计算年龄）"), self.reference_date)
        form.addRow(self.tr("公示期"), self.posting_days)
        form.addRow(self.tr("备注"), self.remarks)
        box = QGroupBox(self.tr("本项目文书上的乡镇信息（留空则用「设置」中的本办公室信息）"))
        town_form = QFormLayout(box)
        self.township: dict[str, QLineEdit] = {}
        for key, label in TOWNSHIP_FIELDS:
            edit = QLineEdit(getattr(d.township, key))
            default = getattr(office, key)
            edit.setPlaceholderText(self.tr("默认：{0}").format(default) if default else self.tr("未设置"))
            self.township[key] = edit
            town_form.addRow(self.tr(label), edit)
        if record is not None and record.villages:
            villages = QLabel(self.tr("村：{0}").format(self.tr("、").join(name for _id, name in record.villages)))
            villages.setWordWrap(True)
            form.addRow("", villages)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _date_edit(self, value: date | None) -> QLineEdit:
        edit = QLineEdit(value.isoformat() if value else "")
        edit.setPlaceholderText(self.tr("年-月-日，可留空"))
        return edit

    def details(self) -> ProjectDetails:
        """What the form says; a refusal names the field."""
        town = TownshipDetails(**{key: edit.text().strip() for key, edit in self.township.items()})
        return ProjectDetails(
            name=self.name.text().strip(),
            approval_no=self.approval_no.text().strip(),
            approval_date=parse_optional_date(self.approval_date.text(), self.tr("批准日期")),
            cutoff_date=parse_optional_date(self.cutoff_date.text(), self.tr("预公告日")),
            reference_date=parse_optional_date(self.reference_date.text(), self.tr("基准日")),
            posting_days=self.posting_days.value() or None,
            township=town,
            remarks=self.remarks.toPlainText().strip(),
        )

    def _accept(self) -> None:
        try:
            details = self.details()
            if not details.name:
                raise ValidationError(self.tr("项目名称不能为空"), field=self.tr("项目名称"))
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.chosen = details
        self.accept()


class ProjectActions(QMainWindow):
    """The main window's current project and 项目 menu (MainWindow derives from this through ImportActions)."""

    db: Database
    runner: OpRunner
    tree: QTreeView
    _filter: tuple[str, int] | None
    _tree_nodes: list[ProjectNode]
    _tree_items: dict[tuple[str, int], tuple[QStandardItem, str]]

    def current_project_id(self) -> int | None:
        raise NotImplementedError

    def reload_tree(self) -> None:
        raise NotImplementedError

    # -- which project ---------------------------------------------------------------------------
    def project_nodes(self) -> list[ProjectNode]:
        return list(getattr(self, "_tree_nodes", []))

    def current_project_name(self) -> str:
        pid = self.current_project_id()
        return next((p.name for p in self.project_nodes() if p.id == pid), "")

    def project_for(self, what: str) -> int | None:
        """The project an action works on: the current one; with several and none chosen, the clerk picks."""
        pid = self.current_project_id()
        if pid is not None:
            return pid
        nodes = self.project_nodes()
        if not nodes:
            QMessageBox.information(self, what, self.tr("数据库中还没有项目。请先导入调查表或新建项目。"))
            return None
        labels = [self.tr("{0}（编号 {1}）").format(p.name, p.id) for p in nodes]
        label, ok = QInputDialog.getItem(
            self,
            what,
            self.tr("数据库中有 {0} 个项目，请选择要{1}的项目：").format(len(nodes), what),
            labels,
            0,
            False,
        )
        if not ok or label not in labels:
            return None
        chosen = nodes[labels.index(label)].id
        self.select_node(("project", chosen))
        return chosen

    def select_node(self, node: tuple[str, int]) -> None:
        """Select a project, village or group in the tree (the table follows)."""
        found = getattr(self, "_tree_items", {}).get(node)
        if found is not None:
            self.tree.setCurrentIndex(found[0].index())

    def install_project_label(self) -> None:
        self.project_label = QLabel()
        self.project_label.setObjectName("current_project")
        self.statusBar().insertWidget(0, self.project_label)

    def _is_demo(self) -> bool:
        """Read once per open register, not on every click in the tree."""
        cached: tuple[Database, bool] | None = getattr(self, "_demo_of", None)
        if cached is None or cached[0] is not self.db:
            cached = (self.db, is_demo(self.db))
            self._demo_of = cached
        return cached[1]

    def show_current_project(self) -> None:
        """Title and status bar name the project the window works on."""
        name = self.current_project_name()
        count = len(self.project_nodes())
        if name:
            self.setWindowTitle(self.tr("{0} — {1}").format(self.tr(APP_TITLE), name))
            text = self.tr("当前项目：{0}").format(name)
        elif count:
            self.setWindowTitle(self.tr("{0} — 未选项目（共 {1} 个）").format(self.tr(APP_TITLE), count))
            text = self.tr("当前项目：未选（共 {0} 个，请在左侧选择）").format(count)
        else:
            self.setWindowTitle(self.tr(APP_TITLE))
            text = self.tr("当前项目：无")
        if self._is_demo():  # the demo is never mistaken for the office's register
            self.setWindowTitle(self.tr("【演示】{0}").format(self.windowTitle()))
            text = self.tr("演示数据 · {0}").format(text)
        label = getattr(self, "project_label", None)
        if label is not None:
            label.setText(text)

    # -- the 项目 menu ------------------------------------------------------------------------------
    def build_project_menu(self, bar: QMenuBar, before: QMenu | None = None) -> QMenu:
        menu = QMenu(self.tr("项目(&J)"), self)
        for text, slot in (
            (self.tr("新建项目…"), self.new_project),
            (self.tr("项目信息…"), self.edit_project),
            (None, None),
            (self.tr("新建村…"), self.new_village),
            (self.tr("重命名村或组…"), self.rename_node),
        ):
            if text is None:
                menu.addSeparator()
            else:
                menu.addAction(text).triggered.connect(slot)
        if before is not None:
            bar.insertMenu(before.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self.project_menu = menu
        return menu

    def _office(self) -> TownshipDetails:
        from resettle.services.register import settings

        return settings.get_township(self.db)

    def new_project(self) -> int | None:
        dialog = ProjectDialog(None, self._office(), self)
        while dialog.exec():
            try:
                pid = projects.create_project(self.db, dialog.chosen.name, details=dialog.chosen)
            except ResettleError as exc:
                dialog.error.setText(exc.message)
                continue
            self.runner.announce("tree")  # the tree is rebuilt ...
            self.select_node(("project", pid))  # ... and the new project chosen in it
            return pid
        return None

    def edit_project(self) -> None:
        pid = self.project_for(self.tr("修改信息"))
        if pid is None:
            return
        try:
            record = projects.get_project(self.db, pid)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("项目信息"), exc.message)
            return
        dialog = ProjectDialog(record, self._office(), self)
        while dialog.exec():
            try:
                projects.update_project(self.db, pid, dialog.chosen, expected_version=record.version)
            except ResettleError as exc:
                dialog.error.setText(exc.message)
                continue
            self.runner.announce("tree")
            self.show_current_project()
            return

    def new_village(self) -> None:
        pid = self.project_for(self.tr("新建村"))
        if pid is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("新建村"),
                                        self.tr("在「{0}」中新建村，村名：").format(self.current_project_name()))  # fmt: skip
        if not ok or not name.strip():
            return
        try:
            vid = projects.create_village(self.db, pid, name)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("新建村"), exc.message)
            return
        self.runner.announce("tree")
        self.select_node(("village", vid))

    def rename_node(self) -> None:
        kind, ident = self._filter or ("", 0)
        if kind not in ("village", "group"):
            QMessageBox.information(self, self.tr("重命名"), self.tr("请先在左侧选择要改名的村或组。"))
            return
        pid = self.current_project_id()
        found = self._tree_items.get((kind, ident))
        if pid is None or found is None:
            return
        old = found[1]
        name, ok = QInputDialog.getText(self, self.tr("重命名"), self.tr("「{0}」改名为：").format(old), text=old)
        if not ok or not name.strip() or name.strip() == old:
            return
        try:
            if kind == "village":
                projects.rename_village(self.db, pid, ident, name)
            else:
                projects.rename_group(self.db, pid, ident, name)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("重命名"), exc.message)
            return
        self.runner.announce("households", "tree")  # the table shows village and group names
