"""Start-up imports only what it needs: the window module and ``resettle --help`` leave the heavy
libraries (openpyxl, Jinja2, Alembic) and the demo generator to the actions that use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

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


def test_cli_help_does_not_import_the_workbook_and_template_libraries() -> None:
    code = (  # python -m resettle --help
        "import runpy, sys\n"
        "sys.argv = ['resettle', '--help']\n"
        "try:\n"
        "    runpy.run_module('resettle', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass"
    )
    modules = modules_after(code)
    assert loaded(modules, "resettle.cli.payments")  # every group registered its commands
    for name in ("openpyxl", "jinja2"):
        assert not loaded(modules, name), name
