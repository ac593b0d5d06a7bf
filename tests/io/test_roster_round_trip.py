"""The roster (花名册) is the identity: exported, then imported into a new register, it gives back
every field the survey importer reads — for every demo household, address included."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from resettle.io.survey import SurveyHousehold, read_survey
from resettle.services.register import exports, households, imports, projects
from resettle.services.register.records import HouseholdDetail
from resettle.store.database import Database
from tests.conftest import CLERK

# What the survey importer reads from a sheet, household by household (resettle.io.survey):
IMPORTED_HOUSEHOLD_FIELDS = ("phone", "address", "bank_name", "bank_account", "remarks")
IMPORTED_PERSON_FIELDS = ("name", "id_number", "relation", "sex", "birth_date")


def _survey_fields() -> set[str]:
    return set(SurveyHousehold.__dataclass_fields__)


def _ids(db: Database) -> list[int]:
    conn = db.raw_connection()
    try:
        return [int(r[0]) for r in conn.execute("SELECT id FROM household ORDER BY household_no")]
    finally:
        conn.close()


def _details(db: Database) -> Iterator[HouseholdDetail]:
    for hid in _ids(db):
        yield households.get_household(db, hid)


def _trees(detail: HouseholdDetail) -> Decimal:
    return sum((a.quantity for a in detail.data.attachments if a.kind == "果树"), Decimal(0))


def _what_the_importer_reads(detail: HouseholdDetail) -> dict[str, Any]:
    d = detail.data
    return {
        "household_no": d.household_no,
        "head": d.head_name,
        "village": detail.village,
        "group": detail.group,
        **{name: getattr(d, name) for name in IMPORTED_HOUSEHOLD_FIELDS},
        "persons": [tuple(getattr(p, name) for name in IMPORTED_PERSON_FIELDS) for p in d.persons],
        "parcels": [(p.land_class, p.area_mu) for p in d.parcels],
        "structures": [(s.structure_type, s.floor_area_m2) for s in d.structures],
        "trees": _trees(detail),
    }


def test_the_importer_reads_the_address() -> None:
    assert {"address", "phone", "bank_name", "bank_account", "remarks", "village", "group"} <= _survey_fields()


def test_a_roster_imported_into_a_new_register_gives_back_every_imported_field(
    demo_db: Database, tmp_path: Path
) -> None:
    before = [_what_the_importer_reads(d) for d in _details(demo_db)]
    assert len(before) == 60
    assert sum(bool(b["address"]) for b in before) == 60, "the demo fills every address"
    roster = tmp_path / "roster.xlsx"
    exports.export_roster(demo_db, roster, project_id=projects.resolve_project(demo_db, None))

    read = read_survey(roster)
    assert [i for i in read.issues if i.severity == "error"] == []
    fresh = Database.open(tmp_path / "fresh.sqlite3", actor=CLERK, startup_backup=False)
    try:
        pid = projects.create_project(fresh, "重新导入")
        preview = imports.preview_import(fresh, roster, project=pid)
        assert preview.errors == [], preview.errors[:3]
        imports.apply_import(fresh, preview)
        after = [_what_the_importer_reads(d) for d in _details(fresh)]
    finally:
        fresh.close()
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert new == old, {k: (old[k], new[k]) for k in old if old[k] != new[k]}
