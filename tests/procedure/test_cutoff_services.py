"""The cut-off through the register: a re-import that adds items after it warns at the cells, the
items get their registration date, and computing lists them at 0.00 with the reason; another project
without a cut-off is untouched."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from resettle.domain.sample_rates import sample_rate_table
from resettle.services.compensation import computing, rate_tables, reviewing
from resettle.services.procedure import steps
from resettle.services.register import households, imports, projects
from resettle.store.database import Database
from resettle.store.models import Person, Structure
from tests.io.builders import household, person, survey_layout, write_xlsx

CUTOFF = date(2025, 6, 3)


def workbook(path: Path, with_additions: bool, seed: int = 4) -> Path:
    rng = random.Random(seed)  # ID numbers are unique across the register: another seed per project
    members = [
        person("张大山", "户主", date(1970, 3, 1), "男", rng),
        person("李小花", "配偶", date(1972, 5, 6), "女", rng),
    ]
    extra: list[dict[str, object]] = []
    if with_additions:
        extra.append({"structure_type": "简易", "floor_area_m2": 30})  # a second house, on the next row
        members.append(person("王来福", "其他", date(1990, 1, 1), "男", rng))  # moved in
    hh = household("东岗01001", members, trees=10, structure_type="砖混", floor_area_m2=120, extra_rows=extra)
    layout = survey_layout([hh], merge=False)
    return write_xlsx(path, {"一组": layout})


def publish(db: Database, pid: int) -> None:
    t = sample_rate_table()
    info = rate_tables.create_rate_table(
        db, t.name, effective_date=t.effective_date, source_doc=t.source_doc, rules=t.rules
    )
    rate_tables.publish_rate_table(db, info.id)
    rate_tables.set_project_rate_table(db, pid, info.id, transition_months=0)


def test_items_a_reimport_adds_after_the_cutoff_are_warned_and_not_compensated(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "甲项目")
    other = projects.create_project(db, "乙项目")
    steps.set_step(db, pid, "pre_notice", start_date=CUTOFF)  # the 预公告 date is the cut-off
    first = imports.preview_import(db, workbook(tmp_path / "v1.xlsx", False), project=pid)
    assert [i for i in first.warnings if i.kind == "after_cutoff"] == []  # the survey itself is the baseline
    imports.apply_import(db, first)
    imports.apply_import(db, imports.preview_import(db, workbook(tmp_path / "v1b.xlsx", False, seed=5), project=other))

    second = imports.preview_import(db, workbook(tmp_path / "v2.xlsx", True), project=pid)
    late = [i for i in second.warnings if i.kind == "after_cutoff"]
    assert {(i.field, i.column) for i in late} == {("房屋", "L"), ("家庭成员", "D")}
    person_warning = next(i for i in late if i.field == "家庭成员")
    assert person_warning.value == "王来福" and person_warning.row == 7  # title, filler, 2 header rows, 3rd member
    assert all("2025-06-03" in i.message and "不予补偿" in i.message for i in late)
    # the same re-import into the project without a cut-off warns of nothing
    quiet = imports.preview_import(db, workbook(tmp_path / "v2b.xlsx", True, seed=5), project=other)
    assert [i for i in quiet.warnings if i.kind == "after_cutoff"] == []
    imports.apply_import(db, second)
    imports.apply_import(db, quiet)

    hid = households.find_household_id(db, "东岗01001", project_id=pid)
    with db.read() as s:
        regs = {x.structure_type: x.registered_on for x in s.query(Structure).filter_by(household_id=hid)}
        people = {p.name: p.registered_on for p in s.query(Person).filter_by(household_id=hid)}
    assert regs["砖混"] is None and regs["简易"] is not None and regs["简易"] > CUTOFF
    assert people["王来福"] is not None and people["张大山"] is None

    for p in (pid, other):
        publish(db, p)
        computing.compute(db, p)
    view = reviewing.get_household_compensation(db, hid)
    by_code = {ln.rule_code: ln for ln in view.lines}
    assert by_code["截止S2"].amount == 0 and "不予补偿" in by_code["截止S2"].formula
    assert by_code["FW-02"].quantity == 120  # the 砖混 house registered before is priced
    assert "FW-04" not in by_code  # the late 简易 house is not
    assert by_code["AZ-01"].quantity == 2  # the person who moved in after the cut-off is not counted
    assert by_code["截止P"].quantity == 1
    other_hid = households.find_household_id(db, "东岗01001", project_id=other)
    other_codes = {ln.rule_code for ln in reviewing.get_household_compensation(db, other_hid).lines}
    assert "FW-04" in other_codes and not any(c.startswith("截止") for c in other_codes)


def test_births_after_the_cutoff_follow_the_project_setting(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "甲项目")
    steps.set_step(db, pid, "pre_notice", start_date=date.today() - timedelta(days=400))
    imports.apply_import(db, imports.preview_import(db, workbook(tmp_path / "v1.xlsx", False), project=pid))
    hid = households.find_household_id(db, "东岗01001", project_id=pid)
    with db.write(reason="测试：新生儿登记") as s:
        s.add(Person(household_id=hid, seq=3, name="张小宝", relation="子", birth_date=date.today() - timedelta(days=30),
                     registered_on=date.today()))  # fmt: skip
    publish(db, pid)
    computing.compute(db, pid)
    lines = {ln.rule_code: ln for ln in reviewing.get_household_compensation(db, hid).lines}
    assert lines["AZ-01"].quantity == 3 and "截止P" not in lines  # a birth counts by default
