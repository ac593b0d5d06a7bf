"""What every benchmark shares: one machine-readable result line per measured piece of work.

A benchmark prints, besides its own human-readable output, one line per result::

    BENCH {"work": "...", "program_s": 1.2, "limit_s": 0.4, "aim": "≤ 3×", "memory_mb": 210.0}

``benchmarks/run_all.py`` collects these lines from each script's stdout and prints one table.
``limit_s`` is the raw library doing the same work (None where a script has no limit, e.g. a
plain latency); ``memory_mb`` is the peak resident memory of the process that did the work.
"""

from __future__ import annotations

import json
import resource
import sys

PREFIX = "BENCH "


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (or since :func:`reset_peak_rss`), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def reset_peak_rss() -> bool:
    """Start the peak over from the memory in use now (Linux: ``/proc/self/clear_refs``), so that one step's
    peak is not hidden by an earlier step of the same process. False where that cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def bench(
    work: str,
    program_s: float,
    limit_s: float | None = None,
    aim: str = "",
    memory_mb: float | None = None,
    unit: str = "s",
) -> None:
    """Print one result line for ``run_all.py``. ``memory_mb`` defaults to this process's peak RSS.

    ``unit`` is "s" for seconds or "ms" for a latency in milliseconds (the values are then ms).
    """
    record = {
        "work": work,
        "program_s": round(program_s, 4),
        "limit_s": None if limit_s is None else round(limit_s, 4),
        "aim": aim,
        "memory_mb": round(peak_rss_mb() if memory_mb is None else memory_mb, 1),
        "unit": unit,
    }
    print(PREFIX + json.dumps(record, ensure_ascii=False), flush=True)
    sys.stdout.flush()
