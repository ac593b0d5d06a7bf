"""Survey sheets as other offices make them: wording, layout, value spellings, file formats."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from resettle.domain.ids import check_character
from resettle.io.headers import MappingProfile
from resettle.io.survey import (
    ReadCancelled,
    ReadOptions,
    SurveyReadResult,
    list_sheets,
    options_from_profile,
    preview,
    read_survey,
)
from tests.io.builders import (
    Formula,
    Layout,
    household,
    person,
    survey_layout,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx,
    write_xlsx_openpyxl,
)

TODAY = date(2026, 3, 1)


def _id(born: date, sex: str = "男", region: str = "330802", seq: str = "12") -> str:
    last = "1" if sex == "男" else "2"
    first17 = f"{region}{born:%Y%m%d}{seq}{last}"
    return first17 + check_character(first17)


def _family(rng: random.Random, no: str = "H001", size: int = 3, **cells: Any) -> dict[str, Any]:
    members = [person("张伟", "户主", date(1970, 5, 6), "男", rng)]
    relations = ["配偶", "子", "女", "母亲"]
    for i in range(1, size):
        members.append(person(f"张{i}", relations[i - 1], date(1995, 1, i), "女", rng))
    defaults: dict[str, Any] = {
        "phone": "13812345678",
        "land_class": "水田",
        "land_area_mu": 1.25,
        "structure_type": "砖混",
        "floor_area_m2": 120.5,
        "trees": 5,
        "bank_name": "农村信用社",
        "bank_account": "6228480402564890018",
    }
    defaults.update(cells)
    return household(no, members, **defaults)


def _read(path: Path, **options: Any) -> SurveyReadResult:
    return read_survey(path, ReadOptions(today=TODAY, **options))


def _kinds(result: SurveyReadResult, severity: str = "error") -> list[tuple[int, str, str]]:
    return [(i.row, i.column, i.kind) for i in result.issues if i.severity == severity]


def _xlsx(tmp_path: Path, layout: Layout, name: str = "一组") -> Path:
    return write_xlsx(tmp_path / "survey.xlsx", {name: layout})


# --- headers -------------------------------------------------------------------------------


def test_header_synonyms_line_breaks_and_units(tmp_path: Path) -> None:
    rng = random.Random(1)
    labels = {
        "household_no": "户 号",
        "head": "户主",
        "name": "成员\n姓名",
        "relation": "关系",
        "id_number": "公民身份\n号码",
        "birth_date": "出生年月",
        "phone": "手机",
        "land_class": "土地类别",
        "land_area_mu": "征收面积（亩）",
        "structure_type": "房屋结构",
        "floor_area_m2": "建筑面积（平方米）",
        "trees": "果树",
        "bank_name": "开户行",
        "bank_account": "银行卡号",
        "remarks": "备　注",
    }
    layout = survey_layout([_family(rng), _family(rng, "H002", 2)], labels=labels)
    result = _read(_xlsx(tmp_path, layout))
    assert result.errors == []
    mapping = result.sheets[0].mapping
    assert mapping == {
        "seq": "A", "household_no": "B", "head": "C", "name": "D", "relation": "E", "sex": "F",
        "id_number": "G", "birth_date": "H", "phone": "I", "land_class": "J", "land_area_mu": "K",
        "structure_type": "L", "floor_area_m2": "M", "trees": "N", "bank_name": "O", "bank_account": "P",
        "remarks": "Q",
    }  # fmt: skip
    assert [len(h.persons) for h in result.households] == [3, 2]
    first = result.households[0]
    assert first.parcels[0].area_mu == Decimal("1.25")
    assert first.structures[0].floor_area_m2 == Decimal("120.50")
    assert first.attachments[0].quantity == 5


@pytest.mark.parametrize("two_level", [True, False])
def test_one_and_two_header_rows(tmp_path: Path, two_level: bool) -> None:
    rng = random.Random(2)
    layout = survey_layout([_family(rng), _family(rng, "H002", 4)], two_level=two_level, title=None)
    result = _read(_xlsx(tmp_path, layout))
    assert result.errors == []
    assert result.sheets[0].header_rows == ((2, 3) if two_level else (2,))
    assert [h.household_no for h in result.households] == ["H001", "H002"]
    assert result.sheets[0].persons == 7


def test_sheet_without_title_or_filler(tmp_path: Path) -> None:
    rng = random.Random(3)
    layout = survey_layout([_family(rng)], title=None, filler=None, two_level=False, total=None)
    result = _read(_xlsx(tmp_path, layout, name="Sheet1"), village="西岭村", group="三组")
    assert result.sheets[0].header_rows == (1,)
    assert (result.households[0].village, result.households[0].group) == ("西岭村", "三组")


def test_village_and_group_from_title_sheet_name_and_options(tmp_path: Path) -> None:
    rng = random.Random(4)
    titled = survey_layout([_family(rng)], title="某某镇新市村征地拆迁入户调查表（第3组）")
    untitled = survey_layout([_family(rng, "H002")], title=None)
    path = write_xlsx(tmp_path / "s.xlsx", {"甲": titled, "东岗村五组": untitled})
    result = _read(path, village="别的村")
    places = [(h.village, h.group) for h in result.households]
    assert places == [("新市村", "第3组"), ("东岗村", "五组")]
    mismatch = [i for i in result.issues if i.kind == "place_mismatch"]
    assert [i.sheet for i in mismatch] == ["甲", "东岗村五组"]


def test_mapping_overrides_for_unrecognised_headers(tmp_path: Path) -> None:
    rng = random.Random(5)
    columns = [("household_no", "列1"), ("name", "列2"), ("id_number", "列3"), ("relation", "列4")]
    fam = _family(rng)
    layout = survey_layout([fam], columns=columns, two_level=False, title=None, filler=None, total=None)
    path = _xlsx(tmp_path, layout)
    plain = _read(path)
    assert plain.households == [] and [i.kind for i in plain.errors] == ["no_header"]
    overrides = {"household_no": "A", "name": "B", "id_number": "C", "relation": "D"}
    result = _read(path, mapping_overrides=overrides, header_row=1)
    assert result.errors == []
    assert [p.name for p in result.households[0].persons] == ["张伟", "张1", "张2"]
    assert result.sheets[0].mapping == overrides


def test_override_replaces_a_detected_column_and_reports_bad_entries(tmp_path: Path) -> None:
    rng = random.Random(6)
    layout = survey_layout([_family(rng)])
    path = _xlsx(tmp_path, layout)
    result = _read(path, mapping_overrides={"remarks": "", "phone": "ZZ", "nonsense": "A"})
    assert "remarks" not in result.sheets[0].mapping
    assert sorted(i.kind for i in result.errors) == ["bad_mapping", "bad_mapping"]


def test_profile_gives_options(tmp_path: Path) -> None:
    rng = random.Random(7)
    columns = [("household_no", "编码甲"), ("name", "人名"), ("id_number", "证号"), ("relation", "与户主关系")]
    fam = _family(rng)
    layout = survey_layout([fam], columns=columns, two_level=False, title=None, filler=None)
    profile = MappingProfile("某镇格式", columns={"household_no": "A"}, aliases={"人名": "name", "证号": "id_number"})
    result = read_survey(_xlsx(tmp_path, layout), options_from_profile(profile, today=TODAY))
    assert result.errors == []
    persons = result.households[0].persons
    assert [p.id_number for p in persons] == [m["id_number"] for m in fam["members"]]
    assert result.households[0].household_no == "H001"


def test_wide_land_and_house_columns(tmp_path: Path) -> None:
    rng = random.Random(8)
    columns = [
        ("household_no", "户号"),
        ("head", "户主姓名"),
        ("name", "姓名"),
        ("id_number", "身份证号码"),
        ("land_area_mu:水田", "水田"),
        ("land_area_mu:旱地", "旱地"),
        ("floor_area_m2:砖混", "砖混"),
        ("floor_area_m2:简易", "简易"),
    ]
    layout = Layout()
    for c, parent in ((4, "被征收土地面积（亩）"), (6, "房屋建筑面积（㎡）")):
        layout.put(0, c, parent)
        layout.merges.append((0, c, 0, c + 1))
    for c, (_, label) in enumerate(columns):
        if c < 4:
            layout.put(0, c, label)
            layout.merges.append((0, c, 1, c))
        else:
            layout.put(1, c, label)
    fam = _family(rng)
    for c, value in enumerate(["H001", "张伟", "张伟", fam["members"][0]["id_number"], 1.5, "0.75亩", 100, None]):
        layout.put(2, c, value)
    result = _read(_xlsx(tmp_path, layout))
    assert result.errors == []
    hh = result.households[0]
    assert [(p.land_class, p.area_mu) for p in hh.parcels] == [("水田", Decimal("1.50")), ("旱地", Decimal("0.75"))]
    assert [(s.structure_type, s.floor_area_m2) for s in hh.structures] == [("砖混", Decimal("100.00"))]


# --- values --------------------------------------------------------------------------------


def test_birth_date_spellings(tmp_path: Path) -> None:
    born = date(1985, 3, 12)
    spellings: list[Any] = [
        datetime(1985, 3, 12),
        "1985.3.12",
        "1985年3月12日",
        "1985/03/12",
        "1985-03-12",
        "19850312",
        "１９８５．３．１２",
        31118,  # Excel serial in a General cell
        19850312,
    ]
    members = [
        {
            "name": f"人{i}",
            "relation": "户主" if i == 0 else "子",
            "id_number": _id(born, seq=f"{i:02d}"),
            "birth_date": v,
        }
        for i, v in enumerate(spellings)
    ]
    members.append({"name": "错日", "relation": "子", "id_number": _id(date(1990, 1, 1)), "birth_date": "1985.2.30"})
    members.append({"name": "无证", "relation": "子", "birth_date": "1999年10月"})
    layout = survey_layout([household("H001", members)])
    result = _read(_xlsx(tmp_path, layout))
    persons = result.households[0].persons
    assert [p.birth_date for p in persons[: len(spellings)]] == [born] * len(spellings)
    bad_row = persons[len(spellings)].row
    assert _kinds(result) == [(bad_row, "H", "bad_date")]
    assert "1985.2.30" in result.errors[0].message
    assert persons[-1].birth_date is None
    assert ("partial_date", persons[-1].row) in {(i.kind, i.row) for i in result.warnings}
    assert not [i for i in result.warnings if i.kind == "birth_date_mismatch"]


def test_birth_date_and_sex_that_disagree_with_the_id_are_warnings(tmp_path: Path) -> None:
    members = [
        {"name": "甲", "relation": "户主", "sex": "女", "id_number": _id(date(1970, 1, 2)), "birth_date": "1971-01-02"}
    ]
    result = _read(_xlsx(tmp_path, survey_layout([household("H001", members)])))
    assert result.errors == []
    assert {i.kind for i in result.warnings} >= {"birth_date_mismatch", "sex_mismatch"}
    only = result.households[0].persons[0]
    assert (only.sex, only.birth_date) == ("男", date(1970, 1, 2))


def test_units_and_exact_decimals_in_cells(tmp_path: Path) -> None:
    rng = random.Random(9)
    families = [
        _family(rng, "H001", land_area_mu="1.25亩", floor_area_m2="1,234.5 ㎡", trees="12棵"),
        _family(rng, "H002", land_area_mu=200.14, floor_area_m2=12345.67, trees=0),
        _family(rng, "H003", land_area_mu="2.5 亩", floor_area_m2="12,345.60元", trees="3.5"),
    ]
    result = _read(_xlsx(tmp_path, survey_layout(families)))
    first, second, third = result.households
    assert first.parcels[0].area_mu == Decimal("1.25")
    assert first.structures[0].floor_area_m2 == Decimal("1234.50")
    assert (first.attachments[0].kind, first.attachments[0].quantity, first.attachments[0].unit) == ("果树", 12, "棵")
    assert str(second.parcels[0].area_mu) == "200.14"
    assert str(second.structures[0].floor_area_m2) == "12345.67"
    assert second.attachments == []  # no trees, no attachment
    assert third.structures == [] and third.attachments == []
    errors = {(i.column, i.kind): i for i in result.errors}
    assert set(errors) == {("M", "bad_area"), ("N", "bad_quantity")}
    assert "元" in errors[("M", "bad_area")].message and errors[("M", "bad_area")].row == third.row


def test_padded_names_lower_x_and_full_width_ids(tmp_path: Path) -> None:
    head_id = "11010519491231002X"
    wide_id = _id(date(1970, 11, 2), "女")
    to_wide = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
    spaced_id = _id(date(1996, 7, 3), seq="55")
    members = [
        {"name": "王　芳", "relation": "户主", "id_number": head_id.lower()},
        {"name": " 李 四 ", "relation": "配偶", "id_number": wide_id.translate(to_wide)},
        {"name": "赵\u3000五", "relation": "子", "id_number": f" {spaced_id[:6]} {spaced_id[6:14]} {spaced_id[14:]} "},
    ]
    fam = household("H001", members)
    fam["head"] = "王 芳"
    result = _read(_xlsx(tmp_path, survey_layout([fam])))
    assert result.errors == []
    hh = result.households[0]
    assert hh.head == "王芳"
    assert [p.name for p in hh.persons] == ["王芳", "李四", "赵五"]
    assert [p.id_number for p in hh.persons] == [head_id, wide_id, spaced_id]
    assert [p.sex for p in hh.persons] == ["女", "女", "男"]  # 17th digit of the head's ID is even


def test_id_problems_each_get_their_kind(tmp_path: Path) -> None:
    good = _id(date(1980, 1, 1))
    members = [
        {"name": "甲", "relation": "户主", "id_number": good},
        {"name": "乙", "relation": "子", "id_number": 3.30802198001011e17},
        {"name": "丙", "relation": "子", "id_number": "3.30802E+17"},
        {"name": "丁", "relation": "子", "id_number": good[:-1] + ("0" if good[-1] != "0" else "1")},
        {"name": "戊", "relation": "子", "id_number": "33080219800101①23"},
        {"name": "己", "relation": "子", "id_number": good},
        {"name": "庚", "relation": "子", "id_number": "330802800101131"},
        {"name": "", "relation": "子", "id_number": _id(date(1981, 1, 1))},
        {"name": "辛", "relation": "子"},
    ]
    result = _read(_xlsx(tmp_path, survey_layout([household("H001", members)])))
    rows = [p.row for p in result.households[0].persons]
    assert len(rows) == len(members)
    assert _kinds(result) == [
        (rows[1], "G", "id_as_number"),
        (rows[2], "G", "id_as_number"),
        (rows[3], "G", "bad_checksum"),
        (rows[4], "G", "bad_id"),
        (rows[5], "G", "duplicate_id"),
        (rows[7], "D", "missing_name"),
    ]
    warnings = {(i.row, i.kind) for i in result.warnings}
    assert (rows[6], "id_converted_15") in warnings
    assert (rows[8], "missing_id") in warnings
    assert result.households[0].persons[6].id_number == "33080219800101131" + check_character("33080219800101131")
    duplicate = next(i for i in result.errors if i.kind == "duplicate_id")
    assert f"第 {rows[0]} 行" in duplicate.message


def test_phone_and_bank_account_checks(tmp_path: Path) -> None:
    rng = random.Random(10)
    families = [
        _family(rng, "H001", phone=13812345678, bank_account=6228480402564890018),
        _family(rng, "H002", phone="0571-8888888", bank_account="6228 4804 0256 4890 018"),
        _family(rng, "H003", phone="1380013800"),
    ]
    result = _read(_xlsx(tmp_path, survey_layout(families)))
    first, second, third = result.households
    assert first.phone == "13812345678" and first.bank_account == ""
    assert second.bank_account == "6228480402564890018"
    assert second.phone == "0571-8888888"  # a landline with its area code (domain.contacts.check_phone)
    assert third.phone == ""
    assert [(i.row, i.column, i.kind) for i in result.errors] == [
        (first.row, "P", "bad_account"),
        (third.row, "I", "bad_phone"),
    ]  # a phone the editor would refuse is refused here too
    assert "数字" in result.errors[0].message
    assert not [i for i in result.warnings if i.kind == "bad_phone"]


# --- layout ----------------------------------------------------------------------------------


def test_blank_rows_and_subtotals(tmp_path: Path) -> None:
    rng = random.Random(11)
    layout = survey_layout([_family(rng, "H001"), _family(rng, "H002", 2)], blank_between=True, total="小 计")
    layout.rows.append([])
    layout.rows.append(["合计", None, None, "3人", None, None, None, None, None, None, 2.5])
    rows = len(layout.rows)
    layout.put(rows, 0, "调查人：李四　　户主签字：")
    result = _read(_xlsx(tmp_path, layout))
    assert result.errors == []
    assert [h.household_no for h in result.households] == ["H001", "H002"]
    assert sum(len(h.persons) for h in result.households) == 5
    assert sum(p.area_mu for h in result.households for p in h.parcels) == Decimal("2.50")
    assert result.sheets[0].last_row == result.households[1].persons[-1].row


def test_merges_do_not_spill_and_unmerged_members_stay(tmp_path: Path) -> None:
    rng = random.Random(12)
    merged = survey_layout([_family(rng, "H001", 3), _family(rng, "H002", 1), _family(rng, "H003", 2)])
    unmerged = survey_layout([_family(rng, "H011", 3), _family(rng, "H012", 1), _family(rng, "H013", 2)], merge=False)
    path = write_xlsx(tmp_path / "s.xlsx", {"一组": merged, "二组": unmerged})
    result = _read(path)
    assert result.errors == []
    assert [len(h.persons) for h in result.households] == [3, 1, 2, 3, 1, 2]
    assert all(len(h.parcels) == 1 and h.parcels[0].area_mu == Decimal("1.25") for h in result.households)


def test_household_cells_repeated_on_every_row(tmp_path: Path) -> None:
    rng = random.Random(13)
    layout = survey_layout([_family(rng, "H001", 3), _family(rng, "H002", 2)], repeat_household_cells=True)
    result = _read(_xlsx(tmp_path, layout))
    assert result.errors == []
    assert [h.household_no for h in result.households] == ["H001", "H002"]
    assert [len(h.persons) for h in result.households] == [3, 2]
    for hh in result.households:
        assert [(p.land_class, p.area_mu) for p in hh.parcels] == [("水田", Decimal("1.25"))]
        assert [(s.structure_type, s.floor_area_m2) for s in hh.structures] == [("砖混", Decimal("120.50"))]
        assert [a.quantity for a in hh.attachments] == [5]


def test_second_parcel_and_structure_on_following_row(tmp_path: Path) -> None:
    rng = random.Random(14)
    fam = _family(
        rng,
        "H001",
        1,
        extra_rows=[{"land_class": "旱地", "land_area_mu": 0.5, "structure_type": "简易", "floor_area_m2": 20}],
    )
    result = _read(_xlsx(tmp_path, survey_layout([fam], merge=False)))
    hh = result.households[0]
    assert len(hh.persons) == 1
    assert [(p.land_class, p.area_mu) for p in hh.parcels] == [("水田", Decimal("1.25")), ("旱地", Decimal("0.50"))]
    assert [s.structure_type for s in hh.structures] == ["砖混", "简易"]


def test_household_number_problems(tmp_path: Path) -> None:
    rng = random.Random(15)
    first = _family(rng, "H001", 2)
    twin = _family(rng, "H001", 1)
    twin["members"][0]["name"] = twin["head"] = "刘备"
    nameless = _family(rng, "", 1)
    del nameless["household_no"]
    nameless["members"][0]["name"] = nameless["head"] = "关羽"
    layout = survey_layout([first, twin, nameless])
    result = _read(_xlsx(tmp_path, layout))
    assert [h.head for h in result.households] == ["张伟", "刘备", "关羽"]
    kinds = [(i.kind, i.column) for i in result.errors]
    assert ("duplicate_household", "B") in kinds and ("missing_household_no", "B") in kinds
    duplicate = next(i for i in result.errors if i.kind == "duplicate_household")
    assert duplicate.row == result.households[1].row


def test_formula_cells(tmp_path: Path) -> None:
    rng = random.Random(16)
    cached = _family(rng, "H001", 1, land_area_mu=Formula("=1+0.25", 1.25), trees=Formula("=2+3", 5))
    missing = _family(rng, "H002", 1, land_area_mu=Formula("=1+0.25"))
    layout_cached = survey_layout([cached])
    result = _read(_xlsx(tmp_path, layout_cached))
    assert result.errors == []
    formula_warnings = [(i.column, i.kind) for i in result.warnings if i.kind == "formula"]
    assert formula_warnings == [("K", "formula"), ("N", "formula")]
    assert result.households[0].parcels[0].area_mu == Decimal("1.25")

    path = write_xlsx_openpyxl(tmp_path / "nocache.xlsx", {"一组": survey_layout([missing])})
    result = _read(path)
    assert [(i.column, i.kind) for i in result.errors] == [("K", "formula")]
    assert "计算结果" in result.errors[0].message
    assert result.households[0].parcels == []


# --- file formats ------------------------------------------------------------------------------


def _format_layout() -> Layout:
    rng = random.Random(17)
    fam1 = _family(rng, "H001", 3)
    fam1["members"][0]["birth_date"] = date(1970, 5, 6)
    return survey_layout([fam1, _family(rng, "H002", 2, land_area_mu="0.8亩")], blank_between=True)


def _assert_format_result(result: SurveyReadResult) -> None:
    assert result.errors == []
    assert [h.household_no for h in result.households] == ["H001", "H002"]
    assert [len(h.persons) for h in result.households] == [3, 2]
    assert [h.parcels[0].area_mu for h in result.households] == [Decimal("1.25"), Decimal("0.80")]
    assert result.households[0].persons[0].birth_date == date(1970, 5, 6)
    assert result.households[0].village == "东岗村" and result.households[0].group == "一组"


Writer = Callable[[Path, Layout], Path]
WRITERS: dict[str, Writer] = {
    "xlsx": lambda p, layout: write_xlsx(p / "s.xlsx", {"一组": layout}),
    "xlsm": lambda p, layout: write_xlsx(p / "s.xlsm", {"一组": layout}),
    "xls": lambda p, layout: write_xls(p / "s.xls", {"一组": layout}),
    "ods": lambda p, layout: write_ods(p / "s.ods", {"一组": layout}),
    "csv-utf8": lambda p, layout: write_csv(p / "一组.csv", layout, "utf-8"),
    "csv-utf8-bom": lambda p, layout: write_csv(p / "一组.csv", layout, "utf-8-sig"),
    "csv-gb18030": lambda p, layout: write_csv(p / "一组.csv", layout, "gb18030"),
    "txt-utf16-tab": lambda p, layout: write_csv(p / "一组.txt", layout, "utf-16", "\t"),
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_every_file_format(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path, _format_layout())
    result = _read(path)
    _assert_format_result(result)
    assert list_sheets(path) == ["一组"]


def test_gb18030_is_not_mistaken_for_utf8(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", _format_layout(), "gb18030")
    assert path.read_bytes().decode("gb18030").startswith("东岗村")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    _assert_format_result(_read(path))


def test_ods_formulas_and_merges(tmp_path: Path) -> None:
    rng = random.Random(18)
    layout = survey_layout([_family(rng, "H001", 3, land_area_mu=Formula("1+0.25", 1.25)), _family(rng, "H002", 2)])
    result = _read(write_ods(tmp_path / "s.ods", {"一组": layout}))
    assert result.errors == []
    assert [len(h.persons) for h in result.households] == [3, 2]
    assert [(i.column, i.kind) for i in result.warnings if i.kind == "formula"] == [("K", "formula")]


def test_preview_and_list_sheets(tmp_path: Path) -> None:
    rng = random.Random(19)
    path = write_xlsx(tmp_path / "s.xlsx", {"一组": survey_layout([_family(rng)]), "说明": Layout(rows=[["本表说明"]])})
    assert list_sheets(path) == ["一组", "说明"]
    rows = preview(path, "一组", rows=6)
    assert len(rows) == 6
    assert rows[0][0].startswith("东岗村") and rows[3][3] == "姓名" and rows[4][1] == "H001"
    assert rows[4][10] == "1.25"
    result = _read(path)
    assert [s.name for s in result.sheets] == ["一组"]
    assert [(i.sheet, i.kind, i.severity) for i in result.issues if i.sheet == "说明"] == [
        ("说明", "sheet_skipped", "warning")
    ]


def test_progress_and_cancel(tmp_path: Path) -> None:
    rng = random.Random(20)
    path = _xlsx(tmp_path, survey_layout([_family(rng, f"H{i:03d}", 3) for i in range(400)]))
    seen: list[tuple[int, int]] = []
    read_survey(path, ReadOptions(today=TODAY), progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 3
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1][0] == seen[-1][1] > 1200
    with pytest.raises(ReadCancelled):
        read_survey(path, ReadOptions(today=TODAY), cancelled=lambda: True)


def test_empty_and_headerless_sheets_are_issues(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", {"空": Layout(), "乱": Layout(rows=[["随便写点"], [1, 2, 3]])})
    result = _read(path)
    assert result.households == []
    assert sorted((i.sheet, i.kind) for i in result.errors) == [("乱", "no_header")]
    explicit = _read(path, sheets=["空", "没有这个"])
    assert sorted((i.sheet, i.kind) for i in explicit.errors) == [("没有这个", "missing_sheet"), ("空", "no_header")]
    blank = _read(write_xlsx(tmp_path / "b.xlsx", {"Sheet1": Layout()}))
    assert [(i.kind, i.row, i.column) for i in blank.errors] == [("empty_file", 1, "A")]


def test_hidden_survey_sheet_is_skipped_with_a_warning(tmp_path: Path) -> None:
    import openpyxl

    rng = random.Random(21)
    path = write_xlsx(
        tmp_path / "h.xlsx", {"一组": survey_layout([_family(rng)]), "旧": survey_layout([_family(rng, "H9")])}
    )
    book = openpyxl.load_workbook(path)
    book["旧"].sheet_state = "hidden"
    book.save(path)
    result = _read(path)
    assert [h.household_no for h in result.households] == ["H001"]
    assert [(i.sheet, i.kind) for i in result.warnings if i.kind == "hidden_sheet"] == [("旧", "hidden_sheet")]
    assert [h.household_no for h in _read(path, sheets=["旧"]).households] == ["H9"]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_hidden_rows_are_imported_with_one_warning_per_run(tmp_path: Path, suffix: str) -> None:
    layout = survey_layout([_family(random.Random(22), no) for no in ("H001", "H002", "H003")])
    first = next(r for r, row in enumerate(layout.rows) if len(row) > 1 and row[1] == "H002")  # 0-based
    hide = frozenset({first, first + 1, first + 2, 1})  # H002's three rows, and the title's filler line (not data)
    if suffix == ".xlsx":
        import openpyxl

        plain_path = write_xlsx(tmp_path / "plain.xlsx", {"一组": layout})
        book = openpyxl.load_workbook(plain_path)
        for r in hide:
            book["一组"].row_dimensions[r + 1].hidden = True
        path = tmp_path / "hidden.xlsx"
        book.save(path)
    else:
        plain_path = write_ods(tmp_path / "plain.ods", {"一组": layout})
        path = write_ods(tmp_path / "hidden.ods", {"一组": layout}, hidden_rows=hide)
    plain, result = _read(plain_path), _read(path)
    # the same households and persons as without hiding: hidden rows are data like the others
    assert [(h.household_no, len(h.persons)) for h in result.households] == [
        (h.household_no, len(h.persons)) for h in plain.households
    ]
    assert len(result.households) == 3
    hidden = [i for i in result.warnings if i.kind == "hidden_rows"]
    assert [(i.sheet, i.row) for i in hidden] == [("一组", first + 1)]
    assert f"第 {first + 1}–{first + 3} 行（3 行）" in hidden[0].message and "隐藏" in hidden[0].message
    assert [i for i in plain.issues if i.kind == "hidden_rows"] == []
    assert sorted((i.row, i.kind) for i in result.issues if i.kind != "hidden_rows") == sorted(
        (i.row, i.kind) for i in plain.issues
    )


def test_small_roster_without_household_numbers(tmp_path: Path) -> None:
    rows = [
        ["姓名", "与户主关系", "身份证号"],
        ["李明", "户主", _id(date(1980, 2, 3))],
        ["王芳", "配偶", _id(date(1982, 4, 5), "女")],
        ["李小", "户主", _id(date(1990, 4, 5))],
    ]
    result = _read(write_csv(tmp_path / "名单.csv", Layout(rows=rows)))
    assert result.errors == []
    assert [i.kind for i in result.warnings] == ["missing_household_no"]
    assert [[p.name for p in h.persons] for h in result.households] == [["李明", "王芳"], ["李小"]]
    assert [h.head for h in result.households] == ["李明", "李小"]
