"""The cycle collector during long work on the op runner's worker (issue 18: the window stays responsive).

A full pass of the collector scans every tracked object of the process (the window's, the
modules', the register's mappers, a survey's preview) and holds the interpreter meanwhile:
0.14-0.18 s on a 4,000-household register, during which the window on the GUI thread cannot
paint, whichever thread runs the pass. A print of 1,000 notices allocates enough to run such a
pass every few seconds.

:func:`long_lived_frozen` moves what exists before the work to the collector's permanent
generation (``gc.freeze``), as the survey import does after its work: those objects are
long-lived, and are still freed when dropped (reference counts). The collector stays on, so
the passes during the work scan only the work's own objects and free its cycles (sessions,
documents) as usual. ``paused=True`` also pauses it during the work (a workbook streaming
hundreds of thousands of acyclic rows and cells, which it would only scan again and again);
its first pass after the work then scans only what the work left (its cycles, freed then).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["long_lived_frozen"]


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
