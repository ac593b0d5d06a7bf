"""The register shows how far each household has come, its compensation total, and which member a search hit."""

from __future__ import annotations

from pathlib import Path

from resettle.domain import progress
from resettle.services.compensation import reviewing
from resettle.services.demo.generate import demo_compensation
from resettle.services.register import households, imports, projects, search
from resettle.services.register.records import HouseholdQuery, HouseholdRow
from resettle.store.database import Database

CLEAN = Path(__file__).resolve().parents[3] / "shared" / "data" / "sample_survey_clean.xlsx"


def _rows(db: Database, **query: object) -> list[HouseholdRow]:
    return search.list_households(db, HouseholdQuery(**query), 0, 1000).rows  # type: ignore[arg-type]


def test_stage_and_total_follow_compute_and_review_in_their_project_only(demo_db: Database) -> None:
    db = demo_db
    imports.apply_import(db, imports.preview_import(db, CLEAN, project="德源村项目"))
    first, second = (p.id for p in projects.tree(db, with_counts=False))
    demo_compensation(db, first)
    in_first = _rows(db, project_id=first)
    assert {r.status for r in in_first} == {progress.COMPUTED}
    assert all(r.compensation_total is not None and r.compensation_total > 0 for r in in_first)
    for r in in_first[:3]:
        assert r.compensation_total == reviewing.get_household_compensation(db, r.id).total
    in_second = _rows(db, project_id=second)
    assert {r.status for r in in_second} == {progress.SURVEYED}
    assert all(r.compensation_total is None for r in in_second)

    reviewed = in_first[0].id
    reviewing.review(db, reviewed)
    assert [r.id for r in _rows(db, status=progress.REVIEWED)] == [reviewed]
    assert len(_rows(db, project_id=first, status=progress.COMPUTED)) == len(in_first) - 1
    assert len(_rows(db, status=progress.SURVEYED)) == len(in_second)
    by_stage = [r.status for r in _rows(db, project_id=first, sort="status")]
    assert by_stage == sorted(by_stage)


def test_a_search_says_which_member_matched_when_it_is_not_the_head(demo_db: Database) -> None:
    db = demo_db
    detail = next(
        households.get_household(db, r.id)
        for r in _rows(db)
        if len(households.get_household(db, r.id).data.persons) > 1
    )
    member = detail.data.persons[1]
    hits = {r.id: r for r in _rows(db, text=member.name)}
    assert hits[detail.id].matched == f"{member.name}（{member.relation}）"
    head_hits = {r.id: r for r in _rows(db, text=detail.data.head_name)}
    assert head_hits[detail.id].matched == ""
    by_id = {r.id: r for r in _rows(db, text=member.id_number[:12])}
    assert by_id[detail.id].matched == f"{member.name}（{member.relation}）"
