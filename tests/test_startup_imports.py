"""Start-up imports only what it needs: the window module, the window at its first paint and
``resettle --help`` leave the heavy libraries (openpyxl, Jinja2, Alembic), the demo generator,
compensation and documents to the actions that use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_register

PROBE = "{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"


def modules_after(code: str) -> set[str]:
    """Module names loaded by a fresh interpreter after running ``code``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    loaded: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return set(loaded)


def loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_the_probe_sees_what_is_imported() -> None:
    modules = modules_after("import openpyxl, resettle.services.demo.generate")
    assert loaded(modules, "openpyxl") and loaded(modules, "resettle.services.demo.generate")
    assert not loaded(modules, "jinja2")


@pytest.fixture(scope="module")
def window_modules() -> set[str]:
    return modules_after("import ui.app")


@pytest.mark.parametrize("name", ["openpyxl", "jinja2", "alembic", "resettle.services.demo.generate"])
def test_the_window_module_does_not_import(window_modules: set[str], name: str) -> None:
    assert loaded(window_modules, "ui.main_window")  # the window itself is there
    assert not loaded(window_modules, name)


def cli_modules(*argv: str) -> tuple[set[str], str]:
    """Modules loaded by ``python -m resettle ARGV`` (and what it printed)."""
    code = (
        "import contextlib, io, runpy, sys\n"
        f"sys.argv = ['resettle', *{list(argv)!r}]\n"
        "out = io.StringIO()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(out):\n"
        "        runpy.run_module('resettle', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(out.getvalue()))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", "import json\n" + PROBE.format(code=code)], capture_output=True,
                          text=True, env=env, check=True, timeout=300)  # fmt: skip
    lines = proc.stdout.strip().splitlines()
    return set(json.loads(lines[-1])), str(json.loads(lines[-2]))


def test_cli_help_lists_every_command_without_importing_the_groups() -> None:
    from resettle.cli import COMMANDS

    modules, printed = cli_modules("--help")
    for name, (_group, help_text) in COMMANDS.items():
        assert name in printed and help_text[:8] in printed, name
    for name in ("openpyxl", "jinja2", "alembic", "resettle.cli.payments", "resettle.cli.register"):
        assert not loaded(modules, name), name


def test_a_command_imports_its_own_group_only() -> None:
    modules, printed = cli_modules("calendar", "--help")
    assert "add-days" in printed  # the group's own sub-commands
    assert loaded(modules, "resettle.cli.procedure")
    for name in ("resettle.cli.payments", "resettle.cli.housing", "resettle.cli.documents", "openpyxl", "jinja2"):
        assert not loaded(modules, name), name


def test_export_in_a_fresh_process_offers_the_kinds_other_groups_add() -> None:
    """``export roster`` once failed with "invalid choice" in a fresh process: the exchange group adds
    roster, disclosure and payments, and only the compensation group was imported for ``export``."""
    modules, printed = cli_modules("export", "--help")
    for kind in ("compensation", "roster", "disclosure", "payments"):
        assert kind in printed, kind
    assert loaded(modules, "resettle.cli.exchange")
    assert not loaded(modules, "resettle.cli.payments")


def test_the_command_table_is_what_the_groups_register() -> None:
    import argparse

    from resettle.cli import COMMANDS, build_parser

    full = build_parser(every_group=True)
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    registered = {a.dest: a.help for a in sub._choices_actions}
    assert registered == {name: help_text for name, (_group, help_text) in COMMANDS.items()}
    assert list(registered) == list(COMMANDS)  # the same order in --help
    for name in COMMANDS:  # each command's own group is the one registered for it (not a bare listing)
        parser = build_parser(name)
        chosen = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[name]
        assert len(chosen._actions) > 1, name


# -- the window at its first paint ------------------------------------------------------------------
# Both probes note the modules loaded when the register table first paints.
WATCH = """at_paint: list[str] = []


class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not at_paint:
            at_paint.extend(sorted(sys.modules))
        return False


"""
FIRST_PAINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings
import ui.app
from resettle.store.database import Database
from ui.main_window import MainWindow
from ui.ops import OpRunner

app = ui.app.build_app([])
db = Database.open(Path({path!r}), startup_backup=False)
assert ui.app.logged_in(db)
{watch}window = MainWindow(db, QSettings({prefs!r}, QSettings.Format.IniFormat), OpRunner())
watch = Watch()
window.table.viewport().installEventFilter(watch)
window.show()
while not at_paint:
    app.processEvents()
print(json.dumps([window.windowTitle(), window.model.rowCount(), at_paint]))
"""

# What the register window does not need to paint: the demo generator, compensation, documents,
# the workbook and template libraries, migrations (a current register is checked by reading its
# version, see resettle.store.migrate), the survey reader and the export writer, Qt's print support,
# and the four areas (their menus are added just after the first paint).
NOT_AT_FIRST_PAINT = [
    "resettle.services.demo.generate",
    "resettle.services.compensation",
    "resettle.domain.compensation",
    "resettle.services.documents",
    "resettle.documents.render",
    "resettle.documents.templates",
    "openpyxl",
    "jinja2",
    "alembic",
    "python_calamine",
    "xlsxwriter",
    "PySide6.QtPrintSupport",
    "ui.housing",
    "ui.livelihood",
    "ui.payments",
    "ui.procedure",
]


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> tuple[str, int, set[str]]:
    folder = tmp_path_factory.mktemp("first-paint")
    path = folder / "register.sqlite3"
    copy_register(demo_template, path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RESETTLE_DATA_DIR=str(folder / "userdata"))
    code = FIRST_PAINT.format(path=str(path), prefs=str(folder / "prefs.ini"), watch=WATCH)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=300
    )
    title, rows, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    return str(title), int(rows), set(modules)


def test_the_first_paint_shows_the_register(first_paint: tuple[str, int, set[str]]) -> None:
    title, rows, modules = first_paint
    assert rows == 60 and "征迁安置管理" in title  # the demo template's households, in a titled window
    assert loaded(modules, "ui.main_window") and loaded(modules, "ui.controllers.printing")


@pytest.mark.parametrize("name", NOT_AT_FIRST_PAINT)
def test_the_window_paints_without(first_paint: tuple[str, int, set[str]], name: str) -> None:
    assert not loaded(first_paint[2], name)


# -- the window as resettle-app starts it: painted from the register's first view ------------------
QUICK_PAINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings
import ui.app
from ui.ops import OpRunner

app = ui.app.build_app([])
window = ui.app.quick_window(Path({path!r}), QSettings({prefs!r}, QSettings.Format.IniFormat), OpRunner(),
                             startup_backup=False)
{watch}watch = Watch()
window.table.viewport().installEventFilter(watch)
window.show()
while not at_paint:
    app.processEvents()
ready = []
window.painted.connect(lambda: ready.append(window.store is not None))
while not ready:
    app.processEvents()
window.runner.wait()
print(json.dumps([window.windowTitle(), window.model.rowCount(), ready[0], at_paint]))
"""


@pytest.fixture(scope="module")
def quick_paint(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> tuple[str, int, bool, set[str]]:
    folder = tmp_path_factory.mktemp("quick-paint")
    path = folder / "register.sqlite3"
    copy_register(demo_template, path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RESETTLE_DATA_DIR=str(folder / "userdata"))
    code = QUICK_PAINT.format(path=str(path), prefs=str(folder / "prefs.ini"), watch=WATCH)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=300
    )
    title, rows, ready, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    return str(title), int(rows), bool(ready), set(modules)


@pytest.mark.sqlite_only  # the quick first view reads a register file itself (a server opens the store first)
def test_the_quick_first_paint_shows_the_register_then_opens_the_store(
    quick_paint: tuple[str, int, bool, set[str]],
) -> None:
    title, rows, ready, modules = quick_paint
    assert rows == 60 and "征迁安置管理" in title and ready
    assert loaded(modules, "ui.main_window") and loaded(modules, "ui.controllers.printing")


@pytest.mark.sqlite_only  # the quick first view reads a register file itself (a server opens the store first)
@pytest.mark.parametrize("name", [*NOT_AT_FIRST_PAINT, "sqlalchemy", "resettle.store.database", "argon2"])
def test_the_quick_first_paint_is_made_without(quick_paint: tuple[str, int, bool, set[str]], name: str) -> None:
    assert not loaded(quick_paint[3], name)
