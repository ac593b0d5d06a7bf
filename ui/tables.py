"""The read-only tables of the dialogs: whole rows selected, no editing, no row numbers, a last text column stretched."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget


def rows_view(
    model: QAbstractItemModel,
    parent: QWidget | None = None,
    *,
    single: bool = False,
    fit: bool = False,
    stretch: int | None = None,
) -> QTableView:
    """A table showing ``model``; ``single``: one row at a time; ``fit``: columns always as wide as their contents;
    ``stretch``: the column that takes the spare width (by default the last, when it holds text)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    if fit:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        _headers_readable(view)
    if stretch is None:
        _stretch_text_end(view)
    else:
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _stretch_text_end(view: QTableView) -> None:
    """The last column takes the spare width when it holds text; an amount or a count there stays
    beside its row (stretched, it sat at the far edge of a wide screen, 1,000 px from the names)."""
    header = view.horizontalHeader()
    model = view.model()

    def decide() -> None:
        last = model.columnCount() - 1
        if last < 0 or model.rowCount() == 0:
            header.setStretchLastSection(True)
            return
        align = model.data(model.index(0, last), Qt.ItemDataRole.TextAlignmentRole)
        right = align is not None and bool(int(align) & int(Qt.AlignmentFlag.AlignRight))
        header.setStretchLastSection(not right)

    model.modelReset.connect(decide)
    model.layoutChanged.connect(lambda *_: decide())
    decide()


def _headers_readable(view: QTableView) -> None:
    """Each column at least as wide as its header's words (and the sort arrow), whenever the rows are
    set again; wider columns the clerk dragged stay as they are."""
    header = view.horizontalHeader()
    model = view.model()

    def fit() -> None:
        metrics = header.fontMetrics()
        for section in range(header.count()):
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            need = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0) + 28
            if header.sectionSize(section) < need:
                header.resizeSection(section, need)

    model.modelReset.connect(fit)
    model.headerDataChanged.connect(lambda *_: fit())
    fit()


def sorted_view(
    model: QAbstractItemModel,
    parent: QWidget,
    sort_role: int,
    *,
    column: int = -1,
    single: bool = False,
    fit: bool = False,
) -> QTableView:
    """:func:`rows_view` through a sort proxy (``sort_role``); sorted by ``column`` at first (-1: the model's order)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    view = rows_view(proxy, parent, single=single, fit=fit)
    view.setSortingEnabled(True)
    view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    return view


def stacked(*views: QWidget) -> QSplitter:
    """``views`` one above the other; the clerk can move the border between them."""
    split = QSplitter(Qt.Orientation.Vertical)
    for view in views:
        split.addWidget(view)
    return split
