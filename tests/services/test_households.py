"""Household use cases on real files: create/read/update/delete, validation, search, sorting, totals, history."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.ids import check_character
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.register import households, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.services.register.search import SORT_COLUMNS
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK


def person_id(birth: str, seq: str) -> str:
    first17 = f"330802{birth}{seq}"
    return first17 + check_character(first17)


ZHANG = person_id("19700101", "001")  # male
WANG = person_id("19720202", "002")  # female
SON = person_id("19990909", "003")  # male


@pytest.fixture
def group_id(db: Database) -> int:
    pid = projects.create_project(db, "测试项目")
    return projects.add_group(db, pid, "东岗村", "一组")


def full_household(group_id: int, household_no: str = "DG01001") -> HouseholdData:
    return HouseholdData(
        household_no=household_no,
        group_id=group_id,
        head_name="张三",
        phone="13800138000",
        address="东岗村12号",
        bank_name="农村商业银行",
        bank_account="6228480402564890018",
        tags="低保户",
        status="已调查",
        remarks="演示",
        persons=(
            PersonData("张三", ZHANG, "户主", "男", date(1970, 1, 1)),
            PersonData("王芳", WANG, "配偶", "女", date(1972, 2, 2), hukou_type="非农业"),
            PersonData("张小明", "", "子", "男", date(2010, 5, 1), resettled=False),
        ),
        parcels=(
            ParcelData("水田", Decimal("1.2345"), "P-1", "HT-1"),
            ParcelData("旱地", Decimal("0.5000"), "P-2"),
        ),
        structures=(
            StructureData("砖混", Decimal("120.50"), "住宅", "合法", 1998, Decimal("35000.00")),
            StructureData("简易", Decimal("15.00"), "附属用房", "违法", None, Decimal("0.00")),
        ),
        attachments=(
            AttachmentData("果树", Decimal("12.00"), "棵", "胸径10cm"),
            AttachmentData("水井", Decimal("1.00"), "口"),
        ),
    )


def without_ids(data: HouseholdData) -> HouseholdData:
    return replace(
        data,
        persons=tuple(replace(p, id=None) for p in data.persons),
        parcels=tuple(replace(p, id=None) for p in data.parcels),
        structures=tuple(replace(s, id=None) for s in data.structures),
        attachments=tuple(replace(a, id=None) for a in data.attachments),
    )


def raw_count(db: Database, table: str, where: str = "1 = 1") -> int:
    conn = db.raw_connection()
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])
    finally:
        conn.close()


# -- create / read / update / delete -----------------------------------------------------------


def test_create_then_read_back_equal(db: Database, group_id: int) -> None:
    data = full_household(group_id)
    created = households.create_household(db, data)
    assert without_ids(created.data) == data
    again = households.get_household(db, created.id)
    assert again == created
    assert (again.village, again.group, again.version) == ("东岗村", "一组", 1)
    assert all(p.id is not None for p in again.data.persons)
    assert households.find_household_id(db, " DG01001 ") == created.id


def test_create_normalises_input(db: Database, group_id: int) -> None:
    data = HouseholdData(
        household_no="  DG01002 ",
        group_id=group_id,
        head_name="李\u3000四",
        phone="138-0013-8000",
        persons=(PersonData("李 四", ZHANG.lower()[:-1] + ZHANG[-1].lower(), "户主"),),
    )
    created = households.create_household(db, data)
    assert created.data.household_no == "DG01002"
    assert created.data.head_name == "李四"
    assert created.data.phone == "13800138000"
    (person,) = created.data.persons
    assert (person.name, person.id_number, person.sex, person.birth_date) == ("李四", ZHANG, "男", date(1970, 1, 1))


def test_update_adds_changes_and_removes_children(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id))
    head, spouse, child = created.data.persons
    edited = replace(
        created.data,
        phone="13900139000",
        persons=(
            replace(head, name="张叁"),
            child,  # the spouse is removed, the child moves up
            PersonData("张大明", SON, "子"),
        ),
        parcels=(replace(created.data.parcels[1], area_mu=Decimal("0.6250")),),
        structures=(
            *created.data.structures,
            StructureData("框架", Decimal("80.00"), decoration_value=Decimal("1.01")),
        ),
        attachments=(),
    )
    updated = households.update_household(db, created, edited)
    assert updated.version > created.version
    assert [p.name for p in updated.data.persons] == ["张叁", "张小明", "张大明"]
    assert updated.data.persons[0].id == head.id, "an edited member keeps its row"
    assert updated.data.persons[1].id == child.id
    assert updated.data.persons[2].id not in {head.id, spouse.id, child.id}
    assert updated.data.persons[2].sex == "男" and updated.data.persons[2].birth_date == date(1999, 9, 9)
    assert [(p.id, p.area_mu) for p in updated.data.parcels] == [(created.data.parcels[1].id, Decimal("0.6250"))]
    assert [s.decoration_value for s in updated.data.structures] == [
        Decimal("35000.00"),
        Decimal("0.00"),
        Decimal("1.01"),
    ]
    assert updated.data.attachments == ()
    assert updated.data.phone == "13900139000"
    assert updated == households.get_household(db, created.id)
    assert raw_count(db, "person", f"id = {spouse.id}") == 0
    assert raw_count(db, "attachment") == 0
    assert raw_count(db, "land_parcel") == 1
    conn = db.raw_connection()
    try:
        seqs = conn.execute("SELECT name, seq FROM person ORDER BY seq").fetchall()
    finally:
        conn.close()
    assert seqs == [("张叁", 1), ("张小明", 2), ("张大明", 3)]


def test_saving_unchanged_data_changes_no_values(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id))
    again = households.update_household(db, created, created.data)
    assert again.data == created.data


def test_delete_requires_a_reason(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id))
    for reason in ("", "   ", "\u3000"):
        with pytest.raises(ValidationError) as info:
            households.delete_household(db, created.id, reason)
        assert info.value.field == "原因"
    assert households.get_household(db, created.id) == created
    households.delete_household(db, created.id, "重复登记")
    with pytest.raises(NotFoundError):
        households.get_household(db, created.id)
    for table in ("household", "person", "land_parcel", "structure", "attachment"):
        assert raw_count(db, table) == 0, f"{table} rows left behind"


def test_delete_with_a_stale_version_is_a_conflict(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id))
    households.update_household(db, created, replace(created.data, remarks="改过"))
    with pytest.raises(ConflictError):
        households.delete_household(db, created.id, "重复登记", expected_version=created.version)
    assert households.get_household(db, created.id).data.remarks == "改过"


def test_a_missing_household_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        households.get_household(db, 12345)
    with pytest.raises(NotFoundError):
        households.find_household_id(db, "nope")


# -- refusals -------------------------------------------------------------------------------------


def test_the_same_id_in_two_households_is_refused_naming_the_other_household(db: Database, group_id: int) -> None:
    first = households.create_household(db, full_household(group_id, "DG01001"))
    other = HouseholdData(
        household_no="DG01099", group_id=group_id, head_name="赵六", persons=(PersonData("王芳", WANG),)
    )
    with pytest.raises(ValidationError) as info:
        households.create_household(db, other)
    assert info.value.field == "身份证号码"
    assert "DG01001" in info.value.message and WANG in info.value.message
    assert raw_count(db, "household") == 1
    # the same refusal when an existing household is edited to include the number
    second = households.create_household(db, replace(other, persons=(PersonData("赵六", SON),)))
    with pytest.raises(ValidationError, match="DG01001"):
        households.update_household(db, second, replace(second.data, persons=(PersonData("王芳", WANG),)))
    assert households.get_household(db, first.id).data.persons[1].id_number == WANG
    # ... but a household may keep its own members' numbers
    households.update_household(db, first, replace(first.data, remarks="再保存"))


def test_the_same_id_twice_in_one_household_is_refused(db: Database, group_id: int) -> None:
    data = replace(full_household(group_id), persons=(PersonData("张三", ZHANG), PersonData("张三丰", ZHANG)))
    with pytest.raises(ValidationError, match="重复") as info:
        households.create_household(db, data)
    assert info.value.field == "身份证号码"


@pytest.mark.parametrize("member", [0, 1])
def test_a_wrong_check_character_is_refused_naming_the_field(db: Database, group_id: int, member: int) -> None:
    good = full_household(group_id)
    bad_id = WANG[:-1] + ("0" if WANG[-1] != "0" else "1")
    persons = list(good.persons)
    persons[member] = replace(persons[member], id_number=bad_id, sex="", birth_date=None)
    with pytest.raises(ValidationError) as info:
        households.create_household(db, replace(good, persons=tuple(persons)))
    assert info.value.field == f"成员{member + 1}·身份证号码"
    assert bad_id in info.value.message
    assert raw_count(db, "household") == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"household_no": "  "}, "户号"),
        ({"head_name": "\u3000"}, "户主"),
        ({"phone": "1380013800"}, "联系电话"),
        ({"bank_account": "12345"}, "银行账号"),
        ({"persons": (PersonData("  ", ""),)}, "成员1·姓名"),
        ({"persons": (PersonData("张三", ZHANG, sex="女"),)}, "成员1·性别"),
        ({"persons": (PersonData("张三", ZHANG, birth_date=date(1970, 1, 2)),)}, "成员1·出生日期"),
        ({"parcels": (ParcelData("水田", Decimal("1")), ParcelData("水田", Decimal("-0.01")))}, "地块2·面积"),
        ({"structures": (StructureData("砖混", Decimal("-1")),)}, "房屋1·建筑面积"),
        ({"attachments": (AttachmentData("果树", Decimal("-3")),)}, "附着物1·数量"),
        ({"group_id": 999}, "村民小组"),
    ],
)
def test_invalid_input_is_refused_naming_the_field(
    db: Database, group_id: int, change: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        households.create_household(db, replace(full_household(group_id), **change))  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.message
    assert raw_count(db, "household") == 0


def test_a_taken_household_number_is_refused_naming_its_head(db: Database, group_id: int) -> None:
    households.create_household(db, full_household(group_id, "DG01001"))
    with pytest.raises(ValidationError, match="张三") as info:
        households.create_household(db, HouseholdData(household_no="DG01001", group_id=group_id, head_name="李四"))
    assert info.value.field == "户号"


# -- search -------------------------------------------------------------------------------------


def snapshot(db: Database) -> tuple[dict[int, dict[str, object]], list[dict[str, object]]]:
    """Households and persons as stored, read with plain sqlite3 (the oracle for search and sort)."""
    homes = {
        int(r["id"]): r
        for r in dbraw.dict_rows(
            db,
            "SELECT h.id, h.household_no, h.head_name, h.head_initials, h.phone, h.status, h.group_id,"
            " g.village_id FROM household h JOIN village_group g ON g.id = h.group_id",
        )
    }
    people = dbraw.dict_rows(db, "SELECT household_id, name, name_initials, id_number FROM person")
    return homes, people


def expected_matches(db: Database, text: str) -> set[int]:
    homes, people = snapshot(db)
    t = "".join(text.replace("\u3000", " ").split())
    if t.isascii() and t.isalpha():
        low = t.lower()
        hits = {i for i, h in homes.items() if str(h["head_initials"]).startswith(low)}
        hits |= {int(p["household_id"]) for p in people if str(p["name_initials"]).startswith(low)}  # type: ignore[call-overload]
        hits |= {i for i, h in homes.items() if str(h["household_no"]).startswith(t)}
    elif t.isascii() and t.rstrip("xX").isdigit():
        up = t.upper()
        hits = {int(p["household_id"]) for p in people if str(p["id_number"]).startswith(up)}  # type: ignore[call-overload]
        hits |= {i for i, h in homes.items() if str(h["phone"]).startswith(up) or str(h["household_no"]).startswith(up)}
    else:
        hits = {
            i for i, h in homes.items() if str(h["head_name"]).startswith(t) or str(h["household_no"]).startswith(t)
        }
        hits |= {int(p["household_id"]) for p in people if str(p["name"]).startswith(t)}  # type: ignore[call-overload]
    return hits


def found(db: Database, query: HouseholdQuery) -> list[int]:
    page = search.list_households(db, query, 0, 100_000, with_total=True)
    ids = [r.id for r in page.rows]
    assert page.total == len(ids) == search.count_households(db, query)
    assert len(set(ids)) == len(ids), "a household listed twice"
    return ids


def search_terms(db: Database) -> dict[str, str]:
    homes, people = snapshot(db)
    first = homes[min(homes)]
    member = next(p for p in people if p["name"] != homes[int(p["household_id"])]["head_name"])  # type: ignore[call-overload]
    person = people[len(people) // 2]
    return {
        "household_no prefix": str(first["household_no"])[:4],
        "household_no full": str(first["household_no"]),
        "head name prefix": str(first["head_name"])[:1],
        "head full name": str(first["head_name"]),
        "member name prefix": str(member["name"])[:2],
        "pinyin initials": str(first["head_initials"])[:2],
        "pinyin initials upper case": str(first["head_initials"]).upper(),
        "ID prefix": str(person["id_number"])[:10],
        "full ID": str(person["id_number"]),
        "phone prefix": str(first["phone"])[:7],
        "spaces typed inside": " " + str(first["phone"])[:3] + "\u3000" + str(first["phone"])[3:6] + " ",
    }


@pytest.mark.parametrize(
    "kind",
    [
        "household_no prefix",
        "household_no full",
        "head name prefix",
        "head full name",
        "member name prefix",
        "pinyin initials",
        "pinyin initials upper case",
        "ID prefix",
        "full ID",
        "phone prefix",
        "spaces typed inside",
    ],
)
def test_search_on_the_demo_register(shared_demo: Database, kind: str) -> None:
    text = search_terms(shared_demo)[kind]
    ids = set(found(shared_demo, HouseholdQuery(text=text)))
    assert ids, f"{kind} {text!r} found nothing"
    assert ids == expected_matches(shared_demo, text)
    assert len(ids) < len(snapshot(shared_demo)[0]), "the search did not narrow"


def test_search_by_pinyin_initials_and_member_name(db: Database, group_id: int) -> None:
    zhang = households.create_household(db, full_household(group_id, "DG01001"))
    li = households.create_household(
        db,
        HouseholdData(
            household_no="DG01002",
            group_id=group_id,
            head_name="李四",
            persons=(PersonData("李四", SON), PersonData("曾小红", "")),
        ),
    )
    assert found(db, HouseholdQuery(text="zs")) == [zhang.id]
    assert found(db, HouseholdQuery(text="ZS")) == [zhang.id]
    assert found(db, HouseholdQuery(text="ls")) == [li.id]
    assert found(db, HouseholdQuery(text="zxh")) == [li.id], "曾 read as zeng in a surname"
    assert found(db, HouseholdQuery(text="王芳")) == [zhang.id], "a member's name finds the household"
    assert found(db, HouseholdQuery(text="王")) == [zhang.id]
    assert found(db, HouseholdQuery(text="曾小")) == [li.id]
    assert found(db, HouseholdQuery(text="DG0100")) == [zhang.id, li.id]
    assert found(db, HouseholdQuery(text="138001")) == [zhang.id]
    assert found(db, HouseholdQuery(text=SON[:-1] + SON[-1].lower())) == [li.id]
    assert found(db, HouseholdQuery(text="")) == [zhang.id, li.id]
    assert found(db, HouseholdQuery(text="王五")) == []
    assert found(db, HouseholdQuery(text="%")) == []
    assert found(db, HouseholdQuery(text="_")) == []


def test_village_and_group_filters(demo_db: Database) -> None:
    homes, _ = snapshot(demo_db)
    (project,) = projects.tree(demo_db)
    pid = project.id
    new_group = projects.add_group(demo_db, pid, "新建村", "一组")
    households.create_household(demo_db, HouseholdData(household_no="XJ01001", group_id=new_group, head_name="钱七"))
    homes, _ = snapshot(demo_db)
    for p in projects.tree(demo_db):
        for v in p.villages:
            want = {i for i, h in homes.items() if h["village_id"] == v.id}
            assert set(found(demo_db, HouseholdQuery(village_id=v.id))) == want
            assert v.households == len(want)
            for g in v.groups:
                wanted_g = {i for i, h in homes.items() if h["group_id"] == g.id}
                assert set(found(demo_db, HouseholdQuery(group_id=g.id))) == wanted_g
                assert g.households == len(wanted_g)
    assert found(demo_db, HouseholdQuery(group_id=new_group)) == [max(homes)]
    text = str(homes[min(homes)]["head_name"])[:1]
    within = set(found(demo_db, HouseholdQuery(text=text, group_id=homes[min(homes)]["group_id"])))  # type: ignore[arg-type]
    assert within == {
        i for i in expected_matches(demo_db, text) if homes[i]["group_id"] == homes[min(homes)]["group_id"]
    }
    assert found(demo_db, HouseholdQuery(project_id=pid + 1)) == []


# -- sorting and paging ----------------------------------------------------------------------------


def copy_of_template(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    path = tmp_path_factory.mktemp("shared") / "demo.sqlite3"
    shutil.copyfile(template, path)
    for suffix in ("-wal", "-shm"):
        side = template.with_name(template.name + suffix)
        if side.exists():
            shutil.copyfile(side, path.with_name(path.name + suffix))
    return path


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Database]:
    """One copy of the demo register for this module's tests that only read."""
    db = Database.open(copy_of_template(tmp_path_factory, demo_template), actor=CLERK, startup_backup=False)
    yield db
    db.close()


@pytest.fixture(scope="module")
def varied_register(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Database]:
    """The demo register plus a second village whose households differ in status and group (read only)."""
    db = Database.open(copy_of_template(tmp_path_factory, demo_template), actor=CLERK, startup_backup=False)
    (project,) = projects.tree(db)
    g1 = projects.add_group(db, project.id, "新建村", "一组")
    g2 = projects.add_group(db, project.id, "新建村", "二组")
    for no, gid, head, status, phone in (
        ("A001", g2, "阿大", "已签约", "13000000000"),
        ("A002", g1, "阿大", "已公示", ""),
        ("Z999", g1, "无名", "已调查", "19999999999"),
        ("东岗01001x", g2, "王五", "已签约", "13800000000"),
    ):
        households.create_household(
            db, HouseholdData(household_no=no, group_id=gid, head_name=head, status=status, phone=phone)
        )
    yield db
    db.close()


SORT_FIELDS = {
    "household_no": ("household_no",),
    "head_name": ("head_name", "household_no"),
    "group": ("group_id", "household_no"),
    "phone": ("phone", "household_no"),
    "status": ("status", "household_no"),
}


def test_every_sort_column_is_tested() -> None:
    assert set(SORT_FIELDS) == set(SORT_COLUMNS)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", sorted(SORT_FIELDS))
def test_sorting_agrees_with_sorting_in_python(varied_register: Database, sort: str, descending: bool) -> None:
    homes, _ = snapshot(varied_register)
    want = sorted(homes)  # ties are broken by id, ascending
    want.sort(key=lambda i: tuple(homes[i][f] for f in SORT_FIELDS[sort]), reverse=descending)  # type: ignore[arg-type]
    query = HouseholdQuery(sort=sort, descending=descending)
    assert found(varied_register, query) == want
    paged: list[int] = []
    offset = 0
    while True:
        page = search.list_households(varied_register, query, offset, 17)
        if not page.rows:
            break
        assert page.offset == offset
        paged.extend(r.id for r in page.rows)
        offset += 17
    assert paged == want


def test_an_unknown_sort_key_is_refused(shared_demo: Database) -> None:
    with pytest.raises(ValidationError) as info:
        search.list_households(shared_demo, HouseholdQuery(sort="bank_account; DROP TABLE household"))
    assert info.value.field == "排序"


# -- totals and history ---------------------------------------------------------------------------


def assert_row_totals(db: Database) -> None:
    rows = search.list_households(db, HouseholdQuery(), 0, 100_000).rows
    assert rows
    for row in rows:
        detail = households.get_household(db, row.id)
        assert row.persons == len(detail.data.persons)
        land = sum((p.area_mu for p in detail.data.parcels), Decimal(0))
        assert row.land_mu == land.quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert row.floor_area_m2 == sum((s.floor_area_m2 for s in detail.data.structures), Decimal("0.00"))
        assert (row.household_no, row.head_name, row.phone, row.status, row.version) == (
            detail.data.household_no,
            detail.data.head_name,
            detail.data.phone,
            detail.data.status,
            detail.version,
        )
        assert (row.village, row.group) == (detail.village, detail.group)


def test_row_totals_on_the_demo_register(shared_demo: Database) -> None:
    assert_row_totals(shared_demo)


def test_row_totals_with_and_without_parts(db: Database, group_id: int) -> None:
    households.create_household(db, full_household(group_id))
    households.create_household(db, HouseholdData(household_no="DG01002", group_id=group_id, head_name="空户"))
    assert_row_totals(db)
    rows = search.list_households(db, HouseholdQuery()).rows
    assert [(r.persons, r.land_mu, r.floor_area_m2) for r in rows] == [
        (3, Decimal("1.73"), Decimal("135.50")),
        (0, Decimal("0.00"), Decimal("0.00")),
    ]


def test_history_is_the_households_audit_trail_newest_first(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id), reason="入户调查")
    other = households.create_household(db, HouseholdData(household_no="DG01002", group_id=group_id, head_name="李四"))
    edited = replace(
        created.data,
        head_name="张叁",
        structures=(replace(created.data.structures[0], decoration_value=Decimal("36000.00")),),
    )
    households.update_household(db, created, edited, reason="复核更正")
    trail = households.history(db, created.id)
    ids = [e.id for e in trail]
    assert ids == sorted(ids, reverse=True)
    assert len(set(ids)) == len(ids)
    newest = [e for e in trail if e.reason == "复核更正"]
    assert trail[: len(newest)] == newest, "the latest save comes first"
    got = {(e.action, e.entity, e.field, e.old, e.new) for e in newest}
    assert ("update", "household", "head_name", "张三", "张叁") in got
    assert ("update", "structure", "decoration_value", "35000.00", "36000.00") in got
    assert ("delete", "structure", "structure_type", "简易", None) in got
    assert {e.reason for e in trail} == {"入户调查", "复核更正"}
    assert {e.entity for e in trail} >= {"household", "person", "land_parcel", "structure", "attachment"}
    assert all(e.user == "clerk1" and e.host == "office-pc" for e in trail)
    assert not any(e.new == "李四" for e in trail), "another household's entries leaked in"
    assert households.history(db, created.id, limit=3) == trail[:3]
    assert households.history(db, other.id)
    households.delete_household(db, created.id, "重复登记")
    after = households.history(db, created.id)
    assert after[0].action == "delete" and after[0].reason == "重复登记"
    assert after[len(after) - len(trail) :] == trail


def test_audit_text_is_the_value_as_stored(db: Database, group_id: int) -> None:
    """What the history shows as new equals what was saved, not what was typed before rounding."""
    data = replace(
        full_household(group_id),
        parcels=(ParcelData("水田", Decimal("1.5")),),
        structures=(StructureData("砖混", Decimal("120.5"), decoration_value=Decimal("12345.675")),),
    )
    created = households.create_household(db, data)
    stored = created.data.structures[0]
    assert stored.decoration_value == Decimal("12345.68")
    trail = {(e.entity, e.field): e.new for e in households.history(db, created.id)}
    assert trail[("structure", "decoration_value")] == str(stored.decoration_value)
    assert trail[("structure", "floor_area_m2")] == str(stored.floor_area_m2)
    assert trail[("land_parcel", "area_mu")] == str(created.data.parcels[0].area_mu)
    # typing the same amount again (unrounded) is not a change
    before = households.history(db, created.id)
    retyped = replace(
        created.data,
        structures=(replace(stored, decoration_value=Decimal("12345.675")),),
        parcels=(replace(created.data.parcels[0], area_mu=Decimal("1.50000")),),
    )
    households.update_household(db, created, retyped)
    new_entries = households.history(db, created.id)[: -len(before)]
    assert not [e for e in new_entries if e.entity in ("structure", "land_parcel")]


def test_a_member_removed_and_entered_again_in_one_edit_is_saved(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id))
    re_entered = without_ids(created.data)  # every row deleted and typed in again, same ID numbers
    updated = households.update_household(db, created, re_entered, reason="重新录入")
    assert without_ids(updated.data) == without_ids(created.data)
    assert raw_count(db, "person") == 3
    got = {(e.action, e.entity, e.field, e.old, e.new) for e in households.history(db, created.id)}
    assert ("delete", "person", "id_number", WANG, None) in got
    assert ("create", "person", "id_number", None, WANG) in got


def test_swapping_two_members_id_numbers_in_one_edit(db: Database, group_id: int) -> None:
    created = households.create_household(db, full_household(group_id))
    head, spouse, child = created.data.persons
    swapped = (
        replace(head, id_number=spouse.id_number, sex="", birth_date=None),
        replace(spouse, id_number=head.id_number, sex="", birth_date=None),
        child,
    )
    updated = households.update_household(db, created, replace(created.data, persons=swapped))
    assert [p.id_number for p in updated.data.persons[:2]] == [WANG, ZHANG]
