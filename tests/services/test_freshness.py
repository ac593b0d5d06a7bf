"""Amounts of earlier facts never go out: an edit or a re-import computes the household again, and a
result left behind by a change of standard is refused for review, signing, notices and the 公示表.

Two projects in one register: the demo project (computed) and the clean sample imported as a second
project (computed with its own table); what happens to one never touches the other.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from resettle.errors import ValidationError
from resettle.io.survey import ReadOptions
from resettle.services.compensation import computing, rate_tables, reviewing
from resettle.services.documents import printing as documents
from resettle.services.payments import agreements
from resettle.services.register import exports, households, imports, projects
from resettle.store.database import Database
from tests.services.test_compensation import REVIEWER, publish_sample, raw, totals

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SECOND = "德源村征地项目"


@pytest.fixture
def two(demo_db: Database, tmp_path: Path) -> tuple[Database, int, int, Path]:
    """(db, demo project, second project, the survey file the second was imported from), both computed."""
    (demo,) = projects.tree(demo_db, with_counts=False)
    info = publish_sample(demo_db)
    rate_tables.set_project_rate_table(demo_db, demo.id, info.id, transition_months=24)
    survey = tmp_path / "德源村调查表.xlsx"
    shutil.copy(SAMPLES / "sample_survey_clean.xlsx", survey)
    preview = imports.preview_import(demo_db, survey, project=SECOND, options=ReadOptions(village="德源村"))
    imports.apply_import(demo_db, preview)
    second = projects.resolve_project(demo_db, SECOND)
    rate_tables.set_project_rate_table(demo_db, second, info.id, transition_months=12)
    computing.compute(demo_db, demo.id)
    computing.compute(demo_db, second)
    return demo_db, demo.id, second, survey


def _ids(db: Database, project_id: int) -> list[int]:
    return [int(r[0]) for r in raw(db, "SELECT id FROM household WHERE project_id = ? ORDER BY id", (project_id,))]


def _with_land(db: Database, project_id: int) -> int:
    return next(h for h in _ids(db, project_id) if households.get_household(db, h).data.parcels)


def test_an_edit_computes_the_household_again_and_a_name_keeps_its_review(two) -> None:
    db, demo, second, _survey = two
    hid = _with_land(db, demo)
    db.actor = REVIEWER
    reviewing.review(db, hid)
    detail = households.get_household(db, hid)
    renamed = replace(detail.data, phone="13800000000")
    households.update_household(db, detail, renamed, reason="电话更正")
    view = reviewing.get_household_compensation(db, hid)
    assert (view.status, view.outdated) == ("已复核", False)  # same lines: the review stands
    other_before = {h: t for h, t in totals(db).items() if h in set(_ids(db, second))}
    detail = households.get_household(db, hid)
    parcel = detail.data.parcels[0]
    bigger = replace(
        detail.data, parcels=(replace(parcel, area_mu=parcel.area_mu + Decimal("0.50")), *detail.data.parcels[1:])
    )
    before = totals(db)[hid]
    households.update_household(db, detail, bigger, reason="复测")
    view = reviewing.get_household_compensation(db, hid)
    assert (view.status, view.outdated) == ("已计算", False) and totals(db)[hid] > before
    assert {h: t for h, t in totals(db).items() if h in other_before} == other_before


def test_a_re_import_that_changes_an_area_computes_those_households_again(two) -> None:
    db, demo, second, survey = two
    book = openpyxl.load_workbook(survey)
    sheet = book.worksheets[0]
    column = next(
        c
        for c in range(1, sheet.max_column + 1)
        if "面积" in str(sheet.cell(3, c).value or "") + str(sheet.cell(4, c).value or "")
    )
    row = next(r for r in range(5, sheet.max_row + 1) if isinstance(sheet.cell(r, column).value, (int, float)))
    sheet.cell(row, column).value = float(sheet.cell(row, column).value) + 1
    book.save(survey)
    before = totals(db)
    demo_before = {h: before[h] for h in _ids(db, demo)}
    preview = imports.preview_import(db, survey, project=SECOND, options=ReadOptions(village="德源村"))
    assert not preview.errors and len(preview.changed) == 1
    result = imports.apply_import(db, preview)
    assert (result.changed, result.recomputed) == (1, 1)
    after = totals(db)
    moved = {h for h in after if after[h] != before.get(h)}
    assert len(moved) == 1 and moved <= set(_ids(db, second))
    assert {h: after[h] for h in demo_before} == demo_before
    assert computing.compute(db, second).changed == 0  # nothing left over for the next compute


def test_a_result_of_an_earlier_standard_is_refused_until_computed_again(two, tmp_path: Path) -> None:
    db, demo, second, _survey = two
    (info,) = [t for t in rate_tables.list_rate_tables(db) if t.status == "已发布"]
    draft = rate_tables.new_rate_table_version(db, info.id)
    rules = [
        replace(r, unit_price_fen=r.unit_price_fen + 100) for r in rate_tables.get_rate_table(db, draft.id).table.rules
    ]
    rate_tables.replace_rules(db, draft.id, rules)
    newer = rate_tables.publish_rate_table(db, draft.id)
    rate_tables.set_project_rate_table(db, second, newer.id)  # the demo project keeps the first version
    hid = _ids(db, second)[0]
    assert reviewing.get_household_compensation(db, hid).outdated
    assert not reviewing.get_household_compensation(db, _ids(db, demo)[0]).outdated
    db.actor = REVIEWER
    with pytest.raises(ValidationError, match="不是按项目现行标准计算"):
        reviewing.review(db, hid)
    reviewing.review(db, _ids(db, demo)[0])  # the other project is not held up
    with pytest.raises(ValidationError, match="金额未按现状重新计算"):
        documents.export_pdf(db, "notice", tmp_path / "n.pdf", household_ids=[hid], draft=True)
    assert not (tmp_path / "n.pdf").exists()
    with pytest.raises(ValidationError, match="公示表的金额须按现状计算"):
        exports.export_disclosure(db, tmp_path / "d.xlsx", project_id=second)
    info_payments = exports.export_payments(db, tmp_path / "p.xlsx", project_id=second)
    assert info_payments.households == len(_ids(db, second))
    notes = [
        str(c.value)
        for row in openpyxl.load_workbook(tmp_path / "p.xlsx").worksheets[0].iter_rows()
        for c in row
        if c.value
    ]
    assert sum("改动前" in n for n in notes) == len(_ids(db, second))
    computing.compute(db, second)
    assert not reviewing.get_household_compensation(db, hid).outdated
    reviewing.review(db, hid)
    exports.export_disclosure(db, tmp_path / "d.xlsx", project_id=second)


def test_an_outdated_household_is_not_signed(two) -> None:
    db, _demo, second, _survey = two
    hid, other = _ids(db, second)[:2]
    db.actor = REVIEWER
    reviewing.review_many(db, [hid, other])
    # the project's months change behind the computed result (settings, not the household)
    rate_tables.set_project_rate_table(
        db,
        second,
        rate_tables.get_project_rate_table(db, second).table.id,
        transition_months=30,  # type: ignore[union-attr]
    )
    result = agreements.sign_agreements(db, second, [hid, other], date(2026, 11, 2))
    assert result.signed == 0 and all("金额未按现状重新计算" in s for s in result.skipped)
