"""Every table model passes Qt's model tester; the register model never loads everything."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from resettle.services.register import households, search
from resettle.services.register.records import HouseholdQuery
from ui.models.history import HistoryModel
from ui.models.household_parts import AttachmentsModel, MembersModel, ParcelsModel, StructuresModel
from ui.models.household_table import PAGE, HouseholdTableModel


def _register_model(db) -> HouseholdTableModel:
    return HouseholdTableModel(
        lambda q, o, n: search.list_households(db, q, o, n).rows,
        lambda q: search.count_households(db, q),
    )


def test_register_model_passes_model_tester(qtbot, qtmodeltester, demo_db) -> None:  # qtbot: the QApplication first
    model = _register_model(demo_db)
    model.set_query(HouseholdQuery())
    model.load_wanted()
    qtmodeltester.check(model)
    assert model.rowCount() == 60


def test_register_model_fetches_pages_outside_data(qtbot, demo_db) -> None:
    model = _register_model(demo_db)
    calls: list[int] = []
    model._fetch_page = lambda q, o, n: calls.append(o) or search.list_households(demo_db, q, o, n).rows
    model.set_query(HouseholdQuery())
    assert model.fetched_rows == 0
    shown = model.data(model.index(5, 0))
    assert shown == "…" and calls == []  # data() queued the page, it did not query
    with qtbot.waitSignal(model.page_loaded, timeout=2000):
        pass
    assert calls == [0]
    assert model.data(model.index(5, 0)).startswith(("东", "西", "南", "北"))


def test_a_short_first_page_is_read_whole_when_its_other_rows_are_shown(qtbot, demo_db) -> None:
    model = _register_model(demo_db)
    calls: list[tuple[int, int]] = []
    first = [True]

    def fetch(q: HouseholdQuery, offset: int, limit: int) -> list:
        calls.append((offset, limit))
        rows = search.list_households(demo_db, q, offset, limit).rows
        if first[0]:  # as the window gives it: the first rows only, read with the count
            first[0] = False
            return rows[:10]
        return rows

    model._fetch_page = fetch
    model.set_query(HouseholdQuery())
    whole = search.list_households(demo_db, HouseholdQuery(), 0, PAGE).rows
    assert model.ensure_row(3) == whole[3] and model.fetched_rows == 10
    assert model.data(model.index(30, 0)) == "…" and len(calls) == 1  # queued, not read in data()
    with qtbot.waitSignal(model.page_loaded, timeout=2000):
        pass
    assert calls == [(0, PAGE), (0, PAGE)] and model.fetched_rows == 60
    assert [model.row_at(i) for i in range(60)] == whole
    assert model.ensure_row(45) == whole[45] and len(calls) == 2


def test_register_model_sort_is_done_by_the_database(demo_db) -> None:
    model = _register_model(demo_db)
    model.set_query(HouseholdQuery())
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "head_name" and model.query.descending
    model.ensure_row(0)
    names = [model.row_at(i).head_name for i in range(min(PAGE, model.rowCount()))]
    assert names == sorted(names, reverse=True)


def test_editable_part_models_pass_model_tester(qtmodeltester, demo_db) -> None:
    hid = search.list_households(demo_db, HouseholdQuery(), 0, 1).rows[0].id
    detail = households.get_household(demo_db, hid)
    members = MembersModel()
    members.set_people(detail.data.persons)
    qtmodeltester.check(members)
    for model, setter, items in (
        (ParcelsModel(), "set_parcels", detail.data.parcels),
        (StructuresModel(), "set_structures", detail.data.structures),
        (AttachmentsModel(), "set_attachments", detail.data.attachments),
    ):
        getattr(model, setter)(items)
        qtmodeltester.check(model)
    history = HistoryModel()
    history.set_entries(households.history(demo_db, hid))
    qtmodeltester.check(history)
    assert history.rowCount() >= 1


def test_member_model_validates_and_derives(qtbot) -> None:
    model = MembersModel()
    row = model.add_row({"name": "张三"})
    idx = model.index(row, MembersModel.COL_ID)
    with qtbot.waitSignal(model.validity_changed):
        model.setData(idx, "110105194912310021")
    assert model.data(idx, Qt.ItemDataRole.BackgroundRole) is not None
    assert "校验" in model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert not model.valid
    with qtbot.waitSignal(model.validity_changed):
        model.setData(idx, "11010519491231002x")
    assert model.valid
    assert model.text(row, "id_number") == "11010519491231002X"
    assert model.text(row, "sex") == "女"
    assert model.value(row, "birth_date") == date(1949, 12, 31)


class _Bare(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_pyside_does_not_drop_references_to_none(qapp) -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per call (data-safety.md, 9)."""
    model = _Bare()
    before = sys.getrefcount(None)
    for _ in range(1000):
        model.beginInsertRows(QModelIndex(), 0, 0)
        model.endInsertRows()
        model.headerData(0, Qt.Orientation.Horizontal)
    after = sys.getrefcount(None)
    assert after - before > -100, f"None lost {before - after} references in 1000 calls"


def test_history_shows_stored_times_to_the_minute_and_keeps_them_whole_in_the_tooltip() -> None:
    from PySide6.QtCore import Qt

    from resettle.services.register.records import HistoryEntry
    from ui.models.history import COL_NEW, COL_OLD, HistoryModel

    entry = HistoryEntry(1, "2026-12-02T09:14:54+00:00", "clerk1", "pc", "update", "compensation", 3, "reviewed_at",
                         "2026-12-02T17:14:54.149417", "已复核", "", None)  # fmt: skip
    model = HistoryModel()
    model.set_entries([entry])
    assert model.data(model.index(0, COL_OLD)) == "2026-12-02 17:14"
    assert model.data(model.index(0, COL_OLD), Qt.ItemDataRole.ToolTipRole) == "2026-12-02T17:14:54.149417"
    assert model.data(model.index(0, COL_NEW)) == "已复核"


def test_a_table_column_is_never_narrower_than_its_header(qtbot) -> None:
    from PySide6.QtGui import QStandardItemModel

    from ui.tables import rows_view

    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["户", "应安置面积(㎡)与差价结算方式", "备注"])
    view = rows_view(model)
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    words = header.fontMetrics().horizontalAdvance("应安置面积(㎡)与差价结算方式")
    assert header.sectionSize(1) >= words
    header.resizeSection(1, 40)  # the rows set again (a refresh) make it readable again
    model.setRowCount(0)
    model.beginResetModel()
    model.endResetModel()
    assert header.sectionSize(1) >= words


def test_a_lines_quantity_reads_as_its_formula() -> None:
    """元 as money with thousands (the 装修补偿 line read 23014 元 beside 23,014.00 in its formula)."""
    from decimal import Decimal

    from ui.models.compensation import quantity_text

    assert quantity_text(Decimal("23014"), "元") == "23,014.00 元"
    assert quantity_text(Decimal("108.340"), "㎡") == "108.34 ㎡"
    assert quantity_text(Decimal("1250.50"), "㎡") == "1,250.5 ㎡"
    assert quantity_text(Decimal("3"), "人") == "3 人"
    assert quantity_text(Decimal("2"), "") == "2"
