"""Two clerks editing one household: the second save is a detected conflict, never a lost update."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from resettle.domain.household import HouseholdData, PersonData, StructureData
from resettle.domain.ids import check_character
from resettle.errors import ConflictError
from resettle.services.register import households, projects
from resettle.store.audit import Actor
from resettle.store.database import Database

CLERK2 = Actor(user="clerk2", host="counter-2")


def person_id(birth: str, seq: str) -> str:
    first17 = f"330802{birth}{seq}"
    return first17 + check_character(first17)


@pytest.fixture
def second(db: Database) -> Iterator[Database]:
    """The same file opened by another Database object (another window/instance on the same PC)."""
    other = Database.open(Path(db.path), actor=CLERK2, lock=False, startup_backup=False)
    yield other
    other.close()


@pytest.fixture
def household_id(db: Database) -> int:
    pid = projects.create_project(db, "测试项目")
    gid = projects.add_group(db, pid, "东岗村", "一组")
    created = households.create_household(
        db,
        HouseholdData(
            household_no="DG01001",
            group_id=gid,
            head_name="张三",
            phone="13800138000",
            persons=(PersonData("张三", person_id("19700101", "001"), "户主"),),
            structures=(StructureData("砖混", Decimal("100.00"), decoration_value=Decimal("5000.00")),),
        ),
    )
    return created.id


def test_the_second_save_is_a_conflict_that_names_the_first_change(
    db: Database, second: Database, household_id: int
) -> None:
    mine = households.get_household(db, household_id)
    theirs = households.get_household(second, household_id)
    assert mine == theirs

    households.update_household(db, mine, replace(mine.data, head_name="李四"), reason="户主更正")

    with pytest.raises(ConflictError) as info:
        households.update_household(second, theirs, replace(theirs.data, phone="13900139000"), reason="改电话")
    assert ("户主", "张三", "李四") in info.value.changes
    assert "DG01001" in info.value.message

    stored = households.get_household(db, household_id)
    assert stored.data.head_name == "李四", "the first save is kept"
    assert stored.data.phone == "13800138000", "the refused save wrote nothing"
    trail = households.history(db, household_id)
    assert not any(e.reason == "改电话" for e in trail)
    assert any(e.user == "clerk1" and e.field == "head_name" and e.new == "李四" for e in trail)

    reread = households.get_household(second, household_id)
    saved = households.update_household(second, reread, replace(reread.data, phone="13900139000"), reason="改电话")
    assert (saved.data.head_name, saved.data.phone) == ("李四", "13900139000"), "nothing lost"
    assert saved.version > stored.version
    assert any(e.user == "clerk2" and e.field == "phone" for e in households.history(db, household_id))


def test_a_conflict_lists_changes_to_children(db: Database, second: Database, household_id: int) -> None:
    mine = households.get_household(db, household_id)
    theirs = households.get_household(second, household_id)
    structure = mine.data.structures[0]
    households.update_household(
        db,
        mine,
        replace(
            mine.data,
            structures=(replace(structure, decoration_value=Decimal("7500.50")),),
            persons=(
                *mine.data.persons,
                PersonData("王芳", person_id("19720202", "002"), "配偶", "女", date(1972, 2, 2)),
            ),
        ),
    )
    with pytest.raises(ConflictError) as info:
        households.update_household(second, theirs, replace(theirs.data, remarks="只改备注"))
    changes = info.value.changes
    assert any(old == "5000.00" and new == "7500.50" for _, old, new in changes), changes
    assert any("王芳" in new for _, _, new in changes), changes
    assert households.get_household(db, household_id).data.remarks == ""


def test_a_save_over_a_deleted_household_is_refused(db: Database, second: Database, household_id: int) -> None:
    theirs = households.get_household(second, household_id)
    households.delete_household(db, household_id, "重复登记")
    from resettle.errors import NotFoundError

    with pytest.raises(NotFoundError):
        households.update_household(second, theirs, replace(theirs.data, phone="13900139000"))


def test_same_instance_stale_copy_is_also_a_conflict(db: Database, household_id: int) -> None:
    first_read = households.get_household(db, household_id)
    households.update_household(db, first_read, replace(first_read.data, remarks="一"))
    with pytest.raises(ConflictError):
        households.update_household(db, first_read, replace(first_read.data, remarks="二"))
    assert households.get_household(db, household_id).data.remarks == "一"
