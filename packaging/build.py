"""Build the one-folder program (``dist/resettle/``) with PyInstaller, unless it is current.

    python packaging/build.py [--force] [--dist DIR] [--work DIR]

``make package`` and the frozen tests call this. A build is current when nothing it is made
from changed: the spec, the hooks and entry scripts, every source file of ``resettle/`` and
``ui/``, the resources, ``pyproject.toml``, and the versions of Python, PyInstaller and
PySide6. Their fingerprint is written beside the folder (``dist/resettle.fingerprint``), so
that ``make test`` after ``make package`` does not build a second time.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "resettle.spec"
NAME = "resettle"
INPUTS = (
    ("packaging", "resettle.spec"),
    ("packaging", "entry_*.py"),
    ("packaging/hooks", "*.py"),
    ("resettle", "**/*.py"),
    ("resettle/store/migrations", "*.mako"),
    ("ui", "**/*.py"),
    ("resources", "**/*"),
    (".", "pyproject.toml"),
)


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(f"python {sys.version}\n".encode())
    for dist in ("pyinstaller", "PySide6-Essentials", "SQLAlchemy", "alembic"):
        digest.update(f"{dist} {_version(dist)}\n".encode())
    files: set[Path] = set()
    for folder, pattern in INPUTS:
        files.update(p for p in (REPO / folder).glob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def stamp_path(dist: Path) -> Path:
    return dist / f"{NAME}.fingerprint"


def executable(folder: Path, name: str) -> Path:
    return folder / (name + (".exe" if sys.platform == "win32" else ""))


def is_current(dist: Path) -> bool:
    folder = dist / NAME
    stamp = stamp_path(dist)
    if not (executable(folder, "resettle").is_file() and executable(folder, "resettle-app").is_file()):
        return False
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint()


@contextmanager
def build_lock(dist: Path) -> Iterator[None]:
    """One build at a time into ``dist`` (two test runs on one machine would otherwise write the
    same folder at once); a second caller waits and then finds the folder current."""
    dist.mkdir(parents=True, exist_ok=True)
    with open(dist / f"{NAME}.build-lock", "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build(dist: Path, work: Path, force: bool = False) -> Path:
    """The built folder; PyInstaller runs only when the folder is missing or stale (or ``force``)."""
    with build_lock(dist):
        return _build(dist, work, force)


def _build(dist: Path, work: Path, force: bool) -> Path:
    folder = dist / NAME
    if not force and is_current(dist):
        print(f"{folder} is current (nothing it is built from changed)")
        return folder
    stamp_path(dist).unlink(missing_ok=True)
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) or "pyinstaller"
    command = [
        pyinstaller,
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    started = time.perf_counter()
    # Hash before building: a source edited during the build makes the next call build again.
    expected = fingerprint()
    subprocess.run(command, cwd=REPO, check=True)
    stamp_path(dist).write_text(expected + "\n", encoding="utf-8")
    print(f"built {folder} in {time.perf_counter() - started:.0f} s")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even when the folder is current")
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build")
    args = parser.parse_args(argv)
    build(args.dist.resolve(), args.work.resolve(), force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
