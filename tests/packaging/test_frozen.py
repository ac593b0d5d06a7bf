"""The frozen program, built by PyInstaller, does a clerk's work (``packaging/smoke_test.py``).

The one-folder build (``dist/resettle``) is made once by ``packaging/build.py`` and reused
while nothing it is built from changed. Skipped when PyInstaller is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from resettle.store.dialects import testmap

if importlib.util.find_spec("PyInstaller") is None:
    pytest.skip(
        "PyInstaller is not installed (pip install -e '.[dev]' or '.[package]'): the frozen build is not tested",
        allow_module_level=True,
    )

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def load(name: str) -> ModuleType:
    """A script of packaging/ as a module (packaging/ is no package: the name belongs to PyPI's)."""
    spec = importlib.util.spec_from_file_location(f"resettle_packaging_{name}", REPO / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


smoke = load("smoke_test")


@pytest.fixture(scope="module", autouse=True)
def _on_register_files() -> Iterator[None]:
    """The frozen program is driven on register files, which the smoke test also reads with sqlite3;
    in the PostgreSQL run it works on files too (the server path is the same code, tested elsewhere)."""
    url = os.environ.pop(testmap.ENV, None)
    yield
    if url is not None:
        os.environ[testmap.ENV] = url


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Any:
    subprocess.run([sys.executable, str(REPO / "packaging" / "build.py")], check=True, cwd=REPO, timeout=1800)
    return smoke.Frozen(folder=REPO / "dist" / "resettle", work=tmp_path_factory.mktemp("frozen"))


@pytest.fixture(scope="module")
def shared() -> Path:
    folder: Path = smoke.default_shared()
    assert (folder / smoke.SAMPLE).is_file(), f"the sample survey is expected at {folder / smoke.SAMPLE}"
    return folder


@pytest.fixture(scope="module")
def day(frozen: Any, shared: Path) -> Iterator[Any]:
    yield smoke.cli_flow(frozen, shared)


def test_the_folder_holds_what_the_program_loads_and_no_font(frozen: Any) -> None:
    checked = smoke.check_bundle(frozen)
    assert "resources/templates/notice.html" in checked


def test_the_frozen_command_line_does_a_day_of_work(day: Any) -> None:
    assert day.households > 0
    assert day.grand_total > 0
    assert day.pdf.stat().st_size > 0


def test_the_frozen_notice_uses_the_chinese_font_the_program_chooses_on_this_machine(day: Any) -> None:
    from resettle.documents.fonts import resolve_fonts

    fonts = {f.split("+")[-1].replace("-", "").lower() for f in smoke.embedded_fonts(day.pdf)}
    body = resolve_fonts().body.replace(" ", "").lower()
    assert any(f.startswith(body) for f in fonts), (body, fonts)


def test_the_frozen_window_opens_the_database_offscreen(frozen: Any, day: Any, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    report = smoke.window_opens(frozen, day.data, day.db, shot)
    assert report["platform"] == "offscreen"
    assert shot.stat().st_size > 0


def test_an_older_database_is_backed_up_and_upgraded_by_the_command_line(frozen: Any) -> None:
    smoke.old_database_by_cli(frozen)


def test_an_older_database_is_backed_up_and_upgraded_by_the_window(frozen: Any) -> None:
    smoke.old_database_by_window(frozen)


def test_a_newer_database_is_refused_by_the_command_line(frozen: Any) -> None:
    message = smoke.newer_database_by_cli(frozen)
    assert "请升级程序" in message


def test_a_newer_database_is_refused_by_the_window(frozen: Any) -> None:
    message = smoke.newer_database_by_window(frozen)
    assert "请升级程序" in message
