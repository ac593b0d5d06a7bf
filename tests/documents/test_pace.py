"""Printing on a worker pauses between pages only while the window's heartbeat is late (resettle.pace)."""

from __future__ import annotations

import threading
import time

from resettle import pace


def _timed(on_main_thread: bool = False) -> float:
    """How long let_the_window_in() took, on a worker thread as the print runs (or on this one)."""
    took: list[float] = []

    def call() -> None:
        t0 = time.perf_counter()
        pace.let_the_window_in()
        took.append(time.perf_counter() - t0)

    if on_main_thread:
        call()
    else:
        worker = threading.Thread(target=call)
        worker.start()
        worker.join()
    return took[0]


def test_no_window_no_pause() -> None:
    pace.stop()
    assert _timed() < pace._PAUSE_S / 2


def test_a_late_window_gets_a_pause_and_a_beating_one_none() -> None:
    try:
        pace.beat()
        assert _timed() < pace._PAUSE_S / 2  # it has just beaten
        pace._last_beat = time.monotonic() - 2 * pace._LATE_S  # it has not beaten for a while
        assert _timed() >= pace._PAUSE_S * 0.9
        assert _timed(on_main_thread=True) < pace._PAUSE_S / 2  # the window's own thread never waits for itself
    finally:
        pace.stop()


def test_the_runner_beats_while_a_job_runs_and_stops_after(qtbot) -> None:
    from ui.ops import OpRunner

    runner = OpRunner()
    release = threading.Event()
    runner.run(None, "", release.wait, with_progress=False, timeout=10)
    first = pace._last_beat
    assert first is not None
    qtbot.waitUntil(lambda: pace._last_beat is not None and pace._last_beat > first, timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert pace._last_beat is None and not runner._heartbeat.isActive()
    runner.wait()


def test_the_beat_stops_only_when_the_last_of_two_runners_stops() -> None:
    """Two runners with jobs (each started its beat once): the first to finish leaves the beat on."""
    try:
        pace.start()
        pace.start()
        pace.stop()
        assert pace._last_beat is not None, "the other runner's job still runs"
        pace._last_beat = time.monotonic() - 2 * pace._LATE_S
        assert _timed() >= pace._PAUSE_S * 0.9  # and a late beat still lets the window in
        pace.stop()
        assert pace._last_beat is None
        pace.stop()  # one stop too many (a test resetting) does not count below zero
        pace.start()
        assert pace._last_beat is not None
    finally:
        pace.stop()
    assert pace._last_beat is None


def test_an_export_on_a_worker_lets_a_late_window_in_at_each_household() -> None:
    """The spreadsheet exports tick once per household (resettle.io.exports.common.Ticker): with the
    window's beat late, each tick pauses; with no window, none does."""
    from resettle.io.exports.common import Ticker

    def ten_ticks() -> float:
        took: list[float] = []

        def run() -> None:
            ticker = Ticker(10, None, None)
            t0 = time.perf_counter()
            for _ in range(10):
                ticker.tick()
            took.append(time.perf_counter() - t0)

        worker = threading.Thread(target=run)
        worker.start()
        worker.join()
        return took[0]

    pace.stop()
    assert ten_ticks() < pace._PAUSE_S
    try:
        pace.start()
        pace._last_beat = time.monotonic() - 2 * pace._LATE_S
        assert ten_ticks() >= 10 * pace._PAUSE_S * 0.9
    finally:
        pace.stop()
