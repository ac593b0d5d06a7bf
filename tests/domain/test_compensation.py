from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resettle.domain.compensation import (
    Adjustment,
    AttachmentFact,
    HouseholdFacts,
    ParcelFact,
    StructureFact,
    compute,
    facts_digest,
    format_quantity,
    lines_digest,
    total_fen,
    totals_by,
)
from resettle.domain.money import times
from resettle.domain.rates import RateError, RateTable, Rule
from resettle.domain.sample_rates import sample_rate_table


def table(*rules: Rule, version: int = 3) -> RateTable:
    return RateTable("测试标准", version=version, rules=rules)


def r(code: str, item: str, basis: str, conditions: str, price_fen: int, **kw: object) -> Rule:
    return Rule.from_text(code=code, item=item, basis=basis, conditions=conditions, unit_price_fen=price_fen, **kw)  # type: ignore[arg-type]


def test_domain_md_worked_example_prints_its_formula() -> None:
    facts = HouseholdFacts(parcels=(ParcelFact("水田", Decimal("1.25")),))
    (line,) = compute(facts, table(r("TD-01", "土地补偿费", "土地面积", "地类=水田", 6_200_000)))
    assert line.amount_fen == 7_750_000
    assert line.formula == "1.25 亩 × 62,000.00 元/亩 = 77,500.00 元"
    assert (line.rule_code, line.unit, line.unit_price_fen, line.table_version) == ("TD-01", "亩", 6_200_000, 3)


def test_half_up_not_half_even_4_25_mu_at_1850_50() -> None:
    facts = HouseholdFacts(parcels=(ParcelFact("旱地", Decimal("4.25")),))
    (line,) = compute(facts, table(r("QM-01", "青苗补偿费", "土地面积", "", 185_050)))
    assert line.amount_fen == 786_463
    assert line.formula == "4.25 亩 × 1,850.50 元/亩 = 7,864.63 元"
    # the same product rounded half-even (Decimal's default) would have given .62
    assert (Decimal("4.25") * Decimal("1850.50")).quantize(Decimal("0.01"), ROUND_HALF_EVEN) == Decimal("7864.62")


def test_land_rule_sums_only_parcels_of_its_class() -> None:
    facts = HouseholdFacts(
        parcels=(
            ParcelFact("水田", Decimal("1.2500")),
            ParcelFact("旱地", Decimal("2")),
            ParcelFact("水田", Decimal("0.3375")),
        )
    )
    rules = table(
        r("A", "土地补偿费", "土地面积", "地类=水田", 6_200_000),
        r("B", "土地补偿费", "土地面积", "地类=旱地", 4_800_000),
        r("C", "土地补偿费", "土地面积", "地类=林地", 3_000_000),
    )
    lines = compute(facts, rules)
    assert [(ln.rule_code, ln.quantity) for ln in lines] == [("A", Decimal("1.5875")), ("B", Decimal("2"))]
    assert lines[0].amount_fen == times(Decimal("1.5875"), 6_200_000) == 9_842_500
    assert lines[0].formula.startswith("1.5875 亩 × ")
    assert lines[1].formula.startswith("2.00 亩 × ")


def test_illegal_buildings_get_nothing_unless_a_rule_names_them() -> None:
    facts = HouseholdFacts(
        structures=(
            StructureFact("砖混", Decimal("120.00"), legal_status="合法", decoration_fen=3_000_000),
            StructureFact("砖混", Decimal("40.00"), legal_status="违法", decoration_fen=1_000_000),
        )
    )
    rules = [
        r("FW", "房屋补偿", "房屋面积", "结构=砖混", 138_000),
        r("ZX", "装修补偿", "装修评估价", "", 100),
        r("BQ", "搬迁费", "房屋面积", "", 3_000),
    ]
    lines = compute(facts, table(*rules))
    assert [(ln.rule_code, ln.quantity) for ln in lines] == [
        ("FW", Decimal("120.00")),
        ("ZX", Decimal("30000.00")),
        ("BQ", Decimal("120.00")),
    ]
    salvage = r("CL", "违建材料补助", "房屋面积", "合法性=违法、临时", 5_000)
    (line,) = compute(facts, table(salvage))
    assert (line.quantity, line.amount_fen) == (Decimal("40.00"), 200_000)


def test_decoration_is_priced_as_appraised_value_times_a_coefficient() -> None:
    facts = HouseholdFacts(structures=(StructureFact("框架", Decimal("100.00"), decoration_fen=3_218_000),))
    (line,) = compute(facts, table(r("ZX", "装修补偿", "装修评估价", "", 80)))
    assert line.amount_fen == 2_574_400
    assert line.formula == "装修评估价 32,180.00 元 × 0.80 = 25,744.00 元"


def test_minimum_and_maximum_clamp_the_line_and_say_so() -> None:
    small = HouseholdFacts(structures=(StructureFact("简易", Decimal("50.00")),))
    (line,) = compute(small, table(r("BQ", "搬迁费", "房屋面积", "", 3_000, minimum_fen=300_000)))
    assert line.amount_fen == 300_000
    assert line.formula == "50.00 ㎡ × 30.00 元/㎡ = 1,500.00 元，低于最低标准，按 3,000.00 元计"
    big = HouseholdFacts(structures=(StructureFact("框架", Decimal("500.00")),))
    (line,) = compute(big, table(r("BQ", "搬迁费", "房屋面积", "", 3_000, maximum_fen=1_000_000)))
    assert line.amount_fen == 1_000_000
    assert line.formula.endswith("超过最高标准，按 10,000.00 元计")


def test_a_minimum_is_not_paid_for_nothing() -> None:
    assert compute(HouseholdFacts(), table(r("BQ", "搬迁费", "房屋面积", "", 3_000, minimum_fen=300_000))) == []


def test_signing_reward_only_inside_the_window() -> None:
    reward = table(r("JL", "签约奖励", "每户", "签约截止=2026-06-30", 2_000_000))
    assert compute(HouseholdFacts(signed_on=date(2026, 6, 30)), reward)[0].amount_fen == 2_000_000
    assert compute(HouseholdFacts(signed_on=date(2026, 7, 1)), reward) == []
    assert compute(HouseholdFacts(signed_on=None), reward) == []


def test_tag_rule_pays_vulnerable_households_only() -> None:
    uplift = table(r("KN", "困难补助", "每户", "标签=低保户、五保户", 1_000_000))
    assert compute(HouseholdFacts(tags=frozenset({"五保户"})), uplift)[0].formula == (
        "1 户 × 10,000.00 元/户 = 10,000.00 元"
    )
    assert compute(HouseholdFacts(tags=frozenset({"残疾"})), uplift) == []


def test_transition_fee_is_persons_times_months() -> None:
    fee = table(r("GD", "过渡费", "过渡月数×人口", "", 60_000))
    (line,) = compute(HouseholdFacts(resettled_persons=4, transition_months=24), fee)
    assert (line.quantity, line.unit, line.amount_fen) == (Decimal(96), "人·月", 5_760_000)
    assert line.formula == "4 人 × 24 个月 × 600.00 元/人·月 = 57,600.00 元"
    assert compute(HouseholdFacts(resettled_persons=4, transition_months=0), fee) == []


def test_attachments_by_kind_and_social_security_payee() -> None:
    facts = HouseholdFacts(
        attachments=(AttachmentFact("果树", Decimal("12.00"), "棵"), AttachmentFact("水井", Decimal("1.00"), "口")),
        resettled_persons=3,
    )
    rules = table(
        r("FJ-01", "附着物补偿", "附着物数量", "附着物=果树", 12_000, unit="棵"),
        r("FJ-03", "附着物补偿", "附着物数量", "附着物=围墙", 8_500, unit="米"),
        r("SB", "社保费用", "安置人口", "", 4_800_000, payee="社保"),
    )
    lines = compute(facts, rules)
    assert [ln.formula for ln in lines] == [
        "12 棵 × 120.00 元/棵 = 1,440.00 元",
        "3 人 × 48,000.00 元/人 = 144,000.00 元",
    ]
    assert totals_by(lines, "payee") == {"户": 144_000, "社保": 14_400_000}
    assert totals_by(lines, "item") == {"附着物补偿": 144_000, "社保费用": 14_400_000}


def test_adjustments_need_a_reason_and_count_in_the_total() -> None:
    with pytest.raises(RateError, match="原因"):
        Adjustment("房屋补偿", 10_000, " ")
    with pytest.raises(RateError, match="零"):
        Adjustment("房屋补偿", 0, "复测")
    with pytest.raises(RateError, match="支付对象"):
        Adjustment("房屋补偿", 100, "复测", payee="银行")
    facts = HouseholdFacts(resettled_persons=2)
    lines = compute(facts, table(r("AZ", "安置补助费", "安置人口", "", 3_500_000)))
    assert total_fen(lines, [Adjustment("房屋补偿", -12_345, "复测面积减少")]) == 7_000_000 - 12_345


def test_format_quantity() -> None:
    assert format_quantity(Decimal("1234.5"), "房屋面积") == "1,234.50"
    assert format_quantity(Decimal("0.3375"), "土地面积") == "0.3375"
    assert format_quantity(Decimal("3.0000"), "土地面积") == "3.00"
    assert format_quantity(Decimal("12.00"), "附着物数量") == "12"
    assert format_quantity(Decimal("12.50"), "附着物数量") == "12.50"


# --- properties --------------------------------------------------------------------------------

areas = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("999.9999"), places=4)
floor_areas = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)
facts_strategy = st.builds(
    HouseholdFacts,
    parcels=st.lists(
        st.builds(ParcelFact, st.sampled_from(["水田", "旱地", "园地", "林地", "其他农用地"]), areas), max_size=4
    ).map(tuple),
    structures=st.lists(
        st.builds(
            StructureFact,
            st.sampled_from(["框架", "砖混", "砖木", "简易"]),
            floor_areas,
            st.sampled_from(["住宅", "附属用房"]),
            st.sampled_from(["合法", "违法"]),
            st.integers(0, 50_000_000),
        ),
        max_size=3,
    ).map(tuple),
    attachments=st.lists(
        st.builds(AttachmentFact, st.sampled_from(["果树", "水井", "围墙"]), floor_areas), max_size=3
    ).map(tuple),
    resettled_persons=st.integers(0, 9),
    tags=st.sets(st.sampled_from(["低保户", "五保户", "残疾"])).map(frozenset),
    signed_on=st.none() | st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    transition_months=st.integers(0, 48),
)


@given(facts_strategy)
def test_total_is_the_sum_of_lines_each_rounded_once(facts: HouseholdFacts) -> None:
    lines = compute(facts, sample_rate_table())
    assert total_fen(lines) == sum(ln.amount_fen for ln in lines)
    assert sum(totals_by(lines, "item").values()) == total_fen(lines) == sum(totals_by(lines, "payee").values())
    rules = {rule.code: rule for rule in sample_rate_table().rules}
    for ln in lines:
        rule = rules[ln.rule_code]
        raw = times(ln.quantity, rule.unit_price_fen)
        expected = max(raw, rule.minimum_fen or 0)
        assert ln.amount_fen == expected
        assert ln.quantity > 0
        assert ln.formula.endswith(" 元") or "按" in ln.formula


@given(facts_strategy)
def test_recompute_is_idempotent(facts: HouseholdFacts) -> None:
    first = compute(facts, sample_rate_table())
    second = compute(facts, sample_rate_table())
    assert first == second
    assert lines_digest(first, 7) == lines_digest(second, 7)
    assert lines_digest(first, 7) != lines_digest(first, 8)


@given(facts_strategy, st.permutations(range(20)))
def test_rule_order_changes_order_not_amounts(facts: HouseholdFacts, order: list[int]) -> None:
    base = sample_rate_table()
    shuffled = RateTable(base.name, rules=tuple(base.rules[i] for i in order))
    assert sorted(compute(facts, base), key=lambda ln: ln.rule_code) == sorted(
        compute(facts, shuffled), key=lambda ln: ln.rule_code
    )


@given(facts_strategy)
def test_facts_digest_sees_every_input_and_ignores_tag_order(facts: HouseholdFacts) -> None:
    assert facts_digest(facts, 1) == facts_digest(facts._replace(tags=frozenset(sorted(facts.tags))), 1)
    assert facts_digest(facts, 1) != facts_digest(facts, 2)
    for changed in (
        facts._replace(resettled_persons=facts.resettled_persons + 1),
        facts._replace(transition_months=facts.transition_months + 1),
        facts._replace(signed_on=date(2027, 1, 1)),
        facts._replace(tags=facts.tags | {"新标签"}),
        facts._replace(parcels=(*facts.parcels, ParcelFact("水田", Decimal("0.0001")))),
        facts._replace(structures=(*facts.structures, StructureFact("框架", Decimal("1.00")))),
        facts._replace(attachments=(*facts.attachments, AttachmentFact("水井", Decimal("1.00"), "口"))),
    ):
        assert facts_digest(changed, 1) != facts_digest(facts, 1)
