"""What the import wizard runs on the op runner's worker thread.

Each step loads the importer's modules (reader, checks, store, error report) there the first
time, so opening the wizard does not stall the window while they load.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.models.import_models import padded

if TYPE_CHECKING:
    from resettle.io.error_report import ErrorReportInfo
    from resettle.io.headers import MappingProfile
    from resettle.io.survey import ImportIssue, ReadOptions
    from resettle.services.register import imports
    from resettle.store.database import Database


def sheet_names(path: Path) -> list[str]:
    from resettle.io.survey import list_sheets

    return list_sheets(path)


def grid_rows(path: Path, sheet: str, rows: int) -> list[list[str]]:
    from resettle.io.survey import preview

    return padded(preview(path, sheet, rows))


def preview_import(
    db: Database,
    path: Path,
    project: str | int,
    sheets: list[str],
    overrides: dict[str, str] | None,
    village: str | None,
    profile: MappingProfile | None,
    progress: Any = None,
    cancelled: Any = None,
) -> imports.ImportPreview:
    from resettle.services.register import imports

    options = read_options(sheets, overrides, village, profile)
    return imports.preview_import(
        db=db, path=path, project=project, options=options, progress=progress, cancelled=cancelled
    )


def apply_import(
    db: Database, preview: imports.ImportPreview, remove_missing: bool, progress: Any = None, cancelled: Any = None
) -> imports.ImportResult:
    from resettle.services.register import imports

    return imports.apply_import(
        db=db, preview=preview, remove_missing=remove_missing, progress=progress, cancelled=cancelled
    )


def write_report(
    source: Path, issues: Sequence[ImportIssue], out: Path, progress: Any = None, cancelled: Any = None
) -> ErrorReportInfo:
    from resettle.io.error_report import write_error_report

    return write_error_report(source=source, issues=issues, out=out, progress=progress, cancelled=cancelled)


def read_options(
    sheets: list[str] | None, overrides: dict[str, str] | None, village: str | None, profile: MappingProfile | None
) -> ReadOptions:
    """The saved profile's mapping, header row and spellings, unless the clerk corrected the columns."""
    from resettle.io.survey import ReadOptions, options_from_profile

    if overrides is None and profile is not None:
        return options_from_profile(profile, village=village, sheets=sheets or None)
    return ReadOptions(village=village, sheets=sheets or None, mapping_overrides=overrides or None)
