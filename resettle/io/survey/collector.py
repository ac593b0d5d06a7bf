"""The cycle collector paused while a survey is read or stored (issue 18: the window stays responsive).

A survey of 10,000 households is hundreds of thousands of small, acyclic cells, rows and records;
the collector would scan them again and again, and each of its full passes held the interpreter for
0.1-0.4 s, so the window (on the GUI thread) stood still meanwhile, whichever thread ran the pass.

What survives the work (the preview's records, kept until the clerk applies or closes the wizard,
and whatever the process held before) is moved to the collector's permanent generation when the
work ends (``gc.freeze``): else the first passes after it scan every one of them (0.15-0.35 s each,
seen at 10,000 households). Those objects are still freed when dropped (reference counts); only
cycles the work left behind (its SQLAlchemy session's, some thousands of objects per import) stay
until the process ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_collection"]


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
