"""What can be checked on Linux of the Windows build: the spec's executables, the Inno Setup
script and the workflow agree with each other and with the program (neither runs here)."""

from __future__ import annotations

import ast
import os
import re
import sys
from pathlib import Path

import platformdirs
import pytest

from ui.app import parse_arguments

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "packaging" / "windows" / "resettle.iss"
WORKFLOW = REPO / ".github" / "workflows" / "windows-installer.yml"


def executables() -> dict[str, dict[str, object]]:
    """EXE(...) calls of the spec: name -> its literal keyword arguments."""
    found: dict[str, dict[str, object]] = {}
    for node in ast.walk(ast.parse((REPO / "packaging" / "resettle.spec").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "EXE":
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if isinstance(k.value, ast.Constant)}
            found[str(kwargs["name"])] = kwargs
    return found


def iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese text right only from UTF-8 with a BOM"
    return raw[3:].decode("utf-8")


def iss_section(name: str) -> list[str]:
    lines, inside = [], False
    for line in iss_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            inside = stripped == f"[{name}]"
            continue
        if inside and stripped and not stripped.startswith(";"):
            lines.append(stripped)
    return lines


def setup_value(key: str) -> str:
    for line in iss_section("Setup"):
        if line.split("=", 1)[0].strip() == key:
            return line.split("=", 1)[1].strip()
    raise AssertionError(f"[Setup] has no {key}")


def test_the_window_has_no_console_and_the_command_line_has_one() -> None:
    exes = executables()
    assert set(exes) == {"resettle-app", "resettle"}
    assert exes["resettle-app"]["console"] is False
    assert exes["resettle"]["console"] is True


def test_the_installer_is_per_user_and_installs_the_built_folder() -> None:
    assert setup_value("PrivilegesRequired") == "lowest"
    assert "{autopf}" in setup_value("DefaultDirName")
    (files,) = iss_section("Files")
    assert 'Source: "{#SourceDir}\\*"' in files and "recursesubdirs" in files
    assert '#define SourceDir "..\\..\\dist\\resettle"' in iss_text()
    assert (ISS.parent / "../../dist/resettle").resolve() == REPO / "dist" / "resettle"


def test_shortcuts_and_the_association_start_the_built_executables() -> None:
    text = iss_text()
    names = dict(re.findall(r'#define (AppExe|CliExe) "([^"]+)"', text))
    assert {names["AppExe"], names["CliExe"]} == {f"{n}.exe" for n in executables()}
    icons = iss_section("Icons")
    assert any(line.startswith('Name: "{group}\\') and "{#AppExe}" in line for line in icons), "no Start-menu entry"
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons), "no desktop shortcut"
    command = next(line for line in iss_section("Registry") if "shell\\open\\command" in line)
    assert "Tasks: associate" in command
    assert '--db ""%1""' in command
    # the window accepts what the association passes
    assert parse_arguments(["resettle-app", "--db", r"C:\登记册\东岗村.sqlite3"]).db == Path(
        r"C:\登记册\东岗村.sqlite3"
    )
    assert "Flags: unchecked" in next(line for line in iss_section("Tasks") if line.startswith('Name: "associate"'))


@pytest.mark.parametrize("section", ["UninstallDelete", "InstallDelete"])
def test_neither_install_nor_uninstall_deletes_outside_the_program_folder(section: str) -> None:
    for line in iss_section(section):
        target = re.search(r'Name: "([^"]+)"', line)
        assert target is not None
        assert target.group(1).startswith("{app}\\"), line


def test_the_data_folder_is_not_inside_the_program_folder() -> None:
    """The program keeps data in platformdirs' user data folder (%LOCALAPPDATA%\\Resettle on
    Windows); the installer puts the program in {autopf}\\Resettle (%LOCALAPPDATA%\\Programs\\...)."""
    data = platformdirs.user_data_dir("Resettle", appauthor=False)
    assert Path(data).name == "Resettle"
    assert setup_value("DefaultDirName") == "{autopf}\\Resettle"
    directives = [line for line in iss_text().lower().splitlines() if not line.lstrip().startswith(";")]
    for folder in ("{localappdata}", "{userappdata}", "{app}\\..", "resettle\\resettle.sqlite3"):
        assert not any(folder in line for line in directives), f"the installer names {folder}"


def test_the_workflow_builds_smoke_tests_and_makes_the_installer() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows" in text
    for step in ("packaging/build.py", "packaging/smoke_test.py", "packaging\\windows\\resettle.iss", ".[package]"):
        assert step in text, step
    assert "/CURRENTUSER" in text and "unins000.exe" in text


def test_the_frozen_command_line_prints_with_the_windows_font_database_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Qt's offscreen platform on Windows reads no system font; the CLI entry asks for 'windows'."""
    import importlib.util

    import resettle.cli

    spec = importlib.util.spec_from_file_location("resettle_entry_cli", REPO / "packaging" / "entry_cli.py")
    assert spec is not None and spec.loader is not None
    entry = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(entry)
    seen: list[str | None] = []
    monkeypatch.setattr(resettle.cli, "main", lambda: seen.append(os.environ.get("QT_QPA_PLATFORM")) or 0)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert entry.main() == 0
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert entry.main() == 0
    assert seen == ["windows", None]  # on Linux resettle/documents/fonts.py picks offscreen itself
