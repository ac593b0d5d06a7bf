"""What reading a survey gives: households with their members, land, houses and trees, the
issues found (each naming its sheet, row, column and field) and one summary per sheet.

A survey household is the import's view of the one household read model
(:mod:`resettle.domain.household`): its land, houses and attachments *are* the domain's
``ParcelData`` / ``StructureData`` / ``AttachmentData``; the household and its persons carry
besides what only an import needs — the sheet and row they came from, the village and group
named in the sheet, a person's row, and a sex left unknown (None) rather than blank.
:func:`resettle.services.register.import_rows.to_data` maps it into ``HouseholdData``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from resettle.domain.household import AttachmentData, ParcelData, StructureData
from resettle.errors import Cancelled
from resettle.io.headers import MappingProfile

__all__ = [
    "ImportIssue",
    "ReadCancelled",
    "ReadOptions",
    "Severity",
    "SheetSummary",
    "SurveyAttachment",
    "SurveyHousehold",
    "SurveyParcel",
    "SurveyPerson",
    "SurveyReadResult",
    "SurveyStructure",
    "options_from_profile",
]

Severity = Literal["error", "warning"]

# The domain's shapes, under the names the importer's callers know.
SurveyParcel = ParcelData
SurveyStructure = StructureData
SurveyAttachment = AttachmentData


@dataclass(slots=True)
class ImportIssue:
    sheet: str
    row: int  # 1-based Excel row
    column: str  # column letter
    field: str  # Chinese field name
    value: str  # raw cell text
    message: str  # Chinese
    severity: Severity
    kind: str


@dataclass(slots=True)
class SurveyPerson:
    name: str
    relation: str
    sex: str | None
    id_number: str  # normalised; for a refused ID what could be normalised (may be "")
    birth_date: date | None
    row: int


@dataclass(slots=True)
class SurveyHousehold:
    sheet: str
    row: int
    household_no: str
    head: str
    village: str
    group: str
    phone: str
    bank_name: str
    bank_account: str
    remarks: str
    persons: list[SurveyPerson] = field(default_factory=list)
    address: str = ""  # 家庭住址 (read like the phone: once per household)
    parcels: list[ParcelData] = field(default_factory=list)
    structures: list[StructureData] = field(default_factory=list)
    attachments: list[AttachmentData] = field(default_factory=list)


@dataclass
class SheetSummary:
    name: str
    households: int
    persons: int
    header_rows: tuple[int, ...]  # 1-based
    last_row: int  # 1-based, last row that held household data (0 when none)
    mapping: dict[str, str]  # field key -> column letter


@dataclass
class SurveyReadResult:
    households: list[SurveyHousehold]
    issues: list[ImportIssue]
    sheets: list[SheetSummary]
    workbook_sheets: tuple[str, ...] = ()  # every sheet of the file, in the workbook's order

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.severity == "warning"]


@dataclass
class ReadOptions:
    village: str | None = None
    group: str | None = None
    sheets: list[str] | None = None  # None: every visible sheet that looks like a survey
    mapping_overrides: dict[str, str] | None = None  # field key -> column letter ("" unmaps)
    today: date | None = None
    header_row: int | None = None  # 1-based last header row, when the wizard fixes it
    header_aliases: dict[str, str] | None = None  # extra header spellings -> field key


def options_from_profile(profile: MappingProfile, **kwargs: object) -> ReadOptions:
    """ReadOptions from a saved mapping profile; keyword arguments set the other options."""
    options = ReadOptions(
        mapping_overrides=dict(profile.columns) or None,
        header_row=profile.header_row,
        header_aliases=dict(profile.aliases) or None,
    )
    for name, value in kwargs.items():
        if not hasattr(options, name):
            raise TypeError(f"unknown option {name}")
        setattr(options, name, value)
    return options


ReadCancelled = Cancelled  # the one cancellation error (issue 9); the old name stays for callers
