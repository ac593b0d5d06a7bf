"""The spec's data list equals what the program loads at run time (checked without PyInstaller).

The spec (``packaging/resettle.spec``) lists every file the frozen program reads in ``DATAS``.
Here that list is read from the spec's text, a bundle is laid out from it alone in tmp_path,
and the program is made to believe it is frozen there (``sys._MEIPASS``): it must open a
database (migrations), find every document template, the translation, the sample rate table
and the holiday tables, and nothing under ``resources/`` may be left out of the list.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from resettle import paths_resources
from resettle.documents.kinds import DocumentKind, kind_of
from resettle.documents.templates import default_template, make_environment
from resettle.io.rate_workbook import read_rate_workbook
from resettle.paths_resources import bundle_root, migrations_path, resource_path, resources_root
from resettle.store import migrate as migrate_module
from resettle.store.database import Database
from resettle.store.migrate import MigrationOutcome, head_revision
from tests.conftest import CLERK

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "resettle.spec"
SOURCE_ONLY = {".ts"}  # translation sources: lrelease makes the .qm the program loads


def spec_datas() -> list[tuple[str, str, bool]]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "DATAS" for t in node.targets):
            return [tuple(entry) for entry in ast.literal_eval(node.value)]  # type: ignore[misc]
    raise AssertionError("the spec has no DATAS list")


def files_of(pattern: str) -> set[Path]:
    return {p for p in REPO.glob(pattern) if p.is_file() and "__pycache__" not in p.parts}


def listed() -> dict[Path, str]:
    """Checkout file -> its folder in the bundle, as the spec collects them."""
    found: dict[Path, str] = {}
    for pattern, dest, _required in spec_datas():
        for path in files_of(pattern):
            found[path] = dest
    return found


def shipped_sources() -> set[Path]:
    """What the program may read: every file under resources/ and the Alembic script folder."""
    resources = {p for p in files_of("resources/**/*") if p.suffix not in SOURCE_ONLY}
    migrations = files_of("resettle/store/migrations/**/*")
    return resources | migrations


def test_every_entry_of_the_spec_lands_where_the_helper_looks() -> None:
    for pattern, dest, required in spec_datas():
        source_folder = Path(pattern).parent.as_posix()
        assert dest == source_folder, f"{pattern} goes to {dest}: the helper looks in {source_folder}"
        if required:
            assert files_of(pattern), f"the spec requires {pattern}, and nothing matches"


def test_the_spec_lists_every_file_the_program_may_read_and_nothing_else() -> None:
    collected = set(listed())
    assert shipped_sources() - collected == set(), "files the frozen program would miss"
    assert collected - shipped_sources() == set(), "files collected that the program never reads"


def test_every_folder_the_code_asks_the_helper_for_is_collected() -> None:
    """Each literal ``resource_path("folder", ...)`` in resettle/ and ui/ names a folder in the spec."""
    folders = {Path(dest).parts[1] for _, dest, _ in spec_datas() if dest.startswith("resources/")}
    asked: dict[str, str] = {}
    for path in [*REPO.glob("resettle/**/*.py"), *REPO.glob("ui/**/*.py")]:
        for match in re.finditer(r"resource_path\(\s*[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8")):
            asked[match.group(1)] = str(path.relative_to(REPO))
    assert asked, "no call of resource_path found: the scan is broken"
    missing = {folder: where for folder, where in asked.items() if folder not in folders}
    assert missing == {}, "the code reads folders the spec does not collect"


def test_no_module_finds_its_files_through_its_own_location() -> None:
    """Rule 8 of the architecture: one helper for every path to a resource (it alone knows frozen)."""
    helper = REPO / "resettle" / "paths_resources.py"
    offenders = [
        str(path.relative_to(REPO))
        for path in [*REPO.glob("resettle/**/*.py"), *REPO.glob("ui/**/*.py")]
        if path != helper and "migrations" not in path.parts and "__file__" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


@pytest.fixture
def staged_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder laid out from the spec's DATAS alone; the program believes it is frozen there."""
    root = tmp_path / "bundle" / "_internal"
    for source, dest in listed().items():
        target = root / dest / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    monkeypatch.setattr(migrate_module, "MIGRATIONS", migrations_path())
    return root


def test_the_helper_resolves_into_the_frozen_folder(staged_bundle: Path) -> None:
    assert bundle_root() == staged_bundle
    assert resources_root() == staged_bundle / "resources"
    assert staged_bundle / "resettle" / "store" / "migrations" == migrate_module.MIGRATIONS


def test_the_program_runs_from_a_bundle_made_from_the_spec_alone(staged_bundle: Path, tmp_path: Path) -> None:
    # migrations: a new file is created at the head revision from the staged scripts
    with Database.open(tmp_path / "new.sqlite3", actor=CLERK, startup_backup=False) as db:
        assert db.migration is MigrationOutcome.CREATED
    assert head_revision() == migrate_module.head_revision()
    # every document template, found and compiled from the staged folder
    environment = make_environment()
    for kind in DocumentKind:
        path = default_template(kind)
        assert path.is_file() and path.is_relative_to(staged_bundle), kind
        environment.get_template(kind_of(kind).template)
    # the translation the window installs for English
    assert QTranslator().load(str(resource_path("translations", "resettle_en.qm")))
    # the sample rate table the README and the smoke test import
    assert read_rate_workbook(resource_path("samples", "rates_sample.xlsx")).table.rules


def test_holiday_tables_are_read_from_the_bundle(staged_bundle: Path) -> None:
    source = sorted((REPO / "resources" / "holidays").glob("*.csv"))
    if not source:
        pytest.skip("no holiday tables in resources/holidays yet")
    from resettle.io.holidays import shipped_years

    years = shipped_years(resource_path("holidays"))
    assert sorted(years) == sorted(int(p.stem) for p in source)


def test_the_helper_is_the_checkout_when_not_frozen() -> None:
    assert not hasattr(sys, "_MEIPASS")
    assert bundle_root() == REPO
    assert paths_resources.migrations_path() == REPO / "resettle" / "store" / "migrations"
