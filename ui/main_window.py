"""The register window: navigation tree, household table, search, and the menus it composes.

The window holds the open :class:`Database` and the register view (tree, table, search);
each menu area is a controller it builds with an explicit context (``ui/controllers/`` for
文件, 导入/导出, 项目 and 打印; ``ui/housing`` … for the areas). Every action goes through a service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
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
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from resettle.domain import progress
from resettle.errors import ResettleError
from resettle.services.register.first_view import FIRST_ROWS
from resettle.services.register.records import HouseholdQuery, HouseholdRow, ProjectNode
from ui.areas import AreaContext, FirstPaint, Node, WindowContext, build_areas
from ui.controllers.files import FileActions
from ui.controllers.households import HouseholdActions
from ui.controllers.imports import ImportActions
from ui.controllers.printing import PrintActions
from ui.controllers.project import ProjectActions
from ui.controllers.tools import ToolsActions
from ui.models.household_table import HEADERS, HouseholdTableModel
from ui.ops import Job, OpRunner
from ui.remembered import last_database_key
from ui.window_layout import restore_layout, save_layout

if TYPE_CHECKING:  # the store, its services and the dialogs load when first used, after the window paints
    from resettle.services.register.first_view import FirstPage, FirstView
    from resettle.store.database import Database

NODE_ROLE = Qt.ItemDataRole.UserRole + 10
FIRST_QUERY = HouseholdQuery()  # what the first screen shows (resettle.services.register.first_view.QUERY)
KEEP_SELECTED = 5000  # a refresh selects again at most this many households (each read back by id)


class MainWindow(QMainWindow):
    """The window on ``db``; or, with ``first`` and ``open_db`` instead of ``db``, painted from the
    register's first view (read before the store opens, see resettle.services.register.first_view)
    and the store opened by ``open_db`` just after the first paint — or at once when something
    needs it earlier. ``open_db`` returns None when the clerk gives up (a login refused): the
    window closes."""

    painted = Signal()  # once, just after the register table first paints (the store is open, the areas' menus there)
    _areas: list[QObject] | None
    help_menu: QMenu

    def __init__(
        self,
        db: Database | None,
        prefs: QSettings,
        runner: OpRunner,
        parent: QWidget | None = None,
        *,
        first: FirstView | None = None,
        open_db: Callable[[], Database | None] | None = None,
    ) -> None:
        super().__init__(parent)
        if db is None and (first is None or open_db is None):
            raise TypeError("MainWindow needs a database, or a first view and how to open the database")
        self._db = db
        self._first_view = first if db is None else None
        self._open_db = open_db if db is None else None
        self.open_failed = False  # the store could not be opened after the first paint (the window closed)
        self.prefs = prefs
        self.runner = runner
        self.runner.changed.connect(self.on_changed)
        self._filter: tuple[str, int] | None = None  # ("project"|"village"|"group", id)
        self.setWindowTitle(self.tr("征迁安置管理"))
        self.setAcceptDrops(True)

        # While the window is built, filters are only noted (the view sets its sort order twice on the
        # way); the last one is read once at the end, on this thread: the first paint shows its rows.
        self._building = True
        self._initial: tuple[HouseholdQuery, Callable[[int], None]] | None = None
        self.model = HouseholdTableModel(self._fetch_page, self._count, self, count_later=self._count_later)
        self._first: tuple[HouseholdQuery, FirstPage] | None = None  # the last filter's first page
        self._shown_first: tuple[HouseholdQuery, FirstPage] | None = None  # its rows not in the table yet
        self._search_job: Job | None = None  # the latest filter's read on a worker thread
        self._select_single = False  # after Enter in the search box: select the row when exactly one matches
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        # Not stretched: the last column is the amount, which on a wide screen sat far from its row.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loaded.connect(self._loaded)
        self._reselect: list[int] = []  # households selected before a refresh, selected again as they load
        self.model.page_loaded.connect(self._restore_selection)

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._tree_changed)

        self.stage_filter = QComboBox()
        self.stage_filter.setToolTip(self.tr("只显示处于这一步的户"))
        self.stage_filter.addItem(self.tr("全部状态"), "")
        for stage in progress.STAGES:
            self.stage_filter.addItem(self.tr(stage), stage)
        self.stage_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
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

        # Shown instead of data to an account that may not see the families' (an administrator's).
        self.no_read_label = QLabel()
        self.no_read_label.setWordWrap(True)
        self.no_read_label.setMargin(12)
        self.no_read_label.setStyleSheet("background: #fff4d6; border: 1px solid #e0c36c;")
        self.no_read_label.hide()
        self.no_match_label = QLabel()  # a search that found nobody says so, and where it looked
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setMargin(8)
        self.no_match_label.hide()
        self._may_read = True  # asked of the register by reload_tree (_show_may_read)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.no_read_label)
        column.addWidget(self.no_match_label)
        column.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 930])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.rows_label = QLabel()
        self.selection_label = QLabel()
        self.file_label = QLabel()
        for label in (self.rows_label, self.selection_label):  # apart from the project's name before them
            label.setContentsMargins(16, 0, 0, 0)
        self.statusBar().addWidget(self.rows_label)
        self.statusBar().addWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.file_label)
        self.runner.cancelled.connect(lambda message: self.statusBar().showMessage(message, 10000))

        self._tree_nodes: list[ProjectNode] = []
        self._tree_items: dict[Node, tuple[QStandardItem, str]] = {}
        self.groups: list[tuple[int, str]] = []
        ctx = WindowContext(
            parent=self,
            runner=self.runner,
            database=lambda: self.db,
            current_project=self.current_project_id,
            current_households=self.selected_household_ids,
            tree_node=lambda: self._filter,
            project_nodes=lambda: list(self._tree_nodes),
            select_node=self.select_node,
            show_message=lambda text, msecs: self.statusBar().showMessage(text, msecs),
            reload=self.reload_all,
        )
        self.project = ProjectActions(ctx)
        self.files = FileActions(ctx, prefs, self._use_database)
        self.imports = ImportActions(ctx, self.project)
        self.printing = PrintActions(ctx, self.project)
        self.tools = ToolsActions(ctx, self.project, prefs)
        self.households = HouseholdActions(ctx, lambda: self.groups, self.selected_household_id, self.model.refresh)
        self.table.doubleClicked.connect(lambda _index: self.households.edit_household())
        # What tests and scripts reach on the window; the work is in the controllers.
        self.project_label, self.act_import, self.act_backup = (
            self.project.label,
            self.imports.act_import,
            self.files.act_backup,
        )
        self.import_survey, self.export_sheet = self.imports.import_survey, self.imports.export_sheet
        self.export_pdfs, self.preview, self.verify_code = (
            self.printing.export_pdfs,
            self.printing.preview,
            self.printing.verify_code,
        )
        self.new_project, self.edit_project, self.rename_node = (
            self.project.new_project,
            self.project.edit_project,
            self.project.rename_node,
        )
        self.show_rates, self.compute_all, self.run_check = (
            self.tools.show_rates,
            self.tools.compute_all,
            self.tools.run_check,
        )
        self._editor = self.households.editor
        self.statusBar().insertWidget(0, self.project.label)
        self._build_actions(ctx)
        restore_layout(self, self.table, self.splitter, prefs)
        self.reload_all()
        self._building = False
        self._read_initial()
        FirstPaint(self.table.viewport(), self._after_first_paint)

    # -- the areas (安置, 就业社保, 协议兑付, 程序) ------------------------------------------------------
    @property
    def areas(self) -> list[QObject]:
        """The areas' controllers. Their packages (and the services, sheets and documents behind them)
        load after the window's first paint; asking for them earlier builds them at once."""
        if self._areas is None:
            self._areas = build_areas(self._area_context, self.menuBar(), self.help_menu)
        return self._areas

    def _after_first_paint(self) -> None:
        if not self._open_store():
            return
        _ = self.areas
        self.painted.emit()

    # -- the store ----------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """The open register. Before the store is open (the first screen), asking for it opens it now."""
        if self._db is None:
            self._open_store(now=True)
        assert self._db is not None
        return self._db

    @db.setter
    def db(self, value: Database) -> None:
        self._db = value

    @property
    def store(self) -> Database | None:
        """The open register, or None while the first screen is shown (or when opening it failed)."""
        return self._db

    def _open_store(self, now: bool = False) -> bool:
        """Open the store behind the first screen, then read everything through it (tree counts,
        the table) as a window opened on it would. False: it could not be opened; the window closes."""
        opener, self._open_db = self._open_db, None
        if opener is None:
            return self._db is not None
        try:
            db = opener()
        except ResettleError as exc:
            if now:
                raise
            QMessageBox.critical(self, self.tr("征迁安置管理"), exc.message)
            db = None
        if db is None:
            self.open_failed = True
            QTimer.singleShot(0, self.close)
            return False
        self._db = db
        self._first_view = None
        self.reload_all()
        return True

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

    def _build_actions(self, ctx: AreaContext) -> None:
        sk = QKeySequence.StandardKey
        self.act_quit = self._action(self.tr("退出"), self.close, sk.Quit)
        self.act_find = self._action(self.tr("查找"), self.focus_search, sk.Find)
        self.act_refresh = self._action(self.tr("刷新"), self.reload_all, sk.Refresh)
        self.act_columns = self._action(self.tr("显示列…"), self.choose_columns)
        self.act_about = self._action(self.tr("关于"), self.about)
        self.act_guide = self._action(self.tr("使用指南…"), self.show_guide, sk.HelpContents)

        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        self.files.add_open_actions(m)
        m.addSeparator()
        self.imports.add_to(m)
        m.addSeparator()
        self.files.add_backup_actions(m)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("编辑(&E)"))
        m.addActions(self.households.actions)
        m.addSeparator()
        m.addAction(self.act_find)
        bar.addMenu(self.project.menu)
        bar.addMenu(self.printing.menu)
        m = bar.addMenu(self.tr("视图(&V)"))
        m.addActions([self.act_refresh, self.act_columns])
        bar.addMenu(self.tools.menu)
        self._area_context = ctx
        self._areas = None  # built after the first paint (see areas)
        m = self.help_menu = bar.addMenu(self.tr("帮助(&H)"))
        m.addActions([self.act_guide, self.act_about])

        tb = QToolBar(self.tr("工具栏"))
        tb.setObjectName("main_toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions(self.households.actions)
        tb.addSeparator()
        tb.addAction(self.act_import)
        tb.addAction(self.act_refresh)
        tb.addAction(self.act_backup)
        tb.addSeparator()
        tb.addWidget(self.search)
        tb.addWidget(self.stage_filter)
        self.addToolBar(tb)
        self.toolbar = tb

    # -- data ---------------------------------------------------------------------------------
    def may_read(self) -> bool:
        """Whether the account logged in may see the families' data (an administrator's may not: it
        manages accounts and restores), as asked when the tree was last read (each login reads it
        again), so that paging the table asks the database nothing more. Before the store is open,
        the first screen decides."""
        return self._db is None or self._may_read

    def _show_may_read(self) -> bool:
        """Ask the register whether this account may read, with the banner that says why the screen is
        empty when not."""
        from resettle.services.accounts import Need, permitted

        may_read = self._may_read = permitted(self.db, Need.READ)
        if not may_read:
            role = self.db.role.value if self.db.role is not None else ""
            self.no_read_label.setText(
                self.tr("当前账户（{0}）管理账户、从备份恢复，看不到各户的数据。办理业务请在「协议兑付」菜单中"
                        "选「锁定 / 切换账户」，以经办、审核、财务或审计账户登录。").format(role))  # fmt: skip
        self.no_read_label.setVisible(not may_read)
        return may_read

    def after_login(self) -> None:
        """Another account (or the same) logged in: read everything again as it may see it."""
        self.on_changed(frozenset({"households"}))

    def _fetch_page(self, query: HouseholdQuery, offset: int, limit: int) -> list[HouseholdRow]:
        if not self.may_read():
            return []
        first = self._first
        if first is not None and first[0] is query and offset == 0 and len(first[1].rows) >= min(limit, first[1].total):
            return first[1].rows[:limit]  # read with the count on the worker thread (or before the store opened)
        if first is not None and first[0] is query and offset == 0 and first is self._shown_first:
            self._shown_first = None
            return first[1].rows  # the first rows only: the table reads the rest of the page when shown
        from resettle.services.register import search

        return search.list_households(self.db, query, offset, limit).rows

    def _count(self, query: HouseholdQuery) -> int:
        if not self.may_read():
            return 0
        from resettle.services.register import search

        return search.count_households(self.db, query)

    def _count_later(self, query: HouseholdQuery, deliver: Callable[[int], None]) -> None:
        """A filter change read on a worker thread (beside a running export, not behind it): the count,
        the first page and whether the search was cut come back together, and the table shows them
        in the same turn of the event loop."""
        self._first = None  # until the worker answers, pages are read as they are asked for
        if self._building:
            self._initial = (query, deliver)
            return
        if not self.may_read():
            deliver(0)
            return
        if self._db is None and self._first_view is not None:
            # Before the store opens, a filter other than the first screen's (a search typed at once)
            # is read when it opens, just after the first paint: reload_all asks for the latest.
            self._initial = (query, deliver)
            self._read_initial()
            return
        from resettle.services.register import search

        def done(first: FirstPage) -> None:
            self._show_first(query, first, deliver)

        if self._search_job is not None:
            self.runner.supersede(self._search_job)  # its answer would be replaced before it was seen
        self._search_job = self.runner.run(self, "", search.first_page, with_progress=False, read_only=True,
                                           db=self.db, query=query, limit=FIRST_ROWS, on_done=done)  # fmt: skip

    def _read_initial(self) -> None:
        """The filter asked for while the window was built (or before its store opened), read here:
        from the first view when it is the first screen's, else through the store when it is open."""
        initial, self._initial = self._initial, None
        if initial is None:
            return
        query, deliver = initial
        view = self._first_view
        if self._db is None and view is not None:
            if query != FIRST_QUERY:
                return  # read when the store opens (reload_all)
            from resettle.services.register.first_view import FirstPage

            first = FirstPage(total=view.total, rows=view.rows, capped=False)  # read before the store opened
        elif not self.may_read():
            from resettle.services.register.first_view import FirstPage

            first = FirstPage(total=0, rows=[], capped=False)
        else:
            from resettle.services.register import search

            first = search.first_page(self.db, query, FIRST_ROWS)  # nothing is on screen yet: read it here, once
        self._show_first(query, first, deliver)

    def _show_first(self, query: HouseholdQuery, first: FirstPage, deliver: Callable[[int], None]) -> None:
        self._first = self._shown_first = (query, first)
        deliver(first.total)
        if self.model.query is query and first.total:
            self.model.ensure_row(0)  # the rows came with the count: painted with them

    def current_query(self) -> HouseholdQuery:
        base = self.model.latest_query
        kind, ident = self._filter or ("", 0)
        if self._filter is not None and self._is_only_project(self._filter):
            kind = ""  # one project: its filter is the whole register, and unfiltered counts are cheaper
        return HouseholdQuery(
            text=self.search.text(),
            project_id=ident if kind == "project" else None,
            village_id=ident if kind == "village" else None,
            group_id=ident if kind == "group" else None,
            sort=base.sort,
            descending=base.descending,
            status=self.stage_filter.currentData() or None,
        )

    @Slot()
    def apply_filter(self) -> None:
        self._reselect = []  # another filter: what was selected is the clerk's to choose again
        self.model.set_query(self.current_query())

    def _keep_selection(self) -> None:
        """A refresh reads the same filter again: the households selected now are selected again (up to
        KEEP_SELECTED of them; a larger selection, such as 全选 of a county, is not read row by row)."""
        self._reselect = self._selected_ids(KEEP_SELECTED)

    def _selected_ids(self, most: int) -> list[int]:
        selection = self.table.selectionModel().selection()
        ranges = [selection.at(i) for i in range(selection.count())]
        if sum(r.bottom() - r.top() + 1 for r in ranges) > most:
            return []
        ids: list[int] = []
        for r in ranges:
            for row in range(r.top(), r.bottom() + 1):
                household = self.model.ensure_row(row)
                if household is not None:
                    ids.append(household.id)
        return list(dict.fromkeys(ids))

    def _restore_selection(self, _page: int) -> None:
        if not self._reselect:
            return
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        left: list[int] = []
        for hid in self._reselect:
            row = self.model.row_of_id(hid)
            if row is None:
                left.append(hid)  # its page is not read yet (or it left the filter)
            else:
                selection.select(self.model.index(row, 0), flags)
        self._reselect = left

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._select_single = True
        self.apply_filter()

    def reload_all(self) -> None:
        kept = self._selected_ids(KEEP_SELECTED)
        self.reload_tree()
        self._reselect = kept  # the same filter read again: the same households selected again
        self.model.set_query(self.current_query())
        view = self._first_view
        location = str(view.path) if self._db is None and view is not None else self.db.location
        self.file_label.setText(self.tr("数据库：{0}").format(location))

    def reload_tree(self) -> None:
        """Names at once; household counts follow from a worker thread (a GROUP BY over the register)."""
        current = self._filter
        self.tree.selectionModel().blockSignals(True)  # clearing is not the clerk choosing "nothing"
        self.tree_model.clear()
        self.tree.selectionModel().blockSignals(False)
        self._tree_items = {}
        root = self.tree_model.invisibleRootItem()
        view = self._first_view
        if self._db is None and view is not None:
            nodes = view.tree  # the first screen: read before the store opened; the counts follow then
        elif not self._show_may_read():
            nodes = []  # an administrator's account: no families' data on screen
        else:
            from resettle.services.register import projects

            nodes = projects.tree(self.db, with_counts=False)
        self._tree_nodes = nodes
        self.groups = []
        select_index: QModelIndex | None = None

        def item(kind: str, ident: int, name: str, parent: QStandardItem) -> QStandardItem:
            node = QStandardItem(name)
            node.setData((kind, ident), NODE_ROLE)
            parent.appendRow(node)
            self._tree_items[(kind, ident)] = (node, name)
            return node

        for p in nodes:
            pi = item("project", p.id, p.name, root)
            for v in p.villages:
                vi = item("village", v.id, v.name, pi)
                for g in v.groups:
                    gi = item("group", g.id, g.name, vi)
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
        self._filter = current if select_index is not None else None  # the chosen node survives a reload
        self._show_current_project()
        if (self._db is None and view is not None) or not nodes:
            return  # the counts are read when the store opens (and there are none to read without nodes)
        from resettle.services.register import projects

        self.runner.run(self, "", projects.group_counts, with_progress=False, read_only=True, db=self.db,
                        on_done=self._show_counts)  # fmt: skip

    def _show_current_project(self) -> None:
        view = self._first_view
        if self._db is None and view is not None:
            self.project.show_current_project(demo=view.demo)  # the first screen: known without the store
        else:
            self.project.show_current_project()

    def _show_counts(self, counts: dict[int, int]) -> None:
        """Sum the worker's per-group counts up the tree already shown (no second query)."""
        totals: dict[tuple[str, int], int] = {}
        for p in self._tree_nodes:
            for v in p.villages:
                village = sum(counts.get(g.id, 0) for g in v.groups)
                totals[("village", v.id)] = village
                totals[("project", p.id)] = totals.get(("project", p.id), 0) + village
                for g in v.groups:
                    totals[("group", g.id)] = counts.get(g.id, 0)
            totals.setdefault(("project", p.id), 0)
        for key, (node, name) in self._tree_items.items():
            if key in totals:
                node.setText(self.tr("{0}（{1} 户）").format(name, f"{totals[key]:,}"))

    def _tree_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = current.data(NODE_ROLE) if current.isValid() else None
        new = (str(node[0]), int(node[1])) if node else None
        if new == self._filter or (self._filter is None and new is not None and self._is_only_project(new)):
            self._filter = new
            self._show_current_project()
            return  # the view picking its first item, or the same node again: nothing to re-read
        self._filter = new
        self._show_current_project()
        self.apply_filter()

    def current_project_id(self) -> int | None:
        """The project the tree selection is in; the only project when nothing is selected."""
        nodes = self._tree_nodes
        if self._filter is None:
            return nodes[0].id if len(nodes) == 1 else None
        kind, ident = self._filter
        for p in nodes:
            if kind == "project" and p.id == ident:
                return p.id
            for v in p.villages:
                if (kind == "village" and v.id == ident) or (kind == "group" and any(g.id == ident for g in v.groups)):
                    return p.id
        return None

    def _is_only_project(self, node: tuple[str, int]) -> bool:
        return node[0] == "project" and self.tree_model.rowCount() == 1

    def select_node(self, node: Node) -> None:
        """Select a project, village or group in the tree (the table follows)."""
        found = self._tree_items.get(node)
        if found is not None:
            self.tree.setCurrentIndex(found[0].index())

    def _use_database(self, db: Database) -> None:
        """文件 → 打开: the register shown from now on, from its whole tree and no search."""
        self.db = db
        self._filter = None
        self.search.clear()

    def _loaded(self, total: int) -> None:
        text = self.tr("共 {0:,} 户").format(total)
        query, first = self.model.query, self._first
        if first is not None and first[0] is query:
            capped = first[1].capped  # told by the worker with the count
        else:
            from resettle.services.register import search

            capped = (
                total >= search.SEARCH_CAP // 2
                and bool(query.text.strip())
                and search.search_capped(self.db, query.text)
            )
        if capped:
            text += self.tr("（匹配过多，只列出一部分，请多输入几个字）")
        self.rows_label.setText(text)
        typed = query.text.strip()
        if total == 0 and typed:
            where = self._tree_items.get(self._filter, (None, ""))[1] if self._filter else ""
            where = where or self.tr("整个登记册")
            self.no_match_label.setText(
                self.tr("没有与「{0}」匹配的户。只在左侧所选的范围里查找（{1}）；可换个写法，如拼音首字母、户号或身份证号的前几位。")
                .format(typed, where))  # fmt: skip
        self.no_match_label.setVisible(total == 0 and bool(typed))
        if self._select_single:
            self._select_single = False
            if total == 1:
                self.table.selectRow(0)
        self._selection_changed(QItemSelection(), QItemSelection())

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.selection_label.setText(self.tr("已选 {0} 户").format(n) if n else "")
        self.households.selection_changed(n)

    def selected_household_ids(self) -> list[int]:
        ids: list[int] = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.ensure_row(index.row())
            if row is not None:
                ids.append(row.id)
        return ids

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
        if "households" in topics or "compensation" in topics:  # a compute changes 状态 and 补偿合计
            self._keep_selection()
            query = self.current_query()  # a second project makes the first one's filter matter again
            if query != self.model.latest_query:
                self.model.set_query(query)
            else:
                self.model.refresh()

    # -- 编辑 and 视图 --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def choose_columns(self) -> None:
        from ui.dialogs import ColumnChooser

        header = self.table.horizontalHeader()
        hidden = [header.isSectionHidden(i) for i in range(len(HEADERS))]
        dialog = ColumnChooser([self.tr(h) for h in HEADERS], hidden, self)
        if dialog.exec():
            for i, h in enumerate(dialog.hidden()):
                header.setSectionHidden(i, h)

    # -- help ----------------------------------------------------------------------------------
    def show_guide(self) -> None:
        from ui.help_dialog import HelpDialog

        _ = self.areas  # their actions and shortcuts are in the guide
        HelpDialog(self.findChildren(QAction), self).exec()

    def about(self) -> None:
        from resettle import __version__

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("征迁安置管理 {0}\n\n征地拆迁入户调查、补偿计算、文书打印。").format(__version__),
        )

    # -- window events ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.imports.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.imports.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_layout(self, self.table, self.splitter, self.prefs)
        db = self._db  # None: closed before its store opened (or it could not be opened): nothing to remember
        if (
            db is not None and not db.is_server
        ):  # a server register is reopened through 连接服务器 (its password is asked)
            self.prefs.setValue(last_database_key(), str(db.path))
        self.runner.wait(10000)
        super().closeEvent(event)
