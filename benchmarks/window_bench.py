"""Issue 3 benchmark: the register window on a 1,000,000-household database, against a bare model.

Both run in this process on the same file: a bare paged QAbstractTableModel (LIMIT/OFFSET pages
of 256 rows read inside data(), as a plain Qt example would) and the program's MainWindow.
Measured: show() → first paint of the table, resident memory, jump to the last row, and
search-as-you-type (keystroke → view updated) p50/p95.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/window_bench.py benchmarks/out/demo-1m.sqlite3
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import bench
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def until_painted(app: QApplication, view: QTableView, action: Any, limit_s: float = 60.0) -> float:
    """Run ``action`` and process events until the table's viewport has painted; seconds taken."""
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    t0 = time.perf_counter()
    action()
    while not watch.painted and time.perf_counter() - t0 < limit_s:
        app.processEvents()
    view.viewport().removeEventFilter(watch)
    return time.perf_counter() - t0


class BareModel(QAbstractTableModel):
    PAGE = 256

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.conn = sqlite3.connect(path)
        self.total = self.conn.execute("SELECT count(*) FROM household").fetchone()[0]
        self.pages: dict[int, list[tuple[Any, ...]]] = {}

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return self.total

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 5

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        page = index.row() // self.PAGE
        if page not in self.pages:
            self.pages[page] = self.conn.execute(
                "SELECT household_no, head_name, phone, status, group_id FROM household ORDER BY household_no "
                "LIMIT ? OFFSET ?", (self.PAGE, page * self.PAGE)).fetchall()  # fmt: skip
        rows = self.pages[page]
        offset = index.row() % self.PAGE
        return rows[offset][index.column()] if offset < len(rows) else None


def measure(app: QApplication, view: QTableView, show: Any) -> dict[str, float]:
    before = rss_mb()
    first = until_painted(app, view, show)
    jump = until_painted(app, view, view.scrollToBottom)
    for _ in range(5):
        app.processEvents()
    return {"first_paint_s": first, "jump_end_s": jump, "rss_mb": rss_mb(), "rss_before_mb": before}


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out/demo-1m.sqlite3")
    app = QApplication([])
    bare = BareModel(path)
    bare_view = QTableView()
    bare_view.setModel(bare)
    bare_view.resize(1200, 760)
    b = measure(app, bare_view, bare_view.show)
    bare_view.close()
    print(f"bare model   : first paint {b['first_paint_s']:.3f} s, jump to end {b['jump_end_s']:.3f} s, "
          f"RSS {b['rss_mb']:.0f} MB")  # fmt: skip

    from resettle.store.database import Database
    from ui.app import build_app
    from ui.main_window import MainWindow
    from ui.ops import OpRunner

    build_app([])
    db = Database.open(path, startup_backup=False)
    prefs = QSettings(str(path.with_suffix(".bench.ini")), QSettings.Format.IniFormat)
    t_construct = time.perf_counter()
    win = MainWindow(db, prefs, OpRunner())
    construct = time.perf_counter() - t_construct
    win.resize(1200, 760)
    m = measure(app, win.table, win.show)
    print(f"Resettle     : window built {construct:.3f} s; first paint {m['first_paint_s']:.3f} s "
          f"(total {construct + m['first_paint_s']:.3f} s), jump to end {m['jump_end_s']:.3f} s, RSS {m['rss_mb']:.0f} MB,"
          f" rows held {win.model.fetched_rows}")  # fmt: skip
    print(f"ratio        : first paint {(construct + m['first_paint_s']) / b['first_paint_s']:.2f}×, "
          f"jump {m['jump_end_s'] / b['jump_end_s']:.2f}×")  # fmt: skip
    households_n = bare.total
    bench(f"window first paint, {households_n:,} households vs bare paged model", construct + m["first_paint_s"],
          b["first_paint_s"], "≤ 2×", memory_mb=m["rss_mb"])  # fmt: skip
    bench("window resident memory at first paint vs bare", m["rss_mb"], b["rss_mb"], "≤ 1.5×", memory_mb=m["rss_mb"],
          unit="MB")  # fmt: skip

    raw = sqlite3.connect(path)
    rng = random.Random(3)
    n = raw.execute("SELECT max(id) FROM household").fetchone()[0]
    names = [raw.execute("SELECT head_initials FROM household WHERE id = ?", (rng.randint(1, n),)).fetchone()[0]
             for _ in range(60)]  # fmt: skip
    times: list[float] = []
    for code in names:
        win.search.clear()
        win.apply_filter()
        for ch in code[:3]:
            win.search.insert(ch)
            win._search_timer.stop()  # the debounce delay is a choice, not work: measure the work
            times.append(until_painted(app, win.table, win.apply_filter) * 1000)
    times.sort()
    print(f"search-as-you-type: p50 {statistics.median(times):.1f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms "
          f"over {len(times)} keystrokes (plus the 200 ms debounce)")  # fmt: skip
    bench(f"search-as-you-type p95, keystroke to repainted view ({households_n:,} households)",
          times[int(0.95 * (len(times) - 1))], None, "≤ 50 ms", unit="ms")  # fmt: skip
    win.close()
    db.close()


if __name__ == "__main__":
    main()
