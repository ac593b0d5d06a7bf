"""The cycle collector during long work on the op runner's worker (issue 18: the window stays responsive).

A full pass of the collector scans every tracked object of the process (the window's, the
modules', the register's mappers, a survey's preview) and holds the interpreter meanwhile
(0.1-0.4 s), so the window on the GUI thread cannot paint, whichever thread runs the pass.

:func:`paused_collection` (the survey import): a survey of 10,000 households is hundreds of
thousands of small, acyclic cells, rows and records the collector would scan again and again. It is
paused during the work; what survives it (the preview's records, kept until the clerk applies or
closes the wizard, and whatever the process held before) is moved to the permanent generation when
the work ends (``gc.freeze``), else the first passes after it scan every one of them (0.15-0.35 s
each, seen at 10,000 households). Those objects are still freed when dropped (reference counts); only
cycles the work left behind (its SQLAlchemy session's, some thousands of objects per import) stay
until the process ends.

:func:`long_lived_frozen` (printing, exports): what exists before the work is moved to the permanent
generation first. The collector stays on, so its passes during the work scan only the work's own
objects and free its cycles (sessions, documents) as usual. ``paused=True`` also pauses it during the
work (a workbook streaming hundreds of thousands of acyclic rows and cells); its first pass after the
work then scans only what the work left.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["long_lived_frozen", "paused_collection"]


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


@contextlib.contextmanager
def long_lived_frozen(*, paused: bool = False) -> Iterator[None]:
    gc.freeze()
    collecting = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused and collecting:
            gc.enable()
