"""Issues 3 and 18 benchmark: the register window on a large register against a bare window, and the
window's event loop while it works.

First paint: each side starts in a fresh process and is timed from the process's start to the first
paint of its table (interpreter, imports, opening the register, building the window — what the clerk
waits for). The bare side is a QApplication + QMainWindow + QTableView over a paged
QAbstractTableModel (LIMIT/OFFSET pages of 256 rows read inside data(), as a plain Qt example would)
on the same file. Median of ``--runs`` starts; resident memory at the first paint. The program's
process then measures jump-to-end and search-as-you-type (keystroke → repainted view).

Responsiveness (``--responsive-households``, on a register of its own): the window imports a survey
through the wizard, exports the roster, computes compensation and exports the notices as a 正式 PDF
batch, offscreen; a 10 ms QTimer records the largest gap of the event loop, and the time until the
progress dialog first shows counts.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/window_bench.py benchmarks/out/demo-1m.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import bench

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def report(**values: Any) -> None:
    print("RESULT " + json.dumps(values), flush=True)


# -- the two sides of the first paint (each in its own process) ------------------------------------
def until_painted(
    app: Any, view: Any, action: Any, limit_s: float = 120.0, ready: Any = None, on_paint: Any = None
) -> float:
    """Run ``action`` and process events until the view's viewport has painted (with ``ready()`` true
    at that paint, when given: the rows are there, not a blank frame); seconds taken until that paint.
    ``on_paint()`` runs at that paint (what the program does after it is not counted)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    loop = QEventLoop()

    class Watch(QObject):
        painted = False
        at = 0.0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.painted and (ready is None or ready()):
                self.painted = True
                # Just after this paint is done: the filter sees the event before the view paints. The
                # last filter installed is asked first, so this runs before the window's own after-paint
                # work (ui.areas.FirstPaint), which is not counted.
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            self.at = time.perf_counter()
            if on_paint is not None:
                on_paint()
            loop.quit()

    # A real event loop, idle while a worker reads (a loop of processEvents() would spin on the GUI
    # thread and take the interpreter lock from the worker it waits for).
    watch = Watch()
    view.viewport().installEventFilter(watch)
    QTimer.singleShot(int(limit_s * 1000), loop.quit)
    t0 = time.perf_counter()
    action()
    loop.exec()
    view.viewport().removeEventFilter(watch)
    return (watch.at if watch.painted else time.perf_counter()) - t0


def child_bare(path: Path) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class BareModel(QAbstractTableModel):
        PAGE = 256

        def __init__(self) -> None:
            super().__init__()
            self.conn = sqlite3.connect(path)
            self.total = self.conn.execute("SELECT count(*) FROM household").fetchone()[0]
            self.pages: dict[int, list[tuple[Any, ...]]] = {}

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return int(self.total)

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

    app = QApplication([])
    window = QMainWindow()
    view = QTableView()
    view.setModel(BareModel())
    window.setCentralWidget(view)
    window.resize(1200, 760)
    until_painted(app, view, window.show, on_paint=lambda: report(painted=True, rss_mb=rss_mb(), cpu_s=cpu_s()))
    report(jump_end_s=until_painted(app, view, view.scrollToBottom))


def child_program(path: Path, measure_search: bool) -> None:
    """As ``resettle-app --db PATH`` starts (ui.app.main): the window painted from the register's first
    view when it has one, the store opened just after; else the store first, then the window."""
    from PySide6.QtCore import QSettings

    import ui.app
    from ui.ops import OpRunner

    app = ui.app.build_app([])
    prefs = QSettings(str(path.with_suffix(".bench.ini")), QSettings.Format.IniFormat)
    runner = OpRunner()
    win = ui.app.quick_window(path, prefs, runner, startup_backup=False)
    if win is None:
        from resettle.store.database import Database
        from ui.main_window import MainWindow

        db = Database.open(path, startup_backup=False)
        assert ui.app.logged_in(db)
        win = MainWindow(db, prefs, runner)
    opened: list[float] = []
    win.painted.connect(lambda: opened.append(cpu_s()))
    win.resize(1200, 760)
    until_painted(app, win.table, win.show, ready=lambda: shows_rows(win),  # the rows, not a blank frame
                  on_paint=lambda: report(painted=True, rss_mb=rss_mb(), cpu_s=cpu_s(),
                                          sqlalchemy="sqlalchemy" in sys.modules))  # fmt: skip
    while not opened:  # the store open, the areas' menus built: the window is ready for everything
        app.processEvents()
    win.runner.wait()
    app.processEvents()
    report(ready_cpu_s=opened[0], ready_rss_mb=rss_mb())
    db = win.db
    if not measure_search:
        return
    report(jump_end_s=until_painted(app, win.table, win.table.scrollToBottom))
    raw = sqlite3.connect(path)
    rng = random.Random(3)
    n = raw.execute("SELECT max(id) FROM household").fetchone()[0]
    codes = [raw.execute("SELECT head_initials FROM household WHERE id = ?", (rng.randint(1, n),)).fetchone()[0]
             for _ in range(60)]  # fmt: skip
    from resettle.services.register import search

    # Where a keystroke's time goes: the worker's read (search.first_page, wall) and, after it, the GUI
    # thread's delivery and repaint (until the painted view).
    read = search.first_page
    ended: list[float] = []

    def timed_read(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return read(*args, **kwargs)
        finally:
            ended.append(time.perf_counter())
            worker.append((ended[-1] - t0) * 1000)

    search.first_page = timed_read
    times: list[float] = []
    worker: list[float] = []
    after: list[float] = []  # the worker's answer to the painted view
    for code in codes:
        win.search.clear()
        win.apply_filter()
        for ch in code[:3]:
            win.search.insert(ch)
            win._search_timer.stop()  # the debounce delay is a choice, not work: measure the work
            times.append(until_painted(app, win.table, win.apply_filter, ready=lambda: shows_rows(win)) * 1000)
            after.append((time.perf_counter() - ended[-1]) * 1000)
    search.first_page = read
    times.sort()
    report(search_ms=times, households=n, search_read_ms=sorted(worker), search_paint_ms=sorted(after))
    win._search_timer.stop()
    win.close()
    win.runner.wait()
    db.close()


def shows_rows(win: Any) -> bool:
    """The table shows the newest filter with its first rows read (or it has none)."""
    model = win.model
    return not model.counting and (model.rowCount() == 0 or model.row_at(0) is not None)


def first_paint(kind: str, path: Path, measure_search: bool = False) -> dict[str, Any]:
    """Start a child, time it from its start to the line it prints at its first paint."""
    args = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(path)]
    if measure_search:
        args.append("--search")
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    assert proc.stdout is not None
    out: dict[str, Any] = {}
    for line in proc.stdout:
        if line.startswith("RESULT "):
            values = json.loads(line[7:])
            if values.get("painted"):
                out["first_paint_s"] = time.perf_counter() - t0
            out.update(values)
    if proc.wait() != 0:
        raise SystemExit(f"{kind} child failed ({proc.returncode})")
    return out


def bench_first_paint(path: Path, runs: int) -> None:
    bare = [first_paint("bare", path) for _ in range(runs)]
    program = [first_paint("program", path, measure_search=(i == 0)) for i in range(runs)]
    b = {k: statistics.median(r[k] for r in bare) for k in ("first_paint_s", "rss_mb", "cpu_s", "jump_end_s")}
    keys = ("first_paint_s", "rss_mb", "cpu_s", "ready_cpu_s", "ready_rss_mb")
    p = {k: statistics.median(r[k] for r in program) for k in keys}
    n = program[0]["households"]
    print(f"bare model   : start to first paint {b['first_paint_s']:.3f} s (cpu {b['cpu_s']:.3f} s), "
          f"RSS {b['rss_mb']:.0f} MB, jump to end {b['jump_end_s']:.3f} s")  # fmt: skip
    print(f"Resettle     : start to first paint {p['first_paint_s']:.3f} s (cpu {p['cpu_s']:.3f} s), "
          f"RSS {p['rss_mb']:.0f} MB, jump to end {program[0]['jump_end_s']:.3f} s")  # fmt: skip
    print(f"               then the store open and the menus built: cpu {p['ready_cpu_s']:.3f} s, "
          f"RSS {p['ready_rss_mb']:.0f} MB (SQLAlchemy loaded at the first paint: "
          f"{any(r['sqlalchemy'] for r in program)})")  # fmt: skip
    print(f"ratio        : first paint {p['first_paint_s'] / b['first_paint_s']:.2f}×, "
          f"memory {p['rss_mb'] / b['rss_mb']:.2f}× (median of {runs} starts each)")  # fmt: skip
    bench(f"window start to first paint, {n:,} households vs bare paged model", p["first_paint_s"],
          b["first_paint_s"], "≤ 2×", memory_mb=p["rss_mb"])  # fmt: skip
    bench("window resident memory at first paint vs bare", p["rss_mb"], b["rss_mb"], "≤ 1.5×", memory_mb=p["rss_mb"],
          unit="MB")  # fmt: skip
    times = program[0]["search_ms"]
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"search-as-you-type: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} keystrokes "
          "(plus the 200 ms debounce)")  # fmt: skip
    for label, key in (
        ("the worker's read (clears too)", "search_read_ms"),
        ("its answer to the painted view", "search_paint_ms"),
    ):
        part = program[0][key]
        print(f"  {label}: p50 {statistics.median(part):.1f} ms, p95 {part[int(0.95 * (len(part) - 1))]:.1f} ms")
    bench(f"search-as-you-type p95, keystroke to repainted view ({n:,} households)", p95, None, "≤ 50 ms",
          unit="ms", memory_mb=p["rss_mb"])  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?", default="benchmarks/out/demo-1m.sqlite3")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--responsive-households", type=int, default=200, help="0: skip the responsiveness part")
    ap.add_argument("--child", choices=("bare", "program", "responsive"))
    ap.add_argument("--search", action="store_true")
    args = ap.parse_args()
    path = Path(args.db)
    if args.child == "bare":
        child_bare(path)
    elif args.child == "program":
        child_program(path, args.search)
    elif args.child == "responsive":
        from window_responsive import child_responsive

        child_responsive(path, args.responsive_households)
    else:
        bench_first_paint(path, args.runs)
        if args.responsive_households:
            from window_responsive import bench_responsive

            bench_responsive(args.responsive_households)


if __name__ == "__main__":
    main()
