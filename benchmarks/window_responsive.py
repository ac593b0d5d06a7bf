"""The window's event loop while it works (issue 18): import, export, compute and a 正式 PDF batch.

A register of its own (a demo of N households with its compensation standard, and a survey of
N/2 more households to import) is opened in the real window, offscreen. While each piece of work
runs, a QTimer ticking every 10 ms records the largest gap between two ticks (the longest the
window could not repaint or answer), and the time until a progress dialog first shows counts
(its maximum known). Dialogs that would wait for the clerk are answered by the script.

Used by window_bench.py (``--responsive-households``); each run is a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import bench, peak_rss_mb

AIM_GAP_MS = 100


class GapStacks:
    """``BENCH_GAP_STACKS=1``: a watcher thread samples the GUI thread's stack while the loop is stalled
    (no tick for 40 ms) and prints the most frequent lines of ours at the end (what to move off-thread),
    the worker's too; and the slowest passes of the cycle collector, on either thread."""

    def __init__(self, meter: LoopMeter) -> None:
        import gc
        import threading

        self.meter, self.samples = meter, {}  # type: ignore[var-annotated]
        self.gui = threading.get_ident()
        threading.Thread(target=self._watch, daemon=True).start()
        self.collections: list[tuple[float, int, str]] = []  # (seconds, generation, thread) of the slow ones
        started: dict[int, float] = {}

        def timed(phase: str, info: dict[str, int]) -> None:
            ident = threading.get_ident()
            if phase == "start":
                started[ident] = time.perf_counter()
            elif ident in started:
                took = time.perf_counter() - started.pop(ident)
                if took > 0.02:
                    self.collections.append((took, info["generation"], "gui" if ident == self.gui else "worker"))

        gc.callbacks.append(timed)

    def _watch(self) -> None:
        import threading
        import traceback

        while True:
            time.sleep(0.01)
            if time.perf_counter() - self.meter.last > 0.04:
                frames = sys._current_frames()
                me = threading.get_ident()
                # The GUI thread's stack, and any worker's (one that holds the interpreter stalls the loop too).
                for ident, frame in frames.items():
                    if ident == me:
                        continue
                    ours = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in traceback.extract_stack(frame)
                            if "/resettle/" in f.filename or "/ui/" in f.filename]  # fmt: skip
                    if ident != self.gui and not ours:
                        continue
                    key = ("" if ident == self.gui else "[worker] ") + " <- ".join(reversed(ours[-6:]))
                    self.samples[key] = self.samples.get(key, 0) + 1

    def print(self) -> None:
        for took, generation, thread in sorted(self.collections, reverse=True)[:10]:
            print(f"  cycle collection of generation {generation} on the {thread} thread: {took * 1000:.0f} ms",
                  file=sys.stderr)  # fmt: skip
        for key, n in sorted(self.samples.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {n * 10:5d} ms  {key}", file=sys.stderr)


class LoopMeter:
    """The largest gap of the event loop, and when a progress bar first showed counts."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.start()
        self.timer.start()

    def start(self) -> None:
        self.t0 = self.last = time.perf_counter()
        self.max_gap = 0.0
        self.counts_at: float | None = None

    def _tick(self) -> None:
        from PySide6.QtWidgets import QApplication, QProgressBar

        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now
        if self.counts_at is None:  # a progress dialog's bar, or a page's own (the import wizard's)
            for w in QApplication.topLevelWidgets():
                if w.isVisible() and any(b.isVisible() and b.maximum() > 0 for b in w.findChildren(QProgressBar)):
                    self.counts_at = now - self.t0
                    break


def run_until(app: Any, meter: LoopMeter, start: Callable[[], object], done: Callable[[], bool],
              limit_s: float = 600.0) -> dict[str, Any]:  # fmt: skip
    """Start the work from inside the event loop (so a blocking start counts as a gap) and turn the
    loop until ``done``."""
    from PySide6.QtCore import QEventLoop, QTimer

    meter.start()
    QTimer.singleShot(0, start)
    while time.perf_counter() - meter.t0 < 0.05:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)  # the start runs
    while not done() and time.perf_counter() - meter.t0 < limit_s:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    for _ in range(20):
        app.processEvents()
    return {"max_gap_ms": meter.max_gap * 1000, "counts_s": meter.counts_at, "total_s": time.perf_counter() - meter.t0}


def child_responsive(folder: Path, households: int) -> None:
    from import_export_bench import generate_survey
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWizard

    from resettle.documents.kinds import DocumentKind
    from resettle.services.demo.generate import demo_compensation, demo_township, generate_demo
    from resettle.store.database import Database
    from ui.app import build_app
    from ui.main_window import MainWindow
    from ui.ops import OpRunner
    from ui.print_actions import ExportPdfDialog

    app = build_app([])
    path = folder / "responsive.sqlite3"
    survey = folder / "survey.xlsx"
    # Region codes the demo never gives (resettle.services.demo.generate.REGIONS): no ID is registered already.
    generate_survey(survey, max(households // 2, 10), seed=5, regions=("110101", "110102", "440305"))
    db = Database.open(path, startup_backup=False)
    demo_compensation(db, generate_demo(db, households=households, seed=11).project_id)
    demo_township(db)
    runner = OpRunner()
    win = MainWindow(db, QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat), runner)
    win.resize(1200, 760)
    win.show()
    for _ in range(50):
        app.processEvents()
    runner.wait()

    saved: dict[str, Path] = {}
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(saved["next"]), ""))  # type: ignore[method-assign]

    def formal_batch(dialog: ExportPdfDialog) -> int:
        dialog.scope.setCurrentIndex(dialog.scope.findData("project"))
        dialog.formal.setChecked(True)
        dialog.out.setText(str(saved["next"]))
        return QDialog.DialogCode.Accepted.value

    ExportPdfDialog.exec = formal_batch  # type: ignore[method-assign]
    meter = LoopMeter()
    stacks = GapStacks(meter) if os.environ.get("BENCH_GAP_STACKS") else None
    results: dict[str, dict[str, Any]] = {}

    wizard_box: dict[str, Any] = {}

    def start_import() -> None:
        wizard = win.import_survey(survey)
        wizard.file_page.project.setCurrentText(win.project.current_project_name())
        wizard_box["w"] = wizard

    def import_done() -> bool:
        wizard = wizard_box.get("w")
        if wizard is None:
            return False
        if getattr(wizard.apply_page, "done", False):
            return True
        preview = wizard.preview
        if preview is not None and wizard_box.get("checked") is not preview:  # once: this loop shares the GIL
            wizard_box["checked"] = preview  # with the worker, and the preview holds thousands of warnings
            if preview.errors:  # the wizard would wait for the clerk forever
                raise SystemExit(f"the survey has errors: {[e.message for e in preview.errors[:3]]}")
        button = wizard.button(QWizard.WizardButton.NextButton)
        if button.isEnabled() and button.isVisible() and not runner.busy():
            wizard.next()
        return False

    # BENCH_RESPONSIVE_WORK=import,export: only those pieces of work (all four by default).
    wanted = set(filter(None, os.environ.get("BENCH_RESPONSIVE_WORK", "import,export,compute,print").split(",")))
    if "import" in wanted:
        results["import"] = run_until(app, meter, start_import, import_done)
        wizard_box["w"].close()
        runner.wait()
    if "export" in wanted:
        saved["next"] = folder / "roster.xlsx"
        results["export"] = run_until(app, meter, lambda: win.export_sheet("roster"),
                                      lambda: saved["next"].exists() and not runner.busy())  # fmt: skip
    if "compute" in wanted:
        results["compute"] = run_until(app, meter, win.compute_all, lambda: not runner.busy())
    if "print" in wanted:
        saved["next"] = folder / "notices.pdf"
        results["print"] = run_until(app, meter, lambda: win.export_pdfs(DocumentKind.NOTICE),
                                     lambda: saved["next"].exists() and not runner.busy())  # fmt: skip
    if stacks is not None:
        stacks.print()
    print("RESULT " + json.dumps({"households": households, "results": results, "rss_mb": peak_rss_mb()}), flush=True)
    win.close()
    db.close()


def bench_responsive(households: int) -> None:
    with tempfile.TemporaryDirectory(prefix="responsive-") as tmp:
        env = dict(os.environ, RESETTLE_DATA_DIR=str(Path(tmp) / "data"))
        args = [sys.executable, str(Path(__file__).with_name("window_bench.py")), "--child", "responsive", tmp,
                "--responsive-households", str(households)]  # fmt: skip
        proc = subprocess.run(args, stdout=subprocess.PIPE, text=True, env=env, check=False)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
        if proc.returncode != 0 or not lines:
            print(proc.stdout[-3000:])
            raise SystemExit("responsiveness child failed")
    found = json.loads(lines[-1][7:])
    for work, r in found["results"].items():
        counts = "never" if r["counts_s"] is None else f"{r['counts_s']:.2f} s"
        print(f"{work:8s}: largest event-loop gap {r['max_gap_ms']:6.1f} ms, progress with counts after {counts}, "
              f"done in {r['total_s']:.2f} s")  # fmt: skip
        bench(f"window stays responsive: {work} ({households:,} households), largest event-loop gap",
              r["max_gap_ms"], None, f"≤ {AIM_GAP_MS} ms", unit="ms", memory_mb=found["rss_mb"])  # fmt: skip
        if work == "compute":
            continue  # a compute of a few hundred households ends before a progress dialog is due
        if r["counts_s"] is None:
            bench(f"window stays responsive: {work}, progress never showed counts (work took)", r["total_s"], None,
                  "≤ 1 s", memory_mb=found["rss_mb"])  # fmt: skip
        else:
            bench(f"window stays responsive: {work}, progress shows counts after", r["counts_s"], None, "≤ 1 s",
                  memory_mb=found["rss_mb"])  # fmt: skip
