from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from resettle.domain.rates import (
    BASES,
    Condition,
    RateError,
    RateTable,
    Rule,
    format_conditions,
    normalise_basis,
    normalise_payee,
    normalise_unit,
    parse_conditions,
    parse_date_text,
)
from resettle.domain.sample_rates import sample_rate_table


def rule(**kw: object) -> Rule:
    base: dict[str, object] = {
        "code": "R1",
        "item": "土地补偿费",
        "basis": "土地面积",
        "conditions": "地类=水田",
        "unit_price_fen": 6_200_000,
    }
    base.update(kw)
    return Rule.from_text(**base)  # type: ignore[arg-type]


def test_conditions_parse_in_order_with_alternatives() -> None:
    got = parse_conditions("地类=水田、旱地;合法性=合法")
    assert got == (Condition("地类", ("水田", "旱地")), Condition("合法性", ("合法",)))
    assert format_conditions(got) == "地类=水田、旱地;合法性=合法"


def test_conditions_accept_full_width_separators_spaces_and_bars() -> None:
    assert parse_conditions(" 地类 ＝ 水田 | 旱地 ；标签=低保户 ") == (
        Condition("地类", ("水田", "旱地")),
        Condition("标签", ("低保户",)),
    )
    assert parse_conditions("") == ()
    assert parse_conditions(";;") == ()


@pytest.mark.parametrize(
    "text", ["签约截止=2026-06-30", "签约截止=2026/6/30", "签约截止=2026年6月30日", "签约截止=2026.6.30"]
)
def test_signing_deadline_is_a_date_in_any_usual_spelling(text: str) -> None:
    (cond,) = parse_conditions(text)
    assert cond.values == ("2026-06-30",)
    assert cond.deadline == date(2026, 6, 30)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("地类水田", "字段=值"),
        ("面积=3", "无法识别"),
        ("地类=水田;地类=旱地", "重复"),
        ("地类=", "没有取值"),
        ("签约截止=2026-02-30", "不存在"),
        ("签约截止=明年", "无法识别"),
        ("签约截止=2026-06-30、2026-07-30", "一个日期"),
    ],
)
def test_bad_conditions_are_refused_in_chinese(text: str, words: str) -> None:
    with pytest.raises(RateError, match=words):
        parse_conditions(text)


def test_aliases_of_basis_payee_and_unit() -> None:
    assert normalise_basis("建筑面积") == "房屋面积"
    assert normalise_basis("过渡月数*人口") == "过渡月数×人口"
    assert normalise_basis(" 每 户 ") == "每户"
    assert normalise_payee("村集体") == "集体"
    assert normalise_payee("") == "户"
    assert normalise_unit("平方米", "房屋面积") == "㎡"
    assert normalise_unit("", "土地面积") == "亩"
    assert normalise_unit("棵", "附着物数量") == "棵"
    with pytest.raises(RateError, match="依据"):
        normalise_basis("按人头")
    with pytest.raises(RateError, match="支付对象"):
        normalise_payee("银行")
    with pytest.raises(RateError, match="单位应为「亩」"):
        normalise_unit("㎡", "土地面积")
    with pytest.raises(RateError, match="必须填写单位"):
        normalise_unit("", "附着物数量")


def test_rule_from_text_fills_the_unit_of_its_basis() -> None:
    r = rule(unit="", payee="社保账户", basis="安置人口", conditions="")
    assert (r.unit, r.payee, r.basis) == ("人", "社保", "安置人口")


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"basis": "每户", "conditions": "地类=水田"}, "不能带条件「地类」"),
        ({"basis": "附着物数量", "conditions": "", "unit": "棵"}, "附着物="),
        ({"unit_price_fen": -1}, "不能为负数"),
        ({"minimum_fen": 500, "maximum_fen": 100}, "最低金额不能高于最高金额"),
        ({"code": " "}, "编码不能为空"),
        ({"item": ""}, "项目不能为空"),
        ({"code": "X" * 31}, "超过 30"),
    ],
)
def test_rules_that_cannot_work_are_refused(kw: dict[str, object], words: str) -> None:
    with pytest.raises(RateError, match=words):
        rule(**kw)


def test_rule_refuses_a_float_price() -> None:
    with pytest.raises(RateError, match="整数分"):
        Rule("R", "项目", "每户", (), 10.5, "户")  # type: ignore[arg-type]


def test_rule_refuses_unknown_basis_and_payee_when_built_directly() -> None:
    with pytest.raises(RateError, match="依据"):
        Rule("R", "项目", "人头", (), 100, "人")
    with pytest.raises(RateError, match="支付对象"):
        Rule("R", "项目", "每户", (), 100, "户", payee="银行")
    with pytest.raises(RateError, match="单位"):
        Rule("R", "项目", "每户", (), 100, "人")


def test_table_refuses_duplicate_codes_and_lists_items_in_order() -> None:
    a, b = rule(code="A"), rule(code="B", item="青苗补偿费")
    table = RateTable("标准", rules=(a, b, rule(code="C")))
    assert table.items() == ["土地补偿费", "青苗补偿费"]
    assert table.label == "标准（第1版）"
    with pytest.raises(RateError, match="重复"):
        RateTable("标准", rules=(a, replace(b, code="A")))
    with pytest.raises(RateError, match="名称"):
        RateTable(" ")
    with pytest.raises(RateError, match="版本"):
        RateTable("标准", version=0)
    with pytest.raises(RateError, match="状态"):
        RateTable("标准", status="作废")


def test_sample_table_has_twenty_valid_rules_covering_every_basis() -> None:
    table = sample_rate_table()
    assert len(table.rules) == 20
    banded = sample_rate_table(age_bands=True)  # the demo's: 社保费用 by the social-security age bands
    assert {r.basis for r in table.rules} | {r.basis for r in banded.rules} == set(BASES)
    assert [r.code for r in banded.rules] == [r.code for r in table.rules]
    assert {r.payee for r in table.rules} == {"户", "社保"}
    moving = next(r for r in table.rules if r.code == "BQ-01")
    assert moving.minimum_fen == 300_000


def test_parse_date_text_refuses_nonsense() -> None:
    assert parse_date_text("2026-6-1") == date(2026, 6, 1)
    with pytest.raises(RateError):
        parse_date_text("20260601")
