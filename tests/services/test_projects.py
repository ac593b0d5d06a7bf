"""Projects, villages and groups: the navigation tree."""

from __future__ import annotations

from datetime import date

import pytest

from resettle.domain.household import HouseholdData
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.register import households, projects
from resettle.store.database import Database
from tests import dbraw


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


def _audited(database: Database, entity: str) -> set[tuple[int, str]]:
    """(row id, action) of the audit entries written for one table."""

    conn = dbraw.connect(database.path)
    try:
        rows = conn.execute("SELECT DISTINCT entity_id, action FROM audit_log WHERE entity = ?", (entity,))
        return {(int(i), str(a)) for i, a in rows}
    finally:
        conn.close()


def test_project_details_are_saved_audited_and_checked(db: Database) -> None:
    from resettle.domain.township import TownshipDetails
    from resettle.services.register import checks

    first = projects.create_project(db, "城东项目")
    second = projects.create_project(db, "城西项目")
    record = projects.get_project(db, second)
    details = projects.ProjectDetails(
        name=" 城西二期 ",
        approval_no="浙政土〔2026〕9号",
        approval_date=date(2026, 6, 1),
        cutoff_date=date(2026, 4, 1),
        reference_date=date(2026, 7, 1),
        posting_days=15,
        township=TownshipDetails(township="西镇", complaint_phone="0571-12345"),
        remarks="二期",
    )
    saved = projects.update_project(db, second, details, expected_version=record.version)
    assert saved.details.name == "城西二期" and saved.version == record.version + 1
    again = projects.get_project(db, second).details
    assert (again.approval_no, again.approval_date, again.reference_date, again.posting_days) == (
        "浙政土〔2026〕9号", date(2026, 6, 1), date(2026, 7, 1), 15)  # fmt: skip
    assert again.township.township == "西镇" and again.remarks == "二期"
    assert projects.get_project(db, first).details == projects.ProjectDetails("城东项目")  # the other is untouched
    with pytest.raises(ConflictError):
        projects.update_project(db, second, details, expected_version=record.version)  # a stale form
    with pytest.raises(ValidationError, match="城东项目") as info:
        projects.update_project(db, second, projects.ProjectDetails("城东项目"))
    assert info.value.field == "项目名称"
    with pytest.raises(ValidationError) as info:
        projects.update_project(db, second, projects.ProjectDetails("城西二期", posting_days=0))
    assert info.value.field == "公示期"
    report = checks.check_database(db)
    assert report.ok, report.problems
    assert _audited(db, "project") == {(first, "create"), (second, "create"), (second, "update")}


def test_township_of_a_project_falls_back_to_the_office_default(db: Database) -> None:
    from resettle.domain.township import TownshipDetails
    from resettle.services.register import settings

    settings.save_township(
        db, TownshipDetails(township="东镇", office="东镇征迁办", phone="0571-1", complaint_phone="12345")
    )
    east = projects.create_project(db, "城东项目")
    west = projects.create_project(
        db, "", details=projects.ProjectDetails("城西项目", township=TownshipDetails(township="西镇", phone="0571-2"))
    )
    assert projects.township_for(db, east) == settings.get_township(db)
    own = projects.township_for(db, west)
    assert (own.township, own.phone, own.office, own.complaint_phone) == ("西镇", "0571-2", "东镇征迁办", "12345")


def test_villages_and_groups_are_created_and_renamed_within_their_project(db: Database) -> None:
    east = projects.create_project(db, "城东项目")
    west = projects.create_project(db, "城西项目")
    v_east = projects.create_village(db, east, " 德源村 ")
    v_west = projects.create_village(db, west, "德源村")  # the same name in another project is another village
    with pytest.raises(ValidationError, match="德源村"):
        projects.create_village(db, east, "德源村")
    projects.rename_village(db, east, v_east, "德源新村")
    with pytest.raises(NotFoundError):
        projects.rename_village(db, east, v_west, "别的村")  # a village of the other project
    g = projects.add_group(db, east, "德源新村", "一组")
    projects.add_group(db, east, "德源新村", "二组")
    with pytest.raises(ValidationError, match="二组"):
        projects.rename_group(db, east, g, "二组")
    projects.rename_group(db, east, g, "三组")
    with pytest.raises(NotFoundError):
        projects.rename_group(db, west, g, "四组")
    by_id = {p.id: p for p in projects.tree(db, with_counts=False)}
    assert [(v.name, [x.name for x in v.groups]) for v in by_id[east].villages] == [("德源新村", ["三组", "二组"])]
    assert [v.name for v in by_id[west].villages] == ["德源村"]
    assert {a for _, a in _audited(db, "village")} >= {"create", "update"}
    assert (v_east, "update") in _audited(db, "village") and (v_west, "update") not in _audited(db, "village")


def test_entering_projects_needs_the_clerk_role(db: Database) -> None:
    from resettle.domain.roles import Role
    from resettle.errors import PermissionDenied

    pid = projects.create_project(db, "城东项目")
    db.role = Role.AUDITOR  # type: ignore[attr-defined]
    try:
        assert projects.get_project(db, pid).details.name == "城东项目"  # an auditor may read
        for attempt in (
            lambda: projects.create_project(db, "城西项目"),
            lambda: projects.update_project(db, pid, projects.ProjectDetails("改名")),
            lambda: projects.create_village(db, pid, "德源村"),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
    finally:
        db.role = None  # type: ignore[attr-defined]
    assert projects.get_project(db, pid).details.name == "城东项目"


def test_upgrading_to_0005_reseals_intact_projects_only(tmp_path) -> None:

    from alembic import command

    from resettle.services.register import checks
    from resettle.store.migrate import alembic_config
    from resettle.store.models import Project
    from resettle.store.seal import seal_of, sealed_columns
    from tests.conftest import CLERK

    path = tmp_path / "old.sqlite3"
    engine = dbraw.bare_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), "0004")
    finally:
        engine.dispose()
    conn = dbraw.connect(path)
    old_columns = [c for c in sealed_columns(Project.__table__) if c in {"name", "approval_no", "approval_date",
                                                                           "cutoff_date", "remarks"}]  # fmt: skip
    for pid, name in ((1, "老项目"), (2, "被改过的项目")):
        values = {"name": name, "approval_no": "", "approval_date": None, "cutoff_date": None, "remarks": ""}
        seal = seal_of("project", pid, [values[c] for c in old_columns])
        conn.execute(
            "INSERT INTO project (id, name, approval_no, remarks, version, seal) VALUES (?, ?, '', '', 1, ?)",
            (pid, name, seal),
        )
    conn.execute("UPDATE project SET remarks = '手改' WHERE id = 2")  # tampered before the upgrade
    conn.commit()
    conn.close()
    with Database.open(path, actor=CLERK) as database:
        report = checks.check_database(database)
    sealed = [p for p in report.problems if "project" in p and "内容" in p]  # seal problems (rows were made raw,
    # so the audit replay also notes that they have no audit entries)
    assert len(sealed) == 1 and "第 2 行" in sealed[0]  # the row tampered before the upgrade is still caught
    # ... and the intact one was sealed again over the new columns, so it is not reported
