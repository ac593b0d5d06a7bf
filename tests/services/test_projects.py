"""Projects, villages and groups: the navigation tree."""

from __future__ import annotations

from datetime import date

import pytest

from resettle.errors import NotFoundError, ValidationError
from resettle.services import households, projects
from resettle.services.records import HouseholdData
from resettle.store.database import Database


def test_create_and_resolve_projects(db: Database) -> None:
    with pytest.raises(NotFoundError):
        projects.resolve_project(db, None)
    first = projects.create_project(db, " 城东项目 ", "浙政土〔2026〕1号", date(2026, 5, 20), date(2026, 3, 1))
    assert projects.resolve_project(db, None) == first  # the only project is the default
    second = projects.create_project(db, "城西项目")
    with pytest.raises(ValidationError, match=r"2 个项目.*城东项目.*城西项目"):
        projects.resolve_project(db, None)  # with several, never "the first"
    assert projects.resolve_project(db, "城东项目") == first
    assert projects.resolve_project(db, str(second)) == second
    with pytest.raises(NotFoundError, match="城北项目"):
        projects.resolve_project(db, "城北项目")
    with pytest.raises(NotFoundError):
        projects.resolve_project(db, "999")
    (east, west) = projects.tree(db)
    assert (east.name, east.approval_no, west.name) == ("城东项目", "浙政土〔2026〕1号", "城西项目")


def test_empty_names_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        projects.create_project(db, "  ")
    assert info.value.field == "项目名称"
    pid = projects.create_project(db, "城东项目")
    for village, group in (("", "一组"), ("东岗村", " ")):
        with pytest.raises(ValidationError) as info:
            projects.add_group(db, pid, village, group)
        assert info.value.field == "村/组"


def test_add_group_reuses_existing_villages_and_groups(db: Database) -> None:
    pid = projects.create_project(db, "城东项目")
    g1 = projects.add_group(db, pid, "东岗村", "一组")
    g2 = projects.add_group(db, pid, "东岗村", "二组")
    assert projects.add_group(db, pid, " 东岗村 ", "一组 ") == g1
    (project,) = projects.tree(db)
    (village,) = project.villages
    assert [(g.id, g.name) for g in village.groups] == [(g1, "一组"), (g2, "二组")]


def test_tree_counts_households(demo_db: Database) -> None:
    (project,) = projects.tree(demo_db)
    assert project.households == 60 == sum(v.households for v in project.villages)
    for v in project.villages:
        assert v.households == sum(g.households for g in v.groups)
    village = project.villages[0]
    gid = projects.add_group(demo_db, project.id, village.name, "九组")
    households.create_household(demo_db, HouseholdData(household_no="X001", group_id=gid, head_name="钱七"))
    (project,) = projects.tree(demo_db)
    assert project.households == 61
    assert {g.name: g.households for v in project.villages for g in v.groups}["九组"] == 1
