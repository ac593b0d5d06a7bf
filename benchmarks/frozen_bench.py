"""The frozen program against the source run: folder size, and time to the window's first paint.

    python benchmarks/frozen_bench.py [--runs N] [--households N]

Builds ``dist/resettle`` first if it is missing or stale (``packaging/build.py``). Both runs
start the same entry script (``packaging/entry_app.py``: the frozen ``resettle-app``, or the
venv's Python on the source file) on the same database (``--db``), offscreen, and report the moment the
main window first paints (``RESETTLE_SMOKE_REPORT``); the time counted is from process start
to that paint. Runs alternate frozen/source so that load on the shared machine hits both
alike; the best and the median of N are printed, and the ratio frozen/source. The command
line is timed the same way (``households --limit 1``: start, open the database, print, exit).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import bench

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "dist" / "resettle"
EXE = ".exe" if sys.platform == "win32" else ""


def folder_size(folder: Path) -> tuple[int, int, dict[str, int]]:
    """Total bytes, number of files, bytes per top part (PySide6, the executables, the rest)."""
    total, count = 0, 0
    parts: dict[str, int] = defaultdict(int)
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            count += 1
            rel = path.relative_to(folder).parts
            key = rel[0] if len(rel) == 1 else rel[1] if rel[0] == "_internal" and len(rel) > 2 else "_internal (files)"
            parts[key] += size
    return total, count, dict(parts)


def env_for(data: Path, report: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RESETTLE_", "QT_"))}
    env |= {
        "RESETTLE_DATA_DIR": str(data),
        "XDG_CONFIG_HOME": str(data.parent / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "RESETTLE_SMOKE_REPORT": str(report),
    }
    return env


def first_paint(command: list[str], data: Path) -> float:
    report = data.parent / "report.json"
    report.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(
        [*command, "--db", str(data / "resettle.sqlite3")],
        env=env_for(data, report),
        check=True,
        timeout=300,
        capture_output=True,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["event"] == "painted", result
    return float(result["at"]) - started


def cli_run(command: list[str], data: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=env_for(data, data.parent / "unused.json"), check=True, timeout=300, capture_output=True
    )
    return time.perf_counter() - started


def summary(name: str, times: list[float]) -> str:
    return f"{name:<8} best {min(times):6.2f} s   median {statistics.median(times):6.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--households", type=int, default=300, help="demo households in the database opened")
    args = parser.parse_args()
    subprocess.run([sys.executable, str(REPO / "packaging" / "build.py")], check=True)

    total, count, parts = folder_size(DIST)
    print(f"one-folder build {DIST}: {total / 2**20:.1f} MiB in {count} files")
    for key, size in sorted(parts.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {key:<28} {size / 2**20:7.1f} MiB")

    frozen_app = [str(DIST / f"resettle-app{EXE}")]
    source_app = [sys.executable, str(REPO / "packaging" / "entry_app.py")]
    frozen_cli = [str(DIST / f"resettle{EXE}"), "households", "--limit", "1"]
    source_cli = [sys.executable, "-c", "import sys; from resettle.cli import main; sys.exit(main())"]
    source_cli += ["households", "--limit", "1"]
    with tempfile.TemporaryDirectory(prefix="resettle-bench-") as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [str(DIST / f"resettle{EXE}"), "demo", "--households", str(args.households)],
            env=env_for(data, Path(tmp) / "unused.json"),
            check=True,
            capture_output=True,
        )
        first_paint(frozen_app, data)  # warm the file cache for both: the first start reads from disk
        first_paint(source_app, data)
        paint: dict[str, list[float]] = {"frozen": [], "source": []}
        cli: dict[str, list[float]] = {"frozen": [], "source": []}
        for _ in range(args.runs):
            paint["frozen"].append(first_paint(frozen_app, data))
            paint["source"].append(first_paint(source_app, data))
            cli["frozen"].append(cli_run(frozen_cli, data))
            cli["source"].append(cli_run(source_cli, data))
    print(f"\nwindow: process start to first paint ({args.households} households, offscreen, {args.runs} runs)")
    for name, times in paint.items():
        print("  " + summary(name, times))
    ratio = statistics.median(paint["frozen"]) / statistics.median(paint["source"])
    print(f"  ratio frozen/source (median): {ratio:.2f}")
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    bench(f"frozen window start to first paint vs source ({args.households} households)",
          statistics.median(paint["frozen"]), statistics.median(paint["source"]), memory_mb=child_mb)  # fmt: skip
    print(f"\ncommand line: households --limit 1, start to exit ({args.runs} runs)")
    for name, times in cli.items():
        print("  " + summary(name, times))
    print(f"  ratio frozen/source (median): {statistics.median(cli['frozen']) / statistics.median(cli['source']):.2f}")
    bench("frozen CLI households --limit 1 vs source", statistics.median(cli["frozen"]),
          statistics.median(cli["source"]), memory_mb=child_mb)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
