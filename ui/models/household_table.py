"""The register table: a window over a million households, fetched page by page.

``rowCount`` is the number of matching households (one COUNT query per filter change; with
``count_later`` the count runs on a worker thread and the model keeps showing the previous
result until it arrives, so query and total always change together);
rows are fetched in pages of ``PAGE`` when the view first asks for them. ``data()`` never
touches the database: a missing page is queued and loaded by a zero-delay timer slot,
which then emits ``dataChanged``. Only a bounded number of pages is kept.

Signals: ``loaded(int)`` – total rows after a reset; ``page_loaded(int)`` – a page index.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

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


def _cell(row: HouseholdRow, col: int) -> Any:
    match col:
        case 0:
            return row.household_no
        case 1:
            return row.head_name
        case 2:
            return row.village
        case 3:
            return row.group
        case 4:
            return row.persons
        case 5:
            return row.phone
        case 6:
            return row.land_mu
        case 7:
            return row.floor_area_m2
        case 8:
            return row.status
        case 9:
            return row.compensation_total
    return None


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
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(index.row() // PAGE)
                return "…" if index.column() == 0 else ""
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = _cell(row, col)
            if col == COL_HEAD and row.matched:
                return self.tr("{0}（匹配：{1}）").format(value, row.matched)
            if col == COL_STATUS:
                return QCoreApplication.translate("MainWindow", value)
            if isinstance(value, Decimal):
                return f"{value:,.2f}"
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_HEAD and row.matched:
            return self.tr("搜索匹配的是家庭成员 {0}，不是户主").format(row.matched)
        if role == SORT_ROLE:
            return _cell(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PERSONS, COL_LAND, COL_FLOOR, COL_TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def ensure_row(self, row: int) -> HouseholdRow | None:
        """Load the page holding ``row`` now (used for keyboard jumps and selection)."""
        if not 0 <= row < self._total:
            return None
        if row // PAGE not in self._pages:
            self._load(row // PAGE)
        return self.row_at(row)

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
            if page not in self._pages:
                self._load(page)

    def _load(self, page: int) -> None:
        rows = self._fetch_page(self._query, page * PAGE, PAGE)
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        if rows:
            first = page * PAGE
            last = min(first + len(rows), self._total) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
        self.page_loaded.emit(page)
