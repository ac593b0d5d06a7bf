"""Issue 13 benchmark: settlement of 10,000 households on 12,000 flats, and the selection-day board.

1. A register with 10,000 demo households; a 房源 workbook of 12,000 flats imported through
   ``services.housing.stock.import_stock`` (ORM, audit, seals); a published standard; every
   household given one flat (every fifth two) in one audited transaction.
2. ``services.housing.settlement.settle`` of all households (seconds), against the same work
   done raw: one sqlite3 query for flats and 安置人口, band arithmetic in integer 分 in plain
   Python. Both totals must agree to the 分.
3. The board (``ui.housing.models.BoardModel``) with 5,000 flats in a QTableView: show() → first
   paint, and resident memory, against a bare QTableView over a plain model of the same cell
   texts.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/housing_bench.py [--households 10000] [--flats 12000] [--out DIR]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl
from common import bench
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import select

from resettle.services.demo.generate import generate_demo
from resettle.services.housing import settlement, stock
from resettle.services.register import projects
from resettle.store.database import Database
from resettle.store.housing_models import Estate, Flat, FlatSelection
from resettle.store.models import Household
from ui.housing.models import BoardModel

STANDARD = Path(__file__).resolve().parents[2] / "shared" / "data" / "wave2" / "placement_standard.xlsx"
LAYOUTS = (
    ("一室一厅", "62.35"),
    ("两室一厅", "78.60"),
    ("两室两厅", "90.12"),
    ("三室一厅", "105.48"),
    ("三室两厅", "121.90"),
)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stock_workbook(path: Path, flats: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("房源")
    ws.append(["小区", "楼号", "单元", "层", "房号", "户型", "建筑面积(㎡)", "状态"])
    n = 0
    building = 0
    while n < flats:
        building += 1
        for unit in (1, 2):
            for floor in range(1, 21):
                for room in range(1, 4):
                    if n >= flats:
                        break
                    layout, area = LAYOUTS[(building + floor + room) % len(LAYOUTS)]
                    ws.append(
                        ["新区", f"{building}幢", f"{unit}单元", floor, f"{floor}{room:02d}", layout, area, "可选"]
                    )
                    n += 1
    book.save(path)


def assign(db: Database, project_id: int) -> int:
    """Every household one flat, every fifth two, in one audited transaction (the ORM path)."""
    with db.write(reason="基准：批量选房") as s:
        hids = list(s.scalars(select(Household.id).where(Household.project_id == project_id).order_by(Household.id)))
        flats = list(
            s.scalars(
                select(Flat)
                .join(Estate, Estate.id == Flat.estate_id)
                .where(Estate.project_id == project_id)
                .order_by(Flat.id)
            )
        )
        it = iter(flats)
        n = 0
        for i, hid in enumerate(hids):
            for slot in (1, 2) if i % 5 == 0 else (1,):
                f = next(it, None)
                if f is None:
                    return n
                f.status = "已选"
                s.add(FlatSelection(household_id=hid, flat_id=f.id, slot=slot, owner_ids="", ahead_of_order=False))
                n += 1
    return n


def raw_settle(path: Path) -> tuple[int, int]:
    """The same settlement in integer 分 / 0.01 ㎡ from one sqlite3 query (no ORM, no Decimal)."""
    conn = sqlite3.connect(path)
    try:
        std = conn.execute(
            "SELECT area_per_person, minimum_area, price_within, band_widths, band_prices, refund_price "
            "FROM placement_standard WHERE status = '已发布' ORDER BY revision DESC LIMIT 1"
        ).fetchone()
        per, minimum, within_price, widths_text, prices_text, refund_price = std
        widths = [int(Decimal(w) * 100) for w in widths_text.split(";") if w]
        prices = [int(Decimal(p) * 100) for p in prices_text.split(";") if p]
        rows = conn.execute(
            "SELECT fs.household_id, sum(f.area_m2), "
            "(SELECT count(*) FROM person p WHERE p.household_id = fs.household_id AND p.resettled = 1 "
            " AND p.id NOT IN (SELECT person_id FROM placement_exclusion)) "
            "FROM flat_selection fs JOIN flat f ON f.id = fs.flat_id GROUP BY fs.household_id"
        ).fetchall()
    finally:
        conn.close()

    def line(area: int, price: int) -> int:  # area in 0.01 ㎡, price in 分: amount in 分, half up
        return (area * price + 50) // 100

    total = 0
    for _hid, chosen, persons in rows:
        entitled = max(per * persons, minimum or 0)
        within = min(chosen, entitled)
        price = line(within, within_price) if within > 0 else 0
        above = chosen - within
        for i, p in enumerate(prices):
            if above <= 0:
                break
            part = min(above, widths[i]) if i < len(widths) else above
            price += line(part, p)
            above -= part
        unused = entitled - within
        refund = line(unused, refund_price) if unused > 0 else 0
        total += price - refund
    return len(rows), total


class BareModel(QAbstractTableModel):
    def __init__(self, cells: list[list[str]]) -> None:
        super().__init__()
        self.cells = cells

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.cells)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.cells[0]) if self.cells else 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def first_paint(app: QApplication, make: Any) -> tuple[float, float, QTableView]:
    gc.collect()
    before = rss_mb()
    t0 = time.perf_counter()
    view = make()
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    view.resize(1400, 900)
    view.show()
    while not watch.painted and time.perf_counter() - t0 < 60:
        app.processEvents()
    return time.perf_counter() - t0, rss_mb() - before, view


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=10_000)
    ap.add_argument("--flats", type=int, default=12_000)
    ap.add_argument("--board", type=int, default=5_000)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="housing-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "housing.sqlite3"
    for p in folder.glob("housing.sqlite3*"):
        p.unlink()
    shutil.rmtree(folder / "housing.sqlite3-backups", ignore_errors=True)
    app = QApplication.instance() or QApplication(sys.argv)
    db = Database.open(path, startup_backup=False)
    try:
        t = time.perf_counter()
        generate_demo(db, households=args.households, seed=13)
        print(f"demo register: {args.households:,} households in {time.perf_counter() - t:.1f} s")
        pid = projects.resolve_project(db, None)
        book = folder / "stock.xlsx"
        stock_workbook(book, args.flats)
        t = time.perf_counter()
        result = stock.import_stock(db, pid, book)
        print(f"stock import (ORM, audit, seals): {result.added:,} flats in {time.perf_counter() - t:.1f} s")
        stock.import_standard(db, pid, STANDARD, publish=True)
        t = time.perf_counter()
        chosen = assign(db, pid)
        print(f"selection of {chosen:,} flats (one audited transaction): {time.perf_counter() - t:.1f} s")

        best_prog = best_raw = float("inf")
        report = None
        raw: tuple[int, int] = (0, 0)
        for _ in range(3):
            t = time.perf_counter()
            report = settlement.settle(db, pid)
            best_prog = min(best_prog, time.perf_counter() - t)
            t = time.perf_counter()
            raw = raw_settle(path)
            best_raw = min(best_raw, time.perf_counter() - t)
        assert report is not None
        program_total = int(report.total_net * 100)
        same = "same" if (len(report.households), program_total) == raw else f"DIFFERENT (raw {raw})"
        print(
            f"settlement of {len(report.households):,} households: program {best_prog:.2f} s, raw sqlite3+int "
            f"{best_raw:.2f} s, ratio {best_prog / best_raw:.1f}×; total net {report.total_net:,} 元 ({same})"
        )
        bench(f"settlement of {len(report.households):,} households vs raw sqlite3 ({same})", best_prog, best_raw)
        estate = stock.list_estates(db, pid)[0]
        flats = list(stock.board(db, pid, estate.id).flats)[: args.board]
    finally:
        db.close()

    board_model = BoardModel()

    def program_view() -> QTableView:
        board_model.set_flats(flats)
        view = QTableView()
        view.setModel(board_model)
        return view

    grid: dict[tuple[int, int], str] = {}
    rows_of: dict[int, int] = {}
    cols_of: dict[tuple[str, str, str], int] = {}
    for f in flats:
        r = rows_of.setdefault(f.floor, len(rows_of))
        c = cols_of.setdefault((f.building, f.unit, f.room[len(str(f.floor)) :]), len(cols_of))
        grid[(r, c)] = f"{f.room}\n{f.area_m2}㎡"
    cells = [[grid.get((r, c), "") for c in range(len(cols_of))] for r in range(len(rows_of))]
    bare_model = BareModel(cells)

    def bare_view() -> QTableView:
        view = QTableView()
        view.setModel(bare_model)
        return view

    warm = BareModel([["x"] * 10 for _ in range(10)])  # the first view in a process pays Qt's own start-up

    def warm_view() -> QTableView:
        view = QTableView()
        view.setModel(warm)
        return view

    _s, _mb, v0 = first_paint(app, warm_view)
    v0.close()
    bare_s, bare_mb, v1 = first_paint(app, bare_view)
    prog_s, prog_mb, v2 = first_paint(app, program_view)
    print(
        f"board of {len(flats):,} flats ({board_model.rowCount()} floors × {board_model.columnCount()} columns): "
        f"first paint {prog_s * 1000:.0f} ms vs bare {bare_s * 1000:.0f} ms (ratio {prog_s / max(bare_s, 1e-6):.1f}×); "
        f"memory +{prog_mb:.1f} MB vs bare +{bare_mb:.1f} MB"
    )
    bench(f"selection board of {len(flats):,} flats, first paint vs bare model", prog_s, bare_s)
    v1.close()
    v2.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
