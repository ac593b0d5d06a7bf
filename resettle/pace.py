"""The window's heartbeat, for work on a worker thread that holds the interpreter in long Qt calls.

Qt's text layout and painting (``QTextDocument.setHtml``, ``drawContents``, the PDF engine) hold
the interpreter while they run, and a repaint of the window calls into Python about a thousand
times (each ``data()``, each check for a Python override), each waiting for the worker's current
Qt call to return: one table repaint during a print took 0.6-1.1 s (perf). The window's op runner
beats :func:`beat` every few milliseconds while a job runs; when the beats stop (the window's
thread is busy, usually waiting for the interpreter), :func:`let_the_window_in` pauses the worker
a few milliseconds so that the window can finish what it is painting. Without a window (the CLI,
the tests) nothing beats and nothing pauses.

Callers: the PDF batch between pages, the spreadsheet exports at each household (their ``Ticker``).
An export running while the table refreshes (after an import, say: ≈ 5,000 ``data()`` and
``headerData()`` calls) held the window 180-260 ms in 3 of 4 runs of ``window_responsive``; with
the pause, 32-72 ms in 8.
"""

from __future__ import annotations

import threading
import time

__all__ = ["beat", "let_the_window_in", "start", "stop"]

_LATE_S = 0.03  # the window has not beaten for this long: it is waiting
_PAUSE_S = 0.005

_last_beat: float | None = None  # None: no window is beating
_beating = 0  # op runners whose jobs are running (each started once; the program has one)


def beat() -> None:
    """Called by the window's thread (a timer) while a job runs."""
    global _last_beat
    _last_beat = time.monotonic()


def start() -> None:
    """An op runner's first job started: it beats from now on (called on the window's thread)."""
    global _beating
    _beating += 1
    beat()


def stop() -> None:
    """An op runner has no job left. Once no runner beats, workers stop looking (another runner's
    jobs still running keep the beat: its timer goes on)."""
    global _last_beat, _beating
    _beating = max(_beating - 1, 0)
    if _beating == 0:
        _last_beat = None


def let_the_window_in() -> None:
    """Between two long pieces of Qt work on a worker thread: pause briefly if the window's thread is
    waiting. On the window's own thread (a preview painted there) it never pauses: the late beat is
    that very work."""
    last = _last_beat
    if (
        last is not None
        and time.monotonic() - last > _LATE_S
        and threading.current_thread() is not threading.main_thread()
    ):
        time.sleep(_PAUSE_S)
