"""Frozen smoke test: the built program does a clerk's day, offscreen, without the source tree.

    python packaging/smoke_test.py [DIST_FOLDER] [--shared DATA] [--work DIR]

DIST_FOLDER is the one-folder build (default ``dist/resettle``); DATA holds
``sample_survey_clean.xlsx`` and its ``.truth.json`` (default ``../shared/data`` beside the
checkout; ``--no-sample`` computes and prints the demo's project instead, for a build machine
without the shared data). Only the frozen executables do the work; this script (run by the development
Python, with pypdf) prepares files and checks results:

1. the folder holds both programs, the resources, the migrations, the Qt plugins and
   translations the program loads, and no font;
2. the command line creates a database, runs the demo, imports the sample survey into a
   new project, imports and publishes the sample rate table shipped in the folder, computes,
   (the office's details are filled in, as a clerk does once in the window's settings),
   prints a notice to PDF (text, household, masked ID and the verification code checked with
   pypdf; the fonts embedded are the system's Chinese fonts) and verifies the code;
3. the window opens that database offscreen (``--db``) and paints (``packaging/entry_app.py`` reports
   the first paint and quits), exit code 0;
4. a database left by an older version (the first schema revision) is backed up and
   upgraded, by the command line and by the window;
5. a database from a newer version is refused with a message and left unchanged, by the
   command line (exit 1) and by the window (its message box, exit 1).

``tests/packaging/test_frozen.py`` runs the same checks under pytest; the Windows workflow
runs this script on the Windows build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

WINDOWS = sys.platform == "win32"
SAMPLE = "sample_survey_clean.xlsx"
PROJECT = "样例项目"
DEMO_SEED = "20261201"  # the demo's default seed shares ID numbers with the sample survey
NEWER_REVISION = "ffff_from_the_future"
CLI_TIMEOUT = 300
APP_TIMEOUT = 180


class SmokeFailure(AssertionError):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def default_shared() -> Path:
    return REPO.parent / "shared" / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def flat(text: str) -> str:
    """PDF text as compared: NFKC (pypdf returns Kangxi radicals such as ⼾ for 户), no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Frozen:
    """The one-folder build and a scratch folder; every call gets its own data and settings folders."""

    folder: Path
    work: Path

    def exe(self, name: str) -> Path:
        return self.folder / (name + (".exe" if WINDOWS else ""))

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"

    def env(self, data: Path, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RESETTLE_", "QT_"))}
        env["RESETTLE_DATA_DIR"] = str(data)
        env["XDG_CONFIG_HOME"] = str(data.parent / f"{data.name}-config")  # QSettings on Linux
        env.update(extra)
        return env

    def cli(self, data: Path, *args: str, expect_code: int = 0) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(self.exe("resettle")), *args],
            env=self.env(data),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=CLI_TIMEOUT,
            cwd=self.work,
        )
        expect(
            done.returncode == expect_code,
            f"resettle {' '.join(args)}: exit {done.returncode}, expected {expect_code}\n"
            f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-2000:]}",
        )
        return done

    def cli_json(self, data: Path, *args: str) -> Any:
        done = self.cli(data, *args, "--json")
        return json.loads(done.stdout)

    def app(self, data: Path, db: Path, shot: Path | None = None) -> tuple[int, dict[str, Any], float]:
        """Start the window offscreen on ``db`` (``--db``, as the .sqlite3 association does);
        (exit code, its smoke report, seconds from start to report)."""
        report = data.parent / f"{data.name}-report.json"
        report.unlink(missing_ok=True)
        extra = {"QT_QPA_PLATFORM": "offscreen", "RESETTLE_SMOKE_REPORT": str(report)}
        if WINDOWS:  # Qt's offscreen platform on Windows reads fonts only from this folder
            extra["QT_QPA_FONTDIR"] = str(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        if shot is not None:
            extra["RESETTLE_SMOKE_SHOT"] = str(shot)
        started = time.time()
        done = subprocess.run(
            [str(self.exe("resettle-app")), "--db", str(db)],
            env=self.env(data, **extra),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=APP_TIMEOUT,
            cwd=self.work,
        )
        expect(report.is_file(), f"the window wrote no report (exit {done.returncode}):\n{done.stderr[-3000:]}")
        result = json.loads(report.read_text(encoding="utf-8"))
        return done.returncode, result, float(result["at"]) - started

    def data_dir(self, name: str) -> Path:
        path = self.work / name
        path.mkdir(parents=True, exist_ok=False)
        return path


# -- 1. the folder ---------------------------------------------------------------------------


def check_bundle(frozen: Frozen) -> list[str]:
    """What the folder must hold; returns the files checked."""
    root = frozen.internal
    expect(frozen.exe("resettle").is_file() and frozen.exe("resettle-app").is_file(), "an executable is missing")
    found = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    required = [
        *(f"resources/templates/{n}" for n in ("notice.html", "agreement.html", "disclosure.html", "voucher.html")),
        "resources/translations/resettle_en.qm",
        "resources/translations/qtbase_extra_zh_CN.qm",
        "resources/samples/rates_sample.xlsx",
        "resettle/store/migrations/env.py",
    ]
    for name in required:
        expect(name in found, f"{name} is not in the folder")
    expect(any(re.fullmatch(r"resettle/store/migrations/versions/0001_.*\.py", n) for n in found), "migrations missing")
    plugins = {
        Path(n).parent.name + "/" + Path(n).name.split(".")[0].removeprefix("lib") for n in found if "/plugins/" in n
    }
    wanted = {"platforms/qoffscreen", "platforms/qminimal", "imageformats/qjpeg", "imageformats/qico"}
    # Linux prints through CUPS (a plugin); Qt 6 on Windows has its printer support built in.
    wanted |= {"platforms/qwindows"} if WINDOWS else {"platforms/qxcb", "printsupport/cupsprintersupport"}
    for plugin in sorted(wanted):
        expect(plugin in plugins, f"Qt plugin {plugin} is not in the folder (have: {sorted(plugins)})")
    expect(any(n.endswith("/qtbase_zh_CN.qm") for n in found), "Qt's Chinese translation (qtbase_zh_CN.qm) is missing")
    fonts = sorted(n for n in found if n.lower().endswith((".ttf", ".ttc", ".otf", ".otc")))
    expect(not fonts, f"fonts are bundled (the system's are to be used): {fonts[:5]}")
    return sorted(required)


# -- 2. the command line ---------------------------------------------------------------------


@dataclass(frozen=True)
class CliFlow:
    data: Path
    db: Path
    pdf: Path
    code: str
    households: int
    grand_total: Decimal


def embedded_fonts(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(pdf).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont", "")).lstrip("/"))
    return names


def pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return flat("".join(page.extract_text() for page in PdfReader(pdf).pages))


def office_details(db: Path) -> None:
    """The office's details a numbered notice needs (征迁办, 电话, 签约地点). A clerk types them once
    in 工具 → 设置 → 乡镇信息; the command line has no command for them, so the source tree's
    settings service (the same code the window calls) saves them, through the audited ORM."""
    from resettle.services.demo.generate import demo_township
    from resettle.store.database import Database

    with Database.open(db, startup_backup=False) as database:
        demo_township(database)


def cli_flow(frozen: Frozen, shared: Path | None) -> CliFlow:
    """The day's work. ``shared`` None (the sample survey is not at hand, as on a build machine
    without the shared data): the demo's own project is computed and printed instead."""
    from resettle.documents.fonts import HEI_FAMILIES, SONG_FAMILIES

    data = frozen.data_dir("day")
    db = data / "resettle.sqlite3"
    frozen.cli(data, "demo", "--households", "30", "--seed", DEMO_SEED)
    expect(db.is_file(), f"the demo created no database at {db}")
    frozen.cli(data, "check")

    truth: dict[str, Any] | None = None
    project = "1"  # the demo's project (名称或编号)
    if shared is not None:
        sample = shared / SAMPLE
        truth = json.loads(sample.with_name("sample_survey_clean.truth.json").read_text(encoding="utf-8"))
        imported = frozen.cli_json(data, "import", str(sample), "--project", PROJECT)
        expect(imported["errors"] == [], f"the sample survey did not import cleanly: {imported['errors'][:3]}")
        expect(imported["households"] == truth["households"], f"imported {imported['households']} households")
        expect(imported["persons"] == truth["members"], f"imported {imported['persons']} persons")
        project = PROJECT

    rates = frozen.internal / "resources" / "samples" / "rates_sample.xlsx"
    frozen.cli(data, "rates", "import", str(rates), "--publish", "--project", project)
    computed = frozen.cli_json(data, "compute", "--project", project)
    expected_households = truth["households"] if truth else 30
    expect(computed["households"] == expected_households, f"computed {computed['households']} households")
    total = Decimal(computed["grand_total"])
    expect(total > 0, f"the grand total is {total}")

    listed = frozen.cli_json(data, "households", "--project", project, "--limit", "1")
    household = listed["households"][0]
    number, head_name = household["household_no"], household["head"]
    head_id = next(p["id_number"] for p in household["persons"] if p["name"] == head_name)
    if truth is not None:
        first = truth["records"][0]
        expect((number, head_name) == (first["household_no"], first["head"]), f"first household {number} {head_name}")
        expect(head_id == first["ids"][0], f"ID of {head_name} is {head_id}")

    office_details(db)
    pdf = frozen.work / "通知书.pdf"
    frozen.cli(data, "print", "notice", str(pdf), "--project", project, "--household", number)
    text = pdf_text(pdf)
    for part in ("补偿安置通知书", number, head_name, f"{head_id[:6]}********{head_id[-4:]}"):
        expect(part in text, f"the notice does not show {part!r}")
    expect(head_id not in text, "the notice shows a full ID number")
    codes = re.findall(r"校验码([0-9A-Z]{5}-[0-9A-Z]{5})", text)
    expect(codes, "the notice carries no verification code")
    known = {re.sub(r"[^a-z]", "", f.lower()) for f in (*SONG_FAMILIES, *HEI_FAMILIES)}
    fonts = embedded_fonts(pdf)
    chinese = {f for f in fonts if any(k and k in re.sub(r"[^a-z]", "", f.split("+")[-1].lower()) for k in known)}
    expect(chinese, f"the notice embeds no known Chinese font: {sorted(fonts)}")

    verified = frozen.cli(data, "verify", codes[0])
    expect(number in verified.stdout, f"verify does not name the household:\n{verified.stdout}")
    return CliFlow(data=data, db=db, pdf=pdf, code=codes[0], households=expected_households, grand_total=total)


# -- 3. the window ---------------------------------------------------------------------------


def window_opens(frozen: Frozen, data: Path, db: Path, shot: Path | None = None) -> dict[str, Any]:
    code, report, _ = frozen.app(data, db, shot)
    expect(report["event"] == "painted", f"the window did not paint: {report}")
    expect(code == 0, f"the window exited {code}")
    expect(report["frozen"] is True, "the window ran from source, not frozen")
    expect("征迁安置管理" in report["title"], f"window title {report['title']!r}")
    expect(Path(report["resources"]).resolve() == (frozen.internal / "resources").resolve(), report["resources"])
    expect(report["utf8_mode"] == 1, "the frozen program does not run in UTF-8 mode")
    return report


# -- 4./5. databases from other versions --------------------------------------------------------


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def old_register(path: Path) -> str:
    """A register as the first released schema left it (revision 0001), with one household.

    Made with Alembic from the source tree's migrations, stopped at the oldest revision."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from resettle.store.engine import make_engine
    from resettle.store.migrate import alembic_config

    oldest = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())[-1].revision
    engine = make_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            command.upgrade(alembic_config(connection), oldest)
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO project (id, name, approval_no, remarks, version, seal) VALUES (1, '老项目', '', '', 1, '');
        INSERT INTO village (id, project_id, name, version, seal) VALUES (1, 1, '东岗村', 1, '');
        INSERT INTO village_group (id, village_id, name, version, seal) VALUES (1, 1, '一组', 1, '');
        INSERT INTO household (id, project_id, group_id, household_no, head_name, head_initials, phone, address,
            bank_name, bank_account, tags, status, remarks, version, seal)
            VALUES (1, 1, 1, 'DG01001', '张三', 'zs', '', '', '', '', '', '已调查', '', 1, '');
        """
    )
    conn.commit()
    conn.close()
    return oldest


def head() -> str:
    from resettle.store.migrate import head_revision

    return head_revision()


def expect_upgraded(path: Path, oldest: str) -> None:
    from resettle.store.backup import list_backups

    expect(revision_of(path) == head(), f"{path.name} is at {revision_of(path)}, not {head()}")
    saved = [b for b in list_backups(path) if b.reason == "before-migration"]
    expect(len(saved) == 1, f"no backup before the migration: {list_backups(path)}")
    expect(revision_of(saved[0].path) == oldest, "the backup is not the file as it was")


def old_database_by_cli(frozen: Frozen) -> None:
    data = frozen.data_dir("old-cli")
    path = data / "旧版本.sqlite3"
    oldest = old_register(path)
    listed = frozen.cli_json(data, "households", "--db", str(path))
    expect([h["household_no"] for h in listed["households"]] == ["DG01001"], f"after the upgrade: {listed}")
    expect_upgraded(path, oldest)


def old_database_by_window(frozen: Frozen) -> None:
    data = frozen.data_dir("old-window")
    path = data / "旧版本.sqlite3"
    oldest = old_register(path)
    window_opens(frozen, data, path)
    expect_upgraded(path, oldest)


def newer_register(frozen: Frozen, data: Path, path: Path) -> str:
    frozen.cli(data, "check", "--db", str(path))  # creates it at the current revision
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (NEWER_REVISION,))
    conn.commit()
    conn.close()
    return sha256(path)


def newer_database_by_cli(frozen: Frozen) -> str:
    data = frozen.data_dir("newer-cli")
    path = data / "新版本.sqlite3"
    before = newer_register(frozen, data, path)
    refused = frozen.cli(data, "households", "--db", str(path), expect_code=1)
    expect("更新版本" in refused.stderr, f"no clear message: {refused.stderr!r}")
    expect(sha256(path) == before and revision_of(path) == NEWER_REVISION, "the newer file was changed")
    return refused.stderr.strip()


def newer_database_by_window(frozen: Frozen) -> str:
    data = frozen.data_dir("newer-window")
    path = data / "新版本.sqlite3"
    before = newer_register(frozen, data, path)
    code, report, _ = frozen.app(data, path)
    expect(report["event"] == "message", f"the window did not refuse the file: {report}")
    expect("更新版本" in report["text"], f"unclear message: {report['text']!r}")
    expect(code == 1, f"the window exited {code} after refusing")
    expect(sha256(path) == before and revision_of(path) == NEWER_REVISION, "the newer file was changed")
    return str(report["text"])


# -- running it ------------------------------------------------------------------------------


def run_all(folder: Path, shared: Path | None, work: Path) -> int:
    frozen = Frozen(folder=folder.resolve(), work=work)
    steps: list[tuple[str, Callable[[], object]]] = []
    flow: list[CliFlow] = []
    steps.append(("bundle holds resources, migrations, Qt plugins, no font", lambda: check_bundle(frozen)))
    steps.append(
        ("CLI: database, demo, import, rates, compute, print, verify", lambda: flow.append(cli_flow(frozen, shared)))
    )
    steps.append(
        (
            "window opens the database offscreen",
            lambda: window_opens(frozen, flow[0].data, flow[0].db, work / "window.png"),
        )
    )
    steps.append(("older database upgraded after a backup (CLI)", lambda: old_database_by_cli(frozen)))
    steps.append(("older database upgraded after a backup (window)", lambda: old_database_by_window(frozen)))
    steps.append(("newer database refused (CLI)", lambda: newer_database_by_cli(frozen)))
    steps.append(("newer database refused (window)", lambda: newer_database_by_window(frozen)))
    failed = 0
    for title, step in steps:
        started = time.perf_counter()
        try:
            step()
        except Exception as exc:  # report every step, then fail
            failed += 1
            print(f"FAIL {title}: {exc}", flush=True)
        else:
            print(f"ok   {title} ({time.perf_counter() - started:.1f} s)", flush=True)
    print(f"{len(steps) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO / "dist" / "resettle")
    parser.add_argument("--shared", type=Path, default=default_shared(), help="folder with the sample survey")
    parser.add_argument(
        "--no-sample", action="store_true", help="without the sample survey: compute and print the demo project"
    )
    parser.add_argument("--work", type=Path, help="scratch folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    shared = None if args.no_sample else args.shared
    if shared is not None and not (shared / SAMPLE).is_file():
        parser.error(f"{shared / SAMPLE} not found: give --shared DATA, or --no-sample")
    if args.work:
        if args.work.exists():
            shutil.rmtree(args.work)
        args.work.mkdir(parents=True)
        return run_all(args.folder, shared, args.work.resolve())
    with tempfile.TemporaryDirectory(prefix="resettle-smoke-") as tmp:
        return run_all(args.folder, shared, Path(tmp))


if __name__ == "__main__":
    raise SystemExit(main())
