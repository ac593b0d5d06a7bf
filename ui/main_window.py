"""The register window: navigation tree, household table, search, menus.

The window holds the open :class:`Database`; every action goes through a service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QWidget,
)

from resettle.errors import ResettleError, ValidationError
from resettle.services import checks, households, imports, projects, settings
from resettle.services.records import HouseholdQuery, HouseholdRow, ProjectNode
from resettle.store.backup import list_backups
from resettle.store.database import Database
from ui.dialogs import BatchesDialog, ColumnChooser, RestoreDialog, SettingsDialog
from ui.household_editor import HouseholdEditor
from ui.import_wizard import SURVEY_SUFFIXES, ImportWizard
from ui.models.household_table import HEADERS, HouseholdTableModel
from ui.ops import OpRunner

NODE_ROLE = Qt.ItemDataRole.UserRole + 10
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, db: Database, prefs: QSettings, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.prefs = prefs
        self.runner = runner
        self.runner.changed.connect(self.on_changed)
        self._filter: tuple[str, int] | None = None  # ("project"|"village"|"group", id)
        self.setWindowTitle(self.tr("征迁安置管理"))
        self.setAcceptDrops(True)

        self.model = HouseholdTableModel(self._fetch_page, self._count, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit_household)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loaded.connect(self._loaded)

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._tree_changed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：户号、姓名、拼音首字母（如 zs）、身份证号或电话"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 930])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.rows_label = QLabel()
        self.selection_label = QLabel()
        self.file_label = QLabel()
        self.statusBar().addWidget(self.rows_label)
        self.statusBar().addWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.file_label)

        self._build_actions()
        self._restore_layout()
        self.reload_all()

    # -- actions and menus --------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.act_new_db = self._action(self.tr("新建数据库…"), self.new_database, "Ctrl+Shift+N")
        self.act_open_db = self._action(self.tr("打开数据库…"), self.open_database_dialog, sk.Open)
        self.act_import = self._action(self.tr("导入调查表…"), self.import_survey, "Ctrl+I")
        self.act_batches = self._action(self.tr("导入批次…"), self.show_batches)
        self.act_backup = self._action(self.tr("立即备份"), self.backup_now, "Ctrl+B")
        self.act_backup_as = self._action(self.tr("备份到文件…"), self.backup_as)
        self.act_restore = self._action(self.tr("从自动备份恢复…"), self.restore_backup)
        self.act_quit = self._action(self.tr("退出"), self.close, sk.Quit)
        self.act_new = self._action(self.tr("新建户"), self.new_household, sk.New)
        self.act_edit = self._action(self.tr("编辑户…"), self.edit_household, "Ctrl+E")
        self.act_delete = self._action(self.tr("删除户…"), self.delete_household, sk.Delete)
        self.act_find = self._action(self.tr("查找"), self.focus_search, sk.Find)
        self.act_refresh = self._action(self.tr("刷新"), self.reload_all, sk.Refresh)
        self.act_columns = self._action(self.tr("显示列…"), self.choose_columns)
        self.act_check = self._action(self.tr("完整性检查"), self.run_check)
        self.act_settings = self._action(self.tr("设置…"), self.open_settings, sk.Preferences)
        self.act_about = self._action(self.tr("关于"), self.about)

        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        m.addActions([self.act_new_db, self.act_open_db])
        self.recent_menu = m.addMenu(self.tr("最近打开"))
        m.addSeparator()
        m.addActions([self.act_import, self.act_batches])
        m.addSeparator()
        m.addActions([self.act_backup, self.act_backup_as, self.act_restore])
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("编辑(&E)"))
        m.addActions([self.act_new, self.act_edit, self.act_delete])
        m.addSeparator()
        m.addAction(self.act_find)
        m = bar.addMenu(self.tr("视图(&V)"))
        m.addActions([self.act_refresh, self.act_columns])
        self.tools_menu = bar.addMenu(self.tr("工具(&T)"))
        self.tools_menu.addActions([self.act_check, self.act_settings])
        m = bar.addMenu(self.tr("帮助(&H)"))
        m.addAction(self.act_about)

        tb = QToolBar(self.tr("工具栏"))
        tb.setObjectName("main_toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions([self.act_new, self.act_edit, self.act_delete])
        tb.addSeparator()
        tb.addAction(self.act_import)
        tb.addAction(self.act_refresh)
        tb.addAction(self.act_backup)
        tb.addSeparator()
        tb.addWidget(self.search)
        self.addToolBar(tb)
        self.toolbar = tb
        self._update_recent_menu()

    # -- data ---------------------------------------------------------------------------------
    def _fetch_page(self, query: HouseholdQuery, offset: int, limit: int) -> list[HouseholdRow]:
        return households.list_households(self.db, query, offset, limit).rows

    def _count(self, query: HouseholdQuery) -> int:
        return households.count_households(self.db, query)

    def current_query(self) -> HouseholdQuery:
        base = self.model.query
        kind, ident = self._filter or ("", 0)
        return HouseholdQuery(
            text=self.search.text(),
            project_id=ident if kind == "project" else None,
            village_id=ident if kind == "village" else None,
            group_id=ident if kind == "group" else None,
            sort=base.sort,
            descending=base.descending,
        )

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_query(self.current_query())

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.apply_filter()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def reload_all(self) -> None:
        self.reload_tree()
        self.model.set_query(self.current_query())
        self.file_label.setText(self.tr("数据库：{0}").format(self.db.path))

    def reload_tree(self) -> None:
        current = self._filter
        self.tree_model.clear()
        root = self.tree_model.invisibleRootItem()
        nodes: list[ProjectNode] = projects.tree(self.db)
        self.groups: list[tuple[int, str]] = []
        select_index: QModelIndex | None = None
        for p in nodes:
            pi = QStandardItem(self.tr("{0}（{1} 户）").format(p.name, p.households))
            pi.setData(("project", p.id), NODE_ROLE)
            root.appendRow(pi)
            for v in p.villages:
                vi = QStandardItem(self.tr("{0}（{1} 户）").format(v.name, v.households))
                vi.setData(("village", v.id), NODE_ROLE)
                pi.appendRow(vi)
                for g in v.groups:
                    gi = QStandardItem(self.tr("{0}（{1} 户）").format(g.name, g.households))
                    gi.setData(("group", g.id), NODE_ROLE)
                    vi.appendRow(gi)
                    self.groups.append((g.id, f"{p.name} / {v.name} / {g.name}"))
                    if current == ("group", g.id):
                        select_index = gi.index()
                if current == ("village", v.id):
                    select_index = vi.index()
            if current == ("project", p.id):
                select_index = pi.index()
        if len(nodes) == 1:
            self.tree.expand(self.tree_model.index(0, 0))
        if select_index is not None:
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(select_index)
            self.tree.selectionModel().blockSignals(False)

    def _tree_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = current.data(NODE_ROLE) if current.isValid() else None
        self._filter = (str(node[0]), int(node[1])) if node else None
        self.apply_filter()

    def _loaded(self, total: int) -> None:
        self.rows_label.setText(self.tr("共 {0:,} 户").format(total))
        self._selection_changed(QItemSelection(), QItemSelection())

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.selection_label.setText(self.tr("已选 {0} 户").format(n) if n else "")
        self.act_edit.setEnabled(n == 1)
        self.act_delete.setEnabled(n == 1)

    def selected_household_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.ensure_row(index.row())
        return row.id if row else None

    @Slot(object)
    def on_changed(self, topics: frozenset[str]) -> None:
        if "tree" in topics or "households" in topics:
            self.reload_tree()
        if "households" in topics:
            self.model.refresh()

    # -- household actions ----------------------------------------------------------------------
    def _editor(self, household_id: int | None) -> HouseholdEditor:
        default_group = self._filter[1] if self._filter and self._filter[0] == "group" else None
        editor = HouseholdEditor(self.db, household_id, self.groups, self, default_group=default_group)
        editor.saved.connect(lambda _id: self.runner.announce("households"))
        editor.deleted.connect(lambda _id: self.runner.announce("households"))
        return editor

    def new_household(self) -> None:
        if not self.groups:
            QMessageBox.information(self, self.tr("新建户"), self.tr("请先导入或建立项目和村民小组。"))
            return
        self._editor(None).exec()

    def edit_household(self, *_: object) -> None:
        hid = self.selected_household_id()
        if hid is None:
            return
        try:
            editor = self._editor(hid)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("打不开"), exc.message)
            self.model.refresh()
            return
        editor.exec()

    def delete_household(self) -> None:
        hid = self.selected_household_id()
        if hid is None:
            return
        editor = self._editor(hid)
        editor.delete()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def choose_columns(self) -> None:
        header = self.table.horizontalHeader()
        hidden = [header.isSectionHidden(i) for i in range(len(HEADERS))]
        dialog = ColumnChooser([self.tr(h) for h in HEADERS], hidden, self)
        if dialog.exec():
            for i, h in enumerate(dialog.hidden()):
                header.setSectionHidden(i, h)

    # -- import ------------------------------------------------------------------------------------
    def import_survey(self, path: Path | None = None) -> ImportWizard:
        wizard = ImportWizard(self.db, self.runner, path if isinstance(path, Path) else None, self)
        wizard.open()
        return wizard

    def show_batches(self) -> None:
        dialog = BatchesDialog(imports.list_batches(self.db), self)
        if not dialog.exec() or dialog.chosen() is None:
            return
        batch = dialog.chosen()
        assert batch is not None
        reason, ok = QInputDialog.getText(self, self.tr("撤销导入批次"),
                                          self.tr("撤销批次 {0}（{1}，{2} 户）将删除该批导入的户。\n请填写原因：").format(
                                              batch.id, batch.file_name, batch.households))  # fmt: skip
        if not ok:
            return
        try:
            imports.undo_batch(self.db, batch.id, reason)
        except ValidationError as exc:
            if QMessageBox.question(self, self.tr("撤销导入批次"), exc.message + self.tr("\n仍要撤销吗？")) != (
                QMessageBox.StandardButton.Yes
            ):
                return
            imports.undo_batch(self.db, batch.id, reason, force=True)
        self.runner.announce("households", "tree")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(Path(u.toLocalFile()).suffix.lower() in SURVEY_SUFFIXES for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SURVEY_SUFFIXES:
                event.acceptProposedAction()
                self.import_survey(path)
                return

    # -- files ------------------------------------------------------------------------------------
    def switch_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        old.close()
        self._filter = None
        self.search.clear()
        self.remember_database(db.path)
        self.reload_all()

    def _open_path(self, path: Path) -> None:
        try:
            db = Database.open(path)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("打不开数据库"), exc.message)
            return
        self.switch_database(db)

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("新建数据库"), str(self.db.path.parent), self.tr("征迁数据库 (*.sqlite3)")
        )
        if name:
            path = Path(name if name.endswith(".sqlite3") else name + ".sqlite3")
            if path.exists():
                QMessageBox.warning(self, self.tr("新建数据库"), self.tr("文件已存在，未覆盖。"))
                return
            self._open_path(path)

    def open_database_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开数据库"), str(self.db.path.parent), self.tr("征迁数据库 (*.sqlite3 *.db);;所有文件 (*)")
        )
        if name:
            self._open_path(Path(name))

    def remember_database(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != str(path)]
        recent.insert(0, str(path))
        self.prefs.setValue("recent", recent[:MAX_RECENT])
        self.prefs.setValue("last_database", str(path))
        self._update_recent_menu()

    def recent_files(self) -> list[str]:
        value = self.prefs.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in self.recent_files():
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda _checked=False, p=p: self._open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def backup_now(self) -> None:
        self.runner.run(
            self,
            self.tr("正在备份…"),
            self.db.backup_now,
            with_progress=False,
            reason="manual",
            on_done=lambda p: self.statusBar().showMessage(self.tr("已备份到 {0}").format(p), 8000),
        )

    def backup_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("备份到文件"), str(Path.home()), self.tr("征迁数据库 (*.sqlite3)")
        )
        if name:
            self.runner.run(
                self,
                self.tr("正在备份…"),
                self.db.backup_to,
                with_progress=False,
                out=Path(name),
                on_done=lambda _r: self.statusBar().showMessage(self.tr("已备份并校验"), 8000),
            )

    def restore_backup(self) -> None:
        dialog = RestoreDialog(list_backups(self.db.path), self)
        if not dialog.exec() or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr("用 {0} 的备份替换当前数据？当前数据会先另存一份备份。").format(
                chosen.created.strftime("%Y-%m-%d %H:%M")
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.db.restore_from(chosen.path)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未恢复"), exc.message)
            return
        self.reload_all()
        self.statusBar().showMessage(self.tr("已恢复"), 8000)

    def run_check(self) -> None:
        def done(report: checks.CheckReport) -> None:
            if report.ok:
                QMessageBox.information(
                    self,
                    self.tr("完整性检查"),
                    self.tr("检查通过。审计记录 {0} 条，链头 {1}").format(report.audit_entries, report.chain_head[:16]),
                )
            else:
                QMessageBox.warning(self, self.tr("完整性检查"), "\n".join(report.problems))

        self.runner.run(
            self, self.tr("正在检查…"), checks.check_database, with_progress=False, db=self.db, on_done=done
        )

    def open_settings(self) -> None:
        dialog = SettingsDialog(settings.get_township(self.db), self.prefs, self)
        if dialog.exec():
            try:
                settings.save_township(self.db, dialog.details())
            except ResettleError as exc:
                QMessageBox.warning(self, self.tr("未保存"), exc.message)

    def about(self) -> None:
        from resettle import __version__

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("征迁安置管理 {0}\n\n征地拆迁入户调查、补偿计算、文书打印。").format(__version__),
        )

    # -- layout memory ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.prefs.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = self.prefs.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = self.prefs.value("window/table_header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        else:
            for col, width in enumerate((100, 80, 90, 60, 50, 110, 90, 90, 70)):
                self.table.setColumnWidth(col, width)
        split = self.prefs.value("window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefs.setValue("window/geometry", self.saveGeometry())
        self.prefs.setValue("window/state", self.saveState())
        self.prefs.setValue("window/table_header", self.table.horizontalHeader().saveState())
        self.prefs.setValue("window/splitter", self.splitter.saveState())
        self.prefs.setValue("last_database", str(self.db.path))
        self.runner.wait(10000)
        super().closeEvent(event)
