"""Reading clerks' survey workbooks (入户调查登记表) into households, persons and issues.

The shape handled (domain.md, "Real spreadsheets"): a merged title, a filler line, one or
two header rows, one row per person, household cells (户号, 户主, phone, land, house,
trees, bank) written once and often merged down over the household's member rows, blank
rows between households, 合计/小计 rows, one sheet per village group.

The package, by concern:

* :mod:`~.results` — what a read gives (households, issues, sheet summaries) and its options;
* :mod:`~.workbook` — the workbook: which sheets, header detection (:mod:`resettle.io.headers`), places;
* :mod:`~.reader` — one sheet row by row: where a household starts and ends;
* :mod:`~.sheet` — a sheet's mapped columns read once, column by column (merges left out), issues;
* :mod:`~.rows` — rows that are not data (blank, 合计, column numbers, repeated header);
* :mod:`~.cells` — a household's own cells; :mod:`~.persons` — a member's row;
* :mod:`~.formulas` — formula cells in the data; :mod:`~.places` — village and group from titles.
"""

from __future__ import annotations

from resettle.io.guards import UnreadableFileError, UnsafeFileError
from resettle.io.headers import FIELD_LABELS
from resettle.io.survey.places import place_from_text
from resettle.io.survey.results import (
    ImportIssue,
    ReadCancelled,
    ReadOptions,
    SheetSummary,
    SurveyAttachment,
    SurveyHousehold,
    SurveyParcel,
    SurveyPerson,
    SurveyReadResult,
    SurveyStructure,
    options_from_profile,
)
from resettle.io.survey.workbook import list_sheets, preview, read_survey

__all__ = [
    "FIELD_LABELS",
    "ImportIssue",
    "ReadCancelled",
    "ReadOptions",
    "SheetSummary",
    "SurveyAttachment",
    "SurveyHousehold",
    "SurveyParcel",
    "SurveyPerson",
    "SurveyReadResult",
    "SurveyStructure",
    "UnreadableFileError",
    "UnsafeFileError",
    "list_sheets",
    "options_from_profile",
    "place_from_text",
    "preview",
    "read_survey",
]
