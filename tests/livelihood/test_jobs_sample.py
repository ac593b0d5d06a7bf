"""Employment, training and posts from the sample sheets; matching checked against jobs_expected.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from resettle.domain.labour import STATE_EMPLOYED, STATE_UNWILLING
from resettle.services.livelihood import jobs, labour, training
from resettle.services.livelihood.common import LivelihoodImportError
from resettle.store.database import Database
from tests import dbraw
from tests.livelihood.conftest import WAVE2

EXPECTED = json.loads((WAVE2 / "jobs_expected.json").read_text(encoding="utf-8"))
REFERENCE = date.fromisoformat(EXPECTED["reference_date"])


def _load_all(db: Database, project: int) -> None:
    labour.import_employment(db, project, WAVE2 / "jobs_employment.xlsx")
    training.import_training(db, project, WAVE2 / "jobs_training.xlsx")
    jobs.import_posts(db, project, WAVE2 / "jobs_posts.xlsx")


def test_imports_reproduce_the_expected_people_posts_and_certificates(two_db: Database, sample_project: int) -> None:
    emp = labour.import_employment(two_db, sample_project, WAVE2 / "jobs_employment.xlsx")
    assert (emp.rows, emp.added, emp.warnings) == (40, 40, ())
    again = labour.import_employment(two_db, sample_project, WAVE2 / "jobs_employment.xlsx")
    assert (again.added, again.changed, again.unchanged) == (0, 0, 40)
    tr = training.import_training(two_db, sample_project, WAVE2 / "jobs_training.xlsx")
    assert tr.rows == 22 and tr.added == 22
    posts = jobs.import_posts(two_db, sample_project, WAVE2 / "jobs_posts.xlsx")
    assert posts.added == 5

    people = labour.list_people(two_db, sample_project, REFERENCE)
    assert {p.id_number: {"sex": p.sex, "age": p.age} for p in people} == EXPECTED["people"]
    unavailable = sorted(p.id_number for p in people if p.state in (STATE_EMPLOYED, STATE_UNWILLING))
    assert unavailable == sorted(EXPECTED["not_available_ids"])
    stored_posts = [
        {
            "enterprise": p.enterprise,
            "post": p.post,
            "kind": p.kind,
            "places": p.places,
            "min_age": p.min_age,
            "max_age": p.max_age,
            "sex": p.sex,
            "cert": p.certificate,
            "wage": int(p.wage) if p.wage is not None else None,
        }
        for p in jobs.list_posts(two_db, sample_project)
    ]
    assert stored_posts == EXPECTED["posts"]
    courses = training.list_courses(two_db, sample_project)
    assert sum(c.enrolled for c in courses) == 22 and sum(c.certified for c in courses) == 22
    assert sum(c.completed for c in courses) == 22
    by_id = {p.id_number: p.id for p in people}
    certs: dict[str, list[str]] = {}
    with two_db.read() as s:
        held = training.certificates_by_person(s, sample_project)
    for number in EXPECTED["certificates"]:
        certs[number] = sorted(held[by_id[number]][1])
    assert certs == {k: sorted(v) for k, v in EXPECTED["certificates"].items()}
    assert labour.list_people(two_db, 1) and all(p.state == "" for p in labour.list_people(two_db, 1))


def _qualifies(post: dict, person: dict, number: str) -> bool:  # type: ignore[type-arg]
    """The requirements written out again from the expected JSON (not the program's rules)."""
    if number in EXPECTED["not_available_ids"]:
        return False
    retirement = 50 if person["sex"] == "女" else 60
    if not 16 <= person["age"] < retirement:
        return False
    if post["min_age"] is not None and person["age"] < post["min_age"]:
        return False
    if post["max_age"] is not None and person["age"] > post["max_age"]:
        return False
    if post["sex"] and person["sex"] != post["sex"]:
        return False
    return not post["cert"] or post["cert"] in EXPECTED["certificates"].get(number, [])


def _maximum() -> int:
    slots = [post for post in EXPECTED["posts"] for _ in range(post["places"])]
    owner: dict[str, int] = {}

    def augment(s: int, seen: set[str]) -> bool:
        for number, person in EXPECTED["people"].items():
            if number in seen or not _qualifies(slots[s], person, number):
                continue
            seen.add(number)
            if number not in owner or augment(owner[number], seen):
                owner[number] = s
                return True
        return False

    return sum(augment(s, set()) for s in range(len(slots)))


def test_matching_on_the_sample_fills_the_maximum_and_breaks_no_requirement(
    two_db: Database, sample_project: int
) -> None:
    _load_all(two_db, sample_project)
    proposals = jobs.match_jobs(two_db, sample_project, REFERENCE)
    posts = {(p["enterprise"], p["post"]): p for p in EXPECTED["posts"]}
    assert len({p.id_number for p in proposals}) == len(proposals)
    for (enterprise, post), spec in posts.items():
        assert sum(1 for p in proposals if (p.enterprise, p.post) == (enterprise, post)) <= spec["places"]
    for p in proposals:
        assert _qualifies(posts[(p.enterprise, p.post)], EXPECTED["people"][p.id_number], p.id_number)
        assert p.reasons
    assert len(proposals) == _maximum()
    # On this very sample a first-come pass in register order fills fewer places.
    from resettle.domain.matching import Candidate, Post, greedy_first_come

    with two_db.read() as s:
        held = training.certificates_by_person(s, sample_project)
    none: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    people = [
        Candidate(p.id, p.name, p.sex, p.age, p.working_age, p.state, p.land_lost, *held.get(p.id, none))
        for p in labour.list_people(two_db, sample_project, REFERENCE)
    ]
    posts_now = [
        Post(p.id, p.enterprise, p.post, p.kind, p.places, p.min_age, p.max_age, p.sex, p.certificate)
        for p in jobs.list_posts(two_db, sample_project)
    ]
    assert len(greedy_first_come(posts_now, people)) < len(proposals)
    guards = [p for p in proposals if p.post == "巡逻保安"]
    assert guards and all("持有保安员证" in p.reasons for p in guards)
    # Saved as 推荐: the places are held, a second run proposes nobody already referred.
    referrals = jobs.list_referrals(two_db, sample_project)
    assert len(referrals) == len(proposals) and all(r.status == "推荐" for r in referrals)
    again = jobs.match_jobs(two_db, sample_project, REFERENCE)
    assert not {p.id_number for p in again} & {p.id_number for p in proposals}


def test_hiring_through_a_referral_employs_the_person_and_keeps_history(two_db: Database, sample_project: int) -> None:
    _load_all(two_db, sample_project)
    jobs.match_jobs(two_db, sample_project, REFERENCE)
    referral = jobs.list_referrals(two_db, sample_project)[0]
    jobs.set_referral_status(two_db, sample_project, referral.id, "面试", date(2026, 4, 2))
    with pytest.raises(Exception, match="只能改为"):
        jobs.set_referral_status(two_db, sample_project, referral.id, "推荐")
    done = jobs.set_referral_status(two_db, sample_project, referral.id, "录用", date(2026, 4, 10))
    assert done.status == "录用" and done.decided_on == date(2026, 4, 10)
    person = next(p for p in labour.list_people(two_db, sample_project, REFERENCE) if p.id == referral.person_id)
    assert (person.state, person.employer, person.post) == (STATE_EMPLOYED, referral.enterprise, referral.post)
    history = labour.person_history(two_db, sample_project, referral.person_id)
    assert history[-1].source == "推荐录用" and history[-1].start_date == date(2026, 4, 10)
    with pytest.raises(Exception, match="没有编号"):
        jobs.set_referral_status(two_db, 1, referral.id, "未录用")  # not the demo project's referral


def _sheet(path: Path, title: str, header: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_unknown_id_is_an_error_naming_the_cell_a_different_name_a_warning_nothing_saved_on_error(
    two_db: Database, sample_project: int, demo_project: int, tmp_path: Path
) -> None:
    people = labour.list_people(two_db, sample_project, REFERENCE)
    other = labour.list_people(two_db, demo_project, REFERENCE)[0]
    header = ["姓名", "身份证号码", "就业状态", "单位", "岗位", "开始日期", "月收入(元)"]
    first = people[0]
    spaced = "　" + first.id_number.replace("X", "x")
    bad = _sheet(
        tmp_path / "bad.xlsx",
        "就业",
        header,
        [
            [first.name, spaced, "已就业", "甲厂", "工人", "2026-03-01", 3000],
            [other.name, other.id_number, "已就业", "乙厂", "工人", "2026-03-01", 3000],  # the other project's person
            [people[1].name, people[1].id_number, "在家", None, None, None, None],
        ],
    )
    with pytest.raises(LivelihoodImportError) as caught:
        labour.import_employment(two_db, sample_project, bad)
    texts = [str(i) for i in caught.value.issues]
    assert any("第 3 行 B 列" in t and "不在本项目的登记册中" in t for t in texts)
    assert any("第 4 行 C 列" in t for t in texts)
    conn = dbraw.connect(two_db.path)
    try:
        assert conn.execute("SELECT count(*) FROM labour_person").fetchone()[0] == 0
    finally:
        conn.close()
    good = _sheet(
        tmp_path / "good.xlsx",
        "就业",
        header,
        [["王　某", spaced, "自主创业", None, None, None, None]],
    )
    result = labour.import_employment(two_db, sample_project, good)
    assert result.added == 1
    assert len(result.warnings) == 1 and "第 2 行 A 列" in result.warnings[0] and "不一致" in result.warnings[0]
