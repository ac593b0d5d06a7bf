"""Run every benchmark in ``benchmarks/`` and print one table: work | program | limit | ratio | aim | memory.

Usage: python benchmarks/run_all.py [--full] [--only NAME ...] [--skip NAME ...] [--timeout SECONDS]

By default each script runs at a small ("quick") size that finishes in minutes on a two-core
machine; ``--full`` runs each at its own default size (the sizes the issues' aims name: 1M
households for the window, 100k for compute …; hours, and gigabytes of disk). Each script runs in
its own process; it prints its own report (kept in ``benchmarks/out/<name>.log``) and one
``BENCH {json}`` line per result (``benchmarks/common.py``), which this driver collects. A script
that fails or runs out of time is listed as failed, with whatever results it printed before;
the other scripts still run. The table is also written to ``benchmarks/out/summary.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
PREFIX = "BENCH "
QUICK_DEMO = "benchmarks/out/demo-quick.sqlite3"
FULL_DEMO = "benchmarks/out/demo-1m.sqlite3"

IMPORT_QUICK = ["--sizes", "10000", "--formula-totals", "--export-households", "3000", "--repeat", "1",
                "--out", "benchmarks/out/exchange-quick"]  # fmt: skip

# name → (arguments at the quick size, arguments at the full size). Order matters: the window
# opens the register the foundation benchmark generated.
SCRIPTS: dict[str, tuple[list[str], list[str]]] = {
    "foundation": (["--households", "20000", "--db", QUICK_DEMO, "--samples", "50"], ["--db", FULL_DEMO, "--reuse"]),
    "window": ([QUICK_DEMO], [FULL_DEMO]),
    "import_export": (IMPORT_QUICK, ["--formula-totals"]),
    "compensation": (["--households", "10000", "--db", "benchmarks/out/compensation-quick.sqlite3"], []),
    "documents": (["--households", "100", "--db", "benchmarks/out/documents-quick.sqlite3"], []),
    "housing": (["--households", "2000", "--flats", "2400", "--board", "1000"], []),
    "livelihood": (["--households", "3000", "--places", "300"], []),
    "procedure": (["--n", "20000", "--grievances", "100"], []),
    "payments": (["--households", "2000"], []),
    "check": (["--households", "3000", "--db", "benchmarks/out/check-quick.sqlite3"], []),
    "frozen": (["--runs", "1", "--households", "100"], []),
    "postgres": (["--import-households", "2000", "--compute-households", "5000", "--edits", "10"], []),
}


@dataclass
class Outcome:
    name: str
    seconds: float
    returncode: int | None  # None: ran out of time
    results: list[dict[str, Any]] = field(default_factory=list)
    tail: str = ""

    @property
    def failed(self) -> bool:
        return self.returncode != 0 or not self.results


def run_script(name: str, args: list[str], timeout: float) -> Outcome:
    script = HERE / f"{name}_bench.py"
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONUNBUFFERED="1")
    log = OUT / f"{name}.log"
    cmd = [sys.executable, str(script), *args]
    print(f"== {name}: {' '.join(cmd[1:])}", flush=True)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as fh:
        fh.write(f"$ {' '.join(cmd)}\n")
        fh.flush()
        try:
            proc = subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=timeout, check=False)  # fmt: skip
            output, code = proc.stdout, proc.returncode
        except subprocess.TimeoutExpired as exc:
            raw = exc.stdout or b""
            output = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            code = None
        fh.write(output)
    elapsed = time.perf_counter() - started
    outcome = Outcome(name, elapsed, code)
    lines = output.splitlines()
    for line in lines:
        if line.startswith(PREFIX):
            with contextlib.suppress(json.JSONDecodeError):
                outcome.results.append(json.loads(line[len(PREFIX) :]))
        else:
            print("   " + line, flush=True)
    outcome.tail = next((ln.strip() for ln in reversed(lines) if ln.strip() and not ln.startswith(PREFIX)), "")
    state = "out of time" if code is None else f"exit {code}"
    print(f"   ({name}: {state}, {elapsed:.0f} s, {len(outcome.results)} results; log {log.relative_to(REPO)})\n")
    return outcome


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def rows_of(outcomes: list[Outcome]) -> list[list[str]]:
    rows: list[list[str]] = []
    for o in outcomes:
        for r in o.results:
            unit = str(r.get("unit") or "s")
            program, limit = r.get("program_s"), r.get("limit_s")
            ratio = f"{program / limit:.2f}×" if program is not None and limit else "—"
            memory = r.get("memory_mb")
            work = str(r.get("work", "?"))
            work = work if work.startswith(f"{o.name}:") else f"{o.name}: {work}"
            rows.append([work, _value(program, unit), _value(limit, unit), ratio,
                         str(r.get("aim") or "—"), "—" if memory is None else f"{memory:.0f} MB"])  # fmt: skip
        if o.failed:
            why = "out of time" if o.returncode is None else f"exit {o.returncode}"
            if o.returncode == 0:
                why = "no BENCH results"
            detail = o.tail[:90].replace("|", "/")
            rows.append([f"{o.name}: FAILED ({why}) {detail}".rstrip(), "—", "—", "—", "—", "—"])
    return rows


def table(rows: list[list[str]]) -> str:
    head = ["work", "program", "limit", "ratio", "aim", "memory"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--full", action="store_true", help="each script at its own default (large) size")
    parser.add_argument("--only", nargs="+", choices=list(SCRIPTS), default=None)
    parser.add_argument("--skip", nargs="+", choices=list(SCRIPTS), default=[])
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per script before it counts as failed")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    names = [n for n in (args.only or SCRIPTS) if n not in args.skip]
    started = time.perf_counter()
    outcomes = [run_script(n, SCRIPTS[n][1 if args.full else 0], args.timeout) for n in names]
    text = table(rows_of(outcomes))
    size = "full" if args.full else "quick"
    failed = [o.name for o in outcomes if o.failed]
    footer = (
        f"{len(outcomes)} scripts at the {size} size in {time.perf_counter() - started:.0f} s; "
        f"failed: {', '.join(failed) if failed else 'none'}. Ratio = program / limit; memory = peak RSS of the "
        "process that did the work."
    )
    print(text)
    print(footer)
    (OUT / "summary.md").write_text(f"{text}\n\n{footer}\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
