"""Cell values, header words, place names and saved mapping profiles."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from resettle.io.headers import (
    FIELD_LABELS,
    MappingProfile,
    ProfileError,
    classify_header,
    field_label,
    load_profiles,
    normalize_header,
    save_profiles,
)
from resettle.io.survey import place_from_text
from resettle.io.values import (
    CellProblem,
    PartialDate,
    clean_name,
    clean_text,
    display,
    parse_birth_date,
    parse_count,
    parse_quantity_cell,
    parse_sex,
)

TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    "value",
    [
        datetime(1985, 3, 12, 0, 0),
        date(1985, 3, 12),
        "1985.3.12",
        "1985年3月12日",
        "1985年03月12号",
        "1985/03/12",
        "1985-03-12",
        "1985-3-12 00:00:00",
        "19850312",
        " 1985 . 3 . 12 ",
        "１９８５／３／１２",
        31118,
        31118.0,
        31118.5,
        19850312,
    ],
)
def test_birth_date_forms(value: object) -> None:
    assert parse_birth_date(value, TODAY) == PartialDate(1985, 3, 12)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1985.3", PartialDate(1985, 3)), ("1985年3月", PartialDate(1985, 3)), ("198503", PartialDate(1985, 3)),
     (198503, PartialDate(1985, 3)), ("1985", PartialDate(1985)), (1985, PartialDate(1985))],
)  # fmt: skip
def test_year_month_forms(value: object, expected: PartialDate) -> None:
    parsed = parse_birth_date(value, TODAY)
    assert parsed == expected and parsed is not None and parsed.full is None


@pytest.mark.parametrize(
    "value",
    ["1985.13.45", "1985.2.30", "1900-02-29", "2030-01-01", "1850-01-01", "85.3.12", "三月", "1985.3.12.5", 60,
     -5, 10**12, True, "٣١/٠١/١٩٨٥", "1985-00-10"],
)  # fmt: skip
def test_impossible_or_unreadable_dates(value: object) -> None:
    with pytest.raises(CellProblem):
        parse_birth_date(value, TODAY)


def test_blank_dates_are_none() -> None:
    assert parse_birth_date(None) is None
    assert parse_birth_date("　") is None
    assert parse_birth_date("/") is None


def test_names_and_text() -> None:
    assert clean_name("王　芳") == "王芳"
    assert clean_name(" 李\u00a0四\n") == "李四"
    assert clean_name("阿卜杜·热合曼") == "阿卜杜·热合曼"
    assert clean_text("  农村\n信用社\u200b ") == "农村 信用社"
    assert display(3.308021970103029e17) == "3.308021970103029e+17"
    assert display(8.0) == "8"
    assert display(datetime(2020, 1, 2)) == "2020-01-02"
    assert display(None) == ""


def test_sex_spellings() -> None:
    assert [parse_sex(v) for v in ("男", " 女 ", "男性", "F", "ｍ", None)] == ["男", "女", "男", "女", "男", None]
    with pytest.raises(CellProblem):
        parse_sex("未知")


def test_quantities_are_exact() -> None:
    assert parse_quantity_cell(200.14, ("亩",)) == Decimal("200.14")
    assert parse_quantity_cell(12345.670000000002, ("㎡",)) == Decimal("12345.67")
    assert parse_quantity_cell("1.25亩", ("亩",)) == Decimal("1.25")
    assert parse_quantity_cell("1,234.5 ㎡", ("㎡",)) == Decimal("1234.50")
    assert parse_quantity_cell("—", ("亩",)) is None
    assert parse_count("12棵", ("棵",)) == 12
    for bad in ("12,345.60元", "abc", "-3", "1e400", "9" * 90, 1e300, True):
        with pytest.raises(CellProblem):
            parse_quantity_cell(bad, ("亩",))
    with pytest.raises(CellProblem, match="整数"):
        parse_count(2.5, ("棵",))


@pytest.mark.parametrize(
    ("text", "parent", "expected"),
    [
        ("户主", "", "head"), ("户主姓名", "", "head"), ("身份证\n号码", "", "id_number"),
        ("公民身份号码", "", "id_number"), ("身份证号", "", "id_number"), ("身份证", "", "id_number"),
        ("姓　名", "家庭成员", "name"), ("成员姓名", "", "name"), ("关系", "", "relation"),
        ("出生年月", "", "birth_date"), ("电话", "", "phone"), ("手机", "", "phone"),
        ("土地类别", "", "land_class"), ("面积(亩)", "被征收土地", "land_area_mu"),
        ("征收面积", "", "land_area_mu"), ("面积（亩）", "", "land_area_mu"), ("结构", "房屋", "structure_type"),
        ("建筑面积\n(㎡)", "", "floor_area_m2"), ("建筑面积（平方米）", "", "floor_area_m2"),
        ("面积", "房屋", "floor_area_m2"), ("面积(㎡)", "", "floor_area_m2"), ("果树(棵)", "", "trees"),
        ("果树", "", "trees"), ("开户行", "", "bank_name"), ("银行卡号", "", "bank_account"),
        ("账号", "", "bank_account"), ("银行帐号", "", "bank_account"), ("备注", "", "remarks"),
        ("*姓名：", "", "name"), ("水田", "被征收土地面积（亩）", "land_area_mu:水田"),
        ("砖混", "房屋建筑面积(㎡)", "floor_area_m2:砖混"), ("姓名", "户主", "head"),
        ("合计", "", None), ("东岗村征地拆迁入户调查登记表（一组）", "", None),
    ],
)  # fmt: skip
def test_header_words(text: str, parent: str, expected: str | None) -> None:
    found = classify_header(text, parent)
    assert (found[0] if found else None) == expected


def test_header_normalisation_and_units() -> None:
    assert normalize_header("建筑面积\n(㎡)") == ("建筑面积", "m2")
    assert normalize_header("面积 / 亩") == ("面积", "亩")
    assert classify_header("征收面积(㎡)") == ("land_area_mu", "㎡")
    assert classify_header("果树(株)") == ("trees", "棵")
    assert set(FIELD_LABELS) == {
        "seq", "household_no", "head", "name", "relation", "sex", "id_number", "birth_date", "phone", "land_class",
        "land_area_mu", "structure_type", "floor_area_m2", "trees", "bank_name", "bank_account", "remarks",
        "village", "group", "address",
    }  # fmt: skip
    assert field_label("id_number") == "身份证号码"
    assert field_label("land_area_mu:水田") == "水田面积(亩)"


@pytest.mark.parametrize(
    ("text", "village", "group"),
    [
        ("东岗村征地拆迁入户调查登记表（一组）", "东岗村", "一组"),
        ("某某县某某镇西岭村第三村民小组入户调查表", "西岭村", "第三村民小组"),
        ("2024年新市村5组征地调查表", "新市村", "5组"),
        ("一组", None, "一组"),
        ("Sheet1", None, None),
        ("村民小组登记表", None, None),
    ],
)
def test_place_from_text(text: str, village: str | None, group: str | None) -> None:
    assert place_from_text(text) == (village, group)


def test_profiles_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "profiles" / "mapping.json"
    assert load_profiles(path) == {}
    profiles = [
        MappingProfile(
            "城关镇格式", columns={"id_number": "G", "name": "D"}, aliases={"证号": "id_number"}, header_row=4
        ),
        MappingProfile("简表"),
    ]
    save_profiles(path, profiles)
    loaded = load_profiles(path)
    assert list(loaded) == ["城关镇格式", "简表"]
    assert loaded["城关镇格式"] == profiles[0]
    assert "城关镇格式" in path.read_text(encoding="utf-8")  # readable JSON, not \\u escapes
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"version": 99, "profiles": []}),
        json.dumps({"version": 1, "profiles": [{"columns": {}}]}),
        json.dumps({"version": 1, "profiles": [{"name": "x", "columns": {"a": 1}}]}),
        json.dumps({"version": 1, "profiles": [{"name": "x", "header_row": 0}]}),
        json.dumps({"version": 1, "profiles": "x"}),
    ],
)
def test_damaged_profiles_are_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profiles(path)
