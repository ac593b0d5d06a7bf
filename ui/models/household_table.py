"""The register table: a window over a million households, fetched page by page.

``rowCount`` is the number of matching households (one COUNT query per filter change; with
``count_later`` the count runs on a worker thread and the model keeps showing the previous
result until it arrives, so query and total always change together);
rows are fetched in pages of ``PAGE`` when the view first asks for them. A page may arrive short
(the first rows of a filter come with its count, only as many as a window shows): its other rows
are read, as the whole page, when the view asks for one of them. ``data()`` never
touches the database: a missing page is queued and loaded by a zero-delay timer slot,
which then emits ``dataChanged``. Only a bounded number of pages is kept.

A page's cells are made once, when the page arrives: every row's display texts, tooltips, sort
values and the alignment are kept as tuples, and ``data()`` only looks them up (a repaint asks
it a few thousand times, on the GUI thread).

Signals: ``loaded(int)`` – total rows after a reset; ``page_loaded(int)`` – a page index.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from decimal import Decimal
from operator import attrgetter
from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from resettle.services.register.records import HouseholdQuery, HouseholdRow
from ui.i18n import QT_TRANSLATE_NOOP

PAGE = 256
MAX_PAGES = 64
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NO, COL_HEAD, COL_VILLAGE, COL_GROUP, COL_PERSONS, COL_PHONE, COL_LAND, COL_FLOOR, COL_STATUS, COL_TOTAL = range(10)
HEADERS = (
    QT_TRANSLATE_NOOP("MainWindow", "户号"),
    QT_TRANSLATE_NOOP("MainWindow", "户主"),
    QT_TRANSLATE_NOOP("MainWindow", "村"),
    QT_TRANSLATE_NOOP("MainWindow", "组"),
    QT_TRANSLATE_NOOP("MainWindow", "人数"),
    QT_TRANSLATE_NOOP("MainWindow", "联系电话"),
    QT_TRANSLATE_NOOP("MainWindow", "土地(亩)"),
    QT_TRANSLATE_NOOP("MainWindow", "房屋(㎡)"),
    QT_TRANSLATE_NOOP("MainWindow", "状态"),
    QT_TRANSLATE_NOOP("MainWindow", "补偿合计(元)"),
)
# The stages of resettle.domain.progress.STAGES: the Status column and the main window's status filter show
# them translated (tests/ui/test_translation_complete.py checks every stage is here).
STAGE_NAMES = (
    QT_TRANSLATE_NOOP("MainWindow", "已调查"),
    QT_TRANSLATE_NOOP("MainWindow", "已计算"),
    QT_TRANSLATE_NOOP("MainWindow", "已复核"),
    QT_TRANSLATE_NOOP("MainWindow", "已签约"),
    QT_TRANSLATE_NOOP("MainWindow", "已兑付"),
)
# Header column → service sort key; columns not listed cannot be sorted by the database quickly.
SORT_KEYS = {
    COL_NO: "household_no",
    COL_HEAD: "head_name",
    COL_GROUP: "group",
    COL_PHONE: "phone",
    COL_STATUS: "status",
}

PageFetcher = Callable[[HouseholdQuery, int, int], list[HouseholdRow]]
Counter = Callable[[HouseholdQuery], int]
CountLater = Callable[[HouseholdQuery, Callable[[int], None]], None]  # count off the GUI thread, then deliver

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN = tuple(_RIGHT if c in (COL_PERSONS, COL_LAND, COL_FLOOR, COL_TOTAL) else None for c in range(len(HEADERS)))
_NO_TIPS: tuple[None, ...] = (None,) * len(HEADERS)
# A row's cells, one tuple per role, each indexed by column: display, tooltip, sort value, the row, alignment.
_Cells: TypeAlias = tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]
_SLOT = {
    int(Qt.ItemDataRole.DisplayRole): 0,
    int(Qt.ItemDataRole.ToolTipRole): 1,
    SORT_ROLE: 2,
    ROW_ROLE: 3,
    int(Qt.ItemDataRole.TextAlignmentRole): 4,
}
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


# The row's value of each column, in column order (the sort value, and what the display text is made from).
_values: Callable[[HouseholdRow], tuple[Any, ...]] = attrgetter(
    "household_no",
    "head_name",
    "village",
    "group",
    "persons",
    "phone",
    "land_mu",
    "floor_area_m2",
    "status",
    "compensation_total",
)


class HouseholdTableModel(QAbstractTableModel):
    loaded = Signal(int)
    page_loaded = Signal(int)

    def __init__(
        self, fetch_page: PageFetcher, count: Counter, parent: Any = None, count_later: CountLater | None = None
    ) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._count = count
        self._count_later = count_later
        self._query = HouseholdQuery()
        self._pending: HouseholdQuery | None = None  # being counted on a worker thread
        self._total = 0
        self._pages: OrderedDict[int, list[HouseholdRow]] = OrderedDict()
        self._cells: dict[int, _Cells] = {}  # row number → its cells, for the rows of the pages kept
        self._touched = -1  # the page data() read last (kept as recently used)
        self._stages: dict[str, str] = {}  # a stage → its translated name
        self._wanted: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.load_wanted)
        self.headers = [
            QCoreApplication.translate("MainWindow", h) for h in HEADERS
        ]  # the main window shows the same names

    # -- what the view asks ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return section + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        cells = self._cells.get(row)
        if cells is None:
            if role == _DISPLAY and index.isValid():
                self._want(row // PAGE)
                return "…" if index.column() == 0 else ""
            return None
        slot = _SLOT.get(role)
        if slot is None:
            return None
        if row // PAGE != self._touched:
            self._touched = row // PAGE
            self._pages.move_to_end(self._touched)
        return cells[slot][index.column()]

    def _make_cells(self, row: HouseholdRow) -> _Cells:
        """What every role shows of ``row``, made once when its page arrives."""
        values = _values(row)
        shown = [f"{v:,.2f}" if isinstance(v, Decimal) else "" if v is None else v for v in values]
        stage = self._stages.get(row.status)
        if stage is None:
            stage = self._stages[row.status] = QCoreApplication.translate("MainWindow", row.status)
        shown[COL_STATUS] = stage
        tips: tuple[Any, ...] = _NO_TIPS
        if row.matched:
            shown[COL_HEAD] = self.tr("{0}（匹配：{1}）").format(row.head_name, row.matched)
            tip = self.tr("搜索匹配的是家庭成员 {0}，不是户主").format(row.matched)
            tips = tuple(tip if c == COL_HEAD else None for c in range(len(HEADERS)))
        return tuple(shown), tips, values, (row,) * len(HEADERS), _ALIGN

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        desc = order == Qt.SortOrder.DescendingOrder
        latest = self.latest_query
        if key == latest.sort and desc == latest.descending:
            return
        self.set_query(HouseholdQuery(**{**latest.__dict__, "sort": key, "descending": desc}))

    # -- what the window does ------------------------------------------------------------
    @property
    def query(self) -> HouseholdQuery:
        return self._query

    @property
    def fetched_rows(self) -> int:
        """How many rows are held in memory (tests assert this stays small)."""
        return sum(len(p) for p in self._pages.values())

    @property
    def latest_query(self) -> HouseholdQuery:
        """The query asked for last (still being counted, or shown)."""
        return self._pending or self._query

    @property
    def counting(self) -> bool:
        return self._pending is not None

    def set_query(self, query: HouseholdQuery) -> None:
        if self._count_later is None:
            self._reset(query, self._count(query))
            return
        self._pending = query

        def deliver(total: int) -> None:
            self._counted(query, total)

        self._count_later(query, deliver)

    def _counted(self, query: HouseholdQuery, total: int) -> None:
        if query is not self._pending:
            return  # a newer filter is being counted; this answer is stale
        self._pending = None
        self._reset(query, total)

    def _reset(self, query: HouseholdQuery, total: int) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._cells.clear()
        self._touched = -1
        self._wanted.clear()
        self._total = total
        self.endResetModel()
        self.loaded.emit(self._total)

    def refresh(self) -> None:
        """Re-read after a change elsewhere (same filter, same sort)."""
        self.set_query(self.latest_query)

    def row_at(self, row: int) -> HouseholdRow | None:
        page = self._pages.get(row // PAGE)
        if page is None:
            return None
        self._pages.move_to_end(row // PAGE)
        self._touched = row // PAGE
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def ensure_row(self, row: int) -> HouseholdRow | None:
        """Load the page holding ``row`` now (used for keyboard jumps and selection)."""
        if not 0 <= row < self._total:
            return None
        if not self._holds(row):
            self._load(row // PAGE)
        return self.row_at(row)

    def _holds(self, row: int) -> bool:
        page = self._pages.get(row // PAGE)
        return page is not None and row % PAGE < len(page)

    def _short(self, page: int) -> bool:
        """The page arrived with fewer rows than the filter has there (its first rows only)."""
        rows = self._pages.get(page)
        return rows is not None and len(rows) < PAGE and page * PAGE + len(rows) < self._total

    def row_of_id(self, household_id: int) -> int | None:
        for index, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == household_id:
                    return index * PAGE + i
        return None

    def _want(self, page: int) -> None:
        if page not in self._wanted:
            self._wanted.add(page)
            self._timer.start()

    def load_wanted(self) -> None:
        wanted, self._wanted = sorted(self._wanted), set()
        for page in wanted:
            if page not in self._pages or self._short(page):
                self._load(page)

    def _load(self, page: int) -> None:
        rows = self._fetch_page(self._query, page * PAGE, PAGE)
        first = page * PAGE
        for i in range(len(self._pages.pop(page, ()))):
            del self._cells[first + i]  # read again: its old cells go
        self._pages[page] = rows
        self._cells.update({first + i: self._make_cells(r) for i, r in enumerate(rows)})
        while len(self._pages) > MAX_PAGES:
            gone, old = self._pages.popitem(last=False)
            for i in range(len(old)):
                del self._cells[gone * PAGE + i]
        if rows:
            last = min(first + len(rows), self._total) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
        self.page_loaded.emit(page)
